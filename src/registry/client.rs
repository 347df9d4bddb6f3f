//! A client for one registry's distribution API: where it answers
//! (`RegistryEndpoint`) and the `RegistryClient` whose verbs live beside it,
//! one file per concern (`blobs`, `manifests`, `tags`, `referrers`), all
//! sending through one `Transport`.

use std::sync::Arc;

use super::credentials::CredentialSource;
use super::transport::{RetryPolicy, Transport};
use super::{Credentials, RegistryError};
use crate::model::{Registry, RegistryKind};

/// Where a registry answers and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryEndpoint {
    /// `host[:port]`.
    pub host: String,
    /// Plain HTTP instead of HTTPS.
    pub insecure: bool,
    /// The product, when known: it decides quirks and what errors advise.
    pub kind: Option<RegistryKind>,
}

impl RegistryEndpoint {
    /// A registry known only by a reference's host: loopback hosts speak
    /// plain HTTP, as Docker treats them.
    pub fn unregistered(host: &str) -> RegistryEndpoint {
        RegistryEndpoint { host: host.to_owned(), insecure: crate::model::is_loopback_host(host), kind: None }
    }

    /// `scheme://host[:port]`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", if self.insecure { "http" } else { "https" }, self.host)
    }
}

impl From<&Registry> for RegistryEndpoint {
    fn from(registry: &Registry) -> RegistryEndpoint {
        RegistryEndpoint { host: registry.host().to_owned(), insecure: registry.insecure, kind: Some(registry.kind) }
    }
}

/// A client for one registry. Cheap to share behind an `Arc`.
pub struct RegistryClient {
    pub(super) transport: Transport,
}

impl RegistryClient {
    pub fn new(
        http: reqwest::Client,
        endpoint: &RegistryEndpoint,
        credentials: Option<Credentials>,
        credential_source: CredentialSource,
    ) -> Arc<Self> {
        Arc::new(RegistryClient { transport: Transport::new(http, endpoint, credentials, credential_source) })
    }

    #[cfg(test)]
    pub(crate) fn over(transport: Transport) -> Arc<Self> {
        Arc::new(RegistryClient { transport })
    }

    pub fn host(&self) -> &str {
        &self.transport.host
    }

    pub fn credential_source(&self) -> &CredentialSource {
        self.transport.credential_source()
    }

    /// The one retry policy, for work above single requests (a blob that must start over).
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.transport.retry
    }

    /// `GET /v2/`: checks that the registry answers and accepts the credentials.
    pub async fn check(&self) -> Result<(), RegistryError> {
        let t = &self.transport;
        let url = t.url("/v2/");
        let resp = t.send(&[], "check access", || t.http.get(&url)).await?;
        if resp.status().is_success() { Ok(()) } else { Err(t.status_error(resp, "", "check access").await) }
    }
}

/// A client over a stub registry, for the verbs' tests.
#[cfg(test)]
pub(crate) fn stub_client(stub: &super::transport::stub::Stub, kind: Option<RegistryKind>) -> Arc<RegistryClient> {
    let endpoint = RegistryEndpoint { host: stub.host(), insecure: true, kind };
    let transport = Transport::new(super::transport::http_client(), &endpoint, None, CredentialSource::Anonymous)
        .with_retry(super::transport::RetryPolicy::quick());
    RegistryClient::over(transport)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::transport::stub::{Reply, Stub};

    #[test]
    fn an_endpoint_is_made_from_a_registry_record_or_a_bare_host() {
        let record = Registry {
            id: 1,
            name: "qa".into(),
            kind: RegistryKind::Harbor,
            uri: "harbor.example:8443/team".into(),
            insecure: false,
            username: None,
            created_by: "ci".into(),
            created_at: chrono::Utc::now(),
        };
        let e = RegistryEndpoint::from(&record);
        assert_eq!(
            e,
            RegistryEndpoint { host: "harbor.example:8443".into(), insecure: false, kind: Some(RegistryKind::Harbor) }
        );
        assert_eq!(e.base_url(), "https://harbor.example:8443");
        assert_eq!(RegistryEndpoint::unregistered("localhost:5000").base_url(), "http://localhost:5000");
        assert_eq!(RegistryEndpoint::unregistered("ghcr.io").base_url(), "https://ghcr.io");
    }

    #[tokio::test]
    async fn check_asks_the_base_and_reports_a_refusal() {
        let stub = Stub::start(|_| Reply::status(200)).await;
        stub_client(&stub, None).check().await.unwrap();
        assert_eq!(stub.requests()[0].path, "/v2/");

        let stub = Stub::start(|_| Reply::json(403, r#"{"errors":[{"code":"DENIED","message":"no"}]}"#)).await;
        let e = stub_client(&stub, None).check().await.unwrap_err();
        assert!(matches!(e, RegistryError::Denied { .. }), "{e:?}");
    }
}
