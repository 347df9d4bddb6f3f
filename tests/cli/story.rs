//! The whole story: push into qa, promote to staging and production, roll
//! back, read the history; for an image, a two-platform index, and both layouts.

use crate::support::{TestContext, TestRegistry, image, skopeo, snapshot};

#[test]
fn a_build_moves_from_qa_to_production_and_the_registry_agrees_at_every_step() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-101", "story", 3);

    let pushed = ctx.json(&[
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
        "--external-id",
        "run-77",
        "--meta",
        "git_sha=abc123",
    ]);
    let snapshots = snapshot::settings(&[(&build.digest, "build-101")]);
    snapshots.bind(|| insta::assert_json_snapshot!("story-push", pushed));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-101").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    let to_staging =
        ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--reason", "QA passed"]);
    snapshots.bind(|| insta::assert_json_snapshot!("story-promote", to_staging));
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:build-101").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));

    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/production:build-101").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));

    // The record of every move, newest first; each promoted artifact remembers where it came from.
    snapshots.bind(|| {
        insta::assert_json_snapshot!("story-history", ctx.json(&["history", "--integration", "payments"]));
        let artifacts = ctx.json(&["artifact", "list", "--integration", "payments"]);
        insta::assert_json_snapshot!("story-artifacts", artifacts);
        assert_eq!(
            ctx.json(&["artifact", "list", "--integration", "payments", "--limit", "1"]),
            serde_json::json!([artifacts[0]])
        );
        assert_eq!(ctx.json(&["artifact", "show", "2"]), artifacts[1]);
        insta::assert_snapshot!("story-history-table", ctx.ok(&["history", "--integration", "payments"]));
        let wide = ctx.ok(&["-o", "wide", "history", "--integration", "payments"]);
        assert!(wide.contains(&build.digest), "-o wide shows digests whole: {wide}");
        insta::assert_snapshot!(
            "story-history-yaml",
            ctx.ok(&["-o", "yaml", "history", "--integration", "payments", "--bucket", "production"])
        );
    });
}

#[test]
fn a_two_platform_index_keeps_its_digest_through_every_stage() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::multi_arch(ctx.images(), "v2.0.0", "index");

    let pushed = ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(pushed["artifact"]["media_type"], "application/vnd.oci.image.index.v1+json");
    assert_eq!(pushed["copy"]["platform_manifests_written"], build.children.len());
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);

    for bucket in ["qa", "staging", "production"] {
        assert_eq!(
            skopeo::digest(&registry, &format!("team/payments/{bucket}:v2.0.0")).as_deref(),
            Some(build.digest.as_str())
        );
        for child in &build.children {
            assert_eq!(
                skopeo::digest(&registry, &format!("team/payments/{bucket}@{child}")).as_deref(),
                Some(child.as_str()),
                "platform manifest {child} is in {bucket}"
            );
        }
    }
}

#[test]
fn the_tag_per_bucket_layout_promotes_by_retagging_in_one_repository() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "tag-per-bucket");
    let build = image::single(ctx.images(), "build-7", "tags", 3);

    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(skopeo::digest(&registry, "team/payments:qa-build-7").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments:qa").as_deref(), Some(build.digest.as_str()));

    let promoted = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["copy"]["blobs_mounted"], 0, "a retag moves no blobs");
    assert_eq!(promoted["copy"]["blobs_copied"], 0);
    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    for bucket in ["staging", "production"] {
        assert_eq!(
            skopeo::digest(&registry, &format!("team/payments:{bucket}-build-7")).as_deref(),
            Some(build.digest.as_str())
        );
        assert_eq!(
            skopeo::digest(&registry, &format!("team/payments:{bucket}")).as_deref(),
            Some(build.digest.as_str())
        );
    }
    assert_eq!(ctx.history().len(), 3);
}

