//! The credential chain against real registries: Docker's credential
//! helpers and stores, identity tokens, podman's auth file, and per-registry
//! environment variables. Helpers are small scripts the tests write.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::{TestContext, TestRegistry, image, skopeo};

/// Writes `docker-credential-<name>` into `bin`: it answers `get` for
/// `host` with the credentials, logs what it was asked, and says
/// "credentials not found" for anything else, as the protocol does.
fn write_helper(bin: &Path, name: &str, host: &str, user: &str, secret: &str) {
    let script = format!(
        "#!/bin/sh\nread server\necho \"$1 $server\" >> \"{log}\"\nif [ \"$1\" = get ] && [ \"$server\" = \"{host}\" ]; then\n  printf '{{\"ServerURL\":\"%s\",\"Username\":\"{user}\",\"Secret\":\"{secret}\"}}' \"$server\"\nelse\n  echo 'credentials not found in native keychain'; exit 1\nfi\n",
        log = bin.join(format!("{name}.log")).display()
    );
    let path = bin.join(format!("docker-credential-{name}"));
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A context whose PATH starts with a folder for helper scripts.
fn with_helpers(ctx: &TestContext) -> (std::path::PathBuf, String) {
    let bin = ctx.images().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    (bin, path)
}

fn push(ctx: &TestContext, path: &str, build: &image::OciImage) -> crate::support::context::Run {
    let mut cmd = ctx.command();
    cmd.env("PATH", path).args([
        "-v",
        "-o",
        "json",
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    ctx.run_with(&mut cmd)
}

#[test]
fn a_cred_helpers_helper_answers_for_its_registry() {
    let registry = TestRegistry::htpasswd("helper-user", "helper-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let (bin, path) = with_helpers(&ctx);
    write_helper(&bin, "facetctl-test", &registry.host, "helper-user", "helper-s3cret");
    std::fs::write(
        ctx.docker_config().join("config.json"),
        format!(r#"{{"credHelpers":{{"{}":"facetctl-test"}}}}"#, registry.host),
    )
    .unwrap();
    let build = image::single(ctx.images(), "build-1", "credhelper", 2);
    let run = push(&ctx, &path, &build);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("docker-credential-facetctl-test"), "-v names the helper: {run:?}");
    assert!(!run.stderr.contains("helper-s3cret") && !run.stdout.contains("helper-s3cret"));
    let asked = std::fs::read_to_string(bin.join("facetctl-test.log")).unwrap();
    assert!(
        asked.lines().all(|l| l == format!("get {}", registry.host)),
        "the helper is asked `get` with the host on stdin: {asked}"
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_creds_store_answers_when_no_helper_is_named() {
    let registry = TestRegistry::token("store-user", "store-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let (bin, path) = with_helpers(&ctx);
    write_helper(&bin, "facetctl-store", &registry.host, "store-user", "store-s3cret");
    std::fs::write(
        ctx.docker_config().join("config.json"),
        format!(r#"{{"auths":{{"{}":{{}}}},"credsStore":"facetctl-store"}}"#, registry.host),
    )
    .unwrap();
    let build = image::single(ctx.images(), "build-1", "credstore", 1);
    let run = push(&ctx, &path, &build);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("docker-credential-facetctl-store"), "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn an_identity_token_is_exchanged_for_access_and_never_sent_as_a_password() {
    let registry = TestRegistry::token("token-user", "idt-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    std::fs::write(
        ctx.docker_config().join("config.json"),
        format!(
            r#"{{"auths":{{"https://{}/v1/":{{"auth":"","identitytoken":"refresh-idt-s3cret"}}}}}}"#,
            registry.host
        ),
    )
    .unwrap();
    let build = image::single(ctx.images(), "build-1", "idtoken", 2);
    let run = ctx.run(&["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 0, "{run:?}");
    let issuer = registry.issuer.as_ref().unwrap();
    let grants = issuer.grants.lock().unwrap().clone();
    assert!(
        !grants.is_empty() && grants.iter().all(|g| g == "refresh_token"),
        "only the OAuth2 refresh grant was used: {grants:?}"
    );
    assert!(issuer.scopes_asked().contains(&"repository:team/payments/qa:pull,push".to_owned()));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn podmans_auth_file_is_read_first() {
    let registry = TestRegistry::htpasswd("podman-user", "podman-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let auth_file = ctx.images().join("containers-auth.json");
    let auth = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "podman-user:podman-s3cret");
    std::fs::write(&auth_file, format!(r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#, registry.host)).unwrap();
    // A wrong entry in Docker's file proves which file won.
    let wrong = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "podman-user:wrong");
    std::fs::write(
        ctx.docker_config().join("config.json"),
        format!(r#"{{"auths":{{"{}":{{"auth":"{wrong}"}}}}}}"#, registry.host),
    )
    .unwrap();
    let build = image::single(ctx.images(), "build-1", "podman", 1);
    let mut cmd = ctx.command();
    cmd.env("REGISTRY_AUTH_FILE", &auth_file).args([
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
    assert!(run.stderr.contains("containers-auth.json"), "{run:?}");
}

#[test]
fn per_registry_variables_win_over_the_general_ones() {
    let registry = TestRegistry::htpasswd("env-user", "specific-s3cret");
    let ctx = TestContext::new();
    ctx.add_registry_as("ci-cache", &registry.host, None);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    ctx.ok(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "ci-cache",
        "--repository",
        "team/payments",
        "--workflow",
        "standard",
    ]);
    let build = image::single(ctx.images(), "build-1", "perregistry", 1);
    let mut cmd = ctx.command();
    cmd.env("FACETCTL_REGISTRY_USERNAME", "env-user")
        .env("FACETCTL_REGISTRY_PASSWORD", "general-wrong")
        .env("FACETCTL_REGISTRY_CI_CACHE_USERNAME", "env-user")
        .env("FACETCTL_REGISTRY_CI_CACHE_PASSWORD", "specific-s3cret")
        .args(["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("FACETCTL_REGISTRY_CI_CACHE_USERNAME/_PASSWORD"), "{run:?}");
}
