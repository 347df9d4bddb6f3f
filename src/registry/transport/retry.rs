//! The one retry policy for registry work: when something is worth another
//! try, and how long to wait first. Connection failures, 408, 429 and 5xx are
//! transient; every other 4xx means "no" and is never retried. A registry's
//! `Retry-After` is honoured up to a bound; past the bound the request fails
//! at once and says so, rather than hanging a CI step.
//!
//! Every request is retried by the transport under this policy. Work the
//! transport cannot resend on its own (a manifest PUT racing another
//! client's blob link, a streamed blob upload that must start over) is retried
//! with `RetryPolicy::again`, under the same delays and bound, so there is
//! one place that decides how hard facetctl pushes on a struggling registry.

use std::future::Future;
use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use reqwest::StatusCode;
use reqwest::header::RETRY_AFTER;

/// Delays and bounds. `Default` is what facetctl uses; tests shrink the delays.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Tries after the first, for one request or one operation.
    pub max_retries: usize,
    /// The first backoff delay; later ones grow exponentially (with jitter).
    pub min_delay: Duration,
    pub max_delay: Duration,
    /// The longest `Retry-After` that is waited out.
    pub max_retry_after: Duration,
    /// The shortest wait even when a registry asks for none (`Retry-After: 0`),
    /// so a registry that sheds load is not hit again in the same instant.
    pub min_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(3),
            max_retry_after: Duration::from_secs(30),
            min_retry_after: Duration::from_millis(50),
        }
    }
}

/// One request's or one operation's tries so far.
pub struct Attempts {
    policy: RetryPolicy,
    delays: ExponentialBackoff,
}

/// What to do after a transient failure.
#[derive(Debug)]
pub enum Next {
    WaitThenRetry(Duration),
    /// Out of tries, or the registry asked for a longer wait than is bounded.
    GiveUp {
        asked_wait: Option<Duration>,
    },
}

impl RetryPolicy {
    /// Fresh tries for one request or operation.
    pub fn attempts(&self) -> Attempts {
        let delays = ExponentialBuilder::default()
            .with_min_delay(self.min_delay)
            .with_max_delay(self.max_delay)
            .with_max_times(self.max_retries)
            .with_jitter()
            .build();
        Attempts { policy: *self, delays }
    }

    /// Runs `op` until it succeeds, fails in a way `worth_retrying` rejects,
    /// or the tries run out; the last error is returned as it was.
    pub async fn again<T, E, F, Fut>(&self, what: &str, worth_retrying: impl Fn(&E) -> bool, mut op: F) -> Result<T, E>
    where
        E: std::fmt::Display,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut attempts = self.attempts();
        loop {
            match op().await {
                Err(e) if worth_retrying(&e) => match attempts.after_transport_error() {
                    Next::WaitThenRetry(d) => {
                        tracing::debug!("{what}: {e}; retrying in {d:?}");
                        tokio::time::sleep(d).await;
                    }
                    Next::GiveUp { .. } => return Err(e),
                },
                done => return done,
            }
        }
    }
}

impl Attempts {
    /// After a connection-level failure, or a failed operation.
    pub fn after_transport_error(&mut self) -> Next {
        match self.delays.next() {
            Some(d) => Next::WaitThenRetry(d),
            None => Next::GiveUp { asked_wait: None },
        }
    }

    /// After a transient status; `retry_after` is what the registry asked for.
    pub fn after_status(&mut self, retry_after: Option<Duration>) -> Next {
        let Some(backoff) = self.delays.next() else {
            return Next::GiveUp { asked_wait: retry_after };
        };
        match retry_after {
            Some(asked) if asked > self.policy.max_retry_after => Next::GiveUp { asked_wait: Some(asked) },
            Some(asked) => Next::WaitThenRetry(asked.max(self.policy.min_retry_after)),
            None => Next::WaitThenRetry(backoff),
        }
    }
}

