//! The control plane: where the records live. `ControlPlane` is the surface
//! the use cases in `app/` call; `Embedded` keeps it in a local database. A
//! remote implementation speaking the Facets API slots in beside it.

mod catalog;
pub mod embedded;
pub mod freezes;
mod governing;
mod leases;
mod reads;
pub mod remote;
mod requests;
mod routing_rules;
pub mod store;
pub mod wire;

use async_trait::async_trait;

pub use embedded::Embedded;

use crate::error::Result;
use crate::model::*;
use crate::registry::{Credentials, Secret};

pub struct NewRegistry {
    pub name: String,
    pub kind: RegistryKind,
    pub uri: String,
    pub insecure: bool,
    pub username: Option<String>,
}

pub struct NewWorkflow {
    pub name: String,
    pub registration_type: RegistrationType,
    pub stages: Vec<String>,
    pub gates: Vec<Gate>,
}

pub struct NewIntegration {
    pub name: String,
    pub registration_type: RegistrationType,
    pub registry: String,
    pub repository: String,
    pub layout: Layout,
    pub workflow: Option<String>,
    /// Buckets kept in another registry than `registry`: bucket -> registry.
    pub bucket_registries: std::collections::BTreeMap<String, String>,
}

/// A freeze window to set; also the body a remote control plane is sent.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct NewFreeze {
    /// None: every integration's bucket of that name.
    pub integration: Option<String>,
    pub bucket: String,
    pub window: Window,
    pub reason: String,
}

/// A promotion into a gated stage, to be approved: of a recorded source artifact.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct NewRequest {
    pub integration: String,
    pub source_artifact_id: i64,
    pub to: String,
    pub reason: Option<String>,
    /// How long it waits for approvals before it expires.
    pub expires_in_seconds: u64,
}

pub use requests::{REQUESTS_LISTED, RequestFilter};

/// A routing rule to create.
pub struct NewRoutingRule {
    pub name: String,
    pub registration_type: RegistrationType,
    pub criteria: Vec<Criterion>,
}

/// An artifact about to be recorded at the head of the bucket its lease is
/// for. Where it is (the pinned image URI) follows from the bucket and the
/// digest, so the control plane works it out rather than take it from the
/// caller. It is also the body a remote control plane is sent.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct NewArtifact {
    pub tag: String,
    pub digest: Digest,
    pub media_type: String,
    pub external_id: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub metadata: std::collections::BTreeMap<String, String>,
    pub kind: BucketEventKind,
}

/// A promotion of a recorded artifact into the bucket the lease is for. The
/// control plane reads the source record itself: its bucket, tag and digest
/// are what move, whatever the caller believes them to be (invariant 2).
pub struct NewPromotion {
    pub source_artifact_id: i64,
    pub reason: Option<String>,
    pub forced: bool,
    /// The approved request this promotion runs: the only way into a gated stage.
    pub request: Option<i64>,
    /// The release this move is part of, shared by every integration's move in it.
    pub release: Option<String>,
}

/// A held lease on one bucket; writes into the bucket must present it.
#[derive(Debug, Clone)]
pub struct BucketLock {
    pub integration: String,
    pub bucket: String,
    pub token: String,
    /// How long the lease lasts from its last renewal.
    pub lease: std::time::Duration,
}

/// How long a bucket lease lasts without renewal. Holders renew it well
/// before; a holder that died frees the bucket when it runs out.
pub const DEFAULT_LEASE: std::time::Duration = std::time::Duration::from_secs(30);

/// A bucket's tag in the registry that did not name what the record says,
/// and was (or would be) put back on it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TagRepair {
    pub integration: String,
    pub bucket: String,
    /// The tag, as written in the registry.
    pub tag: String,
    /// `moving` for the bucket's moving tag, `artifact` for an artifact's own.
    pub role: TagRole,
    pub artifact_id: i64,
    /// What the record says it names.
    pub expected: Digest,
    /// What it named in the registry; None when it was missing.
    pub found: Option<Digest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TagRole {
    Moving,
    Artifact,
}

/// How to find one artifact in a bucket without listing the bucket.
#[derive(Debug, Clone, Copy)]
pub enum ArtifactKey<'a> {
    Tag(&'a str),
    /// The newest artifact with this digest.
    Digest(&'a Digest),
}

#[derive(Debug)]
pub enum LockAttempt {
    Acquired(BucketLock),
    Busy { holder: String, since: String },
}

#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub limit: Option<u32>,
    /// Only this action (`artifact.promote`).
    pub action: Option<String>,
    /// Only events about this integration: itself, or a target under it (`payments/production:v1`).
    pub integration: Option<String>,
}

