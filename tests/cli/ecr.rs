//! ECR: a token from GetAuthorizationToken, through the AWS SDK's chain, used
//! as `AWS:<token>` against the real registry. moto answers for AWS.

use crate::support::moto::{ECR_PASSWORD, Moto};
use crate::support::{TestContext, TestRegistry, image, skopeo};

fn ecr_world() -> (Moto, TestRegistry, TestContext) {
    let moto = Moto::start();
    let registry = TestRegistry::htpasswd("AWS", ECR_PASSWORD);
    let ctx = TestContext::new();
    ctx.ok(&["registry", "add", "ecr", "--kind", "ecr", "--url", &registry.host, "--insecure"]);
    ctx.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    ctx.ok(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "ecr",
        "--repository",
        "team/payments",
        "--workflow",
        "standard",
    ]);
    (moto, registry, ctx)
}

/// A facetctl command with AWS pointed at moto and nothing else of AWS's inherited.
fn aws_command(ctx: &TestContext, moto: &Moto) -> std::process::Command {
    let mut cmd = ctx.command();
    for var in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_ROLE_ARN",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL_ECR", &moto.url)
        .env("AWS_ENDPOINT_URL_STS", &moto.url)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", ctx.images().join("no-aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", ctx.images().join("no-aws-credentials"));
    cmd
}

#[test]
fn an_ecr_token_from_static_keys_opens_the_registry() {
    let (moto, registry, ctx) = ecr_world();
    let build = image::single(ctx.images(), "build-1", "ecr", 2);
    let mut cmd = aws_command(&ctx, &moto);
    cmd.env("AWS_ACCESS_KEY_ID", "AKIATESTING").env("AWS_SECRET_ACCESS_KEY", "testing-secret").args([
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
    assert!(run.stderr.contains("ECR GetAuthorizationToken in us-east-1"), "{run:?}");
    assert!(!run.stderr.contains(ECR_PASSWORD) && !run.stderr.contains("testing-secret"));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn ci_oidc_web_identity_is_exchanged_for_role_credentials_then_an_ecr_token() {
    let (moto, registry, ctx) = ecr_world();
    let token_file = ctx.images().join("oidc-token");
    std::fs::write(&token_file, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9hcHAifQ.c2lnbmF0dXJl").unwrap();
    let build = image::single(ctx.images(), "build-1", "ecr-oidc", 1);
    let mut cmd = aws_command(&ctx, &moto);
    cmd.env("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci-deployer")
        .env("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file)
        .env("AWS_ROLE_SESSION_NAME", "github-actions")
        .args(["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn without_aws_credentials_the_refusal_says_what_aws_said() {
    let (moto, _registry, ctx) = ecr_world();
    let build = image::single(ctx.images(), "build-1", "ecr-none", 1);
    let mut cmd = aws_command(&ctx, &moto);
    cmd.args(["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("cannot get registry credentials from AWS ECR in us-east-1"), "{run:?}");
    assert!(run.stderr.contains("give AWS credentials"), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(ctx.history().is_empty());
}
