//! Promotion requests as the embedded control plane keeps them: asked,
//! approved by others, rejected, cancelled, and run once. Every rule is
//! checked in the transaction that writes the change; the move itself is
//! recorded by `record_promotion`, which refuses a gated stage unless it is
//! the run of an approved request (`check_gate`).

use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::embedded::{Embedded, Tx};
use super::freezes::now;
use super::governing::Governing;
use super::store::rows::Columns;
use super::store::{format_time, stamp};
use super::*;
use crate::error::{Error, Hint, Result};

const REQUEST_SELECT: &str = "SELECT r.id, i.name AS integration, r.from_bucket, r.to_bucket, r.artifact_id, a.tag,
    a.digest, r.reason, r.requested_by, r.state, r.needed, r.decided_by, r.decision, r.promotion_id, r.claimed_by,
    r.claimed_at, r.created_at, r.expires_at FROM promotion_requests r JOIN integrations i ON i.id = r.integration_id
    JOIN artifacts a ON a.id = r.artifact_id";

/// A request as read: one waiting past its time is expired, whether or not anyone has looked.
fn request_from(r: &sqlx::any::AnyRow) -> Result<PromotionRequest> {
    let c = Columns(r);
    let mut request = PromotionRequest {
        id: c.get("id")?,
        integration: c.get("integration")?,
        from_bucket: c.get("from_bucket")?,
        to_bucket: c.get("to_bucket")?,
        artifact_id: c.get("artifact_id")?,
        tag: c.get("tag")?,
        digest: c.word("digest")?,
        reason: c.get("reason")?,
        requested_by: c.get("requested_by")?,
        state: c.word("state")?,
        approvals_needed: u32::try_from(c.get::<i64>("needed")?).unwrap_or(1),
        approvals: Vec::new(),
        decided_by: c.get("decided_by")?,
        decision: c.get("decision")?,
        promotion_id: c.get("promotion_id")?,
        claimed_by: c.get("claimed_by")?,
        claimed_at: match c.get::<Option<String>>("claimed_at")? {
            Some(_) => Some(c.time("claimed_at")?),
            None => None,
        },
        created_at: c.time("created_at")?,
        expires_at: c.time("expires_at")?,
    };
    if request.state == RequestState::AwaitingApproval && request.expires_at <= now() {
        request.state = RequestState::Expired;
    }
    Ok(request)
}

