//! The CNCF distribution registry (Debian's `docker-registry`), one per
//! test, on a free loopback port with its own storage: plain, with htpasswd
//! Basic auth, or with Bearer token auth against `TokenIssuer`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::token_issuer::TokenIssuer;
use super::{free_port, wait_until};

pub struct TestRegistry {
    pub host: String,
    child: Child,
    _dir: tempfile::TempDir,
    pub issuer: Option<TokenIssuer>,
    pub credentials: Option<(String, String)>,
}

enum Auth<'a> {
    None,
    Htpasswd(&'a str, &'a str),
    Token(&'a TokenIssuer),
}

impl TestRegistry {
    pub fn plain() -> TestRegistry {
        Self::start(Auth::None)
    }

    pub fn htpasswd(user: &str, password: &str) -> TestRegistry {
        let mut r = Self::start(Auth::Htpasswd(user, password));
        r.credentials = Some((user.into(), password.into()));
        r
    }

    pub fn token(user: &str, password: &str) -> TestRegistry {
        let issuer = TokenIssuer::start(user, password);
        let mut r = Self::start(Auth::Token(&issuer));
        r.issuer = Some(issuer);
        r.credentials = Some((user.into(), password.into()));
        r
    }

    fn start(auth: Auth) -> TestRegistry {
        let binary = which("docker-registry")
            .expect("docker-registry is not installed; run .ci/run (it installs the Debian package docker-registry)");
        let dir = tempfile::tempdir().unwrap();
        let storage = dir.path().join("storage");
        let auth_yaml = match auth {
            Auth::None => String::new(),
            Auth::Htpasswd(user, password) => {
                let hash = bcrypt::hash(password, 4).unwrap();
                let file = dir.path().join("htpasswd");
                std::fs::write(&file, format!("{user}:{hash}\n")).unwrap();
                format!("auth:\n  htpasswd:\n    realm: test\n    path: {}\n", file.display())
            }
            Auth::Token(issuer) => format!(
                "auth:\n  token:\n    realm: {}\n    service: {}\n    issuer: {}\n    rootcertbundle: {}\n",
                issuer.realm(),
                super::token_issuer::SERVICE,
                super::token_issuer::ISSUER,
                issuer.cert_path.display()
            ),
        };
        for _ in 0..5 {
            let port = free_port();
            let config = dir.path().join("config.yml");
            std::fs::write(
                &config,
                format!(
                    "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n{auth_yaml}",
                    storage.display()
                ),
            )
            .unwrap();
            let mut child = Command::new(&binary)
                .arg("serve")
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let addr = format!("127.0.0.1:{port}");
            let mut exited = false;
            wait_until("the registry to listen", Duration::from_secs(15), || {
                exited = child.try_wait().unwrap().is_some();
                exited || std::net::TcpStream::connect(&addr).is_ok()
            });
            if !exited {
                return TestRegistry { host: addr, child, _dir: dir, issuer: None, credentials: None };
            }
            // The port was taken between choosing and binding: choose again.
        }
        panic!("docker-registry did not start on any of 5 ports");
    }

    /// Stops the registry, as if it went down.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for TestRegistry {
    fn drop(&mut self) {
        self.stop();
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| PathBuf::from(d).join(name)).find(|p| p.is_file())
}

impl TestRegistry {
    /// PUTs a manifest as raw bytes, as a signing tool would (plain registries only).
    pub fn put_manifest(&self, repo: &str, reference: &str, media_type: &str, bytes: Vec<u8>) {
        let url = format!("http://{}/v2/{repo}/manifests/{reference}", self.host);
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let status = runtime.block_on(async {
            reqwest::Client::new()
                .put(url)
                .header("content-type", media_type)
                .body(bytes)
                .send()
                .await
                .unwrap()
                .status()
        });
        assert!(status.is_success(), "PUT manifest {repo}:{reference}: {status}");
    }
}
