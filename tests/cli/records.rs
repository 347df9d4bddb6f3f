//! `facetctl export`: every record, one JSON document a line, in dependency
//! order, with a header naming the format and a last line counting each
//! table; never a secret.

use serde_json::Value;

use crate::support::{TestContext, TestRegistry, image};

const ORDER: &[&str] = &[
    "registries",
    "release_streams",
    "environments",
    "workflows",
    "routing_rules",
    "integrations",
    "bucket_registries",
    "artifacts",
    "bucket_events",
    "buckets",
    "promotions",
    "promotion_requests",
    "request_approvals",
    "freezes",
    "audit_events",
];

fn export(ctx: &TestContext, args: &[&str]) -> Vec<Value> {
    let mut cmd = ctx.command();
    cmd.arg("export").args(args);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout.lines().map(|l| serde_json::from_str(l).expect("every line is one JSON document")).collect()
}

#[test]
fn an_export_holds_every_record_in_dependency_order_and_no_secret() {
    let registry = TestRegistry::htpasswd("ci", "export-secret-pw-5d1c");
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
        "production:1",
    ]);
    ctx.ok(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "local",
        "--workflow",
        "standard",
    ]);
    for (tag, seed) in [("build-1", "export-1"), ("build-2", "export-2")] {
        let build = image::single(ctx.images(), tag, seed, 1);
        ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
        ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    }
    ctx.json(&["--yes", "rollback", "--integration", "payments", "--bucket", "staging", "--reason", "bad"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    ctx.ok(&[
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
        "audit",
    ]);

    let lines = export(&ctx, &[]);
    let header = &lines[0];
    assert_eq!(
        (&header["format"], &header["version"], &header["schema"]),
        (&Value::from("facetctl-export"), &Value::from(1), &Value::from(12))
    );
    let end = &lines.last().unwrap()["end"];
    let body = &lines[1..lines.len() - 1];
    // In dependency order, and as many of each as the last line says.
    let position = |l: &Value| ORDER.iter().position(|t| *t == l["table"]).expect("a known table");
    assert!(body.windows(2).all(|w| position(&w[0]) <= position(&w[1])), "tables in dependency order");
    for table in ORDER {
        let n = body.iter().filter(|l| l["table"] == *table).count() as u64;
        assert_eq!(end[table].as_u64(), Some(n), "{table}");
    }
    let count = |t: &str| end[t].as_u64().unwrap();
    assert_eq!((count("artifacts"), count("promotions"), count("promotion_requests"), count("freezes")), (4, 2, 1, 1));
    assert_eq!(count("bucket_events"), 5, "two pushes, two promotions, a rollback");
    let rollback = body.iter().find(|l| l["table"] == "bucket_events" && l["row"]["kind"] == "rollback").unwrap();
    assert_eq!(rollback["row"]["reason"], "bad");
    // Records as they were: who and when.
    let artifact = body.iter().find(|l| l["table"] == "artifacts").unwrap();
    assert_eq!(artifact["row"]["created_by"], ctx.actor.as_str());
    assert!(artifact["row"]["digest"].as_str().unwrap().starts_with("sha256:"));
    let text = lines.iter().map(Value::to_string).collect::<String>();
    assert!(!text.contains("export-secret-pw-5d1c"), "the registry's password is never exported");
    assert!(!text.contains("token_hash"), "users are not exported");

    // --since takes what happened from then on; the catalogue comes whole.
    let later = export(&ctx, &["--since", "2099-01-01"]);
    let end = &later.last().unwrap()["end"];
    assert_eq!(
        (end["artifacts"].as_u64(), end["audit_events"].as_u64(), end["integrations"].as_u64()),
        (Some(0), Some(0), Some(1))
    );
    let bad = ctx.run(&["export", "--since", "yesterday"]);
    assert_eq!(bad.code, 2, "{bad:?}");
}
