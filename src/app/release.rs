//! A release: many integrations promoted from one stage to the next at once,
//! each move its own promotion (its own lease, gates, freezes and record),
//! all sharing one release id. One integration's failure is its own: the
//! others move, and the release says which did.

use futures_util::StreamExt;

use super::App;
use super::promote::{PromoteOutcome, PromoteRequest, promote};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{self, Artifact, PromotionRequest, check_step};

/// Moves at once: each is a handful of registry requests and a record, and a
/// registry (or a server's store) serves a few concurrent writers best.
pub const AT_ONCE: usize = 8;

#[derive(Clone)]
pub struct ReleaseRequest {
    /// The integrations, or None for every one whose workflow has this step.
    pub integrations: Option<Vec<String>>,
    pub from: String,
    pub to: String,
    pub reason: Option<String>,
    pub dry_run: bool,
    pub referrers: bool,
    pub forced: bool,
    pub expires_in: std::time::Duration,
    /// The release's id; made up (`release-<time>-<hex>`) when not given.
    pub id: Option<String>,
}

#[derive(Debug, serde::Serialize)]
pub struct Release {
    pub id: String,
    pub from: String,
    pub to: String,
    pub moves: Vec<ReleaseMove>,
}

impl Release {
    /// The first failure, in integration order, whose exit code the release exits with.
    pub fn first_failure(&self) -> Option<(&str, ErrorKind, &str)> {
        self.moves.iter().find_map(|m| match &m.result {
            MoveResult::Failed { kind, error } => Some((m.integration.as_str(), *kind, error.as_str())),
            _ => None,
        })
    }

    pub fn count(&self, what: fn(&MoveResult) -> bool) -> usize {
        self.moves.iter().filter(|m| what(&m.result)).count()
    }
}

#[derive(Debug, serde::Serialize)]
pub struct ReleaseMove {
    pub integration: String,
    #[serde(flatten)]
    pub result: MoveResult,
}

#[derive(Debug, serde::Serialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
#[allow(clippy::large_enum_variant, reason = "made once per integration and printed")]
pub enum MoveResult {
    Done {
        promotion_id: i64,
        artifact: Artifact,
    },
    Unchanged {
        artifact: Artifact,
    },
    Requested {
        request: PromotionRequest,
    },
    DryRun {
        plan: super::promote::PromotionPlan,
    },
    /// `--all` only: the source bucket holds nothing to promote.
    Skipped {
        why: String,
    },
    Failed {
        #[serde(skip)]
        kind: ErrorKind,
        error: String,
    },
}

/// A release's moves say what they note, but draw no progress of their own: eight bars at once
/// are no help at a terminal, and the release prints what each did at the end.
struct Muted(std::sync::Arc<dyn super::Reporter>);

impl super::Reporter for Muted {
    fn note(&self, message: &str) {
        self.0.note(message);
    }
    fn progress(&self, _label: &str) -> std::sync::Arc<dyn crate::registry::copy::Progress> {
        std::sync::Arc::new(crate::registry::copy::Silent)
    }
}

pub async fn release(app: &App, req: ReleaseRequest) -> Result<Release> {
    let app = &App {
        plane: app.plane.clone(),
        http: app.http.clone(),
        reporter: std::sync::Arc::new(Muted(app.reporter.clone())),
        lock_timeout: app.lock_timeout,
        concurrency: app.concurrency,
        local_secrets: app.local_secrets.clone(),
    };
    let id = match req.id.clone() {
        Some(id) => {
            model::validate_name("release", &id)?;
            id
        }
        None => new_id()?,
    };
    let everyone = req.integrations.is_none();
    let names = match &req.integrations {
        Some(names) => {
            if names.iter().any(|n| n.trim().is_empty()) {
                return Err(Error::Invalid("--integration names an empty integration (a stray comma?)".into()));
            }
            let mut names = names.clone();
            names.sort();
            names.dedup();
            names
        }
        None => with_step(app, &req.from, &req.to).await?,
    };
    if names.is_empty() {
        return Err(Error::NotFound(format!(
            "no integration's workflow promotes from {} to {}; a release needs at least one",
            req.from, req.to
        )));
    }
    let mut moves = futures_util::stream::iter(names)
        .map(|integration| {
            let one = PromoteRequest {
                integration: integration.clone(),
                from: req.from.clone(),
                to: req.to.clone(),
                artifact: None,
                digest: None,
                reason: req.reason.clone(),
                dry_run: req.dry_run,
                referrers: req.referrers,
                forced: req.forced,
                request: None,
                expires_in: req.expires_in,
                release: Some(id.clone()),
            };
            let from = &req.from;
            async move {
                let result = match promote(app, one).await {
                    Ok(outcome) => outcome.into(),
                    Err(e) => {
                        // Under --all an empty source is not this integration's turn, not a failure.
                        let empty = everyone
                            && e.kind() == ErrorKind::NotFound
                            && is_empty_source(app, &integration, from).await;
                        match empty {
                            true => MoveResult::Skipped { why: format!("{from} holds no artifact yet") },
                            false => MoveResult::Failed { kind: e.kind(), error: e.to_string() },
                        }
                    }
                };
                ReleaseMove { integration, result }
            }
        })
        .buffer_unordered(AT_ONCE)
        .collect::<Vec<_>>()
        .await;
    moves.sort_by(|a, b| a.integration.cmp(&b.integration));
    Ok(Release { id, from: req.from, to: req.to, moves })
}

impl From<PromoteOutcome> for MoveResult {
    fn from(outcome: PromoteOutcome) -> MoveResult {
        match outcome {
            PromoteOutcome::Done { promotion, artifact, .. } => {
                MoveResult::Done { promotion_id: promotion.id, artifact }
            }
            PromoteOutcome::Unchanged { artifact, .. } => MoveResult::Unchanged { artifact },
            PromoteOutcome::Requested { request } => MoveResult::Requested { request },
            PromoteOutcome::DryRun { plan } => MoveResult::DryRun { plan },
        }
    }
}

async fn is_empty_source(app: &App, integration: &str, bucket: &str) -> bool {
    matches!(app.plane.current_artifact(integration, bucket).await, Ok(None))
}

/// Every integration whose workflow takes `from` to `to`.
async fn with_step(app: &App, from: &str, to: &str) -> Result<Vec<String>> {
    let workflows = app.plane.workflows().await?;
    let mut names: Vec<String> = app
        .plane
        .integrations()
        .await?
        .into_iter()
        .filter(|i| {
            let workflow = i.workflow.as_ref().and_then(|w| workflows.iter().find(|f| &f.name == w));
            workflow.is_some() && check_step(&i.name, workflow, from, to).is_ok()
        })
        .map(|i| i.name)
        .collect();
    names.sort();
    Ok(names)
}

/// `release-20261203t181502-3fa9c1`: sorts by time, and two releases made in one second differ.
fn new_id() -> Result<String> {
    let mut bytes = [0u8; 3];
    aws_lc_rs::rand::fill(&mut bytes).map_err(|_| Error::Failed("the system's random source failed".into()))?;
    Ok(format!("release-{}-{}", chrono::Utc::now().format("%Y%m%dt%H%M%S"), hex::encode(bytes)))
}
