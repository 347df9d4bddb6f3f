//! The rules a record must keep, as pure functions: which buckets an
//! integration has, which promotion steps its workflow allows, and what an
//! artifact's fields may hold. The control plane calls them where records are
//! written, in the transaction that writes them; a client may call the same
//! functions early for a friendlier message, never instead. Messages name no
//! command-line flag: the front ends add their own hints.

use std::collections::BTreeMap;
use std::fmt;

use super::Workflow;

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
        }
    }
}

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
