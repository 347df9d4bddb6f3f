//! `facetctl export` and `facetctl import` over a store of many records (1M by
//! default; FACETCTL_BENCH_RECORDS), and over a tenth of it, so that a memory
//! that grew with the records would show: wall time and peak RSS of each
//! command as a user runs it (a process, timed by GNU time), for
//!   - export from SQLite;
//!   - import into a new embedded store (SQLite);
//!   - the same import again (every record found, nothing written);
//!   - with FACETCTL_BENCH_POSTGRES_URL, import into a server on PostgreSQL,
//!     streamed over HTTP (the server's peak RSS from /proc as well); and the
//!     peer, PostgreSQL's own `pg_dump` and `pg_restore`, moving the same
//!     records from that database into a new one.
//!
//! The store is artifacts and as many moves, a promotion for every other
//! artifact, and audit events for the rest, in one integration's two
//! buckets, written in bulk.
//!
//! Run with `cargo bench --bench records`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use facetctl::control::store::{Backend, Store};

type BenchResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const BIN: &str = env!("CARGO_BIN_EXE_facetctl");

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

struct Sample {
    wall: Duration,
    peak_rss_kib: u64,
}

/// Runs facetctl with `args` under GNU time (so the peak RSS is the command's own, not this process's).
fn measure(home: &Path, args: &[&str], vars: &[(&str, &str)], stdout: Option<&Path>) -> BenchResult<Sample> {
    measure_program(BIN, home, args, vars, stdout)
}

