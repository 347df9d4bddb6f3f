//! The manifest endpoints: resolve a reference with one HEAD, read the exact
//! bytes (checked against a digest asked for), write them back unchanged.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

use super::manifest::{self, Manifest};
use super::transport::errors::Failure;
use super::transport::retry::Next;
use super::transport::{header, pull, push};
use super::{RegistryClient, RegistryError, quirks};
use crate::model::Digest;

/// What answered a manifest HEAD.
#[derive(Debug, Clone)]
pub struct ManifestHead {
    pub digest: Digest,
    pub media_type: String,
}

/// A refused manifest PUT, and whether it was the blob-link race that
/// settles if the PUT is tried again.
struct PutRefused {
    error: RegistryError,
    racing: bool,
}

impl std::fmt::Display for PutRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl RegistryClient {
    /// `HEAD /v2/<name>/manifests/<ref>`: the digest a tag or digest resolves to, or None.
    pub async fn head_manifest(&self, repo: &str, reference: &str) -> Result<Option<ManifestHead>, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/manifests/{reference}"));
        let resp =
            t.send(&[pull(repo)], "read a manifest", || t.http.head(&url).header(ACCEPT, manifest::ACCEPT)).await?;
        match resp.status() {
            StatusCode::NOT_FOUND => Ok(None),
            StatusCode::FORBIDDEN if quirks::forbidden_means_missing(t.kind) => Ok(None),
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
            _ => Err(t.status_error(resp, repo, "read a manifest").await),
        }
    }

    /// `GET /v2/<name>/manifests/<ref>`: the exact bytes, checked against the digest asked for.
    pub async fn get_manifest(&self, repo: &str, reference: &str) -> Result<Manifest, RegistryError> {
        self.get_manifest_opt(repo, reference).await?.ok_or_else(|| RegistryError::NotFound {
            host: self.transport.host.clone(),
            repository: repo.to_owned(),
            what: format!("manifest {reference}"),
        })
    }

    async fn get_manifest_opt(&self, repo: &str, reference: &str) -> Result<Option<Manifest>, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/manifests/{reference}"));
        let mut attempts = t.retry.attempts();
        let (bytes, media_type) = loop {
            let resp =
                t.send(&[pull(repo)], "read a manifest", || t.http.get(&url).header(ACCEPT, manifest::ACCEPT)).await?;
            if resp.status() == StatusCode::NOT_FOUND {
                return Ok(None);
            }
            if !resp.status().is_success() {
                return Err(t.status_error(resp, repo, "read a manifest").await);
            }
            let media_type = header(&resp, CONTENT_TYPE.as_str());
            // A connection cut mid-body is as transient as one cut before it.
            match resp.bytes().await {
                Ok(bytes) => break (bytes, media_type),
                Err(e) => match attempts.after_transport_error() {
                    Next::WaitThenRetry(d) => tokio::time::sleep(d).await,
                    Next::GiveUp { .. } => return Err(t.transport_error(e)),
                },
            }
        };
        let manifest = Manifest::from_bytes(bytes, media_type.as_deref()).map_err(|e| RegistryError::Protocol {
            host: t.host.clone(),
            action: format!("read manifest {reference} of {repo}"),
            status: 200,
            detail: e,
        })?;
        if let Ok(expected) = reference.parse::<Digest>()
            && expected != manifest.digest
        {
            return Err(RegistryError::DigestMismatch {
                host: t.host.clone(),
                what: format!("manifest of {repo}"),
                expected,
                actual: manifest.digest,
            });
        }
        Ok(Some(manifest))
    }

    /// `PUT /v2/<name>/manifests/<ref>` with the manifest's own bytes and media type.
    pub async fn put_manifest(&self, repo: &str, reference: &str, m: &Manifest) -> Result<(), RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/manifests/{reference}"));
        let action = format!("write manifest {reference}");
        let put = || async {
            let resp = t
                .send(&[push(repo)], "write a manifest", || {
                    t.http.put(&url).header(CONTENT_TYPE, &m.media_type).body(m.bytes.clone())
                })
                .await
                .map_err(|error| PutRefused { error, racing: false })?;
            if !resp.status().is_success() {
                let failure = Failure::read(resp).await;
                let racing = quirks::is_blob_link_race(&failure);
                return Err(PutRefused { error: t.refusal(failure, repo, &action), racing });
            }
            match header(&resp, "docker-content-digest").and_then(|d| d.parse::<Digest>().ok()) {
                Some(stated) if stated != m.digest => Err(PutRefused {
                    error: RegistryError::DigestMismatch {
                        host: t.host.clone(),
                        what: format!("manifest written to {repo}:{reference}"),
                        expected: m.digest.clone(),
                        actual: stated,
                    },
                    racing: false,
                }),
                _ => Ok(()),
            }
        };
        t.retry.again(&action, |refused: &PutRefused| refused.racing, put).await.map_err(|refused| refused.error)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use bytes::Bytes;

    use super::*;
    use crate::registry::client::stub_client;
    use crate::registry::transport::stub::{Reply, Stub};

    const IMAGE: &str = r#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"c","digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","size":0},"layers":[]}"#;

    fn image() -> Manifest {
        Manifest::from_bytes(Bytes::from_static(IMAGE.as_bytes()), None).unwrap()
    }

    #[tokio::test]
    async fn a_manifest_put_is_retried_after_a_502_with_the_same_bytes() {
        let tries = AtomicUsize::new(0);
        let stub = Stub::start(move |_| match tries.fetch_add(1, Ordering::SeqCst) {
            0 => Reply::status(502),
            _ => Reply::status(201),
        })
        .await;
        stub_client(&stub, None).put_manifest("team/app", "qa", &image()).await.unwrap();
        let seen = stub.requests();
        assert_eq!(seen.len(), 2);
        assert!(
            seen.iter()
                .all(|r| r.method == "PUT" && r.path == "/v2/team/app/manifests/qa" && r.body == IMAGE.as_bytes())
        );
        assert_eq!(seen[1].header("content-type").as_deref(), Some(manifest::OCI_MANIFEST));
    }

    #[tokio::test]
    async fn a_put_refused_while_a_blob_link_settles_is_tried_again() {
        let tries = AtomicUsize::new(0);
        let stub = Stub::start(move |_| match tries.fetch_add(1, Ordering::SeqCst) {
            0 | 1 => Reply::json(400, r#"{"errors":[{"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown"}]}"#),
            _ => Reply::status(201),
        })
        .await;
        stub_client(&stub, None).put_manifest("team/app", "qa", &image()).await.unwrap();
        assert_eq!(stub.requests().len(), 3);
    }

    #[tokio::test]
    async fn a_put_refused_for_good_is_not_tried_again() {
        let stub =
            Stub::start(|_| Reply::json(400, r#"{"errors":[{"code":"MANIFEST_INVALID","message":"bad"}]}"#)).await;
        let e = stub_client(&stub, None).put_manifest("team/app", "qa", &image()).await.unwrap_err();
        assert!(matches!(e, RegistryError::Protocol { status: 400, .. }), "{e:?}");
        assert_eq!(stub.requests().len(), 1);
    }

    #[tokio::test]
    async fn a_registry_that_stores_other_bytes_is_caught() {
        let other = Digest::of(b"something else");
        let stub = Stub::start(move |_| Reply::status(201).header("docker-content-digest", other.as_str())).await;
        let e = stub_client(&stub, None).put_manifest("team/app", "qa", &image()).await.unwrap_err();
        assert!(matches!(e, RegistryError::DigestMismatch { .. }), "{e:?}");
    }

    #[tokio::test]
    async fn a_head_without_a_digest_reads_the_bytes_and_a_get_checks_them() {
        let stub = Stub::start(|_| Reply::json(200, IMAGE).header("content-type", manifest::OCI_MANIFEST)).await;
        let client = stub_client(&stub, None);
        let head = client.head_manifest("team/app", "v1").await.unwrap().unwrap();
        assert_eq!(head.digest, image().digest);
        assert_eq!(stub.requests().iter().map(|r| r.method.as_str()).collect::<Vec<_>>(), ["HEAD", "GET"]);

        let asked = Digest::of(b"not these bytes");
        let e = client.get_manifest("team/app", asked.as_str()).await.unwrap_err();
        assert!(matches!(&e, RegistryError::DigestMismatch { expected, .. } if *expected == asked), "{e:?}");
    }

    #[tokio::test]
    async fn a_missing_manifest_is_none_on_head_and_not_found_on_get() {
        let stub =
            Stub::start(|_| Reply::json(404, r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"unknown"}]}"#)).await;
        let client = stub_client(&stub, None);
        assert!(client.head_manifest("team/app", "v9").await.unwrap().is_none());
        let e = client.get_manifest("team/app", "v9").await.unwrap_err();
        assert!(matches!(&e, RegistryError::NotFound { what, .. } if what == "manifest v9"), "{e:?}");
    }
}
