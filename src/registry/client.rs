//! One registry's distribution API over a shared HTTP client: each method is
//! one endpoint of the spec. Auth challenges are answered here, once per
//! scope; transient failures (connection resets, 408, 429, 5xx) are retried
//! with backoff for requests whose body can be sent again.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use futures_util::{Stream, TryStreamExt};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, WWW_AUTHENTICATE};
use reqwest::{RequestBuilder, Response, StatusCode};

use super::RegistryError;
use super::auth::{AuthState, Challenge, Credentials, TokenResponse};
use super::credentials::docker_config::IDENTITY_TOKEN_USER;
use super::error_body::{create_advice, error_code, error_message};
use super::manifest::{self, Descriptor, Manifest};
use super::retry::{self, Next, RetryPolicy};
use crate::model::{Digest, RegistryKind};

/// Where a registry answers and how to reach it.
#[derive(Debug, Clone)]
pub struct RegistryEndpoint {
    /// `host[:port]`.
    pub host: String,
    /// Plain HTTP instead of HTTPS.
    pub insecure: bool,
    /// The product, when known: it decides quirks and what errors advise.
    pub kind: Option<RegistryKind>,
}

impl RegistryEndpoint {
    /// `scheme://host[:port]`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", if self.insecure { "http" } else { "https" }, self.host)
    }
}

/// What answered a manifest HEAD.
#[derive(Debug, Clone)]
pub struct ManifestHead {
    pub digest: Digest,
    pub media_type: String,
}

/// How a cross-repository mount went.
pub enum MountOutcome {
    Mounted,
    /// The registry declined to mount and opened an upload session instead.
    UploadStarted(String),
}

/// A client for one registry. Cheap to share behind an `Arc`.
pub struct RegistryClient {
    http: reqwest::Client,
    base: String,
    host: String,
    credentials: Option<Credentials>,
    /// Names where the credentials came from, for errors and `-v`; never the secret.
    credential_source: String,
    auth: Mutex<AuthState>,
    kind: Option<RegistryKind>,
}

pub type BlobStream = std::pin::Pin<Box<dyn Stream<Item = std::io::Result<Bytes>> + Send>>;

/// The process's one HTTP client, built on first use: commands that never
/// reach the network, such as `history`, build none.
#[derive(Clone, Default)]
pub struct SharedHttp(Arc<std::sync::OnceLock<reqwest::Client>>);

impl SharedHttp {
    pub fn get(&self) -> &reqwest::Client {
        self.0.get_or_init(http_client)
    }
}

