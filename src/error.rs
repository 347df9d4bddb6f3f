//! The library's error, sorted by whose move it is next. Each kind has one
//! exit code (DESIGN.md section 6); the CLI maps them in one place.
//!
//! Messages say what failed and why in words any caller can use: they name
//! no command-line flag or command, because the server hands them to Facets'
//! clients and to browsers. What the person can do next travels beside the
//! message as a `Hint`, which each front end words its own way: the CLI as a
//! `hint:` line naming its flags, the server not at all.

use crate::model::{InvalidInput, RuleBroken};
use crate::registry::RegistryError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input cannot be used as given (exit 2).
    #[error("{0}")]
    Invalid(String),
    /// The input names something that does not exist (exit 4).
    #[error("{0}")]
    NotFound(String),
    /// Not allowed now: off the workflow, a tag already taken, a bucket busy (exit 3).
    #[error("{0}")]
    Refused(String),
    /// The caller's role does not allow this (exit 3).
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Registry(RegistryError),
    /// The control plane's storage failed (exit 1).
    #[error("control plane storage: {0}")]
    Storage(String),
    /// Anything else that failed (exit 1).
    #[error("{0}")]
    Failed(String),
    /// An error and what to do about it; it is the inner error in every other respect.
    #[error("{error}")]
    Hinted { error: Box<Error>, hint: Hint },
}

/// What the person at the other end can do next, for a front end to word.
/// It travels in the server's `ErrorDetails` as data, so a CLI talking to a
/// server words the same hints as one on the embedded control plane.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Hint {
    /// See the things of a kind there are (`integration`, `registry`, `workflow`...); artifacts
    /// are listed for an integration, and a bucket of it.
    List { what: String, integration: Option<String>, bucket: Option<String> },
    /// Push under another tag.
    AnotherTag,
    /// Name the tag, where the source has none.
    GiveTag,
    /// Promote to this stage instead.
    PromoteTo { stage: String },
    /// Push an artifact into this bucket first.
    PushFirst { bucket: String },
    /// Wait longer for a busy bucket.
    WaitLonger,
    /// Find tags that drifted from the records, and put them back.
    Repair { integration: String },
    /// Log in to the control plane again.
    LoginAgain,
    /// Save the login for this registry again.
    RegistryLoginAgain { registry: String },
    /// Keep the integration's buckets as tags of one repository.
    TagPerBucket,
    /// Give the registry's username and password.
    RegistryCredentials,
    /// A registry on this machine that serves plain HTTP is marked insecure.
    Insecure,
}

/// Exit codes of the command-line contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    Failed = 1,
    Usage = 2,
    Refused = 3,
    NotFound = 4,
}

impl Error {
    /// The same error with what to do about it.
    pub fn hint(self, hint: Hint) -> Error {
        Error::Hinted { error: Box::new(self), hint }
    }

    /// What to do about it, if the library knows.
    pub fn hint_of(&self) -> Option<&Hint> {
        match self {
            Error::Hinted { hint, .. } => Some(hint),
            _ => None,
        }
    }

    /// The error itself, without its hint.
    pub fn bare(&self) -> &Error {
        match self {
            Error::Hinted { error, .. } => error.bare(),
            e => e,
        }
    }

    pub fn kind(&self) -> ExitKind {
        match self {
            Error::Hinted { error, .. } => error.kind(),
            Error::Invalid(_) => ExitKind::Usage,
            Error::NotFound(_) => ExitKind::NotFound,
            Error::Refused(_) | Error::Forbidden(_) => ExitKind::Refused,
            Error::Storage(_) | Error::Failed(_) => ExitKind::Failed,
            Error::Registry(e) => match e {
                RegistryError::InvalidReference(_) => ExitKind::Usage,
                RegistryError::Unauthorized { .. }
                | RegistryError::Denied { .. }
                | RegistryError::ImmutableTag { .. } => ExitKind::Refused,
                RegistryError::RepositoryMissing { .. } => ExitKind::NotFound,
                RegistryError::NoCredentials { .. } => ExitKind::Refused,
                RegistryError::NotFound { .. } | RegistryError::SourceMissing(_) => ExitKind::NotFound,
                RegistryError::Source(_) => ExitKind::Usage,
                _ => ExitKind::Failed,
            },
        }
    }
}

impl Error {
    /// The same error, its message followed by `note`: what became of the
    /// work done before it failed.
    pub fn with_note(self, note: &str) -> Error {
        let add = |m: String| format!("{m}; {note}");
        match self {
            Error::Invalid(m) => Error::Invalid(add(m)),
            Error::NotFound(m) => Error::NotFound(add(m)),
            Error::Refused(m) => Error::Refused(add(m)),
            Error::Forbidden(m) => Error::Forbidden(add(m)),
            Error::Storage(m) => Error::Storage(add(m)),
            Error::Failed(m) => Error::Failed(add(m)),
            Error::Hinted { error, hint } => error.with_note(note).hint(hint),
            registry @ Error::Registry(_) => {
                let message = add(registry.to_string());
                match registry.kind() {
                    ExitKind::Usage => Error::Invalid(message),
                    ExitKind::NotFound => Error::NotFound(message),
                    ExitKind::Refused => Error::Refused(message),
                    ExitKind::Failed => Error::Failed(message),
                }
            }
        }
    }
}

/// A registry's error, with what the caller can do about it where that is
/// theirs to do (credentials, a plain-HTTP registry).
impl From<RegistryError> for Error {
    fn from(e: RegistryError) -> Self {
        let hint = match &e {
            RegistryError::Unauthorized { .. } => Some(Hint::RegistryCredentials),
            RegistryError::Tls { plain_http: true, .. } => Some(Hint::Insecure),
            _ => None,
        };
        match hint {
            Some(hint) => Error::Registry(e).hint(hint),
            None => Error::Registry(e),
        }
    }
}

impl From<InvalidInput> for Error {
    fn from(e: InvalidInput) -> Self {
        Error::Invalid(e.0)
    }
}

impl From<RuleBroken> for Error {
    fn from(e: RuleBroken) -> Self {
        let message = e.to_string();
        match e {
            RuleBroken::UnknownBucket { .. } => Error::NotFound(message),
            RuleBroken::NoWorkflow { .. } | RuleBroken::OffWorkflow { .. } => Error::Refused(message),
            RuleBroken::Protected { .. } => Error::Forbidden(message),
            RuleBroken::TooLarge { .. }
            | RuleBroken::TagClash { .. }
            | RuleBroken::NotAnArtifactKind { .. }
            | RuleBroken::NotNamespaceName { .. } => Error::Invalid(message),
            RuleBroken::NoNestedRepositories { .. } => Error::Invalid(message).hint(Hint::TagPerBucket),
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Storage(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
