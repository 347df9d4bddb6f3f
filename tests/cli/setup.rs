//! Setting things up and recording builds: names are unique, things in use
//! cannot be removed, every change is audited with its actor, and builds can
//! come from a registry as well as from disk.

use crate::support::{TestContext, TestRegistry, image, skopeo};

#[test]
fn release_streams_environments_and_workflows_are_created_listed_and_guarded() {
    let ctx = TestContext::new();
    ctx.ok(&["release-stream", "create", "prod-stream", "--prod", "--description", "what customers run"]);
    ctx.ok(&["environment", "create", "production", "--release-stream", "prod-stream"]);
    let envs = ctx.json(&["environment", "list"]);
    assert_eq!(envs[0]["release_stream"], "prod-stream");
    let streams = ctx.json(&["release-stream", "list"]);
    assert_eq!(streams[0]["prod"], true);

    for duplicate in ["prod-stream", "PROD-Stream"] {
        let run = ctx.run(&["release-stream", "create", duplicate]);
        assert_eq!(run.code, 3, "a duplicate is refused, whatever its case: {run:?}");
        assert!(run.stderr.contains("already exists (names are unique whatever their case)"), "{run:?}");
    }
    let run = ctx.run(&["environment", "create", "qa", "--release-stream", "nope"]);
    assert_eq!(run.code, 4, "{run:?}");

    let run = ctx.run(&["workflow", "create", "rs", "--type", "release-stream", "--stages", "QA,prod/eu"]);
    assert_eq!(run.code, 2, "stages are bucket names: {run:?}");
    assert!(run.stderr.contains("invalid stage name \"prod/eu\""), "{run:?}");
    let run = ctx.run(&["workflow", "create", "rs", "--type", "release-stream", "--stages", "QA,STAGING,qa"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("stage qa appears twice"), "{run:?}");
    assert_eq!(ctx.json(&["workflow", "list"]), serde_json::json!([]));
}

#[test]
fn things_in_use_cannot_be_removed_and_removal_is_audited() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let yaml = ctx.ok(&["-o", "yaml", "workflow", "show", "standard"]);
    assert!(yaml.contains("stages:\n- qa\n- staging\n- production"), "{yaml}");

    let run = ctx.run(&["workflow", "delete", "standard", "--yes"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: workflow standard is used by integration(s) payments; it can go once none does\n\
         hint: `facetctl integration update payments --no-workflow` takes it off (for each of them)\n"
    );
    let run = ctx.run(&["registry", "remove", "local", "--yes"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(
        run.stderr.contains("which keep their history in it; a registry stays while integrations use it"),
        "{run:?}"
    );

    let build = image::single(ctx.images(), "build-1", "inuse", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run(&["integration", "delete", "payments", "--yes"]);
    assert_eq!(run.code, 3, "an integration with history is kept: {run:?}");

    ctx.ok(&["integration", "create", "scratch", "--type", "environment", "--registry", "local"]);
    assert_eq!(
        ctx.json(&["integration", "delete", "scratch", "--yes"]),
        serde_json::json!({"deleted": {"integration": "scratch"}})
    );
    let names: Vec<String> = ctx
        .json(&["integration", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["payments"]);
    let audit = ctx.json(&["audit"]);
    assert_eq!(audit[0]["action"], "integration.delete");
    assert_eq!(audit[0]["actor"], "alice");
    assert_eq!(audit[0]["target"], "scratch");
    assert!(audit.as_array().unwrap().iter().any(|e| e["action"] == "registry.add"));
}

#[test]
fn the_actor_comes_from_the_ci_system_when_not_set() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "actor", 1);
    let mut cmd = ctx.command();
    cmd.env_remove("FACETCTL_ACTOR").env("GITHUB_ACTIONS", "true").env("GITHUB_ACTOR", "octocat").args([
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(ctx.history()[0]["actor"], "octocat");
}

#[test]
fn an_image_already_in_the_registry_is_registered_by_digest() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    // CI pushed the build somewhere in the same registry by itself.
    let build = image::single(ctx.images(), "build-3", "register", 2);
    skopeo::upload(&registry, &format!("oci:{}:build-3", build.dir.display()), "ci/payments:build-3");

    let registered = ctx.json(&[
        "artifact",
        "register",
        &format!("{}/ci/payments:build-3", registry.host),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(registered["artifact"]["digest"], build.digest.as_str());
    assert_eq!(registered["copy"]["blobs_mounted"], 3, "blobs are mounted, not copied");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-3").as_deref(), Some(build.digest.as_str()));
    assert_eq!(ctx.history()[0]["kind"], "register");

    let elsewhere = TestRegistry::plain();
    let run = ctx.run(&[
        "artifact",
        "register",
        &format!("{}/ci/payments:build-3", elsewhere.host),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(run.code, 2, "register refuses images outside the integration's registry: {run:?}");
    assert!(run.stderr.contains("artifact push"), "{run:?}");
}

#[test]
fn a_build_in_another_registry_is_streamed_across() {
    let ci_registry = TestRegistry::htpasswd("builder", "ci-pass");
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    ctx.add_registry_as("ci", &ci_registry.host, Some(("builder", "ci-pass")));
    let build = image::multi_arch(ctx.images(), "build-4", "across");
    skopeo::upload(&ci_registry, &format!("oci:{}:build-4", build.dir.display()), "builds/payments:build-4");

    let pushed = ctx.json(&[
        "artifact",
        "push",
        &format!("{}/builds/payments:build-4", ci_registry.host),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(pushed["artifact"]["tag"], "build-4", "the source's tag is kept");
    assert_eq!(pushed["copy"]["blobs_copied"], 6, "two platforms, two layers and a config each");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-4").as_deref(), Some(build.digest.as_str()));
}
