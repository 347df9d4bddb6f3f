//! The control plane is the authority: every rule is checked where records
//! are written, so a direct API call can do no more than the CLI, the server
//! records nothing the registry does not hold, and the registry's moving tag
//! never stays on a digest that no record names. Each test here pins a
//! defect that an attacker or a killed, paused or refused run could cause.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::context::Run;
use crate::support::fault_proxy::{Fault, FaultProxy};
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo, wait_until};

/// A server on `backend`, four users, and a registry (its URL in the control
/// plane is `registry_host`: the registry, or a proxy in front of it) with
/// the qa -> staging -> production workflow and the integration `payments`.
struct World {
    ctx: TestContext,
    server: TestServer,
    tokens: std::collections::HashMap<&'static str, String>,
}

impl World {
    fn new(backend: &str, registry_host: &str) -> World {
        let ctx = TestContext::new();
        let server = TestServer::start(&ctx, &database(&ctx, backend));
        let mut tokens = std::collections::HashMap::new();
        for (user, role) in [("ada", "admin"), ("dev", "developer"), ("rel", "release-manager")] {
            tokens.insert(user, server.add_user(&ctx, user, role));
        }
        let w = World { ctx, server, tokens };
        let add =
            w.run("ada", &["registry", "add", "local", "--kind", "generic", "--url", registry_host, "--insecure"]);
        assert_eq!(add.code, 0, "{add:?}");
        w.ok("ada", &["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
        w.ok(
            "ada",
            &["integration", "create", "payments", "--type", "environment", "--registry", "local"]
                .into_iter()
                .chain(["--repository", "team/payments", "--workflow", "standard"])
                .collect::<Vec<_>>(),
        );
        w
    }

    fn command(&self, user: &'static str) -> Command {
        let mut cmd = self.ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &self.server.url)
            .env("FACETS_USERNAME", user)
            .env("FACETS_TOKEN", &self.tokens[user]);
        cmd
    }

    fn run(&self, user: &'static str, args: &[&str]) -> Run {
        self.ctx.run_with(self.command(user).args(args))
    }

    fn ok(&self, user: &'static str, args: &[&str]) -> Value {
        let mut all = vec!["-o", "json"];
        all.extend_from_slice(args);
        let run = self.run(user, &all);
        assert_eq!(run.code, 0, "{user}: {args:?}: {run:?}");
        run.json()
    }

    /// One request to the API as `user`.
    fn call(&self, user: &'static str, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        self.server.call(method, path, Some((user, self.tokens[user].as_str())), body)
    }

    fn lock(&self, user: &'static str, bucket: &str) -> (u16, Value) {
        self.call(user, "POST", &format!("/cc-ui/v1/artifacts-ci/payments/buckets/{bucket}/lock"), None)
    }

    /// A request that carries a bucket's lease token.
    fn call_with_lease(&self, user: &'static str, path: &str, token: &str, body: Value) -> (u16, Value) {
        let url = format!("{}{path}", self.server.url);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let resp = reqwest::Client::new()
                .post(url)
                .basic_auth(user, Some(&self.tokens[user]))
                .header("x-facetctl-lock", token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            (status, resp.json().await.unwrap_or(Value::Null))
        })
    }

    fn history(&self) -> Vec<Value> {
        self.ok("dev", &["history", "--integration", "payments"]).as_array().unwrap().clone()
    }
}

fn push_source(w: &World, image: &image::OciImage, bucket: &str) -> Value {
    w.ok("dev", &["artifact", "push", &image.source(), "--integration", "payments", "--bucket", bucket])
}

