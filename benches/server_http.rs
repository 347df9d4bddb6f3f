//! `facetctl server` driven over HTTP as many CI jobs drive it, on SQLite and
//! (with a PostgreSQL URL) on PostgreSQL, server, clients and registry all on
//! this machine:
//!   - 32 concurrent clients (FACETCTL_BENCH_CLIENTS), each through the
//!     library's remote control plane (`Remote`, the CLI's own HTTP client,
//!     HTTP Basic with a personal access token, a connection pool per
//!     client), each on an integration of its own, each recording 100 pushes
//!     one after another (FACETCTL_BENCH_PUSHES): take the bucket's lease
//!     (`POST .../lock`), then record the artifact (`POST .../artifacts`,
//!     which renews the lease, asks the registry whether the bucket's tags name
//!     the digest, records, and releases the lease in one transaction);
//!   - every 10th push (FACETCTL_BENCH_HISTORY_EVERY), the client reads its
//!     integration's history (the newest 50 events), timed apart;
//!   - the server's CPU time (utime + stime from /proc, 10 ms ticks) over the
//!     timed part, its peak RSS (VmHWM) at the end, and the registry's CPU time
//!     over the timed part: the server's witness HEADs land on it.
//!
//! Before the timed part, untimed: a fresh `docker-registry`; the server on a
//! fresh database; users made with `facetctl server users add` (one admin, a
//! developer per client); through the CLI as the admin, the registry, a
//! workflow and one integration per client (repository-per-bucket); then the
//! registry is given, in each client's `bench/cN/qa` repository, one small OCI
//! image under `current` and under every tag the client will record
//! (`build-0` ...). The server refuses a record whose tags the registry does
//! not serve with that digest, so these must exist; one digest under many
//! tags is a valid record (artifacts are unique by integration, bucket and
//! tag). The registry's answer to each HEAD is real, just never "missing".
//!
//! Run with
//!   CI=true cargo bench --bench server_http
//! and, for PostgreSQL as well, with a role that may create databases:
//!   FACETCTL_BENCH_POSTGRES_URL=postgres://USER:PASSWORD@127.0.0.1:5432/postgres cargo bench --bench server_http
//! (FACETCTL_TEST_POSTGRES_URL, which `.ci/run` sets, is taken when the
//! first is unset). The bench creates a database of its own there and drops it
//! at the end. More load: FACETCTL_BENCH_CLIENTS=64 FACETCTL_BENCH_PUSHES=500.

#[path = "../tests/cli/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use facetctl::control::remote::Remote;
use facetctl::control::{ControlPlane, LockAttempt, NewArtifact};
use facetctl::model::{BucketEventKind, Digest};
use facetctl::registry::{Secret, SharedHttp};
use support::{TestContext, TestRegistry};

type BenchResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
/// Linux's USER_HZ: /proc reports CPU time in these.
const TICKS_PER_SECOND: u64 = 100;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

struct Knobs {
    clients: usize,
    pushes: usize,
    history_every: usize,
}

/// What one store's run measured.
struct Row {
    store: &'static str,
    clients: usize,
    records: usize,
    wall: Duration,
    /// Lease then record, per push.
    pushes: Vec<Duration>,
    locks: Vec<Duration>,
    records_only: Vec<Duration>,
    history: Vec<Duration>,
    server_cpu: Duration,
    server_peak_rss_kib: u64,
    registry_cpu: Duration,
    /// This process: the 32 clients, their HTTP and JSON.
    clients_cpu: Duration,
    /// All cores' busy time over the timed part, whoever spent it.
    machine_cpu: Duration,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> BenchResult<()> {
    let knobs = Knobs {
        clients: env_number("FACETCTL_BENCH_CLIENTS", 32),
        pushes: env_number("FACETCTL_BENCH_PUSHES", 100),
        history_every: env_number("FACETCTL_BENCH_HISTORY_EVERY", 10).max(1),
    };
    let mut rows = Vec::new();

    let ctx = TestContext::new();
    let sqlite = format!("sqlite:{}", ctx.images().join("server.db").display());
    rows.push(run("SQLite", &ctx, &sqlite, &knobs).await?);

    let postgres = std::env::var("FACETCTL_BENCH_POSTGRES_URL")
        .or_else(|_| std::env::var("FACETCTL_TEST_POSTGRES_URL"))
        .ok()
        .filter(|u| !u.is_empty());
    if let Some(admin) = postgres {
        sqlx::any::install_default_drivers();
        let name = format!("facetctl_bench_http_{}", std::process::id());
        let admin_pool = sqlx::AnyPool::connect(&admin).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin_pool).await?;
        let (base, _) = admin.rsplit_once('/').ok_or("the PostgreSQL URL names no database")?;
        let ctx = TestContext::new();
        let outcome = run("PostgreSQL", &ctx, &format!("{base}/{name}"), &knobs).await;
        // The server has stopped by now, so nothing holds the database open.
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&admin_pool).await?;
        admin_pool.close().await;
        rows.push(outcome?);
    } else {
        println!("(PostgreSQL skipped: set FACETCTL_BENCH_POSTGRES_URL or FACETCTL_TEST_POSTGRES_URL)");
    }

    report(&rows, &knobs);
    Ok(())
}