/// The one HTTP client of the process: one connection pool, one TLS set-up
/// (whose trusted roots load on the first handshake, see `tls`).
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .tls_backend_preconfigured(super::tls::client_config())
        .user_agent(concat!("facetctl/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(10))
        .read_timeout(Duration::from_secs(60))
        .pool_idle_timeout(Duration::from_secs(30))
        .build()
        .expect("the HTTP client's fixed configuration is valid")
}

impl RegistryClient {
    pub fn new(
        http: reqwest::Client,
        endpoint: &RegistryEndpoint,
        credentials: Option<Credentials>,
        credential_source: impl Into<String>,
    ) -> Arc<Self> {
        Arc::new(RegistryClient {
            http,
            base: endpoint.base_url(),
            host: endpoint.host.clone(),
            credentials,
            credential_source: credential_source.into(),
            auth: Mutex::new(AuthState::default()),
            kind: endpoint.kind,
        })
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn credential_source(&self) -> &str {
        &self.credential_source
    }

    /// `HEAD /v2/<name>/manifests/<ref>`: the digest a tag or digest resolves to, or None.
    pub async fn head_manifest(&self, repo: &str, reference: &str) -> Result<Option<ManifestHead>, RegistryError> {
        let url = format!("{}/v2/{repo}/manifests/{reference}", self.base);
        let resp = self
            .send(&[pull(repo)], "read a manifest", || self.http.head(&url).header(ACCEPT, manifest::ACCEPT))
            .await?;
        match resp.status() {
            StatusCode::NOT_FOUND => Ok(None),
            StatusCode::FORBIDDEN if self.forbidden_means_missing() => Ok(None),
            s if s.is_success() => {
                let media_type = header(&resp, CONTENT_TYPE.as_str()).unwrap_or_default();
                match header(&resp, "docker-content-digest").and_then(|d| d.parse().ok()) {
                    Some(digest) => Ok(Some(ManifestHead { digest, media_type })),
                    // Some registries omit the header on HEAD: the bytes tell.
                    None => Ok(self
                        .get_manifest_opt(repo, reference)
                        .await?
                        .map(|m| ManifestHead { digest: m.digest, media_type: m.media_type })),
                }
            }
            _ => Err(self.status_error(resp, repo, "read a manifest").await),
        }
    }

    /// `GET /v2/<name>/manifests/<ref>`: the exact bytes, checked against the digest asked for.
    pub async fn get_manifest(&self, repo: &str, reference: &str) -> Result<Manifest, RegistryError> {
        self.get_manifest_opt(repo, reference).await?.ok_or_else(|| RegistryError::NotFound {
            host: self.host.clone(),
            repository: repo.to_owned(),
            what: format!("manifest {reference}"),
        })
    }

    async fn get_manifest_opt(&self, repo: &str, reference: &str) -> Result<Option<Manifest>, RegistryError> {
        let url = format!("{}/v2/{repo}/manifests/{reference}", self.base);
        let mut policy = RetryPolicy::new();
        let (bytes, media_type) = loop {
            let resp = self
                .send(&[pull(repo)], "read a manifest", || self.http.get(&url).header(ACCEPT, manifest::ACCEPT))
                .await?;
            if resp.status() == StatusCode::NOT_FOUND {
                return Ok(None);
            }
            if !resp.status().is_success() {
                return Err(self.status_error(resp, repo, "read a manifest").await);
            }
            let media_type = header(&resp, CONTENT_TYPE.as_str());
            // A connection cut mid-body is as transient as one cut before it.
            match resp.bytes().await {
                Ok(bytes) => break (bytes, media_type),
                Err(e) => match policy.after_transport_error() {
                    Next::WaitThenRetry(d) => tokio::time::sleep(d).await,
                    Next::GiveUp { .. } => return Err(self.transport_error(e)),
                },
            }
        };
        let manifest = Manifest::from_bytes(bytes, media_type.as_deref()).map_err(|e| RegistryError::Protocol {
            host: self.host.clone(),
            action: format!("read manifest {reference} of {repo}"),
            status: 200,
            detail: e,
        })?;
        if let Ok(expected) = reference.parse::<Digest>()
            && expected != manifest.digest
        {
            return Err(RegistryError::DigestMismatch {
                host: self.host.clone(),
                what: format!("manifest of {repo}"),
                expected,
                actual: manifest.digest,
            });
        }
        Ok(Some(manifest))
    }

    /// `PUT /v2/<name>/manifests/<ref>` with the manifest's own bytes and media type.
    pub async fn put_manifest(&self, repo: &str, reference: &str, m: &Manifest) -> Result<(), RegistryError> {
        let url = format!("{}/v2/{repo}/manifests/{reference}", self.base);
        let mut pause = Duration::from_millis(50);
        for attempt in 1.. {
            let resp = self
                .send(&[push(repo)], "write a manifest", || {
                    self.http.put(&url).header(CONTENT_TYPE, &m.media_type).body(m.bytes.clone())
                })
                .await?;
            if resp.status().is_success() {
                if let Some(stated) = header(&resp, "docker-content-digest").and_then(|d| d.parse::<Digest>().ok())
                    && stated != m.digest
                {
                    return Err(RegistryError::DigestMismatch {
                        host: self.host.clone(),
                        what: format!("manifest written to {repo}:{reference}"),
                        expected: m.digest.clone(),
                        actual: stated,
                    });
                }
                return Ok(());
            }
            let error = self.status_error(resp, repo, &format!("write manifest {reference}")).await;
            // The distribution registry writes blob links non-atomically: while
            // another client mounts or uploads a blob this manifest refers to,
            // the link can read empty, and the PUT is refused as if the blob
            // were missing or its digest invalid. It settles in milliseconds.
            let racing = matches!(&error, RegistryError::Protocol { status: 400, detail, .. }
                if ["DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "BLOB_UNKNOWN"].iter().any(|c| detail.starts_with(c)));
            if !racing || attempt == 4 {
                return Err(error);
            }
            tracing::debug!("retrying manifest {reference} after: {error}");
            tokio::time::sleep(pause).await;
            pause *= 3;
        }
        unreachable!("the loop returns by its fourth attempt")
    }

    /// `GET /v2/<name>/referrers/<digest>`: what refers to `digest`, or None
    /// when the registry has no referrers API.
    pub async fn referrers(&self, repo: &str, digest: &Digest) -> Result<Option<Vec<Descriptor>>, RegistryError> {
        let url = format!("{}/v2/{repo}/referrers/{digest}", self.base);
        let resp = self
            .send(&[pull(repo)], "list referrers", || self.http.get(&url).header(ACCEPT, manifest::OCI_INDEX))
            .await?;
        let is_index = header(&resp, CONTENT_TYPE.as_str()).is_some_and(|t| t.starts_with(manifest::OCI_INDEX));
        if !resp.status().is_success() || !is_index {
            // 404 (and a few registries' 400 or 405) mean the API is not there.
            return Ok(None);
        }
        let doc: serde_json::Value = resp.json().await.map_err(|e| self.transport_error(e))?;
        let listed = doc["manifests"].as_array().cloned().unwrap_or_default();
        Ok(Some(listed.into_iter().filter_map(Descriptor::from_value).collect()))
    }

    /// `GET /v2/<name>/tags/list`: every tag, when one page holds them all (None when the
    /// registry pages the list or will not list, so callers ask tag by tag instead).
    pub async fn tags(&self, repo: &str) -> Result<Option<std::collections::HashSet<String>>, RegistryError> {
        let url = format!("{}/v2/{repo}/tags/list", self.base);
        let resp = self.send(&[pull(repo)], "list tags", || self.http.get(&url)).await?;
        if !resp.status().is_success() || resp.headers().contains_key("link") {
            return Ok(None);
        }
        let doc: serde_json::Value = resp.json().await.map_err(|e| self.transport_error(e))?;
        Ok(doc["tags"].as_array().map(|tags| tags.iter().filter_map(|t| t.as_str().map(str::to_owned)).collect()))
    }

    /// `HEAD /v2/<name>/blobs/<digest>`.
    pub async fn blob_exists(&self, repo: &str, digest: &Digest) -> Result<bool, RegistryError> {
        let url = format!("{}/v2/{repo}/blobs/{digest}", self.base);
        let resp = self.send(&[pull(repo)], "check a blob", || self.http.head(&url)).await?;
        match resp.status() {
            s if s.is_success() => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            StatusCode::FORBIDDEN if self.forbidden_means_missing() => Ok(false),
            _ => Err(self.status_error(resp, repo, "check a blob").await),
        }
    }

    /// `POST /v2/<to>/blobs/uploads/?mount=<digest>&from=<from>`.
    pub async fn mount_blob(&self, repo: &str, digest: &Digest, from: &str) -> Result<MountOutcome, RegistryError> {
        let url = format!("{}/v2/{repo}/blobs/uploads/?mount={digest}&from={from}", self.base);
        let scopes = [push(repo), pull(from)];
        let resp = self.send(&scopes, "mount a blob", || self.http.post(&url).header(CONTENT_LENGTH, 0)).await?;
        match resp.status() {
            StatusCode::CREATED => Ok(MountOutcome::Mounted),
            StatusCode::ACCEPTED => Ok(MountOutcome::UploadStarted(self.location(&resp, repo)?)),
            _ => Err(self.status_error(resp, repo, "mount a blob").await),
        }
    }

    /// `POST /v2/<name>/blobs/uploads/`: opens an upload session, returns its location.
    pub async fn start_upload(&self, repo: &str) -> Result<String, RegistryError> {
        let url = format!("{}/v2/{repo}/blobs/uploads/", self.base);
        let resp =
            self.send(&[push(repo)], "start an upload", || self.http.post(&url).header(CONTENT_LENGTH, 0)).await?;
        if resp.status() != StatusCode::ACCEPTED {
            return Err(self.status_error(resp, repo, "start an upload").await);
        }
        self.location(&resp, repo)
    }

    /// Finishes an upload in one streamed `PUT <location>&digest=<digest>`.
    /// Not retried here: the stream is spent; the caller starts over.
    pub async fn put_blob(
        &self,
        repo: &str,
        location: &str,
        digest: &Digest,
        size: u64,
        body: BlobStream,
    ) -> Result<(), RegistryError> {
        let sep = if location.contains('?') { '&' } else { '?' };
        let url = format!("{location}{sep}digest={digest}");
        let request = self
            .http
            .put(&url)
            .header(CONTENT_TYPE, "application/octet-stream")
            .header(CONTENT_LENGTH, size)
            .body(reqwest::Body::wrap_stream(body));
        let request = self.authorize(request, &[push(repo)]);
        let resp = request.send().await.map_err(|e| self.transport_error(e))?;
        if resp.status() != StatusCode::CREATED {
            return Err(self.status_error(resp, repo, &format!("upload blob {}", digest.short())).await);
        }
        Ok(())
    }

    /// Abandons an upload session the registry opened (a refused mount), so it does not linger.
    pub async fn cancel_upload(&self, repo: &str, location: &str) {
        let request = self.authorize(self.http.delete(location), &[push(repo)]);
        let _ = request.send().await;
    }

    /// `GET /v2/<name>/blobs/<digest>` as a stream; redirects to storage are followed.
    pub async fn get_blob(&self, repo: &str, digest: &Digest) -> Result<BlobStream, RegistryError> {
        let url = format!("{}/v2/{repo}/blobs/{digest}", self.base);
        let resp = self.send(&[pull(repo)], "read a blob", || self.http.get(&url)).await?;
        if !resp.status().is_success() {
            return Err(self.status_error(resp, repo, &format!("read blob {}", digest.short())).await);
        }
        Ok(Box::pin(resp.bytes_stream().map_err(std::io::Error::other)))
    }

    /// `GET /v2/`: checks that the registry answers and accepts the credentials.
    pub async fn check(&self) -> Result<(), RegistryError> {
        let url = format!("{}/v2/", self.base);
        let resp = self.send(&[], "check access", || self.http.get(&url)).await?;
        if resp.status().is_success() { Ok(()) } else { Err(self.status_error(resp, "", "check access").await) }
    }

    /// Sends a request, answering one auth challenge and retrying transient
    /// failures as `retry::RetryPolicy` says.
    async fn send(
        &self,
        scopes: &[String],
        action: &str,
        build: impl Fn() -> RequestBuilder,
    ) -> Result<Response, RegistryError> {
        let mut policy = RetryPolicy::new();
        let mut challenge_answered = false;
        loop {
            let resp = match self.authorize(build(), scopes).send().await {
                Ok(resp) => resp,
                Err(e) if retry::is_transient_transport(&e) => match policy.after_transport_error() {
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
                let asked = retry::retry_after(resp.headers());
                match policy.after_status(asked) {
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
            if let Challenge::Bearer { realm, service } = &challenge {
                self.fetch_token(realm, service.as_deref(), scopes).await?;
            } else if self.credentials.is_none() {
                return Err(self.unauthorized());
            }
            self.auth.lock().expect("auth state lock").challenge = Some(challenge);
            challenge_answered = true;
        }
    }

    fn authorize(&self, request: RequestBuilder, scopes: &[String]) -> RequestBuilder {
        let state = self.auth.lock().expect("auth state lock");
        match &state.challenge {
            Some(Challenge::Basic) => match &self.credentials {
                Some(c) => request.basic_auth(&c.username, Some(c.secret.expose())),
                None => request,
            },
            Some(Challenge::Bearer { .. }) => match state.token_for(scopes) {
                Some(token) => request.header(AUTHORIZATION, format!("Bearer {}", token.expose())),
                None => request,
            },
            None => request,
        }
    }

    async fn fetch_token(&self, realm: &str, service: Option<&str>, scopes: &[String]) -> Result<(), RegistryError> {
        let mut query: Vec<(&str, &str)> = Vec::new();
        if let Some(service) = service {
            query.push(("service", service));
        }
        for scope in scopes {
            query.push(("scope", scope));
        }
        let request = match &self.credentials {
            // An identity token is an OAuth2 refresh token: exchanged, never sent as a password.
            Some(c) if c.username == IDENTITY_TOKEN_USER => {
                let scope = scopes.join(" ");
                let form = [
                    ("grant_type", "refresh_token"),
                    ("refresh_token", c.secret.expose()),
                    ("service", service.unwrap_or_default()),
                    ("scope", scope.as_str()),
                    ("client_id", "facetctl"),
                ];
                self.http.post(realm).form(&form)
            }
            Some(c) => self.http.get(realm).query(&query).basic_auth(&c.username, Some(c.secret.expose())),
            None => self.http.get(realm).query(&query),
        };
        let resp = request.send().await.map_err(|e| transport_failure(realm_host(realm), "token service: ", &e))?;
        if matches!(resp.status(), StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) {
            return Err(self.unauthorized());
        }
        if !resp.status().is_success() {
            return Err(RegistryError::Protocol {
                host: realm_host(realm),
                action: "issue a token".into(),
                status: resp.status().as_u16(),
                detail: "the token service refused the request".into(),
            });
        }
        let body: TokenResponse = resp.json().await.map_err(|e| RegistryError::Protocol {
            host: realm_host(realm),
            action: "issue a token".into(),
            status: 200,
            detail: format!("unreadable token response: {e}"),
        })?;
        let token = body.token.or(body.access_token).ok_or_else(|| RegistryError::Protocol {
            host: realm_host(realm),
            action: "issue a token".into(),
            status: 200,
            detail: "the response has no token".into(),
        })?;
        self.auth.lock().expect("auth state lock").remember_token(scopes, super::Secret::new(token), body.expires_in);
        Ok(())
    }

    fn location(&self, resp: &Response, repo: &str) -> Result<String, RegistryError> {
        let location = header(resp, LOCATION.as_str()).ok_or_else(|| RegistryError::Protocol {
            host: self.host.clone(),
            action: format!("start an upload to {repo}"),
            status: resp.status().as_u16(),
            detail: "the answer has no Location header".into(),
        })?;
        Ok(if location.starts_with('/') { format!("{}{location}", self.base) } else { location })
    }

    fn unauthorized(&self) -> RegistryError {
        RegistryError::Unauthorized {
            host: self.host.clone(),
            via: format!(" (credentials from {})", self.credential_source),
        }
    }

    fn transport_error(&self, e: reqwest::Error) -> RegistryError {
        transport_failure(self.host.clone(), "", &e)
    }

    async fn status_error(&self, resp: Response, repo: &str, action: &str) -> RegistryError {
        let status = resp.status();
        if status == StatusCode::UNAUTHORIZED {
            return self.unauthorized();
        }
        let body = resp.text().await.unwrap_or_default();
        let (code, message) = error_code(&body);
        let writing = ["write", "start", "mount", "upload"].iter().any(|w| action.starts_with(w));
        // Registries that create no repository on push answer a write into a missing one with NAME_UNKNOWN.
        if writing && (code == "NAME_UNKNOWN" || (status == StatusCode::NOT_FOUND && message.contains("repository"))) {
            return RegistryError::RepositoryMissing {
                host: self.host.clone(),
                repository: repo.to_owned(),
                advice: create_advice(self.kind, repo),
            };
        }
        if (code == "TAG_INVALID" || status == StatusCode::CONFLICT || status == StatusCode::PRECONDITION_FAILED)
            && message.to_ascii_lowercase().contains("immutable")
        {
            return RegistryError::ImmutableTag {
                host: self.host.clone(),
                repository: repo.to_owned(),
                action: action.to_owned(),
            };
        }
        match status {
            StatusCode::FORBIDDEN => RegistryError::Denied {
                host: self.host.clone(),
                action: action.to_owned(),
                repository: repo.to_owned(),
            },
            StatusCode::NOT_FOUND => RegistryError::NotFound {
                host: self.host.clone(),
                repository: repo.to_owned(),
                what: action.trim_start_matches("read ").to_owned(),
            },
            _ => RegistryError::Protocol {
                host: self.host.clone(),
                action: format!("{action} in {repo}"),
                status: status.as_u16(),
                detail: error_message(&body),
            },
        }
    }

    /// Artifactory answers 403, not 404, for content it does not have.
    fn forbidden_means_missing(&self) -> bool {
        self.kind == Some(RegistryKind::Jfrog)
    }
}

pub fn pull(repo: &str) -> String {
    format!("repository:{repo}:pull")
}

pub fn push(repo: &str) -> String {
    format!("repository:{repo}:pull,push")
}

fn header(resp: &Response, name: &str) -> Option<String> {
    resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// A request to `host` that got no answer: a TLS handshake refused, else
/// the network's innermost cause. `context` leads the reason.
fn transport_failure(host: String, context: &str, e: &reqwest::Error) -> RegistryError {
    match super::tls::cause(e) {
        Some(tls) => RegistryError::Tls {
            host,
            // What to do (mark a registry on this machine insecure) is the error's hint.
            reason: format!("{context}{}", super::tls::describe(tls, "")),
            plain_http: super::tls::is_plain_http(tls),
        },
        None => RegistryError::Unreachable { host, reason: format!("{context}{}", root_cause(e)) },
    }
}

fn realm_host(realm: &str) -> String {
    reqwest::Url::parse(realm).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_else(|| realm.to_owned())
}

/// The innermost cause of a transport error ("Connection refused"), which is what a person can act on.
fn root_cause(e: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = e;
    while let Some(next) = source.source() {
        source = next;
    }
    let text = source.to_string();
    if e.is_timeout() { format!("timed out ({text})") } else { text }
}
