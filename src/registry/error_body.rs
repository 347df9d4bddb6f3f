//! What a registry's error answer says: the distribution spec's error body
//! (`{"errors":[{"code":...,"message":...}]}`), read in one place, and what
//! to advise when a registry will not make a repository on push.

use crate::model::RegistryKind;

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

/// The first error's code and message from a distribution error body.
pub fn error_code(body: &str) -> (String, String) {
    let parsed: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let code = parsed["errors"][0]["code"].as_str().unwrap_or("").to_owned();
    let message = parsed["errors"][0]["message"].as_str().map(str::to_owned).unwrap_or_else(|| body.to_owned());
    (code, message)
}

/// The first message of a distribution error body (`{"errors":[{"message":...}]}`), else its start.
pub fn error_message(body: &str) -> String {
    let parsed: Option<serde_json::Value> = serde_json::from_str(body).ok();
    if let Some(m) = parsed.as_ref().and_then(|v| v["errors"][0]["message"].as_str()) {
        let code = parsed.as_ref().and_then(|v| v["errors"][0]["code"].as_str()).unwrap_or("");
        return if code.is_empty() { m.to_owned() } else { format!("{code}: {m}") };
    }
    let t = body.trim();
    if t.is_empty() { "no details given".into() } else { t.chars().take(200).collect() }
}
