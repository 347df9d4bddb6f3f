//! Freeze windows at a terminal: a frozen bucket does not move, whoever
//! asks, until the window ends; a forced move goes through, audited.

use crate::support::{TestContext, TestRegistry, image, skopeo, snapshot};

/// qa -> staging -> production with build-1 in staging, and build-0 before it in production.
fn staged() -> (TestRegistry, TestContext, image::OciImage, image::OciImage) {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let old = image::single(ctx.images(), "build-0", "freeze-old", 1);
    let build = image::single(ctx.images(), "build-1", "freeze-new", 1);
    for b in [&old, &build] {
        ctx.json(&["artifact", "push", &b.source(), "--integration", "payments", "--bucket", "qa"]);
        ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    }
    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production", "--artifact", "2"]);
    (registry, ctx, old, build)
}

#[test]
fn a_weekly_freeze_refuses_every_move_into_the_bucket_at_a_fixed_clock() {
    let (registry, ctx, old, build) = staged();
    ctx.ok(&[
        "freeze",
        "create",
        "--all",
        "--bucket",
        "production",
        "--weekly",
        "fri 16:00-mon 08:00",
        "--timezone",
        "Europe/Berlin",
        "--reason",
        "no weekend releases",
    ]);
    let before = ctx.history();
    let at = |clock: &str, args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETCTL_CLOCK", clock).args(args);
        ctx.run_with(&mut cmd)
    };
    // Friday 17:30 in Berlin (16:30 UTC): inside the window.
    let friday = "2026-12-04T16:30:00Z";
    let next = image::single(ctx.images(), "build-2", "freeze-push", 1);
    let runs = [
        at(friday, &["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "production"]),
        at(friday, &["promote", "--integration", "payments", "--from", "staging", "--to", "production"]),
        at(friday, &["promote", "--integration", "payments", "--from", "staging", "--to", "production", "--dry-run"]),
        at(friday, &["rollback", "--integration", "payments", "--bucket", "production"]),
    ];
    // Monday 08:00 in Berlin is 07:00 UTC.
    assert!(runs[0].stderr.contains("frozen until 2026-12-07T07:00:00+00:00"), "{:?}", runs[0]);
    let transcript: String = runs.iter().map(|r| format!("{}exit {}\n\n", r.stderr, r.code)).collect();
    snapshot::settings(&[]).bind(|| insta::assert_snapshot!("freeze-refusals", transcript));
    assert_eq!(ctx.history(), before, "nothing was recorded");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(old.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/production:build-2"), None);

    // Thursday: the window does not hold, so the same promotion moves.
    let thursday = at(
        "2026-12-03T10:00:00Z",
        &["promote", "--integration", "payments", "--from", "staging", "--to", "production"],
    );
    assert_eq!(thursday.code, 0, "{thursday:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_forced_rollback_goes_through_a_freeze_with_its_reason_audited() {
    let (registry, ctx, old, build) = staged();
    ctx.ok(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    ctx.ok(&[
        "freeze",
        "create",
        "--integration",
        "payments",
        "--bucket",
        "production",
        "--from",
        "2026-01-01T00:00:00Z",
        "--until",
        "2099-01-01T00:00:00Z",
        "--reason",
        "audit season",
    ]);
    let no_reason = ctx.run(&["rollback", "--integration", "payments", "--bucket", "production", "--force"]);
    assert_eq!(no_reason.code, 2, "a forced move names its reason: {no_reason:?}");
    let forced = ctx.json(&[
        "rollback",
        "--yes",
        "--integration",
        "payments",
        "--bucket",
        "production",
        "--force",
        "--reason",
        "bad build in prod",
    ]);
    assert_eq!(forced["to"]["digest"], old.digest.as_str());
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(old.digest.as_str()));
    let audit = ctx.json(&["audit", "--limit", "1"]);
    assert_eq!(audit[0]["action"], "bucket.rollback");
    assert_eq!(
        (&audit[0]["details"]["forced"], &audit[0]["details"]["reason"]),
        (&serde_json::json!(true), &serde_json::json!("bad build in prod"))
    );

    // Ended, the freeze stops nothing; it stays in the audit log with who ended it.
    let freezes = ctx.json(&["freeze", "list"]);
    let id = freezes[0]["id"].as_i64().unwrap().to_string();
    let ended = ctx.json(&["freeze", "end", &id]);
    assert_eq!(ended["ended_by"], "alice");
    assert_eq!(ctx.json(&["freeze", "list"]), serde_json::json!([]));
    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
}
