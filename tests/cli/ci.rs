//! facetctl as a CI step: each CI system's own variables, as that system sets
//! them, recorded with the artifact by themselves; outputs handed to the next
//! step; a slow push that still shows life in the log.

use std::io::BufRead;

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::fault_proxy::{Fault, FaultProxy};
use crate::support::{TestContext, TestRegistry, image};

/// One CI system's variables for a run that builds `main` of acme/payments at commit `SHA`.
const SHA: &str = "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39";

pub struct System {
    pub name: &'static str,
    pub vars: &'static [(&'static str, &'static str)],
    /// The `ci.*` metadata it records, the external id and the actor.
    recorded: Value,
    external_id: &'static str,
    actor: &'static str,
}

pub fn systems() -> Vec<System> {
    vec![
        System {
            name: "github-actions",
            vars: &[
                ("CI", "true"),
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_ACTOR", "octocat"),
                ("GITHUB_REPOSITORY", "acme/payments"),
                ("GITHUB_RUN_ID", "7123456789"),
                ("GITHUB_RUN_NUMBER", "42"),
                ("GITHUB_SHA", SHA),
                ("GITHUB_REF", "refs/heads/main"),
                ("GITHUB_REF_NAME", "main"),
                ("GITHUB_REF_TYPE", "branch"),
                ("GITHUB_SERVER_URL", "https://github.com"),
                ("GITHUB_WORKFLOW", "build"),
                ("RUNNER_OS", "Linux"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "acme/payments", "ci.run_id": "7123456789",
                "ci.run_url": "https://github.com/acme/payments/actions/runs/7123456789", "ci.system": "github-actions"
            }),
            external_id: "7123456789",
            actor: "octocat",
        },
        System {
            name: "gitlab",
            vars: &[
                ("CI", "true"),
                ("GITLAB_CI", "true"),
                ("GITLAB_USER_LOGIN", "ada.l"),
                ("CI_COMMIT_SHA", SHA),
                ("CI_COMMIT_BRANCH", "main"),
                ("CI_COMMIT_REF_NAME", "main"),
                ("CI_PROJECT_PATH", "acme/payments"),
                ("CI_PIPELINE_ID", "1122334455"),
                ("CI_PIPELINE_URL", "https://gitlab.com/acme/payments/-/pipelines/1122334455"),
                ("CI_JOB_ID", "99887766"),
                ("CI_REPOSITORY_URL", "https://gitlab-ci-token:glcbt-64_secretjobtoken@gitlab.com/acme/payments.git"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "acme/payments", "ci.run_id": "1122334455",
                "ci.run_url": "https://gitlab.com/acme/payments/-/pipelines/1122334455", "ci.system": "gitlab"
            }),
            external_id: "1122334455",
            actor: "ada.l",
        },
        System {
            name: "jenkins with the git plugin",
            vars: &[
                ("JENKINS_URL", "https://jenkins.acme.io/"),
                ("JENKINS_HOME", "/var/jenkins_home"),
                ("BUILD_NUMBER", "311"),
                ("BUILD_TAG", "jenkins-payments-main-311"),
                ("BUILD_URL", "https://jenkins.acme.io/job/payments/job/main/311/"),
                ("JOB_NAME", "payments/main"),
                ("BRANCH_NAME", "main"),
                ("GIT_COMMIT", SHA),
                ("GIT_BRANCH", "origin/main"),
                ("GIT_URL", "https://deploy:ghp_secrettoken@github.com/acme/payments.git"),
                ("BUILD_USER_ID", "grace"),
                ("USER", "jenkins"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "https://github.com/acme/payments.git",
                "ci.run_id": "jenkins-payments-main-311", "ci.run_url": "https://jenkins.acme.io/job/payments/job/main/311/",
                "ci.system": "jenkins"
            }),
            external_id: "jenkins-payments-main-311",
            actor: "grace",
        },
        System {
            name: "jenkins without the git plugin",
            vars: &[
                ("JENKINS_URL", "https://jenkins.acme.io/"),
                ("BUILD_NUMBER", "12"),
                ("BUILD_TAG", "jenkins-payments-nightly-12"),
                ("BUILD_URL", "https://jenkins.acme.io/job/payments-nightly/12/"),
                ("JOB_NAME", "payments-nightly"),
                ("USER", "jenkins"),
            ],
            recorded: json!({
                "ci.repository": "payments-nightly", "ci.run_id": "jenkins-payments-nightly-12",
                "ci.run_url": "https://jenkins.acme.io/job/payments-nightly/12/", "ci.system": "jenkins"
            }),
            external_id: "jenkins-payments-nightly-12",
            actor: "jenkins",
        },
        System {
            name: "circleci",
            vars: &[
                ("CI", "true"),
                ("CIRCLECI", "true"),
                ("CIRCLE_USERNAME", "hopper"),
                ("CIRCLE_SHA1", SHA),
                ("CIRCLE_BRANCH", "main"),
                ("CIRCLE_PROJECT_USERNAME", "acme"),
                ("CIRCLE_PROJECT_REPONAME", "payments"),
                ("CIRCLE_BUILD_NUM", "5150"),
                ("CIRCLE_WORKFLOW_JOB_ID", "5c8b1a3e-77f4-4b0e-9d65-3b1c6e2f9a10"),
                ("CIRCLE_BUILD_URL", "https://circleci.com/gh/acme/payments/5150"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "acme/payments",
                "ci.run_id": "5c8b1a3e-77f4-4b0e-9d65-3b1c6e2f9a10", "ci.run_url": "https://circleci.com/gh/acme/payments/5150",
                "ci.system": "circleci"
            }),
            external_id: "5c8b1a3e-77f4-4b0e-9d65-3b1c6e2f9a10",
            actor: "hopper",
        },
        System {
            name: "codebuild",
            vars: &[
                ("CODEBUILD_BUILD_ID", "payments-build:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
                ("CODEBUILD_BUILD_ARN", "arn:aws:codebuild:eu-west-1:123456789012:build/payments-build:0f1e2d3c"),
                (
                    "CODEBUILD_BUILD_URL",
                    "https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/projects/payments-build/build/payments-build%3A0f1e2d3c",
                ),
                ("CODEBUILD_INITIATOR", "codepipeline/payments-release"),
                ("CODEBUILD_RESOLVED_SOURCE_VERSION", SHA),
                ("CODEBUILD_SOURCE_VERSION", "arn:aws:s3:::pipeline-artifacts/source.zip"),
                ("CODEBUILD_SOURCE_REPO_URL", "https://github.com/acme/payments.git"),
                ("CODEBUILD_WEBHOOK_HEAD_REF", "refs/heads/main"),
                ("USER", "root"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "https://github.com/acme/payments.git",
                "ci.run_id": "payments-build:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                "ci.run_url": "https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/projects/payments-build/build/payments-build%3A0f1e2d3c",
                "ci.system": "codebuild"
            }),
            external_id: "payments-build:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            actor: "codepipeline/payments-release",
        },
        System {
            name: "bitbucket",
            vars: &[
                ("CI", "true"),
                ("BITBUCKET_BUILD_NUMBER", "77"),
                ("BITBUCKET_COMMIT", SHA),
                ("BITBUCKET_BRANCH", "main"),
                ("BITBUCKET_REPO_FULL_NAME", "acme/payments"),
                ("BITBUCKET_STEP_TRIGGERER_UUID", "{2b1f0e9d-8c7b-4a69-8574-635241302f1e}"),
                ("BITBUCKET_PIPELINE_UUID", "{8e0c7a2d-1f3b-4c5d-9e6f-7a8b9c0d1e2f}"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "acme/payments", "ci.run_id": "77",
                "ci.run_url": "https://bitbucket.org/acme/payments/pipelines/results/77", "ci.system": "bitbucket"
            }),
            external_id: "77",
            actor: "{2b1f0e9d-8c7b-4a69-8574-635241302f1e}",
        },
        System {
            name: "azure-pipelines",
            vars: &[
                ("TF_BUILD", "True"),
                ("BUILD_BUILDID", "4242"),
                ("BUILD_SOURCEVERSION", SHA),
                ("BUILD_SOURCEBRANCH", "refs/heads/main"),
                ("BUILD_SOURCEBRANCHNAME", "main"),
                ("BUILD_REPOSITORY_NAME", "payments"),
                ("BUILD_REQUESTEDFOR", "Katherine Johnson"),
                ("BUILD_REQUESTEDFOREMAIL", "kj@acme.io"),
                ("SYSTEM_COLLECTIONURI", "https://dev.azure.com/acme/"),
                ("SYSTEM_TEAMPROJECT", "Payments"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "payments", "ci.run_id": "4242",
                "ci.run_url": "https://dev.azure.com/acme/Payments/_build/results?buildId=4242", "ci.system": "azure-pipelines"
            }),
            external_id: "4242",
            actor: "kj@acme.io",
        },
        System {
            name: "buildkite",
            vars: &[
                ("CI", "true"),
                ("BUILDKITE", "true"),
                ("BUILDKITE_COMMIT", SHA),
                ("BUILDKITE_BRANCH", "main"),
                ("BUILDKITE_REPO", "git@github.com:acme/payments.git"),
                ("BUILDKITE_BUILD_ID", "01890a5d-ac96-4f40-9c2a-6f3a8c0e5d12"),
                ("BUILDKITE_BUILD_NUMBER", "1024"),
                ("BUILDKITE_BUILD_URL", "https://buildkite.com/acme/payments/builds/1024"),
                ("BUILDKITE_BUILD_CREATOR", "Margaret Hamilton"),
                ("BUILDKITE_BUILD_CREATOR_EMAIL", "mh@acme.io"),
            ],
            recorded: json!({
                "ci.branch": "main", "ci.commit": SHA, "ci.repository": "git@github.com:acme/payments.git",
                "ci.run_id": "01890a5d-ac96-4f40-9c2a-6f3a8c0e5d12", "ci.run_url": "https://buildkite.com/acme/payments/builds/1024",
                "ci.system": "buildkite"
            }),
            external_id: "01890a5d-ac96-4f40-9c2a-6f3a8c0e5d12",
            actor: "mh@acme.io",
        },
    ]
}

#[test]
fn each_ci_records_its_run_by_itself() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    for (n, system) in systems().into_iter().enumerate() {
        let build = image::single(ctx.images(), &format!("build-{n}"), system.name, 1);
        let mut cmd = ctx.command();
        cmd.env_remove("FACETCTL_ACTOR").envs(system.vars.iter().copied());
        cmd.args(["-o", "json", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
        let run = ctx.run_with(&mut cmd);
        assert_eq!(run.code, 0, "{}: {run:?}", system.name);
        let artifact = &run.json()["artifact"];
        assert_eq!(artifact["metadata"], system.recorded, "{}", system.name);
        assert_eq!(artifact["external_id"], system.external_id, "{}", system.name);
        assert_eq!(artifact["created_by"], system.actor, "{}", system.name);
        assert!(!run.stdout.contains("secret") && !run.stderr.contains("secret"), "{}: {run:?}", system.name);
    }
    // --meta and --external-id say otherwise where they are given.
    let build = image::single(ctx.images(), "build-own", "ci-own", 1);
    let mut cmd = ctx.command();
    cmd.envs(systems()[0].vars.iter().copied()).args([
        "-o",
        "json",
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
        "--external-id",
        "release-7",
        "--meta",
        "ci.commit=abc123",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    let artifact = &run.json()["artifact"];
    assert_eq!((&artifact["external_id"], &artifact["metadata"]["ci.commit"]), (&json!("release-7"), &json!("abc123")));
    assert_eq!(artifact["metadata"]["ci.run_id"], "7123456789");
}

#[test]
fn a_github_step_hands_its_outputs_to_the_next_and_annotates_a_failure() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "outputs", 2);
    let (output, summary) = (ctx.images().join("github_output"), ctx.images().join("step_summary"));
    let github = |args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.envs(systems()[0].vars.iter().copied())
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .args(args);
        ctx.run_with(&mut cmd)
    };
    let pushed = github(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(pushed.code, 0, "{pushed:?}");
    assert!(!pushed.stderr.contains('\x1b') && !pushed.stdout.contains('\x1b'), "no colour off a terminal: {pushed:?}");
    let promoted = github(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted.code, 0, "{promoted:?}");
    let image = |bucket: &str| format!("{}/team/payments/{bucket}@{}", registry.host, build.digest);
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        format!(
            "digest={d}\nimage={}\ntag=build-1\nartifact-id=1\nbucket=qa\nintegration=payments\n\
             digest={d}\nimage={}\ntag=build-1\nartifact-id=2\nbucket=staging\nintegration=payments\n",
            image("qa"),
            image("staging"),
            d = build.digest
        )
    );
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.starts_with("### facetctl: pushed payments into qa\n"), "{summary}");
    assert!(summary.contains(&format!("| Image | `{}` |", image("staging"))), "{summary}");

    // A failure is an annotation on the run's page, as well as the error line.
    let failed = github(&["promote", "--integration", "payments", "--from", "qa", "--to", "production"]);
    assert_eq!(failed.code, 3, "{failed:?}");
    let annotation = failed.stderr.lines().find(|l| l.starts_with("::error")).unwrap_or_default();
    assert_eq!(
        annotation,
        "::error title=facetctl::cannot promote payments from qa to production: the workflow \"standard\" \
         allows qa -> staging only (hint: run with --to staging)"
    );

    // GitLab's dotenv report; a template; quiet, the pinned reference alone.
    let dotenv = ctx.images().join("build.env");
    let dotenv_arg = dotenv.to_str().unwrap();
    let rolled = ctx.run(&["rollback", "--integration", "payments", "--bucket", "qa", "--yes", "--dotenv", dotenv_arg]);
    assert_eq!(rolled.code, 4, "nothing earlier in qa: {rolled:?}");
    let next = image::single(ctx.images(), "build-2", "outputs-next", 1);
    let line = ctx.ok(&[
        "artifact",
        "push",
        &next.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
        "--dotenv",
        dotenv_arg,
        "--format",
        "{{.tag}}@{{.digest}}",
    ]);
    assert_eq!(line, format!("build-2@{}\n", next.digest));
    assert_eq!(
        std::fs::read_to_string(&dotenv).unwrap(),
        format!(
            "FACETCTL_DIGEST={d}\nFACETCTL_IMAGE={}/team/payments/qa@{d}\nFACETCTL_TAG=build-2\n\
             FACETCTL_ARTIFACT_ID=3\nFACETCTL_BUCKET=qa\nFACETCTL_INTEGRATION=payments\n",
            registry.host,
            d = next.digest
        )
    );
    let quiet = ctx.ok(&["-q", "rollback", "--integration", "payments", "--bucket", "qa", "--yes"]);
    assert_eq!(quiet, format!("{}\n", image("qa")));
    // Nothing moved: what a script captures from -q or --format is empty, not a sentence.
    let dry = ctx.run(&["-q", "promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--dry-run"]);
    assert_eq!((dry.code, dry.stdout.as_str()), (0, ""), "{dry:?}");
    assert!(dry.stderr.starts_with("would promote artifact 1 build-1"), "{dry:?}");
    let id = ctx.run(&[
        "promote",
        "--integration",
        "payments",
        "--from",
        "qa",
        "--to",
        "staging",
        "--format",
        "{{ .artifact-id }}",
    ]);
    assert_eq!(id.stdout, "2\n", "{id:?}");
    // An output file that cannot be written: the move stands, and the log says what is missing.
    let mut cmd = ctx.command();
    cmd.envs(systems()[0].vars.iter().copied()).env("GITHUB_OUTPUT", "/nonexistent/dir/output").args([
        "promote",
        "--integration",
        "payments",
        "--from",
        "staging",
        "--to",
        "production",
    ]);
    let unwritten = ctx.run_with(&mut cmd);
    assert_eq!(unwritten.code, 0, "{unwritten:?}");
    assert!(unwritten.stderr.contains("warning: cannot write /nonexistent/dir/output"), "{unwritten:?}");
    assert!(unwritten.stderr.contains("::warning title=facetctl::cannot write"), "{unwritten:?}");
    let bad =
        ctx.run(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--format", "{{.sha}}"]);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("no value \"sha\" to print; there are digest, image, tag"), "{bad:?}");
}

