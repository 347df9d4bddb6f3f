//! Every route the server has, in one table: it registers the handlers,
//! says which role each needs, and is what `/openapi.json` describes, so the
//! document can list neither more nor fewer routes than are served.

use axum::Router;
use axum::http::Method;
use axum::routing::{MethodRouter, delete, get, post, put};
use serde_json::{Value, json};

use super::{
    ServerState, artifacts, audit, auth, buckets, freezes, healthz, integrations, readyz, records, registries,
    release_streams, requests, routing_rules, workflows,
};
use crate::model::Role;

pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
    /// None: open to anyone (health checks, the API description).
    pub role: Option<Role>,
    pub summary: &'static str,
}

fn table() -> Vec<(RouteDef, MethodRouter<ServerState>)> {
    use Role::*;
    let r = |method: Method, path, role, summary, handler| (RouteDef { method, path, role, summary }, handler);
    vec![
        r(Method::GET, "/healthz", None, "The process is up", get(healthz)),
        r(Method::GET, "/readyz", None, "The database answers", get(readyz)),
        r(Method::GET, "/openapi.json", None, "This description", get(openapi_json)),
        r(Method::GET, "/api/me", Some(Viewer), "Who the credentials belong to", get(auth::me)),
        r(
            Method::POST,
            crate::control::remote::IMPORT_PATH,
            Some(Admin),
            "Import a facetctl export (JSON lines in the body), all or nothing",
            post(records::import),
        ),
        r(Method::GET, "/cc-ui/v1/artifacts-ci", Some(Viewer), "List CI integrations", get(integrations::list_cis)),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts-ci",
            Some(Admin),
            "Create a CI integration",
            post(integrations::create_ci),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/name/{ciName}",
            Some(Viewer),
            "A CI integration by name",
            get(integrations::get_ci_by_name),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciId}",
            Some(Viewer),
            "A CI integration by id",
            get(integrations::get_ci),
        ),
        r(
            Method::DELETE,
            "/cc-ui/v1/artifacts-ci/{ciId}",
            Some(Admin),
            "Delete a CI integration with no artifacts",
            delete(integrations::delete_ci),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciName}/artifacts",
            Some(Viewer),
            "A CI integration's artifacts, with digests",
            get(integrations::ci_artifacts),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciName}/history",
            Some(Viewer),
            "Each bucket's heads over time",
            get(integrations::ci_history),
        ),
        r(Method::GET, "/cc-ui/v1/freezes", Some(Viewer), "The freeze windows in force", get(freezes::list_freezes)),
        r(
            Method::POST,
            "/cc-ui/v1/promotion-requests",
            Some(Developer),
            "Ask for a promotion into a gated stage",
            post(requests::create_request),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/promotion-requests",
            Some(Viewer),
            "Promotion requests, newest first",
            get(requests::list_requests),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/promotion-requests/{requestId}",
            Some(Viewer),
            "A promotion request",
            get(requests::get_request),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/promotion-requests/{requestId}/approve",
            Some(Developer),
            "Approve a promotion request; the last approval moves it",
            post(requests::approve),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/promotion-requests/{requestId}/reject",
            Some(Developer),
            "Reject a promotion request, with a reason",
            post(requests::reject),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/promotion-requests/{requestId}/cancel",
            Some(Developer),
            "Cancel a promotion request (its requester, or an admin)",
            post(requests::cancel),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/forcing/{forcing}",
            Some(Viewer),
            "Whether the caller may force a move through a freeze or off the workflow",
            get(freezes::may_force),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/freezes",
            Some(ReleaseManager),
            "Freeze a bucket for a window",
            post(freezes::create_freeze),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/freezes/{freezeId}/end",
            Some(ReleaseManager),
            "End a freeze now",
            post(freezes::end_freeze),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifact-routing-rule",
            Some(Viewer),
            "List artifact routing rules",
            get(routing_rules::list_rules),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifact-routing-rule",
            Some(Admin),
            "Create an artifact routing rule",
            post(routing_rules::create_rule),
        ),
        r(
            Method::PUT,
            "/cc-ui/v1/artifact-routing-rule",
            Some(Admin),
            "Give an artifact routing rule new criteria",
            put(routing_rules::update_rule),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifact-routing-rule/operators",
            Some(Viewer),
            "The operators a criterion may use",
            get(routing_rules::operators),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifact-routing-rule/test",
            Some(Viewer),
            "Where criteria route the metadata given",
            post(routing_rules::test_rule),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifact-routing-rule/{ruleId}",
            Some(Viewer),
            "An artifact routing rule",
            get(routing_rules::get_rule),
        ),
        r(
            Method::DELETE,
            "/cc-ui/v1/artifact-routing-rule/{ruleId}",
            Some(Admin),
            "Delete an unused artifact routing rule",
            delete(routing_rules::delete_rule),
        ),
        r(Method::GET, "/cc-ui/v1/workflow", Some(Viewer), "List promotion workflows", get(workflows::list_workflows)),
        r(
            Method::POST,
            "/cc-ui/v1/workflow",
            Some(Admin),
            "Create a promotion workflow",
            post(workflows::create_workflow),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/workflow/{workflowId}",
            Some(Viewer),
            "A promotion workflow",
            get(workflows::get_workflow),
        ),
        r(
            Method::DELETE,
            "/cc-ui/v1/workflow/{workflowId}",
            Some(Admin),
            "Delete an unused promotion workflow",
            delete(workflows::delete_workflow),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/release-stream",
            Some(Viewer),
            "List release streams",
            get(release_streams::list_release_streams),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/release-stream",
            Some(Admin),
            "Create a release stream",
            post(release_streams::create_release_stream),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifactories",
            Some(Viewer),
            "List registries (secrets are never returned)",
            get(registries::list_artifactories),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifactories",
            Some(Admin),
            "Add a registry; its password is write-only",
            post(registries::create_artifactory),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifactories/{artifactoryId}",
            Some(Admin),
            "Change a registry's username and secret (write-only); the rest stays",
            post(registries::update_artifactory),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifactories/name/{name}",
            Some(Viewer),
            "A registry by name",
            get(registries::get_artifactory_by_name),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/audit-logs",
            Some(Viewer),
            "The audit log, newest first, in pages",
            get(audit::audit_logs),
        ),
        r(
            Method::DELETE,
            "/cc-ui/v1/artifactories/name/{name}",
            Some(Admin),
            "Remove a registry no integration uses",
            delete(registries::remove_registry),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifactories/name/{name}/push-credentials",
            Some(Developer),
            "The credentials the server holds for pushing",
            get(registries::push_credentials),
        ),
        r(Method::GET, "/cc-ui/v1/environments", Some(Viewer), "List environments", get(release_streams::environments)),
        r(
            Method::POST,
            "/cc-ui/v1/environments",
            Some(Admin),
            "Create an environment",
            post(release_streams::create_environment),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts/{artifactId}",
            Some(Viewer),
            "An artifact, with its digest",
            get(artifacts::artifact),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciName}/artifact-records",
            Some(Viewer),
            "A CI integration's artifacts as facetctl records them; registrationValue narrows them to a bucket, and with it tag or digest to one artifact",
            get(integrations::artifact_records),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciName}/promotions",
            Some(Viewer),
            "A CI integration's promotions",
            get(integrations::promotions),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/current",
            Some(Viewer),
            "A bucket's current artifact",
            get(buckets::current),
        ),
        r(
            Method::GET,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/access",
            Some(Developer),
            "204 when the caller may write the bucket: asked before any registry work",
            get(buckets::access),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/repairs",
            Some(Developer),
            "Record a tag put back on what the record says (the registry is checked first)",
            post(buckets::record_repair),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/lock",
            Some(Developer),
            "Take a bucket's write lease",
            post(buckets::lock),
        ),
        r(
            Method::PUT,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/lock",
            Some(Developer),
            "Renew a bucket's write lease",
            put(buckets::renew),
        ),
        r(
            Method::DELETE,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/lock",
            Some(Developer),
            "Release a bucket's write lease",
            delete(buckets::unlock),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/artifacts",
            Some(Developer),
            "Record a pushed or registered artifact as the head",
            post(buckets::record_artifact),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/promotions",
            Some(Developer),
            "Record a promotion into the bucket",
            post(buckets::record_promotion),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts-ci/{ciName}/buckets/{bucket}/rollbacks",
            Some(Developer),
            "Record a rollback of the bucket",
            post(buckets::record_rollback),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/register",
            Some(Developer),
            "Register an image already in the integration's registry",
            post(artifacts::register),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/registerV2",
            Some(Developer),
            "Register an image pushed by facetsctl into the integration's registry",
            post(artifacts::register_v2),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/pushCredentialsV3/artifactName/{artifactName}",
            Some(Developer),
            "Credentials for pushing into the bucket a branch routes to",
            post(artifacts::push_credentials_by_branch),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/push",
            Some(Developer),
            "Copy an image into a bucket and record it",
            post(artifacts::push),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/promote",
            Some(Developer),
            "Promote an artifact to the next stage (ciName, artifactId)",
            post(artifacts::promote_by_name),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/{ciId}/promote/{artifactId}",
            Some(Developer),
            "Promote an artifact to the next stage",
            post(artifacts::promote_by_id),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/register-by-env",
            Some(Developer),
            "Register an image into an environment's bucket",
            post(artifacts::register),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/register-by-release-stream",
            Some(Developer),
            "Register an image into a release stream's bucket",
            post(artifacts::register),
        ),
        r(
            Method::DELETE,
            "/cc-ui/v1/artifacts/{artifactId}",
            Some(Developer),
            "Refused: artifacts are kept as history",
            delete(artifacts::delete_artifact),
        ),
        r(
            Method::POST,
            "/cc-ui/v1/artifacts/pushCredentialsV2/artifactName/{artifactName}/registrationType/{registrationType}/value/{registrationValue}",
            Some(Developer),
            "Credentials for pushing into a bucket's registry",
            post(artifacts::push_credentials),
        ),
        r(
            Method::PUT,
            "/cc-ui/v1/artifacts-ci/{ciId}",
            Some(Admin),
            "Attach or detach a CI integration's workflow",
            put(integrations::update_ci),
        ),
        r(
            Method::PUT,
            "/cc-ui/v1/workflow/{workflowId}",
            Some(Admin),
            "Give a workflow new stages",
            put(workflows::update_workflow),
        ),
    ]
}

