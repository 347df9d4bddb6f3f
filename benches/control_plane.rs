//! The control plane's own speed, on SQLite and (with
//! FACETCTL_BENCH_POSTGRES_URL) on PostgreSQL, each opened as the server
//! opens it, with a store already holding many records (1M by default;
//! FACETCTL_BENCH_RECORDS):
//!   - registrations per second, and p50/p99/max per registration, from one
//!     client and from 8 at once, where a registration is what a push
//!     records: take the bucket's lease, then record the artifact (which
//!     releases the lease in the same transaction);
//!   - an integration's history (the newest 50 events) read through the store;
//!   - on SQLite, `facetctl history` as a user runs it (a process each time).
//!
//! Run with `cargo bench --bench control_plane`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use facetctl::control::store::{Backend, Store};
use facetctl::control::{ControlPlane, Embedded, LockAttempt, NewArtifact, NewIntegration, NewRegistry, NewWorkflow};
use facetctl::model::{BucketEventKind, Digest, Layout, RegistrationType, RegistryKind};

type BenchResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Concurrent clients in the second registration run, each on an integration of its own.
const CLIENTS: usize = 8;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> BenchResult<()> {
    let records: i64 = env_number("FACETCTL_BENCH_RECORDS", 1_000_000);
    let registrations: usize = env_number("FACETCTL_BENCH_REGISTRATIONS", 5_000);
    let home = tempfile::tempdir()?;

    let sqlite = Store::open(&format!("sqlite:{}", home.path().join("facetctl.db").display())).await?;
    sqlite.checkpoint_in_background();
    let plane = prepare(&sqlite, home.path(), records).await?;
    report("SQLite", &plane, records, registrations).await?;
    history_as_a_user_runs_it(home.path())?;

    if let Ok(admin) = std::env::var("FACETCTL_BENCH_POSTGRES_URL") {
        let name = format!("facetctl_bench_{}", std::process::id());
        let admin_pool = sqlx::AnyPool::connect(&admin).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin_pool).await?;
        let (base, _) = admin.rsplit_once('/').ok_or("FACETCTL_BENCH_POSTGRES_URL names no database")?;
        let postgres = Store::open(&format!("{base}/{name}")).await?;
        let plane = prepare(&postgres, home.path(), records).await?;
        let outcome = report("PostgreSQL", &plane, records, registrations).await;
        postgres.pool.close().await;
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name}"))).execute(&admin_pool).await?;
        outcome?;
    }
    Ok(())
}

