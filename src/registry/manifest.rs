//! Manifests as exact bytes. A manifest is never re-serialised: its digest is
//! the hash of the bytes the registry gave us, and those bytes are what we put.

use bytes::Bytes;
use serde::Deserialize;

use crate::model::Digest;

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";

/// Every manifest type we copy, for `Accept` headers.
pub const ACCEPT: &str = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json";

#[derive(Debug, Clone)]
pub struct Manifest {
    pub bytes: Bytes,
    pub media_type: String,
    pub digest: Digest,
}

/// A pointer to content, as manifests hold them.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: Digest,
    pub size: u64,
    /// The descriptor as it was written (annotations, artifactType...), for
    /// indexes that list it again.
    #[serde(skip)]
    pub raw: serde_json::Value,
}

impl Descriptor {
    pub fn from_value(value: serde_json::Value) -> Option<Descriptor> {
        let mut d: Descriptor = serde_json::from_value(value.clone()).ok()?;
        d.raw = value;
        Some(d)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Shape {
    media_type: Option<String>,
    config: Option<Descriptor>,
    #[serde(default)]
    layers: Vec<Descriptor>,
    manifests: Option<Vec<Descriptor>>,
}

/// What a manifest points at: child manifests (an index) or blobs (an image).
#[derive(Debug)]
pub enum Contents {
    Index(Vec<Descriptor>),
    Image(Vec<Descriptor>),
}

impl Manifest {
    /// Wraps bytes from a source. `media_type` comes from the transport when it
    /// said one, else from the document's own `mediaType`, else from its shape.
    pub fn from_bytes(bytes: Bytes, media_type: Option<&str>) -> Result<Manifest, String> {
        let shape: Shape = serde_json::from_slice(&bytes).map_err(|e| format!("not a manifest: {e}"))?;
        let media_type = media_type
            .filter(|m| !m.is_empty() && *m != "application/octet-stream")
            .map(str::to_owned)
            .or(shape.media_type)
            .unwrap_or_else(|| if shape.manifests.is_some() { OCI_INDEX } else { OCI_MANIFEST }.to_owned());
        let digest = Digest::of(&bytes);
        Ok(Manifest { bytes, media_type, digest })
    }

    pub fn is_index(&self) -> bool {
        self.media_type == OCI_INDEX || self.media_type == DOCKER_LIST
    }

    pub fn contents(&self) -> Result<Contents, String> {
        let shape: Shape = serde_json::from_slice(&self.bytes).map_err(|e| format!("not a manifest: {e}"))?;
        if self.is_index() {
            return Ok(Contents::Index(shape.manifests.unwrap_or_default()));
        }
        let mut blobs: Vec<Descriptor> = shape.config.into_iter().collect();
        blobs.extend(shape.layers);
        Ok(Contents::Image(blobs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_kept_exactly_and_hashed_as_given() {
        let raw = br#"{ "schemaVersion":2,  "mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"c","digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","size":0},"layers":[]}"#;
        let m = Manifest::from_bytes(Bytes::from_static(raw), None).unwrap();
        assert_eq!(&m.bytes[..], &raw[..]);
        assert_eq!(m.digest, Digest::of(raw));
        assert_eq!(m.media_type, OCI_MANIFEST);
        assert!(matches!(m.contents().unwrap(), Contents::Image(b) if b.len() == 1));
    }

    #[test]
    fn an_index_without_media_type_is_known_by_its_shape() {
        let m = Manifest::from_bytes(Bytes::from_static(br#"{"schemaVersion":2,"manifests":[]}"#), None).unwrap();
        assert!(m.is_index());
    }
}
