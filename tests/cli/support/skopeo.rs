//! skopeo, an independent implementation of the registry protocol, as the
//! witness of what a registry holds.

use std::process::Command;

use sha2::{Digest as _, Sha256};

use super::TestRegistry;

/// The digest of the manifest the registry serves for `repo_ref`
/// (`repo:tag`), or None when there is none.
pub fn digest(registry: &TestRegistry, repo_ref: &str) -> Option<String> {
    let raw = raw_manifest(registry, repo_ref)?;
    Some(format!("sha256:{}", hex::encode(Sha256::digest(&raw))))
}

pub fn raw_manifest(registry: &TestRegistry, repo_ref: &str) -> Option<Vec<u8>> {
    let auth_dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("skopeo");
    cmd.args(["inspect", "--raw", "--retry-times", "0"]);
    match &registry.ca_file {
        // Over TLS, skopeo checks the certificate against the registry's own CA.
        Some(ca) => {
            std::fs::copy(ca, auth_dir.path().join("ca.crt")).unwrap();
            cmd.arg("--cert-dir").arg(auth_dir.path());
        }
        None => {
            cmd.arg("--tls-verify=false");
        }
    }
    // The credentials go in a file, never in arguments.
    if let Some((user, password)) = &registry.credentials {
        let auth = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, format!("{user}:{password}"));
        let file = auth_dir.path().join("auth.json");
        std::fs::write(&file, format!(r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#, registry.host)).unwrap();
        cmd.arg("--authfile").arg(&file);
    }
    cmd.arg(format!("docker://{}/{repo_ref}", registry.host));
    let out = cmd.output().expect("skopeo is not installed; run .ci/run (it installs the Debian package skopeo)");
    if out.status.success() {
        return Some(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("manifest unknown") || stderr.contains("not found") || stderr.contains("name unknown"),
        "skopeo failed for another reason than a missing manifest: {stderr}"
    );
    None
}

/// Uploads `source` (`oci:DIR:TAG`) to `repo_ref` on `registry`, all platforms, digests kept, as a
/// CI job's own push would; credentials go in a file, never in arguments.
pub fn upload(registry: &TestRegistry, source: &str, repo_ref: &str) {
    let auth_dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("skopeo");
    cmd.args(["copy", "--all", "--preserve-digests", "--dest-tls-verify=false"]);
    if let Some((user, password)) = &registry.credentials {
        let auth = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, format!("{user}:{password}"));
        let file = auth_dir.path().join("auth.json");
        std::fs::write(&file, format!(r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#, registry.host)).unwrap();
        cmd.arg("--authfile").arg(&file);
    }
    let out = cmd.arg(source).arg(format!("docker://{}/{repo_ref}", registry.host)).output().unwrap();
    assert!(out.status.success(), "skopeo copy {source} -> {repo_ref}: {}", String::from_utf8_lossy(&out.stderr));
}
