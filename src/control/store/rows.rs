//! Rows of the store: the SELECTs that join a record's names and the mappers
//! from their columns, and the rows of moves as they are written.

use std::collections::BTreeMap;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::parse_time;
use crate::error::{Error, Result};
use crate::model::*;

pub fn json_list(s: &str) -> Result<Vec<String>> {
    serde_json::from_str(s).map_err(|e| Error::storage(format!("bad list {s:?} in the database"), e))
}

pub const ARTIFACT_SELECT: &str =
    "SELECT a.id, i.name AS integration, a.bucket, a.image_uri, a.tag, a.digest, a.media_type,
    a.external_id, a.description, a.metadata, a.promoted_from, a.created_by, a.created_at
    FROM artifacts a JOIN integrations i ON i.id = a.integration_id";

pub const INTEGRATION_SELECT: &str =
    "SELECT i.id, i.name, i.registration_type, r.name AS registry, i.repository, i.layout,
    w.name AS workflow, i.created_by, i.created_at
    FROM integrations i JOIN registries r ON r.id = i.registry_id LEFT JOIN workflows w ON w.id = i.workflow_id";

pub const EVENT_SELECT: &str = "SELECT e.id, i.name AS integration, e.bucket, e.kind, e.artifact_id, a.tag, a.digest,
    e.from_bucket, e.actor, e.reason, e.created_at
    FROM bucket_events e JOIN integrations i ON i.id = e.integration_id JOIN artifacts a ON a.id = e.artifact_id";

pub const PROMOTION_SELECT: &str =
    "SELECT p.id, i.name AS integration, p.artifact_id, p.target_artifact_id, p.from_bucket,
    p.to_bucket, p.digest, p.actor, p.reason, p.state, p.forced, p.created_at
    FROM promotions p JOIN integrations i ON i.id = p.integration_id";

pub fn parse_word<T: std::str::FromStr<Err = crate::model::InvalidInput>>(s: &str) -> Result<T> {
    s.parse().map_err(|e: crate::model::InvalidInput| Error::storage("a word in the database", e))
}

pub fn artifact_from(r: &AnyRow) -> Result<Artifact> {
    let metadata: String = r.try_get("metadata")?;
    Ok(Artifact {
        id: r.try_get("id")?,
        integration: r.try_get("integration")?,
        bucket: r.try_get("bucket")?,
        image_uri: r.try_get("image_uri")?,
        tag: r.try_get("tag")?,
        digest: parse_word_digest(&r.try_get::<String, _>("digest")?)?,
        media_type: r.try_get("media_type")?,
        external_id: r.try_get("external_id")?,
        description: r.try_get("description")?,
        metadata: serde_json::from_str::<BTreeMap<String, String>>(&metadata)
            .map_err(|e| Error::storage("an artifact's metadata in the database", e))?,
        promoted_from: r.try_get("promoted_from")?,
        created_by: r.try_get("created_by")?,
        created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub fn parse_word_digest(s: &str) -> Result<Digest> {
    parse_word(s)
}

pub fn integration_from(r: &AnyRow) -> Result<Integration> {
    Ok(Integration {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        registration_type: parse_word(&r.try_get::<String, _>("registration_type")?)?,
        registry: r.try_get("registry")?,
        repository: r.try_get("repository")?,
        layout: parse_word(&r.try_get::<String, _>("layout")?)?,
        workflow: r.try_get("workflow")?,
        created_by: r.try_get("created_by")?,
        created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub fn registry_from(r: &AnyRow) -> Result<Registry> {
    Ok(Registry {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        kind: parse_word(&r.try_get::<String, _>("kind")?)?,
        uri: r.try_get("uri")?,
        insecure: r.try_get::<i64, _>("insecure")? != 0,
        username: r.try_get("username")?,
        created_by: r.try_get("created_by")?,
        created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub fn workflow_from(r: &AnyRow) -> Result<Workflow> {
    Ok(Workflow {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        registration_type: parse_word(&r.try_get::<String, _>("registration_type")?)?,
        stages: json_list(&r.try_get::<String, _>("stages")?)?,
        gates: json_list(&r.try_get::<String, _>("gates")?)?,
        created_by: r.try_get("created_by")?,
        created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub fn event_from(r: &AnyRow) -> Result<BucketEvent> {
    Ok(BucketEvent {
        id: r.try_get("id")?,
        integration: r.try_get("integration")?,
        bucket: r.try_get("bucket")?,
        kind: parse_word(&r.try_get::<String, _>("kind")?)?,
        artifact_id: r.try_get("artifact_id")?,
        tag: r.try_get("tag")?,
        digest: parse_word_digest(&r.try_get::<String, _>("digest")?)?,
        from_bucket: r.try_get("from_bucket")?,
        actor: r.try_get("actor")?,
        reason: r.try_get("reason")?,
        created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

pub fn promotion_from(r: &AnyRow) -> Result<Promotion> {
    Ok(Promotion {
        id: r.try_get("id")?,
        integration: r.try_get("integration")?,
        artifact_id: r.try_get("artifact_id")?,
        target_artifact_id: r.try_get("target_artifact_id")?,
        from_bucket: r.try_get("from_bucket")?,
        to_bucket: r.try_get("to_bucket")?,
        digest: parse_word_digest(&r.try_get::<String, _>("digest")?)?,
        actor: r.try_get("actor")?,
        reason: r.try_get("reason")?,
        state: parse_word(&r.try_get::<String, _>("state")?)?,
        forced: r.try_get::<i64, _>("forced")? != 0,
        created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
    })
}

/// A bucket's head moving to an artifact, and why.
pub struct HeadChange<'a> {
    pub bucket: &'a str,
    pub artifact_id: i64,
    pub kind: BucketEventKind,
    pub from: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// An artifact's row as written; `created_at` is as stored, so that the
/// answer built from it equals a later read.
pub struct ArtifactRow<'a> {
    pub iid: i64,
    pub bucket: &'a str,
    pub image_uri: &'a str,
    pub tag: &'a str,
    pub digest: &'a Digest,
    pub media_type: &'a str,
    pub external_id: Option<&'a str>,
    pub description: Option<&'a str>,
    pub metadata: &'a BTreeMap<String, String>,
    pub promoted_from: Option<i64>,
    pub created_at: &'a str,
}

impl ArtifactRow<'_> {
    /// The artifact this row records, as a later read would answer it.
    pub fn artifact(&self, id: i64, integration: &str, created_by: &str) -> Result<Artifact> {
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