#[test]
fn a_slow_push_without_a_terminal_says_how_far_it_got() {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &proxy.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    // The registry's answer to the first upload is held until the log shows a progress line.
    proxy.inject(Method::POST, "/blobs/uploads/", Fault::Hold, 1);
    // Two platforms: the second's bytes are added only once the first is done.
    let build = image::multi_arch(ctx.images(), "build-1", "slow");
    let mut cmd = ctx.command();
    cmd.env("FACETCTL_PROGRESS_INTERVAL", "0.05")
        .args(["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let mut log = Vec::new();
    let first = loop {
        let line = stderr.next().expect("stderr stays open while the push waits").unwrap();
        log.push(line.clone());
        if line.contains(" -> qa: ") {
            break line;
        }
    };
    proxy.release();
    log.extend(stderr.map(Result::unwrap));
    assert!(child.wait().unwrap().success(), "{log:#?}");
    assert!(first.contains(" of ") && first.contains("/s, "), "bytes done, total and rate: {first}");
    // The end is said once the whole image is over, all platforms' bytes counted.
    let blobs = log.iter().position(|l| l.starts_with("blobs: ")).expect("the copy's report");
    let uploaded = log[blobs].split_once(" uploaded (").unwrap().1.split_once(')').unwrap().0;
    let last = &log[blobs - 1];
    assert!(last.contains(&format!("{uploaded} of {uploaded} (100%)")), "{log:#?}");
    assert!(log.iter().all(|l| !l.contains('\x1b') && !l.contains('\r')), "plain lines, no bar: {log:#?}");
}

#[test]
fn a_registry_cannot_write_into_the_ci_log_with_its_error_message() {
    let registry = TestRegistry::plain();
    let proxy = FaultProxy::start(&registry.host);
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &proxy.host, None);
    ctx.workflow_and_integration("repository-per-bucket");
    let body =
        "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"bad\\r::warning title=x::INJECTED\\n::notice::TOO\"}]}";
    proxy.inject(Method::POST, "/blobs/uploads/", Fault::Answer { status: 400, body }, 10);
    let build = image::single(ctx.images(), "build-1", "injected", 1);
    let mut cmd = ctx.command();
    cmd.env("GITHUB_ACTIONS", "true").args([
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(!run.stderr.contains('\r'), "{run:?}");
    let commands: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), 1, "one annotation, facetctl's own: {run:?}");
    assert!(commands[0].starts_with("::error title=facetctl::"), "{run:?}");
}
