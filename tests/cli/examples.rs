//! Every file in `examples/` does what it says: each CI's file is parsed, and
//! its `docker build` and `facetctl` commands run in order with that CI's own
//! variables and secrets set, against a facetctl server and a registry that
//! wants credentials. The push lands in qa with the run recorded, main goes to
//! staging, and production waits for a release manager's approval.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::ci::systems;
use crate::support::context::{in_env_of, run_with_stdin};
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, skopeo, wait_until};

/// The commands of a CI file that the test runs, in the order the file gives them.
fn commands(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let scripts: Vec<String> = if file.extension().is_some_and(|e| e == "yml") {
        // A YAML file is read as YAML: every string in it, in document order.
        let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut strings = Vec::new();
        strings_in(&doc, &mut strings);
        strings
    } else {
        vec![text]
    };
    scripts
        .iter()
        .flat_map(|s| s.lines())
        .map(str::trim)
        .filter(|l| l.starts_with("docker build ") || l.starts_with("facetctl "))
        .map(str::to_owned)
        .collect()
}

fn strings_in(value: &serde_yaml::Value, out: &mut Vec<String>) {
    match value {
        serde_yaml::Value::String(s) => out.push(s.clone()),
        serde_yaml::Value::Sequence(items) => items.iter().for_each(|v| strings_in(v, out)),
        serde_yaml::Value::Mapping(map) => map.iter().for_each(|(_, v)| strings_in(v, out)),
        serde_yaml::Value::Tagged(tagged) => strings_in(&tagged.value, out),
        _ => {}
    }
}

