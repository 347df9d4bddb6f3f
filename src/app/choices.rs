//! What a person may choose from: the candidates that shell completion offers
//! and that prompts list when a value is missing. One source for both, read
//! from whichever control plane the command uses.

use chrono::{DateTime, Utc};

use crate::control::{ControlPlane, RequestFilter};
use crate::error::Result;
use crate::model::{self, RegistrationType, RequestState};

/// A value to choose, with a few words that tell it apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub about: String,
}

impl Choice {
    fn new(value: impl Into<String>, about: impl Into<String>) -> Choice {
        Choice { value: value.into(), about: about.into() }
    }
}

pub async fn integrations(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    Ok(plane
        .integrations()
        .await?
        .into_iter()
        .map(|i| {
            let about = match &i.workflow {
                Some(w) => format!("{} on {}, workflow {w}", i.repository, i.registry),
                None => format!("{} on {}", i.repository, i.registry),
            };
            Choice::new(i.name, about)
        })
        .collect())
}

/// Every bucket an integration has, in workflow order: its stages first, then
/// the environments or release streams of its type.
pub async fn buckets(plane: &dyn ControlPlane, integration: &str) -> Result<Vec<Choice>> {
    let integration = plane.integration(integration).await?;
    let workflow = match &integration.workflow {
        Some(w) => Some(plane.workflow(w).await?),
        None => None,
    };
    let others: Vec<String> = match integration.registration_type {
        RegistrationType::Environment => plane.environments().await?.into_iter().map(|e| e.name).collect(),
        RegistrationType::ReleaseStream => plane.release_streams().await?.into_iter().map(|r| r.name).collect(),
    };
    let known = model::known_buckets(workflow.as_ref(), others);
    let mut choices = Vec::with_capacity(known.len());
    for bucket in known {
        let head = plane.current_artifact(&integration.name, &bucket).await?;
        let about = match head {
            Some(a) => format!("{} {}", a.tag, a.digest.abbreviated()),
            None => "empty".to_owned(),
        };
        choices.push(Choice::new(bucket, about));
    }
    Ok(choices)
}

/// Where `from` promotes to: the workflow's next stage; every later stage
/// when `skipping` (an admin's `--force`). All buckets when `from` is unknown.
pub async fn promotion_targets(
    plane: &dyn ControlPlane,
    integration: &str,
    from: Option<&str>,
    skipping: bool,
) -> Result<Vec<Choice>> {
    let all = buckets(plane, integration).await?;
    let Some(from) = from else { return Ok(all) };
    let stages = match plane.integration(integration).await?.workflow {
        Some(w) => plane.workflow(&w).await?.stages,
        None => return Ok(all),
    };
    let Some(at) = stages.iter().position(|s| s == from) else { return Ok(all) };
    let later = if skipping { &stages[at + 1..] } else { &stages[at + 1..(at + 2).min(stages.len())] };
    Ok(all.into_iter().filter(|c| later.contains(&c.value)).collect())
}

/// How many artifacts a list offers: the newest; older ones are named by id.
const NEWEST: usize = 100;

/// A bucket's newest artifacts, newest first, each with its tag, short digest, age and who.
pub async fn artifacts(plane: &dyn ControlPlane, integration: &str, bucket: Option<&str>) -> Result<Vec<Choice>> {
    let mut artifacts = plane.artifacts(integration, bucket).await?;
    artifacts.sort_by_key(|a| std::cmp::Reverse(a.id));
    artifacts.truncate(NEWEST);
    let now = crate::control::freezes::now();
    Ok(artifacts
        .into_iter()
        .map(|a| {
            let about = format!(
                "{} {} {}, {} by {}",
                a.bucket,
                a.tag,
                a.digest.abbreviated(),
                ago(now, a.created_at),
                a.created_by
            );
            Choice::new(a.id.to_string(), about)
        })
        .collect())
}

/// The newest artifacts of every integration (at most `limit`), for a pick that names none.
pub async fn recent_artifacts(plane: &dyn ControlPlane, limit: usize) -> Result<Vec<Choice>> {
    let mut all = Vec::new();
    for integration in plane.integrations().await? {
        for mut choice in artifacts(plane, &integration.name, None).await? {
            choice.about = format!("{} {}", integration.name, choice.about);
            all.push(choice);
        }
    }
    all.sort_by_key(|c| std::cmp::Reverse(c.value.parse::<i64>().unwrap_or_default()));
    all.truncate(limit);
    Ok(all)
}

/// Promotion requests still open (awaiting approval), with what they would move.
pub async fn open_requests(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    let filter = RequestFilter { integration: None, state: Some(RequestState::AwaitingApproval) };
    Ok(plane
        .promotion_requests(filter)
        .await?
        .into_iter()
        .map(|r| {
            let about =
                format!("{} {} -> {}, {} by {}", r.integration, r.from_bucket, r.to_bucket, r.tag, r.requested_by);
            Choice::new(r.id.to_string(), about)
        })
        .collect())
}

pub async fn registries(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    Ok(plane.registries().await?.into_iter().map(|r| Choice::new(r.name, format!("{} {}", r.kind, r.uri))).collect())
}

pub async fn workflows(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    Ok(plane.workflows().await?.into_iter().map(|w| Choice::new(w.name.clone(), w.path())).collect())
}

pub async fn rules(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    Ok(plane
        .rules()
        .await?
        .into_iter()
        .map(|r| Choice::new(r.name, format!("{} criteria", r.criteria.len())))
        .collect())
}

pub async fn release_streams(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    Ok(plane
        .release_streams()
        .await?
        .into_iter()
        .map(|r| Choice::new(r.name, if r.prod { "production" } else { "" }))
        .collect())
}

pub async fn environments(plane: &dyn ControlPlane) -> Result<Vec<Choice>> {
    Ok(plane
        .environments()
        .await?
        .into_iter()
        .map(|e| Choice::new(e.name, format!("in {}", e.release_stream)))
        .collect())
}

/// How far from now, as people say it: `3m ago`, `2h ago`, `5d ago`; ahead, `in 3h`.
pub fn ago(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    let span = match seconds.unsigned_abs() {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m", s / 60),
        s if s < 86_400 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86_400),
    };
    if seconds < 0 { format!("in {span}") } else { format!("{span} ago") }
}
