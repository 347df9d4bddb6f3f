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
    // On a pull request GitHub's ref is `N/merge`, which routes nowhere: the source branch
    // (GITHUB_HEAD_REF) is named by the PR's author, so it never chooses a bucket.
    var("GITHUB_REF_NAME")
        .or_else(|| var("CI_COMMIT_REF_NAME"))
        .or_else(|| var("CIRCLE_BRANCH").or_else(|| var("CIRCLE_TAG")))
        .or_else(|| var("BITBUCKET_BRANCH").or_else(|| var("BITBUCKET_TAG")))
        .or_else(|| var("BUILDKITE_BRANCH"))
        .or_else(|| var("BUILD_SOURCEBRANCHNAME"))
        .or_else(|| var("CODEBUILD_WEBHOOK_HEAD_REF").map(|r| short_ref(&r)))
        .or_else(|| var("BRANCH_NAME"))
        .or_else(|| var("GIT_BRANCH").map(|b| b.trim_start_matches("origin/").to_owned()))
}

fn short_ref(r: &str) -> String {
    r.strip_prefix("refs/heads/").or_else(|| r.strip_prefix("refs/tags/")).unwrap_or(r).to_owned()
}

/// The metadata with the branch recorded under `BRANCH_NAME`, as Facets' clients send it,
/// unless the caller set that key themselves.
pub fn with_branch(mut metadata: BTreeMap<String, String>, branch: Option<String>) -> BTreeMap<String, String> {
    if let Some(branch) = branch {
        metadata.entry(BRANCH_KEY.to_owned()).or_insert(branch);
    }
    metadata
}
