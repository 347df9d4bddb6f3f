//! What integrations are set up from: release streams, environments,
//! registries (their secrets kept where this control plane keeps secrets),
//! workflows and the integrations themselves. Each change and its audit
//! event are written in one transaction; the shape of each thing is checked
//! by `model/` first.

use serde_json::json;
use sqlx::Row;

use super::embedded::{Embedded, Tx, unknown};
use super::governing::Governing;
use super::store::rows::*;
use super::store::{format_time, stamp};
use super::*;
use crate::error::{Error, Hint, Result};

impl Embedded {
    pub(super) async fn create_release_stream(
        &self,
        name: &str,
        description: &str,
        prod: bool,
    ) -> Result<ReleaseStream> {
        validate_name("release stream", name)?;
        let mut tx = self.store.begin_write().await?;
        let at = stamp();
        let id: i64 = sqlx::query(
            "INSERT INTO release_streams (name, description, prod, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(name)
        .bind(description)
        .bind(i64::from(prod))
        .bind(&self.actor)
        .bind(format_time(at))
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
            created_at: at,
        })
    }

    pub(super) async fn release_streams(&self) -> Result<Vec<ReleaseStream>> {
        Ok(sqlx::query_as(
            "SELECT id, name, description, prod, created_by, created_at FROM release_streams ORDER BY name",
        )
        .fetch_all(&self.store.pool)
        .await?)
    }

    pub(super) async fn create_environment(&self, name: &str, release_stream: &str) -> Result<Environment> {
        validate_name("environment", name)?;
        let mut tx = self.store.begin_write().await?;
        let rs: i64 = sqlx::query("SELECT id FROM release_streams WHERE name = $1")
            .bind(release_stream)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.get("id"))
            .ok_or_else(|| unknown("release stream", release_stream))?;
        let at = stamp();
        let id: i64 = sqlx::query(
            "INSERT INTO environments (name, release_stream_id, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(name)
        .bind(rs)
        .bind(&self.actor)
        .bind(format_time(at))
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
            created_at: at,
        })
    }

    pub(super) async fn environments(&self) -> Result<Vec<Environment>> {
        Ok(sqlx::query_as(
            "SELECT e.id, e.name, r.name AS release_stream, e.created_by, e.created_at
             FROM environments e JOIN release_streams r ON r.id = e.release_stream_id ORDER BY e.name",
        )
        .fetch_all(&self.store.pool)
        .await?)
    }

    pub(super) async fn add_registry(
        &self,
        new: NewRegistry,
        secret: Option<Secret>,
    ) -> Result<(Registry, SecretPlacement)> {
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
        if let Some(username) = &new.username {
            check_username(username)?;
        }
        let mut tx = self.store.begin_write().await?;
        let at = stamp();
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
        .bind(format_time(at))
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
            Some(s) => self.secrets.put(&new.name, s)?.into(),
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
            created_at: at,
        };
        Ok((registry, placement))
    }

    pub(super) async fn registries(&self) -> Result<Vec<Registry>> {
        Ok(sqlx::query_as("SELECT * FROM registries ORDER BY name").fetch_all(&self.store.pool).await?)
    }

    pub(super) async fn registry(&self, name: &str) -> Result<Registry> {
        sqlx::query_as("SELECT * FROM registries WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or_else(|| unknown("registry", name))
    }

    pub(super) async fn set_registry_secret(
        &self,
        name: &str,
        username: Option<String>,
        secret: Secret,
    ) -> Result<(Registry, SecretPlacement)> {
        if self.role.is_some_and(|role| role != Role::Admin) {
            return Err(Error::Forbidden(format!(
                "user {} may not set a registry's secret; that needs admin",
                self.actor
            )));
        }
        if secret.expose().is_empty() {
            return Err(Error::Invalid(format!("registry {name}'s new secret is empty: give its password or token")));
        }
        let mut tx = self.store.begin_write().await?;
        let mut registry: Registry = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT * FROM registries WHERE name = $1{}",
            self.store.for_update()
        )))
        .bind(name)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| unknown("registry", name))?;
        let username = username.or(registry.username.take()).ok_or_else(|| {
            Error::Invalid(format!("registry {name} has no username, and a secret needs one: give the username too"))
        })?;
        check_username(&username)?;
        sqlx::query("UPDATE registries SET username = $1 WHERE id = $2")
            .bind(&username)
            .bind(registry.id)
            .execute(&mut *tx)
            .await?;
        let details = json!({"id": registry.id, "username": username, "hasSecret": true});
        self.audit(&mut tx, AuditAction::RegistrySecret, "registry", name, details).await?;
        let placement = self.secrets.put(name, &secret)?.into();
        tx.commit().await?;
        registry.username = Some(username);
        Ok((registry, placement))
    }

    pub(super) async fn remove_registry(&self, name: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let id = unused(&mut tx, Shared::Registry, name).await?;
        sqlx::query("DELETE FROM registries WHERE id = $1").bind(id).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::RegistryRemove, "registry", name, json!({"id": id})).await?;
        tx.commit().await?;
        self.secrets.delete(name)?;
        Ok(())
    }

    pub(super) async fn registry_credentials(
        &self,
        name: &str,
        _bucket: Option<(&str, &str)>,
    ) -> Result<Option<Credentials>> {
        let registry = self.registry(name).await?;
        let (Some(username), Some(secret)) = (registry.username, self.secrets.get(name)?) else {
            return Ok(None);
        };
        Ok(Some(Credentials { username, secret }))
    }

    pub(super) async fn create_workflow(&self, new: NewWorkflow) -> Result<Workflow> {
        validate_name("workflow", &new.name)?;
        check_stages(&new.name, &new.stages, &new.gates)?;
        let mut tx = self.store.begin_write().await?;
        let at = stamp();
        let id: i64 = sqlx::query(
            "INSERT INTO workflows (name, registration_type, stages, gates, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&new.name)
        .bind(new.registration_type.as_str())
        .bind(serde_json::to_string(&new.stages).expect("strings serialise"))
        .bind(serde_json::to_string(&new.gates).expect("strings serialise"))
        .bind(&self.actor)
        .bind(format_time(at))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "workflow", &new.name))?
        .get("id");
        self.audit(
            &mut tx,
            AuditAction::WorkflowCreate,
            "workflow",
            &new.name,
            json!({"id": id, "stages": new.stages, "gates": new.gates.iter().map(ToString::to_string).collect::<Vec<_>>()}),
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
            created_at: at,
        })
    }

    pub(super) async fn workflows(&self) -> Result<Vec<Workflow>> {
        Ok(sqlx::query_as("SELECT * FROM workflows ORDER BY name").fetch_all(&self.store.pool).await?)
    }

    pub(super) async fn workflow(&self, name: &str) -> Result<Workflow> {
        sqlx::query_as("SELECT * FROM workflows WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or_else(|| unknown("workflow", name))
    }

    pub(super) async fn delete_workflow(&self, name: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let id = unused(&mut tx, Shared::Workflow, name).await?;
        sqlx::query("DELETE FROM workflows WHERE id = $1").bind(id).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::WorkflowDelete, "workflow", name, json!({"id": id})).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn set_workflow_stages(
        &self,
        name: &str,
        stages: Vec<String>,
        gates: Option<Vec<Gate>>,
    ) -> Result<Workflow> {
        let current = self.workflow(name).await?;
        let gates = gates.unwrap_or(current.gates.clone());
        check_stages(name, &stages, &gates)?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE workflows SET stages = $1, gates = $2 WHERE name = $3")
            .bind(serde_json::to_string(&stages).expect("strings serialise"))
            .bind(serde_json::to_string(&gates).expect("gates serialise"))
            .bind(name)
            .execute(&mut *tx)
            .await?;
        self.audit(
            &mut tx,
            AuditAction::WorkflowUpdate,
            "workflow",
            name,
            json!({"stages": stages, "gates": gates.iter().map(ToString::to_string).collect::<Vec<_>>(),
                   "before": current.stages}),
        )
        .await?;
        tx.commit().await?;
        self.workflow(name).await
    }

    pub(super) async fn set_integration_workflow(&self, name: &str, workflow: Option<&str>) -> Result<Integration> {
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

    pub(super) async fn create_integration(&self, new: NewIntegration) -> Result<Integration> {
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
        let at = stamp();
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
        .bind(format_time(at))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "integration", &new.name))?
        .get("id");
        self.audit(
            &mut tx,
            AuditAction::IntegrationCreate,
            "integration",
            &new.name,
            json!({"id": id, "registry": new.registry, "repository": new.repository, "layout": new.layout.as_str(),
                   "workflow": new.workflow, "bucketRegistries": new.bucket_registries}),
        )
        .await?;
        for (bucket, registry) in &new.bucket_registries {
            put_bucket_registry(&mut tx, &new.name, bucket, Some(registry)).await?;
        }
        tx.commit().await?;
        self.integration(&new.name).await
    }

    /// Keeps `bucket` of an integration in `registry`, or (None, or the integration's own
    /// registry) back in the integration's registry. Refused once the bucket holds artifacts:
    /// their records and tags are in the registry they were written to.
    pub(super) async fn set_bucket_registries(
        &self,
        name: &str,
        changes: &[(String, Option<String>)],
    ) -> Result<Integration> {
        let before = self.integration(name).await?;
        let mut tx = self.store.begin_write().await?;
        for (bucket, registry) in changes {
            if !put_bucket_registry(&mut tx, name, bucket, registry.as_deref()).await? {
                continue;
            }
            let after = registry.as_deref().unwrap_or(&before.registry);
            self.audit(
                &mut tx,
                AuditAction::IntegrationUpdate,
                "integration",
                name,
                json!({"bucket": bucket, "registry": after, "before": before.registry_for(bucket)}),
            )
            .await?;
        }
        tx.commit().await?;
        self.integration(name).await
    }

    pub(super) async fn integrations(&self) -> Result<Vec<Integration>> {
        let sql = format!("{INTEGRATION_SELECT} ORDER BY i.name");
        let mut all: Vec<Integration> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&self.store.pool).await?;
        let rows = sqlx::query(
            "SELECT b.integration_id, b.bucket, r.name FROM bucket_registries b JOIN registries r ON r.id = b.registry_id",
        )
        .fetch_all(&self.store.pool)
        .await?;
        for row in rows {
            let id: i64 = row.try_get("integration_id")?;
            if let Some(i) = all.iter_mut().find(|i| i.id == id) {
                i.bucket_registries.insert(row.try_get("bucket")?, row.try_get("name")?);
            }
        }
        Ok(all)
    }

    pub(super) async fn integration(&self, name: &str) -> Result<Integration> {
        let sql = format!("{INTEGRATION_SELECT} WHERE i.name = $1");
        let mut integration: Integration = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(name)
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or_else(|| unknown("integration", name))?;
        let rows = sqlx::query(
            "SELECT b.bucket, r.name FROM bucket_registries b JOIN registries r ON r.id = b.registry_id
             WHERE b.integration_id = $1",
        )
        .bind(integration.id)
        .fetch_all(&self.store.pool)
        .await?;
        for row in rows {
            integration.bucket_registries.insert(row.try_get("bucket")?, row.try_get("name")?);
        }
        Ok(integration)
    }

    pub(super) async fn delete_integration(&self, name: &str) -> Result<()> {
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
        sqlx::query("DELETE FROM bucket_registries WHERE integration_id = $1").bind(iid).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM integrations WHERE id = $1").bind(iid).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::IntegrationDelete, "integration", name, json!({"id": iid})).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Writes where one bucket of an integration lives, checked against what the transaction sees;
/// whether it changed anything.
async fn put_bucket_registry(tx: &mut Tx, integration: &str, bucket: &str, registry: Option<&str>) -> Result<bool> {
    let governing = Governing::read(tx, integration).await?;
    let mapped = governing.bucket_registries.iter().any(|(b, _, _)| b.eq_ignore_ascii_case(bucket));
    // A mapping whose bucket the workflow no longer has can still be taken away.
    if registry.is_some() || !mapped {
        governing.check_bucket(tx, bucket).await?;
    }
    let held: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM artifacts WHERE integration_id = $1 AND lower(bucket) = lower($2)")
            .bind(governing.id)
            .bind(bucket)
            .fetch_one(&mut **tx)
            .await?
            .get("n");
    let now = governing.registry_of(bucket);
    let wanted = match registry {
        Some(name) => {
            let row = sqlx::query("SELECT id, uri, name FROM registries WHERE name = $1")
                .bind(name)
                .fetch_optional(&mut **tx)
                .await?
                .ok_or_else(|| unknown("registry", name))?;
            Some((row.get::<i64, _>("id"), row.get::<String, _>("name")))
        }
        None => None,
    };
    let wanted_name = wanted.as_ref().map_or(governing.registry_name.as_str(), |(_, n)| n.as_str());
    if wanted_name == now {
        return Ok(false);
    }
    // A writer holding the bucket is writing into the registry it has now; it must not find
    // its record checked against another.
    let leased = sqlx::query(
        "SELECT holder FROM bucket_locks WHERE integration_id = $1 AND lower(bucket) = lower($2) AND expires_at_ms > $3",
    )
    .bind(governing.id)
    .bind(bucket)
    .bind(chrono::Utc::now().timestamp_millis())
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(row) = leased {
        return Err(Error::Refused(format!(
            "bucket {bucket} of {integration} is being written ({} holds it); try again once it is done",
            row.get::<String, _>("holder")
        )));
    }
    if held > 0 {
        return Err(Error::Refused(format!(
            "bucket {bucket} of {integration} already holds {held} artifact(s) in registry {now}; \
             their records and tags are there, so the bucket stays in it"
        )));
    }
    sqlx::query("DELETE FROM bucket_registries WHERE integration_id = $1 AND lower(bucket) = lower($2)")
        .bind(governing.id)
        .bind(bucket)
        .execute(&mut **tx)
        .await?;
    if let Some((registry_id, name)) = wanted
        && name != governing.registry_name
    {
        sqlx::query("INSERT INTO bucket_registries (integration_id, bucket, registry_id) VALUES ($1, $2, $3)")
            .bind(governing.id)
            .bind(bucket)
            .bind(registry_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(true)
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
pub(super) enum Shared {
    Registry,
    Workflow,
    Rule,
}

/// The id of the registry or workflow `name`, if no integration uses it.
pub(super) async fn unused(tx: &mut Tx, what: Shared, name: &str) -> Result<i64> {
    let (kind, find, users_sql) = match what {
        Shared::Registry => (
            "registry",
            "SELECT id FROM registries WHERE name = $1",
            "SELECT name FROM integrations WHERE registry_id = $1
             OR id IN (SELECT integration_id FROM bucket_registries WHERE registry_id = $1) ORDER BY name",
        ),
        Shared::Workflow => (
            "workflow",
            "SELECT id FROM workflows WHERE name = $1",
            "SELECT name FROM integrations WHERE workflow_id = $1 ORDER BY name",
        ),
        Shared::Rule => (
            "rule",
            "SELECT id FROM routing_rules WHERE lower(name) = lower($1)",
            "SELECT name FROM integrations WHERE rule_id = $1 ORDER BY name",
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
        let used = format!("{kind} {name} is used by integration(s) {}", users.join(", "));
        // An integration keeps its registry for good (its history is there); a workflow or a
        // rule can be taken off the integrations that use it, and then deleted.
        return Err(match what {
            Shared::Registry => Error::Refused(format!(
                "{used}, which keep their history in it; a registry stays while integrations use it"
            )),
            Shared::Workflow | Shared::Rule => Error::Refused(format!("{used}; it can go once none does"))
                .hint(Hint::Detach { what: kind.into(), integrations: users }),
        });
    }
    Ok(id)
}

pub(super) fn conflict_on_unique(e: sqlx::Error, what: &str, name: &str) -> Error {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            Error::Refused(format!("{what} {name:?} already exists (names are unique whatever their case)"))
        }
        _ => e.into(),
    }
}

/// A registry username as registries take one: some text, on one line (an export of it must import).
fn check_username(username: &str) -> Result<()> {
    if username.is_empty() || username.len() > 256 || username.chars().any(char::is_control) {
        return Err(Error::Invalid(format!(
            "invalid registry username {username:?}: 1 to 256 characters, none of them control characters"
        )));
    }
    Ok(())
}
