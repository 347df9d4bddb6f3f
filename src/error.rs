//! The library's error. Each variant is one thing a caller may branch on;
//! its `ErrorKind` says whose move it is next, and gives the exit code
//! (DESIGN.md section 6) and the HTTP status, both matched exhaustively, so a
//! new error cannot fall silently into a catch-all.
//!
//! Messages say what failed and why in words any caller can use: they name
//! no command-line flag or command, because the server hands them to Facets'
//! clients and to browsers. What the person can do next travels beside the
//! message as a `Hint`, which each front end words its own way: the CLI as a
//! `hint:` line naming its flags, the server not at all. Causes stay attached
//! as `source()`, so the CLI prints the chain and the server logs it.

use std::fmt;

use crate::model::{InvalidInput, RuleBroken};
use crate::registry::RegistryError;

type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input cannot be used as given.
    #[error("{0}")]
    Invalid(String),
    /// The input names something that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Not allowed now.
    #[error("{0}")]
    Refused(String),
    /// The caller's role does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// A rule the record would break, checked where records are written. Boxed: some carry
    /// several names, and every `Result` of the crate pays for its largest error.
    #[error(transparent)]
    Rule(Box<RuleBroken>),
    /// The tag already names another image in the bucket; tags are immutable.
    #[error("tag {tag} in bucket {bucket} already names {digest}; tags are immutable")]
    TagTaken { bucket: String, tag: String, digest: String },
    /// Another writer holds the bucket's lease.
    #[error("bucket {bucket} of {integration} is busy: {holder} has held it since {since}; nothing was changed")]
    Busy { integration: String, bucket: String, holder: String, since: String },
    /// The writer's lease on the bucket ran out or ended, so it may not write.
    #[error(
        "lost the lease on bucket {bucket} of {integration} (it ran out, and another writer may hold the bucket now, or it ended)"
    )]
    LeaseLost { integration: String, bucket: String },
    #[error(transparent)]
    Registry(RegistryError),
    /// The control plane's storage failed.
    #[error("control plane storage: {context}")]
    Storage {
        context: String,
        #[source]
        source: Option<Cause>,
    },
    /// Anything else that failed.
    #[error("{0}")]
    Failed(String),
    /// An error and what to do about it; it is the inner error in every other respect.
    #[error(transparent)]
    Hinted(Box<Hinted>),
}

/// An error with a hint the library chose for it.
#[derive(Debug)]
pub struct Hinted {
    pub error: Error,
    pub hint: Hint,
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl std::error::Error for Hinted {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
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
    /// Run the command again: what it waited on is gone.
    RunAgain,
    /// Someone allowed to may move it anyway, forced, with a reason.
    Force,
    /// Take the workflow or rule off these integrations first.
    Detach { what: String, integrations: Vec<String> },
    /// Name the bucket, or give the integration a routing rule.
    NameBucket { integration: String },
    /// Name the bucket, or route by a branch the rule knows.
    RouteElsewhere { rule: String },
    /// A hint this version does not know, from a newer server: its message still stands alone.
    #[serde(other)]
    Unknown,
}

/// Whose move it is next. Each kind has one exit code and one HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input cannot be used as given: exit 2, HTTP 400.
    Usage,
    /// Not allowed now: exit 3, HTTP 409.
    Refused,
    /// The caller's role does not allow it: exit 3, HTTP 403.
    Forbidden,
    /// Something named does not exist: exit 4, HTTP 404.
    NotFound,
    /// It failed, and trying again may work: exit 1, HTTP 500.
    Failed,
}

impl ErrorKind {
    /// The kind as documents name it (`-o json` on a failure).
    pub fn word(self) -> &'static str {
        match self {
            ErrorKind::Usage => "usage",
            ErrorKind::Refused => "refused",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Failed => "failed",
        }
    }

    /// The exit code of the command-line contract.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failed => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Refused | ErrorKind::Forbidden => 3,
            ErrorKind::NotFound => 4,
        }
    }
}

impl Error {
    /// The same error with what to do about it.
    pub fn hint(self, hint: Hint) -> Error {
        Error::Hinted(Box::new(Hinted { error: self, hint }))
    }

