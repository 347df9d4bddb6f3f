//! Many facetctl processes on one home at once: each succeeds or says
//! clearly why not; no record is lost; the registry agrees with the records.

use std::collections::HashSet;
use std::process::{Child, Stdio};

use crate::support::{TestContext, TestRegistry, image, skopeo};

fn spawn(ctx: &TestContext, args: &[String]) -> Child {
    ctx.command().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}

#[test]
fn twenty_processes_pushing_and_promoting_at_once_lose_nothing() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let first = image::single(ctx.images(), "build-0", "crowd", 2);
    ctx.json(&["artifact", "push", &first.source(), "--integration", "payments", "--bucket", "qa"]);
    let builds: Vec<_> = (1..=10).map(|i| image::single(ctx.images(), &format!("build-{i}"), "crowd", 2)).collect();

    let children: Vec<(String, Child)> = (0..20)
        .map(|i| {
            let args: Vec<String> = if i % 2 == 0 {
                let b = &builds[i / 2];
                ["-o", "json", "artifact", "push", &b.source(), "--integration", "payments", "--bucket", "qa"]
                    .map(String::from)
                    .to_vec()
            } else {
                ["-o", "json", "promote", "--integration", "payments", "--from", "qa", "--to", "staging"]
                    .map(String::from)
                    .to_vec()
            };
            (args.join(" "), spawn(&ctx, &args))
        })
        .collect();

    let mut pushed = 0;
    let mut promoted = 0;
    for (what, child) in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("database is locked") && !stderr.contains("panicked"), "{what}: {stderr}");
        match out.status.code() {
            Some(0) => {
                let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                if what.contains("push") {
                    pushed += 1;
                } else if doc["result"] == "done" {
                    promoted += 1;
                }
            }
            Some(3) => assert!(stderr.contains("busy"), "a refusal says the bucket is busy: {what}: {stderr}"),
            code => panic!("{what} exited {code:?}: {stderr}"),
        }
    }
    assert_eq!(pushed, 10, "every push waits its turn and lands");

    let history = ctx.history();
    let qa: Vec<_> = history.iter().filter(|e| e["bucket"] == "qa").collect();
    let staging: Vec<_> = history.iter().filter(|e| e["bucket"] == "staging").collect();
    assert_eq!(qa.len(), 1 + pushed, "one qa event per push");
    assert_eq!(staging.len(), promoted, "one staging event per done promotion");
    assert!(promoted >= 1);

    // Staging only ever got what qa had, and each head is what the registry serves.
    let qa_digests: HashSet<&str> = qa.iter().map(|e| e["digest"].as_str().unwrap()).collect();
    assert!(
        staging.iter().all(|e| qa_digests.contains(e["digest"].as_str().unwrap())),
        "staging only ever got qa's digests"
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), qa.last().unwrap()["digest"].as_str());
    assert_eq!(
        skopeo::digest(&registry, "team/payments/staging:current").as_deref(),
        staging.last().unwrap()["digest"].as_str()
    );

    let audit = ctx.json(&["audit", "--limit", "1000"]);
    let moves = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "artifact.push" || e["action"] == "artifact.promote")
        .count();
    assert_eq!(moves, 1 + pushed + promoted, "every move is audited once");
}

#[test]
fn twenty_processes_starting_on_a_new_home_all_find_it_ready() {
    let ctx = TestContext::new();
    let children: Vec<Child> =
        (0..20).map(|i| spawn(&ctx, &["release-stream".into(), "create".into(), format!("stream-{i}")])).collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(ctx.json(&["release-stream", "list"]).as_array().unwrap().len(), 20);
}

/// Writes a lease on `bucket` as if process `pid` on this host held it.
fn plant_lease(ctx: &TestContext, bucket: &str, pid: u32, expires_in_ms: i64) {
    let db = ctx.facetctl_home().join("facetctl.db");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap().trim().to_owned();
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&format!("sqlite://{}", db.display())).await.unwrap();
        sqlx::query(
            "INSERT INTO bucket_locks (integration_id, bucket, token, holder, holder_host, holder_pid, acquired_at, expires_at_ms)
             SELECT id, $1, 'planted', 'mallory', $2, $3, '2026-01-01T00:00:00.000000Z', $4 FROM integrations WHERE name = 'payments'",
        )
        .bind(bucket)
        .bind(host)
        .bind(i64::from(pid))
        .bind(chrono::Utc::now().timestamp_millis() + expires_in_ms)
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    });
}

#[test]
fn a_bucket_held_by_a_process_that_died_is_taken_over_at_once() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let dead_pid = gone.id();
    gone.wait().unwrap();
    plant_lease(&ctx, "qa", dead_pid, 3_600_000);

    let build = image::single(ctx.images(), "build-1", "takeover", 1);
    // A one-second wait bound proves the dead holder's hour-long lease is not waited out.
    let run = ctx.run(&[
        "--lock-timeout",
        "1",
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_bucket_held_by_a_live_process_is_refused_after_the_wait_with_its_holder_named() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let mut alive = std::process::Command::new("sleep").arg("30").spawn().unwrap();
    plant_lease(&ctx, "qa", alive.id(), 3_600_000);

    let build = image::single(ctx.images(), "build-1", "held", 1);
    let run = ctx.run(&[
        "--lock-timeout",
        "1",
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    alive.kill().unwrap();
    alive.wait().unwrap();
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("bucket qa of payments is busy: mallory on"), "{run:?}");
    assert!(run.stderr.contains("--lock-timeout"), "{run:?}");
    assert!(ctx.history().is_empty());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current"), None, "the registry is untouched");
}
