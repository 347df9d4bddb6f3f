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

    w.ok_json("dev", &["artifact", "push", &second.source(), "--integration", "payments", "--bucket", "qa"]);
    w.ok_json("dev", &["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let rolled = w.ok_json(
        "dev",
        &["rollback", "--integration", "payments", "--bucket", "staging", "--reason", "smoke tests fail"],
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
        &["promote", "--integration", "payments", "--from", "staging", "--to", "production", "--reason", "release 1"],
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

    let mut wrong = w.ctx.command();
    wrong.args(["login", "--url", &w.server.url, "--username", "dev", "--token-stdin"]);
    assert_eq!(run_with_stdin(&mut wrong, "fct_not-a-token").code, 3, "a wrong token is refused and not saved");
    assert_eq!(w.ctx.ok(&["whoami"]).trim(), format!("dev on {}", w.server.url));

    w.ctx.ok(&["logout"]);
    assert_eq!(w.ctx.ok(&["whoami"]).trim(), "alice on the embedded control plane");
    assert_eq!(w.ctx.json(&["integration", "list"]), serde_json::json!([]));
}
