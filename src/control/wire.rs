//! The HTTP API's shapes: every request and response body the server
//! answers and `Remote` sends, the lease header, and the one mapping between
//! error kinds and HTTP statuses. Both sides use these types, so neither
//! writes a body by hand and the two cannot drift apart. Facets' shapes keep
//! Facets' field names (`ciName`, `registrationType`, `hierarchies`...);
//! what Facets lacks is added in the same style.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::model::*;

/// The header that carries a bucket lease's token on writes into the bucket.
pub const LOCK_HEADER: &str = "x-facetctl-lock";

// ---- errors

/// Facets' error body; every error the server answers has this shape. The
/// hint, which Facets lacks, says what to do next as data: facetctl words it
/// at the terminal, and other clients may ignore it.
#[derive(Serialize, Deserialize)]
pub struct ErrorDetails {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<crate::error::Hint>,
}

/// The HTTP status and Facets error code for an error.
pub fn status_of(e: &Error) -> (u16, &'static str) {
    match e.kind() {
        ErrorKind::Usage => (400, "BAD_REQUEST"),
        ErrorKind::Forbidden => (403, "FORBIDDEN"),
        ErrorKind::NotFound => (404, "NOT_FOUND"),
        ErrorKind::Refused => (409, "CONFLICT"),
        ErrorKind::Failed => (500, "INTERNAL_ERROR"),
    }
}

/// The error a status and message stand for: the inverse of `status_of`, so
/// a command exits the same whether its control plane is local or remote.
/// 401 is the caller's to word, since only it knows whose credentials failed.
pub fn error_of(status: u16, message: String) -> Error {
    match status {
        400 | 413 | 415 | 422 => Error::Invalid(message),
        403 => Error::Forbidden(message),
        404 => Error::NotFound(message),
        409 => Error::Refused(message),
        _ => Error::Failed(message),
    }
}

// ---- identity

#[derive(Serialize, Deserialize)]
pub struct Me {
    pub username: String,
    pub role: Role,
}

// ---- CI integrations [ArtifactCI]

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactCi {
    pub id: String,
    pub ci_name: String,
    pub registration_type: RegistrationType,
    pub promotion_workflow_id: Option<String>,
    pub created_by: String,
    pub creation_date: String,
    pub last_modified_by: String,
    pub last_modified_date: String,
    /// The registry, by name (Facets' "artifactory").
    pub artifactory: String,
    pub repository: String,
    pub layout: Layout,
    pub promotion_workflow_name: Option<String>,
    /// The artifact routing rule, by id as Facets names it, and by name.
    pub rule_id: Option<String>,
    pub rule_name: Option<String>,
    /// Buckets kept in another registry than `artifactory`: bucket -> registry name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub bucket_artifactories: std::collections::BTreeMap<String, String>,
}

/// Creating or updating a CI integration; unknown fields are ignored.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactCiRequest {
    pub ci_name: String,
    pub registration_type: RegistrationType,
    pub promotion_workflow_id: Option<String>,
    pub artifactory: Option<String>,
    pub repository: Option<String>,
    pub layout: Option<Layout>,
    pub rule_id: Option<String>,
    /// Buckets kept in another registry, all of them (bucket -> registry name); left out,
    /// as Facets' own clients do, they stay as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket_artifactories: Option<std::collections::BTreeMap<String, String>>,
}

// ---- artifact routing rules [ArtifactRoutingRuleRequest, ArtifactRoutingRuleResponse, Criterion]

/// Facets' `Criterion`. `priority` may be left out: the order given.
#[derive(Serialize, Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct FacetsCriterion {
    pub metadata_key: String,
    pub operator: Operator,
    pub value: String,
    pub route_to: String,
    pub priority: Option<i32>,
}

impl FacetsCriterion {
    pub fn of(c: &Criterion) -> FacetsCriterion {
        FacetsCriterion {
            metadata_key: c.metadata_key.clone(),
            operator: c.operator,
            value: c.value.clone(),
            route_to: c.route_to.clone(),
            priority: Some(c.priority),
        }
    }

