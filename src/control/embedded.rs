//! The control plane in this process, over the local store. It is the
//! authority on what is valid: names, workflow shapes, who holds a bucket, the
//! one-sequence history of each bucket. Every change and its audit event are
//! written in one transaction; the audit log is only ever appended to.

use std::collections::BTreeMap;

use async_trait::async_trait;
use serde_json::json;
use sqlx::Row;

use super::governing::Governing;
use super::store::audit::AuditEntry;
use super::store::rows::*;
use super::store::{Store, now, parse_time};
use super::*;
use crate::error::{Error, Hint, Result};
use crate::secrets::{SecretStore, StoredIn};

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
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await?;
        artifact_from(&row.ok_or_else(|| {
            Error::NotFound(format!("no artifact has id {id}")).hint(Hint::List {
                what: "artifact".into(),
                integration: None,
                bucket: None,
            })
        })?)
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

    /// A new artifact row, or the one already under its tag in the bucket
    /// (a retried push of the same digest). Answers the row's id and whether it is new.
    async fn insert_artifact(&self, tx: &mut Tx, row: &ArtifactRow<'_>) -> Result<(i64, bool)> {
        let inserted = sqlx::query(
            "INSERT INTO artifacts (integration_id, bucket, image_uri, tag, digest, media_type, external_id, description,
             metadata, promoted_from, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
             ON CONFLICT (integration_id, bucket, tag) DO NOTHING RETURNING id",
        )
        .bind(row.iid)
        .bind(row.bucket)
        .bind(row.image_uri)
        .bind(row.tag)
        .bind(row.digest.as_str())
        .bind(row.media_type)
        .bind(row.external_id)
        .bind(row.description)
        .bind(serde_json::to_string(row.metadata).expect("strings serialise"))
        .bind(row.promoted_from)
        .bind(&self.actor)
        .bind(row.created_at)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(r) = inserted {
            return Ok((r.get("id"), true));
        }
        let existing = self.same_tag(tx, row.iid, row.bucket, row.tag, row.digest).await?;
        Ok((existing.ok_or_else(|| Error::Storage("an artifact's tag conflicted, then vanished".into()))?, false))
    }

    /// Moves a bucket's head by writing its event; the head follows in the
    /// database (migration 4), so the two never disagree.
    async fn set_head(&self, tx: &mut Tx, iid: i64, change: HeadChange<'_>) -> Result<()> {
        let HeadChange { bucket, artifact_id, kind, from, reason } = change;
        sqlx::query(
            "INSERT INTO bucket_events (integration_id, bucket, kind, artifact_id, from_bucket, actor, reason, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(iid)
        .bind(bucket)
        .bind(kind.as_str())
        .bind(artifact_id)
        .bind(from)
        .bind(&self.actor)
        .bind(reason)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The artifact under `tag` in a bucket; a different digest there is refused,
    /// because tags in a bucket are immutable.
    async fn same_tag(&self, tx: &mut Tx, iid: i64, bucket: &str, tag: &str, digest: &Digest) -> Result<Option<i64>> {
        let row =
            sqlx::query("SELECT id, digest FROM artifacts WHERE integration_id = $1 AND bucket = $2 AND tag = $3")
                .bind(iid)
                .bind(bucket)
                .bind(tag)
                .fetch_optional(&mut **tx)
                .await?;
        match row {
            None => Ok(None),
            Some(r) if r.get::<String, _>("digest") == digest.as_str() => Ok(Some(r.get("id"))),
            Some(r) => Err(tag_taken(bucket, tag, &r.get::<String, _>("digest"))),
        }
    }

    async fn fetch_artifacts(&self, filter: &str, binds: Vec<BindValue>, plan: Plan) -> Result<Vec<Artifact>> {
        let sql = format!("{ARTIFACT_SELECT} {filter}");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(plan == Plan::Cached);
        for b in binds {
            q = match b {
                BindValue::Int(i) => q.bind(i),
                BindValue::Text(s) => q.bind(s),
            };
        }
        q.fetch_all(&self.store.pool).await?.iter().map(artifact_from).collect()
    }
}

/// How PostgreSQL plans a read. A statement prepared once per connection
/// may, after five runs, be planned once for any value; for a listing whose
/// best plan depends on whose rows it reads (an integration with a million
/// events, or one with none) that generic plan walked every event: 123 ms in
/// `EXPLAIN ANALYZE`, against 0.04 ms planned for the value. Listings are
/// therefore sent unprepared (PostgreSQL's unnamed statement, planned for its
/// values each run); look-ups by key and writes keep their cached plans.
/// SQLite plans the same either way.
#[derive(Clone, Copy, PartialEq)]
enum Plan {
    Cached,
    PerValue,
}

/// A bucket's head moving to an artifact, and why.
struct HeadChange<'a> {
    bucket: &'a str,
    artifact_id: i64,
    kind: BucketEventKind,
    from: Option<&'a str>,
    reason: Option<&'a str>,
}

