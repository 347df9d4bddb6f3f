//! Holding a bucket while its registry reference and its record change, so
//! two writers into one bucket never interleave (invariant 4). A busy bucket
//! is waited for, up to a bound, with one message saying who holds it; the
//! lease is renewed while held, and released when done.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use super::App;
use crate::control::{BucketLock, ControlPlane, LockAttempt};
use crate::error::{Error, Result};

pub struct HeldBucket {
    pub lock: BucketLock,
    plane: Arc<dyn ControlPlane>,
    heartbeat: JoinHandle<()>,
}

pub async fn acquire(app: &App, integration: &str, bucket: &str) -> Result<HeldBucket> {
    let started = Instant::now();
    let mut told = false;
    let mut pause = Duration::from_millis(25);
    loop {
        match app.plane.lock_bucket(integration, bucket, app.plane.actor()).await? {
            LockAttempt::Acquired(lock) => {
                let heartbeat = tokio::spawn(renew(app.plane.clone(), lock.clone()));
                return Ok(HeldBucket { lock, plane: app.plane.clone(), heartbeat });
            }
            LockAttempt::Busy { holder, since } => {
                if started.elapsed() >= app.lock_timeout {
                    return Err(Error::Refused(format!(
                        "bucket {bucket} of {integration} is busy: {holder} has held it since {since}; nothing was changed; \
                         run again when it is done, or wait longer with --lock-timeout"
                    )));
                }
                if !told {
                    app.reporter.note(&format!("waiting for {holder} to finish with bucket {bucket}..."));
                    told = true;
                }
                tokio::time::sleep(jitter(pause)).await;
                pause = (pause * 2).min(Duration::from_millis(500));
            }
        }
    }
}

impl HeldBucket {
    /// After a successful record, which released the lease with it.
    pub fn recorded(self) {
        self.heartbeat.abort();
    }

    /// When nothing was recorded: hands the bucket back.
    pub async fn release(self) {
        self.heartbeat.abort();
        if let Err(e) = self.plane.unlock_bucket(&self.lock).await {
            // The lease runs out by itself; the next writer waits at most that long.
            tracing::warn!("could not release bucket {}: {e}", self.lock.bucket);
        }
    }
}

async fn renew(plane: Arc<dyn ControlPlane>, lock: BucketLock) {
    let every = Duration::from_millis(crate::control::embedded::LOCK_LEASE_MS as u64 / 3);
    loop {
        tokio::time::sleep(every).await;
        if let Err(e) = plane.renew_lock(&lock).await {
            tracing::warn!("could not renew the lock on bucket {}: {e}", lock.bucket);
            return;
        }
    }
}

/// Spreads waiters out so they do not retry in step.
fn jitter(d: Duration) -> Duration {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |t| t.subsec_nanos());
    d + Duration::from_nanos(u64::from(nanos) % (d.as_nanos() as u64 + 1))
}
