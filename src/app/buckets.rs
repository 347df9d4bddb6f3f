//! Which buckets an integration has: the stages of its workflow, and the
//! environments or release streams its registration type names.

use super::App;
use crate::error::{Error, Result};
use crate::model::{Integration, RegistrationType, Workflow};

pub async fn check(app: &App, integration: &Integration, bucket: &str) -> Result<()> {
    let mut known: Vec<String> = Vec::new();
    if let Some(w) = &integration.workflow {
        known.extend(app.plane.workflow(w).await?.stages);
    }
    if !known.iter().any(|b| b == bucket) {
        match integration.registration_type {
            RegistrationType::Environment => known.extend(app.plane.environments().await?.into_iter().map(|e| e.name)),
            RegistrationType::ReleaseStream => {
                known.extend(app.plane.release_streams().await?.into_iter().map(|r| r.name))
            }
        }
    }
    if known.iter().any(|b| b == bucket) {
        return Ok(());
    }
    known.dedup();
    Err(Error::NotFound(format!(
        "unknown bucket {bucket:?} for integration {}: {}",
        integration.name,
        if known.is_empty() {
            "it has no workflow and no environments exist; give it a --workflow".to_owned()
        } else {
            format!("use one of {}", known.join(", "))
        }
    )))
}

/// The integration's workflow, which every promotion follows.
pub async fn workflow_of(app: &App, integration: &Integration) -> Result<Workflow> {
    match &integration.workflow {
        Some(w) => app.plane.workflow(w).await,
        None => Err(Error::Refused(format!(
            "integration {} has no promotion workflow, so it cannot promote; create one with --workflow",
            integration.name
        ))),
    }
}
