//! The rules a record must keep, as pure functions: which buckets an
//! integration has, which promotion steps its workflow allows, and what an
//! artifact's fields may hold. The control plane calls them where records are
//! written, in the transaction that writes them; a client may call the same
//! functions early for a friendlier message, never instead. Messages name no
//! command-line flag: the front ends add their own hints.

use std::collections::BTreeMap;
use std::fmt;

use super::{BucketEventKind, CURRENT_TAG, Layout, Role, Workflow};

/// A rule a requested record would break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleBroken {
    /// The bucket is not one of the integration's.
    UnknownBucket { integration: String, bucket: String, known: Vec<String> },
    /// The integration has no workflow, so nothing can be promoted.
    NoWorkflow { integration: String },
    /// The step is not the workflow's next one from the source bucket.
    OffWorkflow { integration: String, from: String, to: String, workflow: String, next: Option<String> },
    /// A field is larger than a record keeps.
    TooLarge { what: String, limit: usize, size: usize },
    /// The artifact's tag would be, or look like, a tag the layout gives to something else.
    TagClash { tag: String, clashes_with: String },
    /// A record of a kind that only the control plane writes, asked for by a caller.
    NotAnArtifactKind { kind: BucketEventKind },
    /// Docker Hub has no nested repositories, so a bucket cannot be one.
    NoNestedRepositories { repository: String },
    /// Docker Hub repositories are NAMESPACE/NAME.
    NotNamespaceName { repository: String },
    /// A protected (production) bucket, written by a role below release-manager.
    Protected { integration: String, bucket: String, user: String, role: Role },
    /// A bucket named in another case than the environment or release stream it is.
    BucketSpelled { integration: String, bucket: String, spelled: String },
    /// A freeze window holds on the bucket.
    /// `set` says by whom, why and for which window.
    Frozen { integration: String, bucket: String, until: String, set: String },
    /// A promotion into a gated stage that is not the run of an approved request.
    Gated { integration: String, stage: String, approvals: u32 },
    /// No bucket named, and the integration has no routing rule to choose one.
    NoRule { integration: String },
    /// No criterion of the routing rule matches the artifact's metadata.
    NoRoute { rule: String, metadata: BTreeMap<String, String> },
}

impl fmt::Display for RuleBroken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleBroken::UnknownBucket { integration, bucket, known } if known.is_empty() => write!(
                f,
                "unknown bucket {bucket:?} for integration {integration}: it has no workflow and no environments or release streams of its type exist"
            ),
            RuleBroken::UnknownBucket { integration, bucket, known } => {
                write!(f, "unknown bucket {bucket:?} for integration {integration}: use one of {}", known.join(", "))
            }
            RuleBroken::NoWorkflow { integration } => {
                write!(f, "integration {integration} has no promotion workflow, so it cannot promote")
            }
            RuleBroken::OffWorkflow { integration, from, to, workflow, next } => {
                write!(f, "cannot promote {integration} from {from} to {to}: the workflow {workflow:?} ")?;
                match next {
                    Some(next) => write!(f, "allows {from} -> {next} only"),
                    None => write!(f, "ends at {from}; nothing follows it"),
                }
            }
            RuleBroken::TooLarge { what, limit, size } => {
                write!(f, "{what} is {size} bytes; a record keeps at most {limit}")
            }
            RuleBroken::TagClash { tag, clashes_with } => {
                write!(f, "tag {tag:?} cannot name an artifact here: {clashes_with}; choose another tag")
            }
            RuleBroken::NoNestedRepositories { repository } => {
                write!(f, "Docker Hub has no nested repositories, so {repository}/<bucket> cannot exist")
            }
            RuleBroken::NotNamespaceName { repository } => {
                write!(f, "Docker Hub repositories are NAMESPACE/NAME; {repository:?} is not (e.g. my-org/payments)")
            }
            RuleBroken::Protected { integration, bucket, user, role } => write!(
                f,
                "bucket {bucket} of {integration} is protected (production); user {user} is a {role} and this needs release-manager"
            ),
            RuleBroken::BucketSpelled { integration, bucket, spelled } => write!(
                f,
                "bucket {bucket:?} of {integration} is spelled {spelled:?}: names are the same whatever their case, so a bucket has one spelling; use {spelled}, or rename the stage"
            ),
            RuleBroken::Frozen { integration, bucket, until, set } => {
                write!(f, "bucket {bucket} of {integration} is frozen until {until} ({set}); nothing was changed")
            }
            RuleBroken::Gated { integration, stage, approvals } => write!(
                f,
                "stage {stage} of {integration} is gated: a promotion into it is a request that {approvals} other people approve"
            ),
            RuleBroken::NoRule { integration } => write!(
                f,
                "no bucket named, and integration {integration} has no routing rule to choose one; name the bucket, or give the integration a routing rule"
            ),
            RuleBroken::NoRoute { rule, metadata } => {
                let seen: Vec<String> = metadata.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let seen = if seen.is_empty() { "none".to_owned() } else { seen.join(", ") };
                write!(
                    f,
                    "routing rule {rule} sends nowhere an artifact with metadata {seen}: no criterion matches; name the bucket, or add a criterion that matches"
                )
            }
            RuleBroken::NotAnArtifactKind { kind } => write!(
                f,
                "an artifact is recorded as a push or a register; a {kind} is recorded by promoting or rolling back"
            ),
        }
    }
}

