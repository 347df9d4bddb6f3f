//! Which bucket an artifact goes to when its caller names none: the one the
//! integration's routing rule chooses by the artifact's metadata. Routing
//! only chooses; the record is checked as for any bucket named.

use std::collections::BTreeMap;

use super::App;
use crate::error::{Error, Result};
use crate::model::{BRANCH_KEY, Criterion, RuleBroken, route};

/// Where an artifact goes, and the criterion that chose it if a rule did.
pub struct Routed {
    pub bucket: String,
    pub by: Option<Criterion>,
}

pub async fn bucket_for(
    app: &App,
    integration: &str,
    named: Option<String>,
    metadata: &BTreeMap<String, String>,
) -> Result<Routed> {
    if let Some(bucket) = named {
        return Ok(Routed { bucket, by: None });
    }
    let integration = app.plane.integration(integration).await?;
    let rule =
        integration.rule.ok_or_else(|| Error::from(RuleBroken::NoRule { integration: integration.name.clone() }))?;
    let rule = app.plane.rule(&rule).await?;
    let chosen = route(&rule.name, &rule.criteria, metadata)?;
    Ok(Routed { bucket: chosen.route_to.clone(), by: Some(chosen.clone()) })
}

/// The branch or tag a CI run builds, from the CI's own variables.
pub fn ci_branch() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match super::ci::current() {
        Some(run) => run.routing_ref(),
        // A CI this does not know by name may still say its branch the common way.
        None => var("BRANCH_NAME").or_else(|| var("GIT_BRANCH").map(|b| b.trim_start_matches("origin/").to_owned())),
    }
}

/// The metadata with the branch recorded under `BRANCH_NAME`, as Facets' clients send it,
/// unless the caller set that key themselves.
pub fn with_branch(mut metadata: BTreeMap<String, String>, branch: Option<String>) -> BTreeMap<String, String> {
    if let Some(branch) = branch {
        metadata.entry(BRANCH_KEY.to_owned()).or_insert(branch);
    }
    metadata
}