/// Runs the example `file` as the CI `system` would, and checks what the server recorded.
fn runs_as_written(file: &str, system: &str, commit_var: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(file);
    let commands = commands(&path);
    assert!(commands.iter().any(|c| c.starts_with("facetctl artifact push")), "{file}: {commands:#?}");
    assert!(commands.iter().any(|c| c.contains("--wait")), "{file} waits for production's approvals");

    let registry = TestRegistry::htpasswd("ci", "ci-secret-pw-88");
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let token = |user: &str, role: &str| server.add_user(&ctx, user, role);
    let (ada, ci, rel) = (token("ada", "admin"), token("ci-bot", "developer"), token("rel", "release-manager"));
    let as_user = |user: &str, token: &str, args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &server.url)
            .env("FACETS_USERNAME", user)
            .env("FACETS_TOKEN", token)
            .env("FACETCTL_REGISTRY_USERNAME", "ci")
            .env("FACETCTL_REGISTRY_PASSWORD", "ci-secret-pw-88")
            .args(args);
        let run = ctx.run_with(&mut cmd);
        assert_eq!(run.code, 0, "{user}: {args:?}: {run:?}");
        run
    };
    // The team's set-up: the registry (the server checks each record against it with its own
    // credentials; the CI's come from its secrets), production gated and protected.
    let admin = |args: &[&str]| as_user("ada", &ada, args);
    let mut add = ctx.command();
    add.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &ada).args([
        "registry",
        "add",
        "main",
        "--kind",
        "generic",
        "--url",
        &registry.host,
        "--insecure",
        "--username",
        "ci",
        "--password-stdin",
    ]);
    assert_eq!(run_with_stdin(&mut add, "ci-secret-pw-88").code, 0);
    admin(&["release-stream", "create", "prod", "--prod"]);
    admin(&["environment", "create", "production", "--release-stream", "prod"]);
    admin(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
    admin(&["workflow", "update", "standard", "--stages", "qa,staging,production", "--gate", "production"]);
    admin(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "main",
        "--repository",
        "acme/payments",
        "--workflow",
        "standard",
    ]);

    // The CI's checkout: a Dockerfile, and the commit it builds.
    let checkout = ctx.images().join("checkout");
    std::fs::create_dir_all(&checkout).unwrap();
    std::fs::write(checkout.join("Dockerfile"), format!("FROM scratch\nCOPY app.txt /app.txt\nLABEL example={file}\n"))
        .unwrap();
    std::fs::write(checkout.join("app.txt"), format!("built by {file}\n")).unwrap();
    let commit =
        format!("{:040x}", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos());
    let system = systems().into_iter().find(|s| s.name == system).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_facetctl")).parent().unwrap();
    // A CI step: bash, in the checkout, with the CI's variables and the job's secrets.
    let step = |command: &str| {
        let mut bash = in_env_of(&ctx.command(), "bash");
        bash.env_remove("FACETCTL_ACTOR")
            .envs(system.vars.iter().copied())
            .env(commit_var, &commit)
            .env("FACETS_CONTROL_PLANE_URL", &server.url)
            .env("FACETS_USERNAME", "ci-bot")
            .env("FACETS_TOKEN", &ci)
            .env("FACETCTL_REGISTRY_USERNAME", "ci")
            .env("FACETCTL_REGISTRY_PASSWORD", "ci-secret-pw-88")
            // The classic builder: this machine may lack buildx.
            .env("DOCKER_BUILDKIT", "0")
            .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default()))
            .current_dir(&checkout)
            .args(["-c", command])
            .stdin(Stdio::null());
        bash
    };
    // The image the CI builds goes when the test does, passed or failed.
    struct Built(String);
    impl Drop for Built {
        fn drop(&mut self) {
            let _ = Command::new("docker").args(["rmi", "-f", &self.0]).output();
        }
    }
    let _built = Built(format!("payments:{commit}"));
    for command in &commands {
        let mut cmd = step(command);
        if command.contains("--wait") {
            // The step waits; a release manager approves the request it made, elsewhere.
            let child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
            let mut id = String::new();
            wait_until("the promotion request", Duration::from_secs(30), || {
                let listed = as_user("rel", &rel, &["-o", "json", "promotion", "list", "--state", "awaiting-approval"]);
                id = listed.json()[0]["id"].to_string();
                id != "null"
            });
            as_user("rel", &rel, &["approve", &id, "--reason", "release approved"]);
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{file}: {command}: {}", String::from_utf8_lossy(&out.stderr));
        } else {
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{file}: {command}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }

    // What the server recorded: the run with the push, the moves after it, the approval.
    let history = as_user("ada", &ada, &["-o", "json", "history", "--integration", "payments"]).json();
    let events: Vec<(&str, &str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| (e["kind"].as_str().unwrap(), e["bucket"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        events,
        [("push", "qa", "ci-bot"), ("promote", "staging", "ci-bot"), ("promote", "production", "rel")],
        "{file}"
    );
    let pushed = as_user("ada", &ada, &["-o", "json", "artifact", "show", "1"]).json();
    assert_eq!(pushed["metadata"]["ci.system"], system.name.split(' ').next().unwrap(), "{file}");
    assert_eq!(pushed["metadata"]["ci.commit"], commit.as_str(), "{file}");
    assert_eq!(pushed["metadata"]["ci.branch"], "main", "{file}");
    assert_eq!(pushed["tag"], commit.as_str(), "the image's tag, from the commit: {file}");
    assert!(pushed["external_id"].is_string(), "the run's id: {file}");
    let digest = pushed["digest"].as_str().unwrap();
    assert_eq!(skopeo::digest(&registry, "acme/payments/production:current").as_deref(), Some(digest), "{file}");
}

#[test]
fn the_github_actions_workflow_runs_as_written() {
    runs_as_written("github-actions.yml", "github-actions", "GITHUB_SHA");
}

#[test]
fn the_gitlab_pipeline_runs_as_written() {
    runs_as_written(".gitlab-ci.yml", "gitlab", "CI_COMMIT_SHA");
}

#[test]
fn the_jenkinsfile_runs_as_written() {
    runs_as_written("Jenkinsfile", "jenkins with the git plugin", "GIT_COMMIT");
}

#[test]
fn the_circleci_config_runs_as_written() {
    runs_as_written("circleci/config.yml", "circleci", "CIRCLE_SHA1");
}

#[test]
fn the_codebuild_buildspec_runs_as_written() {
    runs_as_written("buildspec.yml", "codebuild", "CODEBUILD_RESOLVED_SOURCE_VERSION");
}

#[test]
fn the_bitbucket_pipeline_runs_as_written() {
    runs_as_written("bitbucket-pipelines.yml", "bitbucket", "BITBUCKET_COMMIT");
}

#[test]
fn the_azure_pipeline_runs_as_written() {
    runs_as_written("azure-pipelines.yml", "azure-pipelines", "BUILD_SOURCEVERSION");
}

/// The README's 60-second start: the whole walk on the embedded control plane, as written.
#[test]
fn the_quickstart_runs_as_written() {
    let ctx = TestContext::new();
    let mut cmd = in_env_of(&ctx.command(), "bash");
    cmd.env("FACETCTL_BIN", env!("CARGO_BIN_EXE_facetctl"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/quickstart.sh"))
        .stdin(Stdio::null());
    let out = cmd.output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let history: Vec<&str> = stdout.lines().skip_while(|l| !l.trim_start().starts_with("TIME")).collect();
    assert_eq!(history.len(), 7, "six events under a header: {stdout}");
    assert!(history[1].contains(" staging ") && history[1].contains(" rollback "), "{stdout}");
}