/// One store: set up, time the clients, stop the server.
async fn run(store: &'static str, ctx: &TestContext, database: &str, knobs: &Knobs) -> BenchResult<Row> {
    let setup = Instant::now();
    let registry = TestRegistry::plain();
    let mut server = Server::start(ctx, database, store).await?;
    let outcome = async {
        let admin_token = server.add_user(ctx, "ada", "admin")?;
        let as_admin = |args: &[&str]| -> BenchResult<()> {
            let out = ctx
                .command()
                .env("FACETS_CONTROL_PLANE_URL", &server.url)
                .env("FACETS_USERNAME", "ada")
                .env("FACETS_TOKEN", &admin_token)
                .args(args)
                .output()?;
            if !out.status.success() {
                return Err(format!("facetctl {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
            }
            Ok(())
        };
        as_admin(&["registry", "add", "local", "--kind", "generic", "--url", &registry.host, "--insecure"])?;
        as_admin(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"])?;
        let mut tokens = Vec::with_capacity(knobs.clients);
        for k in 0..knobs.clients {
            let (name, repository) = (format!("c{k}"), format!("bench/c{k}"));
            as_admin(&[
                "integration",
                "create",
                &name,
                "--type",
                "environment",
                "--registry",
                "local",
                "--repository",
                &repository,
                "--workflow",
                "standard",
                "--layout",
                "repository-per-bucket",
            ])?;
            tokens.push(server.add_user(ctx, &format!("ci{k}"), "developer")?);
        }
        let digest = fill_registry(ctx, &registry, knobs).await?;
        println!("{store}: set up in {:.1} s", setup.elapsed().as_secs_f64());
        timed(store, &server, &registry, tokens, digest, knobs).await
    }
    .await;
    let stopped = server.stop();
    if outcome.is_err() {
        eprintln!("server log ({}):\n{}", server.log.display(), tail(&server.log, 40));
    }
    let row = outcome?;
    stopped?;
    Ok(row)
}

/// The clients, all at once; their timings and the server's and registry's costs.
async fn timed(
    store: &'static str,
    server: &Server,
    registry: &TestRegistry,
    tokens: Vec<String>,
    digest: Digest,
    knobs: &Knobs,
) -> BenchResult<Row> {
    // Each client as its own CI job: its own HTTP client (and connections), credentials checked.
    let mut remotes = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.into_iter().enumerate() {
        let http = SharedHttp::default().get().clone();
        remotes.push(Remote::connect(http, &server.url, &format!("ci{k}"), Secret::new(token)).await?);
    }
    let start = Arc::new(tokio::sync::Barrier::new(remotes.len() + 1));
    let runs: Vec<_> = remotes
        .into_iter()
        .enumerate()
        .map(|(k, remote)| {
            let (start, digest) = (start.clone(), digest.clone());
            let (pushes, every) = (knobs.pushes, knobs.history_every);
            tokio::spawn(async move {
                start.wait().await;
                client(&remote, &format!("c{k}"), &digest, pushes, every).await
            })
        })
        .collect();
    let (server_before, registry_before) = (cpu_time(server.pid())?, registry.cpu_time());
    let (clients_before, machine_before) = (cpu_time(std::process::id())?, machine_busy()?);
    start.wait().await;
    let all = Instant::now();
    let mut row = Row {
        store,
        clients: knobs.clients,
        records: 0,
        wall: Duration::ZERO,
        pushes: Vec::new(),
        locks: Vec::new(),
        records_only: Vec::new(),
        history: Vec::new(),
        server_cpu: Duration::ZERO,
        server_peak_rss_kib: 0,
        registry_cpu: Duration::ZERO,
        clients_cpu: Duration::ZERO,
        machine_cpu: Duration::ZERO,
    };
    for run in runs {
        let timings = run.await??;
        row.pushes.extend(timings.pushes);
        row.locks.extend(timings.locks);
        row.records_only.extend(timings.records);
        row.history.extend(timings.history);
    }
    row.wall = all.elapsed();
    row.server_cpu = cpu_time(server.pid())? - server_before;
    row.registry_cpu = registry.cpu_time() - registry_before;
    row.clients_cpu = cpu_time(std::process::id())? - clients_before;
    row.machine_cpu = machine_busy()? - machine_before;
    row.server_peak_rss_kib = peak_rss_kib(server.pid())?;
    row.records = row.pushes.len();
    for v in [&mut row.pushes, &mut row.locks, &mut row.records_only, &mut row.history] {
        v.sort();
    }
    Ok(row)
}

struct Timings {
    pushes: Vec<Duration>,
    locks: Vec<Duration>,
    records: Vec<Duration>,
    history: Vec<Duration>,
}

/// One CI client: `pushes` pushes into its integration's qa bucket, one
/// after another, and a history read after every `every`th.
async fn client(
    remote: &Remote,
    integration: &str,
    digest: &Digest,
    pushes: usize,
    every: usize,
) -> BenchResult<Timings> {
    let mut t = Timings {
        pushes: Vec::with_capacity(pushes),
        locks: Vec::with_capacity(pushes),
        records: Vec::with_capacity(pushes),
        history: Vec::with_capacity(pushes / every + 1),
    };
    for i in 0..pushes {
        let one = Instant::now();
        let LockAttempt::Acquired(lock) = remote.lock_bucket(integration, "qa", "bench").await? else {
            return Err(format!("bucket qa of {integration} is busy, and only this client writes it").into());
        };
        let locked = one.elapsed();
        let new = NewArtifact {
            tag: format!("build-{i}"),
            digest: digest.clone(),
            media_type: MANIFEST.into(),
            external_id: Some(format!("run-{i}")),
            description: None,
            metadata: Default::default(),
            kind: BucketEventKind::Push,
        };
        // The record releases the lease with it, as in a push.
        let artifact = remote.record_artifact(&lock, new).await?;
        let total = one.elapsed();
        if artifact.tag != format!("build-{i}") {
            return Err(format!("{integration}: recorded {} for build-{i}", artifact.tag).into());
        }
        t.locks.push(locked);
        t.records.push(total - locked);
        t.pushes.push(total);
        if (i + 1) % every == 0 {
            let one = Instant::now();
            let events = remote.bucket_events(integration, None, 50).await?;
            t.history.push(one.elapsed());
            if events.len() != (i + 1).min(50) {
                return Err(format!("{integration}: history has {} events after {} pushes", events.len(), i + 1).into());
            }
        }
    }
    Ok(t)
}

/// Puts one small OCI image into each client's qa repository under `current`
/// and under every tag the client will record; returns its digest. The image
/// goes up once with skopeo, its blobs are mounted into the other
/// repositories, and its manifest is PUT under each tag.
async fn fill_registry(ctx: &TestContext, registry: &TestRegistry, knobs: &Knobs) -> BenchResult<Digest> {
    let image = support::image::single(ctx.images(), "v1", "server-http", 1);
    support::skopeo::upload(registry, &image.source(), "bench/seed:v1");
    let blob = |digest: &str| image.dir.join("blobs/sha256").join(digest.trim_start_matches("sha256:"));
    let manifest = std::fs::read(blob(&image.digest))?;
    let parsed: serde_json::Value = serde_json::from_slice(&manifest)?;
    let mut blobs = vec![parsed["config"]["digest"].as_str().ok_or("a manifest without config")?.to_owned()];
    for layer in parsed["layers"].as_array().ok_or("a manifest without layers")? {
        blobs.push(layer["digest"].as_str().ok_or("a layer without digest")?.to_owned());
    }
    let digest = Digest::of(&manifest);
    if digest.as_str() != image.digest {
        return Err(format!("the manifest's digest is {digest}, the layout says {}", image.digest).into());
    }
    let http = reqwest::Client::new();
    let base = format!("http://{}/v2", registry.host);
    let (blobs, manifest) = (Arc::new(blobs), bytes::Bytes::from(manifest));
    let fills = (0..knobs.clients).map(|k| {
        let (http, base, blobs, manifest) = (http.clone(), base.clone(), blobs.clone(), manifest.clone());
        let pushes = knobs.pushes;
        tokio::spawn(async move {
            let repo = format!("bench/c{k}/qa");
            for d in blobs.iter() {
                let url = format!("{base}/{repo}/blobs/uploads/?mount={d}&from=bench/seed");
                let status = http.post(url).send().await?.status();
                if status.as_u16() != 201 {
                    return Err(format!("mount {d} into {repo}: {status}").into());
                }
            }
            let tags = std::iter::once("current".to_owned()).chain((0..pushes).map(|i| format!("build-{i}")));
            for tag in tags {
                let url = format!("{base}/{repo}/manifests/{tag}");
                let sent = http.put(url).header("content-type", MANIFEST).body(manifest.clone()).send().await?;
                if !sent.status().is_success() {
                    return Err(format!("PUT {repo}:{tag}: {}", sent.status()).into());
                }
            }
            BenchResult::Ok(())
        })
    });
    for fill in fills.collect::<Vec<_>>() {
        fill.await??;
    }
    Ok(digest)
}

/// `facetctl server` on a free loopback port, as the tests start it, with
/// its pid at hand for /proc.
struct Server {
    url: String,
    database: String,
    child: Child,
    log: PathBuf,
}

impl Server {
    async fn start(ctx: &TestContext, database: &str, store: &str) -> BenchResult<Server> {
        let port = support::free_port();
        let log = ctx.images().join(format!("server-{store}-{port}.log"));
        let child = ctx
            .command()
            // A server keeps its secrets apart from any client's.
            .env("FACETCTL_HOME", ctx.images().join(format!("server-home-{store}")))
            .env("FACETCTL_DATABASE_URL", database)
            .args(["server", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log)?)
            .spawn()?;
        let mut server = Server { url: format!("http://127.0.0.1:{port}"), database: database.to_owned(), child, log };
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait()? {
                return Err(format!("the server exited ({status}): {}", tail(&server.log, 20)).into());
            }
            let ready = http.get(format!("{}/readyz", server.url)).send().await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return Ok(server);
            }
            if started.elapsed() > Duration::from_secs(30) {
                return Err("the server was not ready after 30 s".into());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `facetctl server users add`: the new user's token.
    fn add_user(&self, ctx: &TestContext, name: &str, role: &str) -> BenchResult<String> {
        let out = ctx
            .command()
            .env("FACETCTL_DATABASE_URL", &self.database)
            .args(["server", "users", "add", name, "--role", role])
            .output()?;
        if !out.status.success() {
            return Err(format!("users add {name}: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(String::from_utf8(out.stdout)?.trim().to_owned())
    }

    /// SIGTERM, as an operator stops it, and wait for it to finish.
    fn stop(&mut self) -> BenchResult<()> {
        let _ = Command::new("kill").args(["-TERM", &self.pid().to_string()]).status();
        let status = self.child.wait()?;
        if !status.success() {
            return Err(format!("the server stopped with {status}").into());
        }
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// User and system CPU time of a process so far, from /proc/PID/stat.
fn cpu_time(pid: u32) -> BenchResult<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the parenthesised name; utime and stime are the 14th and 15th overall.
    let rest = stat.rsplit_once(')').ok_or("an unreadable /proc/PID/stat")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 =
        fields.get(11..13).ok_or("a short /proc/PID/stat")?.iter().map(|t| t.parse::<u64>()).sum::<Result<_, _>>()?;
    Ok(Duration::from_millis(ticks * 1000 / TICKS_PER_SECOND))
}

/// Busy time of all CPUs since boot (everything in /proc/stat's `cpu` line but idle and iowait).
fn machine_busy() -> BenchResult<Duration> {
    let stat = std::fs::read_to_string("/proc/stat")?;
    let line = stat.lines().find(|l| l.starts_with("cpu ")).ok_or("no cpu line in /proc/stat")?;
    let ticks: Vec<u64> = line.split_whitespace().skip(1).map(|t| t.parse()).collect::<Result<_, _>>()?;
    // user nice system idle iowait irq softirq steal (guest time is inside user already).
    let busy: u64 = ticks.iter().take(8).enumerate().filter(|(i, _)| *i != 3 && *i != 4).map(|(_, t)| t).sum();
    Ok(Duration::from_millis(busy * 1000 / TICKS_PER_SECOND))
}

/// The process's peak resident set so far (VmHWM), in KiB.
fn peak_rss_kib(pid: u32) -> BenchResult<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).ok_or("no VmHWM in /proc/PID/status")?;
    Ok(line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse()?)
}

fn tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

fn report(rows: &[Row], knobs: &Knobs) {
    println!();
    println!(
        "| store | clients | records | records/s | p50 | p99 | max | history p50 | history p99 | server CPU | server peak RSS | registry CPU |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for r in rows {
        let wall = r.wall.as_secs_f64();
        println!(
            "| {} | {} | {} | {:.0} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.2} s ({:.0}% of a core) | {:.1} MiB | {:.2} s ({:.0}% of a core) |",
            r.store,
            r.clients,
            r.records,
            r.records as f64 / wall,
            ms(percentile(&r.pushes, 0.50)),
            ms(percentile(&r.pushes, 0.99)),
            ms(r.pushes.last().copied().unwrap_or_default()),
            ms(percentile(&r.history, 0.50)),
            ms(percentile(&r.history, 0.99)),
            r.server_cpu.as_secs_f64(),
            100.0 * r.server_cpu.as_secs_f64() / wall,
            r.server_peak_rss_kib as f64 / 1024.0,
            r.registry_cpu.as_secs_f64(),
            100.0 * r.registry_cpu.as_secs_f64() / wall,
        );
    }
    println!();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    for r in rows {
        let per_record = |d: Duration| ms(d) / r.records as f64;
        let rest = r.machine_cpu.saturating_sub(r.server_cpu + r.registry_cpu + r.clients_cpu);
        println!(
            "{}: CPU per record: server {:.2} ms, registry {:.2} ms, clients {:.2} ms, rest of the machine {:.2} ms \
             (PostgreSQL, the kernel's idle work, anything else running); the machine was {:.0}% busy",
            r.store,
            per_record(r.server_cpu),
            per_record(r.registry_cpu),
            per_record(r.clients_cpu),
            per_record(rest),
            100.0 * r.machine_cpu.as_secs_f64() / (r.wall.as_secs_f64() * cores),
        );
        println!(
            "{}: {:.2} s wall; lease p50 {:.1} ms, p99 {:.1} ms; record (renew, witness, write) p50 {:.1} ms, p99 {:.1} ms; {} history reads",
            r.store,
            r.wall.as_secs_f64(),
            ms(percentile(&r.locks, 0.50)),
            ms(percentile(&r.locks, 0.99)),
            ms(percentile(&r.records_only, 0.50)),
            ms(percentile(&r.records_only, 0.99)),
            r.history.len(),
        );
    }
    println!(
        "clients: {} x {} pushes, a history read every {}; p50/p99/max are per push (lease + record); \
         records/s include the history reads' time",
        knobs.clients, knobs.pushes, knobs.history_every
    );
    println!(
        "machine: {} cores, {}; server, clients and registry (and PostgreSQL) on the same cores",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        support::cpu_model()
    );
    println!(
        "reproduce: CI=true FACETCTL_BENCH_POSTGRES_URL=postgres://USER:PASSWORD@127.0.0.1:5432/postgres cargo bench --bench server_http"
    );
}