    /// The criteria as a rule keeps them: without a priority, each comes after those before it.
    pub fn criteria(given: Vec<FacetsCriterion>) -> Vec<Criterion> {
        given
            .into_iter()
            .enumerate()
            .map(|(i, c)| Criterion {
                metadata_key: c.metadata_key,
                operator: c.operator,
                value: c.value,
                route_to: c.route_to,
                priority: c.priority.unwrap_or(i32::try_from(i).unwrap_or(i32::MAX)),
            })
            .collect()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoutingRuleRequest {
    pub id: Option<String>,
    pub rule_name: String,
    pub registration_type: RegistrationType,
    pub criteria: Vec<FacetsCriterion>,
    #[serde(default)]
    pub stack_name: String,
    pub is_default: Option<bool>,
    pub ci_system: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoutingRuleResponse {
    pub id: String,
    pub rule_name: String,
    pub registration_type: RegistrationType,
    pub criteria: Vec<FacetsCriterion>,
    pub stack_name: String,
    pub default: bool,
    pub created_by: String,
    pub creation_date: String,
}

impl RoutingRuleResponse {
    pub fn of(r: RoutingRule) -> RoutingRuleResponse {
        RoutingRuleResponse {
            id: r.id.to_string(),
            rule_name: r.name,
            registration_type: r.registration_type,
            criteria: r.criteria.iter().map(FacetsCriterion::of).collect(),
            stack_name: DEFAULT_STACK.into(),
            default: false,
            created_by: r.created_by,
            creation_date: r.created_at.to_rfc3339(),
        }
    }
}

/// facetctl has no stacks (Facets' blueprints); every rule is in this one.
pub const DEFAULT_STACK: &str = "default";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestRuleResponse {
    pub route_to: String,
}

/// One artifact of a CI integration [CiArtifactResponse], with its digest.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CiArtifact {
    pub artifact_id: String,
    pub artifact_name: String,
    pub artifact_uri: String,
    pub artifactory: String,
    pub tag: String,
    pub digest: Digest,
    pub registration_type: RegistrationType,
    pub registration_value: String,
    pub external_id: Option<String>,
    pub build_description: Option<String>,
    pub metadata: BTreeMap<String, String>,
    pub promoted: bool,
    pub promoted_from: Option<String>,
    pub created_by: String,
    pub created_on: String,
}

impl CiArtifact {
    pub fn of(a: Artifact, registry: &str, registration_type: RegistrationType) -> CiArtifact {
        CiArtifact {
            artifact_id: a.id.to_string(),
            artifact_name: a.integration,
            artifact_uri: a.image_uri,
            artifactory: registry.to_owned(),
            tag: a.tag,
            digest: a.digest,
            registration_type,
            registration_value: a.bucket,
            external_id: a.external_id,
            build_description: a.description,
            metadata: a.metadata,
            promoted: a.promoted_from.is_some(),
            promoted_from: a.promoted_from.map(|i| i.to_string()),
            created_by: a.created_by,
            created_on: a.created_at.to_rfc3339(),
        }
    }
}

// ---- promotion workflows [PromotionWorkflow]

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hierarchy {
    pub sequence: i32,
    pub registration_value: String,
}

impl Hierarchy {
    /// Stages in order, as Facets' numbered hierarchies.
    pub fn of(stages: &[String]) -> Vec<Hierarchy> {
        stages
            .iter()
            .enumerate()
            .map(|(i, s)| Hierarchy { sequence: i as i32 + 1, registration_value: s.clone() })
            .collect()
    }

    /// Hierarchies back into stages, by sequence.
    pub fn stages(mut hierarchies: Vec<Hierarchy>) -> Vec<String> {
        hierarchies.sort_by_key(|h| h.sequence);
        hierarchies.into_iter().map(|h| h.registration_value).collect()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PromotionWorkflow {
    pub id: String,
    pub workflow_name: String,
    pub registration_type: RegistrationType,
    pub hierarchies: Vec<Hierarchy>,
    pub default_workflow: bool,
    pub created_by: String,
    pub creation_date: String,
    /// facetctl's gates: stages whose promotions wait for approvals.
    #[serde(default)]
    pub gates: Vec<Gate>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PromotionWorkflowRequest {
    pub workflow_name: String,
    pub registration_type: RegistrationType,
    #[serde(default)]
    pub hierarchies: Vec<Hierarchy>,
    /// facetctl's gates; Facets' clients leave them out, which keeps a workflow's gates on update.
    pub gates: Option<Vec<Gate>>,
}

// ---- release streams and environments

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseStreamDto {
    pub name: String,
    pub description: String,
    pub prod: bool,
    pub created_by: String,
    pub creation_date: String,
}

#[derive(Serialize, Deserialize)]
pub struct ReleaseStreamRequest {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub prod: bool,
}

#[derive(Serialize, Deserialize)]
pub struct NewEnvironment {
    pub name: String,
    pub release_stream: String,
}

// ---- registries [artifactories]; secrets are write-only

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Artifactory {
    pub id: String,
    pub name: String,
    pub artifactory_type: String,
    pub uri: String,
    pub username: Option<String>,
    pub insecure: bool,
    pub created_by: String,
    pub creation_date: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactoryRequest {
    pub name: String,
    pub artifactory_type: String,
    pub uri: String,
    pub username: Option<String>,
    /// Write-only: never in an answer.
    pub password: Option<String>,
    #[serde(default)]
    pub insecure: bool,
}

/// Facets' `artifactoryType` for a registry kind.
pub fn facets_type(kind: RegistryKind) -> &'static str {
    match kind {
        RegistryKind::Ecr => "ECR",
        RegistryKind::Acr => "AZURE_CONTAINER_REGISTRY",
        RegistryKind::Gar => "GOOGLE_ARTIFACT_REGISTRY",
        RegistryKind::Gcr => "GOOGLE_CONTAINER_REGISTRY",
        RegistryKind::Nexus => "NEXUS",
        RegistryKind::Dockerhub => "DOCKER_HUB",
        RegistryKind::Jfrog => "JFROG",
        RegistryKind::Harbor => "HARBOR",
        RegistryKind::Generic => "OTHERS",
    }
}

/// The registry kind of a Facets `artifactoryType`, or of our own word for it.
pub fn kind_of_facets_type(t: &str) -> Result<RegistryKind, InvalidInput> {
    match RegistryKind::ALL.iter().copied().find(|k| facets_type(*k).eq_ignore_ascii_case(t)) {
        Some(kind) => Ok(kind),
        None => t.parse(),
    }
}

/// Credentials for pushing into one bucket's registry, as Facets hands them
/// out: `base64(user:password)` and the registry's endpoint.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationData {
    pub authorization_token: String,
    pub proxy_endpoint: String,
}

// ---- audit log

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditLog {
    pub id: String,
    pub entity: String,
    pub entity_label: String,
    pub entity_action: String,
    /// Our own word for what happened (`artifact.promote`), where Facets has no enum value for it.
    pub entity_action_label: String,
    pub performed_at: String,
    pub performed_by: String,
    pub target: String,
    pub metadata: serde_json::Value,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    pub content: Vec<AuditLog>,
    pub number: u32,
    pub size: u32,
    pub number_of_elements: usize,
    pub first: bool,
    pub last: bool,
    pub empty: bool,
}

// ---- Facets' artifact moves

/// Facets' `Artifact`, with the digest Facets lacks.
#[derive(Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct FacetsArtifact {
    pub id: Option<String>,
    pub application_name: Option<String>,
    pub artifact_uri: Option<String>,
    pub artifactory: Option<String>,
    pub registration_type: Option<RegistrationType>,
    pub registration_value: Option<String>,
    pub tag: Option<String>,
    pub build_id: Option<String>,
    pub build_description: Option<String>,
    pub metadata: Option<BTreeMap<String, String>>,
    pub promoted: Option<bool>,
    pub created_by: Option<String>,
    pub created_on: Option<String>,
    pub creation_date: Option<String>,
    pub digest: Option<Digest>,
}

impl FacetsArtifact {
    pub fn of(a: Artifact, registry: &str, registration_type: RegistrationType) -> FacetsArtifact {
        let at = a.created_at.to_rfc3339();
        FacetsArtifact {
            id: Some(a.id.to_string()),
            application_name: Some(a.integration),
            artifact_uri: Some(a.image_uri),
            artifactory: Some(registry.to_owned()),
            registration_type: Some(registration_type),
            registration_value: Some(a.bucket),
            tag: Some(a.tag),
            build_id: a.external_id,
            build_description: a.description,
            metadata: Some(a.metadata),
            promoted: Some(a.promoted_from.is_some()),
            created_by: Some(a.created_by),
            created_on: Some(at.clone()),
            creation_date: Some(at),
            digest: Some(a.digest),
        }
    }
}

/// Facets' register and push bodies; the bucket may be named several ways.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterRequest {
    pub application_name: String,
    pub artifact_uri: String,
    pub registration_value: Option<String>,
    pub release_stream: Option<String>,
    /// `registerV2` names an environment by id (or name) so.
    pub cluster_id: Option<String>,
    /// `register-by-env` names the environment so.
    pub cluster_name: Option<String>,
    pub tag: Option<String>,
    pub external_id: Option<String>,
    pub build_id: Option<String>,
    pub description: Option<String>,
    pub build_description: Option<String>,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
}

// ---- facetctl's records: leases, pushes, promotions, rollbacks

/// The answer to a lease request.
#[derive(Serialize, Deserialize)]
pub struct LockAnswer {
    pub acquired: bool,
    pub token: Option<String>,
    /// How long the lease lasts from each renewal, in milliseconds.
    #[serde(default)]
    pub lease_ms: Option<u64>,
    pub holder: Option<String>,
    pub since: Option<String>,
}

/// A promotion into the bucket. Only the source artifact is named: its
/// bucket, tag and digest are what the server reads in its own record.
#[derive(Serialize, Deserialize)]
pub struct RecordPromotion {
    pub source_artifact_id: i64,
    pub reason: Option<String>,
    /// Skip a stage or go through a freeze, as the control plane allows the caller.
    #[serde(default)]
    pub forced: bool,
    /// The approved promotion request this runs.
    #[serde(default)]
    pub request: Option<i64>,
    /// The release this move is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
}

/// An approval's or a rejection's words.
#[derive(Serialize, Deserialize, Default)]
pub struct Decision {
    pub reason: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct PromotionRecorded {
    pub promotion: Promotion,
    pub artifact: Artifact,
}

#[derive(Serialize, Deserialize)]
pub struct RecordRollback {
    pub artifact_id: i64,
    pub reason: Option<String>,
    /// Go through a freeze, as the control plane allows the caller.
    #[serde(default)]
    pub forced: bool,
}

/// Push credentials for one bucket: only for a caller who may write it.
#[derive(Serialize, Deserialize)]
pub struct PushCredentials {
    pub username: Option<String>,
    pub password: Option<String>,
}
