//! What particular registry products do differently, as they answer on the
//! wire (replayed by the proxy in front of the real registry): repositories
//! not created on push, immutable tags, 403 for missing content.

use axum::http::Method;

use crate::support::fault_proxy::{Fault, FaultProxy};
use crate::support::{TestContext, TestRegistry, image, skopeo};

fn behind_proxy(kind: &str, layout: &str) -> (TestRegistry, FaultProxy, TestContext) {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    // Stored credentials stand in for the product's own (ECR's token, say): the chain stops there.
    let mut add = ctx.command();
    add.args([
        "registry",
        "add",
        "local",
        "--kind",
        kind,
        "--url",
        &proxy.host,
        "--insecure",
        "--username",
        "ci",
        "--password-stdin",
    ]);
    let run = crate::support::context::run_with_stdin(&mut add, "stand-in");
    assert_eq!(run.code, 0, "{run:?}");
    ctx.workflow_and_integration(layout);
    (registry, proxy, ctx)
}

#[test]
fn a_repository_ecr_has_not_got_is_named_with_the_command_that_creates_it() {
    let (_registry, proxy, ctx) = behind_proxy("ecr", "repository-per-bucket");
    let ecr_says = r#"{"errors":[{"code":"NAME_UNKNOWN","message":"The repository with name 'team/payments/qa' does not exist in the registry with id '123456789012'"}]}"#;
    proxy.inject(Method::POST, "/team/payments/qa/blobs/uploads/", Fault::Answer { status: 404, body: ecr_says }, 100);
    let build = image::single(ctx.images(), "build-1", "ecr-missing", 1);
    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 4, "{run:?} {:#?}", proxy.log());
    assert!(run.stderr.contains("repository team/payments/qa does not exist"), "{run:?}");
    assert!(run.stderr.contains("aws ecr create-repository --repository-name team/payments/qa"), "{run:?}");
    assert!(ctx.history().is_empty());
}

#[test]
fn an_immutable_tag_is_refused_with_what_to_change() {
    let (registry, proxy, ctx) = behind_proxy("ecr", "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "immutable", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let ecr_says = r#"{"errors":[{"code":"TAG_INVALID","message":"The image tag 'current' already exists in the 'team/payments/qa' repository and cannot be overwritten because the repository is immutable."}]}"#;
    proxy.inject(Method::PUT, "/team/payments/qa/manifests/current", Fault::Answer { status: 400, body: ecr_says }, 1);
    let next = image::single(ctx.images(), "build-2", "immutable", 1);
    let run = ctx.run(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("immutable") && run.stderr.contains("allow mutable tags"), "{run:?}");
    assert_eq!(ctx.history().len(), 1, "nothing recorded");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn artifactorys_403_for_missing_content_is_read_as_missing() {
    let (registry, proxy, ctx) = behind_proxy("jfrog", "repository-per-bucket");
    let jfrog_says = r#"{"errors":[{"code":"DENIED","message":"Forbidden"}]}"#;
    proxy.inject(Method::HEAD, "/blobs/sha256:", Fault::Answer { status: 403, body: jfrog_says }, 100);
    proxy.inject(Method::HEAD, "/manifests/sha256:", Fault::Answer { status: 403, body: jfrog_says }, 100);
    let build = image::single(ctx.images(), "build-1", "jfrog", 2);
    let pushed = ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(pushed["copy"]["blobs_copied"], 3);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    // Elsewhere a 403 means what it says.
    let (_registry, proxy, ctx) = behind_proxy("generic", "repository-per-bucket");
    proxy.inject(Method::HEAD, "/blobs/sha256:", Fault::Answer { status: 403, body: jfrog_says }, 100);
    let build = image::single(ctx.images(), "build-1", "generic403", 1);
    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("denied check a blob on team/payments/qa"), "{run:?}");
}

#[test]
fn docker_hub_integrations_use_namespace_and_name_with_tags_per_bucket() {
    let ctx = TestContext::new();
    ctx.ok(&["registry", "add", "hub", "--kind", "dockerhub", "--url", "docker.io"]);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    let create = |repo: &str, layout: &str| {
        ctx.run(&[
            "integration",
            "create",
            "app",
            "--type",
            "environment",
            "--registry",
            "hub",
            "--repository",
            repo,
            "--workflow",
            "standard",
            "--layout",
            layout,
        ])
    };
    let run = create("my-org/payments", "repository-per-bucket");
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("use --layout tag-per-bucket"), "{run:?}");
    let run = create("my-org/team/payments", "tag-per-bucket");
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("NAMESPACE/NAME"), "{run:?}");
    assert_eq!(create("my-org/payments", "tag-per-bucket").code, 0);
}
