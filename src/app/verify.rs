//! `verify`: compare every bucket's tags in the registry with the records.
//! The moving tag must name the bucket's recorded head and each artifact's
//! tag its recorded digest; anything else drifted (a tag pushed behind
//! facetctl's back, or left by a killed run). `--repair` puts each tag back
//! on what the record says, under the bucket's lease, and audits each fix.

use std::collections::BTreeMap;

use futures_util::{StreamExt, TryStreamExt};

use super::bucket_tags::{self, BucketTags};
use super::{App, bucket_lock, registry_access};
use crate::control::{TagRepair, TagRole};
use crate::error::Result;
use crate::model::{Artifact, Integration};

/// One difference between the registry and the records, and what became of it.
#[derive(Debug, serde::Serialize)]
pub struct Drift {
    #[serde(flatten)]
    pub tag: TagRepair,
    pub repaired: bool,
    /// Why a repair that was asked for did not happen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, serde::Serialize)]
pub struct VerifyReport {
    /// Tags compared with the registry.
    pub checked: usize,
    pub drifts: Vec<Drift>,
}

impl VerifyReport {
    /// Differences that are still there.
    pub fn open(&self) -> usize {
        self.drifts.iter().filter(|d| !d.repaired).count()
    }
}

pub async fn verify(app: &App, integration: Option<&str>, repair: bool) -> Result<VerifyReport> {
    let integrations = match integration {
        Some(name) => vec![app.plane.integration(name).await?],
        None => app.plane.integrations().await?,
    };
    let mut report = VerifyReport { checked: 0, drifts: Vec::new() };
    for integration in integrations {
        let expected = expected_tags(app, &integration).await?;
        report.checked += expected.len();
        // Each registry the integration's buckets live in, opened once. Reading needs no
        // bucket's write credentials; a repair asks for its bucket's.
        let mut registries = BTreeMap::new();
        for fix in &expected {
            let name = integration.registry_for(&fix.bucket);
            if !registries.contains_key(name) {
                let registry = app.plane.registry(name).await?;
                let client = registry_access::client_for(app, &registry, None).await?;
                registries.insert(name.to_owned(), (registry, client));
            }
        }
        let found: Vec<Option<TagRepair>> = futures_util::stream::iter(expected)
            .map(|fix| {
                let (registry, client) = &registries[integration.registry_for(&fix.bucket)];
                let repo = registry.bucket_repository(&integration, &fix.bucket);
                async move {
                    let drifted = bucket_tags::drift(client, &repo, &fix.tag, &fix.expected).await?;
                    Ok::<_, crate::Error>(drifted.map(|found| TagRepair { found, ..fix }))
                }
            })
            .buffered(app.concurrency)
            .try_collect()
            .await?;
        for fix in found.into_iter().flatten() {
            // One tag that cannot be repaired (a protected bucket, a busy one) does not stop the rest.
            let (repaired, error) = match repair {
                false => (false, None),
                true => match repair_one(app, &integration, &registries[integration.registry_for(&fix.bucket)].0, &fix)
                    .await
                {
                    Ok(done) => (done, None),
                    Err(e) => (false, Some(e.to_string())),
                },
            };
            report.drifts.push(Drift { tag: fix, repaired, error });
        }
    }
    Ok(report)
}

/// Every tag the records say the registry has: each bucket's moving tag on
/// its head, and each artifact's own tag.
async fn expected_tags(app: &App, integration: &Integration) -> Result<Vec<TagRepair>> {
    let artifacts = app.plane.artifacts(&integration.name, None).await?;
    let mut by_bucket: BTreeMap<String, Vec<Artifact>> = BTreeMap::new();
    for a in artifacts {
        by_bucket.entry(a.bucket.clone()).or_default().push(a);
    }
    let mut tags = Vec::new();
    for (bucket, artifacts) in by_bucket {
        let tag = |a: &Artifact, role, tag: String| TagRepair {
            integration: integration.name.clone(),
            bucket: bucket.clone(),
            tag,
            role,
            artifact_id: a.id,
            expected: a.digest.clone(),
            found: None,
        };
        if let Some(head) = app.plane.current_artifact(&integration.name, &bucket).await? {
            tags.push(tag(&head, TagRole::Moving, integration.current_tag(&bucket)));
        }
        for a in &artifacts {
            tags.push(tag(a, TagRole::Artifact, integration.artifact_tag(&bucket, &a.tag)));
        }
    }
    Ok(tags)
}

/// Puts one drifted tag back, under the bucket's lease, when it still
/// drifts and the record still says the same once the lease is held.
async fn repair_one(
    app: &App,
    integration: &Integration,
    registry: &crate::model::Registry,
    fix: &TagRepair,
) -> Result<bool> {
    let client = &*registry_access::client_for(app, registry, Some((&integration.name, &fix.bucket))).await?;
    let held = bucket_lock::acquire(app, &integration.name, &fix.bucket).await?;
    let repo = registry.bucket_repository(integration, &fix.bucket);
    let outcome = async {
        if fix.role == TagRole::Moving {
            let head = app.plane.current_artifact(&integration.name, &fix.bucket).await?;
            if head.map(|h| h.id) != Some(fix.artifact_id) {
                return Ok(false);
            }
        }
        let Some(found) = bucket_tags::drift(client, &repo, &fix.tag, &fix.expected).await? else {
            return Ok(false);
        };
        let tags = BucketTags { client, repo: &repo, held: &held };
        bucket_tags::repair(&tags, app.plane.as_ref(), TagRepair { found, ..fix.clone() }).await?;
        Ok(true)
    }
    .await;
    match &outcome {
        Ok(true) => held.recorded(),
        _ => held.release().await,
    }
    outcome
}
