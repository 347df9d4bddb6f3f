//! The blob endpoints: whether a blob is there, a cross-repository mount, an
//! upload session and its one streamed PUT, and a streamed read. Blobs are
//! never held in memory.

use bytes::Bytes;
use futures_util::{Stream, TryStreamExt};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};

use super::transport::{pull, push};
use super::{RegistryClient, RegistryError, quirks};
use crate::model::Digest;

pub type BlobStream = std::pin::Pin<Box<dyn Stream<Item = std::io::Result<Bytes>> + Send>>;

/// How a cross-repository mount went.
pub enum MountOutcome {
    Mounted,
    /// The registry declined to mount and opened an upload session instead.
    UploadStarted(String),
}

impl RegistryClient {
    /// `HEAD /v2/<name>/blobs/<digest>`.
    pub async fn blob_exists(&self, repo: &str, digest: &Digest) -> Result<bool, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/blobs/{digest}"));
        let resp = t.send(&[pull(repo)], "check a blob", || t.http.head(&url)).await?;
        match resp.status() {
            s if s.is_success() => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            StatusCode::FORBIDDEN if quirks::forbidden_means_missing(t.kind) => Ok(false),
            _ => Err(t.status_error(resp, repo, "check a blob").await),
        }
    }

    /// `POST /v2/<to>/blobs/uploads/?mount=<digest>&from=<from>`.
    pub async fn mount_blob(&self, repo: &str, digest: &Digest, from: &str) -> Result<MountOutcome, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/blobs/uploads/?mount={digest}&from={from}"));
        let scopes = [push(repo), pull(from)];
        let resp = t.send(&scopes, "mount a blob", || t.http.post(&url).header(CONTENT_LENGTH, 0)).await?;
        match resp.status() {
            StatusCode::CREATED => Ok(MountOutcome::Mounted),
            StatusCode::ACCEPTED => Ok(MountOutcome::UploadStarted(t.location(&resp, repo)?)),
            _ => Err(t.status_error(resp, repo, "mount a blob").await),
        }
    }

    /// `POST /v2/<name>/blobs/uploads/`: opens an upload session, returns its location.
    pub async fn start_upload(&self, repo: &str) -> Result<String, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/blobs/uploads/"));
        let resp = t.send(&[push(repo)], "start an upload", || t.http.post(&url).header(CONTENT_LENGTH, 0)).await?;
        if resp.status() != StatusCode::ACCEPTED {
            return Err(t.status_error(resp, repo, "start an upload").await);
        }
        t.location(&resp, repo)
    }

    /// Finishes an upload in one streamed `PUT <location>&digest=<digest>`.
    /// Sent once: the stream is spent, so the caller starts the blob over
    /// (`copy.rs`, under the same retry policy).
    pub async fn put_blob(
        &self,
        repo: &str,
        location: &str,
        digest: &Digest,
        size: u64,
        body: BlobStream,
    ) -> Result<(), RegistryError> {
        let t = &self.transport;
        let sep = if location.contains('?') { '&' } else { '?' };
        let request = t
            .http
            .put(format!("{location}{sep}digest={digest}"))
            .header(CONTENT_TYPE, "application/octet-stream")
            .header(CONTENT_LENGTH, size)
            .body(reqwest::Body::wrap_stream(body));
        let resp = t.send_once(request, &[push(repo)]).await?;
        if resp.status() != StatusCode::CREATED {
            return Err(t.status_error(resp, repo, &format!("upload blob {}", digest.short())).await);
        }
        Ok(())
    }

    /// Abandons an upload session the registry opened (a refused mount), so it does not linger.
    pub async fn cancel_upload(&self, repo: &str, location: &str) {
        let t = &self.transport;
        let _ = t.send_once(t.http.delete(location), &[push(repo)]).await;
    }

    /// `GET /v2/<name>/blobs/<digest>` as a stream; redirects to storage are followed.
    pub async fn get_blob(&self, repo: &str, digest: &Digest) -> Result<BlobStream, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/blobs/{digest}"));
        let resp = t.send(&[pull(repo)], "read a blob", || t.http.get(&url)).await?;
        if !resp.status().is_success() {
            return Err(t.status_error(resp, repo, &format!("read blob {}", digest.short())).await);
        }
        Ok(Box::pin(resp.bytes_stream().map_err(std::io::Error::other)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::client::stub_client;
    use crate::registry::transport::stub::{Reply, Stub};

    fn stream_of(bytes: &'static [u8]) -> BlobStream {
        Box::pin(futures_util::stream::iter([Ok(Bytes::from_static(bytes))]))
    }

    #[tokio::test]
    async fn a_mount_is_done_or_becomes_an_upload_at_the_location_given() {
        let digest = Digest::of(b"layer");
        let stub = Stub::start(|req| match req.path.contains("from=team/src") {
            true => Reply::status(201),
            false => Reply::status(202).header("location", "/v2/team/app/blobs/uploads/u1"),
        })
        .await;
        let client = stub_client(&stub, None);
        assert!(matches!(client.mount_blob("team/app", &digest, "team/src").await.unwrap(), MountOutcome::Mounted));
        let outcome = client.mount_blob("team/app", &digest, "other/src").await.unwrap();
        let MountOutcome::UploadStarted(location) = outcome else { panic!("a 202 opens an upload") };
        assert_eq!(location, format!("http://{}/v2/team/app/blobs/uploads/u1", stub.host()));
        assert_eq!(stub.requests()[0].path, format!("/v2/team/app/blobs/uploads/?mount={digest}&from=team/src"));
    }

    #[tokio::test]
    async fn an_upload_streams_the_bytes_once_to_the_location_with_the_digest() {
        let digest = Digest::of(b"layer");
        let stub = Stub::start(|req| match req.method.as_str() {
            "POST" => Reply::status(202).header("location", "/uploads/u1?_state=s"),
            _ => Reply::status(201),
        })
        .await;
        let client = stub_client(&stub, None);
        let location = client.start_upload("team/app").await.unwrap();
        client.put_blob("team/app", &location, &digest, 5, stream_of(b"layer")).await.unwrap();
        let put = &stub.requests()[1];
        assert_eq!(
            (put.method.as_str(), put.path.as_str()),
            ("PUT", format!("/uploads/u1?_state=s&digest={digest}").as_str())
        );
        assert_eq!(put.body, b"layer");
    }

    #[tokio::test]
    async fn a_failed_blob_put_is_not_resent_by_the_client() {
        let stub = Stub::start(|_| Reply::status(503)).await;
        let location = format!("http://{}/uploads/u1", stub.host());
        let e = stub_client(&stub, None)
            .put_blob("team/app", &location, &Digest::of(b"layer"), 5, stream_of(b"layer"))
            .await
            .unwrap_err();
        assert!(matches!(e, RegistryError::Protocol { status: 503, .. }), "{e:?}");
        assert_eq!(stub.requests().len(), 1);
    }

    #[tokio::test]
    async fn a_blob_reads_as_a_stream_and_a_missing_one_is_not_found() {
        let digest = Digest::of(b"layer");
        let held = digest.clone();
        let stub = Stub::start(move |req| match req.path.ends_with(held.as_str()) {
            true => Reply::status(200).body(b"layer"),
            false => Reply::status(404),
        })
        .await;
        let client = stub_client(&stub, None);
        let bytes: Vec<Bytes> = client.get_blob("team/app", &digest).await.unwrap().try_collect().await.unwrap();
        assert_eq!(bytes.concat(), b"layer");
        assert!(client.blob_exists("team/app", &digest).await.unwrap());
        let missing = Digest::of(b"other");
        assert!(!client.blob_exists("team/app", &missing).await.unwrap());
        let e = client.get_blob("team/app", &missing).await.err().expect("a missing blob is an error");
        assert!(matches!(e, RegistryError::NotFound { .. }), "{e:?}");
    }
}
