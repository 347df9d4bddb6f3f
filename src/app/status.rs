//! `facetctl status`: what runs where. Every bucket's current artifact, with
//! who put it there and when, and what holds it: a freeze, a waiting request.

use chrono::{DateTime, Utc};

use super::App;
use crate::control::RequestFilter;
use crate::error::Result;
use crate::model::{Digest, RequestState};

/// One bucket as it stands.
#[derive(Debug, serde::Serialize)]
pub struct BucketStatus {
    pub integration: String,
    pub bucket: String,
    pub artifact_id: Option<i64>,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
    /// When its head last moved, and by whom.
    pub since: Option<DateTime<Utc>>,
    pub by: Option<String>,
    /// Until when a freeze holds it, if one does now.
    pub frozen_until: Option<DateTime<Utc>>,
    /// Promotion requests into it awaiting approval.
    pub awaiting: Vec<i64>,
}

pub async fn status(app: &App, only: Option<&str>) -> Result<Vec<BucketStatus>> {
    let integrations = match only {
        Some(name) => vec![app.plane.integration(name).await?],
        None => app.plane.integrations().await?,
    };
    let freezes = app.plane.freezes().await?;
    let now = crate::control::freezes::now();
    let mut all = Vec::new();
    for integration in integrations {
        let mut buckets = match &integration.workflow {
            Some(w) => app.plane.workflow(w).await?.stages,
            None => Vec::new(),
        };
        for event in app.plane.bucket_events(&integration.name, None, 500).await? {
            if !buckets.contains(&event.bucket) {
                buckets.push(event.bucket);
            }
        }
        let filter =
            RequestFilter { integration: Some(integration.name.clone()), state: Some(RequestState::AwaitingApproval) };
        let requests = app.plane.promotion_requests(filter).await?;
        for bucket in buckets {
            let last = app.plane.bucket_events(&integration.name, Some(&bucket), 1).await?.into_iter().next();
            let frozen_until = freezes
                .iter()
                .filter(|f| f.bucket.eq_ignore_ascii_case(&bucket))
                .filter(|f| f.integration.as_deref().is_none_or(|i| i == integration.name))
                .filter_map(|f| f.window.holds_until(now))
                .max();
            all.push(BucketStatus {
                integration: integration.name.clone(),
                artifact_id: last.as_ref().map(|e| e.artifact_id),
                tag: last.as_ref().map(|e| e.tag.clone()),
                digest: last.as_ref().map(|e| e.digest.clone()),
                since: last.as_ref().map(|e| e.created_at),
                by: last.as_ref().map(|e| e.actor.clone()),
                frozen_until,
                awaiting: requests.iter().filter(|r| r.to_bucket == bucket).map(|r| r.id).collect(),
                bucket,
            });
        }
    }
    Ok(all)
}
