//! facetctl against skopeo, side by side in one run on this machine, against
//! a local distribution registry behind a counting proxy:
//!   a. promotion across repositories of one registry (10 layers);
//!   b. promotion inside one repository (tag-per-bucket);
//!   c. push of a 10-layer OCI layout (1 GiB by default; FACETCTL_BENCH_MIB);
//!   d. push of an image the registry already holds;
//! and `facetctl --help` cold start. For each: median wall time over runs
//! interleaved between the tools, registry requests (at the proxy), peak RSS
//! (wait4). Run with `cargo bench --bench registry`; it prints a Markdown table.

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
    requests: usize,
    peak_rss_kib: i64,
}

/// Runs `cmd` to the end: its wall time and its peak RSS. The RSS comes from
/// GNU time, a small process between us and the command: on Linux a child's
/// high-water mark starts at its parent's, so measured straight from this
/// (large) process every figure would be at least this process's size.
fn measure(cmd: &mut Command, proxy: &FaultProxy) -> Sample {
    let mut timed = Command::new("/usr/bin/time");
    timed.args(["-f", "bench-maxrss-kib=%M"]).arg(cmd.get_program()).args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => timed.env(key, v),
            None => timed.env_remove(key),
        };
    }
    let before = proxy.log().len();
    let start = Instant::now();
    let out = timed.stdin(Stdio::null()).output().expect("GNU time runs (Debian package `time`)");
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{cmd:?} failed: {stderr}");
    let peak_rss_kib = stderr
        .lines()
        .find_map(|l| l.strip_prefix("bench-maxrss-kib=")?.trim().parse().ok())
        .expect("GNU time reports the peak RSS");
    Sample { wall, requests: proxy.log().len() - before, peak_rss_kib }
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

fn main() {
    // `cargo bench` passes --bench; nothing else is taken.
    let runs: usize = std::env::var("FACETCTL_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let big_mib: usize = std::env::var("FACETCTL_BENCH_MIB").ok().and_then(|r| r.parse().ok()).unwrap_or(1024);
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &proxy.host, None);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    let small = support::image::sized(ctx.images(), "v1", "bench-small", 10, 4 * 1024 * 1024);
    let big = support::image::sized(ctx.images(), "v1", "bench-big", 10, big_mib * 1024 * 1024 / 10);
    let host = proxy.host.clone();
    let mut rows: Vec<Row> = Vec::new();
    let mut add = |scenario, tool, sample| match rows.iter_mut().find(|r| r.scenario == scenario && r.tool == tool) {
        Some(r) => r.samples.push(sample),
        None => rows.push(Row { scenario, tool, samples: vec![sample] }),
    };

    for run in 0..runs {
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
            ctx.ok(&[
                "integration",
                "create",
                &name,
                "--type",
                "environment",
                "--registry",
                "local",
                "--repository",
                &format!("bench/{name}"),
                "--workflow",
                "standard",
                "--layout",
                layout,
            ]);
            ctx.ok(&["artifact", "push", &small.source(), "--integration", &name, "--bucket", "qa"]);
            let promote = ["promote", "--integration", &name, "--from", "qa", "--to", "staging"];
            add(scenario, "facetctl", measure(ctx.command().args(promote), &proxy));
            let (from, to) =
                (format!("docker://{host}/bench/{name}{from}"), format!("docker://{host}/bench/{name}{to}"));
            add(scenario, "skopeo", measure(&mut skopeo(&[from, to]), &proxy));
        }

        // c. a big push into a registry that has never seen its blobs, then d. the same push again.
        // Each tool gets a registry of its own: with a shared one, skopeo's blob-info cache would
        // mount what facetctl had just uploaded, and measure nothing.
        let label_c: &'static str =
            if big_mib == 1024 { "c. push 1 GiB, 10 layers" } else { "c. push a big OCI layout, 10 layers" };
        {
            let fresh = TestRegistry::plain();
            let fresh_proxy = FaultProxy::start(&fresh.host);
            let name = format!("big{run}");
            ctx.add_registry_as(&name, &fresh_proxy.host, None);
            ctx.ok(&[
                "integration",
                "create",
                &name,
                "--type",
                "environment",
                "--registry",
                &name,
                "--repository",
                "bench/big",
                "--workflow",
                "standard",
            ]);
            let push = ["artifact", "push", &big.source(), "--integration", &name, "--bucket", "qa"];
            add(label_c, "facetctl", measure(ctx.command().args(push), &fresh_proxy));
            add("d. push what the registry holds", "facetctl", measure(ctx.command().args(push), &fresh_proxy));
        }
        {
            let fresh = TestRegistry::plain();
            let fresh_proxy = FaultProxy::start(&fresh.host);
            let dest = format!("docker://{}/bench/big/qa:v1", fresh_proxy.host);
            add(label_c, "skopeo", measure(&mut skopeo(&[big.source(), dest.clone()]), &fresh_proxy));
            add("d. push what the registry holds", "skopeo", measure(&mut skopeo(&[big.source(), dest]), &fresh_proxy));
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

    println!("| scenario | tool | median wall | requests (median) | peak RSS | time vs skopeo |");
    println!("|---|---|---|---|---|---|");
    for row in &rows {
        let wall = median(row.samples.iter().map(|s| s.wall).collect());
        let mut requests: Vec<usize> = row.samples.iter().map(|s| s.requests).collect();
        requests.sort();
        let rss = row.samples.iter().map(|s| s.peak_rss_kib).max().unwrap_or(0);
        let peer = rows.iter().find(|r| r.scenario == row.scenario && r.tool == "skopeo").unwrap();
        let peer_wall = median(peer.samples.iter().map(|s| s.wall).collect());
        println!(
            "| {} | {} | {:.0} ms | {} | {:.1} MiB | {:.2}x |",
            row.scenario,
            row.tool,
            wall.as_secs_f64() * 1000.0,
            requests[requests.len() / 2],
            rss as f64 / 1024.0,
            peer_wall.as_secs_f64() / wall.as_secs_f64()
        );
    }
    println!("\n`facetctl --help`: median {:.1} ms over 20 runs", median(help).as_secs_f64() * 1000.0);
    println!(
        "runs: {runs}; machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model()
    );
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
