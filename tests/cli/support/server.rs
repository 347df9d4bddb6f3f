//! `facetctl server` run by the tests on a free loopback port, on SQLite or
//! on a PostgreSQL database of its own, and an HTTP client to talk to it.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::{TestContext, free_port, wait_until};

pub struct TestServer {
    pub url: String,
    pub database: String,
    child: Child,
    pub log: std::path::PathBuf,
}

/// A database for one test: a new PostgreSQL database on the server
/// `.ci/run` started, or a SQLite file in the context's home.
pub fn database(ctx: &TestContext, backend: &str) -> String {
    match backend {
        "sqlite" => format!("sqlite:{}", ctx.images().join("server.db").display()),
        "postgres" => {
            let admin = std::env::var("FACETCTL_TEST_POSTGRES_URL").expect(
                "FACETCTL_TEST_POSTGRES_URL is not set; run the tests through .ci/run, which starts PostgreSQL",
            );
            let name = format!(
                "facetctl_test_{}_{}",
                std::process::id(),
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
            );
            runtime().block_on(async {
                sqlx::any::install_default_drivers();
                let pool =
                    sqlx::AnyPool::connect(&admin).await.expect("PostgreSQL answers at FACETCTL_TEST_POSTGRES_URL");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&pool).await.unwrap();
                pool.close().await;
            });
            let (base, _) = admin.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        other => panic!("unknown backend {other}"),
    }
}

impl TestServer {
    pub fn start(ctx: &TestContext, database: &str) -> TestServer {
        TestServer::start_with(ctx, database, &[])
    }

    /// A server with these variables set as well (say, a short lease).
    pub fn start_with(ctx: &TestContext, database: &str, vars: &[(&str, &str)]) -> TestServer {
        let port = free_port();
        let log = ctx.images().join(format!("server-{port}.log"));
        let mut command = ctx.command();
        command.envs(vars.iter().copied());
        let child = command
            // A server keeps its secrets apart from any client's.
            .env("FACETCTL_HOME", ctx.images().join("server-home"))
            .env("FACETCTL_DATABASE_URL", database)
            .args(["server", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let server = TestServer { url: format!("http://127.0.0.1:{port}"), database: database.to_owned(), child, log };
        wait_until("the server to be ready", Duration::from_secs(30), || server.get_status("/readyz", None) == 200);
        server
    }

    /// `facetctl server users add`, returning the new token.
    pub fn add_user(&self, ctx: &TestContext, name: &str, role: &str) -> String {
        let out = ctx
            .command()
            .env("FACETCTL_DATABASE_URL", &self.database)
            .args(["server", "users", "add", name, "--role", role])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    /// Revokes a user's token, as an operator does with `facetctl server users revoke`.
    pub fn revoke_user(&self, ctx: &TestContext, name: &str) {
        let out = ctx
            .command()
            .env("FACETCTL_DATABASE_URL", &self.database)
            .args(["server", "users", "revoke", name])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    fn get_status(&self, path: &str, auth: Option<(&str, &str)>) -> u16 {
        self.call("GET", path, auth, None).0
    }

    /// One request: (status, JSON body or Null).
    pub fn call(&self, method: &str, path: &str, auth: Option<(&str, &str)>, body: Option<Value>) -> (u16, Value) {
        let url = format!("{}{path}", self.url);
        runtime().block_on(async {
            let mut request = reqwest::Client::new().request(method.parse().unwrap(), url);
            if let Some((user, token)) = auth {
                request = request.basic_auth(user, Some(token));
            }
            if let Some(body) = body {
                request = request.json(&body);
            }
            match request.send().await {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let text = resp.text().await.unwrap_or_default();
                    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
                }
                Err(_) => (0, Value::Null),
            }
        })
    }

    /// Sends SIGTERM and returns the exit status once the server has finished.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let status = self.child.wait().unwrap();
        std::mem::forget(self);
        status
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}