/// An artifact's row as written; `created_at` is as stored, so that the
/// answer built from it equals a later read.
struct ArtifactRow<'a> {
    iid: i64,
    bucket: &'a str,
    image_uri: &'a str,
    tag: &'a str,
    digest: &'a Digest,
    media_type: &'a str,
    external_id: Option<&'a str>,
    description: Option<&'a str>,
    metadata: &'a BTreeMap<String, String>,
    promoted_from: Option<i64>,
    created_at: &'a str,
}

impl ArtifactRow<'_> {
    /// The artifact this row records, as a later read would answer it.
    fn artifact(&self, id: i64, integration: &str, created_by: &str) -> Result<Artifact> {
        Ok(Artifact {
            id,
            integration: integration.to_owned(),
            bucket: self.bucket.to_owned(),
            image_uri: self.image_uri.to_owned(),
            tag: self.tag.to_owned(),
            digest: self.digest.clone(),
            media_type: self.media_type.to_owned(),
            external_id: self.external_id.map(str::to_owned),
            description: self.description.map(str::to_owned),
            metadata: self.metadata.clone(),
            promoted_from: self.promoted_from,
            created_by: created_by.to_owned(),
            created_at: parse_time(self.created_at)?,
        })
    }
}

/// The id of workflow `name`, which must be for `integration`'s type of buckets.
async fn workflow_of_type(
    tx: &mut Tx,
    name: &str,
    registration_type: RegistrationType,
    integration: &str,
) -> Result<i64> {
    let row = sqlx::query("SELECT id, registration_type FROM workflows WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| unknown("workflow", name))?;
    let workflow_type: String = row.get("registration_type");
    if workflow_type != registration_type.as_str() {
        return Err(Error::Invalid(format!(
            "workflow {name} is for {workflow_type} buckets but integration {integration} is {registration_type}; use a workflow of the same type"
        )));
    }
    Ok(row.get("id"))
}

/// Things integrations use, which cannot go while they do.
#[derive(Clone, Copy)]
enum Shared {
    Registry,
    Workflow,
}

/// The id of the registry or workflow `name`, if no integration uses it.
async fn unused(tx: &mut Tx, what: Shared, name: &str) -> Result<i64> {
    let (kind, find, users_sql) = match what {
        Shared::Registry => (
            "registry",
            "SELECT id FROM registries WHERE name = $1",
            "SELECT name FROM integrations WHERE registry_id = $1 ORDER BY name",
        ),
        Shared::Workflow => (
            "workflow",
            "SELECT id FROM workflows WHERE name = $1",
            "SELECT name FROM integrations WHERE workflow_id = $1 ORDER BY name",
        ),
    };
    let id: i64 = sqlx::query(find)
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| r.get("id"))
        .ok_or_else(|| unknown(kind, name))?;
    let users: Vec<String> =
        sqlx::query(users_sql).bind(id).fetch_all(&mut **tx).await?.iter().map(|r| r.get("name")).collect();
    if !users.is_empty() {
        return Err(Error::Refused(format!(
            "{kind} {name} is used by integration(s) {}; delete those first",
            users.join(", ")
        )));
    }
    Ok(id)
}

enum BindValue {
    Int(i64),
    Text(String),
}

fn unknown(what: &'static str, name: &str) -> Error {
    Error::NotFound(format!("unknown {what} {name:?}")).hint(Hint::List {
        what: what.into(),
        integration: None,
        bucket: None,
    })
}

fn tag_taken(bucket: &str, tag: &str, digest: &str) -> Error {
    Error::Refused(format!("tag {tag} in bucket {bucket} already names {digest}; tags are immutable"))
        .hint(Hint::AnotherTag)
}

