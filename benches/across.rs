//! Promotion across registries and across many integrations, facetctl beside
//! skopeo in one run on this machine, against local distribution registries:
//!   e. promotion of a 10-layer image (100 MiB by default; FACETCTL_BENCH_MIB)
//!      from one registry to another, into a registry that has none of it;
//!   e'. the same between two registries that speak TLS;
//!   f. a release of 50 integrations (3 layers each; FACETCTL_BENCH_RELEASE)
//!      staging -> production in one registry: `facetctl promote --integration
//!      a,b,...` against 50 `skopeo copy` runs one after another and 50
//!      `facetctl promote` runs one after another.
//! Each figure is the median wall time over FACETCTL_BENCH_RUNS runs (3 by
//! default), the tools alternating. Run with `cargo bench --bench across`; it
//! prints a Markdown table.

#[path = "../tests/cli/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{TestContext, TestRegistry};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|r| r.parse().ok()).unwrap_or(default)
}

/// Runs `cmd` to the end and says how long it took.
fn timed(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    let wall = start.elapsed();
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    wall
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ok(cmd: &mut Command) {
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// skopeo copy over plain HTTP, or (with a folder holding `ca.crt`) verifying TLS against it.
fn skopeo(certs: Option<(&Path, &Path)>, from: &str, to: &str) -> Command {
    let mut cmd = Command::new("skopeo");
    cmd.args(["copy", "--retry-times", "0"]);
    match certs {
        Some((src, dest)) => cmd.arg("--src-cert-dir").arg(src).arg("--dest-cert-dir").arg(dest),
        None => cmd.args(["--src-tls-verify=false", "--dest-tls-verify=false"]),
    };
    cmd.args([from, to]);
    cmd
}

/// A folder with the registry's CA as `ca.crt`, as skopeo reads it.
fn cert_dir(registry: &TestRegistry) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(registry.ca_file.as_ref().unwrap(), dir.path().join("ca.crt")).unwrap();
    dir
}

fn main() {
    let runs = env_number("FACETCTL_BENCH_RUNS", 3);
    let mib = env_number("FACETCTL_BENCH_MIB", 100);
    let release_size = env_number("FACETCTL_BENCH_RELEASE", 50);
    let ctx = TestContext::new();
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
    let big = support::image::sized(ctx.images(), "v1", "bench-across", 10, mib * 1024 * 1024 / 10);
    let small = support::image::sized(ctx.images(), "v1", "bench-release", 3, 256 * 1024);
    let mut rows: Vec<(&'static str, &'static str, Vec<Duration>)> = Vec::new();
    let mut add = |scenario, tool, wall| match rows.iter_mut().find(|(s, t, _)| *s == scenario && *t == tool) {
        Some((_, _, walls)) => walls.push(wall),
        None => rows.push((scenario, tool, vec![wall])),
    };

    for tls in [false, true] {
        let scenario =
            if tls { "e'. promote between two registries, TLS" } else { "e. promote between two registries" };
        let source = if tls { TestRegistry::tls() } else { TestRegistry::plain() };
        let source_name = if tls { "source-tls" } else { "source" };
        // facetctl trusts both registries' CAs through one bundle.
        let bundle = ctx.images().join(format!("{source_name}-bundle.pem"));
        let with_ca = |extra: Option<&TestRegistry>| {
            let mut cmd = ctx.command();
            if tls {
                let mut pem = std::fs::read(source.ca_file.as_ref().unwrap()).unwrap();
                if let Some(extra) = extra {
                    pem.extend(std::fs::read(extra.ca_file.as_ref().unwrap()).unwrap());
                }
                std::fs::write(&bundle, pem).unwrap();
                cmd.env("SSL_CERT_FILE", &bundle);
            }
            cmd
        };
        let add_registry = |name: &str, registry: &TestRegistry| {
            let mut cmd = with_ca(Some(registry));
            cmd.args(["registry", "add", name, "--kind", "generic", "--url", &registry.host]);
            if !tls {
                cmd.arg("--insecure");
            }
            ok(&mut cmd);
        };
        add_registry(source_name, &source);
        for run in 0..runs {
            // Each tool copies into a registry of its own that has none of the image.
            let (ours, theirs) = if tls {
                (TestRegistry::tls(), TestRegistry::tls())
            } else {
                (TestRegistry::plain(), TestRegistry::plain())
            };
            let name = format!("{source_name}-{run}");
            let target = format!("{name}-target");
            add_registry(&target, &ours);
            let mut create = with_ca(Some(&ours));
            create.args(["integration", "create", &name, "--type", "environment", "--registry", source_name]);
            create.args(["--repository", &format!("bench/{name}"), "--workflow", "standard"]);
            create.args(["--bucket-registry", &format!("staging={target}")]);
            ok(&mut create);
            let mut push = with_ca(Some(&ours));
            push.args(["artifact", "push", &big.source(), "--integration", &name, "--bucket", "qa"]);
            ok(&mut push);
            let mut promote = with_ca(Some(&ours));
            promote.args(["promote", "--integration", &name, "--from", "qa", "--to", "staging"]);
            add(scenario, "facetctl", timed(&mut promote));
            let from = format!("docker://{}/bench/{name}/qa:v1", source.host);
            let to = format!("docker://{}/bench/{name}/staging:v1", theirs.host);
            let wall = if tls {
                let (src, dest) = (cert_dir(&source), cert_dir(&theirs));
                timed(&mut skopeo(Some((src.path(), dest.path())), &from, &to))
            } else {
                timed(&mut skopeo(None, &from, &to))
            };
            add(scenario, "skopeo", wall);
        }
    }

    let registry = TestRegistry::plain();
    ctx.add_registry_as("release", &registry.host, None);
    let scenario = "f. release of many integrations";
    for run in 0..runs {
        let names = |kind: &str| (0..release_size).map(|k| format!("{kind}{run}-{k}")).collect::<Vec<_>>();
        let (released, one_by_one) = (names("rel"), names("seq"));
        for name in released.iter().chain(&one_by_one) {
            let create = ["integration", "create", name, "--type", "environment", "--registry", "release"];
            ctx.ok(&[&create[..], &["--workflow", "standard"]].concat());
            ctx.ok(&["artifact", "push", &small.source(), "--integration", name, "--bucket", "staging"]);
        }
        let started = Instant::now();
        for name in &released {
            let from = format!("docker://{}/{name}/staging:v1", registry.host);
            let to = format!("docker://{}/{name}/production-skopeo:v1", registry.host);
            ok(&mut skopeo(None, &from, &to));
        }
        add(scenario, "skopeo, one after another", started.elapsed());
        let started = Instant::now();
        for name in &one_by_one {
            ok(ctx.command().args(["promote", "--integration", name, "--from", "staging", "--to", "production"]));
        }
        add(scenario, "facetctl promote, one after another", started.elapsed());
        let list = released.join(",");
        let mut release = ctx.command();
        release.args(["promote", "--integration", &list, "--from", "staging", "--to", "production"]);
        add(scenario, "facetctl promote --integration a,b,...", timed(&mut release));
    }

    println!("| scenario | tool | median wall | vs skopeo |");
    println!("|---|---|---|---|");
    for (scenario, tool, walls) in &rows {
        let wall = median(walls.clone());
        let peer = rows.iter().find(|(s, t, _)| s == scenario && t.starts_with("skopeo")).unwrap();
        let peer_wall = median(peer.2.clone());
        println!(
            "| {scenario} | {tool} | {:.0} ms | {:.2}x |",
            wall.as_secs_f64() * 1000.0,
            peer_wall.as_secs_f64() / wall.as_secs_f64()
        );
    }
    println!(
        "\nruns: {runs}; image e: 10 layers, {mib} MiB; release f: {release_size} integrations, 3 layers each; machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        support::cpu_model()
    );
}
