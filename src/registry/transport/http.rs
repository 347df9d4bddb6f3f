//! The process's one HTTP client, shared by the registry transport, the
//! credential sources and the control-plane client: one connection pool, one
//! TLS set-up (whose trusted roots load on the first handshake, see `tls`).
//! It never decides what a status means; the callers do.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The process's one HTTP client, built on first use: commands that never
/// reach the network, such as `history`, build none.
#[derive(Clone, Default)]
pub struct SharedHttp(Arc<OnceLock<reqwest::Client>>);

impl SharedHttp {
    pub fn get(&self) -> &reqwest::Client {
        self.0.get_or_init(http_client)
    }
}

pub fn http_client() -> reqwest::Client {
    builder().read_timeout(Duration::from_secs(60)).build().expect("the HTTP client's fixed configuration is valid")
}

/// A client for one long request whose answer comes only when the work is done (an import of a
/// million records): no limit on a read, `limit` on the whole.
pub fn patient_client(limit: Duration) -> reqwest::Client {
    builder().timeout(limit).build().expect("the HTTP client's fixed configuration is valid")
}

fn builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .tls_backend_preconfigured(super::tls::client_config())
        .user_agent(concat!("facetctl/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(10))
        .pool_idle_timeout(Duration::from_secs(30))
}

/// The innermost cause of an error ("Connection refused"), which is what a
/// person can act on; the layers above it (the client library's, the SDK's)
/// only say which call failed, and the caller says that better.
pub fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut inner = e;
    while let Some(next) = inner.source() {
        inner = next;
    }
    inner.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::transport::stub::{Reply, Stub};

    #[derive(Debug, thiserror::Error)]
    #[error("{0}")]
    struct Layer(&'static str, #[source] Option<Box<Layer>>);

    #[test]
    fn the_innermost_cause_is_the_one_given() {
        let e = Layer(
            "GetAuthorizationToken failed",
            Some(Box::new(Layer("dispatch failure", Some(Box::new(Layer("no providers in chain", None)))))),
        );
        assert_eq!(root_cause(&e), "no providers in chain");
        assert_eq!(root_cause(&Layer("alone", None)), "alone");
    }

    #[tokio::test]
    async fn the_shared_client_is_built_once_and_names_facetctl() {
        let shared = SharedHttp::default();
        let copy = shared.clone();
        assert!(std::ptr::eq(shared.get(), copy.get()), "clones share one client");
        let stub = Stub::start(|_| Reply::status(200)).await;
        shared.get().get(format!("http://{}/v2/", stub.host())).send().await.unwrap();
        let agent = stub.requests()[0].header("user-agent").unwrap_or_default();
        assert!(agent.starts_with("facetctl/"), "{agent}");
    }
}
