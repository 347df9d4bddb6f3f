//! Where an image comes from when it is pushed: a registry, or an OCI layout
//! on disk. Each source gives manifests as exact bytes and blobs as streams.

mod oci_layout;
mod registry;

use std::sync::Arc;

use async_trait::async_trait;

pub use oci_layout::OciLayout;
pub use registry::RegistrySource;

use super::client::BlobStream;
use super::{Manifest, RegistryError};
use crate::model::Digest;

#[async_trait]
pub trait ImageSource: Send + Sync {
    /// For messages: `oci:./build/image:v1`, `127.0.0.1:5000/app:v1`.
    fn describe(&self) -> String;

    /// The tag the source names, if any; a pushed artifact keeps it unless told otherwise.
    fn tag(&self) -> Option<String>;

    /// The manifest (or index) the source names.
    async fn root_manifest(&self) -> Result<Manifest, RegistryError>;

    /// A manifest inside the image, by digest (the children of an index);
    /// `media_type` is what the parent's descriptor says it is.
    async fn manifest(&self, digest: &Digest, media_type: &str) -> Result<Manifest, RegistryError>;

    /// A blob's bytes, as a stream.
    async fn blob(&self, digest: &Digest) -> Result<BlobStream, RegistryError>;

    /// When the source is a repository on the registry at `host`, that
    /// repository: blobs can then be mounted rather than copied.
    fn mount_from(&self, host: &str) -> Option<String>;
}

/// What the user named as a push source, before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceSpec {
    Registry(super::Reference),
    OciLayout {
        dir: std::path::PathBuf,
        tag: Option<String>,
    },
}

impl SourceSpec {
    /// `oci:DIR[:TAG]`, else a registry reference. (`docker-daemon:` and
    /// `docker-archive:` are named so the error can say they are not built yet.)
    pub fn parse(s: &str) -> Result<SourceSpec, RegistryError> {
        if let Some(rest) = s.strip_prefix("oci:") {
            let (dir, tag) = match rest.rsplit_once(':') {
                Some((dir, tag)) if !tag.contains('/') && !dir.is_empty() => {
                    (dir, Some(tag.to_owned()))
                }
                _ => (rest, None),
            };
            if dir.is_empty() {
                return Err(RegistryError::InvalidReference(format!(
                    "invalid source {s:?}: name the layout's folder, as oci:DIR or oci:DIR:TAG"
                )));
            }
            if let Some(tag) = &tag {
                crate::model::validate_tag(tag)
                    .map_err(|e| RegistryError::InvalidReference(e.0))?;
            }
            return Ok(SourceSpec::OciLayout {
                dir: dir.into(),
                tag,
            });
        }
        for transport in ["docker-daemon:", "docker-archive:"] {
            if s.starts_with(transport) {
                return Err(RegistryError::InvalidReference(format!(
                    "source {s:?}: the {transport} transport is not supported yet; export the image as an OCI layout (oci:DIR) or push it to a registry first"
                )));
            }
        }
        Ok(SourceSpec::Registry(s.parse()?))
    }
}

pub type SharedSource = Arc<dyn ImageSource>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oci_sources_split_folder_and_tag() {
        assert_eq!(
            SourceSpec::parse("oci:./out/img:v1").unwrap(),
            SourceSpec::OciLayout {
                dir: "./out/img".into(),
                tag: Some("v1".into())
            }
        );
        assert_eq!(
            SourceSpec::parse("oci:/tmp/a/b").unwrap(),
            SourceSpec::OciLayout {
                dir: "/tmp/a/b".into(),
                tag: None
            }
        );
        assert!(SourceSpec::parse("oci:").is_err());
        assert!(matches!(
            SourceSpec::parse("localhost:5000/a:b").unwrap(),
            SourceSpec::Registry(_)
        ));
    }
}