/// What `registry add` did with a secret, so the CLI can say so.
pub enum SecretPlacement {
    None,
    /// The server holds it, where its admin keeps secrets.
    Server,
    Keyring {
        store: &'static str,
    },
    File {
        path: std::path::PathBuf,
        first_time: bool,
    },
}

impl From<crate::secrets::StoredIn> for SecretPlacement {
    fn from(stored: crate::secrets::StoredIn) -> Self {
        match stored {
            crate::secrets::StoredIn::File { path, first_time } => SecretPlacement::File { path, first_time },
            crate::secrets::StoredIn::Keyring { store } => SecretPlacement::Keyring { store },
        }
    }
}

#[async_trait]
pub trait ControlPlane: Send + Sync {
    /// Who the changes are recorded as.
    fn actor(&self) -> &str;
    /// Where the records are, for people: a folder or a URL.
    fn location(&self) -> String;
    /// Lets go of what the control plane holds open, before the process exits.
    async fn close(&self) {}

    async fn create_release_stream(&self, name: &str, description: &str, prod: bool) -> Result<ReleaseStream>;
    async fn release_streams(&self) -> Result<Vec<ReleaseStream>>;
    async fn create_environment(&self, name: &str, release_stream: &str) -> Result<Environment>;
    async fn environments(&self) -> Result<Vec<Environment>>;

    async fn add_registry(&self, new: NewRegistry, secret: Option<Secret>) -> Result<(Registry, SecretPlacement)>;
    async fn registries(&self) -> Result<Vec<Registry>>;
    async fn registry(&self, name: &str) -> Result<Registry>;
    async fn remove_registry(&self, name: &str) -> Result<()>;
    /// Stores a registry's secret anew (after an import, or to rotate it), with its username if it changes.
    async fn set_registry_secret(
        &self,
        name: &str,
        username: Option<String>,
        secret: Secret,
    ) -> Result<(Registry, SecretPlacement)>;
    /// The credentials the control plane holds for a registry, for writing
    /// into `bucket` (integration, bucket). A server hands them only to a
    /// caller who may write that bucket, and audits each hand-out; asked for
    /// no bucket, it hands out nothing.
    async fn registry_credentials(&self, name: &str, bucket: Option<(&str, &str)>) -> Result<Option<Credentials>>;

    async fn create_workflow(&self, new: NewWorkflow) -> Result<Workflow>;
    async fn workflows(&self) -> Result<Vec<Workflow>>;
    async fn workflow(&self, name: &str) -> Result<Workflow>;
    async fn delete_workflow(&self, name: &str) -> Result<()>;
    /// Gives a workflow new stages, and new gates if given; promotions from then on follow them.
    async fn set_workflow_stages(&self, name: &str, stages: Vec<String>, gates: Option<Vec<Gate>>) -> Result<Workflow>;

    async fn create_integration(&self, new: NewIntegration) -> Result<Integration>;
    async fn integrations(&self) -> Result<Vec<Integration>>;
    async fn integration(&self, name: &str) -> Result<Integration>;
    async fn delete_integration(&self, name: &str) -> Result<()>;
    /// Attaches a workflow to an integration, or detaches it with None.
    async fn set_integration_workflow(&self, name: &str, workflow: Option<&str>) -> Result<Integration>;
    /// Gives an integration the routing rule that chooses a bucket when a caller names none.
    async fn set_integration_rule(&self, name: &str, rule: Option<&str>) -> Result<Integration>;
    /// Keeps buckets of an integration in other registries, or (None) back in the integration's
    /// own: all of the changes or none. Refused for a bucket that holds artifacts or is being written.
    async fn set_bucket_registries(&self, name: &str, changes: &[(String, Option<String>)]) -> Result<Integration>;

    async fn create_rule(&self, new: NewRoutingRule) -> Result<RoutingRule>;
    async fn rules(&self) -> Result<Vec<RoutingRule>>;
    async fn rule(&self, name: &str) -> Result<RoutingRule>;
    /// Replaces a rule's criteria.
    async fn set_rule_criteria(&self, name: &str, criteria: Vec<Criterion>) -> Result<RoutingRule>;
    async fn delete_rule(&self, name: &str) -> Result<()>;

