//! facetctl against skopeo, side by side in one run on this machine, against
//! local distribution registries:
//!   a. promotion across repositories of one registry (10 layers);
//!   a'. the same over TLS, HTTP/2 where the registry offers it;
//!   b. promotion inside one repository (tag-per-bucket);
//!   c. push of a 10-layer OCI layout (1 GiB by default; FACETCTL_BENCH_MIB);
//!   d. push of an image the registry already holds;
//! and `facetctl --help` cold start. For each: the median wall time of runs
//! that alternate between the tools and go straight to the registry; the
//! registry requests, counted at a proxy in one more pass (not over TLS: the
//! proxy speaks plain HTTP); the CPU the registry spent serving them; peak
//! RSS, through GNU time. Run with `cargo bench --bench registry`; it prints
//! a Markdown table.

#[path = "../tests/cli/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::fault_proxy::FaultProxy;
use support::{TestContext, TestRegistry};

/// One measured run of one command.
struct Sample {
    wall: Duration,
    /// None where no proxy could count them (TLS).
    requests: Option<usize>,
    peak_rss_kib: i64,
    /// CPU the registry spent serving the command, in 10 ms ticks.
    registry_cpu: Duration,
}

/// Runs `cmd` to the end: its wall time and its peak RSS. The RSS comes from
/// GNU time, a small process between us and the command: on Linux a child's
/// high-water mark starts at its parent's, so measured straight from this
/// (large) process every figure would be at least this process's size.
fn measure(cmd: &mut Command, registry: &TestRegistry, proxy: Option<&FaultProxy>) -> Sample {
    let mut timed = Command::new("/usr/bin/time");
    timed.args(["-f", "bench-maxrss-kib=%M"]).arg(cmd.get_program()).args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => timed.env(key, v),
            None => timed.env_remove(key),
        };
    }
    let before = proxy.map(|p| p.log().len());
    let cpu_before = registry.cpu_time();
    let start = Instant::now();
    let out = timed.stdin(Stdio::null()).output().expect("GNU time runs (Debian package `time`)");
    let wall = start.elapsed();
    let registry_cpu = registry.cpu_time() - cpu_before;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{cmd:?} failed: {stderr}");
    let peak_rss_kib = stderr
        .lines()
        .find_map(|l| l.strip_prefix("bench-maxrss-kib=")?.trim().parse().ok())
        .expect("GNU time reports the peak RSS");
    let requests = proxy.zip(before).map(|(p, before)| p.log().len() - before);
    Sample { wall, requests, peak_rss_kib, registry_cpu }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

struct Row {
    scenario: &'static str,
    tool: &'static str,
    samples: Vec<Sample>,
}

fn skopeo(args: &[String]) -> Command {
    let mut cmd = Command::new("skopeo");
    cmd.arg("copy").args(["--src-tls-verify=false", "--dest-tls-verify=false", "--retry-times", "0"]).args(args);
    cmd
}

/// `integration create NAME` on `registry`'s `repository`, with the bench's workflow.
fn integration(name: &str, registry: &str, repository: &str, layout: &str) -> Vec<String> {
    let args = ["integration", "create", name, "--type", "environment", "--registry", registry];
    let more = ["--repository", repository, "--workflow", "standard", "--layout", layout];
    args.iter().chain(&more).map(|a| a.to_string()).collect()
}

/// skopeo verifying TLS against the CA in `cert_dir` (as `ca.crt`).
fn skopeo_tls(cert_dir: &std::path::Path, args: &[String]) -> Command {
    let mut cmd = Command::new("skopeo");
    cmd.arg("copy").arg("--src-cert-dir").arg(cert_dir).arg("--dest-cert-dir").arg(cert_dir);
    cmd.args(["--retry-times", "0"]).args(args);
    cmd
}

/// How a pass reaches the registries: straight, for the timed passes, or
/// through a counting proxy, for one more pass that counts requests. The proxy
/// shares the machine's 2 cores, so timing through it would add its cost to
/// both tools and measure neither.
#[derive(Clone, Copy, PartialEq)]
enum Route {
    Direct,
    Counted,
}

