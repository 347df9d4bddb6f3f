//! When a registry request is worth another try, and how long to wait first.
//! Connection failures, 408, 429 and 5xx are transient; every other 4xx means
//! "no" and is never retried. A registry's `Retry-After` is honoured up to a
//! bound; past the bound the request fails at once and says so, rather than
//! hanging a CI step.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use reqwest::StatusCode;
use reqwest::header::RETRY_AFTER;

/// Tries after the first, for one request.
pub const MAX_RETRIES: usize = 4;
/// The longest `Retry-After` that is waited out.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// The delays between tries of one request.
pub struct RetryPolicy {
    delays: ExponentialBackoff,
}

/// What to do after a transient failure.
pub enum Next {
    WaitThenRetry(Duration),
    /// Out of tries, or the registry asked for a longer wait than is bounded.
    GiveUp {
        asked_wait: Option<Duration>,
    },
}

impl RetryPolicy {
    pub fn new() -> Self {
        let delays = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(200))
            .with_max_delay(Duration::from_secs(3))
            .with_max_times(MAX_RETRIES)
            .with_jitter()
            .build();
        RetryPolicy { delays }
    }

    /// After a connection-level failure.
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
            Some(asked) if asked > MAX_RETRY_AFTER => Next::GiveUp { asked_wait: Some(asked) },
            Some(asked) => Next::WaitThenRetry(asked.max(Duration::from_millis(50))),
            None => Next::WaitThenRetry(backoff),
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self::new()
    }
}

pub fn is_transient_status(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT || status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
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
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

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
        let mut p = RetryPolicy::new();
        assert!(matches!(p.after_status(Some(Duration::from_secs(120))), Next::GiveUp { asked_wait: Some(_) }));
        let mut p = RetryPolicy::new();
        assert!(
            matches!(p.after_status(Some(Duration::from_secs(2))), Next::WaitThenRetry(d) if d == Duration::from_secs(2))
        );
        let tries =
            std::iter::from_fn(|| matches!(p.after_transport_error(), Next::WaitThenRetry(_)).then_some(())).count();
        assert_eq!(tries, MAX_RETRIES - 1);
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
}
