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