    /// Sets a freeze window: moves into the bucket are refused while it holds.
    async fn create_freeze(&self, new: NewFreeze) -> Result<Freeze>;
    /// The freezes in force (set, not ended, not over), whether or not their window holds now.
    async fn freezes(&self) -> Result<Vec<Freeze>>;
    async fn end_freeze(&self, id: i64) -> Result<Freeze>;
    /// Whether this caller may force a move of this kind, asked before any registry work;
    /// the record asks again, with the reason.
    async fn check_force(&self, what: Forcing) -> Result<()>;

    /// Asks for a promotion into a gated stage; it moves when enough others approve.
    async fn request_promotion(&self, new: NewRequest) -> Result<PromotionRequest>;
    async fn promotion_requests(&self, filter: RequestFilter) -> Result<Vec<PromotionRequest>>;
    async fn promotion_request(&self, id: i64) -> Result<PromotionRequest>;
    /// Approves, as someone other than the requester. On a server, the last approval also runs
    /// the move there; the answer says how it went.
    async fn approve_request(&self, id: i64, reason: Option<String>) -> Result<PromotionRequest>;
    async fn reject_request(&self, id: i64, reason: String) -> Result<PromotionRequest>;
    /// Cancels, as the requester or an admin.
    async fn cancel_request(&self, id: i64) -> Result<PromotionRequest>;
    /// Takes an approved request to run here: None when there is none to run here (it is
    /// someone else's to run, or a server runs its own).
    async fn claim_request(&self, id: i64) -> Result<Option<PromotionRequest>>;
    /// A run that did not move; another approval tries again.
    async fn fail_request(&self, id: i64, why: &str) -> Result<()>;

    /// Whether this caller may write into the bucket: it is one of the
    /// integration's, (on a server) the caller's role allows it, and `tag`,
    /// if given, may name an artifact there. A use case asks before any
    /// registry work; every record checks again.
    async fn check_write(&self, integration: &str, bucket: &str, tag: Option<&str>) -> Result<()>;
    async fn lock_bucket(&self, integration: &str, bucket: &str, holder: &str) -> Result<LockAttempt>;
    async fn renew_lock(&self, lock: &BucketLock) -> Result<()>;
    async fn unlock_bucket(&self, lock: &BucketLock) -> Result<()>;

    /// The three `record_*` calls end a write: they release the bucket's lease in the same
    /// transaction that records it.
    ///
    /// Records a pushed or registered artifact as the bucket's head. An
    /// artifact with the same tag and digest is reused; a different digest
    /// under a taken tag is refused.
    async fn record_artifact(&self, lock: &BucketLock, new: NewArtifact) -> Result<Artifact>;
    /// Records a done promotion: the promotion, the artifact in the target
    /// bucket, the bucket's new head and the audit event, all at once.
    async fn record_promotion(&self, lock: &BucketLock, new: NewPromotion) -> Result<(Promotion, Artifact)>;
    /// Points the bucket's head back at one of its artifacts.
    /// `forced` goes through a freeze, by someone allowed to, with a reason.
    async fn record_rollback(
        &self,
        lock: &BucketLock,
        artifact_id: i64,
        reason: Option<String>,
        forced: bool,
    ) -> Result<BucketEvent>;

    /// Records that a tag of the lease's bucket was put back on what the
    /// record says (an audit event), releasing the lease with it.
    async fn record_repair(&self, lock: &BucketLock, repair: TagRepair) -> Result<()>;

    async fn current_artifact(&self, integration: &str, bucket: &str) -> Result<Option<Artifact>>;
    async fn artifact(&self, id: i64) -> Result<Artifact>;
    async fn artifacts(&self, integration: &str, bucket: Option<&str>) -> Result<Vec<Artifact>>;
    /// One artifact of a bucket by tag or digest: what a move checks, at the
    /// cost of one row however full the bucket is.
    async fn find_artifact(&self, integration: &str, bucket: &str, key: ArtifactKey<'_>) -> Result<Option<Artifact>>;
    /// Changes of buckets' heads, newest first.
    async fn bucket_events(&self, integration: &str, bucket: Option<&str>, limit: u32) -> Result<Vec<BucketEvent>>;
    async fn promotions(&self, integration: &str, limit: u32) -> Result<Vec<Promotion>>;
    async fn audit_events(&self, filter: AuditFilter) -> Result<Vec<AuditEvent>>;

    /// Writes an export's records into this control plane, all or nothing; admins only.
    async fn import_records(&self, records: Records) -> Result<store::import::Imported>;
}

/// An export's lines, read as they come (a file, stdin, a request's body).
pub type Records = Box<dyn tokio::io::AsyncBufRead + Send + Unpin>;
