//! What particular registry products do differently from the spec, and what
//! to advise for each: one place per quirk, so the verbs stay the spec's.

use reqwest::StatusCode;

use super::transport::errors::{ErrorCode, Failure};
use crate::model::RegistryKind;

/// Artifactory answers 403, not 404, for content it does not have.
pub fn forbidden_means_missing(kind: Option<RegistryKind>) -> bool {
    kind == Some(RegistryKind::Jfrog)
}

/// The distribution registry writes blob links non-atomically: while another
/// client mounts or uploads a blob a manifest refers to, the link can read
/// empty, and a manifest PUT is refused as if the blob were missing or its
/// digest invalid. It settles in milliseconds, so the PUT is worth retrying.
pub fn is_blob_link_race(failure: &Failure) -> bool {
    failure.status == StatusCode::BAD_REQUEST
        && [ErrorCode::DigestInvalid, ErrorCode::ManifestBlobUnknown, ErrorCode::BlobUnknown]
            .into_iter()
            .any(|code| failure.body.is(code))
}

/// What to do when a registry will not create a repository on push.
pub fn create_advice(kind: Option<RegistryKind>, repo: &str) -> String {
    match kind {
        Some(RegistryKind::Ecr) => format!(
            "create it with `aws ecr create-repository --repository-name {repo}`, or turn on ECR's create-on-push"
        ),
        Some(RegistryKind::Harbor) => {
            format!("create the project {} in Harbor first", repo.split('/').next().unwrap_or(repo))
        }
        Some(RegistryKind::Dockerhub) => {
            "create it on Docker Hub, or keep the buckets as tags of one repository that exists (the tag-per-bucket layout)".into()
        }
        Some(RegistryKind::Gar) => {
            "create the Artifact Registry repository (gcloud artifacts repositories create ...) first".into()
        }
        Some(RegistryKind::Nexus) | Some(RegistryKind::Jfrog) => {
            "create the repository in the registry's admin console first".into()
        }
        _ => "create it in the registry first, or keep the buckets as tags of one repository that exists (the tag-per-bucket layout)"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Digest;
    use crate::registry::client::stub_client;
    use crate::registry::transport::errors::ErrorBody;
    use crate::registry::transport::stub::{Reply, Stub};

    fn failure(status: u16, body: &str) -> Failure {
        Failure { status: StatusCode::from_u16(status).unwrap(), body: ErrorBody::parse(body) }
    }

    #[test]
    fn only_a_400_naming_a_missing_blob_is_the_link_race() {
        assert!(is_blob_link_race(&failure(400, r#"{"errors":[{"code":"DIGEST_INVALID","message":"x"}]}"#)));
        assert!(is_blob_link_race(&failure(400, r#"{"errors":[{"code":"MANIFEST_BLOB_UNKNOWN","message":"x"}]}"#)));
        assert!(!is_blob_link_race(&failure(400, r#"{"errors":[{"code":"MANIFEST_INVALID","message":"x"}]}"#)));
        assert!(!is_blob_link_race(&failure(404, r#"{"errors":[{"code":"BLOB_UNKNOWN","message":"x"}]}"#)));
    }

    #[test]
    fn advice_names_the_product_s_own_way_to_create_a_repository() {
        assert!(create_advice(Some(RegistryKind::Ecr), "team/app").contains("--repository-name team/app"));
        assert!(create_advice(Some(RegistryKind::Harbor), "team/app").contains("project team in Harbor"));
        assert!(create_advice(None, "team/app").contains("tag-per-bucket"));
    }

    #[tokio::test]
    async fn a_403_means_missing_on_artifactory_and_denied_elsewhere() {
        let stub = Stub::start(|_| Reply::status(403)).await;
        let digest = Digest::of(b"layer");
        assert!(!stub_client(&stub, Some(RegistryKind::Jfrog)).blob_exists("team/app", &digest).await.unwrap());
        assert!(stub_client(&stub, Some(RegistryKind::Jfrog)).head_manifest("team/app", "v1").await.unwrap().is_none());
        let e = stub_client(&stub, Some(RegistryKind::Harbor)).blob_exists("team/app", &digest).await.unwrap_err();
        assert!(matches!(e, crate::registry::RegistryError::Denied { .. }), "{e:?}");
    }
}
