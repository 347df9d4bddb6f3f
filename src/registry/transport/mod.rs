//! How every request reaches a registry: sent over the shared HTTP client,
//! its auth challenge answered once per scope (`challenge`), transient
//! failures retried under the one policy (`retry`), and refusals turned into
//! `RegistryError`s (`errors`). It knows HTTP and the auth handshake, not
//! manifests or blobs: the verbs above it (`blobs`, `manifests`, `tags`,
//! `referrers`) build requests and read answers, and never parse an error
//! body or sleep.

mod challenge;
pub mod errors;
pub mod http;
pub mod retry;
#[cfg(test)]
pub(crate) mod stub;
pub mod tls;

use std::sync::Mutex;

use reqwest::header::{LOCATION, WWW_AUTHENTICATE};
use reqwest::{RequestBuilder, Response, StatusCode};

use self::challenge::{AuthState, Challenge};
pub use self::http::{SharedHttp, http_client, patient_client, root_cause};
use self::retry::Next;
pub use self::retry::RetryPolicy;
use super::credentials::CredentialSource;
use super::{Credentials, RegistryEndpoint, RegistryError};
use crate::model::RegistryKind;

/// One registry's connection state: where it answers, what to prove, what
/// its auth handshake has taught so far.
pub struct Transport {
    pub http: reqwest::Client,
    /// `scheme://host[:port]`.
    pub base: String,
    pub host: String,
    pub kind: Option<RegistryKind>,
    credentials: Option<Credentials>,
    /// Names where the credentials came from, for errors and `-v`; never the secret.
    source: CredentialSource,
    auth: Mutex<AuthState>,
    pub retry: RetryPolicy,
}

impl Transport {
    pub fn new(
        http: reqwest::Client,
        endpoint: &RegistryEndpoint,
        credentials: Option<Credentials>,
        source: CredentialSource,
    ) -> Transport {
        Transport {
            http,
            base: endpoint.base_url(),
            host: endpoint.host.clone(),
            kind: endpoint.kind,
            credentials,
            source,
            auth: Mutex::new(AuthState::default()),
            retry: RetryPolicy::default(),
        }
    }

    #[cfg(test)]
    pub(crate) fn with_retry(mut self, retry: RetryPolicy) -> Transport {
        self.retry = retry;
        self
    }

    pub fn credential_source(&self) -> &CredentialSource {
        &self.source
    }

    /// `{base}{path}`: `path` starts at `/v2/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends a request, answering one auth challenge and retrying transient
    /// failures as the retry policy says. `build` makes the request afresh
    /// for each try, so only requests whose body can be sent again come here.
    /// A transient status the policy gave up on is returned as the answer,
    /// for the caller to report in its own words.
    pub async fn send(
        &self,
        scopes: &[String],
        action: &str,
        build: impl Fn() -> RequestBuilder,
    ) -> Result<Response, RegistryError> {
        let mut attempts = self.retry.attempts();
        let mut challenge_answered = false;
        loop {
            let resp = match self.authorize(build(), scopes).send().await {
                Ok(resp) => resp,
                Err(e) if retry::is_transient_transport(&e) => match attempts.after_transport_error() {
                    Next::WaitThenRetry(d) => {
                        tracing::debug!("{action} on {}: {}; retrying in {d:?}", self.host, root_cause(&e));
                        tokio::time::sleep(d).await;
                        continue;
                    }
                    Next::GiveUp { .. } => return Err(self.transport_error(e)),
                },
                Err(e) => return Err(self.transport_error(e)),
            };
            let status = resp.status();
            if retry::is_transient_status(status) {
                match attempts.after_status(retry::retry_after(resp.headers())) {
                    Next::WaitThenRetry(d) => {
                        tracing::debug!("{action} on {}: {status}; retrying in {d:?}", self.host);
                        tokio::time::sleep(d).await;
                        continue;
                    }
                    Next::GiveUp { asked_wait: Some(wait) } if status == StatusCode::TOO_MANY_REQUESTS => {
                        return Err(RegistryError::RateLimited {
                            host: self.host.clone(),
                            retry_after: wait.as_secs(),
                        });
                    }
                    Next::GiveUp { .. } => return Ok(resp),
                }
            }
            if status != StatusCode::UNAUTHORIZED {
                return Ok(resp);
            }
            let challenge = header(&resp, WWW_AUTHENTICATE.as_str()).as_deref().and_then(Challenge::parse);
            let Some(challenge) = challenge.filter(|_| !challenge_answered) else {
                return Err(self.unauthorized());
            };
            self.answer(challenge, scopes).await?;
            challenge_answered = true;
        }
    }

