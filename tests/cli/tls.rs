//! Registries over HTTPS: a certificate from a private CA is refused, in one
//! line that says what to do, until SSL_CERT_FILE names that CA; then pushes
//! and promotions work as over plain HTTP. A plain-HTTP registry added without
//! --insecure is named as such.

use crate::support::{TestContext, TestRegistry, image, skopeo};

#[test]
fn a_private_ca_is_refused_until_ssl_cert_file_names_it_and_then_builds_move_over_tls() {
    let registry = TestRegistry::tls();
    let ctx = TestContext::new();
    ctx.ok(&["registry", "add", "local", "--kind", "generic", "--url", &registry.host]);
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-7", "tls", 2);
    let push = ["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"];

    let refused = ctx.run_with(ctx.command().arg("-vv").args(push));
    assert_eq!(refused.code, 1, "{refused:?}");
    let error = refused.stderr.lines().last().unwrap();
    assert!(
        error.starts_with(&format!("error: cannot open a TLS connection to registry {}: ", registry.host)),
        "{error}"
    );
    assert!(error.contains("signed by a CA this machine does not trust"), "{error}");
    assert!(error.contains("set SSL_CERT_FILE to that CA's PEM file"), "{error}");
    assert!(!refused.stderr.contains("retrying"), "an untrusted certificate is not asked again: {}", refused.stderr);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-7"), None);
    assert!(ctx.history().is_empty(), "nothing is recorded");

    let ca = registry.ca_file.as_ref().unwrap();
    let trusted = |args: &[&str]| {
        let run = ctx.run_with(ctx.command().env("SSL_CERT_FILE", ca).args(["-o", "json"]).args(args));
        assert_eq!(run.code, 0, "{run:?}");
        run.json()
    };
    let pushed = trusted(&push);
    assert_eq!(pushed["artifact"]["digest"], build.digest.as_str());
    assert_eq!(pushed["copy"]["blobs_copied"], 3, "2 layers and a config go up over TLS");

    let promoted = trusted(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["result"], "done");
    assert_eq!(promoted["copy"]["blobs_mounted"], 3, "blobs are mounted across repositories over TLS too");
    for reference in ["team/payments/qa:build-7", "team/payments/staging:build-7", "team/payments/staging:current"] {
        assert_eq!(skopeo::digest(&registry, reference).as_deref(), Some(build.digest.as_str()), "{reference}");
    }
    let moves: Vec<String> = ctx.history().iter().map(|e| e["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(moves, ["push", "promote"]);
}

#[test]
fn a_plain_http_registry_added_without_insecure_is_named_as_plain_http() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.ok(&["registry", "add", "local", "--kind", "generic", "--url", &registry.host]);
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-8", "plain", 1);

    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(lines[lines.len() - 2].ends_with("it answered in plain HTTP, not TLS"), "{run:?}");
    assert_eq!(
        lines[lines.len() - 1],
        "hint: a registry on this machine that serves plain HTTP is added with --insecure"
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-8"), None);
    assert!(ctx.history().is_empty(), "nothing is recorded");
}
