//! What the dashboard shows, read from the control plane as its user: every
//! integration as a row of its buckets in workflow order, and one
//! integration's stages, gates and history. Pages only render these.

use std::collections::HashMap;

use crate::control::{ArtifactKey, ControlPlane, RequestFilter};
use crate::error::Result;
use crate::model::{self, Artifact, BucketEvent, Freeze, Gate, PromotionRequest, RegistrationType, RequestState};
use crate::registry::referrers::Found;

#[derive(Debug)]
pub struct Overview {
    pub rows: Vec<Row>,
    pub awaiting: Vec<PromotionRequest>,
}

/// One integration: its buckets, in the order moves go through them.
#[derive(Debug)]
pub struct Row {
    pub integration: String,
    pub workflow: Option<String>,
    pub cells: Vec<Cell>,
}

#[derive(Debug)]
pub struct Cell {
    pub bucket: String,
    pub head: Option<Artifact>,
    /// It holds another digest than the stage before it: something is on its way, or was rolled back.
    pub differs: bool,
    /// A freeze holding now: its reason.
    pub frozen: Option<String>,
    /// Requests waiting for approval to move into it.
    pub awaiting: usize,
    /// The approvals a move into it needs, when the stage is gated.
    pub gate: Option<u32>,
}

/// Every integration's buckets as they are now.
pub async fn overview(plane: &dyn ControlPlane) -> Result<Overview> {
    let now = crate::control::freezes::now();
    let workflows = plane.workflows().await?;
    let freezes: Vec<Freeze> =
        plane.freezes().await?.into_iter().filter(|f| f.window.holds_until(now).is_some()).collect();
    let filter = RequestFilter { integration: None, state: Some(RequestState::AwaitingApproval) };
    let awaiting = plane.promotion_requests(filter).await?;
    let mut waiting: HashMap<(String, String), usize> = HashMap::new();
    for r in &awaiting {
        *waiting.entry((r.integration.clone(), r.to_bucket.clone())).or_default() += 1;
    }
    let (environments, streams) = (plane.environments().await?, plane.release_streams().await?);
    let mut rows = Vec::new();
    for integration in plane.integrations().await? {
        let workflow = integration.workflow.as_ref().and_then(|w| workflows.iter().find(|f| &f.name == w));
        let others: Vec<String> = match integration.registration_type {
            RegistrationType::Environment => environments.iter().map(|e| e.name.clone()).collect(),
            RegistrationType::ReleaseStream => streams.iter().map(|r| r.name.clone()).collect(),
        };
        let mut cells: Vec<Cell> = Vec::new();
        for bucket in model::known_buckets(workflow, others) {
            let head = plane.current_artifact(&integration.name, &bucket).await?;
            // Buckets off the workflow show only when they hold something.
            let staged = workflow.is_some_and(|w| w.stages.contains(&bucket));
            if !staged && head.is_none() {
                continue;
            }
            let before = cells.last().filter(|_| staged).and_then(|c| c.head.as_ref());
            let differs = matches!((before, &head), (Some(b), Some(h)) if b.digest != h.digest);
            let frozen = freezes
                .iter()
                .find(|f| {
                    f.bucket.eq_ignore_ascii_case(&bucket)
                        && f.integration.as_ref().is_none_or(|i| *i == integration.name)
                })
                .map(|f| f.reason.clone());
            let awaiting = waiting.get(&(integration.name.clone(), bucket.clone())).copied().unwrap_or(0);
            let gate = workflow.and_then(|w| w.gate(&bucket)).map(|g: &Gate| g.approvals);
            cells.push(Cell { bucket, head, differs, frozen, awaiting, gate });
        }
        rows.push(Row { integration: integration.name, workflow: integration.workflow, cells });
    }
    Ok(Overview { rows, awaiting })
}

/// One integration: its stages (with their gates) and what happened in its buckets, newest first.
#[derive(Debug)]
pub struct IntegrationPage {
    pub integration: model::Integration,
    pub stages: Vec<(String, Option<u32>)>,
    pub events: Vec<BucketEvent>,
    pub heads: Vec<(String, Option<Artifact>)>,
    /// The CI run that built each event's artifact (its `ci.run_url`), by artifact id.
    pub runs: HashMap<i64, String>,
}

pub async fn integration(plane: &dyn ControlPlane, name: &str, limit: u32) -> Result<IntegrationPage> {
    let integration = plane.integration(name).await?;
    let workflow = match &integration.workflow {
        Some(w) => Some(plane.workflow(w).await?),
        None => None,
    };
    let stages: Vec<(String, Option<u32>)> = workflow
        .as_ref()
        .map(|w| w.stages.iter().map(|s| (s.clone(), w.gate(s).map(|g| g.approvals))).collect())
        .unwrap_or_default();
    let mut heads = Vec::new();
    for (stage, _) in &stages {
        heads.push((stage.clone(), plane.current_artifact(&integration.name, stage).await?));
    }
    let events = plane.bucket_events(&integration.name, None, limit).await?;
    let mut runs = HashMap::new();
    for event in &events {
        if let std::collections::hash_map::Entry::Vacant(slot) = runs.entry(event.artifact_id) {
            let artifact = plane.artifact(event.artifact_id).await?;
            if let Some(url) = artifact.metadata.get("ci.run_url") {
                slot.insert(url.clone());
            }
        }
    }
    Ok(IntegrationPage { integration, stages, events, heads, runs })
}

/// The signatures, attestations and SBOMs the registry holds for an artifact, asked with the
/// server's own credentials for reading; or why the registry could not say.
pub async fn referrers(app: &super::App, artifact: &Artifact) -> std::result::Result<Vec<Found>, String> {
    let found = async {
        let integration = app.plane.integration(&artifact.integration).await?;
        let registry = app.plane.registry(integration.registry_for(&artifact.bucket)).await?;
        let client = super::registry_access::client_for(app, &registry, None).await?;
        let repo = registry.bucket_repository(&integration, &artifact.bucket);
        Ok::<_, crate::Error>(crate::registry::referrers::list(&client, &repo, &artifact.digest).await?)
    };
    found.await.map_err(|e| e.to_string())
}

/// Every bucket of `artifact`'s integration that has held its digest, in workflow order.
pub async fn travels(plane: &dyn ControlPlane, artifact: &Artifact) -> Result<Vec<Artifact>> {
    let mut found = Vec::new();
    for choice in super::choices::buckets(plane, &artifact.integration).await? {
        if let Some(a) =
            plane.find_artifact(&artifact.integration, &choice.value, ArtifactKey::Digest(&artifact.digest)).await?
        {
            found.push(a);
        }
    }
    Ok(found)
}
