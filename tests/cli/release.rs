//! A release: many integrations promoted at once, each move its own record
//! under one release id. One integration's failure (a freeze here) is its
//! own; the others move, and skopeo sees exactly those that did.

use serde_json::{Value, json};

use crate::support::{TestContext, TestRegistry, image, skopeo};

/// A registry, the standard workflow with a protected production, and an integration per name,
/// each with a build in staging. Returns each build's digest, in the order given.
fn staged(registry: &TestRegistry, ctx: &TestContext, names: &[&str]) -> Vec<String> {
    ctx.add_registry("local", registry);
    ctx.ok(&["release-stream", "create", "prod", "--prod"]);
    ctx.ok(&["environment", "create", "production", "--release-stream", "prod"]);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
    let mut digests = Vec::new();
    for name in names {
        let repository = format!("team/{name}");
        ctx.ok(&[
            "integration",
            "create",
            name,
            "--type",
            "environment",
            "--registry",
            "local",
            "--repository",
            &repository,
            "--workflow",
            "standard",
        ]);
        let build = image::single(ctx.images(), &format!("{name}-1"), &format!("release-{name}"), 2);
        ctx.json(&["artifact", "push", &build.source(), "--integration", name, "--bucket", "staging"]);
        digests.push(build.digest);
    }
    digests
}

fn production(registry: &TestRegistry, name: &str) -> Option<String> {
    skopeo::digest(registry, &format!("team/{name}/production:current"))
}

#[test]
fn a_release_moves_every_integration_but_the_frozen_one_under_one_release_id() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    let digests = staged(&registry, &ctx, &["payments", "ledger", "web"]);
    ctx.ok(&[
        "freeze",
        "create",
        "--integration",
        "ledger",
        "--bucket",
        "production",
        "--from",
        "2026-01-01T00:00:00Z",
        "--until",
        "2099-01-01T00:00:00Z",
        "--reason",
        "ledger audit",
    ]);
    let args = ["promote", "--integration", "payments,ledger,web", "--from", "staging", "--to", "production"];

    // Production is protected: off a terminal, a release into it says --yes, or nothing moves.
    let unasked = ctx.run(&args);
    assert_eq!(unasked.code, 2, "{unasked:?}");
    assert!(unasked.stderr.contains("--yes"), "{unasked:?}");
    assert!(["payments", "ledger", "web"].iter().all(|n| production(&registry, n).is_none()), "nothing moved");

    let mut with_yes = vec!["-o", "json", "--yes"];
    with_yes.extend_from_slice(&args);
    with_yes.extend_from_slice(&["--release", "2026.12", "--reason", "december release"]);
    let run = ctx.run(&with_yes);
    assert_eq!(run.code, 3, "the freeze's refusal is the release's exit code: {run:?}");
    let release = run.json();
    assert_eq!(release["id"], "2026.12");
    let results: Vec<(&str, &str)> = release["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["integration"].as_str().unwrap(), m["result"].as_str().unwrap()))
        .collect();
    assert_eq!(results, [("ledger", "failed"), ("payments", "done"), ("web", "done")], "{release}");
    let ledger_error = release["moves"][0]["error"].as_str().unwrap();
    assert!(ledger_error.contains("frozen") && ledger_error.contains("ledger audit"), "{ledger_error}");
    assert_eq!(
        run.stderr.lines().find(|l| l.starts_with("error:")).unwrap(),
        format!("error: release 2026.12 is not all done: ledger: {ledger_error}")
    );

    // The registry holds exactly what moved.
    assert_eq!(production(&registry, "payments").as_deref(), Some(digests[0].as_str()));
    assert_eq!(production(&registry, "ledger"), None);
    assert_eq!(production(&registry, "web").as_deref(), Some(digests[2].as_str()));

    // Each move is its own promotion, and each carries the release id.
    let mut promotions: Vec<Value> = ctx
        .json(&["audit"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "artifact.promote")
        .map(|e| json!({"target": e["target"], "release": e["details"]["release"], "reason": e["details"]["reason"]}))
        .collect();
    promotions.sort_by_key(|p| p["target"].as_str().unwrap().to_owned());
    assert_eq!(
        promotions,
        [
            json!({"target": "payments/production:payments-1", "release": "2026.12", "reason": "december release"}),
            json!({"target": "web/production:web-1", "release": "2026.12", "reason": "december release"}),
        ]
    );
}

#[test]
fn a_release_of_all_skips_integrations_with_nothing_to_move_and_is_idempotent() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    staged(&registry, &ctx, &["payments", "web"]);
    // `lonely` follows the workflow but has nothing in staging; `adrift` follows no workflow.
    for (name, workflow) in [("lonely", Some("standard")), ("adrift", None)] {
        let mut create = vec!["integration", "create", name, "--type", "environment", "--registry", "local"];
        if let Some(w) = workflow {
            create.extend_from_slice(&["--workflow", w]);
        }
        ctx.ok(&create);
    }
    let all = ["--yes", "promote", "--all", "--from", "staging", "--to", "production"];
    let first = ctx.json(&all);
    let results: Vec<(&str, &str)> = first["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["integration"].as_str().unwrap(), m["result"].as_str().unwrap()))
        .collect();
    assert_eq!(results, [("lonely", "skipped"), ("payments", "done"), ("web", "done")], "{first}");
    assert!(first["id"].as_str().unwrap().starts_with("release-"), "{first}");

    let again = ctx.json(&all);
    let results: Vec<&str> = again["moves"].as_array().unwrap().iter().map(|m| m["result"].as_str().unwrap()).collect();
    assert_eq!(results, ["skipped", "unchanged", "unchanged"], "{again}");

    let stray = ctx.run(&["promote", "--integration", "payments,,web", "--from", "staging", "--to", "production"]);
    assert_eq!(stray.code, 2, "{stray:?}");
    assert_eq!(
        stray.stderr.lines().next().unwrap(),
        "error: --integration names an empty integration (a stray comma?)"
    );
    let single_only = ctx.run(&["promote", "--all", "--from", "staging", "--to", "production", "--artifact", "1"]);
    assert_eq!(single_only.code, 2, "{single_only:?}");
    assert_eq!(
        single_only.stderr.lines().next().unwrap(),
        "error: --artifact is for one integration's move; a release moves each integration's head (see -o json for its results)"
    );
}
