//! A bucket in another registry than its integration's: production kept in
//! its own registry (another account, a separate Harbor), each with its own
//! credentials. Promotion copies the image across, manifests as exact bytes,
//! and skopeo witnesses both registries.

use std::process::Command;

use crate::support::context::{Run, run_with_stdin};
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo};

/// `main` holds qa and staging; `prod` (its own password) holds production.
fn two_registries() -> (TestRegistry, TestRegistry) {
    (TestRegistry::htpasswd("ci", "main-reg-pw-71c2"), TestRegistry::htpasswd("deployer", "prod-reg-pw-0b9e"))
}

fn integration_create() -> Vec<&'static str> {
    vec![
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "main",
        "--repository",
        "team/payments",
        "--workflow",
        "standard",
        "--bucket-registry",
        "production=prod",
    ]
}

#[test]
fn promotion_into_a_bucket_in_another_registry_copies_the_exact_image_there() {
    let (main, prod) = two_registries();
    let ctx = TestContext::new();
    ctx.add_registry("main", &main);
    ctx.add_registry("prod", &prod);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
    let created = ctx.json(&integration_create());
    assert_eq!(created["registry"], "main");
    assert_eq!(created["bucket_registries"], serde_json::json!({"production": "prod"}));

    let build = image::single(ctx.images(), "build-1", "across-1", 3);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let moved = ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(moved["result"], "done", "{moved}");
    assert_eq!(moved["copy"]["blobs_copied"], 4, "three layers and the config streamed across: {moved}");
    assert_eq!(moved["copy"]["blobs_mounted"], 0, "nothing can be mounted from another registry: {moved}");
    assert_eq!(moved["artifact"]["image_uri"], format!("{}/team/payments/production@{}", prod.host, build.digest));

    // The production registry serves the very manifest bytes staging holds, under both tags.
    let staged = skopeo::raw_manifest(&main, "team/payments/staging:build-1").unwrap();
    assert_eq!(skopeo::raw_manifest(&prod, "team/payments/production:build-1").as_deref(), Some(&staged[..]));
    assert_eq!(skopeo::digest(&prod, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&main, "team/payments/production:current"), None, "production is not in main");
    assert_eq!(skopeo::digest(&prod, "team/payments/staging:current"), None, "staging is not in prod");

    // A second build follows, then production rolls back, in the production registry.
    let next = image::single(ctx.images(), "build-2", "across-2", 3);
    ctx.json(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let again = ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(again["result"], "done", "{again}");
    assert_eq!(skopeo::digest(&prod, "team/payments/production:current").as_deref(), Some(next.digest.as_str()));
    let rolled =
        ctx.json(&["--yes", "rollback", "--integration", "payments", "--bucket", "production", "--reason", "bad"]);
    assert_eq!(rolled["to"]["digest"], build.digest.as_str(), "{rolled}");
    assert_eq!(skopeo::digest(&prod, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
    let verified = ctx.json(&["verify", "--integration", "payments"]);
    assert_eq!(verified["drifts"], serde_json::json!([]), "every tag in both registries is as recorded: {verified}");
    assert_eq!(verified["checked"], 9, "{verified}");

    // Production's history is in prod: it stays there, and prod stays while payments uses it.
    let refused = ctx.run(&["integration", "update", "payments", "--bucket-registry", "production=main"]);
    assert_eq!(refused.code, 3, "{refused:?}");
    assert_eq!(
        refused.stderr.lines().next().unwrap(),
        "error: bucket production of payments already holds 2 artifact(s) in registry prod; their records and tags are there, so the bucket stays in it"
    );
    let kept = ctx.run(&["--yes", "registry", "remove", "prod"]);
    assert_eq!(kept.code, 3, "{kept:?}");
    assert!(kept.stderr.contains("registry prod is used by integration(s) payments"), "{kept:?}");
    assert_eq!(ctx.json(&["integration", "show", "payments"])["bucket_registries"]["production"], "prod");
}

#[test]
fn a_bucket_moves_registry_only_while_it_is_empty_and_only_to_a_known_one() {
    let (main, prod) = two_registries();
    let ctx = TestContext::new();
    ctx.add_registry("main", &main);
    ctx.add_registry("prod", &prod);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
    let mut plain = integration_create();
    plain.truncate(plain.len() - 2);
    ctx.json(&plain);

    let unknown = ctx.run(&["integration", "update", "payments", "--bucket-registry", "production=nowhere"]);
    assert_eq!(unknown.code, 4, "{unknown:?}");
    let no_bucket = ctx.run(&["integration", "update", "payments", "--bucket-registry", "prodution=prod"]);
    assert_eq!(no_bucket.code, 4, "{no_bucket:?}");
    assert!(no_bucket.stderr.contains("prodution"), "{no_bucket:?}");
    let malformed = ctx.run(&["integration", "update", "payments", "--bucket-registry", "production"]);
    assert_eq!(malformed.code, 2, "{malformed:?}");
    assert!(malformed.stderr.contains("is not BUCKET=REGISTRY"), "{malformed:?}");
    assert!(ctx.json(&["integration", "show", "payments"]).get("bucket_registries").is_none(), "nothing changed");

    let moved = ctx.json(&["integration", "update", "payments", "--bucket-registry", "production=prod"]);
    assert_eq!(moved["bucket_registries"], serde_json::json!({"production": "prod"}));
    let back = ctx.json(&["integration", "update", "payments", "--bucket-registry", "production="]);
    assert!(back.get("bucket_registries").is_none(), "{back}");
    let audit = ctx.json(&["audit"]);
    let updates: Vec<&serde_json::Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "integration.update")
        .map(|e| &e["details"])
        .collect();
    assert_eq!(
        updates,
        [
            &serde_json::json!({"bucket": "production", "registry": "main", "before": "prod"}),
            &serde_json::json!({"bucket": "production", "registry": "prod", "before": "main"}),
        ],
        "{audit}"
    );
}

/// facetctl as `user` against the server.
fn as_user(ctx: &TestContext, server: &TestServer, user: &str, token: &str) -> Command {
    let mut cmd = ctx.command();
    cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", user).env("FACETS_TOKEN", token);
    cmd
}

fn json(ctx: &TestContext, mut cmd: Command, args: &[&str]) -> serde_json::Value {
    cmd.args(["-o", "json"]).args(args);
    let run: Run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    run.json()
}

#[test]
fn through_a_server_each_registry_gets_its_own_credentials_from_it() {
    let (main, prod) = two_registries();
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let ada = server.add_user(&ctx, "ada", "admin");
    let rel = server.add_user(&ctx, "rel", "release-manager");
    for (name, registry) in [("main", &main), ("prod", &prod)] {
        let (user, password) = registry.credentials.clone().unwrap();
        let mut add = as_user(&ctx, &server, "ada", &ada);
        add.args(["registry", "add", name, "--kind", "generic", "--url", &registry.host, "--insecure"]);
        add.args(["--username", &user, "--password-stdin"]);
        let run = run_with_stdin(&mut add, &password);
        assert_eq!(run.code, 0, "{run:?}");
    }
    json(&ctx, as_user(&ctx, &server, "ada", &ada), &["release-stream", "create", "prod", "--prod"]);
    json(
        &ctx,
        as_user(&ctx, &server, "ada", &ada),
        &["environment", "create", "production", "--release-stream", "prod"],
    );
    json(
        &ctx,
        as_user(&ctx, &server, "ada", &ada),
        &["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"],
    );
    let created = json(&ctx, as_user(&ctx, &server, "ada", &ada), &integration_create());
    assert_eq!(created["bucket_registries"], serde_json::json!({"production": "prod"}));

    // The client holds no registry password: the server hands out each registry's own.
    let build = image::single(ctx.images(), "build-1", "across-server", 2);
    let rel_cmd = || as_user(&ctx, &server, "rel", &rel);
    json(&ctx, rel_cmd(), &["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "staging"]);
    let moved = json(
        &ctx,
        rel_cmd(),
        &["--yes", "promote", "--integration", "payments", "--from", "staging", "--to", "production"],
    );
    assert_eq!(moved["result"], "done", "{moved}");
    assert_eq!(moved["artifact"]["image_uri"], format!("{}/team/payments/production@{}", prod.host, build.digest));
    let staged = skopeo::raw_manifest(&main, "team/payments/staging:build-1").unwrap();
    assert_eq!(skopeo::raw_manifest(&prod, "team/payments/production:build-1").as_deref(), Some(&staged[..]));
    assert_eq!(skopeo::digest(&prod, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));

    // While a writer holds qa's lease, qa's registry does not change under it.
    let (status, lease) =
        server.call("POST", "/cc-ui/v1/artifacts-ci/payments/buckets/qa/lock", Some(("ada", &ada)), None);
    assert_eq!(status, 200, "{lease}");
    let busy = json_run(
        &ctx,
        as_user(&ctx, &server, "ada", &ada),
        &["integration", "update", "payments", "--bucket-registry", "qa=prod"],
    );
    assert_eq!(busy.code, 3, "{busy:?}");
    assert!(busy.stderr.starts_with("error: bucket qa of payments is being written"), "{busy:?}");

    // A change of many buckets is all or none, over the API as on the command line.
    let (status, _) = server.call("GET", "/cc-ui/v1/artifacts-ci/name/payments", Some(("ada", &ada)), None);
    assert_eq!(status, 200);
    let id = created["id"].to_string();
    let body = serde_json::json!({"ciName": "payments", "registrationType": "ENVIRONMENT",
        "promotionWorkflowId": created_workflow_id(&server, &ada),
        "bucketArtifactories": {"production": "prod", "staging": "prod", "nowhere": "prod"}});
    let (status, refused) =
        server.call("PUT", &format!("/cc-ui/v1/artifacts-ci/{id}"), Some(("ada", &ada)), Some(body));
    assert_eq!(status, 404, "{refused}");
    let twice = json_run(
        &ctx,
        as_user(&ctx, &server, "ada", &ada),
        &[
            "integration",
            "update",
            "payments",
            "--bucket-registry",
            "staging=prod",
            "--bucket-registry",
            "STAGING=main",
        ],
    );
    assert_eq!(twice.code, 2, "{twice:?}");

    // A Facets client reads the artifact as in prod's "artifactory".
    let (status, listed) = server.call("GET", "/cc-ui/v1/artifacts-ci/name/payments", Some(("rel", &rel)), None);
    assert_eq!(status, 200, "{listed}");
    assert_eq!(
        listed["bucketArtifactories"],
        serde_json::json!({"production": "prod"}),
        "nothing of the refused changes"
    );
}

fn json_run(ctx: &TestContext, mut cmd: Command, args: &[&str]) -> Run {
    cmd.args(args);
    ctx.run_with(&mut cmd)
}

fn created_workflow_id(server: &TestServer, token: &str) -> String {
    let (status, ci) = server.call("GET", "/cc-ui/v1/artifacts-ci/name/payments", Some(("ada", token)), None);
    assert_eq!(status, 200, "{ci}");
    ci["promotionWorkflowId"].as_str().unwrap().to_owned()
}
