//! Holding a bucket while its registry reference and its record change, so
//! two writers into one bucket never interleave (invariant 4). A busy bucket
//! is waited for, up to a bound, with one message saying who holds it; the
//! lease is renewed while held, checked right before every tag write, and
//! released when done.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use super::App;
use crate::control::{BucketLock, ControlPlane, LockAttempt};
use crate::error::{Error, Result};

pub struct HeldBucket {
    pub lock: BucketLock,
    plane: Arc<dyn ControlPlane>,
    heartbeat: JoinHandle<()>,
    /// When the lease was last known to be ours, by this process's clock.
    renewed: Arc<Mutex<Instant>>,
}

pub async fn acquire(app: &App, integration: &str, bucket: &str) -> Result<HeldBucket> {
    let started = Instant::now();
    let mut told = false;
    let mut pause = Duration::from_millis(25);
    loop {
        let asked = Instant::now();
        match app.plane.lock_bucket(integration, bucket, app.plane.actor()).await? {
            LockAttempt::Acquired(lock) => {
                let renewed = Arc::new(Mutex::new(asked));
                let heartbeat = tokio::spawn(renew(app.plane.clone(), lock.clone(), renewed.clone()));
                return Ok(HeldBucket { lock, plane: app.plane.clone(), heartbeat, renewed });
            }
            LockAttempt::Busy { holder, since } => {
                if started.elapsed() >= app.lock_timeout {
                    return Err(Error::Busy {
                        integration: integration.to_owned(),
                        bucket: bucket.to_owned(),
                        holder,
                        since,
                    });
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
    /// Makes sure the lease stays ours for a safe margin before a tag is
    /// written: a writer that was paused (stopped, swapped out, stuck on the
    /// network) past its lease must not write over the bucket's next holder.
    /// Renews unless the lease was renewed a moment ago; a lost lease is an
    /// error that says what `touched` in the registry already.
    pub async fn ensure(&self, touched: &str) -> Result<()> {
        let last = *self.renewed.lock().expect("not poisoned");
        if last.elapsed() < self.lock.lease / 10 {
            return Ok(());
        }
        let asked = Instant::now();
        match self.plane.renew_lock(&self.lock).await {
            Ok(()) => {
                *self.renewed.lock().expect("not poisoned") = asked;
                Ok(())
            }
            Err(lost @ Error::LeaseLost { .. }) => Err(lost.with_note(&format!("{touched}; nothing was recorded"))),
            Err(e) => Err(e),
        }
    }

    /// Renews the lease now, whenever it was last renewed: before a write
    /// that must not happen if the lease ended, even a moment ago (a record
    /// that committed ended it, though its answer may have been lost).
    pub async fn renew_now(&self) -> Result<()> {
        let asked = Instant::now();
        self.plane.renew_lock(&self.lock).await?;
        *self.renewed.lock().expect("not poisoned") = asked;
        Ok(())
    }

    /// After a successful record, which released the lease with it.
    pub fn recorded(self) {
        self.heartbeat.abort();
    }

    /// When nothing was recorded: hands the bucket back.
    pub async fn release(self) {
        self.heartbeat.abort();
        if let Err(e) = self.plane.unlock_bucket(&self.lock).await {
            // The lease runs out by itself; the next writer waits at most that long.
            tracing::warn!("could not release bucket {}: {}", self.lock.bucket, crate::error::with_causes(&e));
        }
    }
}

impl Drop for HeldBucket {
    /// A command cut short (a server's request timed out, say) stops renewing:
    /// the lease then runs out instead of holding the bucket for ever.
    fn drop(&mut self) {
        self.heartbeat.abort();
    }
}

async fn renew(plane: Arc<dyn ControlPlane>, lock: BucketLock, renewed: Arc<Mutex<Instant>>) {
    let every = lock.lease / 3;
    loop {
        tokio::time::sleep(every).await;
        let asked = Instant::now();
        if let Err(e) = plane.renew_lock(&lock).await {
            tracing::warn!("could not renew the lock on bucket {}: {}", lock.bucket, crate::error::with_causes(&e));
            return;
        }
        *renewed.lock().expect("not poisoned") = asked;
    }
}

/// Spreads waiters out so they do not retry in step.
fn jitter(d: Duration) -> Duration {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |t| t.subsec_nanos());
    d + Duration::from_nanos(u64::from(nanos) % (d.as_nanos() as u64 + 1))
}
