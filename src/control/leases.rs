//! Bucket leases: one writer per bucket at a time (invariant 4), across
//! processes and server replicas. A lease is taken, renewed and ended here;
//! a record ends its lease as the first statement of its transaction
//! (`claim`), which is also the check that the lease is still held.

use sqlx::Row;

use super::embedded::{Embedded, Tx};
use super::governing::Governing;
use super::store::now;
use super::*;
use crate::error::{Error, Result};
use crate::model::Role;

impl Embedded {
    /// Ends the lease `lock` as the first statement of the write it was held
    /// for, and answers the integration's id. Ending it first checks it too: a
    /// holder whose lease ran out finds no row, and cannot write over the
    /// bucket's next holder. Should the write fail, its rollback restores the lease.
    pub(super) async fn claim(&self, tx: &mut Tx, lock: &BucketLock) -> Result<i64> {
        sqlx::query(
            "DELETE FROM bucket_locks WHERE integration_id = (SELECT id FROM integrations WHERE name = $1)
             AND bucket = $2 AND token = $3 RETURNING integration_id",
        )
        .bind(&lock.integration)
        .bind(&lock.bucket)
        .bind(&lock.token)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| r.get::<i64, _>("integration_id"))
        .ok_or_else(|| lost_lock(lock).with_note("nothing was recorded"))
    }

    pub(super) async fn take_lease(&self, integration: &str, bucket: &str, holder: &str) -> Result<LockAttempt> {
        let token = lease_token()?;
        let taker = Taker { token: &token, holder, host: this_host(), pid: i64::from(std::process::id()) };
        // The common case, a free bucket that already has a head, is one statement: a write from
        // its first step, so SQLite takes the write lock before it reads. A bucket with a head was
        // one of the integration's when it got it, and every record checks again; a caller whose
        // role could be refused a protected bucket takes the checked way below.
        if self.role.is_none_or(|r| r.allows(Role::ReleaseManager)) {
            let insert = sqlx::query(
                "INSERT INTO bucket_locks (integration_id, bucket, token, holder, holder_host, holder_pid, acquired_at, expires_at_ms)
                 SELECT i.id, $2, $3, $4, $5, $6, $7, $8 FROM integrations i
                 JOIN buckets b ON b.integration_id = i.id AND b.bucket = $2 WHERE i.name = $1
                 ON CONFLICT (integration_id, bucket) DO NOTHING",
            )
            .bind(integration)
            .bind(bucket);
            let taken =
                taker.bind(insert, epoch_ms() + self.lease_ms()).execute(&self.store.writer).await?.rows_affected();
            if taken == 1 {
                return Ok(LockAttempt::Acquired(self.lock(integration, bucket, token)));
            }
        }
        // No lease on a bucket the integration does not have, or that the caller may not write.
        // A freeze is not asked here: it is the record's to refuse, or to let a forced move through.
        let mut conn = self.store.pool.acquire().await?;
        Governing::read(&mut conn, integration).await?.check_writer(&mut conn, bucket, &self.actor, self.role).await?;
        drop(conn);
        // Free, held, or its holder gone: look, and take over a lease that ran out.
        let mut tx = self.store.begin_write().await?;
        let iid = self.integration_id(&mut tx, integration).await?;
        let now_ms = epoch_ms();
        let current = sqlx::query(
            "SELECT token, holder, holder_host, holder_pid, acquired_at, expires_at_ms
             FROM bucket_locks WHERE integration_id = $1 AND bucket = $2",
        )
        .bind(iid)
        .bind(bucket)
        .fetch_optional(&mut *tx)
        .await?;
        let stale = match &current {
            None => None,
            Some(row) => {
                let (who, held_on, held_as): (String, String, i64) =
                    (row.get("holder"), row.get("holder_host"), row.get("holder_pid"));
                let dead = self.take_over_dead_holders && holder_is_dead(&held_on, held_as);
                if row.get::<i64, _>("expires_at_ms") > now_ms && !dead {
                    let holder = match held_on.as_str() {
                        "" => who,
                        _ => format!("{who} on {held_on} pid {held_as}"),
                    };
                    return Ok(LockAttempt::Busy { holder, since: row.get("acquired_at") });
                }
                Some(row.get::<String, _>("token"))
            }
        };
        // Compare-and-set, so that two writers who both saw the bucket free
        // cannot both take it, on any backend and isolation level.
        let taken = match stale {
            None => taker
                .bind(
                    sqlx::query(
                        "INSERT INTO bucket_locks (integration_id, bucket, token, holder, holder_host, holder_pid,
                         acquired_at, expires_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                         ON CONFLICT (integration_id, bucket) DO NOTHING",
                    )
                    .bind(iid)
                    .bind(bucket),
                    now_ms + self.lease_ms(),
                )
                .execute(&mut *tx)
                .await?
                .rows_affected(),
            Some(stale_token) => taker
                .bind(
                    sqlx::query(
                        "UPDATE bucket_locks SET token = $1, holder = $2, holder_host = $3, holder_pid = $4,
                         acquired_at = $5, expires_at_ms = $6 WHERE integration_id = $7 AND bucket = $8 AND token = $9",
                    ),
                    now_ms + self.lease_ms(),
                )
                .bind(iid)
                .bind(bucket)
                .bind(&stale_token)
                .execute(&mut *tx)
                .await?
                .rows_affected(),
        };
        tx.commit().await?;
        if taken == 1 {
            Ok(LockAttempt::Acquired(self.lock(integration, bucket, token)))
        } else {
            Ok(LockAttempt::Busy { holder: "another writer".into(), since: now() })
        }
    }

    pub(super) async fn renew_lease(&self, lock: &BucketLock) -> Result<()> {
        let renewed = sqlx::query(
            "UPDATE bucket_locks SET expires_at_ms = $1
             WHERE integration_id = (SELECT id FROM integrations WHERE name = $2) AND bucket = $3 AND token = $4",
        )
        .bind(epoch_ms() + self.lease_ms())
        .bind(&lock.integration)
        .bind(&lock.bucket)
        .bind(&lock.token)
        .execute(&self.store.writer)
        .await?
        .rows_affected();
        if renewed == 0 {
            return Err(lost_lock(lock));
        }
        Ok(())
    }

    pub(super) async fn end_lease(&self, lock: &BucketLock) -> Result<()> {
        sqlx::query(
            "DELETE FROM bucket_locks
             WHERE integration_id = (SELECT id FROM integrations WHERE name = $1) AND bucket = $2 AND token = $3",
        )
        .bind(&lock.integration)
        .bind(&lock.bucket)
        .bind(&lock.token)
        .execute(&self.store.writer)
        .await?;
        Ok(())
    }
}

