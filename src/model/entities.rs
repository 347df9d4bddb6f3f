//! The things the control plane records. Field names follow the Facets API
//! where Facets has the concept (see DESIGN.md section 2).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Digest, InvalidInput};

/// Declares a closed set of words the user and the database both spell the same way.
macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $word)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl $crate::model::Word for $name {
            fn all() -> &'static [Self] { $name::ALL }
            fn word(self) -> &'static str { self.as_str() }
        }

        impl FromStr for $name {
            type Err = InvalidInput;
            fn from_str(s: &str) -> Result<Self, InvalidInput> {
                let lower = s.to_ascii_lowercase().replace('_', "-");
                $name::ALL.iter().copied()
                    .find(|v| v.as_str().to_ascii_lowercase().replace('_', "-") == lower)
                    .ok_or_else(|| InvalidInput(format!(
                        "unknown {} {s:?}: use one of {}",
                        spaced(stringify!($name)),
                        $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                    )))
            }
        }
    };
}

/// A type's name as words: `RegistryKind` is "registry kind".
pub(super) fn spaced(name: &str) -> String {
    let mut words = String::new();
    for (i, c) in name.char_indices() {
        if c.is_ascii_uppercase() && i > 0 {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    words
}

pub(crate) use word_enum;

word_enum!(
    /// The registry product behind a registry record; decides credential sources and quirks.
    RegistryKind {
        Ecr = "ecr", Acr = "acr", Gar = "gar", Gcr = "gcr", Nexus = "nexus",
        Dockerhub = "dockerhub", Jfrog = "jfrog", Harbor = "harbor", Generic = "generic",
    }
);

word_enum!(
    /// What an integration's buckets are named after [registrationType].
    RegistrationType { Environment = "ENVIRONMENT", ReleaseStream = "RELEASE_STREAM" }
);

word_enum!(
    /// How buckets map onto registry references.
    Layout { RepositoryPerBucket = "repository-per-bucket", TagPerBucket = "tag-per-bucket" }
);

word_enum!(
    PromotionState { Done = "done", AwaitingApproval = "awaiting-approval", Rejected = "rejected", Failed = "failed" }
);

word_enum!(
    /// What a server user may do: read; push and promote into unprotected
    /// buckets; promote into protected (production) buckets; everything.
    Role { Viewer = "viewer", Developer = "developer", ReleaseManager = "release-manager", Admin = "admin" }
);

impl Role {
    fn rank(self) -> u8 {
        match self {
            Role::Viewer => 0,
            Role::Developer => 1,
            Role::ReleaseManager => 2,
            Role::Admin => 3,
        }
    }

    /// Whether this role can do what `needed` can.
    pub fn allows(self, needed: Role) -> bool {
        self.rank() >= needed.rank()
    }
}

word_enum!(
    /// What an audit event records. Written by the control plane, matched by
    /// the server (Facets' entity and action); stored as its word.
    AuditAction {
        ReleaseStreamCreate = "release-stream.create",
        EnvironmentCreate = "environment.create",
        RegistryAdd = "registry.add",
        RegistryRemove = "registry.remove",
        RegistryCredentials = "registry.credentials",
        RegistrySecret = "registry.secret",
        WorkflowCreate = "workflow.create",
        WorkflowUpdate = "workflow.update",
        WorkflowDelete = "workflow.delete",
        IntegrationCreate = "integration.create",
        IntegrationUpdate = "integration.update",
        IntegrationDelete = "integration.delete",
        RuleCreate = "rule.create",
        RuleUpdate = "rule.update",
        RuleDelete = "rule.delete",
        FreezeCreate = "freeze.create",
        PromotionRequest = "promotion.request",
        PromotionApprove = "promotion.approve",
        PromotionReject = "promotion.reject",
        PromotionCancel = "promotion.cancel",
        FreezeEnd = "freeze.end",
        ArtifactPush = "artifact.push",
        ArtifactRegister = "artifact.register",
        ArtifactPromote = "artifact.promote",
        BucketRollback = "bucket.rollback",
        BucketRepair = "bucket.repair",
        UserAdd = "user.add",
        UserRevoke = "user.revoke",
        RecordsImport = "records.import",
    }
);

word_enum!(
    /// What a forced move skips: a freeze (admin or release manager), or the workflow's order (admin).
    Forcing { ThroughFreeze = "through-freeze", OffWorkflow = "off-workflow" }
);

word_enum!(
    /// What put an artifact at the head of a bucket.
    BucketEventKind { Push = "push", Register = "register", Promote = "promote", Rollback = "rollback" }
);

/// A container registry [artifactory]. The secret is never part of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Registry {
    pub id: i64,
    pub name: String,
    pub kind: RegistryKind,
    /// `host[:port][/prefix]`.
    pub uri: String,
    /// Plain HTTP. Allowed for loopback hosts only unless forced.
    pub insecure: bool,
    pub username: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl Registry {
    /// The `host[:port]` part of the uri.
    pub fn host(&self) -> &str {
        self.uri.split_once('/').map_or(&self.uri, |(h, _)| h)
    }

    /// The path prefix under the host that every repository lives in, if any.
    pub fn prefix(&self) -> Option<&str> {
        self.uri.split_once('/').map(|(_, p)| p)
    }

    /// The full repository path of an integration's bucket here, prefix included.
    pub fn bucket_repository(&self, integration: &Integration, bucket: &str) -> String {
        let repo = integration.bucket_repository(bucket);
        match self.prefix() {
            Some(prefix) => format!("{prefix}/{repo}"),
            None => repo,
        }
    }

    /// `host/path@digest`: where an artifact is, pinned.
    pub fn pinned_uri(&self, repository: &str, digest: &super::Digest) -> String {
        format!("{}/{repository}@{digest}", self.host())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReleaseStream {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub prod: bool,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// An environment [cluster], belonging to a release stream.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Environment {
    pub id: i64,
    pub name: String,
    pub release_stream: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// The ordered stages an artifact moves through [PromotionWorkflow].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Workflow {
    pub id: i64,
    pub name: String,
    pub registration_type: RegistrationType,
    pub stages: Vec<String>,
    /// Stages whose promotions wait for approvals.
    pub gates: Vec<super::Gate>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl Workflow {
    /// The stage that follows `stage`, if `stage` is on the workflow and not its last.
    pub fn next_stage(&self, stage: &str) -> Option<&str> {
        let at = self.stages.iter().position(|s| s == stage)?;
        self.stages.get(at + 1).map(String::as_str)
    }

    /// The gate on `stage`, if promotions into it wait for approvals.
    pub fn gate(&self, stage: &str) -> Option<&super::Gate> {
        self.gates.iter().find(|g| g.stage == stage)
    }

    pub fn path(&self) -> String {
        self.stages.join(" -> ")
    }
}

/// A CI integration [ArtifactCI]: one service's images in one registry repository.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Integration {
    pub id: i64,
    pub name: String,
    pub registration_type: RegistrationType,
    pub registry: String,
    pub repository: String,
    pub layout: Layout,
    pub workflow: Option<String>,
    /// The routing rule that chooses a bucket when a caller names none.
    pub rule: Option<String>,
    /// Buckets kept in another registry than `registry`, by name: bucket -> registry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bucket_registries: BTreeMap<String, String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl Integration {
    /// The registry (by name) that holds a bucket's images.
    pub fn registry_for(&self, bucket: &str) -> &str {
        self.bucket_registries.iter().find(|(b, _)| b.eq_ignore_ascii_case(bucket)).map_or(&self.registry, |(_, r)| r)
    }

    /// The repository (below the registry's prefix) that holds a bucket's images.
    pub fn bucket_repository(&self, bucket: &str) -> String {
        self.layout.bucket_repository(&self.repository, bucket)
    }

    /// The immutable tag an artifact gets in a bucket.
    pub fn artifact_tag(&self, bucket: &str, tag: &str) -> String {
        self.layout.artifact_tag(bucket, tag)
    }

    /// The moving tag that always names the bucket's current artifact: what a
    /// deployment pulls, and what promote and rollback re-point.
    pub fn current_tag(&self, bucket: &str) -> String {
        self.layout.current_tag(bucket)
    }
}

impl Layout {
    /// The repository (below the registry's prefix) that holds a bucket's
    /// images, for an integration whose repository is `repository`.
    pub fn bucket_repository(self, repository: &str, bucket: &str) -> String {
        match self {
            // Repository paths are lower case; the bucket's name keeps its case everywhere else.
            Layout::RepositoryPerBucket => format!("{repository}/{}", bucket.to_ascii_lowercase()),
            Layout::TagPerBucket => repository.to_owned(),
        }
    }

    /// The immutable tag an artifact tagged `tag` gets in a bucket.
    pub fn artifact_tag(self, bucket: &str, tag: &str) -> String {
        match self {
            Layout::RepositoryPerBucket => tag.to_owned(),
            Layout::TagPerBucket => format!("{bucket}-{tag}"),
        }
    }

    /// A bucket's moving tag.
    pub fn current_tag(self, bucket: &str) -> String {
        match self {
            Layout::RepositoryPerBucket => CURRENT_TAG.to_owned(),
            Layout::TagPerBucket => bucket.to_owned(),
        }
    }
}

/// The moving tag of a bucket in the repository-per-bucket layout.
pub const CURRENT_TAG: &str = "current";

/// One image recorded in one bucket [Artifact]. Immutable once written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Artifact {
    pub id: i64,
    pub integration: String,
    pub bucket: String,
    /// Where the image is, pinned: `host/repo@sha256:...`.
    pub image_uri: String,
    pub tag: String,
    pub digest: Digest,
    pub media_type: String,
    pub external_id: Option<String>,
    pub description: Option<String>,
    pub metadata: BTreeMap<String, String>,
    pub promoted_from: Option<i64>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Promotion {
    pub id: i64,
    pub integration: String,
    /// The artifact in the source bucket that was promoted.
    pub artifact_id: i64,
    /// The artifact the promotion created in the target bucket.
    pub target_artifact_id: Option<i64>,
    pub from_bucket: String,
    pub to_bucket: String,
    pub digest: Digest,
    pub actor: String,
    pub reason: Option<String>,
    pub state: PromotionState,
    pub forced: bool,
    /// The release this move was part of: many integrations promoted together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One change of a bucket's current artifact. A bucket's events are one sequence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BucketEvent {
    pub id: i64,
    pub integration: String,
    pub bucket: String,
    pub kind: BucketEventKind,
    pub artifact_id: i64,
    pub tag: String,
    pub digest: Digest,
    pub from_bucket: Option<String>,
    pub actor: String,
    pub reason: Option<String>,
    /// Who approved the move, when it was a promotion request's run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approved_by: Vec<String>,
    pub created_at: DateTime<Utc>,
}

/// An append-only record of a change, with its actor.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditEvent {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub target: String,
    pub details: serde_json::Value,
}
