//! The CNCF distribution registry (Debian's `docker-registry`), one per
//! test, on a free loopback port with its own storage: plain, with htpasswd
//! Basic auth, with Bearer token auth against `TokenIssuer`, or over TLS with
//! a certificate from a CA of its own.

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
    /// The PEM file of the CA that signed its certificate, when it serves TLS.
    pub ca_file: Option<PathBuf>,
}

enum Auth<'a> {
    None,
    Htpasswd(&'a str, &'a str),
    Token(&'a TokenIssuer),
}

impl TestRegistry {
    pub fn plain() -> TestRegistry {
        Self::start(Auth::None, false)
    }

    /// HTTPS with a certificate for 127.0.0.1 signed by a CA made for this
    /// registry alone: no machine trusts it until told to (`ca_file`).
    pub fn tls() -> TestRegistry {
        Self::start(Auth::None, true)
    }

    pub fn htpasswd(user: &str, password: &str) -> TestRegistry {
        let mut r = Self::start(Auth::Htpasswd(user, password), false);
        r.credentials = Some((user.into(), password.into()));
        r
    }

    pub fn token(user: &str, password: &str) -> TestRegistry {
        let issuer = TokenIssuer::start(user, password);
        let mut r = Self::start(Auth::Token(&issuer), false);
        r.issuer = Some(issuer);
        r.credentials = Some((user.into(), password.into()));
        r
    }

    fn start(auth: Auth, tls: bool) -> TestRegistry {
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
        let (tls_yaml, ca_file) = if tls { serve_tls(dir.path()) } else { (String::new(), None) };
        for _ in 0..5 {
            let port = free_port();
            let config = dir.path().join("config.yml");
            std::fs::write(
                &config,
                format!(
                    "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n{tls_yaml}{auth_yaml}",
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
                return TestRegistry { host: addr, child, _dir: dir, issuer: None, credentials: None, ca_file };
            }
            // The port was taken between choosing and binding: choose again.
        }
        panic!("docker-registry did not start on any of 5 ports");
    }

    /// CPU time the registry process has used so far (user and system), at
    /// the kernel's clock-tick resolution (10 ms on Linux). The registry
    /// bench reads it; no test does.
    #[allow(dead_code)]
    pub fn cpu_time(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // Fields after the parenthesised name; utime and stime are the 14th and 15th overall.
        let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
        let ticks: u64 = fields.get(11..13).map_or(0, |f| f.iter().filter_map(|t| t.parse::<u64>().ok()).sum());
        Duration::from_millis(ticks * 10)
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

/// Writes a CA, and a certificate for 127.0.0.1 it signed, into `dir`: the
/// registry's `http.tls` configuration and the CA's PEM file.
fn serve_tls(dir: &std::path::Path) -> (String, Option<PathBuf>) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, "facetctl test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .unwrap()
        .signed_by(&key, &Issuer::new(ca, ca_key))
        .unwrap();
    let (ca_file, cert_file, key_file) = (dir.join("ca.pem"), dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&ca_file, ca_cert.pem()).unwrap();
    std::fs::write(&cert_file, cert.pem()).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();
    let yaml = format!("  tls:\n    certificate: {}\n    key: {}\n", cert_file.display(), key_file.display());
    (yaml, Some(ca_file))
}

pub fn which(name: &str) -> Option<PathBuf> {
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
