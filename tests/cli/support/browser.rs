//! A real headless browser: Debian's chromium, driven through its
//! chromedriver over WebDriver, one session per test.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

use super::{free_port, wait_until};

pub struct Browser {
    driver: Child,
    runtime: tokio::runtime::Runtime,
    client: Option<Client>,
}

impl Browser {
    pub fn start() -> Browser {
        let binary = super::registry::which("chromedriver").expect(
            "chromedriver is not installed; run .ci/run (it installs the Debian packages chromium and chromium-driver)",
        );
        let port = free_port();
        let driver = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_until("chromedriver to listen", Duration::from_secs(20), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let mut capabilities = serde_json::Map::new();
        let args =
            ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"];
        capabilities.insert("goog:chromeOptions".into(), serde_json::json!({"args": args}));
        let client = runtime
            .block_on(
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities)
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .expect("chromium starts headless under chromedriver");
        Browser { driver, runtime, client: Some(client) }
    }

    fn client(&self) -> &Client {
        self.client.as_ref().unwrap()
    }

    pub fn goto(&self, url: &str) {
        self.runtime.block_on(self.client().goto(url)).unwrap();
    }

    pub fn url(&self) -> String {
        self.runtime.block_on(self.client().current_url()).unwrap().to_string()
    }

    /// The text of the first element `css` finds.
    pub fn text(&self, css: &str) -> String {
        self.runtime.block_on(async { self.client().find(Locator::Css(css)).await?.text().await }).unwrap()
    }

    /// The texts of every element `css` finds.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.runtime
            .block_on(async {
                let mut texts = Vec::new();
                for e in self.client().find_all(Locator::Css(css)).await? {
                    texts.push(e.text().await?);
                }
                Ok::<_, fantoccini::error::CmdError>(texts)
            })
            .unwrap()
    }

    pub fn count(&self, css: &str) -> usize {
        self.runtime.block_on(self.client().find_all(Locator::Css(css))).unwrap().len()
    }

    /// Types into the field `css` finds, as a person would.
    pub fn fill(&self, css: &str, text: &str) {
        self.runtime.block_on(async { self.client().find(Locator::Css(css)).await?.send_keys(text).await }).unwrap();
    }

    /// Clicks what `css` finds; `then` waits for what the page it leads to shows.
    pub fn click(&self, css: &str) {
        self.runtime.block_on(async { self.client().find(Locator::Css(css)).await?.click().await }).unwrap();
    }

    /// Waits until the page shows an element `css` finds.
    pub fn wait_for(&self, css: &str) {
        wait_until(&format!("the page to show {css}"), Duration::from_secs(15), || self.count(css) > 0);
    }

    /// Waits until the browser is at a URL ending with `path`.
    pub fn wait_at(&self, path: &str) {
        wait_until(&format!("the browser to reach {path}"), Duration::from_secs(15), || self.url().ends_with(path));
    }

    /// The value of the cookie `name` the browser holds for the page.
    pub fn cookie(&self, name: &str) -> String {
        self.runtime.block_on(self.client().get_named_cookie(name)).unwrap().value().to_owned()
    }

    pub fn screenshot(&self) -> Vec<u8> {
        self.runtime.block_on(self.client().screenshot()).unwrap()
    }

    /// Runs `script` in the page (the test's, not the page's: the dashboard itself runs none).
    pub fn execute(&self, script: &str) -> serde_json::Value {
        self.runtime.block_on(self.client().execute(script, vec![])).unwrap()
    }

    pub fn resize(&self, width: u32, height: u32) {
        self.runtime.block_on(self.client().set_window_size(width, height)).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = self.runtime.block_on(client.close());
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
