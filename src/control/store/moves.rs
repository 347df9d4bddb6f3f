//! The rows of moves as they are written: an artifact, and the bucket event
//! that moves a bucket's head to it. Only `Embedded` calls these, inside the
//! transaction that checks the rules; they decide nothing but how to store.

use sqlx::Row;

use super::{format_time, now};
use crate::control::embedded::Tx;
use crate::error::{Error, Result};
use crate::model::{Artifact, BucketEventKind, Digest};

/// A bucket's head moving to an artifact, and why.
pub struct HeadChange<'a> {
    pub bucket: &'a str,
    pub artifact_id: i64,
    pub kind: BucketEventKind,
    pub from: Option<&'a str>,
    pub reason: Option<&'a str>,
    /// The approvers of the request this move runs.
    pub approved_by: &'a [String],
}

/// A new artifact row, or the one already under its tag in the bucket
/// (a retried push of the same digest). Answers the row's id and whether it is new.
pub async fn insert_artifact(tx: &mut Tx, iid: i64, row: &Artifact) -> Result<(i64, bool)> {
    let inserted = sqlx::query(
        "INSERT INTO artifacts (integration_id, bucket, image_uri, tag, digest, media_type, external_id, description,
         metadata, promoted_from, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (integration_id, bucket, tag) DO NOTHING RETURNING id",
    )
    .bind(iid)
    .bind(&row.bucket)
    .bind(&row.image_uri)
    .bind(&row.tag)
    .bind(row.digest.as_str())
    .bind(&row.media_type)
    .bind(&row.external_id)
    .bind(&row.description)
    .bind(serde_json::to_string(&row.metadata).expect("strings serialise"))
    .bind(row.promoted_from)
    .bind(&row.created_by)
    .bind(format_time(row.created_at))
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(r) = inserted {
        return Ok((r.get("id"), true));
    }
    let existing = same_tag(tx, iid, &row.bucket, &row.tag, &row.digest).await?;
    let vanished = || Error::Storage { context: "an artifact's tag conflicted, then vanished".into(), source: None };
    Ok((existing.ok_or_else(vanished)?, false))
}

/// Moves a bucket's head by writing its event; the head follows in the
/// database (migration 4), so the two never disagree.
pub async fn set_head(tx: &mut Tx, iid: i64, actor: &str, change: HeadChange<'_>) -> Result<()> {
    let HeadChange { bucket, artifact_id, kind, from, reason, approved_by } = change;
    let approved_by = (!approved_by.is_empty()).then(|| serde_json::to_string(approved_by).expect("names serialise"));
    sqlx::query(
        "INSERT INTO bucket_events (integration_id, bucket, kind, artifact_id, from_bucket, actor, reason, created_at,
         approved_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(iid)
    .bind(bucket)
    .bind(kind.as_str())
    .bind(artifact_id)
    .bind(from)
    .bind(actor)
    .bind(reason)
    .bind(now())
    .bind(approved_by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The artifact under `tag` in a bucket; a different digest there is refused,
/// because tags in a bucket are immutable.
async fn same_tag(tx: &mut Tx, iid: i64, bucket: &str, tag: &str, digest: &Digest) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT id, digest FROM artifacts WHERE integration_id = $1 AND bucket = $2 AND tag = $3")
        .bind(iid)
        .bind(bucket)
        .bind(tag)
        .fetch_optional(&mut **tx)
        .await?;
    match row {
        None => Ok(None),
        Some(r) if r.get::<String, _>("digest") == digest.as_str() => Ok(Some(r.get("id"))),
        Some(r) => Err(Error::TagTaken {
            bucket: bucket.to_owned(),
            tag: tag.to_owned(),
            digest: r.get::<String, _>("digest"),
        }),
    }
}
