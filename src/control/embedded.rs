//! The control plane in this process, over the local store. It is the
//! authority on what is valid: names, workflow shapes, who holds a bucket, the
//! one-sequence history of each bucket. Every change and its audit event are
//! written in one transaction; the audit log is only ever appended to.

use async_trait::async_trait;
use serde_json::json;
use sqlx::Row;

use super::governing::Governing;
use super::store::audit::AuditEntry;
use super::store::moves::{self, HeadChange};
use super::store::rows::*;
use super::store::{Store, format_time, stamp};
use super::*;
use crate::error::{Error, Hint, Result};
use crate::secrets::SecretStore;

pub(super) type Tx = sqlx::Transaction<'static, sqlx::Any>;

pub struct Embedded {
    pub(super) store: Store,
    pub(super) secrets: std::sync::Arc<dyn SecretStore>,
    pub(super) actor: String,
    pub(super) lease: std::time::Duration,
    /// Whether a lease whose holder's process is gone from this host may be
    /// taken before it runs out: sound only when every holder runs on this
    /// host (a local SQLite file). A server's leases end by expiry alone,
    /// since its replicas restart on one host while their clients live on.
    pub(super) take_over_dead_holders: bool,
    /// The actor's role on a server; None on the embedded control plane,
    /// whose user owns every record.
    pub(super) role: Option<Role>,
}

impl Embedded {
    pub fn new(store: Store, secrets: std::sync::Arc<dyn SecretStore>, actor: String) -> Self {
        Embedded { store, secrets, actor, lease: DEFAULT_LEASE, take_over_dead_holders: true, role: None }
    }

    /// The control plane behind a server, acting for a user in `role`:
    /// leases end by expiry only, and protected buckets need release-manager.
    pub fn for_server(self, role: Role) -> Self {
        Embedded { take_over_dead_holders: false, role: Some(role), ..self }
    }

    /// Leases of another length than the default.
    pub fn with_lease(self, lease: std::time::Duration) -> Self {
        Embedded { lease, ..self }
    }

    pub(super) fn lease_ms(&self) -> i64 {
        i64::try_from(self.lease.as_millis()).unwrap_or(i64::MAX / 2)
    }

    pub(super) fn lock(&self, integration: &str, bucket: &str, token: String) -> BucketLock {
        BucketLock { integration: integration.into(), bucket: bucket.into(), token, lease: self.lease }
    }

    /// The artifact with this id, read in the writing transaction.
    pub(super) async fn artifact_in(&self, tx: &mut Tx, id: i64) -> Result<Artifact> {
        let sql = format!("{ARTIFACT_SELECT} WHERE a.id = $1");
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await?.ok_or_else(|| {
            Error::NotFound(format!("no artifact has id {id}")).hint(Hint::List {
                what: "artifact".into(),
                integration: None,
                bucket: None,
            })
        })
    }

