//! Plain types shared by every layer, and the validation of what users type.
//! Nothing here does I/O.

mod approvals;
mod digest;
mod entities;
mod freeze;
mod names;
mod routing;
mod rules;
mod setup;

pub use approvals::*;
pub use digest::Digest;
pub use entities::*;
pub use freeze::*;
pub use names::{validate_name, validate_tag, validate_user_name};
pub use routing::*;
pub use rules::*;
pub use setup::*;

/// A closed set of words (a kind, a type, a state), for a front end to list.
pub trait Word: Copy + Send + Sync + 'static + std::str::FromStr<Err = InvalidInput> {
    fn all() -> &'static [Self];
    fn word(self) -> &'static str;
}

/// A value the user gave that cannot be used; the message says what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct InvalidInput(pub String);

/// A time as people give it: RFC 3339, or a date (its midnight, UTC).
pub fn parse_time(s: &str) -> Result<chrono::DateTime<chrono::Utc>, InvalidInput> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc())
        .map_err(|_| InvalidInput(format!("{s:?} is not a date: use YYYY-MM-DD or RFC 3339 (2026-11-26T10:00:00Z)")))
}
