//! Writing a bucket's tags in the registry under its lease, and keeping the
//! moving tag on what the record says: checked right before each write,
//! put back when a record fails after the tags moved, and repaired when it
//! has drifted (changed behind facetctl's back, or left by a killed run).

use crate::control::TagRepair;
use crate::error::{Error, Hint, Result};
use crate::model::{Artifact, Digest};
use crate::registry::RegistryClient;
use crate::registry::manifest::Manifest;

use super::bucket_lock::HeldBucket;

/// One bucket's repository, as the tags are written to it.
pub struct BucketTags<'a> {
    pub client: &'a RegistryClient,
    pub repo: &'a str,
    pub held: &'a HeldBucket,
}

impl BucketTags<'_> {
    /// Writes `tag` if the lease is still ours; `touched` says what an earlier
    /// step of this command already wrote, for the error when it is not.
    pub async fn put(&self, tag: &str, manifest: &Manifest, touched: &str) -> Result<()> {
        self.held.ensure(touched).await?;
        self.client.put_manifest(self.repo, tag, manifest).await?;
        Ok(())
    }

    /// The moving tag after a record failed: back on the bucket's recorded
    /// head, so the registry never names a digest no record names. Answers
    /// the failure, saying what became of the tag.
    pub async fn put_back(&self, moving_tag: &str, head: Option<&Artifact>, failure: Error) -> Error {
        let Some(head) = head else {
            return failure
                .with_note(&format!(
                    "the moving tag {moving_tag} was left on the new image, and the bucket has no recorded head to put it back on"
                ))
                .hint(self.repair_hint());
        };
        // Only under a lease renewed now: if the record in fact committed (its answer lost), it
        // ended the lease, and the tag already names what the record says.
        if let Err(lost) = self.held.renew_now().await {
            return failure
                .with_note(&format!("the moving tag {moving_tag} was left as it is, since the lease is gone ({lost})"))
                .hint(self.repair_hint());
        }
        let restored = async {
            let manifest = self.client.get_manifest(self.repo, head.digest.as_str()).await?;
            self.client.put_manifest(self.repo, moving_tag, &manifest).await
        };
        match restored.await {
            Ok(()) => failure.with_note(&format!(
                "the moving tag {moving_tag} was put back on the recorded head {} ({})",
                head.tag, head.digest
            )),
            Err(e) => failure
                .with_note(&format!("the moving tag {moving_tag} could not be put back on {} ({e})", head.digest))
                .hint(self.repair_hint()),
        }
    }

    fn repair_hint(&self) -> Hint {
        Hint::Repair { integration: self.held.lock.integration.clone() }
    }
}

/// What a tag names in the registry when it is not `expected`: None when it
/// agrees, Some(None) when it is missing.
pub async fn drift(
    client: &RegistryClient,
    repo: &str,
    tag: &str,
    expected: &Digest,
) -> Result<Option<Option<Digest>>> {
    let found = client.head_manifest(repo, tag).await?.map(|h| h.digest);
    Ok(if found.as_ref() == Some(expected) { None } else { Some(found) })
}

/// Re-points a drifted tag at what the record says and records the repair,
/// which releases the lease.
pub async fn repair(
    tags: &BucketTags<'_>,
    plane: &dyn crate::control::ControlPlane,
    fix: TagRepair,
) -> Result<TagRepair> {
    let manifest = tags.client.get_manifest(tags.repo, fix.expected.as_str()).await?;
    tags.put(&fix.tag, &manifest, "nothing in the registry was changed").await?;
    plane.record_repair(&tags.held.lock, fix.clone()).await?;
    Ok(fix)
}
