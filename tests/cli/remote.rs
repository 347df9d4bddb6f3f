//! The CLI against `facetctl server`: the same story as on the embedded
//! control plane, with registry work on the client and records on the
//! server, the actor being whoever authenticated.

use crate::support::context::{Run, run_with_stdin};
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo};

struct World {
    registry: TestRegistry,
    server: TestServer,
    ctx: TestContext,
    tokens: std::collections::HashMap<&'static str, String>,
}

impl World {
    fn new(backend: &str) -> World {
        let registry = TestRegistry::htpasswd("ci", "remote-reg-pw-4e1f");
        let ctx = TestContext::new();
        let server = TestServer::start(&ctx, &database(&ctx, backend));
        let mut tokens = std::collections::HashMap::new();
        for (user, role) in [("ada", "admin"), ("dev", "developer"), ("rel", "release-manager"), ("vic", "viewer")] {
            tokens.insert(user, server.add_user(&ctx, user, role));
        }
        World { registry, server, ctx, tokens }
    }

    /// facetctl as `user`, pointed at the server the way a CI step is.
    fn as_user(&self, user: &'static str) -> std::process::Command {
        let mut cmd = self.ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &self.server.url)
            .env("FACETS_USERNAME", user)
            .env("FACETS_TOKEN", &self.tokens[user]);
        cmd
    }

    fn run(&self, user: &'static str, args: &[&str]) -> Run {
        let mut cmd = self.as_user(user);
        cmd.args(args);
        self.ctx.run_with(&mut cmd)
    }

    fn ok_json(&self, user: &'static str, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["-o", "json"];
        all.extend_from_slice(args);
        let run = self.run(user, &all);
        assert_eq!(run.code, 0, "{user}: {args:?}: {run:?}");
        run.json()
    }

    fn set_up(&self) {
        let mut add = self.as_user("ada");
        add.args([
            "registry",
            "add",
            "local",
            "--kind",
            "generic",
            "--url",
            &self.registry.host,
            "--insecure",
            "--username",
            "ci",
            "--password-stdin",
        ]);
        let run = run_with_stdin(&mut add, "remote-reg-pw-4e1f");
        assert_eq!(run.code, 0, "{run:?}");
        self.ok_json("ada", &["release-stream", "create", "prod", "--prod"]);
        self.ok_json("ada", &["environment", "create", "production", "--release-stream", "prod"]);
        self.ok_json(
            "ada",
            &["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"],
        );
        self.ok_json(
            "ada",
            &[
                "integration",
                "create",
                "payments",
                "--type",
                "environment",
                "--registry",
                "local",
                "--repository",
                "team/payments",
                "--workflow",
                "standard",
            ],
        );
    }
}

