//! An OCI image layout on disk (`oci-layout`, `index.json`, `blobs/sha256/`),
//! as written by buildkit, skopeo, crane or podman.

use std::path::{Path, PathBuf};

use async_trait::async_trait;
use bytes::Bytes;
use serde::Deserialize;
use tokio_util::io::ReaderStream;

use super::ImageSource;
use crate::model::Digest;
use crate::registry::blobs::BlobStream;
use crate::registry::{Manifest, RegistryError};

const REF_NAME: &str = "org.opencontainers.image.ref.name";

pub struct OciLayout {
    dir: PathBuf,
    tag: Option<String>,
    root: Descriptor,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    #[serde(default)]
    media_type: String,
    digest: Digest,
    #[serde(default)]
    annotations: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Index {
    manifests: Vec<Descriptor>,
}

impl OciLayout {
    /// Opens the layout and picks the manifest `tag` names (by its
    /// `org.opencontainers.image.ref.name`), or the only one when no tag is given.
    pub async fn open(dir: &Path, tag: Option<String>) -> Result<OciLayout, RegistryError> {
        let fail = |why: String| RegistryError::Source(format!("cannot use {} as an OCI layout: {why}", dir.display()));
        let index = tokio::fs::read(dir.join("index.json")).await.map_err(|e| {
            fail(format!("reading index.json: {e} (is it the folder that holds oci-layout and index.json?)"))
        })?;
        let index: Index =
            serde_json::from_slice(&index).map_err(|e| fail(format!("index.json is not an OCI index: {e}")))?;
        let root = match &tag {
            Some(t) => {
                index.manifests.iter().find(|d| d.annotations.get(REF_NAME) == Some(t)).cloned().ok_or_else(|| {
                    RegistryError::SourceMissing(format!(
                        "{}: no manifest is tagged {t:?} (tags here: {})",
                        dir.display(),
                        tags(&index)
                    ))
                })?
            }
            None => match index.manifests.as_slice() {
                [only] => only.clone(),
                [] => return Err(fail("index.json lists no manifest".into())),
                _ => {
                    return Err(fail(format!(
                        "it holds several images; name one as oci:DIR:TAG (tags here: {})",
                        tags(&index)
                    )));
                }
            },
        };
        let tag =
            tag.or_else(|| root.annotations.get(REF_NAME).filter(|t| crate::model::validate_tag(t).is_ok()).cloned());
        Ok(OciLayout { dir: dir.to_owned(), tag, root })
    }

    fn blob_path(&self, digest: &Digest) -> PathBuf {
        self.dir.join("blobs").join("sha256").join(digest.hex())
    }

    async fn read_manifest(&self, digest: &Digest, media_type: Option<&str>) -> Result<Manifest, RegistryError> {
        let bytes = tokio::fs::read(self.blob_path(digest)).await.map_err(|e| self.missing(digest, e))?;
        let manifest = Manifest::from_bytes(Bytes::from(bytes), media_type)
            .map_err(|e| RegistryError::Source(format!("{}: manifest {digest}: {e}", self.describe())))?;
        if manifest.digest != *digest {
            return Err(RegistryError::Source(format!(
                "{}: blob {digest} holds content with digest {}; the layout is corrupt",
                self.describe(),
                manifest.digest
            )));
        }
        Ok(manifest)
    }

    fn missing(&self, digest: &Digest, e: std::io::Error) -> RegistryError {
        RegistryError::Source(format!("{}: cannot read blob {digest}: {e}", self.describe()))
    }
}

fn tags(index: &Index) -> String {
    let tags: Vec<&str> =
        index.manifests.iter().filter_map(|d| d.annotations.get(REF_NAME).map(String::as_str)).collect();
    if tags.is_empty() { "none".into() } else { tags.join(", ") }
}

#[async_trait]
impl ImageSource for OciLayout {
    fn describe(&self) -> String {
        match &self.tag {
            Some(t) => format!("oci:{}:{t}", self.dir.display()),
            None => format!("oci:{}", self.dir.display()),
        }
    }

    fn tag(&self) -> Option<String> {
        self.tag.clone()
    }

    async fn root_manifest(&self) -> Result<Manifest, RegistryError> {
        let media_type = Some(self.root.media_type.as_str()).filter(|m| !m.is_empty());
        self.read_manifest(&self.root.digest.clone(), media_type).await
    }

    async fn manifest(&self, digest: &Digest, media_type: &str) -> Result<Manifest, RegistryError> {
        self.read_manifest(digest, Some(media_type).filter(|m| !m.is_empty())).await
    }

    async fn blob(&self, digest: &Digest) -> Result<BlobStream, RegistryError> {
        let file = tokio::fs::File::open(self.blob_path(digest)).await.map_err(|e| self.missing(digest, e))?;
        Ok(Box::pin(ReaderStream::with_capacity(file, 256 * 1024)))
    }

    fn mount_from(&self, _host: &str) -> Option<String> {
        None
    }
}