#[test]
fn a_server_takes_images_from_its_own_registries_only() {
    let registry = TestRegistry::plain();
    let w = World::new("sqlite", &registry.host);
    let secret_file = w.ctx.images().join("server-secret.txt");
    std::fs::write(&secret_file, "root:x:0:0:the-server-s-own-secret\n").unwrap();
    let layout = image::single(w.ctx.images(), "build-1", "server-disk", 1);
    for uri in [
        format!("docker-archive:{}", secret_file.display()),
        layout.source(),
        "docker-daemon:anything:latest".to_owned(),
    ] {
        let body =
            json!({"applicationName": "payments", "artifactUri": uri, "registrationValue": "qa", "tag": "build-1"});
        let (status, error) = w.call("dev", "POST", "/cc-ui/v1/artifacts/push", Some(body));
        assert_eq!(status, 400, "{uri}: {error}");
        let message = error["message"].as_str().unwrap();
        assert!(message.starts_with("artifactUri must be an image in a registry"), "{uri}: {error}");
        assert!(!message.contains("the-server-s-own-secret"), "the server's files stay its own: {error}");
    }
    // A registry the control plane does not know: the server never sends its identity there.
    let elsewhere = TestRegistry::plain();
    skopeo::upload(&elsewhere, &layout.source(), "team/payments:build-1");
    let body = json!({"applicationName": "payments", "artifactUri": format!("{}/team/payments:build-1", elsewhere.host),
                      "registrationValue": "qa"});
    let (status, error) = w.call("dev", "POST", "/cc-ui/v1/artifacts/push", Some(body));
    assert_eq!(status, 409, "{error}");
    assert_eq!(
        error["message"],
        format!(
            "registry {} is not one this control plane knows; an admin adds it (POST /cc-ui/v1/artifactories) before images are taken from it",
            elsewhere.host
        )
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-1"), None, "nothing reached the registry");
    assert!(w.history().is_empty(), "nothing was recorded");
}

fn record_routes_keep_the_workflow_and_the_buckets(backend: &str) {
    let registry = TestRegistry::plain();
    let w = World::new(backend, &registry.host);
    let build = image::single(w.ctx.images(), "build-1", "rules", 2);
    let pushed = push_source(&w, &build, "qa");
    let qa_artifact = pushed["artifact"]["id"].as_i64().unwrap();

    // No lease on a bucket the integration does not have.
    let (status, error) = w.lock("rel", "nope");
    assert_eq!(status, 404, "{error}");
    assert_eq!(
        error["message"],
        "unknown bucket \"nope\" for integration payments: use one of qa, staging, production"
    );

    // qa -> production straight through the record route, with a real lease: refused where it is written.
    let (status, lease) = w.lock("rel", "production");
    assert_eq!((status, &lease["acquired"]), (200, &json!(true)), "{lease}");
    for at in ["production:build-1", "production:current"] {
        skopeo::upload(&registry, &build.source(), &format!("team/payments/{at}"));
    }
    let (status, error) = w.call_with_lease(
        "rel",
        "/cc-ui/v1/artifacts-ci/payments/buckets/production/promotions",
        lease["token"].as_str().unwrap(),
        json!({"source_artifact_id": qa_artifact, "reason": "skipping staging"}),
    );
    assert_eq!(status, 409, "{error}");
    assert_eq!(
        error["message"],
        "cannot promote payments from qa to production: the workflow \"standard\" allows qa -> staging only"
    );
    assert_eq!(w.history().len(), 1, "only the push is recorded");
    let (_, audit) = w.call("ada", "GET", "/cc-ui/v1/audit-logs?size=50", None);
    assert!(
        audit["content"].as_array().unwrap().iter().all(|e| e["entityActionLabel"] != "artifact.promote"),
        "{audit}"
    );
}

#[test]
fn record_routes_keep_the_workflow_and_the_buckets_on_sqlite() {
    record_routes_keep_the_workflow_and_the_buckets("sqlite");
}

#[test]
fn record_routes_keep_the_workflow_and_the_buckets_on_postgresql() {
    record_routes_keep_the_workflow_and_the_buckets("postgres");
}

#[test]
fn the_server_records_only_what_the_registry_serves() {
    let registry = TestRegistry::plain();
    let w = World::new("sqlite", &registry.host);
    let (status, lease) = w.lock("dev", "qa");
    assert_eq!(status, 200, "{lease}");
    let ghost = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    let (status, error) = w.call_with_lease(
        "dev",
        "/cc-ui/v1/artifacts-ci/payments/buckets/qa/artifacts",
        lease["token"].as_str().unwrap(),
        json!({"tag": "ghost", "digest": ghost, "media_type": "application/vnd.oci.image.manifest.v1+json",
               "external_id": null, "description": null, "kind": "register"}),
    );
    assert_eq!(status, 409, "{error}");
    assert_eq!(
        error["message"],
        format!(
            "registry local does not serve {ghost} as team/payments/qa:ghost (it has no such tag); write the image there first; nothing was recorded"
        )
    );
    assert!(w.history().is_empty());
}

#[test]
fn a_refused_record_puts_the_moving_tag_back() {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let w = World::new("sqlite", &proxy.host);
    let first = image::single(w.ctx.images(), "build-1", "put-back", 2);
    let second = image::single(w.ctx.images(), "build-2", "put-back-2", 2);
    assert_ne!(first.digest, second.digest);
    push_source(&w, &first, "qa");

    // The server's look at the registry fails, after the client moved the tags.
    proxy.inject(reqwest::Method::HEAD, "/manifests/build-2", Fault::Answer { status: 404, body: "" }, 1);
    let run = w.run("dev", &["artifact", "push", &second.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(proxy.all_faults_fired());
    assert!(
        run.stderr.contains(&format!(
            "nothing was recorded; the moving tag current was put back on the recorded head build-1 ({})",
            first.digest
        )),
        "{run:?}"
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(first.digest.as_str()));
    assert_eq!(w.history().len(), 1);

    // What a record would refuse is refused before the registry is touched.
    let third = image::single(w.ctx.images(), "build-3", "put-back-3", 1);
    let log = "x".repeat(100_000);
    let run = w.run(
        "dev",
        &[
            "artifact",
            "push",
            &third.source(),
            "--integration",
            "payments",
            "--bucket",
            "qa",
            "--meta",
            &format!("log={log}"),
        ],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("the metadata is 100003 bytes; a record keeps at most 65536"), "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-3"), None);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(first.digest.as_str()));
}

fn spawn(cmd: &mut Command) -> Child {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}

fn signal(child: &Child, sig: &str) {
    assert!(Command::new("kill").args([sig, &child.id().to_string()]).status().unwrap().success());
}

#[test]
fn a_writer_paused_past_its_lease_does_not_move_the_tag() {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &proxy.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let first = image::single(ctx.images(), "build-1", "paused", 1);
    let late = image::single(ctx.images(), "build-2", "paused-2", 1);
    let next = image::single(ctx.images(), "build-3", "paused-3", 1);
    assert!(first.digest != late.digest && late.digest != next.digest);
    ctx.json(&["artifact", "push", &first.source(), "--integration", "payments", "--bucket", "qa"]);

    // The writer stops right after it took the bucket and sent its first tag.
    proxy.inject(reqwest::Method::PUT, "/manifests/build-2", Fault::Hold, 1);
    let mut paused = ctx.command();
    paused.env("FACETCTL_LOCK_LEASE_MS", "1000");
    paused.args(["artifact", "push", &late.source(), "--integration", "payments", "--bucket", "qa"]);
    let paused = spawn(&mut paused);
    wait_until("the paused writer's tag write", Duration::from_secs(30), || {
        proxy.log().iter().any(|l| l.starts_with("PUT ") && l.contains("/manifests/build-2 held"))
    });
    signal(&paused, "-STOP");

    // Its lease runs out; the next writer takes the bucket and finishes.
    ctx.json(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    proxy.release();
    signal(&paused, "-CONT");
    let out = paused.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("lost the lease on bucket qa of payments"), "{stderr}");
    assert!(
        stderr.contains("tag build-2 was written, the moving tag current was not; nothing was recorded"),
        "{stderr}"
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(next.digest.as_str()));
    let history = ctx.history();
    assert_eq!(history.last().unwrap()["tag"], "build-3");
    assert_eq!(history.len(), 2);
    let verified = ctx.run(&["verify"]);
    assert_eq!(verified.code, 0, "the registry agrees with the records: {verified:?}");
}

#[test]
fn a_moving_tag_that_drifted_is_reported_and_put_back() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "drift", 2);
    let stranger = image::single(ctx.images(), "hotfix", "drift", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let staging_head = ctx.history().last().unwrap()["artifact_id"].clone();

    // Someone pushes over staging's moving tag behind facetctl's back.
    skopeo::upload(&registry, &stranger.source(), "team/payments/staging:current");
    let run = ctx.run(&["-o", "json", "verify", "--integration", "payments"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(
        run.stderr.contains("1 of 4 tag(s) differ from the records; `facetctl verify --repair` puts them back"),
        "{run:?}"
    );
    assert_eq!(
        run.json(),
        json!({"checked": 4, "drifts": [{
            "integration": "payments", "bucket": "staging", "tag": "current", "role": "moving",
            "artifact_id": staging_head, "expected": build.digest, "found": stranger.digest, "repaired": false}]})
    );

    // Promoting what is already the head puts the moving tag back, and says so.
    let run = ctx.run(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        format!(
            "build-1 {} is already the head of staging; its moving tag current named {} and was put back on it",
            build.digest, stranger.digest
        )
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));

    // Two tags moved behind facetctl's back: `verify --repair` puts both back and audits each.
    skopeo::upload(&registry, &stranger.source(), "team/payments/qa:current");
    skopeo::upload(&registry, &stranger.source(), "team/payments/qa:build-1");
    let repaired = ctx.json(&["verify", "--repair", "--yes"]);
    assert_eq!(repaired["drifts"].as_array().unwrap().len(), 2, "{repaired}");
    assert!(repaired["drifts"].as_array().unwrap().iter().all(|d| d["repaired"] == true), "{repaired}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-1").as_deref(), Some(build.digest.as_str()));
    let audit = ctx.json(&["audit"]);
    let repairs: Vec<&Value> = audit.as_array().unwrap().iter().filter(|e| e["action"] == "bucket.repair").collect();
    assert_eq!(repairs.len(), 3, "the promotion's repair and verify's two: {audit}");
    assert_eq!(ctx.run(&["verify"]).code, 0);
}

