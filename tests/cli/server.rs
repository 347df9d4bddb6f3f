//! `facetctl server`: the Facets API over HTTP, with Basic auth and roles,
//! on SQLite and on PostgreSQL, several replicas on one database.

use serde_json::{Value, json};

use crate::support::TestContext;
use crate::support::facets_schema::FacetsSchemas;
use crate::support::server::{TestServer, database};

struct Users {
    admin: String,
    developer: String,
    viewer: String,
}

fn users(server: &TestServer, ctx: &TestContext) -> Users {
    Users {
        admin: server.add_user(ctx, "ada", "admin"),
        developer: server.add_user(ctx, "dev", "developer"),
        viewer: server.add_user(ctx, "vic", "viewer"),
    }
}

/// Sets up a registry, a workflow and a CI integration through the API, as an admin (or a Facets
/// client) would. Every request body is checked against Facets' own schema first.
fn set_up(server: &TestServer, u: &Users) -> Value {
    let schemas = FacetsSchemas::load();
    let admin = Some(("ada", u.admin.as_str()));
    let post = |path: &str, schema: &str, body: Value| {
        let problems = schemas.check(schema, &body);
        assert!(problems.is_empty(), "the request to {path} is not a Facets {schema}: {problems:?}");
        let (status, answer) = server.call("POST", path, admin, Some(body));
        assert_eq!(status, 200, "{path}: {answer}");
        answer
    };
    let registry = post(
        "/cc-ui/v1/artifactories",
        "BasicDockerArtifactory",
        json!({"name": "local", "artifactoryType": "OTHERS", "uri": "127.0.0.1:5000", "insecure": true,
               "username": "ci", "password": "registry-pw-91c4"}),
    );
    assert!(registry.get("password").is_none(), "secrets are write-only: {registry}");
    let workflow = post(
        "/cc-ui/v1/workflow",
        "PromotionWorkflow",
        json!({"workflowName": "standard", "registrationType": "ENVIRONMENT", "hierarchies": [
            {"sequence": 1, "registrationValue": "qa"}, {"sequence": 2, "registrationValue": "staging"},
            {"sequence": 3, "registrationValue": "production"}]}),
    );
    post(
        "/cc-ui/v1/artifacts-ci",
        "ArtifactCI",
        json!({"ciName": "payments", "registrationType": "ENVIRONMENT", "artifactory": "local",
               "promotionWorkflowId": workflow["id"], "someFieldFacetsMayAdd": true}),
    )
}

fn the_api_story(backend: &str) {
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, backend));
    let u = users(&server, &ctx);
    let ci = set_up(&server, &u);
    assert_eq!(ci["ciName"], "payments");
    assert_eq!(ci["createdBy"], "ada", "the actor is who authenticated");

    let viewer = Some(("vic", u.viewer.as_str()));
    let (status, me) = server.call("GET", "/api/me", viewer, None);
    assert_eq!((status, &me["username"], &me["role"]), (200, &json!("vic"), &json!("viewer")));
    let (_, by_name) = server.call("GET", "/cc-ui/v1/artifacts-ci/name/payments", viewer, None);
    let (_, by_id) =
        server.call("GET", &format!("/cc-ui/v1/artifacts-ci/{}", ci["id"].as_str().unwrap()), viewer, None);
    assert_eq!(by_name, by_id);
    assert_eq!(server.call("GET", "/cc-ui/v1/artifacts-ci/payments/artifacts", viewer, None), (200, json!([])));
    let (status, _) = server.call("GET", "/cc-ui/v1/artifacts-ci/name/nope", viewer, None);
    assert_eq!(status, 404);

    // The workflow is in use, so it stays.
    let workflow_id = ci["promotionWorkflowId"].as_str().unwrap();
    let admin = Some(("ada", u.admin.as_str()));
    let (status, error) = server.call("DELETE", &format!("/cc-ui/v1/workflow/{workflow_id}"), admin, None);
    assert_eq!(status, 409, "{error}");
    assert!(error["message"].as_str().unwrap().contains("used by integration(s) payments"), "{error}");

    // ada made three changes: a page of two is not the last, the next page is.
    let (status, page) = server.call("GET", "/cc-ui/v1/audit-logs?size=2&performedBy=ada", viewer, None);
    assert_eq!(status, 200);
    assert_eq!(page["content"].as_array().unwrap().len(), 2);
    assert_eq!(page["content"][0]["entityAction"], "CI_INTEGRATION_CREATE");
    assert_eq!(page["content"][0]["entityActionLabel"], "integration.create");
    assert_eq!(page["last"], false);
    let (_, next) = server.call("GET", "/cc-ui/v1/audit-logs?size=2&number=1&performedBy=ada", viewer, None);
    assert_eq!(
        (next["content"][0]["entityAction"].as_str(), &next["last"]),
        (Some("CONTAINER_REGISTRY_CREATE"), &json!(true))
    );
    let log = server.log_text();
    assert!(log.contains("\"request_id\"") && log.contains("\"user\":\"vic\""), "JSON request logs: {log}");
    for secret in ["registry-pw-91c4", u.admin.as_str(), u.viewer.as_str()] {
        assert!(!log.contains(secret), "a secret is in the server's log");
    }
    assert!(server.terminate().success(), "SIGTERM ends the server cleanly");
}