impl Embedded {
    async fn read_request(&self, conn: &mut AnyConnection, id: i64) -> Result<PromotionRequest> {
        let sql = format!("{REQUEST_SELECT} WHERE r.id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *conn).await?;
        let request = request_from(&row.ok_or_else(|| {
            Error::NotFound(format!("no promotion request has id {id}")).hint(Hint::List {
                what: "promotion".into(),
                integration: None,
                bucket: None,
            })
        })?)?;
        self.with_approvals(conn, request).await
    }

    async fn with_approvals(
        &self,
        conn: &mut AnyConnection,
        mut request: PromotionRequest,
    ) -> Result<PromotionRequest> {
        let approvals = sqlx::query(
            "SELECT approver, reason, created_at FROM request_approvals WHERE request_id = $1 ORDER BY created_at",
        )
        .bind(request.id)
        .fetch_all(&mut *conn)
        .await?;
        for a in &approvals {
            let c = Columns(a);
            request.approvals.push(Approval {
                by: c.get("approver")?,
                reason: c.get("reason")?,
                at: c.time("created_at")?,
            });
        }
        Ok(request)
    }

    pub(super) async fn request_promotion(&self, new: NewRequest) -> Result<PromotionRequest> {
        check_artifact_fields(&Default::default(), new.reason.as_deref(), None)?;
        let mut tx = self.store.begin_write().await?;
        let integration = Governing::read(&mut tx, &new.integration).await?;
        let source = self.artifact_in(&mut tx, new.source_artifact_id).await?;
        if source.integration != integration.name {
            return Err(Error::NotFound(format!("artifact {} is not in {}", source.id, integration.name)));
        }
        check_step(&integration.name, integration.workflow.as_ref(), &source.bucket, &new.to)?;
        let gate = integration.workflow.as_ref().and_then(|w| w.gate(&new.to)).ok_or_else(|| {
            Error::Invalid(format!("stage {} of {} is not gated; promote to it directly", new.to, integration.name))
        })?;
        let at = stamp();
        if !(1..=MAX_SECONDS).contains(&new.expires_in_seconds) {
            return Err(Error::Invalid("a request expires in 1 second to 365 days".into()));
        }
        let expires = at + chrono::Duration::seconds(new.expires_in_seconds as i64);
        let id: i64 = sqlx::query(
            "INSERT INTO promotion_requests (integration_id, from_bucket, to_bucket, artifact_id, reason, requested_by,
             state, needed, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(integration.id)
        .bind(&source.bucket)
        .bind(&new.to)
        .bind(source.id)
        .bind(&new.reason)
        .bind(&self.actor)
        .bind(RequestState::AwaitingApproval.as_str())
        .bind(i64::from(gate.approvals))
        .bind(format_time(at))
        .bind(format_time(expires))
        .fetch_one(&mut *tx)
        .await?
        .get("id");
        let target = format!("{}/{}:{}", integration.name, new.to, source.tag);
        let details = json!({"requestId": id, "artifactId": source.id, "digest": source.digest,
                             "from": source.bucket, "to": new.to, "approvalsNeeded": gate.approvals, "reason": new.reason});
        self.audit(&mut tx, AuditAction::PromotionRequest, "promotion-request", &target, details).await?;
        tx.commit().await?;
        self.promotion_request(id).await
    }

    pub(super) async fn promotion_request(&self, id: i64) -> Result<PromotionRequest> {
        let mut conn = self.store.pool.acquire().await?;
        self.read_request(&mut conn, id).await
    }

    pub(super) async fn promotion_requests(&self, filter: RequestFilter) -> Result<Vec<PromotionRequest>> {
        let sql = format!(
            "{REQUEST_SELECT} WHERE ($1 = '' OR i.name = $1) AND ($2 = '' OR r.state = $2) ORDER BY r.id DESC LIMIT {REQUESTS_LISTED}"
        );
        let mut conn = self.store.pool.acquire().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .persistent(false)
            .bind(filter.integration.unwrap_or_default())
            // Expired requests are stored as waiting: the state as read decides below.
            .bind(filter.state.filter(|s| *s != RequestState::Expired).map(|s| s.as_str()).unwrap_or_default())
            .fetch_all(&mut *conn)
            .await?;
        let mut all = Vec::new();
        for row in &rows {
            let request = request_from(row)?;
            if filter.state.is_none_or(|s| s == request.state) {
                all.push(self.with_approvals(&mut conn, request).await?);
            }
        }
        Ok(all)
    }

    /// The request, locked for this transaction where the backend locks rows.
    async fn request_for_update(&self, tx: &mut Tx, id: i64) -> Result<PromotionRequest> {
        if self.store.backend == super::store::Backend::Postgres {
            sqlx::query("SELECT id FROM promotion_requests WHERE id = $1 FOR UPDATE")
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        self.read_request(tx, id).await
    }

    /// Who may decide a request: not its requester, and on a server, a release manager or admin
    /// for a protected stage, a developer or more for another.
    async fn check_decider(&self, tx: &mut Tx, request: &PromotionRequest) -> Result<()> {
        check_approver(request, &self.actor, now()).map_err(Error::Refused)?;
        if let Some(role) = self.role {
            let integration = Governing::read(tx, &request.integration).await?;
            let needed = if integration.is_protected(tx, &request.to_bucket).await? {
                Role::ReleaseManager
            } else {
                Role::Developer
            };
            if !role.allows(needed) {
                return Err(Error::Forbidden(format!(
                    "user {} is a {role}; deciding on a promotion into {} needs {needed}",
                    self.actor, request.to_bucket
                )));
            }
        }
        Ok(())
    }

    /// Expires a request whose time ran out, so it says so from then on.
    async fn expire_if_due(&self, request: &PromotionRequest) -> Result<()> {
        if request.state == RequestState::AwaitingApproval && request.expires_at <= now() {
            sqlx::query("UPDATE promotion_requests SET state = $1 WHERE id = $2 AND state = $3")
                .bind(RequestState::Expired.as_str())
                .bind(request.id)
                .bind(RequestState::AwaitingApproval.as_str())
                .execute(&self.store.writer)
                .await?;
        }
        Ok(())
    }

    pub(super) async fn approve_request(&self, id: i64, reason: Option<String>) -> Result<PromotionRequest> {
        let mut tx = self.store.begin_write().await?;
        let request = self.request_for_update(&mut tx, id).await?;
        if let Err(e) = self.check_decider(&mut tx, &request).await {
            drop(tx);
            self.expire_if_due(&request).await?;
            return Err(e);
        }
        let already = request.approvals.iter().any(|a| a.by.eq_ignore_ascii_case(&self.actor));
        if !already {
            sqlx::query(
                "INSERT INTO request_approvals (request_id, approver, reason, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(&self.actor)
            .bind(&reason)
            .bind(format_time(stamp()))
            .execute(&mut *tx)
            .await?;
        }
        let count = request.approvals.len() + usize::from(!already);
        let ready = count >= request.approvals_needed as usize;
        // An approval of a request that ran, or tried to, runs it again: only when no run is live.
        if request.state == RequestState::Executing && !request.claim_lapsed(now()) {
            return Err(Error::Refused(format!("promotion request {id} is running now")));
        }
        if ready {
            // The approval that would move a frozen bucket is refused, and not counted.
            let integration = Governing::read(&mut tx, &request.integration).await?;
            self.check_unfrozen(&mut tx, &integration, &request.to_bucket, false).await?;
            sqlx::query("UPDATE promotion_requests SET state = $1 WHERE id = $2")
                .bind(RequestState::Approved.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let details =
            json!({"requestId": id, "approvals": count, "needed": request.approvals_needed, "reason": reason});
        let target = format!("{}/{}", request.integration, request.to_bucket);
        self.audit(&mut tx, AuditAction::PromotionApprove, "promotion-request", &target, details).await?;
        tx.commit().await?;
        self.promotion_request(id).await
    }

    pub(super) async fn reject_request(&self, id: i64, reason: String) -> Result<PromotionRequest> {
        if reason.trim().is_empty() {
            return Err(Error::Invalid("a rejection needs a reason: the requester reads it".into()));
        }
        let mut tx = self.store.begin_write().await?;
        let request = self.request_for_update(&mut tx, id).await?;
        self.check_decider(&mut tx, &request).await?;
        self.decide(&mut tx, &request, RequestState::Rejected, Some(&reason)).await?;
        let details = json!({"requestId": id, "reason": reason});
        let target = format!("{}/{}", request.integration, request.to_bucket);
        self.audit(&mut tx, AuditAction::PromotionReject, "promotion-request", &target, details).await?;
        tx.commit().await?;
        self.promotion_request(id).await
    }

    pub(super) async fn cancel_request(&self, id: i64) -> Result<PromotionRequest> {
        let mut tx = self.store.begin_write().await?;
        let request = self.request_for_update(&mut tx, id).await?;
        let mine = request.requested_by.eq_ignore_ascii_case(&self.actor);
        if !mine && self.role != Some(Role::Admin) {
            return Err(Error::Forbidden(format!(
                "promotion request {id} is {}'s; only they or an admin cancel it",
                request.requested_by
            )));
        }
        if !matches!(request.state, RequestState::AwaitingApproval | RequestState::Approved | RequestState::Failed) {
            return Err(Error::Refused(format!(
                "promotion request {id} is {}; there is nothing to cancel",
                request.state
            )));
        }
        self.decide(&mut tx, &request, RequestState::Cancelled, None).await?;
        let target = format!("{}/{}", request.integration, request.to_bucket);
        self.audit(&mut tx, AuditAction::PromotionCancel, "promotion-request", &target, json!({"requestId": id}))
            .await?;
        tx.commit().await?;
        self.promotion_request(id).await
    }

    async fn decide(
        &self,
        tx: &mut Tx,
        request: &PromotionRequest,
        state: RequestState,
        why: Option<&str>,
    ) -> Result<()> {
        sqlx::query("UPDATE promotion_requests SET state = $1, decided_by = $2, decision = $3 WHERE id = $4")
            .bind(state.as_str())
            .bind(&self.actor)
            .bind(why)
            .bind(request.id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Takes an approved request to run it here: one runner only, whichever process or replica
    /// asks first. The claim names its runner and time: only that runner records the move, and
    /// only while the claim lasts.
    pub(super) async fn claim_request(&self, id: i64) -> Result<Option<PromotionRequest>> {
        let taken = sqlx::query(
            "UPDATE promotion_requests SET state = $1, claimed_by = $2, claimed_at = $3 WHERE id = $4 AND state = $5",
        )
        .bind(RequestState::Executing.as_str())
        .bind(&self.actor)
        .bind(format_time(stamp()))
        .bind(id)
        .bind(RequestState::Approved.as_str())
        .execute(&self.store.writer)
        .await?
        .rows_affected();
        if taken == 0 {
            return Ok(None);
        }
        Ok(Some(self.promotion_request(id).await?))
    }

    /// A run that did not move: the request says why, and another approval tries again.
    pub(super) async fn fail_request(&self, id: i64, why: &str) -> Result<()> {
        sqlx::query("UPDATE promotion_requests SET state = $1, decision = $2 WHERE id = $3 AND state = $4")
            .bind(RequestState::Failed.as_str())
            .bind(why)
            .bind(id)
            .bind(RequestState::Executing.as_str())
            .execute(&self.store.writer)
            .await?;
        Ok(())
    }

    /// A promotion into a gated stage is the run of an approved request for this very source
    /// artifact and stage, and nothing else; it marks the request done in the same transaction.
    pub(super) async fn check_gate(
        &self,
        tx: &mut Tx,
        integration: &Governing,
        source: &Artifact,
        to: &str,
        request: Option<i64>,
    ) -> Result<Option<PromotionRequest>> {
        let gate = integration.workflow.as_ref().and_then(|w| w.gate(to));
        let gated = || {
            let ungated = Gate { stage: to.to_owned(), approvals: 1 };
            Error::from(gate.unwrap_or(&ungated).refusal(&integration.name))
        };
        // A run of a request is checked whether or not the stage is still gated, so that a
        // request whose gate was removed since is still done by its run.
        let Some(id) = request else {
            return match gate {
                Some(_) => Err(gated()),
                None => Ok(None),
            };
        };
        let r = self.read_request(tx, id).await?;
        let runs = r.state == RequestState::Executing
            && !r.claim_lapsed(now())
            && r.claimed_by.as_deref() == Some(self.actor.as_str())
            && r.integration == integration.name
            && r.artifact_id == source.id
            && r.to_bucket == to;
        if !runs {
            return Err(gated());
        }
        Ok(Some(r))
    }

    pub(super) async fn request_done(&self, tx: &mut Tx, id: i64, promotion_id: i64) -> Result<()> {
        let done =
            sqlx::query("UPDATE promotion_requests SET state = $1, promotion_id = $2 WHERE id = $3 AND state = $4")
                .bind(RequestState::Done.as_str())
                .bind(promotion_id)
                .bind(id)
                .bind(RequestState::Executing.as_str())
                .execute(&mut **tx)
                .await?
                .rows_affected();
        if done == 0 {
            return Err(Error::Refused(format!("promotion request {id} is no longer running; nothing was recorded")));
        }
        Ok(())
    }

    /// A push or register does not land in a gated stage: it moves there by promotion requests only.
    pub(super) fn check_not_gated(&self, integration: &Governing, bucket: &str) -> Result<()> {
        match integration.workflow.as_ref().and_then(|w| w.gate(bucket)) {
            Some(gate) => Err(gate.refusal(&integration.name).into()),
            None => Ok(()),
        }
    }
}

/// The most requests one listing gives, newest first.
pub const REQUESTS_LISTED: usize = 200;

/// Which requests to list.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct RequestFilter {
    pub integration: Option<String>,
    pub state: Option<RequestState>,
}