#[test]
fn a_run_killed_after_it_moved_the_tag_is_repaired_by_verify() {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &proxy.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let first = image::single(ctx.images(), "build-1", "killed", 1);
    let killed = image::single(ctx.images(), "build-2", "killed-2", 1);
    ctx.json(&["artifact", "push", &first.source(), "--integration", "payments", "--bucket", "qa"]);

    // The moving tag's write reaches the registry, and the run dies before it hears back or records.
    proxy.inject(reqwest::Method::PUT, "/manifests/current", Fault::Hold, 1);
    let mut run = ctx.command();
    run.args(["artifact", "push", &killed.source(), "--integration", "payments", "--bucket", "qa"]);
    let mut child = spawn(&mut run);
    wait_until("the moving tag's write", Duration::from_secs(30), || {
        proxy.log().iter().any(|l| l.contains("/manifests/current held"))
    });
    signal(&child, "-KILL");
    child.wait().unwrap();
    proxy.release();
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(killed.digest.as_str()));

    let found = ctx.run(&["-o", "json", "verify"]);
    assert_eq!(found.code, 3, "{found:?}");
    assert_eq!(found.json()["drifts"][0]["found"], killed.digest.as_str());
    ctx.json(&["verify", "--repair", "--yes"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(first.digest.as_str()));
    assert_eq!(ctx.history().len(), 1, "the killed run recorded nothing");
}