fn measure_program(
    program: &str,
    home: &Path,
    args: &[&str],
    vars: &[(&str, &str)],
    stdout: Option<&Path>,
) -> BenchResult<Sample> {
    let rss_file = home.with_extension("rss");
    let mut cmd = Command::new("/usr/bin/time");
    cmd.args(["-f", "%M", "-o"]).arg(&rss_file).arg(program).args(args);
    cmd.env("FACETCTL_HOME", home).env("CI", "true").envs(vars.iter().copied()).stdin(Stdio::null());
    match stdout {
        Some(path) => cmd.stdout(std::fs::File::create(path)?),
        None => cmd.stdout(Stdio::null()),
    };
    let started = Instant::now();
    let out = cmd.stderr(Stdio::piped()).output()?;
    let wall = started.elapsed();
    if !out.status.success() {
        return Err(format!("{program} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let peak_rss_kib = std::fs::read_to_string(&rss_file)?.trim().parse()?;
    Ok(Sample { wall, peak_rss_kib })
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> BenchResult<()> {
    let records: i64 = env_number("FACETCTL_BENCH_RECORDS", 1_000_000);
    let work = tempfile::tempdir()?;
    println!("records\tstep\twall_s\trecords_per_s\tpeak_rss_mib");
    for n in [records / 10, records] {
        let source = work.path().join(format!("source-{n}"));
        seed(&source, n).await?;
        let file = work.path().join(format!("records-{n}.jsonl"));
        let export = measure(&source, &["export"], &[], Some(&file))?;
        let lines = std::io::BufRead::lines(std::io::BufReader::new(std::fs::File::open(&file)?)).count() as i64 - 2;
        row(lines, "export (SQLite)", &export);

        let target = work.path().join(format!("target-{n}"));
        let path = file.to_str().ok_or("a path that is UTF-8")?;
        row(lines, "import (SQLite)", &measure(&target, &["import", path], &[], None)?);
        row(lines, "import again (SQLite)", &measure(&target, &["import", path], &[], None)?);

        if let Ok(admin) = std::env::var("FACETCTL_BENCH_POSTGRES_URL") {
            into_a_server_on_postgresql(&admin, work.path(), n, lines, path).await?;
        }
        std::fs::remove_file(&file)?;
    }
    Ok(())
}

fn row(records: i64, step: &str, s: &Sample) {
    let secs = s.wall.as_secs_f64();
    println!("{records}\t{step}\t{secs:.1}\t{:.0}\t{:.1}", records as f64 / secs, s.peak_rss_kib as f64 / 1024.0);
}

/// A new PostgreSQL database, a server on it with an admin, and the import through it.
async fn into_a_server_on_postgresql(admin: &str, work: &Path, n: i64, lines: i64, file: &str) -> BenchResult<()> {
    let name = format!("facetctl_bench_records_{}_{n}", std::process::id());
    let admin_pool = sqlx::AnyPool::connect(admin).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin_pool).await?;
    let (base, _) = admin.rsplit_once('/').ok_or("FACETCTL_BENCH_POSTGRES_URL names no database")?;
    let url = format!("{base}/{name}");
    let home = work.join(format!("server-{n}"));
    let token = Command::new(BIN)
        .env("FACETCTL_HOME", &home)
        .env("FACETCTL_DATABASE_URL", &url)
        .args(["server", "users", "add", "ada", "--role", "admin"])
        .output()?;
    let token = String::from_utf8(token.stdout)?.trim().to_owned();
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut server = Command::new(BIN)
        .env("FACETCTL_HOME", &home)
        .env("FACETCTL_DATABASE_URL", &url)
        .args(["server", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let base_url = format!("http://127.0.0.1:{port}");
    let ready = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if ready.elapsed() > Duration::from_secs(30) {
            return Err("the server did not start".into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let vars =
        [("FACETS_CONTROL_PLANE_URL", base_url.as_str()), ("FACETS_USERNAME", "ada"), ("FACETS_TOKEN", token.as_str())];
    let client = work.join(format!("client-{n}"));
    let outcome = measure(&client, &["import", file], &vars, None);
    let server_rss = peak_rss_kib(server.id()).unwrap_or(0);
    let _ = Command::new("kill").args(["-TERM", &server.id().to_string()]).status();
    let _ = server.wait();
    let sample = outcome?;
    row(lines, "import (server on PostgreSQL; client RSS)", &sample);
    row(lines, "import (server on PostgreSQL; server RSS)", &Sample { wall: sample.wall, peak_rss_kib: server_rss });

    // The peer: PostgreSQL's own tools moving the same records from that database into a new one.
    let dump = work.join(format!("pg-{n}.dump"));
    let dumped = measure_program(
        "pg_dump",
        &home,
        &["--format=custom", "--file", dump.to_str().unwrap_or_default(), &url],
        &[],
        None,
    )?;
    row(lines, "peer: pg_dump --format=custom (PostgreSQL)", &dumped);
    let copy = format!("{name}_copy");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {copy}"))).execute(&admin_pool).await?;
    let copy_url = format!("{base}/{copy}");
    let restored =
        measure_program("pg_restore", &home, &["--dbname", &copy_url, dump.to_str().unwrap_or_default()], &[], None)?;
    row(lines, "peer: pg_restore into a new database", &restored);
    sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {copy}"))).execute(&admin_pool).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name}"))).execute(&admin_pool).await?;
    Ok(())
}

/// A process's peak resident set so far (VmHWM), in KiB.
fn peak_rss_kib(pid: u32) -> BenchResult<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).ok_or("no VmHWM")?;
    Ok(line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse()?)
}

/// An embedded store in `home` holding about `records` records, written in bulk.
async fn seed(home: &Path, records: i64) -> BenchResult<()> {
    let store = Store::open(&format!("sqlite:{}", home.join("facetctl.db").display())).await?;
    assert_eq!(store.backend, Backend::Sqlite);
    // Artifacts, and as many moves; a promotion for every other artifact; the rest audit events.
    let artifacts = records * 2 / 7;
    let audit_events = records - 2 * artifacts - artifacts / 2;
    let at = "strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i, 'unixepoch') || '.000000Z'";
    let numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) SELECT i FROM n";
    let mut tx = store.begin_write().await?;
    sqlx::raw_sql(
        "INSERT INTO registries (name, kind, uri, insecure, created_by, created_at)
             VALUES ('local', 'generic', '127.0.0.1:5000', 1, 'bench', '2023-01-01T00:00:00.000000Z');
         INSERT INTO workflows (name, registration_type, stages, gates, created_by, created_at)
             VALUES ('standard', 'ENVIRONMENT', '[\"qa\",\"staging\"]', '[]', 'bench', '2023-01-01T00:00:00.000000Z');
         INSERT INTO integrations (name, registration_type, registry_id, repository, layout, workflow_id, created_by, created_at)
             VALUES ('payments', 'ENVIRONMENT', 1, 'payments', 'repository-per-bucket', 1, 'bench', '2023-01-01T00:00:00.000000Z');",
    )
    .execute(&mut *tx)
    .await?;
    // Odd builds are pushed to qa, even ones are their promotion to staging.
    for (sql, n) in [
        (format!(
            "INSERT INTO artifacts (integration_id, bucket, image_uri, tag, digest, media_type, metadata, promoted_from,
                                    created_by, created_at)
             SELECT 1, CASE i % 2 WHEN 1 THEN 'qa' ELSE 'staging' END, '127.0.0.1:5000/payments', 'b' || ((i + 1) / 2),
                    'sha256:' || printf('%064x', (i + 1) / 2), 'application/vnd.oci.image.manifest.v1+json',
                    '{{\"GIT_REF\":\"main\"}}', CASE i % 2 WHEN 0 THEN i - 1 END, 'ci', {at} FROM ({numbers})"
        ), Some(artifacts)),
        ("INSERT INTO bucket_events (integration_id, bucket, kind, artifact_id, from_bucket, actor, created_at)
         SELECT integration_id, bucket, CASE WHEN promoted_from IS NULL THEN 'push' ELSE 'promote' END, id,
                CASE WHEN promoted_from IS NULL THEN NULL ELSE 'qa' END, created_by, created_at FROM artifacts"
            .to_owned(), None),
        ("INSERT INTO promotions (integration_id, artifact_id, target_artifact_id, from_bucket, to_bucket, digest, actor,
                                 state, created_at)
         SELECT 1, promoted_from, id, 'qa', 'staging', digest, 'rel', 'done', created_at FROM artifacts
         WHERE promoted_from IS NOT NULL"
            .to_owned(), None),
        (format!(
            "INSERT INTO audit_events (created_at, actor, action, entity, target, details)
             SELECT {at}, 'ci', 'artifact.push', 'artifact', 'payments/qa:b' || i, '{{\"digest\":\"sha256:0\"}}'
             FROM ({numbers})"
        ), Some(audit_events)),
    ] {
        let query = sqlx::query(sqlx::AssertSqlSafe(sql));
        match n {
            Some(n) => query.bind(n).execute(&mut *tx).await?,
            None => query.execute(&mut *tx).await?,
        };
    }
    tx.commit().await?;
    store.close().await;
    Ok(())
}
