//! Where an image comes from when it is pushed: a registry, or an OCI layout
//! on disk. Each source gives manifests as exact bytes and blobs as streams.

mod compressed;
mod docker_archive;
pub mod docker_daemon;
mod oci_layout;
mod registry;

use std::sync::Arc;

use async_trait::async_trait;

pub use compressed::{Compressed, Ready, SpoolFile};
pub use docker_archive::DockerArchive;
pub use oci_layout::OciLayout;
pub use registry::RegistrySource;

use super::blobs::BlobStream;
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
    /// `docker save` output; `reference` picks one of several images.
    DockerArchive {
        file: std::path::PathBuf,
        reference: Option<String>,
    },
    /// An image in the local Docker engine.
    DockerDaemon {
        image: String,
    },
}

impl SourceSpec {
    /// `oci:DIR[:TAG]`, `docker-archive:FILE[:NAME:TAG]`, `docker-daemon:IMAGE`,
    /// else a registry reference.
    pub fn parse(s: &str) -> Result<SourceSpec, RegistryError> {
        if let Some(rest) = s.strip_prefix("oci:") {
            let (dir, tag) = match rest.rsplit_once(':') {
                Some((dir, tag)) if !tag.contains('/') && !dir.is_empty() => (dir, Some(tag.to_owned())),
                _ => (rest, None),
            };
            if dir.is_empty() {
                return Err(RegistryError::InvalidReference(format!(
                    "invalid source {s:?}: name the layout's folder, as oci:DIR or oci:DIR:TAG"
                )));
            }
            if let Some(tag) = &tag {
                crate::model::validate_tag(tag).map_err(|e| RegistryError::InvalidReference(e.0))?;
            }
            return Ok(SourceSpec::OciLayout { dir: dir.into(), tag });
        }
        if let Some(rest) = s.strip_prefix("docker-archive:") {
            // The file is the longest prefix that exists; what follows names an image in it.
            let split = std::iter::once(rest.len())
                .chain(rest.match_indices(':').map(|(i, _)| i).rev())
                .find(|&i| std::path::Path::new(&rest[..i]).is_file());
            return match split {
                Some(i) if i == rest.len() => Ok(SourceSpec::DockerArchive { file: rest.into(), reference: None }),
                Some(i) => {
                    Ok(SourceSpec::DockerArchive { file: rest[..i].into(), reference: Some(rest[i + 1..].to_owned()) })
                }
                None => Err(RegistryError::Source(format!(
                    "source {s:?}: no such file; give the path of a `docker save` tar, as docker-archive:FILE[:NAME:TAG]"
                ))),
            };
        }
        if let Some(image) = s.strip_prefix("docker-daemon:") {
            if image.is_empty() {
                return Err(RegistryError::InvalidReference(format!(
                    "source {s:?}: name the image, as docker-daemon:NAME:TAG"
                )));
            }
            image.parse::<super::Reference>()?;
            return Ok(SourceSpec::DockerDaemon { image: image.to_owned() });
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
            SourceSpec::OciLayout { dir: "./out/img".into(), tag: Some("v1".into()) }
        );
        assert_eq!(
            SourceSpec::parse("oci:/tmp/a/b").unwrap(),
            SourceSpec::OciLayout { dir: "/tmp/a/b".into(), tag: None }
        );
        assert!(SourceSpec::parse("oci:").is_err());
        assert!(matches!(SourceSpec::parse("localhost:5000/a:b").unwrap(), SourceSpec::Registry(_)));
    }
}