fn the_story_against_a_server(backend: &str) {
    let w = World::new(backend);
    w.set_up();
    let first = image::single(w.ctx.images(), "build-1", "remote", 3);
    let second = image::single(w.ctx.images(), "build-2", "remote", 2);

    let pushed =
        w.ok_json("dev", &["artifact", "push", &first.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(pushed["artifact"]["created_by"], "dev", "the server records who authenticated, not FACETCTL_ACTOR");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/qa:current").as_deref(), Some(first.digest.as_str()));
    let promoted = w.ok_json("dev", &["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["copy"]["blobs_mounted"], 4);
    assert_eq!(skopeo::digest(&w.registry, "team/payments/staging:current").as_deref(), Some(first.digest.as_str()));

    // The server finds one artifact by tag, or by digest, for a move's checks.
    let impostor = image::single(w.ctx.images(), "build-1", "impostor", 1);
    let run = w.run("dev", &["artifact", "push", &impostor.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("tags are immutable"), "{run:?}");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/qa:build-1").as_deref(), Some(first.digest.as_str()));
    w.ok_json("dev", &["artifact", "push", &second.source(), "--integration", "payments", "--bucket", "qa"]);
    let promoted = w.ok_json(
        "dev",
        &["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--digest", &second.digest],
    );
    assert_eq!(promoted["artifact"]["tag"], "build-2");
    let rolled = w.ok_json(
        "dev",
        &["rollback", "--integration", "payments", "--bucket", "staging", "--reason", "smoke tests fail", "--yes"],
    );
    assert_eq!(rolled["to"]["digest"], first.digest.as_str());
    assert_eq!(skopeo::digest(&w.registry, "team/payments/staging:current").as_deref(), Some(first.digest.as_str()));

    // Skipping a stage is refused the same way as locally.
    let run = w.run("dev", &["promote", "--integration", "payments", "--from", "qa", "--to", "production"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("allows qa -> staging only"), "{run:?}");

    // production is protected: a developer may not promote into it, a release manager may.
    let run = w.run("dev", &["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("protected") && run.stderr.contains("release-manager"), "{run:?}");
    assert_eq!(
        skopeo::digest(&w.registry, "team/payments/production:build-1"),
        None,
        "refused before the registry changed"
    );
    w.ok_json(
        "rel",
        &[
            "promote",
            "--integration",
            "payments",
            "--from",
            "staging",
            "--to",
            "production",
            "--reason",
            "release 1",
            "--yes",
        ],
    );
    assert_eq!(skopeo::digest(&w.registry, "team/payments/production:current").as_deref(), Some(first.digest.as_str()));

    // A viewer reads, and may not write.
    let history = w.ok_json("vic", &["history", "--integration", "payments"]);
    let actors: Vec<&str> = history.as_array().unwrap().iter().map(|e| e["actor"].as_str().unwrap()).collect();
    assert_eq!(actors, ["rel", "dev", "dev", "dev", "dev", "dev"]);
    let run = w.run("vic", &["artifact", "push", &first.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("vic is a viewer"), "{run:?}");
    let audit = w.ok_json("vic", &["audit", "--actor", "rel"]);
    assert_eq!(audit[0]["action"], "artifact.promote");
    assert!(!w.server.log_text().contains("remote-reg-pw-4e1f"), "the registry password is not in the server's log");
}

#[test]
fn the_story_against_a_server_on_sqlite() {
    the_story_against_a_server("sqlite");
}

#[test]
fn the_story_against_a_server_on_postgresql() {
    the_story_against_a_server("postgres");
}

#[test]
fn login_saves_a_profile_that_later_commands_use_until_logout() {
    let w = World::new("sqlite");
    w.set_up();
    let mut login = w.ctx.command();
    login.args(["login", "--url", &w.server.url, "--username", "dev", "--token-stdin"]);
    let run = run_with_stdin(&mut login, &w.tokens["dev"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!std::fs::read_to_string(w.ctx.facetctl_home().join("profiles.json")).unwrap().contains(&w.tokens["dev"]));
    assert_eq!(w.ctx.ok(&["whoami"]).trim(), format!("dev on {}", w.server.url));
    let listed = w.ctx.json(&["integration", "list"]);
    assert_eq!(listed[0]["name"], "payments", "the profile's control plane answers");

    let https = w.server.url.replacen("http://", "https://", 1);
    let mut over_tls = w.ctx.command();
    over_tls.args(["login", "--url", &https, "--username", "dev", "--token-stdin"]);
    let refused = run_with_stdin(&mut over_tls, &w.tokens["dev"]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("it answered in plain HTTP, not TLS; give its URL as http://"), "{refused:?}");
    assert!(!refused.stderr.contains(&w.tokens["dev"]), "the token is not shown");
    assert_eq!(w.ctx.ok(&["whoami"]).trim(), format!("dev on {}", w.server.url), "the profile is unchanged");

    let mut wrong = w.ctx.command();
    wrong.args(["login", "--url", &w.server.url, "--username", "dev", "--token-stdin"]);
    assert_eq!(run_with_stdin(&mut wrong, "fct_not-a-token").code, 3, "a wrong token is refused and not saved");
    assert_eq!(w.ctx.ok(&["whoami"]).trim(), format!("dev on {}", w.server.url));

    w.ctx.ok(&["logout"]);
    assert_eq!(w.ctx.ok(&["whoami"]).trim(), "alice on the embedded control plane");
    assert_eq!(w.ctx.json(&["integration", "list"]), serde_json::json!([]));
}

#[test]
fn fifty_pushes_and_promotions_across_two_replicas_lose_nothing() {
    let w = World::new("postgres");
    let replica = TestServer::start(&w.ctx, &w.server.database);
    w.set_up();
    let first = image::single(w.ctx.images(), "build-0", "replicas", 1);
    w.ok_json("dev", &["artifact", "push", &first.source(), "--integration", "payments", "--bucket", "qa"]);
    let builds: Vec<_> =
        (1..=25).map(|i| image::single(w.ctx.images(), &format!("build-{i}"), "replicas", 1)).collect();

    let children: Vec<(String, std::process::Child)> = (0..50)
        .map(|i| {
            let mut cmd = w.as_user("dev");
            cmd.env("FACETS_CONTROL_PLANE_URL", if i % 2 == 0 { &w.server.url } else { &replica.url });
            let args: Vec<String> = if i < 25 {
                ["-o", "json", "artifact", "push", &builds[i].source(), "--integration", "payments", "--bucket", "qa"]
                    .map(String::from)
                    .to_vec()
            } else {
                ["-o", "json", "promote", "--integration", "payments", "--from", "qa", "--to", "staging"]
                    .map(String::from)
                    .to_vec()
            };
            let child = cmd
                .args(&args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            (args.join(" "), child)
        })
        .collect();
    let (mut pushed, mut promoted) = (0, 0);
    for (what, child) in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{what}: {stderr}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        if what.contains(" push ") {
            pushed += 1;
        } else if doc["result"] == "done" {
            promoted += 1;
        }
    }
    assert_eq!(pushed, 25);

    let history = w.ok_json("vic", &["history", "--integration", "payments", "--limit", "1000"]);
    let mut events: Vec<serde_json::Value> = history.as_array().unwrap().clone();
    events.reverse();
    for bucket in ["qa", "staging"] {
        let seq: Vec<&serde_json::Value> = events.iter().filter(|e| e["bucket"] == bucket).collect();
        let expected = if bucket == "qa" { 26 } else { promoted };
        assert_eq!(seq.len(), expected, "one {bucket} event per move");
        let times: Vec<&str> = seq.iter().map(|e| e["created_at"].as_str().unwrap()).collect();
        assert!(times.windows(2).all(|t| t[0] <= t[1]), "{bucket}'s history is one sequence in time");
        let witnessed = skopeo::digest(&w.registry, &format!("team/payments/{bucket}:current"));
        assert_eq!(
            witnessed.as_deref(),
            seq.last().unwrap()["digest"].as_str(),
            "the registry's {bucket} tag is the recorded head"
        );
    }
    let qa_digests: std::collections::HashSet<&str> =
        events.iter().filter(|e| e["bucket"] == "qa").map(|e| e["digest"].as_str().unwrap()).collect();
    assert!(
        events.iter().filter(|e| e["bucket"] == "staging").all(|e| qa_digests.contains(e["digest"].as_str().unwrap()))
    );
}

#[test]
fn a_facets_client_registers_and_promotes_through_the_facets_routes() {
    let schemas = crate::support::facets_schema::FacetsSchemas::load();
    let w = World::new("sqlite");
    w.set_up();
    // The CI pushed its build to the registry by itself.
    let build = image::single(w.ctx.images(), "build-9", "facets-client", 2);
    skopeo::upload(&w.registry, &format!("oci:{}:build-9", build.dir.display()), "ci/payments:build-9");

    let dev = Some(("dev", w.tokens["dev"].as_str()));
    let request = serde_json::json!({
        "applicationName": "payments", "artifactUri": format!("{}/ci/payments:build-9", w.registry.host),
        "registrationType": "ENVIRONMENT", "registrationValue": "qa", "buildId": "run-77", "unknownToUs": 1,
    });
    assert!(schemas.check("Artifact", &request).is_empty(), "the request is a Facets Artifact");
    let (status, registered) = w.server.call("POST", "/cc-ui/v1/artifacts/register", dev, Some(request.clone()));
    assert_eq!(status, 200, "{registered}");
    let registered = &registered[0];
    assert!(schemas.check("Artifact", registered).is_empty(), "{:?}", schemas.check("Artifact", registered));
    assert_eq!(registered["digest"], build.digest.as_str());
    assert_eq!(registered["createdBy"], "dev");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    let qa_id = registered["id"].as_str().unwrap();
    let (status, staged) =
        w.server.call("POST", &format!("/cc-ui/v1/artifacts/promote?ciName=payments&artifactId={qa_id}"), dev, None);
    assert_eq!(status, 200, "{staged}");
    assert_eq!(staged["registrationValue"], "staging");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));

    // production is protected: a developer is refused before anything moves; a release manager is not.
    let (_, ci) = w.server.call("GET", "/cc-ui/v1/artifacts-ci/name/payments", dev, None);
    let path = format!("/cc-ui/v1/artifacts/{}/promote/{}", ci["id"].as_str().unwrap(), staged["id"].as_str().unwrap());
    let (status, error) = w.server.call("POST", &path, dev, None);
    assert_eq!((status, &error["code"]), (403, &serde_json::json!("FORBIDDEN")), "{error}");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/production:current"), None);
    let (status, released) = w.server.call("POST", &path, Some(("rel", w.tokens["rel"].as_str())), None);
    assert_eq!((status, &released["registrationValue"]), (200, &serde_json::json!("production")), "{released}");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));

    let (status, _) =
        w.server.call("POST", "/cc-ui/v1/artifacts/register", Some(("vic", w.tokens["vic"].as_str())), Some(request));
    assert_eq!(status, 403, "a viewer cannot register");
}

#[test]
fn workflows_and_integrations_change_and_push_credentials_are_handed_out() {
    let w = World::new("sqlite");
    w.set_up();
    let build = image::single(w.ctx.images(), "build-1", "updates", 1);
    w.ok_json("dev", &["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);

    // Detached from its workflow, an integration cannot promote; attached again, it can.
    w.ok_json("ada", &["integration", "update", "payments", "--no-workflow"]);
    let run = w.run("dev", &["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("has no promotion workflow"), "{run:?}");
    w.ok_json("ada", &["integration", "update", "payments", "--workflow", "standard"]);
    // A workflow with new stages: qa now leads straight to staging-eu.
    let updated = w.ok_json("ada", &["workflow", "update", "standard", "--stages", "qa,staging-eu,production"]);
    assert_eq!(updated["stages"], serde_json::json!(["qa", "staging-eu", "production"]));
    w.ok_json("dev", &["promote", "--integration", "payments", "--from", "qa", "--to", "staging-eu"]);
    assert_eq!(skopeo::digest(&w.registry, "team/payments/staging-eu:current").as_deref(), Some(build.digest.as_str()));
    let run = w.run("dev", &["workflow", "update", "standard", "--stages", "qa,staging"]);
    assert_eq!(run.code, 3, "only admins change workflows: {run:?}");
    let run = w.run("ada", &["workflow", "update", "standard", "--stages", "qa"]);
    assert_eq!(run.code, 2, "a workflow still needs two stages: {run:?}");

    // Push credentials for a bucket: what the server holds, as base64(user:password).
    let path = "/cc-ui/v1/artifacts/pushCredentialsV2/artifactName/payments/registrationType/ENVIRONMENT/value/qa";
    let (status, data) = w.server.call("POST", path, Some(("dev", w.tokens["dev"].as_str())), None);
    assert_eq!(status, 200, "{data}");
    let decoded = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        data["authorizationToken"].as_str().unwrap(),
    )
    .unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), "ci:remote-reg-pw-4e1f");
    assert_eq!(data["proxyEndpoint"], format!("http://{}", w.registry.host));
    let production =
        "/cc-ui/v1/artifacts/pushCredentialsV2/artifactName/payments/registrationType/ENVIRONMENT/value/production";
    assert_eq!(w.server.call("POST", production, Some(("dev", w.tokens["dev"].as_str())), None).0, 403, "protected");
    assert_eq!(
        w.server.call("POST", path, Some(("vic", w.tokens["vic"].as_str())), None).0,
        403,
        "viewers push nothing"
    );

    // Artifacts are history: deleting one is refused with the way out.
    let (status, error) =
        w.server.call("DELETE", "/cc-ui/v1/artifacts/1", Some(("dev", w.tokens["dev"].as_str())), None);
    assert_eq!(status, 409);
    assert!(error["message"].as_str().unwrap().contains("roll the bucket back"), "{error}");
}

#[test]
fn on_a_server_roles_decide_who_freezes_and_who_forces_a_move() {
    let w = World::new("sqlite");
    w.set_up();
    let build = image::single(w.ctx.images(), "build-1", "remote-freeze", 1);
    w.ok_json("dev", &["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let freeze = [
        "freeze",
        "create",
        "--integration",
        "payments",
        "--bucket",
        "staging",
        "--from",
        "2026-01-01T00:00:00Z",
        "--until",
        "2099-01-01T00:00:00Z",
        "--reason",
        "quarter close",
    ];
    let by_dev = w.run("dev", &freeze);
    assert_eq!(by_dev.code, 3, "a developer does not freeze: {by_dev:?}");
    w.ok_json("rel", &freeze);

    let promote = ["promote", "--integration", "payments", "--from", "qa", "--to", "staging"];
    let held = w.run("dev", &promote);
    assert_eq!(held.code, 3, "{held:?}");
    assert!(held.stderr.contains("frozen until 2099-01-01T00:00:00+00:00"), "{held:?}");
    let forced: Vec<&str> = promote.iter().copied().chain(["--force", "--reason", "close fix"]).collect();
    let by_dev = w.run("dev", &forced);
    assert_eq!(by_dev.code, 3, "a developer does not force: {by_dev:?}");
    assert!(by_dev.stderr.contains("user dev may not force a move through a freeze"), "{by_dev:?}");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/staging:current"), None, "nothing moved");

    // A release manager forces through the freeze, not off the workflow.
    let skip =
        ["promote", "--integration", "payments", "--from", "qa", "--to", "production", "--force", "--reason", "x"];
    let by_rel = w.run("rel", &skip);
    assert_eq!(by_rel.code, 3, "{by_rel:?}");
    assert!(by_rel.stderr.contains("user rel may not force a move off the workflow"), "{by_rel:?}");
    let moved = w.ok_json("rel", &forced);
    assert_eq!(moved["promotion"]["forced"], true);
    assert_eq!(moved["promotion"]["actor"], "rel");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn on_a_server_the_last_approval_runs_the_gated_move_there() {
    let w = World::new("postgres");
    w.set_up();
    w.ok_json(
        "ada",
        &["workflow", "update", "standard", "--stages", "qa,staging,production", "--gate", "production:2"],
    );
    let build = image::single(w.ctx.images(), "build-1", "remote-gate", 1);
    w.ok_json("dev", &["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    w.ok_json("dev", &["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);

    // A developer asks; production is protected, so release managers and admins decide.
    let asked = w.ok_json("dev", &["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(asked["request"]["approvals_needed"], 2);
    let id = asked["request"]["id"].to_string();
    let own = w.run("dev", &["approve", &id]);
    assert_eq!(own.code, 3, "{own:?}");
    let viewer = w.run("vic", &["approve", &id]);
    assert_eq!(viewer.code, 3, "a viewer decides nothing: {viewer:?}");
    // Called directly over HTTP, around the CLI, the server refuses a promotion into the gated
    // stage that is not the run of an approved request, even an admin's, even forced.
    let staged = w.ok_json("vic", &["artifact", "list", "--integration", "payments", "--bucket", "staging"])[0]["id"]
        .as_i64()
        .unwrap();
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
        use facetctl::control::{ControlPlane, LockAttempt, NewPromotion};
        let token = facetctl::registry::auth::Secret::new(w.tokens["ada"].clone());
        let ada = facetctl::control::remote::Remote::connect(reqwest::Client::new(), &w.server.url, "ada", token)
            .await
            .unwrap();
        let LockAttempt::Acquired(lock) = ada.lock_bucket("payments", "production", "ada").await.unwrap() else {
            panic!("production is free");
        };
        let bypass = NewPromotion {
            source_artifact_id: staged,
            reason: Some("now".into()),
            forced: true,
            request: None,
            release: None,
        };
        let refused = ada.record_promotion(&lock, bypass).await.unwrap_err();
        assert_eq!(refused.kind(), facetctl::ErrorKind::Refused, "{refused}");
        assert!(refused.to_string().contains("stage production of payments is gated"), "{refused}");
        ada.unlock_bucket(&lock).await.unwrap();
    });
    assert_eq!(w.ok_json("rel", &["approve", &id])["state"], "awaiting-approval");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/production:current"), None);
    let done = w.ok_json("ada", &["approve", &id, "--reason", "ship it"]);
    assert_eq!(done["state"], "done", "{done}");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
    let history = w.ok_json("vic", &["history", "--integration", "payments", "--bucket", "production"]);
    assert_eq!(
        (&history[0]["actor"], &history[0]["digest"]),
        (&serde_json::json!("ada"), &serde_json::json!(build.digest))
    );
    let shown = w.ok_json("vic", &["promotion", "show", &id]);
    assert_eq!(shown["promotion_id"], done["promotion_id"]);
}
