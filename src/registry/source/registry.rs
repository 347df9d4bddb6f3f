//! An image in a registry, as a push source.

use std::sync::Arc;

use async_trait::async_trait;

use super::ImageSource;
use crate::model::Digest;
use crate::registry::blobs::BlobStream;
use crate::registry::{Manifest, Reference, RegistryClient, RegistryError};

pub struct RegistrySource {
    pub client: Arc<RegistryClient>,
    pub reference: Reference,
}

#[async_trait]
impl ImageSource for RegistrySource {
    fn describe(&self) -> String {
        self.reference.to_string()
    }

    fn tag(&self) -> Option<String> {
        self.reference.tag.clone()
    }

    async fn root_manifest(&self) -> Result<Manifest, RegistryError> {
        self.client.get_manifest(&self.reference.repository, &self.reference.manifest_ref()).await
    }

    async fn manifest(&self, digest: &Digest, _media_type: &str) -> Result<Manifest, RegistryError> {
        self.client.get_manifest(&self.reference.repository, digest.as_str()).await
    }

    async fn blob(&self, digest: &Digest) -> Result<BlobStream, RegistryError> {
        self.client.get_blob(&self.reference.repository, digest).await
    }

    fn mount_from(&self, host: &str) -> Option<String> {
        (self.client.host() == host).then(|| self.reference.repository.clone())
    }
}
