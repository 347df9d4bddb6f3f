//! The library's error, sorted by whose move it is next. Each kind has one
//! exit code (DESIGN.md section 6); the CLI maps them in one place.

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
    Registry(#[from] RegistryError),
    /// The control plane's storage failed (exit 1).
    #[error("control plane storage: {0}")]
    Storage(String),
    /// Anything else that failed (exit 1).
    #[error("{0}")]
    Failed(String),
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
    pub fn kind(&self) -> ExitKind {
        match self {
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
            RuleBroken::TooLarge { .. } | RuleBroken::TagClash { .. } | RuleBroken::NotAnArtifactKind { .. } => {
                Error::Invalid(message)
            }
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Storage(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
