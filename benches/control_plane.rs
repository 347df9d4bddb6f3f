//! The control plane's own speed on SQLite, with a store already holding
//! many records (1M by default; FACETCTL_BENCH_RECORDS):
//!   - registrations per second, and p50/p99 per registration, where a
//!     registration is what a push records: take the bucket's lease, then
//!     record the artifact (which releases the lease in the same transaction);
//!   - `facetctl history` over that store, as a user runs it (a process each time).
//!
//! Run with `cargo bench --bench control_plane`.

use std::time::{Duration, Instant};

use facetctl::control::store::Store;
use facetctl::control::{ControlPlane, Embedded, LockAttempt, NewArtifact, NewIntegration, NewRegistry, NewWorkflow};
use facetctl::model::{BucketEventKind, Digest, Layout, RegistrationType, RegistryKind};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: i64 = std::env::var("FACETCTL_BENCH_RECORDS").ok().and_then(|r| r.parse().ok()).unwrap_or(1_000_000);
    let registrations: usize =
        std::env::var("FACETCTL_BENCH_REGISTRATIONS").ok().and_then(|r| r.parse().ok()).unwrap_or(5_000);
    let home = tempfile::tempdir()?;
    let store = Store::open_sqlite(&home.path().join("facetctl.db")).await?;
    let plane = Embedded::new(store.clone(), facetctl::secrets::open(home.path()), "bench".into());
    let new_registry = NewRegistry {
        name: "local".into(),
        kind: RegistryKind::Generic,
        uri: "127.0.0.1:5000".into(),
        insecure: true,
        username: None,
    };
    plane.add_registry(new_registry, None).await?;
    let stages = vec!["qa".into(), "staging".into()];
    plane
        .create_workflow(NewWorkflow {
            name: "standard".into(),
            registration_type: RegistrationType::Environment,
            stages,
            gates: vec![],
        })
        .await?;
    for name in ["payments", "bulk"] {
        let new = NewIntegration {
            name: name.into(),
            registration_type: RegistrationType::Environment,
            registry: "local".into(),
            repository: name.into(),
            layout: Layout::RepositoryPerBucket,
            workflow: Some("standard".into()),
        };
        plane.create_integration(new).await?;
    }

    // The store's past: `records` artifacts and as many history events, written in bulk.
    let started = Instant::now();
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "INSERT INTO artifacts (integration_id, bucket, image_uri, tag, digest, media_type, metadata, created_by, created_at)
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         SELECT (SELECT id FROM integrations WHERE name = 'bulk'), 'qa', 'x', 'b' || i, 'sha256:' || printf('%064x', i),
                'application/vnd.oci.image.manifest.v1+json', '{}', 'bench', '2026-01-01T00:00:00.000000Z' FROM n",
    )
    .bind(records)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO bucket_events (integration_id, bucket, kind, artifact_id, actor, created_at)
         SELECT integration_id, bucket, 'push', id, 'bench', created_at FROM artifacts",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let fill = started.elapsed();

    // Registrations on top of it.
    let mut latencies = Vec::with_capacity(registrations);
    let all = Instant::now();
    for i in 0..registrations {
        let one = Instant::now();
        let LockAttempt::Acquired(lock) = plane.lock_bucket("payments", "qa", "bench").await? else { panic!("busy") };
        let new = NewArtifact {
            integration: "payments".into(),
            bucket: "qa".into(),
            image_uri: format!("127.0.0.1:5000/payments/qa@{}", Digest::of(i.to_string().as_bytes())),
            tag: format!("build-{i}"),
            digest: Digest::of(i.to_string().as_bytes()),
            media_type: "application/vnd.oci.image.manifest.v1+json".into(),
            external_id: Some(format!("run-{i}")),
            description: None,
            metadata: Default::default(),
            kind: BucketEventKind::Register,
        };
        // The record releases the lease with it, as in a push.
        plane.record_artifact(&lock, new).await?;
        latencies.push(one.elapsed());
    }
    let total = all.elapsed();
    latencies.sort();

    // history, as a user runs it, over the bulk integration's records.
    let binary = env!("CARGO_BIN_EXE_facetctl");
    let mut history = Vec::new();
    for _ in 0..20 {
        let one = Instant::now();
        let out = std::process::Command::new(binary)
            .env("FACETCTL_HOME", home.path())
            .env("FACETCTL_SECRET_STORE", "file")
            .args(["-o", "json", "history", "--integration", "bulk", "--limit", "50"])
            .output()?;
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        history.push(one.elapsed());
    }
    history.sort();

    println!(
        "store: SQLite with {records} artifacts and {records} history events (written in {:.1} s)",
        fill.as_secs_f64()
    );
    println!(
        "registrations: {registrations} in {:.2} s = {:.0}/s; p50 {:.2} ms, p99 {:.2} ms",
        total.as_secs_f64(),
        registrations as f64 / total.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0
    );
    println!(
        "`facetctl history --limit 50` over them: p50 {:.1} ms, p99 {:.1} ms (a process each time, 20 runs)",
        percentile(&history, 0.50).as_secs_f64() * 1000.0,
        percentile(&history, 0.99).as_secs_f64() * 1000.0
    );
    Ok(())
}