fn conflict_on_unique(e: sqlx::Error, what: &str, name: &str) -> Error {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            Error::Refused(format!("{what} {name:?} already exists"))
        }
        _ => e.into(),
    }
}

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
        validate_name("release stream", name)?;
        let mut tx = self.store.begin_write().await?;
        let at = now();
        let id: i64 = sqlx::query(
            "INSERT INTO release_streams (name, description, prod, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(name)
        .bind(description)
        .bind(i64::from(prod))
        .bind(&self.actor)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "release stream", name))?
        .get("id");
        self.audit(&mut tx, AuditAction::ReleaseStreamCreate, "release-stream", name, json!({"id": id, "prod": prod}))
            .await?;
        tx.commit().await?;
        Ok(ReleaseStream {
            id,
            name: name.into(),
            description: description.into(),
            prod,
            created_by: self.actor.clone(),
            created_at: parse_time(&at)?,
        })
    }

    async fn release_streams(&self) -> Result<Vec<ReleaseStream>> {
        let rows = sqlx::query(
            "SELECT id, name, description, prod, created_by, created_at FROM release_streams ORDER BY name",
        )
        .fetch_all(&self.store.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReleaseStream {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    description: r.try_get("description")?,
                    prod: r.try_get::<i64, _>("prod")? != 0,
                    created_by: r.try_get("created_by")?,
                    created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
                })
            })
            .collect()
    }

    async fn create_environment(&self, name: &str, release_stream: &str) -> Result<Environment> {
        validate_name("environment", name)?;
        let mut tx = self.store.begin_write().await?;
        let rs: i64 = sqlx::query("SELECT id FROM release_streams WHERE name = $1")
            .bind(release_stream)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.get("id"))
            .ok_or_else(|| unknown("release stream", release_stream))?;
        let at = now();
        let id: i64 = sqlx::query(
            "INSERT INTO environments (name, release_stream_id, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(name)
        .bind(rs)
        .bind(&self.actor)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "environment", name))?
        .get("id");
        self.audit(
            &mut tx,
            AuditAction::EnvironmentCreate,
            "environment",
            name,
            json!({"id": id, "releaseStream": release_stream}),
        )
        .await?;
        tx.commit().await?;
        Ok(Environment {
            id,
            name: name.into(),
            release_stream: release_stream.into(),
            created_by: self.actor.clone(),
            created_at: parse_time(&at)?,
        })
    }

    async fn environments(&self) -> Result<Vec<Environment>> {
        let rows = sqlx::query(
            "SELECT e.id, e.name, r.name AS release_stream, e.created_by, e.created_at
             FROM environments e JOIN release_streams r ON r.id = e.release_stream_id ORDER BY e.name",
        )
        .fetch_all(&self.store.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Environment {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    release_stream: r.try_get("release_stream")?,
                    created_by: r.try_get("created_by")?,
                    created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
                })
            })
            .collect()
    }

    async fn add_registry(&self, new: NewRegistry, secret: Option<Secret>) -> Result<(Registry, SecretPlacement)> {
        validate_name("registry", &new.name)?;
        validate_registry_uri(&new.uri)?;
        if new.insecure && !is_loopback_host(&new.uri) {
            return Err(Error::Invalid(format!(
                "plain HTTP (insecure) is allowed only for registries on this machine (localhost, 127.x); {} needs HTTPS",
                new.uri
            )));
        }
        if secret.is_some() && new.username.is_none() {
            return Err(Error::Invalid("a password needs a username".into()));
        }
        let mut tx = self.store.begin_write().await?;
        let at = now();
        let id: i64 = sqlx::query(
            "INSERT INTO registries (name, kind, uri, insecure, username, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(&new.uri)
        .bind(i64::from(new.insecure))
        .bind(&new.username)
        .bind(&self.actor)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "registry", &new.name))?
        .get("id");
        self.audit(
            &mut tx,
            AuditAction::RegistryAdd,
            "registry",
            &new.name,
            json!({"id": id, "kind": new.kind.as_str(), "uri": new.uri, "username": new.username, "hasSecret": secret.is_some()}),
        )
        .await?;
        // The secret goes in before the record commits: a registry is never
        // shown as set up with its secret missing.
        let placement = match &secret {
            Some(s) => match self.secrets.put(&new.name, s)? {
                StoredIn::File { path, first_time } => SecretPlacement::File { path, first_time },
                StoredIn::Keyring { store } => SecretPlacement::Keyring { store },
            },
            None => SecretPlacement::None,
        };
        if let Err(e) = tx.commit().await {
            let _ = self.secrets.delete(&new.name);
            return Err(e.into());
        }
        let registry = Registry {
            id,
            name: new.name,
            kind: new.kind,
            uri: new.uri,
            insecure: new.insecure,
            username: new.username,
            created_by: self.actor.clone(),
            created_at: parse_time(&at)?,
        };
        Ok((registry, placement))
    }

    async fn registries(&self) -> Result<Vec<Registry>> {
        let rows = sqlx::query("SELECT * FROM registries ORDER BY name").fetch_all(&self.store.pool).await?;
        rows.iter().map(registry_from).collect()
    }

    async fn registry(&self, name: &str) -> Result<Registry> {
        let row =
            sqlx::query("SELECT * FROM registries WHERE name = $1").bind(name).fetch_optional(&self.store.pool).await?;
        registry_from(&row.ok_or_else(|| unknown("registry", name))?)
    }

    async fn remove_registry(&self, name: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let id = unused(&mut tx, Shared::Registry, name).await?;
        sqlx::query("DELETE FROM registries WHERE id = $1").bind(id).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::RegistryRemove, "registry", name, json!({"id": id})).await?;
        tx.commit().await?;
        self.secrets.delete(name)?;
        Ok(())
    }

    async fn registry_credentials(&self, name: &str, _bucket: Option<(&str, &str)>) -> Result<Option<Credentials>> {
        let registry = self.registry(name).await?;
        let (Some(username), Some(secret)) = (registry.username, self.secrets.get(name)?) else {
            return Ok(None);
        };
        Ok(Some(Credentials { username, secret }))
    }

    async fn create_workflow(&self, new: NewWorkflow) -> Result<Workflow> {
        validate_name("workflow", &new.name)?;
        check_stages(&new.name, &new.stages, &new.gates)?;
        let mut tx = self.store.begin_write().await?;
        let at = now();
        let id: i64 = sqlx::query(
            "INSERT INTO workflows (name, registration_type, stages, gates, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&new.name)
        .bind(new.registration_type.as_str())
        .bind(serde_json::to_string(&new.stages).expect("strings serialise"))
        .bind(serde_json::to_string(&new.gates).expect("strings serialise"))
        .bind(&self.actor)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "workflow", &new.name))?
        .get("id");
        self.audit(
            &mut tx,
            AuditAction::WorkflowCreate,
            "workflow",
            &new.name,
            json!({"id": id, "stages": new.stages, "gates": new.gates}),
        )
        .await?;
        tx.commit().await?;
        Ok(Workflow {
            id,
            name: new.name,
            registration_type: new.registration_type,
            stages: new.stages,
            gates: new.gates,
            created_by: self.actor.clone(),
            created_at: parse_time(&at)?,
        })
    }

    async fn workflows(&self) -> Result<Vec<Workflow>> {
        let rows = sqlx::query("SELECT * FROM workflows ORDER BY name").fetch_all(&self.store.pool).await?;
        rows.iter().map(workflow_from).collect()
    }

    async fn workflow(&self, name: &str) -> Result<Workflow> {
        let row =
            sqlx::query("SELECT * FROM workflows WHERE name = $1").bind(name).fetch_optional(&self.store.pool).await?;
        workflow_from(&row.ok_or_else(|| unknown("workflow", name))?)
    }

    async fn delete_workflow(&self, name: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let id = unused(&mut tx, Shared::Workflow, name).await?;
        sqlx::query("DELETE FROM workflows WHERE id = $1").bind(id).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::WorkflowDelete, "workflow", name, json!({"id": id})).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_workflow_stages(&self, name: &str, stages: Vec<String>) -> Result<Workflow> {
        let current = self.workflow(name).await?;
        check_stages(name, &stages, &current.gates)?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE workflows SET stages = $1 WHERE name = $2")
            .bind(serde_json::to_string(&stages).expect("strings serialise"))
            .bind(name)
            .execute(&mut *tx)
            .await?;
        self.audit(
            &mut tx,
            AuditAction::WorkflowUpdate,
            "workflow",
            name,
            json!({"stages": stages, "before": current.stages}),
        )
        .await?;
        tx.commit().await?;
        self.workflow(name).await
    }

    async fn set_integration_workflow(&self, name: &str, workflow: Option<&str>) -> Result<Integration> {
        let integration = self.integration(name).await?;
        let mut tx = self.store.begin_write().await?;
        let workflow_id = match workflow {
            None => None,
            Some(w) => Some(workflow_of_type(&mut tx, w, integration.registration_type, name).await?),
        };
        sqlx::query("UPDATE integrations SET workflow_id = $1 WHERE name = $2")
            .bind(workflow_id)
            .bind(name)
            .execute(&mut *tx)
            .await?;
        self.audit(
            &mut tx,
            AuditAction::IntegrationUpdate,
            "integration",
            name,
            json!({"workflow": workflow, "before": integration.workflow}),
        )
        .await?;
        tx.commit().await?;
        self.integration(name).await
    }

    async fn create_integration(&self, new: NewIntegration) -> Result<Integration> {
        validate_name("integration", &new.name)?;
        validate_repository(&new.repository)
            .map_err(|why| Error::Invalid(format!("invalid repository {:?}: {why}", new.repository)))?;
        let mut tx = self.store.begin_write().await?;
        let registry = sqlx::query("SELECT id, kind FROM registries WHERE name = $1")
            .bind(&new.registry)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| unknown("registry", &new.registry))?;
        let registry_id: i64 = registry.get("id");
        if registry.get::<String, _>("kind") == RegistryKind::Dockerhub.as_str() {
            check_docker_hub_layout(new.layout, &new.repository)?;
        }
        let workflow_id = match &new.workflow {
            None => None,
            Some(w) => Some(workflow_of_type(&mut tx, w, new.registration_type, &new.name).await?),
        };
        let at = now();
        let id: i64 = sqlx::query(
            "INSERT INTO integrations (name, registration_type, registry_id, repository, layout, workflow_id, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&new.name)
        .bind(new.registration_type.as_str())
        .bind(registry_id)
        .bind(&new.repository)
        .bind(new.layout.as_str())
        .bind(workflow_id)
        .bind(&self.actor)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "integration", &new.name))?
        .get("id");
        self.audit(
            &mut tx,
            AuditAction::IntegrationCreate,
            "integration",
            &new.name,
            json!({"id": id, "registry": new.registry, "repository": new.repository, "layout": new.layout.as_str(), "workflow": new.workflow}),
        )
        .await?;
        tx.commit().await?;
        Ok(Integration {
            id,
            name: new.name,
            registration_type: new.registration_type,
            registry: new.registry,
            repository: new.repository,
            layout: new.layout,
            workflow: new.workflow,
            created_by: self.actor.clone(),
            created_at: parse_time(&at)?,
        })
    }

    async fn integrations(&self) -> Result<Vec<Integration>> {
        let sql = format!("{INTEGRATION_SELECT} ORDER BY i.name");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.store.pool).await?;
        rows.iter().map(integration_from).collect()
    }

    async fn integration(&self, name: &str) -> Result<Integration> {
        let sql = format!("{INTEGRATION_SELECT} WHERE i.name = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(name).fetch_optional(&self.store.pool).await?;
        integration_from(&row.ok_or_else(|| unknown("integration", name))?)
    }

    async fn delete_integration(&self, name: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let iid = self.integration_id(&mut tx, name).await?;
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM artifacts WHERE integration_id = $1")
            .bind(iid)
            .fetch_one(&mut *tx)
            .await?
            .get("n");
        if count > 0 {
            return Err(Error::Refused(format!(
                "integration {name} has {count} recorded artifact(s); its history is kept, so it cannot be deleted"
            )));
        }
        sqlx::query("DELETE FROM bucket_locks WHERE integration_id = $1").bind(iid).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM integrations WHERE id = $1").bind(iid).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::IntegrationDelete, "integration", name, json!({"id": iid})).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn check_write(&self, integration: &str, bucket: &str, tag: Option<&str>) -> Result<()> {
        let mut conn = self.store.pool.acquire().await?;
        let governing = Governing::read(&mut conn, integration).await?;
        governing.check_writer(&mut conn, bucket, &self.actor, self.role).await?;
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
        integration.check_tag(&mut tx, &lock.bucket, &new.tag).await?;
        let image_uri = integration.pinned_uri(&lock.bucket, &new.digest);
        let created_at = now();
        let row = ArtifactRow {
            iid,
            bucket: &lock.bucket,
            image_uri: &image_uri,
            tag: &new.tag,
            digest: &new.digest,
            media_type: &new.media_type,
            external_id: new.external_id.as_deref(),
            description: new.description.as_deref(),
            metadata: &new.metadata,
            promoted_from: None,
            created_at: &created_at,
        };
        let (id, inserted) = self.insert_artifact(&mut tx, &row).await?;
        let written = row.artifact(id, &lock.integration, &self.actor)?;
        let change = HeadChange { bucket: &lock.bucket, artifact_id: id, kind: new.kind, from: None, reason: None };
        self.set_head(&mut tx, iid, change).await?;
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
        if !new.forced {
            check_step(&integration.name, integration.workflow.as_ref(), &source.bucket, &lock.bucket)?;
        }
        let to_bucket = &lock.bucket;
        integration.check_tag(&mut tx, to_bucket, &source.tag).await?;
        let image_uri = integration.pinned_uri(to_bucket, &source.digest);
        let created_at = now();
        let row = ArtifactRow {
            iid,
            bucket: to_bucket,
            image_uri: &image_uri,
            tag: &source.tag,
            digest: &source.digest,
            media_type: &source.media_type,
            external_id: source.external_id.as_deref(),
            description: source.description.as_deref(),
            metadata: &source.metadata,
            promoted_from: Some(source.id),
            created_at: &created_at,
        };
        let (target_id, inserted) = self.insert_artifact(&mut tx, &row).await?;
        let written = row.artifact(target_id, &source.integration, &self.actor)?;
        let promotion_id: i64 = sqlx::query(
            "INSERT INTO promotions (integration_id, artifact_id, target_artifact_id, from_bucket, to_bucket, digest, actor, reason,
             state, forced, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
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
        .bind(i64::from(new.forced))
        .bind(&created_at)
        .fetch_one(&mut *tx)
        .await?
        .get("id");
        let change = HeadChange {
            bucket: to_bucket,
            artifact_id: target_id,
            kind: BucketEventKind::Promote,
            from: Some(&source.bucket),
            reason: new.reason.as_deref(),
        };
        self.set_head(&mut tx, iid, change).await?;
        self.audit(
            &mut tx,
            AuditAction::ArtifactPromote,
            "promotion",
            &format!("{}/{}:{}", source.integration, to_bucket, source.tag),
            json!({"promotionId": promotion_id, "artifactId": source.id, "targetArtifactId": target_id,
                   "from": source.bucket, "to": to_bucket, "digest": source.digest, "reason": new.reason, "forced": new.forced}),
        )
        .await?;
        tx.commit().await?;
        let created = parse_time(&created_at)?;
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
            forced: new.forced,
            created_at: created,
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
    ) -> Result<BucketEvent> {
        let mut tx = self.store.begin_write().await?;
        let iid = self.claim(&mut tx, lock).await?;
        Governing::read(&mut tx, &lock.integration)
            .await?
            .check_writer(&mut tx, &lock.bucket, &self.actor, self.role)
            .await?;
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
        };
        self.set_head(&mut tx, iid, change).await?;
        self.audit(
            &mut tx,
            AuditAction::BucketRollback,
            "bucket",
            &format!("{}/{}", lock.integration, lock.bucket),
            json!({"artifactId": artifact_id, "tag": in_bucket.get::<String, _>("tag"),
                   "digest": in_bucket.get::<String, _>("digest"), "reason": reason}),
        )
        .await?;
        tx.commit().await?;
        let events = self.bucket_events(&lock.integration, Some(&lock.bucket), 1).await?;
        events.into_iter().next().ok_or_else(|| Error::Storage("the rollback event vanished".into()))
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
        self.integration(integration).await?;
        let found = self
            .fetch_artifacts(
                "JOIN buckets b ON b.current_artifact_id = a.id WHERE i.name = $1 AND b.bucket = $2",
                vec![BindValue::Text(integration.into()), BindValue::Text(bucket.into())],
                Plan::Cached,
            )
            .await?;
        Ok(found.into_iter().next())
    }

    async fn artifact(&self, id: i64) -> Result<Artifact> {
        let found = self.fetch_artifacts("WHERE a.id = $1", vec![BindValue::Int(id)], Plan::Cached).await?;
        found.into_iter().next().ok_or_else(|| {
            Error::NotFound(format!("no artifact has id {id}")).hint(Hint::List {
                what: "artifact".into(),
                integration: None,
                bucket: None,
            })
        })
    }

    async fn artifacts(&self, integration: &str, bucket: Option<&str>) -> Result<Vec<Artifact>> {
        self.integration(integration).await?;
        match bucket {
            Some(b) => {
                self.fetch_artifacts(
                    "WHERE i.name = $1 AND a.bucket = $2 ORDER BY a.id DESC",
                    vec![BindValue::Text(integration.into()), BindValue::Text(b.into())],
                    Plan::PerValue,
                )
                .await
            }
            None => {
                let by_integration = vec![BindValue::Text(integration.into())];
                self.fetch_artifacts("WHERE i.name = $1 ORDER BY a.id DESC", by_integration, Plan::PerValue).await
            }
        }
    }

    async fn find_artifact(&self, integration: &str, bucket: &str, key: ArtifactKey<'_>) -> Result<Option<Artifact>> {
        let (column, value) = match key {
            ArtifactKey::Tag(tag) => ("tag", tag),
            ArtifactKey::Digest(digest) => ("digest", digest.as_str()),
        };
        let filter = format!("WHERE i.name = $1 AND a.bucket = $2 AND a.{column} = $3 ORDER BY a.id DESC LIMIT 1");
        let binds =
            vec![BindValue::Text(integration.into()), BindValue::Text(bucket.into()), BindValue::Text(value.into())];
        Ok(self.fetch_artifacts(&filter, binds, Plan::Cached).await?.into_iter().next())
    }

    async fn bucket_events(&self, integration: &str, bucket: Option<&str>, limit: u32) -> Result<Vec<BucketEvent>> {
        // By id, not by the joined name: the planner then knows which
        // integration, and walks its (integration_id, id) index newest first.
        let iid = self.integration(integration).await?.id;
        let rows = match bucket {
            Some(b) => {
                let sql =
                    format!("{EVENT_SELECT} WHERE e.integration_id = $1 AND e.bucket = $2 ORDER BY e.id DESC LIMIT $3");
                // Planned for its values: see `Plan`.
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .persistent(false)
                    .bind(iid)
                    .bind(b)
                    .bind(i64::from(limit))
                    .fetch_all(&self.store.pool)
                    .await?
            }
            None => {
                let sql = format!("{EVENT_SELECT} WHERE e.integration_id = $1 ORDER BY e.id DESC LIMIT $2");
                // Planned for its values: see `Plan`.
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .persistent(false)
                    .bind(iid)
                    .bind(i64::from(limit))
                    .fetch_all(&self.store.pool)
                    .await?
            }
        };
        rows.iter().map(event_from).collect()
    }

    async fn promotions(&self, integration: &str, limit: u32) -> Result<Vec<Promotion>> {
        self.integration(integration).await?;
        let sql = format!("{PROMOTION_SELECT} WHERE i.name = $1 ORDER BY p.id DESC LIMIT $2");
        // Planned for its values: see `Plan`.
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .persistent(false)
            .bind(integration)
            .bind(i64::from(limit))
            .fetch_all(&self.store.pool)
            .await?;
        rows.iter().map(promotion_from).collect()
    }

    async fn audit_events(&self, filter: AuditFilter) -> Result<Vec<AuditEvent>> {
        let since = filter.since.map(super::store::format_time).unwrap_or_default();
        let rows = sqlx::query(
            "SELECT id, created_at, actor, action, entity, target, details FROM audit_events
             WHERE ($1 = '' OR actor = $1) AND created_at >= $2 ORDER BY id DESC LIMIT $3",
        )
        // Planned for its values (an actor, or none): see `Plan`.
        .persistent(false)
        .bind(filter.actor.unwrap_or_default())
        .bind(since)
        .bind(i64::from(filter.limit.unwrap_or(100)))
        .fetch_all(&self.store.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEvent {
                    id: r.try_get("id")?,
                    created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    entity: r.try_get("entity")?,
                    target: r.try_get("target")?,
                    details: serde_json::from_str(&r.try_get::<String, _>("details")?).unwrap_or_default(),
                })
            })
            .collect()
    }
}