/// Who takes a lease, as the columns every statement that takes one writes,
/// bound in this order: token, holder, host, pid, acquired at, expires at.
struct Taker<'a> {
    token: &'a str,
    holder: &'a str,
    host: String,
    pid: i64,
}

impl<'a> Taker<'a> {
    fn bind(&'a self, q: AnyQuery<'a>, expires_at_ms: i64) -> AnyQuery<'a> {
        q.bind(self.token).bind(self.holder).bind(&self.host).bind(self.pid).bind(now()).bind(expires_at_ms)
    }
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

fn lost_lock(lock: &BucketLock) -> Error {
    Error::LeaseLost { integration: lock.integration.clone(), bucket: lock.bucket.clone() }
}

fn this_host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_owned())
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_else(|_| "unknown-host".into())
}

/// Whether a lock holder on this host has died, so its bucket need not wait
/// for the lease to run out. Only Linux can tell; elsewhere the lease decides.
fn holder_is_dead(host: &str, pid: i64) -> bool {
    cfg!(target_os = "linux")
        && host == this_host()
        && pid > 0
        && pid != i64::from(std::process::id())
        && !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

fn epoch_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A lease token: on a server it is the capability to write a bucket, so it
/// is 128 random bits, not guessable from the holder, the time or a pid.
fn lease_token() -> Result<String> {
    let mut bytes = [0u8; 16];
    aws_lc_rs::rand::fill(&mut bytes).map_err(|_| Error::Failed("the system's random source failed".into()))?;
    Ok(hex::encode(bytes))
}