    /// What to do about it, if the library knows: the hint given, or the one
    /// the error implies.
    pub fn hint_of(&self) -> Option<Hint> {
        match self {
            Error::Hinted(h) => Some(h.hint.clone()),
            Error::TagTaken { .. } => Some(Hint::AnotherTag),
            Error::Busy { .. } => Some(Hint::WaitLonger),
            Error::LeaseLost { .. } => Some(Hint::RunAgain),
            Error::Rule(rule) => match rule.as_ref() {
                RuleBroken::OffWorkflow { next: Some(next), .. } => Some(Hint::PromoteTo { stage: next.clone() }),
                RuleBroken::NoNestedRepositories { .. } => Some(Hint::TagPerBucket),
                RuleBroken::Frozen { .. } => Some(Hint::Force),
                RuleBroken::NoRule { integration } => Some(Hint::NameBucket { integration: integration.clone() }),
                RuleBroken::NoRoute { rule, .. } => Some(Hint::RouteElsewhere { rule: rule.clone() }),
                _ => None,
            },
            Error::Registry(RegistryError::Unauthorized { .. }) => Some(Hint::RegistryCredentials),
            Error::Registry(RegistryError::Tls { plain_http: true, .. }) => Some(Hint::Insecure),
            _ => None,
        }
    }

    /// The error itself, without its hint.
    pub fn bare(&self) -> &Error {
        match self {
            Error::Hinted(h) => h.error.bare(),
            e => e,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Hinted(h) => h.error.kind(),
            Error::Invalid(_) => ErrorKind::Usage,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Refused(_) | Error::TagTaken { .. } | Error::Busy { .. } | Error::LeaseLost { .. } => {
                ErrorKind::Refused
            }
            Error::Forbidden(_) => ErrorKind::Forbidden,
            Error::Storage { .. } | Error::Failed(_) => ErrorKind::Failed,
            Error::Rule(rule) => rule_kind(rule),
            Error::Registry(e) => registry_kind(e),
        }
    }

    /// An error of `kind` with this message: one that crossed a boundary as its kind and words.
    pub fn of_kind(kind: ErrorKind, message: String) -> Error {
        match kind {
            ErrorKind::Usage => Error::Invalid(message),
            ErrorKind::Refused => Error::Refused(message),
            ErrorKind::Forbidden => Error::Forbidden(message),
            ErrorKind::NotFound => Error::NotFound(message),
            ErrorKind::Failed => Error::Failed(message),
        }
    }

    /// A storage failure, with what was being done and why it failed.
    pub fn storage(context: impl Into<String>, source: impl Into<Cause>) -> Error {
        Error::Storage { context: context.into(), source: Some(source.into()) }
    }

    /// The same error, its message followed by `note`: what became of the
    /// work done before it failed.
    pub fn with_note(self, note: &str) -> Error {
        let add = |m: String| format!("{m}; {note}");
        match self {
            Error::Invalid(m) => Error::Invalid(add(m)),
            Error::NotFound(m) => Error::NotFound(add(m)),
            Error::Refused(m) => Error::Refused(add(m)),
            Error::Forbidden(m) => Error::Forbidden(add(m)),
            Error::Failed(m) => Error::Failed(add(m)),
            Error::Storage { context, source } => Error::Storage { context: add(context), source },
            Error::Hinted(h) => h.error.with_note(note).hint(h.hint),
            other => {
                let hint = other.hint_of();
                let message = add(other.to_string());
                let noted = match other.kind() {
                    ErrorKind::Usage => Error::Invalid(message),
                    ErrorKind::NotFound => Error::NotFound(message),
                    ErrorKind::Refused => Error::Refused(message),
                    ErrorKind::Forbidden => Error::Forbidden(message),
                    ErrorKind::Failed => Error::Failed(message),
                };
                match hint {
                    Some(hint) => noted.hint(hint),
                    None => noted,
                }
            }
        }
    }
}

