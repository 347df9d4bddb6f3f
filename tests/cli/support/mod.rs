//! What the tests stand on: real registries on loopback ports, a Bearer
//! token issuer, OCI images built on the fly, skopeo as a witness, and a
//! `TestContext` that runs facetctl as a user would, in its own home.

pub mod browser;
pub mod context;
pub mod docker;
pub mod facets_schema;
pub mod fault_proxy;
pub mod http_stub;
pub mod image;
pub mod moto;
pub mod registry;
pub mod server;
pub mod skopeo;
pub mod snapshot;
pub mod terminal;
pub mod token_issuer;

pub use context::TestContext;
pub use registry::TestRegistry;

use std::time::{Duration, Instant};

/// Waits for `ready` to hold, checking often; panics with `what` after `limit`.
pub fn wait_until(what: &str, limit: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The files below `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_containing(&path, needle));
        } else if std::fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes()) {
            found.push(path);
        }
    }
    found
}

/// This machine's CPU, as the benches note it beside their figures.
#[allow(dead_code, reason = "the benches read this module too; the tests do not note the machine")]
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
