//! One user's world: a facetctl home, a Docker config folder and a HOME of
//! its own, nothing inherited from the machine's environment that facetctl
//! reads, and helpers to run facetctl and read what it says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use super::TestRegistry;

pub struct TestContext {
    dir: tempfile::TempDir,
    pub actor: String,
}

/// What one run of facetctl did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {self:?}"))
    }
}

/// Variables facetctl reads that the machine running the tests might have set.
const SCRUBBED: &[&str] = &[
    "FACETCTL_HOME",
    "FACETCTL_ACTOR",
    "FACETCTL_OUTPUT",
    "FACETCTL_LOCK_TIMEOUT",
    "FACETCTL_REGISTRY_USERNAME",
    "FACETCTL_REGISTRY_PASSWORD",
    "DOCKER_CONFIG",
    "REGISTRY_AUTH_FILE",
    "FACETCTL_SECRET_STORE",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_TENANT_ID",
    "DOCKER_HOST",
    // Any CI's variables: the machine running the tests may itself be a CI runner.
    "GITHUB_ACTIONS",
    "GITHUB_ACTOR",
    "GITHUB_REF_NAME",
    "GITHUB_REF_TYPE",
    "GITHUB_RUN_ID",
    "GITHUB_SHA",
    "GITHUB_REPOSITORY",
    "GITHUB_OUTPUT",
    "GITHUB_STEP_SUMMARY",
    "GITLAB_CI",
    "GITLAB_USER_LOGIN",
    "CI_COMMIT_SHA",
    "CI_COMMIT_BRANCH",
    "CI_COMMIT_REF_NAME",
    "CI_PIPELINE_ID",
    "JENKINS_URL",
    "JENKINS_HOME",
    "BUILD_USER_ID",
    "BRANCH_NAME",
    "GIT_BRANCH",
    "GIT_COMMIT",
    "CIRCLECI",
    "CIRCLE_USERNAME",
    "CIRCLE_BRANCH",
    "CODEBUILD_BUILD_ID",
    "CODEBUILD_INITIATOR",
    "BITBUCKET_BUILD_NUMBER",
    "BITBUCKET_BRANCH",
    "TF_BUILD",
    "BUILD_SOURCEBRANCH",
    "BUILDKITE",
    "BUILDKITE_BRANCH",
    "NO_COLOR",
    "RUST_LOG",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
];

impl TestContext {
    pub fn new() -> TestContext {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "facetctl", "docker", "images"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        TestContext { dir, actor: "alice".into() }
    }

    pub fn facetctl_home(&self) -> PathBuf {
        self.dir.path().join("facetctl")
    }

    pub fn docker_config(&self) -> PathBuf {
        self.dir.path().join("docker")
    }

    pub fn images(&self) -> &Path {
        // Built images live beside the home, so one context's images are its own.
        self.dir.path()
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_facetctl"));
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.dir.path().join("home"))
            .env("FACETCTL_HOME", self.facetctl_home())
            .env("DOCKER_CONFIG", self.docker_config())
            .env("FACETCTL_ACTOR", &self.actor)
            // The user's kernel keyring is shared by every test and has a quota; tests that
            // exercise the keyring say so (`with_keyring`).
            .env("FACETCTL_SECRET_STORE", "file")
            .env("CI", "true")
            // Tables show local times; the tests read them in one zone wherever they run.
            .env("TZ", "UTC")
            .stdin(std::process::Stdio::null());
        cmd
    }

    /// A command that uses the OS keyring, as users' facetctl does.
    pub fn with_keyring(&self) -> Command {
        let mut cmd = self.command();
        cmd.env_remove("FACETCTL_SECRET_STORE");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.command().args(args))
    }

    pub fn run_with(&self, cmd: &mut Command) -> Run {
        let Output { status, stdout, stderr } = cmd.output().expect("facetctl runs");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8(stdout).unwrap(),
            stderr: String::from_utf8(stderr).unwrap(),
        }
    }

    /// Runs and insists on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "facetctl {args:?} failed: {run:?}");
        run.stdout
    }

    /// Runs with `-o json`, insists on success, parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["-o", "json"];
        all.extend_from_slice(args);
        let run = self.run(&all);
        assert_eq!(run.code, 0, "facetctl {args:?} failed: {run:?}");
        run.json()
    }

    /// Runs `registry add` for a test registry, passing its password on stdin.
    pub fn add_registry(&self, name: &str, registry: &TestRegistry) {
        let credentials = registry.credentials.as_ref().map(|(u, p)| (u.as_str(), p.as_str()));
        self.add_registry_as(name, &registry.host, credentials);
    }

    /// Runs `registry add` for `host` with these credentials (the password on stdin).
    pub fn add_registry_as(&self, name: &str, host: &str, credentials: Option<(&str, &str)>) {
        let run = self.registry_add(self.command(), name, host, credentials);
        assert_eq!(run.code, 0, "registry add failed: {run:?}");
    }

    /// `registry add` on `cmd` (say, `with_keyring()`), the password on stdin; the run as it went.
    pub fn registry_add(&self, mut cmd: Command, name: &str, host: &str, credentials: Option<(&str, &str)>) -> Run {
        cmd.args(["registry", "add", name, "--kind", "generic", "--url", host, "--insecure"]);
        match credentials {
            Some((user, password)) => {
                cmd.args(["--username", user, "--password-stdin"]);
                run_with_stdin(&mut cmd, password)
            }
            None => self.run_with(&mut cmd),
        }
    }

    /// The usual set-up: a registry, the qa -> staging -> production
    /// workflow, and an integration `payments` on them.
    pub fn standard_setup(&self, registry: &TestRegistry, layout: &str) {
        self.add_registry("local", registry);
        self.workflow_and_integration(layout);
    }

    /// The workflow and the integration `payments` on a registry named `local`.
    pub fn workflow_and_integration(&self, layout: &str) {
        self.ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
        self.ok(&[
            "integration",
            "create",
            "payments",
            "--type",
            "environment",
            "--registry",
            "local",
            "--repository",
            "team/payments",
            "--workflow",
            "standard",
            "--layout",
            layout,
        ]);
    }

    /// What `history --integration payments` says, oldest first.
    pub fn history(&self) -> Vec<Value> {
        let mut events =
            self.json(&["history", "--integration", "payments", "--limit", "1000"]).as_array().unwrap().clone();
        events.reverse();
        events
    }
}

/// `program` run with the environment `like` sets and removes: a shell or script in this user's
/// world, as facetctl itself would be.
pub fn in_env_of(like: &Command, program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(program);
    for (key, value) in like.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    cmd
}

pub fn run_with_stdin(cmd: &mut Command, input: &str) -> Run {
    use std::io::Write;
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let Output { status, stdout, stderr } = child.wait_with_output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}
