//! What a registry's refusal means: the distribution spec's error body
//! (`{"errors":[{"code":...,"message":...}]}`) read once into a typed code,
//! and a status with its body turned into a `RegistryError`. The verbs never
//! read an error body themselves.

use std::fmt;

use reqwest::{Response, StatusCode};

use super::Transport;
use crate::registry::{RegistryError, quirks};

/// The error codes of the OCI distribution spec, and Docker's that registries still send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    BlobUnknown,
    BlobUploadInvalid,
    BlobUploadUnknown,
    DigestInvalid,
    ManifestBlobUnknown,
    ManifestInvalid,
    ManifestUnknown,
    NameInvalid,
    NameUnknown,
    SizeInvalid,
    Unauthorized,
    Denied,
    Unsupported,
    TooManyRequests,
    /// Docker's: a tag refused, as registries with immutable tags say.
    TagInvalid,
    /// A code the spec does not name, as sent.
    Other(String),
}

const NAMED: &[(&str, ErrorCode)] = &[
    ("BLOB_UNKNOWN", ErrorCode::BlobUnknown),
    ("BLOB_UPLOAD_INVALID", ErrorCode::BlobUploadInvalid),
    ("BLOB_UPLOAD_UNKNOWN", ErrorCode::BlobUploadUnknown),
    ("DIGEST_INVALID", ErrorCode::DigestInvalid),
    ("MANIFEST_BLOB_UNKNOWN", ErrorCode::ManifestBlobUnknown),
    ("MANIFEST_INVALID", ErrorCode::ManifestInvalid),
    ("MANIFEST_UNKNOWN", ErrorCode::ManifestUnknown),
    ("NAME_INVALID", ErrorCode::NameInvalid),
    ("NAME_UNKNOWN", ErrorCode::NameUnknown),
    ("SIZE_INVALID", ErrorCode::SizeInvalid),
    ("UNAUTHORIZED", ErrorCode::Unauthorized),
    ("DENIED", ErrorCode::Denied),
    ("UNSUPPORTED", ErrorCode::Unsupported),
    ("TOOMANYREQUESTS", ErrorCode::TooManyRequests),
    ("TAG_INVALID", ErrorCode::TagInvalid),
];

impl ErrorCode {
    pub fn parse(code: &str) -> ErrorCode {
        NAMED
            .iter()
            .find(|(name, _)| *name == code)
            .map_or_else(|| ErrorCode::Other(code.to_owned()), |(_, c)| c.clone())
    }