fn rule_kind(rule: &RuleBroken) -> ErrorKind {
    match rule {
        RuleBroken::UnknownBucket { .. } => ErrorKind::NotFound,
        RuleBroken::NoWorkflow { .. }
        | RuleBroken::OffWorkflow { .. }
        | RuleBroken::Frozen { .. }
        | RuleBroken::Gated { .. } => ErrorKind::Refused,
        RuleBroken::Protected { .. } => ErrorKind::Forbidden,
        RuleBroken::TooLarge { .. }
        | RuleBroken::TagClash { .. }
        | RuleBroken::NotAnArtifactKind { .. }
        | RuleBroken::NoNestedRepositories { .. }
        | RuleBroken::NotNamespaceName { .. }
        | RuleBroken::NoRule { .. }
        | RuleBroken::BucketSpelled { .. }
        | RuleBroken::NoRoute { .. } => ErrorKind::Usage,
    }
}

fn registry_kind(e: &RegistryError) -> ErrorKind {
    match e {
        RegistryError::InvalidReference(_) | RegistryError::Source(_) => ErrorKind::Usage,
        RegistryError::Unauthorized { .. }
        | RegistryError::Denied { .. }
        | RegistryError::ImmutableTag { .. }
        | RegistryError::NoCredentials { .. } => ErrorKind::Refused,
        RegistryError::RepositoryMissing { .. } | RegistryError::NotFound { .. } | RegistryError::SourceMissing(_) => {
            ErrorKind::NotFound
        }
        RegistryError::Unreachable { .. }
        | RegistryError::Tls { .. }
        | RegistryError::Protocol { .. }
        | RegistryError::DigestMismatch { .. }
        | RegistryError::RateLimited { .. } => ErrorKind::Failed,
    }
}

impl From<RegistryError> for Error {
    fn from(e: RegistryError) -> Self {
        Error::Registry(e)
    }
}

impl From<RuleBroken> for Error {
    fn from(e: RuleBroken) -> Self {
        Error::Rule(Box::new(e))
    }
}

impl From<InvalidInput> for Error {
    fn from(e: InvalidInput) -> Self {
        Error::Invalid(e.0)
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::storage("a query failed", e)
    }
}

/// An error and its causes on one line, as a log reads it.
pub fn with_causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut causes = Vec::new();
    let mut cause = Some(e);
    while let Some(next) = cause {
        causes.push(next.to_string());
        cause = next.source();
    }
    causes_line(causes)
}

/// Causes joined with `: `, each said once: many errors repeat their
/// source's words in their own message (an I/O error inside a database
/// error), and the line should not.
pub fn causes_line(causes: impl IntoIterator<Item = String>) -> String {
    let mut line = String::new();
    for cause in causes {
        if cause.is_empty() || line.contains(&cause) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&cause);
    }
    line
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_storage_failure_keeps_its_cause_for_the_chain() {
        let e = Error::storage("cannot open /x/store.db", std::io::Error::other("permission denied"));
        assert_eq!(e.to_string(), "control plane storage: cannot open /x/store.db");
        assert_eq!(with_causes(&e), "control plane storage: cannot open /x/store.db: permission denied");
        let hinted = e.hint(Hint::RunAgain);
        assert_eq!(with_causes(&hinted), "control plane storage: cannot open /x/store.db: permission denied");
    }

    #[test]
    fn a_note_keeps_the_kind_and_the_implied_hint() {
        let busy =
            Error::Busy { integration: "p".into(), bucket: "qa".into(), holder: "ada".into(), since: "t".into() };
        let noted = busy.with_note("tag b-2 was written");
        assert_eq!(noted.kind(), ErrorKind::Refused);
        assert_eq!(noted.hint_of(), Some(Hint::WaitLonger));
        assert!(noted.to_string().ends_with("nothing was changed; tag b-2 was written"), "{noted}");
    }

    #[test]
    fn a_hint_from_a_newer_server_does_not_spoil_the_answer() {
        let hint: Hint = serde_json::from_str(r#"{"kind":"wait-for-approval","request":7}"#).unwrap();
        assert_eq!(hint, Hint::Unknown);
    }

    #[test]
    fn a_cause_that_repeats_the_words_before_it_is_said_once() {
        let line = causes_line(["a query failed: connection refused".into(), "connection refused".into()]);
        assert_eq!(line, "a query failed: connection refused");
    }
}
