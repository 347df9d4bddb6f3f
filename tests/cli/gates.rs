//! Gated stages: a promotion into production waits for two approvals by
//! people other than whoever asked, pinned to the digest asked for; a CI job
//! can wait on it; a rejection ends it.

use std::process::Stdio;
use std::time::Duration;

use serde_json::json;

use crate::support::{TestContext, TestRegistry, image, skopeo, wait_until};

/// qa -> staging -> production with `--gate production:2`, build-1 in staging.
fn gated() -> (TestRegistry, TestContext, image::OciImage) {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.add_registry("local", &registry);
    ctx.ok(&[
        "workflow",
        "create",
        "standard",
        "--type",
        "environment",
        "--stages",
        "qa,staging,production",
        "--gate",
        "production:2",
    ]);
    ctx.ok(&[
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
    ]);
    let build = image::single(ctx.images(), "build-1", "gated", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    (registry, ctx, build)
}

fn as_user(ctx: &TestContext, user: &str, args: &[&str]) -> crate::support::context::Run {
    let mut cmd = ctx.command();
    cmd.env("FACETCTL_ACTOR", user).args(args);
    ctx.run_with(&mut cmd)
}

#[test]
fn a_gated_promotion_moves_on_the_second_approval_and_moves_what_was_asked_for() {
    let (registry, ctx, build) = gated();
    let asked = ctx.json(&[
        "promote",
        "--integration",
        "payments",
        "--from",
        "staging",
        "--to",
        "production",
        "--reason",
        "release 1",
    ]);
    assert_eq!((&asked["result"], &asked["request"]["state"]), (&json!("requested"), &json!("awaiting-approval")));
    assert_eq!(asked["request"]["digest"], build.digest.as_str());
    let id = asked["request"]["id"].to_string();
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None, "nothing moved yet");

    // The requester does not approve their own request.
    let own = as_user(&ctx, "alice", &["approve", &id]);
    assert_eq!(own.code, 3, "{own:?}");
    assert!(
        own.stderr.contains("user alice asked for promotion request 1; approvals come from someone else"),
        "{own:?}"
    );

    // A gated stage is not pushed into, nor forced into.
    let pushed = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "production"]);
    assert_eq!(pushed.code, 3, "{pushed:?}");
    assert!(pushed.stderr.contains("stage production of payments is gated"), "{pushed:?}");
    let forced = ctx.run(&[
        "promote",
        "--integration",
        "payments",
        "--from",
        "staging",
        "--to",
        "production",
        "--force",
        "--reason",
        "now",
    ]);
    assert_eq!(forced.code, 3, "gates are not forced: {forced:?}");

    // A later build in staging does not change what the request moves.
    let later = image::single(ctx.images(), "build-2", "gated-later", 1);
    ctx.json(&["artifact", "push", &later.source(), "--integration", "payments", "--bucket", "staging"]);

    let first = as_user(&ctx, "bob", &["-o", "json", "approve", &id, "--reason", "looks good"]);
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(first.json()["state"], "awaiting-approval", "one approval of two");
    let twice = as_user(&ctx, "bob", &["approve", &id]);
    assert_eq!(twice.code, 3, "the same person does not approve twice: {twice:?}");
    let second = as_user(&ctx, "carol", &["-o", "json", "approve", &id]);
    assert_eq!(second.code, 0, "{second:?}");
    let done = second.json();
    assert_eq!(done["state"], "done");
    assert_eq!(
        done["approvals"].as_array().unwrap().iter().map(|a| a["by"].as_str().unwrap()).collect::<Vec<_>>(),
        ["bob", "carol"]
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
    let history = ctx.history();
    let last = history.last().unwrap();
    assert_eq!(last["approved_by"], json!(["bob", "carol"]), "the history names the approvers");
    assert_eq!(
        (&last["bucket"], &last["digest"], &last["actor"]),
        (&json!("production"), &json!(build.digest), &json!("carol"))
    );

    // Every step is in the audit log, by whom it was taken.
    let actions: Vec<String> = ctx
        .json(&["audit", "--limit", "5"])
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| format!("{} {}", e["actor"].as_str().unwrap(), e["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            "alice promotion.request",
            "alice artifact.push",
            "bob promotion.approve",
            "carol promotion.approve",
            "carol artifact.promote"
        ]
    );

    // Called directly, the control plane refuses a promotion into the gated stage that is not
    // the run of an approved request, whoever asks.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        use facetctl::control::{ControlPlane, Embedded, LockAttempt, NewPromotion};
        let store =
            facetctl::control::store::Store::open_sqlite(&ctx.facetctl_home().join("facetctl.db")).await.unwrap();
        let plane = Embedded::new(store.clone(), facetctl::secrets::open(&ctx.facetctl_home()), "mallory".into());
        let LockAttempt::Acquired(lock) = plane.lock_bucket("payments", "production", "mallory").await.unwrap() else {
            panic!("production is free");
        };
        let staged = plane.current_artifact("payments", "staging").await.unwrap().unwrap();
        let bypass =
            NewPromotion { source_artifact_id: staged.id, reason: None, forced: true, request: None, release: None };
        let refused = plane.record_promotion(&lock, bypass).await.unwrap_err();
        assert_eq!(
            refused.to_string(),
            "stage production of payments is gated: a promotion into it is a request that 2 other people approve"
        );
        // A request being run by bob is bob's to record: not mallory's, with a lease of her own.
        let as_ = |who: &str| Embedded::new(store.clone(), facetctl::secrets::open(&ctx.facetctl_home()), who.into());
        let new = facetctl::control::NewRequest {
            integration: "payments".into(),
            source_artifact_id: staged.id,
            to: "production".into(),
            reason: None,
            expires_in_seconds: 3600,
        };
        let request = as_("alice").request_promotion(new).await.unwrap();
        as_("bob").approve_request(request.id, None).await.unwrap();
        as_("carol").approve_request(request.id, None).await.unwrap();
        assert!(as_("bob").claim_request(request.id).await.unwrap().is_some());
        let hijack = NewPromotion {
            source_artifact_id: staged.id,
            reason: None,
            forced: false,
            request: Some(request.id),
            release: None,
        };
        assert!(plane.record_promotion(&lock, hijack).await.is_err(), "mallory does not record bob's run");
        plane.unlock_bucket(&lock).await.unwrap();
        store.close().await;
    });
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_ci_job_waits_for_the_approval_and_exits_by_the_decision() {
    let (registry, ctx, build) = gated();
    let waiting = |ctx: &TestContext| {
        let mut cmd = ctx.command();
        cmd.args([
            "promote",
            "--integration",
            "payments",
            "--from",
            "staging",
            "--to",
            "production",
            "--wait",
            "--timeout",
            "2m",
        ]);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
    };
    let open = |ctx: &TestContext| -> Option<String> {
        let list = ctx.json(&["promotion", "list", "--state", "awaiting-approval"]);
        list.as_array().unwrap().first().map(|r| r["id"].to_string())
    };

    // Rejected: the waiting job fails with who and why.
    let job = waiting(&ctx);
    wait_until("the job's request", Duration::from_secs(30), || open(&ctx).is_some());
    let id = open(&ctx).unwrap();
    assert_eq!(as_user(&ctx, "bob", &["reject", &id, "--reason", "not on a Friday"]).code, 0);
    let out = job.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains(&format!("promotion request {id} was rejected by bob: not on a Friday")), "{stderr}");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None);

    // Approved: the waiting job exits 0 once the move is recorded.
    let job = waiting(&ctx);
    wait_until("the job's second request", Duration::from_secs(30), || open(&ctx).is_some());
    let id = open(&ctx).unwrap();
    assert_eq!(as_user(&ctx, "bob", &["approve", &id]).code, 0);
    assert_eq!(as_user(&ctx, "carol", &["approve", &id]).code, 0);
    let out = job.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn the_approval_that_would_move_a_frozen_bucket_is_refused_and_not_counted() {
    let (registry, ctx, _) = gated();
    let asked = ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    let id = asked["request"]["id"].to_string();
    assert_eq!(as_user(&ctx, "bob", &["approve", &id]).code, 0);
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
        "quarter close",
    ]);
    let refused = as_user(&ctx, "carol", &["approve", &id]);
    assert_eq!(refused.code, 3, "{refused:?}");
    assert!(refused.stderr.contains("bucket production of payments is frozen until 2099-01-01"), "{refused:?}");
    let request = ctx.json(&["promotion", "show", &id]);
    assert_eq!((&request["state"], request["approvals"].as_array().unwrap().len()), (&json!("awaiting-approval"), 1));

    // `status` says what runs where, and what holds production.
    let status = ctx.json(&["status", "--integration", "payments"]);
    let buckets: Vec<(&str, Option<&str>)> =
        status.as_array().unwrap().iter().map(|b| (b["bucket"].as_str().unwrap(), b["tag"].as_str())).collect();
    assert_eq!(buckets, [("qa", Some("build-1")), ("staging", Some("build-1")), ("production", None)]);
    let production = &status[2];
    assert_eq!(production["awaiting"], json!([request["id"]]));
    assert_eq!(production["frozen_until"], "2099-01-01T00:00:00Z");
    let table = ctx.ok(&["status"]);
    // Piped, each hold is one word, so `awk` reads the columns.
    assert!(table.contains(" frozen-until:2099-01-01T00:00:00+00:00,awaiting:#1"), "{table}");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None);
}