    pub fn as_str(&self) -> &str {
        match self {
            ErrorCode::Other(code) => code,
            known => NAMED.iter().find(|(_, c)| c == known).map(|(name, _)| *name).expect("every named code is listed"),
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first error of a distribution error body, or the body as text when it is not one.
#[derive(Debug, Clone)]
pub struct ErrorBody {
    pub code: Option<ErrorCode>,
    /// The error's message, else the whole body.
    pub message: String,
    /// For people: `CODE: message`, else the start of the body.
    pub detail: String,
}

impl ErrorBody {
    pub fn parse(body: &str) -> ErrorBody {
        let parsed: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        let first = &parsed["errors"][0];
        let code = first["code"].as_str().filter(|c| !c.is_empty()).map(ErrorCode::parse);
        let said = first["message"].as_str();
        let detail = match (said, &code) {
            (Some(m), Some(code)) => format!("{code}: {m}"),
            (Some(m), None) => m.to_owned(),
            (None, _) if body.trim().is_empty() => "no details given".into(),
            (None, _) => body.trim().chars().take(200).collect(),
        };
        ErrorBody { code, message: said.unwrap_or(body).to_owned(), detail }
    }

    pub fn is(&self, code: ErrorCode) -> bool {
        self.code.as_ref() == Some(&code)
    }
}

/// A registry's refusal, its body read.
pub struct Failure {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl Failure {
    pub async fn read(resp: Response) -> Failure {
        let status = resp.status();
        let body = resp.text().await.unwrap_or_default();
        Failure { status, body: ErrorBody::parse(&body) }
    }
}

impl Transport {
    /// The error for an unsuccessful answer to `action` on `repo`.
    pub async fn status_error(&self, resp: Response, repo: &str, action: &str) -> RegistryError {
        self.refusal(Failure::read(resp).await, repo, action)
    }

    /// What a refusal means, most specific first.
    pub fn refusal(&self, failure: Failure, repo: &str, action: &str) -> RegistryError {
        let Failure { status, body } = failure;
        let host = self.host.clone();
        if status == StatusCode::UNAUTHORIZED {
            return self.unauthorized();
        }
        let writing = ["write", "start", "mount", "upload"].iter().any(|w| action.starts_with(w));
        // Registries that create no repository on push answer a write into a missing one with NAME_UNKNOWN.
        if writing
            && (body.is(ErrorCode::NameUnknown)
                || (status == StatusCode::NOT_FOUND && body.message.contains("repository")))
        {
            let advice = quirks::create_advice(self.kind, repo);
            return RegistryError::RepositoryMissing { host, repository: repo.to_owned(), advice };
        }
        if (body.is(ErrorCode::TagInvalid)
            || status == StatusCode::CONFLICT
            || status == StatusCode::PRECONDITION_FAILED)
            && body.message.to_ascii_lowercase().contains("immutable")
        {
            return RegistryError::ImmutableTag { host, repository: repo.to_owned(), action: action.to_owned() };
        }
        if status == StatusCode::FORBIDDEN || body.is(ErrorCode::Denied) {
            return RegistryError::Denied { host, action: action.to_owned(), repository: repo.to_owned() };
        }
        if status == StatusCode::NOT_FOUND {
            let what = action.trim_start_matches("read ").to_owned();
            return RegistryError::NotFound { host, repository: repo.to_owned(), what };
        }
        RegistryError::Protocol {
            host,
            action: format!("{action} in {repo}"),
            status: status.as_u16(),
            detail: body.detail,
        }
    }

    pub fn unauthorized(&self) -> RegistryError {
        RegistryError::Unauthorized { host: self.host.clone(), via: format!(" (credentials from {})", self.source) }
    }

    pub fn transport_error(&self, e: reqwest::Error) -> RegistryError {
        transport_failure(self.host.clone(), "", &e)
    }
}

/// A request to `host` that got no answer: a TLS handshake refused, else
/// the network's innermost cause. `context` leads the reason.
pub fn transport_failure(host: String, context: &str, e: &reqwest::Error) -> RegistryError {
    match super::tls::cause(e) {
        Some(tls) => RegistryError::Tls {
            host,
            // What to do (mark a registry on this machine insecure) is the error's hint.
            reason: format!("{context}{}", super::tls::describe(tls, "")),
            plain_http: super::tls::is_plain_http(tls),
        },
        None => {
            let cause = super::root_cause(e);
            let cause = if e.is_timeout() { format!("timed out ({cause})") } else { cause };
            RegistryError::Unreachable { host, reason: format!("{context}{cause}") }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RegistryKind;
    use crate::registry::RegistryEndpoint;
    use crate::registry::credentials::CredentialSource;
    use crate::registry::transport::stub::{Reply, Stub};

    #[test]
    fn codes_are_read_once_into_their_kind() {
        let b = ErrorBody::parse(r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known"}]}"#);
        assert_eq!(b.code, Some(ErrorCode::NameUnknown));
        assert_eq!(b.message, "repository name not known");
        assert_eq!(b.detail, "NAME_UNKNOWN: repository name not known");
        let odd = ErrorBody::parse(r#"{"errors":[{"code":"QUOTA_EXCEEDED","message":"full"}]}"#);
        assert_eq!(odd.code, Some(ErrorCode::Other("QUOTA_EXCEEDED".into())));
        assert_eq!(odd.detail, "QUOTA_EXCEEDED: full");
        for (name, _) in NAMED {
            assert_eq!(ErrorCode::parse(name).as_str(), *name);
        }
    }

    #[test]
    fn a_body_that_is_not_an_error_document_is_kept_as_text() {
        let html = ErrorBody::parse("  <html>bad gateway</html>\n");
        assert_eq!(html.code, None);
        assert_eq!(html.detail, "<html>bad gateway</html>");
        assert_eq!(ErrorBody::parse("").detail, "no details given");
    }

    async fn refusal_of(kind: Option<RegistryKind>, status: u16, body: &'static str, action: &str) -> RegistryError {
        let stub = Stub::start(move |_| Reply::json(status, body)).await;
        let endpoint = RegistryEndpoint { host: stub.host(), insecure: true, kind };
        let t = Transport::new(crate::registry::transport::http_client(), &endpoint, None, CredentialSource::Anonymous);
        let resp = t.send(&[], action, || t.http.get(format!("{}/v2/a/manifests/x", t.base))).await.unwrap();
        t.status_error(resp, "team/app", action).await
    }

    #[tokio::test]
    async fn denied_and_name_unknown_bodies_become_their_errors() {
        let denied = r#"{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}"#;
        let e = refusal_of(None, 400, denied, "write manifest v1").await;
        assert!(matches!(&e, RegistryError::Denied { repository, .. } if repository == "team/app"), "{e:?}");

        let unknown = r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#;
        let e = refusal_of(Some(RegistryKind::Ecr), 404, unknown, "write manifest v1").await;
        assert!(matches!(&e, RegistryError::RepositoryMissing { advice, .. } if advice.contains("aws ecr")), "{e:?}");

        // Reading from a repository that is not there is only "not found".
        let e = refusal_of(None, 404, unknown, "read a manifest").await;
        assert!(matches!(&e, RegistryError::NotFound { what, .. } if what == "a manifest"), "{e:?}");
    }

    #[tokio::test]
    async fn an_immutable_tag_is_named_and_other_refusals_keep_the_registry_words() {
        let immutable = r#"{"errors":[{"code":"TAG_INVALID","message":"The image tag 'qa' already exists and cannot be overwritten because the repository is immutable."}]}"#;
        let e = refusal_of(None, 400, immutable, "write manifest qa").await;
        assert!(matches!(e, RegistryError::ImmutableTag { .. }), "{e:?}");

        let invalid = r#"{"errors":[{"code":"MANIFEST_INVALID","message":"manifest invalid"}]}"#;
        let e = refusal_of(None, 400, invalid, "write manifest qa").await;
        assert!(
            matches!(&e, RegistryError::Protocol { status: 400, detail, .. } if detail == "MANIFEST_INVALID: manifest invalid"),
            "{e:?}"
        );
    }

    #[tokio::test]
    async fn a_closed_port_is_unreachable_with_the_system_words() {
        let host = Stub::closed_port().await;
        let endpoint = RegistryEndpoint { host: host.clone(), insecure: true, kind: None };
        let t = Transport::new(crate::registry::transport::http_client(), &endpoint, None, CredentialSource::Anonymous)
            .with_retry(crate::registry::transport::RetryPolicy::quick());
        let e = t.send(&[], "check access", || t.http.get(format!("{}/v2/", t.base))).await.unwrap_err();
        assert!(
            matches!(&e, RegistryError::Unreachable { host: h, reason } if *h == host && reason.to_lowercase().contains("refused")),
            "{e:?}"
        );
    }
}