#[test]
fn the_api_story_on_sqlite() {
    the_api_story("sqlite");
}

#[test]
fn the_api_story_on_postgresql() {
    the_api_story("postgres");
}

#[test]
fn credentials_and_roles_decide_who_may_do_what() {
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let u = users(&server, &ctx);
    let (status, error) = server.call("GET", "/api/me", None, None);
    assert_eq!((status, &error["code"]), (401, &json!("UNAUTHORIZED")));
    assert_eq!(server.call("GET", "/api/me", Some(("vic", "fct_wrong")), None).0, 401);
    assert_eq!(
        server.call("GET", "/api/me", Some(("nobody", u.viewer.as_str())), None).0,
        401,
        "a token is its user's only"
    );
    let body = json!({"name": "stream", "prod": true});
    let (status, error) =
        server.call("POST", "/cc-ui/v1/release-stream", Some(("vic", u.viewer.as_str())), Some(body.clone()));
    assert_eq!(status, 403, "{error}");
    assert_eq!(error["message"], "user vic is a viewer; this needs admin or above");
    assert_eq!(
        server.call("POST", "/cc-ui/v1/release-stream", Some(("dev", u.developer.as_str())), Some(body.clone())).0,
        403
    );
    let (status, stream) = server.call("POST", "/cc-ui/v1/release-stream", Some(("ada", u.admin.as_str())), Some(body));
    assert_eq!((status, &stream["prod"]), (200, &json!(true)));
    // A revoked token stops working at once.
    assert_eq!(server.call("GET", "/api/me", Some(("dev", u.developer.as_str())), None).0, 200);
    let users_cmd =
        |args: &[&str]| ctx.command().env("FACETCTL_DATABASE_URL", &server.database).args(args).output().unwrap();
    let out = users_cmd(&["server", "users", "revoke", "dev"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(server.call("GET", "/api/me", Some(("dev", u.developer.as_str())), None).0, 401);
    let listed: Value = serde_json::from_slice(&users_cmd(&["-o", "json", "server", "users", "list"]).stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().iter().find(|u| u["user"] == "dev").unwrap()["active"], false);
    assert_eq!(users_cmd(&["server", "users", "revoke", "nobody"]).status.code(), Some(4));
    let (status, error) =
        server.call("POST", "/cc-ui/v1/artifacts-ci", Some(("ada", u.admin.as_str())), Some(json!({"ciName": "x"})));
    assert_eq!((status, &error["code"]), (400, &json!("BAD_REQUEST")), "a missing required field is a 400");
    assert!(error["message"].as_str().unwrap().contains("registrationType"), "{error}");
}

#[test]
fn facets_shapes_validate_against_the_facets_schemas() {
    let schemas = FacetsSchemas::load();
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let u = users(&server, &ctx);
    let ci = set_up(&server, &u);
    let viewer = Some(("vic", u.viewer.as_str()));
    let admin = Some(("ada", u.admin.as_str()));
    let stream = json!({"name": "prod-stream", "prod": true});
    assert!(schemas.check("ReleaseStream", &stream).is_empty());
    server.call("POST", "/cc-ui/v1/release-stream", admin, Some(stream));

    let mut checked = vec![("ArtifactCI", ci)];
    for (path, schema) in [
        ("/cc-ui/v1/artifacts-ci", "ArtifactCI"),
        ("/cc-ui/v1/workflow", "PromotionWorkflow"),
        ("/cc-ui/v1/release-stream", "ReleaseStream"),
        ("/cc-ui/v1/artifactories", "Artifactory"),
    ] {
        let (status, list) = server.call("GET", path, viewer, None);
        assert_eq!(status, 200, "{path}");
        assert!(!list.as_array().unwrap().is_empty(), "{path} lists something");
        checked.extend(list.as_array().unwrap().iter().map(|item| (schema, item.clone())));
    }
    let (_, page) = server.call("GET", "/cc-ui/v1/audit-logs", viewer, None);
    checked.push(("PageFacetsAuditLogResponse", page.clone()));
    checked.extend(page["content"].as_array().unwrap().iter().map(|e| ("FacetsAuditLogResponse", e.clone())));
    let (_, error) = server.call("GET", "/cc-ui/v1/artifacts-ci/name/nope", viewer, None);
    checked.push(("ErrorDetails", error));
    for (schema, value) in &checked {
        let problems = schemas.check(schema, value);
        assert!(problems.is_empty(), "{schema}: {problems:?}");
    }
    // The validator itself finds a wrong shape.
    assert!(!schemas.check("ArtifactCI", &json!({"ciName": 7, "registrationType": "NOPE"})).is_empty());
}

#[test]
fn openapi_json_lists_exactly_the_routes_served() {
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let (status, doc) = server.call("GET", "/openapi.json", None, None);
    assert_eq!(status, 200);
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.contains_key("/cc-ui/v1/artifacts-ci") && paths.contains_key("/api/me"));
    for (path, operations) in paths {
        let concrete = path
            .replace("{ciName}", "payments")
            .replace("{ciId}", "1")
            .replace("{workflowId}", "1")
            .replace("{name}", "local");
        for method in ["get", "post", "put", "delete"] {
            let (status, _) = server.call(&method.to_uppercase(), &concrete, None, Some(json!({})));
            match operations.get(method) {
                // Documented: served (guarded ones ask for credentials first).
                Some(op) if op["security"] == json!([]) => {
                    assert!(status == 200 || status == 503, "{method} {path}: {status}")
                }
                Some(_) => assert_eq!(status, 401, "{method} {path} is served and guarded"),
                // Not documented: not served.
                None => assert_eq!(status, 405, "{method} {path} is not documented, so not served"),
            }
        }
    }
    assert_eq!(server.call("GET", "/cc-ui/v1/not-a-route", None, None).0, 404);
}

#[test]
fn two_replicas_on_one_postgresql_see_one_control_plane() {
    let ctx = TestContext::new();
    let db = database(&ctx, "postgres");
    let first = TestServer::start(&ctx, &db);
    let second = TestServer::start(&ctx, &db);
    let u = users(&first, &ctx);
    set_up(&first, &u);
    let viewer = Some(("vic", u.viewer.as_str()));
    let (status, ci) = second.call("GET", "/cc-ui/v1/artifacts-ci/name/payments", viewer, None);
    assert_eq!((status, &ci["createdBy"]), (200, &json!("ada")), "what one replica wrote, the other serves");

    // Both replicas take writes at once; none is lost, and names stay unique.
    let admin = ("ada", u.admin.clone());
    let handles: Vec<_> = (0..20)
        .map(|i| {
            let url = if i % 2 == 0 { first.url.clone() } else { second.url.clone() };
            let (user, token) = admin.clone();
            std::thread::spawn(move || {
                let name = format!("stream-{}", i % 10);
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                rt.block_on(async {
                    reqwest::Client::new()
                        .post(format!("{url}/cc-ui/v1/release-stream"))
                        .basic_auth(user, Some(token))
                        .json(&json!({"name": name}))
                        .send()
                        .await
                        .unwrap()
                        .status()
                        .as_u16()
                })
            })
        })
        .collect();
    let statuses: Vec<u16> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 10, "each name is created once: {statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 10, "and refused once: {statuses:?}");
    let (_, streams) = second.call("GET", "/cc-ui/v1/release-stream", viewer, None);
    assert_eq!(streams.as_array().unwrap().len(), 10);
}
