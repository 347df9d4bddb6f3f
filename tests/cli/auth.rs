//! Registries that want credentials: htpasswd Basic auth and Bearer tokens
//! with scopes, with credentials from the stored secret, the environment and
//! Docker's config.json.

use crate::support::{TestContext, TestRegistry, image, skopeo};

#[test]
fn basic_auth_with_the_stored_password_carries_the_whole_story() {
    let registry = TestRegistry::htpasswd("ci-bot", "basic-s3cret");
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "basic", 3);

    let mut cmd = ctx.command();
    cmd.args(["-v", "-o", "json", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("using the registry's stored credentials"), "-v names the source: {run:?}");
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));

    let check = ctx.ok(&["registry", "check", "local"]);
    assert!(check.contains("answers"), "{check}");
    let shown = ctx.ok(&["-o", "json", "registry", "show", "local"]);
    assert!(shown.contains("ci-bot") && !shown.contains("basic-s3cret"), "{shown}");
}

#[test]
fn credentials_come_from_the_environment_before_anything_stored() {
    let registry = TestRegistry::htpasswd("env-user", "env-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, Some(("env-user", "stale-password")));
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "envcreds", 1);

    let mut cmd = ctx.command();
    cmd.env("FACETCTL_REGISTRY_USERNAME", "env-user").env("FACETCTL_REGISTRY_PASSWORD", "env-s3cret").args([
        "-v",
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("FACETCTL_REGISTRY_USERNAME"), "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    // Without them, the stale stored password is what is tried, and refused.
    let next = image::single(ctx.images(), "build-2", "envcreds", 1);
    let run = ctx.run(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("credentials from the registry's stored credentials"), "{run:?}");
}

#[test]
fn docker_config_auths_are_used_when_nothing_is_stored() {
    let registry = TestRegistry::htpasswd("docker-user", "docker-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let auth = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "docker-user:docker-s3cret");
    std::fs::write(
        ctx.docker_config().join("config.json"),
        format!(r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#, registry.host),
    )
    .unwrap();
    let build = image::single(ctx.images(), "build-1", "dockercfg", 2);
    let run = ctx.run(&["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("the auths of") && run.stderr.contains("docker/config.json"), "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    // With no config either, the registry's refusal is explained.
    std::fs::remove_file(ctx.docker_config().join("config.json")).unwrap();
    let next = image::single(ctx.images(), "build-2", "dockercfg", 1);
    let run = ctx.run(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("anonymous"), "{run:?}");
}

#[test]
fn bearer_tokens_are_asked_for_with_the_scopes_a_cross_repository_mount_needs() {
    let registry = TestRegistry::token("token-user", "token-s3cret");
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::multi_arch(ctx.images(), "v1", "bearer");

    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let promoted = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert!(promoted["copy"]["blobs_mounted"].as_u64().unwrap() > 0, "{promoted}");
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:v1").as_deref(), Some(build.digest.as_str()));

    let scopes = registry.issuer.as_ref().unwrap().scopes_asked();
    assert!(scopes.contains(&"repository:team/payments/qa:pull,push".to_owned()), "{scopes:?}");
    assert!(
        scopes.contains(&"repository:team/payments/staging:pull,push".to_owned())
            && scopes.contains(&"repository:team/payments/qa:pull".to_owned()),
        "a mount asks for push on the target and pull on the source: {scopes:?}"
    );
}

#[test]
fn bearer_auth_with_a_wrong_password_is_refused() {
    let registry = TestRegistry::token("token-user", "token-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, Some(("token-user", "not-it")));
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "bearer-wrong", 1);
    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("refused the credentials"), "{run:?}");
    assert!(ctx.history().is_empty());
}