    /// Audits that a registry's credentials were handed to the actor for a
    /// bucket: who, which registry, which bucket; never the secret.
    pub async fn record_credentials_handout(&self, registry: &str, integration: &str, bucket: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let details = json!({"registry": registry, "integration": integration, "bucket": bucket});
        self.audit(&mut tx, AuditAction::RegistryCredentials, "registry", registry, details).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn audit(
        &self,
        tx: &mut Tx,
        action: AuditAction,
        entity: &str,
        target: &str,
        details: serde_json::Value,
    ) -> Result<()> {
        let entry = AuditEntry { actor: &self.actor, action, entity, target, details };
        super::store::audit::append(tx, entry).await
    }

    pub(super) async fn integration_id(&self, tx: &mut Tx, name: &str) -> Result<i64> {
        sqlx::query("SELECT id FROM integrations WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| r.get::<i64, _>("id"))
            .ok_or_else(|| unknown("integration", name))
    }
}

/// A freeze that holds, apart from any other failure of the check.
fn frozen(checked: Result<()>) -> Result<Option<RuleBroken>> {
    match checked {
        Ok(()) => Ok(None),
        Err(Error::Rule(rule)) if matches!(*rule, RuleBroken::Frozen { .. }) => Ok(Some(*rule)),
        Err(e) => Err(e),
    }
}

pub(super) fn unknown(what: &'static str, name: &str) -> Error {
    Error::NotFound(format!("unknown {what} {name:?}")).hint(Hint::List {
        what: what.into(),
        integration: None,
        bucket: None,
    })
}

/// The trait's surface. What is set up (streams, environments, registries,
/// workflows, integrations) is written in `catalog.rs`, leases in `leases.rs`
/// and reads in `reads.rs`, as inherent methods of the same names, which a
/// path such as `Embedded::registries` names before the trait's; the records
/// of moves, and the rules they keep, are here.
#[async_trait]
impl ControlPlane for Embedded {
    fn actor(&self) -> &str {
        &self.actor
    }

    fn location(&self) -> String {
        match self.store.backend {
            super::store::Backend::Sqlite => "the embedded control plane".into(),
            super::store::Backend::Postgres => "the control plane on PostgreSQL".into(),
        }
    }

    async fn close(&self) {
        self.store.close().await;
    }

    async fn create_release_stream(&self, name: &str, description: &str, prod: bool) -> Result<ReleaseStream> {
        Embedded::create_release_stream(self, name, description, prod).await
    }

    async fn release_streams(&self) -> Result<Vec<ReleaseStream>> {
        Embedded::release_streams(self).await
    }

    async fn create_environment(&self, name: &str, release_stream: &str) -> Result<Environment> {
        Embedded::create_environment(self, name, release_stream).await
    }

    async fn environments(&self) -> Result<Vec<Environment>> {
        Embedded::environments(self).await
    }

    async fn add_registry(&self, new: NewRegistry, secret: Option<Secret>) -> Result<(Registry, SecretPlacement)> {
        Embedded::add_registry(self, new, secret).await
    }

    async fn registries(&self) -> Result<Vec<Registry>> {
        Embedded::registries(self).await
    }

    async fn registry(&self, name: &str) -> Result<Registry> {
        Embedded::registry(self, name).await
    }

    async fn remove_registry(&self, name: &str) -> Result<()> {
        Embedded::remove_registry(self, name).await
    }

    async fn set_registry_secret(
        &self,
        name: &str,
        username: Option<String>,
        secret: Secret,
    ) -> Result<(Registry, SecretPlacement)> {
        Embedded::set_registry_secret(self, name, username, secret).await
    }

    async fn registry_credentials(&self, name: &str, _bucket: Option<(&str, &str)>) -> Result<Option<Credentials>> {
        Embedded::registry_credentials(self, name, _bucket).await
    }

    async fn create_workflow(&self, new: NewWorkflow) -> Result<Workflow> {
        Embedded::create_workflow(self, new).await
    }

    async fn workflows(&self) -> Result<Vec<Workflow>> {
        Embedded::workflows(self).await
    }

    async fn workflow(&self, name: &str) -> Result<Workflow> {
        Embedded::workflow(self, name).await
    }

    async fn delete_workflow(&self, name: &str) -> Result<()> {
        Embedded::delete_workflow(self, name).await
    }

    async fn set_workflow_stages(&self, name: &str, stages: Vec<String>, gates: Option<Vec<Gate>>) -> Result<Workflow> {
        Embedded::set_workflow_stages(self, name, stages, gates).await
    }

    async fn set_integration_workflow(&self, name: &str, workflow: Option<&str>) -> Result<Integration> {
        Embedded::set_integration_workflow(self, name, workflow).await
    }

    async fn create_freeze(&self, new: NewFreeze) -> Result<Freeze> {
        Embedded::create_freeze(self, new).await
    }

    async fn freezes(&self) -> Result<Vec<Freeze>> {
        Embedded::freezes(self).await
    }

    async fn end_freeze(&self, id: i64) -> Result<Freeze> {
        Embedded::end_freeze(self, id).await
    }

    async fn check_force(&self, what: Forcing) -> Result<()> {
        self.may_force(what)
    }

    async fn request_promotion(&self, new: NewRequest) -> Result<PromotionRequest> {
        Embedded::request_promotion(self, new).await
    }

    async fn promotion_requests(&self, filter: RequestFilter) -> Result<Vec<PromotionRequest>> {
        Embedded::promotion_requests(self, filter).await
    }

    async fn promotion_request(&self, id: i64) -> Result<PromotionRequest> {
        Embedded::promotion_request(self, id).await
    }

    async fn approve_request(&self, id: i64, reason: Option<String>) -> Result<PromotionRequest> {
        Embedded::approve_request(self, id, reason).await
    }

    async fn reject_request(&self, id: i64, reason: String) -> Result<PromotionRequest> {
        Embedded::reject_request(self, id, reason).await
    }

    async fn cancel_request(&self, id: i64) -> Result<PromotionRequest> {
        Embedded::cancel_request(self, id).await
    }

    async fn claim_request(&self, id: i64) -> Result<Option<PromotionRequest>> {
        Embedded::claim_request(self, id).await
    }

    async fn fail_request(&self, id: i64, why: &str) -> Result<()> {
        Embedded::fail_request(self, id, why).await
    }

    async fn set_integration_rule(&self, name: &str, rule: Option<&str>) -> Result<Integration> {
        Embedded::set_integration_rule(self, name, rule).await
    }

    async fn set_bucket_registries(&self, name: &str, changes: &[(String, Option<String>)]) -> Result<Integration> {
        Embedded::set_bucket_registries(self, name, changes).await
    }

    async fn create_rule(&self, new: NewRoutingRule) -> Result<RoutingRule> {
        Embedded::create_rule(self, new).await
    }

    async fn rules(&self) -> Result<Vec<RoutingRule>> {
        Embedded::rules(self).await
    }

    async fn rule(&self, name: &str) -> Result<RoutingRule> {
        Embedded::rule(self, name).await
    }

    async fn set_rule_criteria(&self, name: &str, criteria: Vec<Criterion>) -> Result<RoutingRule> {
        Embedded::set_rule_criteria(self, name, criteria).await
    }

    async fn delete_rule(&self, name: &str) -> Result<()> {
        Embedded::delete_rule(self, name).await
    }

    async fn create_integration(&self, new: NewIntegration) -> Result<Integration> {
        Embedded::create_integration(self, new).await
    }

    async fn integrations(&self) -> Result<Vec<Integration>> {
        Embedded::integrations(self).await
    }

    async fn integration(&self, name: &str) -> Result<Integration> {
        Embedded::integration(self, name).await
    }

    async fn delete_integration(&self, name: &str) -> Result<()> {
        Embedded::delete_integration(self, name).await
    }

    async fn check_write(&self, integration: &str, bucket: &str, tag: Option<&str>) -> Result<()> {
        let mut conn = self.store.pool.acquire().await?;
        let governing = Governing::read(&mut conn, integration).await?;
        governing.check_writer(&mut conn, bucket, &self.actor, self.role).await?;
        self.check_unfrozen(&mut conn, &governing, bucket, false).await?;
        match tag {
            Some(tag) => governing.check_tag(&mut conn, bucket, tag).await,
            None => Ok(()),
        }
    }

    async fn lock_bucket(&self, integration: &str, bucket: &str, holder: &str) -> Result<LockAttempt> {
        self.take_lease(integration, bucket, holder).await
    }

    async fn renew_lock(&self, lock: &BucketLock) -> Result<()> {
        self.renew_lease(lock).await
    }

    async fn unlock_bucket(&self, lock: &BucketLock) -> Result<()> {
        self.end_lease(lock).await
    }

    async fn record_artifact(&self, lock: &BucketLock, new: NewArtifact) -> Result<Artifact> {
        check_artifact_kind(new.kind)?;
        check_artifact_fields(&new.metadata, new.description.as_deref(), new.external_id.as_deref())?;
        let mut tx = self.store.begin_write().await?;
        let iid = self.claim(&mut tx, lock).await?;
        let integration = Governing::read(&mut tx, &lock.integration).await?;
        integration.check_writer(&mut tx, &lock.bucket, &self.actor, self.role).await?;
        self.check_unfrozen(&mut tx, &integration, &lock.bucket, false).await?;
        self.check_not_gated(&integration, &lock.bucket)?;
        integration.check_tag(&mut tx, &lock.bucket, &new.tag).await?;
        let image_uri = integration.pinned_uri(&lock.bucket, &new.digest);
        let mut written = Artifact {
            id: 0,
            integration: lock.integration.clone(),
            bucket: lock.bucket.clone(),
            image_uri: image_uri.clone(),
            tag: new.tag.clone(),
            digest: new.digest.clone(),
            media_type: new.media_type,
            external_id: new.external_id.clone(),
            description: new.description,
            metadata: new.metadata,
            promoted_from: None,
            created_by: self.actor.clone(),
            created_at: stamp(),
        };
        let (id, inserted) = moves::insert_artifact(&mut tx, iid, &written).await?;
        written.id = id;
        let change = HeadChange {
            bucket: &lock.bucket,
            artifact_id: id,
            kind: new.kind,
            from: None,
            reason: None,
            approved_by: &[],
        };
        moves::set_head(&mut tx, iid, &self.actor, change).await?;
        let action = match new.kind {
            BucketEventKind::Register => AuditAction::ArtifactRegister,
            _ => AuditAction::ArtifactPush,
        };
        let target = format!("{}/{}:{}", lock.integration, lock.bucket, new.tag);
        self.audit(
            &mut tx,
            action,
            "artifact",
            &target,
            json!({"artifactId": id, "digest": new.digest, "imageUri": image_uri, "externalId": new.external_id}),
        )
        .await?;
        tx.commit().await?;
        if !inserted {
            return self.artifact(id).await;
        }
        Ok(written)
    }

    async fn record_promotion(&self, lock: &BucketLock, new: NewPromotion) -> Result<(Promotion, Artifact)> {
        let mut tx = self.store.begin_write().await?;
        let iid = self.claim(&mut tx, lock).await?;
        let integration = Governing::read(&mut tx, &lock.integration).await?;
        // What moves is the source as recorded, read here: its bucket, tag and digest.
        let source = &self.artifact_in(&mut tx, new.source_artifact_id).await?;
        if source.integration != integration.name {
            return Err(Error::NotFound(format!(
                "artifact {} is not in {} (it is in {})",
                source.id, integration.name, source.integration
            )));
        }
        integration.check_writer(&mut tx, &lock.bucket, &self.actor, self.role).await?;
        // A forced move may skip a stage or go through a freeze, each by whom it allows.
        let off_workflow = check_step(&integration.name, integration.workflow.as_ref(), &source.bucket, &lock.bucket);
        let frozen = frozen(self.check_unfrozen(&mut tx, &integration, &lock.bucket, false).await)?;
        let forced = match (new.forced, off_workflow, frozen) {
            (false, Err(off), _) => return Err(off.into()),
            (false, Ok(()), Some(frozen)) => return Err(frozen.into()),
            (false, Ok(()), None) => false,
            (true, off, frozen) => {
                if off.is_err() {
                    self.allow_force(Forcing::OffWorkflow, new.reason.as_deref())?;
                }
                if frozen.is_some() {
                    self.allow_force(Forcing::ThroughFreeze, new.reason.as_deref())?;
                }
                off.is_err() || frozen.is_some()
            }
        };
        if let Some(release) = &new.release {
            validate_name("release", release)?;
        }
        let to_bucket = &lock.bucket;
        let request = self.check_gate(&mut tx, &integration, source, to_bucket, new.request).await?;
        let approved_by: Vec<String> = request.iter().flat_map(|r| r.approvals.iter().map(|a| a.by.clone())).collect();
        let request = request.map(|r| r.id);
        integration.check_tag(&mut tx, to_bucket, &source.tag).await?;
        let image_uri = integration.pinned_uri(to_bucket, &source.digest);
        let mut written = Artifact {
            id: 0,
            bucket: to_bucket.clone(),
            image_uri,
            promoted_from: Some(source.id),
            created_by: self.actor.clone(),
            created_at: stamp(),
            ..source.clone()
        };
        let (target_id, inserted) = moves::insert_artifact(&mut tx, iid, &written).await?;
        written.id = target_id;
        let promotion_id: i64 = sqlx::query(
            "INSERT INTO promotions (integration_id, artifact_id, target_artifact_id, from_bucket, to_bucket, digest, actor, reason,
             state, forced, created_at, release_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(iid)
        .bind(source.id)
        .bind(target_id)
        .bind(&source.bucket)
        .bind(to_bucket)
        .bind(source.digest.as_str())
        .bind(&self.actor)
        .bind(&new.reason)
        .bind(PromotionState::Done.as_str())
        .bind(i64::from(forced))
        .bind(format_time(written.created_at))
        .bind(&new.release)
        .fetch_one(&mut *tx)
        .await?
        .get("id");
        if let Some(request) = request {
            self.request_done(&mut tx, request, promotion_id).await?;
        }
        let change = HeadChange {
            bucket: to_bucket,
            artifact_id: target_id,
            kind: BucketEventKind::Promote,
            from: Some(&source.bucket),
            reason: new.reason.as_deref(),
            approved_by: &approved_by,
        };
        moves::set_head(&mut tx, iid, &self.actor, change).await?;
        self.audit(
            &mut tx,
            AuditAction::ArtifactPromote,
            "promotion",
            &format!("{}/{}:{}", source.integration, to_bucket, source.tag),
            json!({"promotionId": promotion_id, "artifactId": source.id, "targetArtifactId": target_id,
                   "from": source.bucket, "to": to_bucket, "digest": source.digest, "reason": new.reason, "forced": forced,
                   "release": new.release}),
        )
        .await?;
        tx.commit().await?;
        let promotion = Promotion {
            id: promotion_id,
            integration: source.integration.clone(),
            artifact_id: source.id,
            target_artifact_id: Some(target_id),
            from_bucket: source.bucket.clone(),
            to_bucket: to_bucket.clone(),
            digest: source.digest.clone(),
            actor: self.actor.clone(),
            reason: new.reason.clone(),
            state: PromotionState::Done,
            forced,
            release: new.release.clone(),
            created_at: written.created_at,
        };
        if !inserted {
            return Ok((promotion, self.artifact(target_id).await?));
        }
        Ok((promotion, written))
    }

    async fn record_rollback(
        &self,
        lock: &BucketLock,
        artifact_id: i64,
        reason: Option<String>,
        forced: bool,
    ) -> Result<BucketEvent> {
        let mut tx = self.store.begin_write().await?;
        let iid = self.claim(&mut tx, lock).await?;
        let integration = Governing::read(&mut tx, &lock.integration).await?;
        integration.check_writer(&mut tx, &lock.bucket, &self.actor, self.role).await?;
        let forced = match frozen(self.check_unfrozen(&mut tx, &integration, &lock.bucket, false).await)? {
            Some(frozen) if !forced => return Err(frozen.into()),
            Some(_) => {
                self.allow_force(Forcing::ThroughFreeze, reason.as_deref())?;
                true
            }
            None => false,
        };
        let in_bucket =
            sqlx::query("SELECT tag, digest FROM artifacts WHERE id = $1 AND integration_id = $2 AND bucket = $3")
                .bind(artifact_id)
                .bind(iid)
                .bind(&lock.bucket)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| {
                    Error::NotFound(format!(
                        "artifact {artifact_id} is not in bucket {} of {}",
                        lock.bucket, lock.integration
                    ))
                })?;
        let change = HeadChange {
            bucket: &lock.bucket,
            artifact_id,
            kind: BucketEventKind::Rollback,
            from: None,
            reason: reason.as_deref(),
            approved_by: &[],
        };
        moves::set_head(&mut tx, iid, &self.actor, change).await?;
        self.audit(
            &mut tx,
            AuditAction::BucketRollback,
            "bucket",
            &format!("{}/{}", lock.integration, lock.bucket),
            json!({"artifactId": artifact_id, "tag": in_bucket.get::<String, _>("tag"),
                   "digest": in_bucket.get::<String, _>("digest"), "reason": reason, "forced": forced}),
        )
        .await?;
        tx.commit().await?;
        let events = self.bucket_events(&lock.integration, Some(&lock.bucket), 1).await?;
        events
            .into_iter()
            .next()
            .ok_or_else(|| Error::Storage { context: "the rollback event vanished".into(), source: None })
    }

    async fn record_repair(&self, lock: &BucketLock, repair: TagRepair) -> Result<()> {
        if repair.integration != lock.integration || repair.bucket != lock.bucket {
            return Err(Error::Invalid(format!(
                "a repair of {}/{} needs that bucket's lease, not {}/{}'s",
                repair.integration, repair.bucket, lock.integration, lock.bucket
            )));
        }
        let mut tx = self.store.begin_write().await?;
        let iid = self.claim(&mut tx, lock).await?;
        let integration = Governing::read(&mut tx, &lock.integration).await?;
        integration.check_writer(&mut tx, &lock.bucket, &self.actor, self.role).await?;
        let expected = match repair.role {
            TagRole::Moving => {
                sqlx::query(
                    "SELECT a.id, a.digest FROM buckets b JOIN artifacts a ON a.id = b.current_artifact_id
                     WHERE b.integration_id = $1 AND b.bucket = $2",
                )
                .bind(iid)
                .bind(&lock.bucket)
                .fetch_optional(&mut *tx)
                .await?
            }
            TagRole::Artifact => {
                sqlx::query("SELECT id, digest FROM artifacts WHERE id = $1 AND integration_id = $2 AND bucket = $3")
                    .bind(repair.artifact_id)
                    .bind(iid)
                    .bind(&lock.bucket)
                    .fetch_optional(&mut *tx)
                    .await?
            }
        };
        // The record must say what the tag was put back on, and the tag must be the one its role gives.
        let agrees = expected.as_ref().is_some_and(|r| {
            r.get::<i64, _>("id") == repair.artifact_id && r.get::<String, _>("digest") == repair.expected.as_str()
        });
        let tag_of_role = match repair.role {
            TagRole::Moving => Some(integration.layout.current_tag(&lock.bucket)),
            TagRole::Artifact => self
                .artifact_in(&mut tx, repair.artifact_id)
                .await
                .ok()
                .map(|a| integration.layout.artifact_tag(&lock.bucket, &a.tag)),
        };
        if tag_of_role.as_deref() != Some(repair.tag.as_str()) {
            return Err(Error::Invalid(format!(
                "tag {:?} is not the {} tag of artifact {} in bucket {}",
                repair.tag,
                match repair.role {
                    TagRole::Moving => "moving",
                    TagRole::Artifact => "artifact",
                },
                repair.artifact_id,
                lock.bucket
            )));
        }
        if !agrees {
            return Err(Error::Refused(format!(
                "the record of bucket {} of {} does not name artifact {} with {} for that tag; nothing was recorded",
                lock.bucket, lock.integration, repair.artifact_id, repair.expected
            )));
        }
        self.audit(
            &mut tx,
            AuditAction::BucketRepair,
            "bucket",
            &format!("{}/{}", lock.integration, lock.bucket),
            json!({"tag": repair.tag, "role": repair.role, "artifactId": repair.artifact_id,
                   "digest": repair.expected, "found": repair.found}),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn current_artifact(&self, integration: &str, bucket: &str) -> Result<Option<Artifact>> {
        Embedded::current_artifact(self, integration, bucket).await
    }

    async fn artifact(&self, id: i64) -> Result<Artifact> {
        Embedded::artifact(self, id).await
    }

    async fn artifacts(&self, integration: &str, bucket: Option<&str>) -> Result<Vec<Artifact>> {
        Embedded::artifacts(self, integration, bucket).await
    }

    async fn find_artifact(&self, integration: &str, bucket: &str, key: ArtifactKey<'_>) -> Result<Option<Artifact>> {
        Embedded::find_artifact(self, integration, bucket, key).await
    }

    async fn bucket_events(&self, integration: &str, bucket: Option<&str>, limit: u32) -> Result<Vec<BucketEvent>> {
        Embedded::bucket_events(self, integration, bucket, limit).await
    }

    async fn promotions(&self, integration: &str, limit: u32) -> Result<Vec<Promotion>> {
        Embedded::promotions(self, integration, limit).await
    }

    async fn audit_events(&self, filter: AuditFilter) -> Result<Vec<AuditEvent>> {
        Embedded::audit_events(self, filter).await
    }

    async fn import_records(&self, mut records: Records) -> Result<store::import::Imported> {
        if self.role.is_some_and(|role| role != Role::Admin) {
            return Err(Error::Forbidden(format!("user {} may not import records; that needs admin", self.actor)));
        }
        store::import::import(&self.store, &mut records, &self.actor).await
    }
}