impl std::error::Error for RuleBroken {}

/// The buckets an integration has: its workflow's stages, then the
/// environments or release streams of its type. `others` are the latter.
pub fn known_buckets(workflow: Option<&Workflow>, others: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut known: Vec<String> = workflow.map(|w| w.stages.clone()).unwrap_or_default();
    for other in others {
        if !known.contains(&other) {
            known.push(other);
        }
    }
    known
}

/// `bucket` must be one of `known`.
pub fn check_bucket(integration: &str, bucket: &str, known: &[String]) -> Result<(), RuleBroken> {
    if known.iter().any(|b| b == bucket) {
        return Ok(());
    }
    Err(RuleBroken::UnknownBucket { integration: integration.into(), bucket: bucket.into(), known: known.to_vec() })
}

/// A promotion goes from a stage to the one that follows it, and nowhere else.
pub fn check_step(integration: &str, workflow: Option<&Workflow>, from: &str, to: &str) -> Result<(), RuleBroken> {
    let Some(workflow) = workflow else {
        return Err(RuleBroken::NoWorkflow { integration: integration.into() });
    };
    for bucket in [from, to] {
        check_bucket(integration, bucket, &workflow.stages)?;
    }
    let next = workflow.next_stage(from);
    if next == Some(to) {
        return Ok(());
    }
    Err(RuleBroken::OffWorkflow {
        integration: integration.into(),
        from: from.into(),
        to: to.into(),
        workflow: workflow.name.clone(),
        next: next.map(str::to_owned),
    })
}

/// An artifact's tag in a bucket must not be, or fall among, the tags the
/// layout gives to something else: in repository-per-bucket `current` is the
/// moving tag; in tag-per-bucket, where every bucket shares one repository,
/// `<bucket>-<tag>` must not be another bucket's moving tag (`<other>`) nor
/// fall among the tags of a bucket whose name is longer (`staging-eu-...`
/// is bucket staging-eu's, not staging's artifact `eu-...`), or a push into
/// one bucket could overwrite another's.
pub fn check_artifact_tag(layout: Layout, bucket: &str, tag: &str, buckets: &[String]) -> Result<(), RuleBroken> {
    let written = layout.artifact_tag(bucket, tag);
    let clash = |clashes_with: String| Err(RuleBroken::TagClash { tag: tag.to_owned(), clashes_with });
    match layout {
        Layout::RepositoryPerBucket if tag == CURRENT_TAG => {
            clash(format!("{CURRENT_TAG:?} is the bucket's moving tag"))
        }
        Layout::RepositoryPerBucket => Ok(()),
        Layout::TagPerBucket => {
            for other in buckets.iter().filter(|b| *b != bucket) {
                if written == *other {
                    return clash(format!("{written:?} is bucket {other}'s moving tag"));
                }
                if other.len() > bucket.len() && written.starts_with(&format!("{other}-")) {
                    return clash(format!("{written:?} is among bucket {other}'s tags ({other}-...)"));
                }
            }
            Ok(())
        }
    }
}

/// Who writes a protected bucket: release managers and admins. `role` is
/// None on the embedded control plane, whose user owns every record.
pub fn check_protected(
    integration: &str,
    bucket: &str,
    protected: bool,
    user: &str,
    role: Option<Role>,
) -> Result<(), RuleBroken> {
    match role {
        Some(role) if protected && !role.allows(Role::ReleaseManager) => Err(RuleBroken::Protected {
            integration: integration.into(),
            bucket: bucket.into(),
            user: user.into(),
            role,
        }),
        _ => Ok(()),
    }
}

/// What a caller may record as an artifact: a push or a register. Promotions
/// and rollbacks have records of their own, written by the control plane.
pub fn check_artifact_kind(kind: BucketEventKind) -> Result<(), RuleBroken> {
    match kind {
        BucketEventKind::Push | BucketEventKind::Register => Ok(()),
        kind => Err(RuleBroken::NotAnArtifactKind { kind }),
    }
}

/// The most an artifact's metadata may hold, keys and values together. A CI
/// run's facts (commit, branch, run URL, a few labels) fit many times over;
/// a build log does not belong in a release record.
pub const METADATA_LIMIT: usize = 64 * 1024;
/// The most a description may hold.
pub const DESCRIPTION_LIMIT: usize = 4 * 1024;
/// The most an external id (a CI build id) may hold.
pub const EXTERNAL_ID_LIMIT: usize = 256;