    /// Sends a request once, with what the handshake has learned, for bodies
    /// that cannot be sent again (a stream); the caller decides about retries.
    pub async fn send_once(&self, request: RequestBuilder, scopes: &[String]) -> Result<Response, RegistryError> {
        self.authorize(request, scopes).send().await.map_err(|e| self.transport_error(e))
    }

    /// The upload location a registry answered with, made absolute.
    pub fn location(&self, resp: &Response, repo: &str) -> Result<String, RegistryError> {
        let location = header(resp, LOCATION.as_str()).ok_or_else(|| RegistryError::Protocol {
            host: self.host.clone(),
            action: format!("start an upload to {repo}"),
            status: resp.status().as_u16(),
            detail: "the answer has no Location header".into(),
        })?;
        Ok(if location.starts_with('/') { format!("{}{location}", self.base) } else { location })
    }
}

/// The scope to read `repo`.
pub fn pull(repo: &str) -> String {
    format!("repository:{repo}:pull")
}

/// The scope to write `repo`.
pub fn push(repo: &str) -> String {
    format!("repository:{repo}:pull,push")
}

pub fn header(resp: &Response, name: &str) -> Option<String> {
    resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::registry::Secret;
    use stub::{Reply, Stub};

    fn transport(stub: &Stub, credentials: Option<Credentials>) -> Transport {
        let endpoint = RegistryEndpoint { host: stub.host(), insecure: true, kind: None };
        Transport::new(http_client(), &endpoint, credentials, CredentialSource::Given).with_retry(RetryPolicy::quick())
    }

    async fn get(t: &Transport, path: &str, scopes: &[String]) -> Result<Response, RegistryError> {
        t.send(scopes, "read a manifest", || t.http.get(t.url(path))).await
    }

    #[tokio::test]
    async fn a_bearer_challenge_is_answered_with_a_token_for_the_scope_then_remembered() {
        let stub = Stub::start(|req| match req.path.as_str() {
            p if p.starts_with("/token") => Reply::json(200, r#"{"token":"T0K3N","expires_in":300}"#),
            _ if req.header("authorization").as_deref() == Some("Bearer T0K3N") => Reply::status(200),
            _ => Reply::status(401).header(
                "www-authenticate",
                &format!(r#"Bearer realm="http://{}/token",service="stub""#, req.header("host").unwrap()),
            ),
        })
        .await;
        let creds = Credentials { username: "ci".into(), secret: Secret::new("pw") };
        let t = transport(&stub, Some(creds));
        let scopes = [pull("team/app")];
        assert_eq!(get(&t, "/v2/team/app/manifests/v1", &scopes).await.unwrap().status(), 200);
        assert_eq!(get(&t, "/v2/team/app/manifests/v2", &scopes).await.unwrap().status(), 200);

        let seen = stub.requests();
        let paths: Vec<&str> = seen.iter().map(|r| r.path.split('?').next().unwrap()).collect();
        // The second request goes straight through with the remembered token.
        assert_eq!(
            paths,
            ["/v2/team/app/manifests/v1", "/token", "/v2/team/app/manifests/v1", "/v2/team/app/manifests/v2"]
        );
        assert!(seen[1].path.contains("service=stub") && seen[1].path.contains("scope=repository%3Ateam%2Fapp%3Apull"));
        // Basic "ci:pw" goes to the token service only.
        assert_eq!(seen[1].header("authorization").as_deref(), Some("Basic Y2k6cHc="));
        assert_eq!(seen[2].header("authorization").as_deref(), Some("Bearer T0K3N"));
    }

    #[tokio::test]
    async fn a_refused_token_or_a_second_401_is_unauthorized_naming_the_source() {
        let stub = Stub::start(|req| match req.path.as_str() {
            p if p.starts_with("/token") => Reply::status(401),
            _ => Reply::status(401)
                .header("www-authenticate", &format!(r#"Bearer realm="http://{}/token""#, req.header("host").unwrap())),
        })
        .await;
        let e = get(&transport(&stub, None), "/v2/", &[]).await.unwrap_err();
        assert!(matches!(&e, RegistryError::Unauthorized { via, .. } if via.contains("the login given")), "{e:?}");

        let stub = Stub::start(|_| Reply::status(401).header("www-authenticate", r#"Basic realm="r""#)).await;
        let creds = Credentials { username: "ci".into(), secret: Secret::new("wrong") };
        let e = get(&transport(&stub, Some(creds)), "/v2/", &[]).await.unwrap_err();
        assert!(matches!(e, RegistryError::Unauthorized { .. }), "{e:?}");
        // Once without credentials, once with: a challenge is answered once.
        assert_eq!(stub.requests().len(), 2);
        assert_eq!(stub.requests()[1].header("authorization").as_deref(), Some("Basic Y2k6d3Jvbmc="));
    }

    #[tokio::test]
    async fn a_429_with_retry_after_is_waited_out_then_retried() {
        let tries = AtomicUsize::new(0);
        let stub = Stub::start(move |_| match tries.fetch_add(1, Ordering::SeqCst) {
            0 => Reply::status(429).header("retry-after", "0"),
            _ => Reply::status(200),
        })
        .await;
        assert_eq!(get(&transport(&stub, None), "/v2/", &[]).await.unwrap().status(), 200);
        assert_eq!(stub.requests().len(), 2);
    }

    #[tokio::test]
    async fn a_429_asking_for_longer_than_the_bound_fails_at_once() {
        let stub = Stub::start(|_| Reply::status(429).header("retry-after", "3600")).await;
        let e = get(&transport(&stub, None), "/v2/", &[]).await.unwrap_err();
        assert!(matches!(e, RegistryError::RateLimited { retry_after: 3600, .. }), "{e:?}");
        assert_eq!(stub.requests().len(), 1);
    }

    #[tokio::test]
    async fn a_503_is_retried_a_bounded_number_of_times_then_reported() {
        let stub = Stub::start(|_| Reply::status(503)).await;
        let t = transport(&stub, None);
        let resp = get(&t, "/v2/", &[]).await.unwrap();
        assert_eq!(resp.status(), 503);
        assert_eq!(stub.requests().len(), 1 + t.retry.max_retries);
    }

    #[tokio::test]
    async fn a_4xx_that_means_no_is_not_retried() {
        let stub = Stub::start(|_| Reply::status(404)).await;
        assert_eq!(get(&transport(&stub, None), "/v2/x/manifests/y", &[]).await.unwrap().status(), 404);
        assert_eq!(stub.requests().len(), 1);
    }

    #[tokio::test]
    async fn a_relative_location_is_made_absolute() {
        let stub = Stub::start(|req| match req.path.as_str() {
            "/v2/a/blobs/uploads/" => Reply::status(202).header("location", "/v2/a/blobs/uploads/u1?_state=s"),
            _ => Reply::status(202),
        })
        .await;
        let t = transport(&stub, None);
        let resp = t.send(&[], "start an upload", || t.http.post(t.url("/v2/a/blobs/uploads/"))).await.unwrap();
        assert_eq!(t.location(&resp, "a").unwrap(), format!("http://{}/v2/a/blobs/uploads/u1?_state=s", stub.host()));
        let resp = t.send(&[], "start an upload", || t.http.post(t.url("/v2/b/blobs/uploads/"))).await.unwrap();
        assert!(matches!(t.location(&resp, "b"), Err(RegistryError::Protocol { status: 202, .. })));
    }
}
