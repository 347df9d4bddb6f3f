//! Promotion requests from the user's side: approving one (and, on the
//! approval that completes it, running the move where this command runs,
//! unless a server runs it), and waiting for one to be decided.

use std::time::{Duration, Instant};

use super::App;
use super::promote::{PromoteRequest, promote};
use crate::error::{Error, Result};
use crate::model::{PromotionRequest, RequestState};

/// How long a request waits for approvals unless told otherwise.
pub const DEFAULT_EXPIRY: Duration = Duration::from_secs(7 * 24 * 3600);

/// Approves the request; when that completes it, the move runs here (on the embedded control
/// plane) or already ran on the server. The answer is the request as it is afterwards.
pub async fn approve(app: &App, id: i64, reason: Option<String>) -> Result<PromotionRequest> {
    let request = app.plane.approve_request(id, reason).await?;
    if request.state == RequestState::Approved {
        return run(app, request.id).await;
    }
    Ok(request)
}

/// Runs an approved request, if it is this process's to run: the move of its pinned artifact,
/// recorded as the run of the request, or the request marked failed with why.
pub async fn run(app: &App, id: i64) -> Result<PromotionRequest> {
    let Some(request) = app.plane.claim_request(id).await? else {
        return app.plane.promotion_request(id).await;
    };
    let move_it = PromoteRequest {
        integration: request.integration.clone(),
        from: request.from_bucket.clone(),
        to: request.to_bucket.clone(),
        artifact: Some(request.artifact_id),
        digest: Some(request.digest.clone()),
        reason: request.reason.clone(),
        dry_run: false,
        referrers: true,
        forced: false,
        request: Some(request.id),
        expires_in: DEFAULT_EXPIRY,
        release: None,
    };
    if let Err(e) = promote(app, move_it).await {
        app.plane.fail_request(id, &crate::error::with_causes(&e)).await?;
    }
    app.plane.promotion_request(id).await
}

/// Waits until the request is done (Ok), or rejected, cancelled, expired or failed, or
/// `timeout` passes (a refusal: exit 3, the request left as it is).
/// How often a wait says it is still waiting.
const STILL_WAITING: Duration = Duration::from_secs(120);

pub async fn wait(app: &App, id: i64, timeout: Duration) -> Result<PromotionRequest> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(200);
    // Said once, then every few minutes: a CI log with no output for 10 minutes is ended (CircleCI).
    let mut next_word = started;
    loop {
        let request = app.plane.promotion_request(id).await?;
        match request.state {
            RequestState::Done => return Ok(request),
            state if state.is_final() || state == RequestState::Failed => {
                let why = request.decision.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
                let by = request.decided_by.as_deref().map(|b| format!(" by {b}")).unwrap_or_default();
                return Err(Error::Refused(format!("promotion request {id} was {state}{by}{why}")));
            }
            _ if started.elapsed() >= timeout => {
                return Err(Error::Refused(format!(
                    "promotion request {id} is still {} after {}s ({} of {} approvals); it stays open",
                    request.state,
                    timeout.as_secs(),
                    request.approvals.len(),
                    request.approvals_needed
                )));
            }
            _ => {
                if Instant::now() >= next_word {
                    let left = timeout.saturating_sub(started.elapsed()).as_secs() / 60;
                    app.reporter.note(&format!(
                        "waiting for promotion request {id} to be approved: {} of {} approvals, {left} min left",
                        request.approvals.len(),
                        request.approvals_needed
                    ));
                    next_word = Instant::now() + STILL_WAITING;
                }
                tokio::time::sleep(pause.min(timeout.saturating_sub(started.elapsed()))).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
        }
    }
}