/// An artifact's free-form fields fit a record, checked before any registry
/// write so that a refused record leaves the registry untouched.
pub fn check_artifact_fields(
    metadata: &BTreeMap<String, String>,
    description: Option<&str>,
    external_id: Option<&str>,
) -> Result<(), RuleBroken> {
    let metadata_size: usize = metadata.iter().map(|(k, v)| k.len() + v.len()).sum();
    let fields = [
        ("the metadata", metadata_size, METADATA_LIMIT),
        ("the description", description.map_or(0, str::len), DESCRIPTION_LIMIT),
        ("the external id", external_id.map_or(0, str::len), EXTERNAL_ID_LIMIT),
    ];
    for (what, size, limit) in fields {
        if size > limit {
            return Err(RuleBroken::TooLarge { what: what.into(), limit, size });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RegistrationType;

    fn standard() -> Workflow {
        Workflow {
            id: 1,
            name: "standard".into(),
            registration_type: RegistrationType::Environment,
            stages: vec!["qa".into(), "staging".into(), "production".into()],
            gates: vec![],
            created_by: "ada".into(),
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn a_promotion_takes_the_next_step_only() {
        let w = standard();
        assert_eq!(check_step("payments", Some(&w), "qa", "staging"), Ok(()));
        let skipped = check_step("payments", Some(&w), "qa", "production").unwrap_err();
        assert_eq!(
            skipped.to_string(),
            "cannot promote payments from qa to production: the workflow \"standard\" allows qa -> staging only"
        );
        let backwards = check_step("payments", Some(&w), "production", "qa").unwrap_err();
        assert_eq!(
            backwards.to_string(),
            "cannot promote payments from production to qa: the workflow \"standard\" ends at production; nothing follows it"
        );
        assert!(matches!(
            check_step("payments", Some(&w), "qa", "prod"),
            Err(RuleBroken::UnknownBucket { bucket, .. }) if bucket == "prod"
        ));
        assert_eq!(
            check_step("payments", None, "qa", "staging"),
            Err(RuleBroken::NoWorkflow { integration: "payments".into() })
        );
    }

    #[test]
    fn buckets_are_the_stages_then_the_environments() {
        let w = standard();
        let known = known_buckets(Some(&w), ["qa".to_owned(), "dev".to_owned()]);
        assert_eq!(known, ["qa", "staging", "production", "dev"]);
        assert_eq!(check_bucket("payments", "dev", &known), Ok(()));
        assert_eq!(
            check_bucket("payments", "nope", &known).unwrap_err().to_string(),
            "unknown bucket \"nope\" for integration payments: use one of qa, staging, production, dev"
        );
    }

    #[test]
    fn a_tag_never_lands_on_another_buckets_tags() {
        let buckets: Vec<String> = ["staging", "staging-eu", "production"].map(String::from).to_vec();
        let tag_per_bucket = |bucket, tag| check_artifact_tag(Layout::TagPerBucket, bucket, tag, &buckets);
        assert_eq!(tag_per_bucket("staging", "build-7"), Ok(()));
        assert_eq!(
            tag_per_bucket("staging", "eu").unwrap_err().to_string(),
            "tag \"eu\" cannot name an artifact here: \"staging-eu\" is bucket staging-eu's moving tag; choose another tag"
        );
        assert!(tag_per_bucket("staging", "eu-build-7").is_err(), "among staging-eu's artifact tags");
        assert_eq!(tag_per_bucket("staging-eu", "build-7"), Ok(()));
        assert!(check_artifact_tag(Layout::RepositoryPerBucket, "qa", "current", &buckets).is_err());
        assert_eq!(check_artifact_tag(Layout::RepositoryPerBucket, "qa", "staging-eu", &buckets), Ok(()));
    }

    #[test]
    fn callers_record_pushes_and_registers_only() {
        assert_eq!(check_artifact_kind(BucketEventKind::Push), Ok(()));
        assert_eq!(check_artifact_kind(BucketEventKind::Register), Ok(()));
        assert!(check_artifact_kind(BucketEventKind::Promote).is_err());
        assert!(check_artifact_kind(BucketEventKind::Rollback).is_err());
    }

    #[test]
    fn oversized_fields_are_refused_with_their_size() {
        let mut metadata = BTreeMap::new();
        assert_eq!(check_artifact_fields(&metadata, Some("fine"), Some("run-7")), Ok(()));
        metadata.insert("log".to_owned(), "x".repeat(METADATA_LIMIT));
        assert_eq!(
            check_artifact_fields(&metadata, None, None).unwrap_err().to_string(),
            format!("the metadata is {} bytes; a record keeps at most {METADATA_LIMIT}", METADATA_LIMIT + 3)
        );
        let long_id = "1".repeat(EXTERNAL_ID_LIMIT + 1);
        assert!(check_artifact_fields(&BTreeMap::new(), None, Some(&long_id)).is_err());
    }
}