#[test]
fn a_request_waits_until_it_expires_and_then_no_approval_moves_it() {
    let (registry, ctx, _) = gated();
    let asked = ctx.json(&[
        "promote",
        "--integration",
        "payments",
        "--from",
        "staging",
        "--to",
        "production",
        "--expires-in",
        "1h",
    ]);
    let id = asked["request"]["id"].to_string();
    // Two hours later, by the clock the tests set: expired, whoever looks or approves.
    let later = |user: &str, args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETCTL_ACTOR", user).env("FACETCTL_CLOCK", "2099-01-01T00:00:00Z").args(args);
        ctx.run_with(&mut cmd)
    };
    assert_eq!(later("alice", &["-o", "json", "promotion", "show", &id]).json()["state"], "expired");
    let late = later("bob", &["approve", &id]);
    assert_eq!(late.code, 3, "{late:?}");
    assert!(late.stderr.contains(&format!("promotion request {id} expired at")), "{late:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None);
    let bad = ctx.run(&[
        "promote",
        "--integration",
        "payments",
        "--from",
        "staging",
        "--to",
        "production",
        "--expires-in",
        "0s",
    ]);
    assert_eq!(bad.code, 2, "{bad:?}");
}

#[test]
fn only_the_requester_cancels_a_request() {
    let (_registry, ctx, _) = gated();
    let asked = ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    let id = asked["request"]["id"].to_string();
    let by_bob = as_user(&ctx, "bob", &["promotion", "cancel", &id]);
    assert_eq!(by_bob.code, 3, "{by_bob:?}");
    assert!(by_bob.stderr.contains(&format!("promotion request {id} is alice's")), "{by_bob:?}");
    let cancelled = ctx.json(&["promotion", "cancel", &id]);
    assert_eq!((&cancelled["state"], &cancelled["decided_by"]), (&json!("cancelled"), &json!("alice")));
    let late = as_user(&ctx, "bob", &["approve", &id]);
    assert_eq!(late.code, 3, "a cancelled request is not approved: {late:?}");
    assert_eq!(ctx.json(&["promotion", "list", "--state", "awaiting-approval"]), json!([]));
}