pub fn router(state: ServerState) -> Router {
    let mut router = Router::new();
    for (def, handler) in table() {
        // Layered per method, so a method a path does not serve is a plain 405, not a 401.
        let handler = match def.role {
            None => handler,
            Some(role) => handler
                .route_layer(axum::middleware::from_fn_with_state(role, auth::require))
                .route_layer(axum::middleware::from_fn_with_state(state.clone(), auth::authenticate)),
        };
        router = router.route(def.path, handler);
    }
    router.with_state(state)
}

/// The OpenAPI 3.1 description of `table()`.
pub fn openapi() -> Value {
    let mut paths = serde_json::Map::new();
    for (def, _) in table() {
        let mut operation = json!({"summary": def.summary, "responses": {"200": {"description": "done"}}});
        match def.role {
            Some(role) => {
                operation["security"] = json!([{"basicAuth": []}]);
                operation["x-facetctl-role"] = json!(role.as_str());
            }
            None => operation["security"] = json!([]),
        }
        let params: Vec<Value> = def
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
            .collect();
        if !params.is_empty() {
            operation["parameters"] = Value::Array(params);
        }
        let entry = paths.entry(def.path.to_owned()).or_insert_with(|| json!({}));
        entry[def.method.as_str().to_ascii_lowercase()] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "facetctl control plane", "version": env!("CARGO_PKG_VERSION")},
        "paths": paths,
        "components": {"securitySchemes": {"basicAuth": {"type": "http", "scheme": "basic"}}},
    })
}

async fn openapi_json() -> axum::Json<Value> {
    axum::Json(openapi())
}
