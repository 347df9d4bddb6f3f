//! moto's server (PyPI `moto[server]`), standing in for AWS's ECR and STS
//! endpoints on a loopback port, one per test.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{free_port, wait_until};

pub struct Moto {
    pub url: String,
    child: Child,
}

/// The password moto's GetAuthorizationToken hands out for its default account.
pub const ECR_PASSWORD: &str = "123456789012-auth-token";

impl Moto {
    pub fn start() -> Moto {
        let port = free_port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server is not installed; run .ci/run (it installs PyPI's moto[server])");
        let addr = format!("127.0.0.1:{port}");
        wait_until("moto to listen", Duration::from_secs(30), || std::net::TcpStream::connect(&addr).is_ok());
        Moto { url: format!("http://{addr}"), child }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