#[test]
fn rollback_points_the_bucket_back_and_says_who_and_why() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let good = image::single(ctx.images(), "build-1", "good", 2);
    let bad = image::single(ctx.images(), "build-2", "bad", 2);
    ctx.json(&["artifact", "push", &good.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["artifact", "push", &bad.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(bad.digest.as_str()));

    let bob_cmd = |args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETCTL_ACTOR", "bob").args(args);
        ctx.run_with(&mut cmd)
    };
    let run = bob_cmd(&[
        "-o",
        "json",
        "rollback",
        "--integration",
        "payments",
        "--bucket",
        "qa",
        "--reason",
        "build-2 crashes",
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let outcome = run.json();
    assert_eq!(outcome["to"]["digest"], good.digest.as_str());
    assert_eq!(outcome["from"]["digest"], bad.digest.as_str());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(good.digest.as_str()));
    // The rolled-away build is still there under its own tag.
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-2").as_deref(), Some(bad.digest.as_str()));

    let last = ctx.history().pop().unwrap();
    assert_eq!(
        (last["kind"].as_str(), last["actor"].as_str(), last["reason"].as_str()),
        (Some("rollback"), Some("bob"), Some("build-2 crashes"))
    );
    let audit = ctx.json(&["audit", "--actor", "bob"]);
    assert_eq!(audit[0]["action"], "bucket.rollback");

    // A promotion now moves what the bucket holds: the good build.
    let promoted = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["artifact"]["digest"], good.digest.as_str());

    // Roll forward again by naming the artifact.
    let bad_id =
        ctx.json(&["artifact", "list", "--integration", "payments", "--bucket", "qa"])[0]["id"].as_i64().unwrap();
    ctx.json(&["rollback", "--integration", "payments", "--bucket", "qa", "--to", &bad_id.to_string(), "--yes"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(bad.digest.as_str()));
}

#[test]
fn pushing_the_same_build_again_changes_nothing() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-5", "again", 3);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let again = ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(again["unchanged"], true);
    assert_eq!(ctx.history().len(), 1);
    let promoted = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["result"], "done");
    let again = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(again["result"], "unchanged");
    assert_eq!(ctx.history().len(), 2);
}

#[test]
fn a_dry_run_says_what_would_move_and_moves_nothing() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-9", "dry", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let plan = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--dry-run"]);
    assert_eq!(plan["result"], "dry-run");
    assert_eq!(plan["plan"]["digest"], build.digest.as_str());
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:build-9"), None);
    assert_eq!(ctx.history().len(), 1);
}

#[test]
fn a_command_checkpoints_the_store_so_the_next_one_has_no_log_to_replay() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-5", "checkpoint", 1);
    let wal = ctx.facetctl_home().join("facetctl.db-wal");

    ctx.ok(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert!(!wal.exists(), "the push closed the store: its WAL is in the database and gone");
    ctx.ok(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert!(!wal.exists(), "the promotion closed the store too");

    let moves: Vec<String> = ctx.history().iter().map(|e| e["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(moves, ["push", "promote"], "both records are in the database file");
    // The assertions above mean something only in WAL mode, where a WAL file could have been left:
    // bytes 18 and 19 of a SQLite file's header are 2 and 2 then (1 and 1 in rollback-journal mode).
    let header = std::fs::read(ctx.facetctl_home().join("facetctl.db")).unwrap();
    assert_eq!((header[18], header[19]), (2, 2), "the store is in WAL mode");
}

#[test]
fn a_dry_run_push_or_rollback_says_what_would_change_and_changes_nothing() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let good = image::single(ctx.images(), "build-1", "dry-good", 1);
    let next = image::single(ctx.images(), "build-2", "dry-next", 1);
    ctx.json(&["artifact", "push", &good.source(), "--integration", "payments", "--bucket", "qa"]);
    let before = ctx.history();

    let plan =
        ctx.json(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa", "--dry-run"]);
    assert_eq!(plan["digest"], next.digest.as_str());
    assert_eq!(plan["target"], format!("{}/team/payments/qa:build-2", registry.host));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-2"), None, "nothing was pushed");

    ctx.json(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    let after_push = ctx.history();
    assert_eq!(after_push.len(), before.len() + 1);
    let plan = ctx.json(&["rollback", "--integration", "payments", "--bucket", "qa", "--dry-run"]);
    assert_eq!(
        (&plan["from"]["tag"], &plan["to"]["tag"]),
        (&serde_json::json!("build-2"), &serde_json::json!("build-1"))
    );
    assert_eq!(ctx.history(), after_push, "nothing was recorded");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(next.digest.as_str()));
}