pub fn is_transient_status(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT || status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// The rule above, for a request that has already become an error (a streamed
/// upload the transport could not resend).
pub fn is_transient_error(e: &crate::registry::RegistryError) -> bool {
    use crate::registry::RegistryError;
    match e {
        RegistryError::Unreachable { .. } => true,
        RegistryError::Protocol { status, .. } => StatusCode::from_u16(*status).is_ok_and(is_transient_status),
        _ => false,
    }
}

pub fn is_transient_transport(e: &reqwest::Error) -> bool {
    // A certificate that is not trusted now will not be trusted in a second.
    (e.is_connect() || e.is_timeout() || e.is_request() || e.is_body()) && super::tls::cause(e).is_none()
}

/// `Retry-After` as seconds or as an HTTP date.
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    Some((at.with_timezone(&chrono::Utc) - chrono::Utc::now()).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
impl RetryPolicy {
    /// The default bounds with millisecond delays, so tests of retries run at once.
    pub(crate) fn quick() -> Self {
        RetryPolicy {
            min_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
            min_retry_after: Duration::from_millis(1),
            ..RetryPolicy::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn quick() -> RetryPolicy {
        RetryPolicy::quick()
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_a_date() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let soon = (chrono::Utc::now() + chrono::Duration::seconds(20)).to_rfc2822();
        h.insert(RETRY_AFTER, HeaderValue::from_str(&soon).unwrap());
        let d = retry_after(&h).unwrap();
        assert!(d > Duration::from_secs(15) && d <= Duration::from_secs(20), "{d:?}");
        h.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn a_long_asked_wait_gives_up_at_once_and_tries_are_bounded() {
        let policy = RetryPolicy::default();
        let mut a = policy.attempts();
        assert!(matches!(a.after_status(Some(Duration::from_secs(120))), Next::GiveUp { asked_wait: Some(_) }));
        let mut a = policy.attempts();
        assert!(
            matches!(a.after_status(Some(Duration::from_secs(2))), Next::WaitThenRetry(d) if d == Duration::from_secs(2))
        );
        let tries =
            std::iter::from_fn(|| matches!(a.after_transport_error(), Next::WaitThenRetry(_)).then_some(())).count();
        assert_eq!(tries, policy.max_retries - 1);
    }

    #[test]
    fn an_asked_wait_of_nothing_still_pauses_a_little() {
        let mut a = quick().attempts();
        assert!(
            matches!(a.after_status(Some(Duration::ZERO)), Next::WaitThenRetry(d) if d == Duration::from_millis(1))
        );
    }

    #[test]
    fn only_408_429_and_5xx_are_transient() {
        for code in [408, 429, 500, 502, 503, 504] {
            assert!(is_transient_status(StatusCode::from_u16(code).unwrap()), "{code}");
        }
        for code in [400, 401, 403, 404, 405, 409, 412, 413] {
            assert!(!is_transient_status(StatusCode::from_u16(code).unwrap()), "{code}");
        }
    }

    #[tokio::test]
    async fn again_retries_what_is_worth_it_up_to_the_bound() {
        let calls = AtomicUsize::new(0);
        let result: Result<(), String> = quick()
            .again(
                "flaky",
                |e: &String| e == "transient",
                || async {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Err("transient".to_owned())
                },
            )
            .await;
        assert_eq!(result, Err("transient".to_owned()));
        assert_eq!(calls.load(Ordering::SeqCst), 1 + quick().max_retries);
    }

    #[tokio::test]
    async fn again_stops_at_a_final_answer_and_at_success() {
        let calls = AtomicUsize::new(0);
        let refused: Result<(), String> = quick()
            .again(
                "refused",
                |e: &String| e == "transient",
                || async {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Err("no".to_owned())
                },
            )
            .await;
        assert_eq!(refused, Err("no".to_owned()));
        assert_eq!(calls.load(Ordering::SeqCst), 1);

        let calls = AtomicUsize::new(0);
        let settled = quick()
            .again(
                "settles",
                |e: &String| e == "transient",
                || async {
                    match calls.fetch_add(1, Ordering::SeqCst) {
                        0 | 1 => Err("transient".to_owned()),
                        n => Ok(n),
                    }
                },
            )
            .await;
        assert_eq!(settled, Ok(2));
    }
}