fn main() {
    // `cargo bench` passes --bench; nothing else is taken.
    let runs: usize = std::env::var("FACETCTL_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let big_mib: usize = std::env::var("FACETCTL_BENCH_MIB").ok().and_then(|r| r.parse().ok()).unwrap_or(1024);
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("direct", &registry.host, None);
    ctx.add_registry_as("counted", &proxy.host, None);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    let small = support::image::sized(ctx.images(), "v1", "bench-small", 10, 4 * 1024 * 1024);
    let big = support::image::sized(ctx.images(), "v1", "bench-big", 10, big_mib * 1024 * 1024 / 10);
    // a'. the same promotion against a registry that speaks TLS (and HTTP/2), with a CA of its own.
    let secure = TestRegistry::tls();
    let ca = secure.ca_file.clone().expect("a TLS registry has a CA");
    let cert_dir = tempfile::tempdir().unwrap();
    std::fs::copy(&ca, cert_dir.path().join("ca.crt")).unwrap();
    let trusting = || {
        let mut cmd = ctx.command();
        cmd.env("SSL_CERT_FILE", &ca);
        cmd
    };
    let added =
        ctx.run_with(trusting().args(["registry", "add", "secure", "--kind", "generic", "--url", &secure.host]));
    assert_eq!(added.code, 0, "{added:?}");
    let label_c: &'static str =
        if big_mib == 1024 { "c. push 1 GiB, 10 layers" } else { "c. push a big OCI layout, 10 layers" };
    let label_d = "d. push what the registry holds";
    let mut rows: Vec<Row> = Vec::new();
    let mut add = |scenario, tool, sample| match rows.iter_mut().find(|r| r.scenario == scenario && r.tool == tool) {
        Some(r) => r.samples.push(sample),
        None => rows.push(Row { scenario, tool, samples: vec![sample] }),
    };

    let passes = (0..runs).map(|run| (run, Route::Direct)).chain([(runs, Route::Counted)]);
    for (run, route) in passes {
        let (registry_name, host, counter) = match route {
            Route::Direct => ("direct", registry.host.clone(), None),
            Route::Counted => ("counted", proxy.host.clone(), Some(&proxy)),
        };
        // a. across repositories, b. inside one: each run its own integration, qa filled beforehand.
        for (scenario, layout, name, from, to) in [
            (
                "a. promote across repositories",
                "repository-per-bucket",
                format!("promo{run}"),
                "/qa:v1",
                "/staging-skopeo:v1",
            ),
            (
                "b. promote inside one repository",
                "tag-per-bucket",
                format!("tags{run}"),
                ":qa-v1",
                ":staging-skopeo-v1",
            ),
        ] {
            let create = integration(&name, registry_name, &format!("bench/{name}"), layout);
            assert_eq!(ctx.run_with(ctx.command().args(&create)).code, 0, "{create:?}");
            ctx.ok(&["artifact", "push", &small.source(), "--integration", &name, "--bucket", "qa"]);
            let promote = ["promote", "--integration", &name, "--from", "qa", "--to", "staging"];
            add(scenario, "facetctl", measure(ctx.command().args(promote), &registry, counter));
            let (from, to) =
                (format!("docker://{host}/bench/{name}{from}"), format!("docker://{host}/bench/{name}{to}"));
            add(scenario, "skopeo", measure(&mut skopeo(&[from, to]), &registry, counter));
        }
        if route == Route::Direct {
            let scenario = "a'. promote across repositories, TLS";
            let name = format!("tls{run}");
            let create = integration(&name, "secure", &format!("bench/{name}"), "repository-per-bucket");
            assert_eq!(ctx.run_with(trusting().args(&create)).code, 0, "{create:?}");
            let push = ["artifact", "push", &small.source(), "--integration", &name, "--bucket", "qa"];
            assert_eq!(ctx.run_with(trusting().args(push)).code, 0);
            let promote = ["promote", "--integration", &name, "--from", "qa", "--to", "staging"];
            add(scenario, "facetctl", measure(trusting().args(promote), &secure, None));
            let repo = format!("docker://{}/bench/{name}", secure.host);
            let (from, to) = (format!("{repo}/qa:v1"), format!("{repo}/staging-skopeo:v1"));
            add(scenario, "skopeo", measure(&mut skopeo_tls(cert_dir.path(), &[from, to]), &secure, None));
        }

        // c. a big push into a registry that has never seen its blobs, then d. the same push again.
        // Each tool gets a registry of its own: with a shared one, skopeo's blob-info cache would
        // mount what facetctl had just uploaded, and measure nothing.
        let fresh_registry = || {
            let fresh = TestRegistry::plain();
            let proxy = (route == Route::Counted).then(|| FaultProxy::start(&fresh.host));
            let host = proxy.as_ref().map_or(fresh.host.clone(), |p| p.host.clone());
            (fresh, proxy, host)
        };
        {
            let (fresh, fresh_proxy, fresh_host) = fresh_registry();
            let name = format!("big{run}");
            ctx.add_registry_as(&name, &fresh_host, None);
            let create = integration(&name, &name, "bench/big", "repository-per-bucket");
            assert_eq!(ctx.run_with(ctx.command().args(&create)).code, 0, "{create:?}");
            let push = ["artifact", "push", &big.source(), "--integration", &name, "--bucket", "qa"];
            add(label_c, "facetctl", measure(ctx.command().args(push), &fresh, fresh_proxy.as_ref()));
            add(label_d, "facetctl", measure(ctx.command().args(push), &fresh, fresh_proxy.as_ref()));
        }
        {
            let (fresh, fresh_proxy, fresh_host) = fresh_registry();
            let dest = format!("docker://{fresh_host}/bench/big/qa:v1");
            add(label_c, "skopeo", measure(&mut skopeo(&[big.source(), dest.clone()]), &fresh, fresh_proxy.as_ref()));
            add(label_d, "skopeo", measure(&mut skopeo(&[big.source(), dest]), &fresh, fresh_proxy.as_ref()));
        }
    }

    let help: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let out = ctx.command().arg("--help").output().unwrap();
            assert!(out.status.success());
            start.elapsed()
        })
        .collect();

    println!(
        "| scenario | tool | median wall | requests (median) | registry CPU (median) | peak RSS | time vs skopeo |"
    );
    println!("|---|---|---|---|---|---|---|");
    for row in &rows {
        let timed = || row.samples.iter().filter(|s| s.requests.is_none());
        let wall = median(timed().map(|s| s.wall).collect());
        let mut requests: Vec<usize> = row.samples.iter().filter_map(|s| s.requests).collect();
        requests.sort();
        let requests = requests.get(requests.len() / 2).map_or("–".to_owned(), usize::to_string);
        let registry_cpu = median(timed().map(|s| s.registry_cpu).collect());
        let rss = timed().map(|s| s.peak_rss_kib).max().unwrap_or(0);
        let peer = rows.iter().find(|r| r.scenario == row.scenario && r.tool == "skopeo").unwrap();
        let peer_wall = median(peer.samples.iter().filter(|s| s.requests.is_none()).map(|s| s.wall).collect());
        println!(
            "| {} | {} | {:.0} ms | {} | {} ms | {:.1} MiB | {:.2}x |",
            row.scenario,
            row.tool,
            wall.as_secs_f64() * 1000.0,
            requests,
            registry_cpu.as_millis(),
            rss as f64 / 1024.0,
            peer_wall.as_secs_f64() / wall.as_secs_f64()
        );
    }
    println!("\n`facetctl --help`: median {:.1} ms over 20 runs", median(help).as_secs_f64() * 1000.0);
    println!(
        "runs: {runs}; machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        support::cpu_model()
    );
}