/// A registry, a workflow, the integrations the clients register into, and
/// the store's past: `records` artifacts and as many history events, written in bulk.
async fn prepare(store: &Store, home: &std::path::Path, records: i64) -> BenchResult<Arc<Embedded>> {
    let plane = Arc::new(Embedded::new(store.clone(), facetctl::secrets::open(home), "bench".into()));
    let new_registry = NewRegistry {
        name: "local".into(),
        kind: RegistryKind::Generic,
        uri: "127.0.0.1:5000".into(),
        insecure: true,
        username: None,
    };
    plane.add_registry(new_registry, None).await?;
    plane
        .create_workflow(NewWorkflow {
            name: "standard".into(),
            registration_type: RegistrationType::Environment,
            stages: vec!["qa".into(), "staging".into()],
            gates: vec![],
        })
        .await?;
    let names =
        ["bulk".to_owned(), "quiet".to_owned()].into_iter().chain((0..CLIENTS).map(|k| format!("payments-{k}")));
    for name in names {
        let new = NewIntegration {
            name: name.clone(),
            registration_type: RegistrationType::Environment,
            registry: "local".into(),
            repository: name,
            layout: Layout::RepositoryPerBucket,
            workflow: Some("standard".into()),
            bucket_registries: Default::default(),
        };
        plane.create_integration(new).await?;
    }

    let started = Instant::now();
    let (numbers, hex_digest) = match store.backend {
        Backend::Sqlite => (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) SELECT i FROM n",
            "printf('%064x', i)",
        ),
        Backend::Postgres => ("SELECT i FROM generate_series(1, $1) AS i", "lpad(to_hex(i), 64, '0')"),
    };
    let mut tx = store.begin_write().await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO artifacts (integration_id, bucket, image_uri, tag, digest, media_type, metadata, created_by, created_at)
         SELECT (SELECT id FROM integrations WHERE name = 'bulk'), 'qa', 'x', 'b' || i, 'sha256:' || {hex_digest},
                'application/vnd.oci.image.manifest.v1+json', '{{}}', 'bench', '2026-01-01T00:00:00.000000Z'
         FROM ({numbers}) AS n"
    )))
    .bind(records)
    .execute(&mut *tx)
    .await?;
    // In bulk, the head is set once: on PostgreSQL, a million updates of one
    // row in one transaction would each leave a row version for the next to step over.
    if store.backend == Backend::Postgres {
        sqlx::query("ALTER TABLE bucket_events DISABLE TRIGGER bucket_head_follows_events").execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO bucket_events (integration_id, bucket, kind, artifact_id, actor, created_at)
         SELECT integration_id, bucket, 'push', id, 'bench', created_at FROM artifacts",
    )
    .execute(&mut *tx)
    .await?;
    if store.backend == Backend::Postgres {
        sqlx::query("ALTER TABLE bucket_events ENABLE TRIGGER bucket_head_follows_events").execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO buckets (integration_id, bucket, current_artifact_id)
             SELECT integration_id, bucket, MAX(id) FROM artifacts GROUP BY integration_id, bucket",
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    if store.backend == Backend::Postgres {
        sqlx::query("ANALYZE").execute(&store.pool).await?;
    }
    println!(
        "store: {records} artifacts and {records} history events, written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(plane)
}

async fn report(backend: &str, plane: &Arc<Embedded>, records: i64, registrations: usize) -> BenchResult<()> {
    println!("## {backend}, {records} records");
    for clients in [1, CLIENTS] {
        let all = Instant::now();
        let runs = (0..clients).map(|k| {
            let plane = plane.clone();
            tokio::spawn(async move { register(&plane, &format!("payments-{k}"), registrations / clients).await })
        });
        let mut latencies = Vec::with_capacity(registrations);
        for run in runs.collect::<Vec<_>>() {
            latencies.extend(run.await??);
        }
        let total = all.elapsed();
        latencies.sort();
        println!(
            "registrations, {clients} client(s): {} in {:.2} s = {:.0}/s; p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms",
            latencies.len(),
            total.as_secs_f64(),
            latencies.len() as f64 / total.as_secs_f64(),
            ms(percentile(&latencies, 0.50)),
            ms(percentile(&latencies, 0.99)),
            ms(*latencies.last().expect("registrations ran"))
        );
    }
    for (integration, what, expected) in [
        ("bulk", "the integration holding them (newest 50)", 50.min(records as usize)),
        ("quiet", "an integration with no moves, beside them", 0),
    ] {
        let mut history = Vec::new();
        for _ in 0..50 {
            let one = Instant::now();
            let events = plane.bucket_events(integration, None, 50).await?;
            history.push(one.elapsed());
            assert_eq!(events.len(), expected);
        }
        history.sort();
        println!(
            "history of {what}, through the store: p50 {:.2} ms, p99 {:.2} ms",
            ms(percentile(&history, 0.50)),
            ms(percentile(&history, 0.99))
        );
    }
    // What the dashboard's pages read, each the whole of a page's data: the overview of every
    // integration, and the bulk integration's page (its newest 200 events).
    let mut overview = Vec::new();
    let mut page = Vec::new();
    for _ in 0..20 {
        let one = Instant::now();
        let o = facetctl::app::dashboard::overview(plane.as_ref()).await?;
        overview.push(one.elapsed());
        assert!(!o.rows.is_empty());
        let one = Instant::now();
        facetctl::app::dashboard::integration(plane.as_ref(), "bulk", 200).await?;
        page.push(one.elapsed());
    }
    overview.sort();
    page.sort();
    println!(
        "dashboard, through the store: overview of {} integrations p50 {:.2} ms, p99 {:.2} ms; the bulk integration's page p50 {:.2} ms, p99 {:.2} ms",
        plane.integrations().await?.len(),
        ms(percentile(&overview, 0.50)),
        ms(percentile(&overview, 0.99)),
        ms(percentile(&page, 0.50)),
        ms(percentile(&page, 0.99))
    );
    Ok(())
}

/// `count` registrations into `integration`'s qa bucket, one after another;
/// the latency of each.
async fn register(plane: &Embedded, integration: &str, count: usize) -> BenchResult<Vec<Duration>> {
    let mut latencies = Vec::with_capacity(count);
    for i in 0..count {
        let one = Instant::now();
        let LockAttempt::Acquired(lock) = plane.lock_bucket(integration, "qa", "bench").await? else {
            return Err(format!("bucket qa of {integration} is busy, and only this client writes it").into());
        };
        let digest = Digest::of(format!("{integration}-{i}").as_bytes());
        let new = NewArtifact {
            tag: format!("build-{i}"),
            digest,
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
    Ok(latencies)
}

/// `facetctl history` over the bulk integration, as a user runs it: a
/// process each time, migrations check included.
fn history_as_a_user_runs_it(home: &std::path::Path) -> BenchResult<()> {
    let binary = env!("CARGO_BIN_EXE_facetctl");
    let mut history = Vec::new();
    for _ in 0..20 {
        let one = Instant::now();
        let out = std::process::Command::new(binary)
            .env("FACETCTL_HOME", home)
            .env("FACETCTL_SECRET_STORE", "file")
            .args(["-o", "json", "history", "--integration", "bulk", "--limit", "50"])
            .output()?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
        }
        history.push(one.elapsed());
    }
    history.sort();
    println!(
        "`facetctl history --limit 50`, a process each time: p50 {:.1} ms, p99 {:.1} ms (20 runs)",
        ms(percentile(&history, 0.50)),
        ms(percentile(&history, 0.99))
    );
    Ok(())
}
