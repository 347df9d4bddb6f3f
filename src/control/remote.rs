//! The control plane on a server, over HTTP: `facetctl server` or a Facets
//! control plane, with HTTP Basic (username and personal access token). The
//! server records the authenticated user as the actor; nothing the client
//! sends can change that. Server errors come back as the same kinds, so a
//! command exits the same whether its control plane is local or remote.

use async_trait::async_trait;
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::wire::*;
use super::*;
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::registry::Secret;

/// Where a server takes an export's records (facetctl's own route; Facets has none).
pub const IMPORT_PATH: &str = "/api/records/import";
/// How long an import may take: as long as a server lets it (its limit for long requests).
const IMPORT_LIMIT: std::time::Duration = std::time::Duration::from_secs(30 * 60);

pub struct Remote {
    http: reqwest::Client,
    base: String,
    username: String,
    token: Secret,
}

fn time(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| Error::Failed(format!("the control plane sent a bad time {s:?}: {e}")))
}

/// A typed body, for `send`.
fn body<T: Serialize>(shape: T) -> Option<Value> {
    Some(serde_json::to_value(shape).expect("wire shapes serialise"))
}

fn id(s: &str) -> i64 {
    s.parse().unwrap_or(0)
}

impl Remote {
    /// Connects and checks the credentials with `GET /api/me`.
    pub async fn connect(http: reqwest::Client, base: &str, username: &str, token: Secret) -> Result<Remote> {
        let remote = Remote { http, base: base.trim_end_matches('/').to_owned(), username: username.to_owned(), token };
        let me: Me = remote.send(Method::GET, "/api/me", None, None).await?;
        if me.username != username {
            return Err(Error::Failed(format!(
                "the control plane says these credentials are {}'s, not {username}'s",
                me.username
            )));
        }
        Ok(remote)
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        lock: Option<&str>,
    ) -> Result<T> {
        let url = format!("{}{path}", self.base);
        let mut request = self.http.request(method, &url).basic_auth(&self.username, Some(self.token.expose()));
        if let Some(token) = lock {
            request = request.header(LOCK_HEADER, token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.exchange(request, path).await
    }

    /// Sends a request and reads its answer: the success's body as `T`, or the error it describes.
    async fn exchange<T: DeserializeOwned>(&self, request: reqwest::RequestBuilder, path: &str) -> Result<T> {
        let resp = request.send().await.map_err(|e| {
            if let Some(tls) = crate::registry::tls::cause(&e) {
                let reason = crate::registry::tls::describe(tls, "give its URL as http://, not https://");
                return Error::Failed(format!(
                    "cannot open a TLS connection to the control plane at {}: {reason}",
                    self.base
                ));
            }
            let cause = crate::registry::root_cause(&e);
            Error::Failed(format!("cannot reach the control plane at {}: {cause}", self.base))
        })?;
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        if status.is_success() {
            let text = if text.is_empty() { "null" } else { &text };
            return serde_json::from_str(text).map_err(|e| {
                Error::Failed(format!("the control plane at {} answered {path} in an unknown shape: {e}", self.base))
            });
        }
        let (message, hint) = match serde_json::from_str::<ErrorDetails>(&text) {
            Ok(details) => (details.message, details.hint),
            Err(_) => (text.chars().take(200).collect(), None),
        };
        Err(match status.as_u16() {
            401 => Error::Refused(format!(
                "the control plane at {} refused the credentials of {}",
                self.base, self.username
            ))
            .hint(Hint::LoginAgain),
            400..=499 => match hint {
                Some(hint) => error_of(status.as_u16(), message).hint(hint),
                None => error_of(status.as_u16(), message),
            },
            _ => Error::Failed(format!("the control plane at {} answered {status}: {message}", self.base)),
        })
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(Method::GET, path, None, None).await
    }

    async fn ci_id(&self, name: &str) -> Result<String> {
        Ok(self.get::<ArtifactCi>(&format!("/cc-ui/v1/artifacts-ci/name/{name}")).await?.id)
    }

    /// `PUT artifacts-ci/{id}` replaces an integration's workflow and rule together.
    async fn put_links(&self, current: Integration, workflow: Option<&str>, rule: Option<&str>) -> Result<Integration> {
        self.put_ci(current, workflow, rule, None).await
    }

    async fn put_ci(
        &self,
        current: Integration,
        workflow: Option<&str>,
        rule: Option<&str>,
        bucket_artifactories: Option<std::collections::BTreeMap<String, String>>,
    ) -> Result<Integration> {
        let promotion_workflow_id = match workflow {
            Some(w) => Some(self.workflow(w).await?.id.to_string()),
            None => None,
        };
        let rule_id = match rule {
            Some(r) => Some(self.rule(r).await?.id.to_string()),
            None => None,
        };
        let request = ArtifactCiRequest {
            ci_name: current.name,
            registration_type: current.registration_type,
            promotion_workflow_id,
            artifactory: Some(current.registry),
            repository: Some(current.repository),
            layout: Some(current.layout),
            rule_id,
            bucket_artifactories,
        };
        let path = format!("/cc-ui/v1/artifacts-ci/{}", current.id);
        integration_from(self.send(Method::PUT, &path, body(request), None).await?)
    }

    fn bucket_path(integration: &str, bucket: &str, what: &str) -> String {
        format!("/cc-ui/v1/artifacts-ci/{integration}/buckets/{bucket}/{what}")
    }
}

fn integration_from(c: ArtifactCi) -> Result<Integration> {
    Ok(Integration {
        id: id(&c.id),
        name: c.ci_name,
        registration_type: c.registration_type,
        registry: c.artifactory,
        repository: c.repository,
        layout: c.layout,
        workflow: c.promotion_workflow_name,
        rule: c.rule_name,
        bucket_registries: c.bucket_artifactories,
        created_by: c.created_by,
        created_at: time(&c.creation_date)?,
    })
}

const RULES: &str = "/cc-ui/v1/artifact-routing-rule";
const FREEZES: &str = "/cc-ui/v1/freezes";
const REQUESTS: &str = "/cc-ui/v1/promotion-requests";

fn rule_from(r: RoutingRuleResponse) -> Result<RoutingRule> {
    Ok(RoutingRule {
        id: id(&r.id),
        name: r.rule_name,
        registration_type: r.registration_type,
        criteria: FacetsCriterion::criteria(r.criteria),
        created_by: r.created_by,
        created_at: time(&r.creation_date)?,
    })
}

fn workflow_from(w: PromotionWorkflow) -> Result<Workflow> {
    Ok(Workflow {
        id: id(&w.id),
        name: w.workflow_name,
        registration_type: w.registration_type,
        stages: Hierarchy::stages(w.hierarchies),
        gates: w.gates,
        created_by: w.created_by,
        created_at: time(&w.creation_date)?,
    })
}

fn stream_from(r: ReleaseStreamDto) -> Result<ReleaseStream> {
    Ok(ReleaseStream {
        id: 0,
        name: r.name,
        description: r.description,
        prod: r.prod,
        created_by: r.created_by,
        created_at: time(&r.creation_date)?,
    })
}

fn registry_from(a: Artifactory) -> Result<Registry> {
    let kind = RegistryKind::ALL
        .iter()
        .copied()
        .find(|k| facets_type(*k) == a.artifactory_type)
        .unwrap_or(RegistryKind::Generic);
    Ok(Registry {
        id: id(&a.id),
        name: a.name,
        kind,
        uri: a.uri,
        insecure: a.insecure,
        username: a.username,
        created_by: a.created_by,
        created_at: time(&a.creation_date)?,
    })
}

#[async_trait]
impl ControlPlane for Remote {
    fn actor(&self) -> &str {
        &self.username
    }

    fn location(&self) -> String {
        self.base.clone()
    }

    async fn create_release_stream(&self, name: &str, description: &str, prod: bool) -> Result<ReleaseStream> {
        let request = ReleaseStreamRequest { name: name.into(), description: description.into(), prod };
        stream_from(self.send(Method::POST, "/cc-ui/v1/release-stream", body(request), None).await?)
    }

    async fn release_streams(&self) -> Result<Vec<ReleaseStream>> {
        self.get::<Vec<ReleaseStreamDto>>("/cc-ui/v1/release-stream").await?.into_iter().map(stream_from).collect()
    }

    async fn create_environment(&self, name: &str, release_stream: &str) -> Result<Environment> {
        let request = NewEnvironment { name: name.into(), release_stream: release_stream.into() };
        self.send(Method::POST, "/cc-ui/v1/environments", body(request), None).await
    }

    async fn environments(&self) -> Result<Vec<Environment>> {
        self.get("/cc-ui/v1/environments").await
    }

    async fn add_registry(&self, new: NewRegistry, secret: Option<Secret>) -> Result<(Registry, SecretPlacement)> {
        let request = ArtifactoryRequest {
            name: new.name,
            artifactory_type: facets_type(new.kind).into(),
            uri: new.uri,
            username: new.username,
            password: secret.as_ref().map(|s| s.expose().to_owned()),
            insecure: new.insecure,
        };
        let created: Artifactory = self.send(Method::POST, "/cc-ui/v1/artifactories", body(request), None).await?;
        Ok((registry_from(created)?, SecretPlacement::Server))
    }

    async fn registries(&self) -> Result<Vec<Registry>> {
        self.get::<Vec<Artifactory>>("/cc-ui/v1/artifactories").await?.into_iter().map(registry_from).collect()
    }

    async fn registry(&self, name: &str) -> Result<Registry> {
        registry_from(self.get(&format!("/cc-ui/v1/artifactories/name/{name}")).await?)
    }

    async fn set_registry_secret(
        &self,
        name: &str,
        username: Option<String>,
        secret: Secret,
    ) -> Result<(Registry, SecretPlacement)> {
        let current = self.registry(name).await?;
        let request = ArtifactoryRequest {
            name: current.name,
            artifactory_type: facets_type(current.kind).into(),
            uri: current.uri,
            username: username.or(current.username),
            password: Some(secret.expose().to_owned()),
            insecure: current.insecure,
        };
        let path = format!("/cc-ui/v1/artifactories/{}", current.id);
        let updated: Artifactory = self.send(Method::POST, &path, body(request), None).await?;
        Ok((registry_from(updated)?, SecretPlacement::Server))
    }

    async fn remove_registry(&self, name: &str) -> Result<()> {
        self.send(Method::DELETE, &format!("/cc-ui/v1/artifactories/name/{name}"), None, None).await
    }

    async fn registry_credentials(&self, name: &str, bucket: Option<(&str, &str)>) -> Result<Option<Credentials>> {
        let Some((integration, bucket)) = bucket else {
            return Ok(None);
        };
        let path = format!(
            "/cc-ui/v1/artifactories/name/{name}/push-credentials?ciName={}&registrationValue={}",
            urlencode(integration),
            urlencode(bucket)
        );
        // A caller the server does not trust with them goes on down its own credential chain.
        let c: PushCredentials = match self.get(&path).await {
            Err(Error::Forbidden(_)) => return Ok(None),
            answer => answer?,
        };
        Ok(match (c.username, c.password) {
            (Some(username), Some(password)) => Some(Credentials { username, secret: Secret::new(password) }),
            _ => None,
        })
    }

    async fn create_workflow(&self, new: NewWorkflow) -> Result<Workflow> {
        let request = PromotionWorkflowRequest {
            hierarchies: Hierarchy::of(&new.stages),
            workflow_name: new.name,
            registration_type: new.registration_type,
            gates: Some(new.gates),
        };
        workflow_from(self.send(Method::POST, "/cc-ui/v1/workflow", body(request), None).await?)
    }

    async fn workflows(&self) -> Result<Vec<Workflow>> {
        self.get::<Vec<PromotionWorkflow>>("/cc-ui/v1/workflow").await?.into_iter().map(workflow_from).collect()
    }

    async fn workflow(&self, name: &str) -> Result<Workflow> {
        self.workflows().await?.into_iter().find(|w| w.name == name).ok_or_else(|| {
            Error::NotFound(format!("unknown workflow {name:?}")).hint(Hint::List {
                what: "workflow".into(),
                integration: None,
                bucket: None,
            })
        })
    }

    async fn delete_workflow(&self, name: &str) -> Result<()> {
        let w = self.workflow(name).await?;
        self.send(Method::DELETE, &format!("/cc-ui/v1/workflow/{}", w.id), None, None).await
    }

    async fn set_workflow_stages(&self, name: &str, stages: Vec<String>, gates: Option<Vec<Gate>>) -> Result<Workflow> {
        let w = self.workflow(name).await?;
        let request = PromotionWorkflowRequest {
            workflow_name: name.into(),
            registration_type: w.registration_type,
            hierarchies: Hierarchy::of(&stages),
            gates,
        };
        workflow_from(self.send(Method::PUT, &format!("/cc-ui/v1/workflow/{}", w.id), body(request), None).await?)
    }

    async fn set_integration_workflow(&self, name: &str, workflow: Option<&str>) -> Result<Integration> {
        let current = self.integration(name).await?;
        let rule = current.rule.clone();
        self.put_links(current, workflow, rule.as_deref()).await
    }

    async fn set_integration_rule(&self, name: &str, rule: Option<&str>) -> Result<Integration> {
        let current = self.integration(name).await?;
        let workflow = current.workflow.clone();
        self.put_links(current, workflow.as_deref(), rule).await
    }

    async fn set_bucket_registries(&self, name: &str, changes: &[(String, Option<String>)]) -> Result<Integration> {
        let current = self.integration(name).await?;
        let mut all = current.bucket_registries.clone();
        for (bucket, registry) in changes {
            all.retain(|b, _| !b.eq_ignore_ascii_case(bucket));
            if let Some(registry) = registry {
                all.insert(bucket.to_owned(), registry.to_owned());
            }
        }
        let (workflow, rule) = (current.workflow.clone(), current.rule.clone());
        self.put_ci(current, workflow.as_deref(), rule.as_deref(), Some(all)).await
    }

    async fn create_rule(&self, new: NewRoutingRule) -> Result<RoutingRule> {
        let request = RoutingRuleRequest {
            id: None,
            rule_name: new.name,
            registration_type: new.registration_type,
            criteria: new.criteria.iter().map(FacetsCriterion::of).collect(),
            stack_name: DEFAULT_STACK.into(),
            is_default: None,
            ci_system: None,
        };
        rule_from(self.send(Method::POST, RULES, body(request), None).await?)
    }

    async fn rules(&self) -> Result<Vec<RoutingRule>> {
        let all: Vec<RoutingRuleResponse> = self.get(&format!("{RULES}?stackName={DEFAULT_STACK}")).await?;
        all.into_iter().map(rule_from).collect()
    }

    async fn rule(&self, name: &str) -> Result<RoutingRule> {
        // Facets finds rules by id only; a name is found in the list.
        self.rules().await?.into_iter().find(|r| r.name.eq_ignore_ascii_case(name)).ok_or_else(|| {
            Error::NotFound(format!("unknown rule {name:?}")).hint(Hint::List {
                what: "rule".into(),
                integration: None,
                bucket: None,
            })
        })
    }

    async fn set_rule_criteria(&self, name: &str, criteria: Vec<Criterion>) -> Result<RoutingRule> {
        let current = self.rule(name).await?;
        let request = RoutingRuleRequest {
            id: Some(current.id.to_string()),
            rule_name: current.name,
            registration_type: current.registration_type,
            criteria: criteria.iter().map(FacetsCriterion::of).collect(),
            stack_name: DEFAULT_STACK.into(),
            is_default: None,
            ci_system: None,
        };
        rule_from(self.send(Method::PUT, RULES, body(request), None).await?)
    }

    async fn delete_rule(&self, name: &str) -> Result<()> {
        let current = self.rule(name).await?;
        self.send(Method::DELETE, &format!("{RULES}/{}", current.id), None, None).await
    }

    async fn create_integration(&self, new: NewIntegration) -> Result<Integration> {
        let rule_id = None;
        let workflow_id = match &new.workflow {
            Some(w) => Some(self.workflow(w).await?.id.to_string()),
            None => None,
        };
        let request = ArtifactCiRequest {
            ci_name: new.name,
            registration_type: new.registration_type,
            promotion_workflow_id: workflow_id,
            artifactory: Some(new.registry),
            repository: Some(new.repository),
            layout: Some(new.layout),
            rule_id,
            bucket_artifactories: Some(new.bucket_registries),
        };
        integration_from(self.send(Method::POST, "/cc-ui/v1/artifacts-ci", body(request), None).await?)
    }

    async fn integrations(&self) -> Result<Vec<Integration>> {
        self.get::<Vec<ArtifactCi>>("/cc-ui/v1/artifacts-ci").await?.into_iter().map(integration_from).collect()
    }

    async fn integration(&self, name: &str) -> Result<Integration> {
        integration_from(self.get(&format!("/cc-ui/v1/artifacts-ci/name/{name}")).await?)
    }

    async fn delete_integration(&self, name: &str) -> Result<()> {
        let ci = self.ci_id(name).await?;
        self.send(Method::DELETE, &format!("/cc-ui/v1/artifacts-ci/{ci}"), None, None).await
    }

    async fn check_write(&self, integration: &str, bucket: &str, tag: Option<&str>) -> Result<()> {
        let query = tag.map(|t| format!("?tag={}", urlencode(t))).unwrap_or_default();
        self.send(Method::GET, &format!("{}{query}", Self::bucket_path(integration, bucket, "access")), None, None)
            .await
    }

    async fn lock_bucket(&self, integration: &str, bucket: &str, _holder: &str) -> Result<LockAttempt> {
        let answer: LockAnswer =
            self.send(Method::POST, &Self::bucket_path(integration, bucket, "lock"), None, None).await?;
        Ok(match (answer.acquired, answer.token) {
            (true, Some(token)) => LockAttempt::Acquired(BucketLock {
                integration: integration.into(),
                bucket: bucket.into(),
                token,
                // A lease shorter than a second could not be renewed in time; take none.
                lease: answer.lease_ms.map_or(DEFAULT_LEASE, |ms| std::time::Duration::from_millis(ms.max(1000))),
            }),
            _ => LockAttempt::Busy {
                holder: answer.holder.unwrap_or_else(|| "another writer".into()),
                since: answer.since.unwrap_or_default(),
            },
        })
    }

    async fn renew_lock(&self, lock: &BucketLock) -> Result<()> {
        let path = Self::bucket_path(&lock.integration, &lock.bucket, "lock");
        // The server refuses a renewal (409) for one reason: the lease is no longer this token's.
        // Refused credentials (401) are their own error, with their own hint.
        match self.send(Method::PUT, &path, None, Some(&lock.token)).await {
            Err(e) if e.kind() == ErrorKind::Refused && e.hint_of() != Some(Hint::LoginAgain) => {
                Err(Error::LeaseLost { integration: lock.integration.clone(), bucket: lock.bucket.clone() })
            }
            answer => answer,
        }
    }

    async fn unlock_bucket(&self, lock: &BucketLock) -> Result<()> {
        let path = Self::bucket_path(&lock.integration, &lock.bucket, "lock");
        self.send(Method::DELETE, &path, None, Some(&lock.token)).await
    }

    async fn record_artifact(&self, lock: &BucketLock, new: NewArtifact) -> Result<Artifact> {
        let path = Self::bucket_path(&lock.integration, &lock.bucket, "artifacts");
        self.send(Method::POST, &path, body(new), Some(&lock.token)).await
    }

    async fn record_promotion(&self, lock: &BucketLock, new: NewPromotion) -> Result<(Promotion, Artifact)> {
        let request = RecordPromotion {
            source_artifact_id: new.source_artifact_id,
            reason: new.reason,
            forced: new.forced,
            request: new.request,
            release: new.release,
        };
        let path = Self::bucket_path(&lock.integration, &lock.bucket, "promotions");
        let done: PromotionRecorded = self.send(Method::POST, &path, body(request), Some(&lock.token)).await?;
        Ok((done.promotion, done.artifact))
    }

    async fn record_rollback(
        &self,
        lock: &BucketLock,
        artifact_id: i64,
        reason: Option<String>,
        forced: bool,
    ) -> Result<BucketEvent> {
        let path = Self::bucket_path(&lock.integration, &lock.bucket, "rollbacks");
        self.send(Method::POST, &path, body(RecordRollback { artifact_id, reason, forced }), Some(&lock.token)).await
    }

    async fn create_freeze(&self, new: NewFreeze) -> Result<Freeze> {
        self.send(Method::POST, FREEZES, body(new), None).await
    }

    async fn freezes(&self) -> Result<Vec<Freeze>> {
        self.get(FREEZES).await
    }

    async fn request_promotion(&self, new: NewRequest) -> Result<PromotionRequest> {
        self.send(Method::POST, REQUESTS, body(new), None).await
    }

    async fn promotion_requests(&self, filter: RequestFilter) -> Result<Vec<PromotionRequest>> {
        let mut query = Vec::new();
        if let Some(i) = &filter.integration {
            query.push(format!("integration={i}"));
        }
        if let Some(s) = filter.state {
            query.push(format!("state={s}"));
        }
        self.get(&format!("{REQUESTS}?{}", query.join("&"))).await
    }

    async fn promotion_request(&self, id: i64) -> Result<PromotionRequest> {
        self.get(&format!("{REQUESTS}/{id}")).await
    }

    async fn approve_request(&self, id: i64, reason: Option<String>) -> Result<PromotionRequest> {
        self.send(Method::POST, &format!("{REQUESTS}/{id}/approve"), body(Decision { reason }), None).await
    }

    async fn reject_request(&self, id: i64, reason: String) -> Result<PromotionRequest> {
        let decision = Decision { reason: Some(reason) };
        self.send(Method::POST, &format!("{REQUESTS}/{id}/reject"), body(decision), None).await
    }

    async fn cancel_request(&self, id: i64) -> Result<PromotionRequest> {
        self.send(Method::POST, &format!("{REQUESTS}/{id}/cancel"), None, None).await
    }

    async fn claim_request(&self, _id: i64) -> Result<Option<PromotionRequest>> {
        // A server runs an approved request itself, on the approval that completes it.
        Ok(None)
    }

    async fn fail_request(&self, id: i64, _why: &str) -> Result<()> {
        Err(Error::Invalid(format!("promotion request {id} is the server's to run, and to mark failed")))
    }

    async fn check_force(&self, what: Forcing) -> Result<()> {
        self.send(Method::GET, &format!("/cc-ui/v1/forcing/{what}"), None, None).await
    }

    async fn end_freeze(&self, id: i64) -> Result<Freeze> {
        self.send(Method::POST, &format!("{FREEZES}/{id}/end"), None, None).await
    }

    async fn record_repair(&self, lock: &BucketLock, repair: TagRepair) -> Result<()> {
        let path = Self::bucket_path(&lock.integration, &lock.bucket, "repairs");
        self.send(Method::POST, &path, body(repair), Some(&lock.token)).await
    }

    async fn current_artifact(&self, integration: &str, bucket: &str) -> Result<Option<Artifact>> {
        self.get(&Self::bucket_path(integration, bucket, "current")).await
    }

    async fn artifact(&self, id: i64) -> Result<Artifact> {
        self.get(&format!("/cc-ui/v1/artifacts/{id}")).await
    }

    async fn artifacts(&self, integration: &str, bucket: Option<&str>) -> Result<Vec<Artifact>> {
        let query = bucket.map(|b| format!("?registrationValue={b}")).unwrap_or_default();
        self.get(&format!("/cc-ui/v1/artifacts-ci/{integration}/artifact-records{query}")).await
    }

    async fn find_artifact(&self, integration: &str, bucket: &str, key: ArtifactKey<'_>) -> Result<Option<Artifact>> {
        let key = match key {
            ArtifactKey::Tag(tag) => format!("tag={tag}"),
            ArtifactKey::Digest(digest) => format!("digest={digest}"),
        };
        let found: Vec<Artifact> = self
            .get(&format!("/cc-ui/v1/artifacts-ci/{integration}/artifact-records?registrationValue={bucket}&{key}"))
            .await?;
        Ok(found.into_iter().next())
    }

    async fn bucket_events(&self, integration: &str, bucket: Option<&str>, limit: u32) -> Result<Vec<BucketEvent>> {
        let bucket = bucket.map(|b| format!("&registrationValue={b}")).unwrap_or_default();
        self.get(&format!("/cc-ui/v1/artifacts-ci/{integration}/history?limit={limit}{bucket}")).await
    }

    async fn promotions(&self, integration: &str, limit: u32) -> Result<Vec<Promotion>> {
        self.get(&format!("/cc-ui/v1/artifacts-ci/{integration}/promotions?limit={limit}")).await
    }

    async fn import_records(&self, records: Records) -> Result<store::import::Imported> {
        let url = format!("{}{IMPORT_PATH}", self.base);
        let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::new(records));
        // The server answers once every record is in, which for a large file is minutes away.
        let request = crate::registry::patient_client(IMPORT_LIMIT)
            .post(&url)
            .basic_auth(&self.username, Some(self.token.expose()))
            .header(reqwest::header::CONTENT_TYPE, "application/x-ndjson")
            .body(body);
        self.exchange(request, IMPORT_PATH).await
    }

    async fn audit_events(&self, filter: AuditFilter) -> Result<Vec<AuditEvent>> {
        let mut query = vec![("size".to_owned(), filter.limit.unwrap_or(100).to_string())];
        if let Some(actor) = filter.actor {
            query.push(("performedBy".into(), actor));
        }
        if let Some(since) = filter.since {
            query.push(("start".into(), since.to_rfc3339()));
        }
        let query: Vec<String> = query.into_iter().map(|(k, v)| format!("{k}={}", urlencode(&v))).collect();
        let page: AuditPage = self.get(&format!("/cc-ui/v1/audit-logs?{}", query.join("&"))).await?;
        page.content
            .into_iter()
            .map(|e| {
                Ok(AuditEvent {
                    id: id(&e.id),
                    created_at: time(&e.performed_at)?,
                    actor: e.performed_by,
                    action: e.entity_action_label,
                    entity: e.entity_label,
                    target: e.target,
                    details: e.metadata,
                })
            })
            .collect()
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