#[test]
fn a_server_leaves_a_lease_to_run_out_when_the_replica_that_granted_it_is_gone() {
    let registry = TestRegistry::plain();
    let w = World::new("sqlite", &registry.host);
    let (status, lease) = w.lock("dev", "qa");
    assert_eq!((status, &lease["acquired"]), (200, &json!(true)), "{lease}");
    // The replica that granted it stops; its pid is gone from this host, but the client lives on.
    let database = w.server.database.clone();
    let World { ctx, server, tokens } = w;
    assert!(server.terminate().success());
    let replica = TestServer::start(&ctx, &database);
    let (status, second) = replica.call(
        "POST",
        "/cc-ui/v1/artifacts-ci/payments/buckets/qa/lock",
        Some(("dev", tokens["dev"].as_str())),
        None,
    );
    assert_eq!(status, 200, "{second}");
    assert_eq!(second["acquired"], false, "the first client's lease still holds: {second}");
}

#[test]
fn a_refused_remote_write_touches_no_registry() {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let w = World::new("sqlite", &proxy.host);
    w.ok("ada", &["release-stream", "create", "prod", "--prod"]);
    w.ok("ada", &["environment", "create", "production", "--release-stream", "prod"]);
    let build = image::single(w.ctx.images(), "build-1", "refused", 2);
    let run =
        w.run("dev", &["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "production"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("is protected (production)"), "{run:?}");
    assert!(proxy.log().is_empty(), "no request reached the registry: {:?}", proxy.log());
}

#[test]
fn every_error_the_server_answers_is_error_details() {
    let registry = TestRegistry::plain();
    let w = World::new("sqlite", &registry.host);
    let url = format!("{}/cc-ui/v1/audit-logs?size=not-a-number", w.server.url);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let answers = rt.block_on(async {
        let http = reqwest::Client::new();
        let bad_query = http.get(&url).basic_auth("dev", Some(&w.tokens["dev"])).send().await.unwrap();
        let wrong_type = http
            .post(format!("{}/cc-ui/v1/environments", w.server.url))
            .basic_auth("ada", Some(&w.tokens["ada"]))
            .header("content-type", "text/plain")
            .body("name=qa")
            .send()
            .await
            .unwrap();
        let unprocessable = http
            .post(format!("{}/cc-ui/v1/environments", w.server.url))
            .basic_auth("ada", Some(&w.tokens["ada"]))
            .json(&json!({"name": 7}))
            .send()
            .await
            .unwrap();
        let mut answers = Vec::new();
        for resp in [bad_query, wrong_type, unprocessable] {
            let status = resp.status().as_u16();
            let is_json = resp.headers()["content-type"].to_str().unwrap().starts_with("application/json");
            answers.push((status, is_json, resp.json::<Value>().await.unwrap_or(Value::Null)));
        }
        answers
    });
    let codes: Vec<(u16, bool, &str)> =
        answers.iter().map(|(s, j, v)| (*s, *j, v["code"].as_str().unwrap_or("(not ErrorDetails)"))).collect();
    assert_eq!(
        codes,
        [(400, true, "BAD_REQUEST"), (415, true, "UNSUPPORTED_MEDIA_TYPE"), (422, true, "UNPROCESSABLE_ENTITY")]
    );
    assert!(answers.iter().all(|(_, _, v)| v["message"].as_str().is_some_and(|m| !m.is_empty())));
}

#[test]
fn push_credentials_go_only_to_who_may_write_the_bucket_and_each_is_audited() {
    let registry = TestRegistry::htpasswd("ci", "vault-pw-77d2");
    let w = World::new("sqlite", &registry.host);
    w.ok("ada", &["release-stream", "create", "prod", "--prod"]);
    w.ok("ada", &["environment", "create", "production", "--release-stream", "prod"]);
    let (status, _) = w.call(
        "ada",
        "POST",
        "/cc-ui/v1/artifactories",
        Some(json!({"name": "vault", "artifactoryType": "OTHERS", "uri": "127.0.0.1:1", "insecure": true,
                    "username": "ci", "password": "vault-pw-77d2"})),
    );
    assert_eq!(status, 200);
    w.ok(
        "ada",
        &["integration", "create", "ledger", "--type", "environment", "--registry", "vault", "--workflow", "standard"],
    );
    let path = |bucket: &str| {
        format!("/cc-ui/v1/artifactories/name/vault/push-credentials?ciName=ledger&registrationValue={bucket}")
    };
    let (status, error) = w.call("dev", "GET", "/cc-ui/v1/artifactories/name/vault/push-credentials", None);
    assert_eq!((status, &error["code"]), (400, &json!("BAD_REQUEST")), "no bucket, no credentials: {error}");
    let (status, error) = w.call("dev", "GET", &path("production"), None);
    assert_eq!(status, 403, "a developer may not write production: {error}");
    let (status, error) = w.call(
        "dev",
        "GET",
        "/cc-ui/v1/artifactories/name/vault/push-credentials?ciName=payments&registrationValue=qa",
        None,
    );
    assert_eq!(status, 400, "payments keeps its images elsewhere: {error}");
    let (status, creds) = w.call("dev", "GET", &path("qa"), None);
    assert_eq!((status, &creds["password"]), (200, &json!("vault-pw-77d2")));

    let (_, audit) = w.call("ada", "GET", "/cc-ui/v1/audit-logs?size=100", None);
    let handouts: Vec<&Value> = audit["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["entityActionLabel"] == "registry.credentials")
        .collect();
    assert_eq!(handouts.len(), 1, "{audit}");
    assert_eq!(handouts[0]["performedBy"], "dev");
    assert_eq!(handouts[0]["metadata"], json!({"registry": "vault", "integration": "ledger", "bucket": "qa"}));
    assert!(!audit.to_string().contains("vault-pw-77d2"), "the audit log never holds a secret");
}

#[test]
fn a_server_closes_trickled_headers_and_an_idle_connection_does_not_hold_its_stop() {
    use std::io::{Read, Write};
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let address = server.url.trim_start_matches("http://").to_owned();

    // Half a request, then nothing: the server closes the connection rather than hold it.
    let mut slow = std::net::TcpStream::connect(&address).unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: facetctl\r\n").unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut answer = Vec::new();
    let closed = slow.read_to_end(&mut answer);
    assert!(closed.is_ok(), "the server should close a connection whose headers never end: {closed:?}");

    // A keep-alive connection left idle after one answer.
    let mut idle = std::net::TcpStream::connect(&address).unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: facetctl\r\n\r\n").unwrap();
    let mut first = [0u8; 256];
    let n = idle.read(&mut first).unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).starts_with("HTTP/1.1 200"), "{:?}", &first[..n]);
    let stopping = std::time::Instant::now();
    assert!(server.terminate().success(), "SIGTERM ends the server cleanly");
    assert!(
        stopping.elapsed() < Duration::from_secs(10),
        "an idle keep-alive connection held the stop for {:?}",
        stopping.elapsed()
    );
}

#[test]
fn a_push_into_one_bucket_never_writes_another_buckets_tag() {
    let registry = TestRegistry::plain();
    let w = World::new("sqlite", &registry.host);
    w.ok("ada", &["workflow", "create", "regions", "--type", "environment", "--stages", "qa,staging,staging-eu"]);
    w.ok(
        "ada",
        &[
            "integration",
            "create",
            "ledger",
            "--type",
            "environment",
            "--registry",
            "local",
            "--repository",
            "team/ledger",
        ]
        .into_iter()
        .chain(["--workflow", "regions", "--layout", "tag-per-bucket"])
        .collect::<Vec<_>>(),
    );
    let build = image::single(w.ctx.images(), "build-1", "clash", 1);
    skopeo::upload(&registry, &build.source(), "team/builds:eu");
    // staging's artifact tagged "eu" would be written as team/ledger:staging-eu: staging-eu's moving tag.
    let body = json!({"applicationName": "ledger", "artifactUri": format!("{}/team/builds:eu", registry.host),
                      "registrationValue": "staging"});
    let (status, error) = w.call("dev", "POST", "/cc-ui/v1/artifacts/push", Some(body));
    assert_eq!(status, 400, "{error}");
    assert_eq!(
        error["message"],
        "tag \"eu\" cannot name an artifact here: \"staging-eu\" is bucket staging-eu's moving tag; choose another tag"
    );
    assert_eq!(skopeo::digest(&registry, "team/ledger:staging-eu"), None, "the other bucket's tag was never written");
    // The CLI is refused the same way, before anything is uploaded.
    let run = w.run(
        "dev",
        &["artifact", "push", &build.source(), "--integration", "ledger", "--bucket", "staging", "--tag", "eu-build-1"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is among bucket staging-eu's tags (staging-eu-...)"), "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/ledger:staging-eu-build-1"), None);

    // A bucket made later whose moving tag some artifact already has: the records know.
    w.ok(
        "dev",
        &["artifact", "push", &build.source(), "--integration", "ledger", "--bucket", "staging", "--tag", "us"],
    );
    w.ok("ada", &["workflow", "update", "regions", "--stages", "qa,staging,staging-eu,staging-us"]);
    let other = image::single(w.ctx.images(), "build-2", "clash-2", 1);
    let run = w.run(
        "dev",
        &["artifact", "push", &other.source(), "--integration", "ledger", "--bucket", "staging-us", "--tag", "build-2"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("this bucket's moving tag \"staging-us\" is already artifact us of bucket staging"),
        "{run:?}"
    );
    assert_eq!(skopeo::digest(&registry, "team/ledger:staging-us").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn the_server_answers_in_words_for_any_client_and_the_cli_adds_its_flags() {
    let registry = TestRegistry::plain();
    let w = World::new("sqlite", &registry.host);
    let (status, error) = w.call("dev", "GET", "/cc-ui/v1/artifacts-ci/name/nope", None);
    // Neutral words, and what to do next as data, for facetctl to word and other clients to ignore.
    assert_eq!(
        (status, error),
        (
            404,
            json!({"code": "NOT_FOUND", "message": "unknown integration \"nope\"",
                   "hint": {"kind": "list", "what": "integration", "integration": null, "bucket": null}})
        )
    );
    let (status, error) = w.call(
        "ada",
        "POST",
        "/cc-ui/v1/workflow",
        Some(json!({"workflowName": "short", "registrationType": "ENVIRONMENT", "hierarchies": [{"sequence": 1, "registrationValue": "qa"}]})),
    );
    assert_eq!(status, 400);
    assert_eq!(error["message"], "workflow short needs at least two stages, in order (e.g. qa, staging, production)");
    // The same refusal at a terminal: the error, then the CLI's own hint.
    let run = w.run("dev", &["artifact", "list", "--integration", "nope"]);
    assert_eq!(run.code, 4, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: unknown integration \"nope\"\nhint: `facetctl integration list` shows the ones there are\n"
    );
}
