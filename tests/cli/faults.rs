//! A registry and a network that misbehave, through a fault-injecting proxy
//! in front of the real registry: every command either completes or fails
//! cleanly with nothing half-recorded, and a re-run completes.

use axum::http::Method;

use crate::support::fault_proxy::{Fault, FaultProxy};
use crate::support::{TestContext, TestRegistry, image, skopeo};

/// A registry behind a proxy, registered in facetctl by the proxy's address.
fn behind_proxy() -> (TestRegistry, FaultProxy, TestContext) {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &proxy.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    (registry, proxy, ctx)
}

#[test]
fn transient_faults_are_retried_and_the_moves_complete() {
    let (registry, proxy, ctx) = behind_proxy();
    proxy.inject(Method::PUT, "/manifests/build-1", Fault::TooManyRequests { retry_after: 1 }, 1);
    proxy.inject(Method::HEAD, "/blobs/sha256:", Fault::Unavailable, 2);
    proxy.inject(Method::POST, "/blobs/uploads/", Fault::Unavailable, 1);
    proxy.inject(Method::GET, "/qa/manifests/sha256:", Fault::CutMidAnswer, 1);
    proxy.inject(Method::POST, "mount=", Fault::Unavailable, 1);
    let build = image::single(ctx.images(), "build-1", "transient", 3);

    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert!(proxy.all_faults_fired(), "every fault was met: {:#?}", proxy.log());
    assert_eq!(proxy.count("PUT", "/manifests/build-1"), 3, "429 then qa's tag, then staging's: {:#?}", proxy.log());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));
    assert_eq!(ctx.history().len(), 2);
}

#[test]
fn a_refused_mount_falls_back_to_a_streamed_copy() {
    let (registry, proxy, ctx) = behind_proxy();
    let build = image::single(ctx.images(), "build-1", "nomount", 3);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    proxy.inject(Method::POST, "mount=", Fault::RefuseMount, 100);
    let promoted = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["copy"]["blobs_mounted"], 0);
    assert_eq!(promoted["copy"]["blobs_copied"], 4, "each refused mount became a streamed copy");
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:build-1").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_missing_digest_header_is_made_good_from_the_bytes() {
    let (_registry, proxy, ctx) = behind_proxy();
    proxy.inject(Method::HEAD, "/manifests/", Fault::DropHeader("docker-content-digest"), 100);
    proxy.inject(Method::PUT, "/manifests/", Fault::DropHeader("docker-content-digest"), 100);
    let build = image::single(ctx.images(), "build-1", "nodigest", 2);
    let pushed = ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(pushed["artifact"]["digest"], build.digest.as_str());
    let again = ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(again["unchanged"], true, "the current tag's digest was read from the manifest itself");
}

#[test]
fn a_registry_asking_for_a_long_wait_fails_at_once_and_a_rerun_completes() {
    let (registry, proxy, ctx) = behind_proxy();
    proxy.inject(Method::PUT, "/manifests/", Fault::TooManyRequests { retry_after: 120 }, 1);
    let build = image::single(ctx.images(), "build-1", "ratelimit", 2);
    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("rate limiting and asks to wait 120s"), "{run:?}");
    assert!(ctx.history().is_empty());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current"), None);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_registry_that_keeps_failing_fails_cleanly_and_a_rerun_completes() {
    let (registry, proxy, ctx) = behind_proxy();
    let build = image::single(ctx.images(), "build-1", "failing", 2);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    proxy.inject(Method::PUT, "/staging/manifests/", Fault::Unavailable, 100);
    let run = ctx.run(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("answered 503"), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert_eq!(ctx.history().len(), 1, "the failed promotion recorded nothing");

    proxy.clear();
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));
    assert_eq!(ctx.history().len(), 2);
}

#[test]
fn an_upload_without_a_location_fails_cleanly_and_a_rerun_completes() {
    let (registry, proxy, ctx) = behind_proxy();
    proxy.inject(Method::POST, "/blobs/uploads/", Fault::DropHeader("location"), 1);
    let build = image::single(ctx.images(), "build-1", "nolocation", 1);
    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("no Location header"), "{run:?}");
    assert!(!run.stderr.contains("panicked"));
    assert!(ctx.history().is_empty());
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_source_connection_cut_mid_blob_is_resumed_by_starting_the_blob_again() {
    let source = TestRegistry::plain();
    let proxy = FaultProxy::start(&source.host);
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "cut", 3);
    skopeo::upload(&source, &format!("oci:{}:build-1", build.dir.display()), "ci/app:build-1");
    proxy.inject(Method::GET, "/blobs/sha256:", Fault::CutMidAnswer, 2);

    let pushed = ctx.json(&[
        "artifact",
        "push",
        &format!("{}/ci/app:build-1", proxy.host),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(pushed["copy"]["blobs_copied"], 4);
    assert!(proxy.all_faults_fired());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-1").as_deref(), Some(build.digest.as_str()));
}
