//! The dashboard in a real headless browser (chromium through chromedriver):
//! a release manager signs in, sees what runs where, approves a request and
//! the move happens (skopeo witnesses it); a viewer sees no buttons; a form
//! posted without the session's CSRF token changes nothing.

use std::process::Command;

use crate::support::browser::Browser;
use crate::support::context::run_with_stdin;
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo};

struct World {
    registry: TestRegistry,
    server: TestServer,
    ctx: TestContext,
    tokens: std::collections::HashMap<&'static str, String>,
}

impl World {
    fn new() -> World {
        let registry = TestRegistry::plain();
        let ctx = TestContext::new();
        let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
        let mut tokens = std::collections::HashMap::new();
        for (user, role) in
            [("ada", "admin"), ("rel", "release-manager"), ("bob", "release-manager"), ("vic", "viewer")]
        {
            tokens.insert(user, server.add_user(&ctx, user, role));
        }
        World { registry, server, ctx, tokens }
    }

    fn as_user(&self, user: &'static str) -> Command {
        let mut cmd = self.ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &self.server.url)
            .env("FACETS_USERNAME", user)
            .env("FACETS_TOKEN", &self.tokens[user]);
        cmd
    }

    fn ok(&self, user: &'static str, args: &[&str]) -> serde_json::Value {
        let mut cmd = self.as_user(user);
        cmd.args(["-o", "json"]).args(args);
        let run = self.ctx.run_with(&mut cmd);
        assert_eq!(run.code, 0, "{user}: {args:?}: {run:?}");
        run.json()
    }

    fn sign_in(&self, browser: &Browser, user: &'static str) {
        browser.goto(&format!("{}/ui", self.server.url));
        assert!(browser.url().ends_with("/ui/login"), "signed out, the dashboard asks to sign in: {}", browser.url());
        browser.fill("#username", user);
        browser.fill("#token", &self.tokens[user]);
        browser.click("button[type=submit]");
        browser.wait_at("/ui");
        browser.wait_for("main h1");
    }
}

/// Writes `png` into docs/ when FACETCTL_WRITE_SCREENSHOTS is set, as the man pages are written.
fn keep_screenshot(name: &str, png: &[u8]) {
    assert!(png.starts_with(b"\x89PNG"), "the browser gives a PNG");
    if std::env::var_os("FACETCTL_WRITE_SCREENSHOTS").is_some() {
        std::fs::write(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(name), png).unwrap();
    }
}

#[test]
fn a_release_manager_approves_in_the_browser_and_the_move_happens() {
    let w = World::new();
    let mut add = w.as_user("ada");
    add.args(["registry", "add", "local", "--kind", "generic", "--url", &w.registry.host, "--insecure"]);
    assert_eq!(run_with_stdin(&mut add, "").code, 0);
    w.ok("ada", &["release-stream", "create", "prod", "--prod"]);
    w.ok("ada", &["environment", "create", "production", "--release-stream", "prod"]);
    w.ok(
        "ada",
        &[
            "workflow",
            "create",
            "standard",
            "--type",
            "environment",
            "--stages",
            "qa,staging,production",
            "--gate",
            "production:1",
        ],
    );
    let create = ["integration", "create", "payments", "--type", "environment", "--registry", "local"];
    w.ok("ada", &[&create[..], &["--repository", "team/payments", "--workflow", "standard"]].concat());
    let build = image::single(w.ctx.images(), "build-1", "dashboard-1", 2);
    let long = "org.opencontainers.image.source.repository.a-rather-long-key-name=https://git.example.com/team/payments/commit/0123456789abcdef0123456789abcdef01234567";
    w.ok("rel", &["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa", "--meta", long]);
    w.ok("rel", &["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let asked = w.ok("rel", &["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    let request = asked["request"]["id"].as_i64().unwrap();

    let browser = Browser::start();
    w.sign_in(&browser, "bob");
    // Every bucket in workflow order, each with what it holds.
    assert_eq!(browser.texts("section.integration h2 a"), ["payments"]);
    assert_eq!(browser.texts("li.stage h3"), ["qa", "staging", "production gate 1"]);
    let short = &build.digest[..19];
    for bucket in ["qa", "staging"] {
        let cell = browser.text(&format!("li.stage[data-bucket={bucket}]"));
        assert!(cell.contains("build-1") && cell.contains(short) && cell.contains("rel,"), "{bucket}: {cell}");
    }
    let production = browser.text("li.stage[data-bucket=production]");
    assert!(production.contains("empty") && production.contains("1 awaiting approval"), "{production}");
    keep_screenshot("dashboard-overview.png", &browser.screenshot());
    // On a phone the buckets stack: nothing is wider than the screen.
    browser.resize(390, 844);
    // The artifact's page: its signatures and attestations, as the registry holds them.
    let (signature, attestation) = crate::referrers::sign(&w.ctx, &w.registry, "team/payments/qa", &build);
    browser.goto(&format!("{}/ui/artifacts/1", w.server.url));
    assert_eq!(
        browser.texts("ul.referrers li"),
        [format!("application/vnd.in-toto+json {}", &attestation[..19]), format!("cosign .sig {}", &signature[..19])]
    );
    for page in ["/ui", "/ui/artifacts/1"] {
        browser.goto(&format!("{}{page}", w.server.url));
        let widths = browser.execute("return [document.documentElement.scrollWidth, window.innerWidth];");
        let fits = widths[1].as_u64() < Some(500) && widths[0].as_u64() <= widths[1].as_u64();
        assert!(fits, "{page} fits a phone's width: {widths}");
    }
    browser.resize(1280, 900);

    // Approve, and the move runs here, as bob.
    browser.click("nav a[href='/ui/requests']");
    browser.wait_for("article.request");
    assert_eq!(browser.count("button[name=approve]"), 1);
    browser.fill(&format!("#approve-{request}"), "QA signed off");
    browser.click(&format!("#request-{request} button[name=approve]"));
    browser.wait_for("p.notice");
    assert_eq!(browser.text("p.notice"), format!("Request {request} approved: payments moved into production."));
    assert_eq!(
        skopeo::digest(&w.registry, "team/payments/production:current").as_deref(),
        Some(build.digest.as_str()),
        "the registry holds the approved digest"
    );
    browser.goto(&format!("{}/ui/integrations/payments", w.server.url));
    let history = browser.texts("tbody tr");
    assert_eq!(history.len(), 3, "{history:?}");
    assert!(history[0].contains("production") && history[0].contains("approved by bob"), "{history:?}");
    keep_screenshot("dashboard-integration.png", &browser.screenshot());

    // A form from elsewhere, with bob's own session but not its CSRF token, changes nothing.
    let next = image::single(w.ctx.images(), "build-2", "dashboard-2", 2);
    w.ok("rel", &["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "staging"]);
    let second = w.ok("rel", &["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    let second = second["request"]["id"].as_i64().unwrap();
    let session = browser.cookie("facetctl_session");
    let forged = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
        reqwest::Client::new()
            .post(format!("{}/ui/requests/{second}/approve", w.server.url))
            .header("cookie", format!("facetctl_session={session}"))
            .form(&[("reason", "forged")])
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    assert_eq!(forged, 403);
    let still = w.ok("rel", &["promotion", "show", &second.to_string()]);
    assert_eq!(still["state"], "awaiting-approval", "{still}");
    assert_eq!(skopeo::digest(&w.registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));

    // Signed out, the cookie opens nothing; a viewer sees the request and no buttons.
    browser.click("nav form button");
    browser.wait_at("/ui/login");
    w.sign_in(&browser, "vic");
    browser.goto(&format!("{}/ui/requests", w.server.url));
    assert_eq!(browser.count("article.request"), 1);
    assert_eq!(browser.count("button[name=approve]") + browser.count("button[name=reject]"), 0);
}

/// The dashboard over plain HTTP, as a browser's requests: (status, headers, body).
fn http(
    method: &str,
    url: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
    https: bool,
) -> (u16, reqwest::header::HeaderMap, String) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let mut request = client.request(method.parse().unwrap(), url);
        if let Some(cookie) = cookie {
            request = request.header("cookie", format!("facetctl_session={cookie}"));
        }
        if https {
            request = request.header("x-forwarded-proto", "https");
        }
        if !form.is_empty() {
            request = request.form(form);
        }
        let response = request.send().await.unwrap();
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        (status, headers, response.text().await.unwrap())
    })
}

fn session_of(headers: &reqwest::header::HeaderMap) -> (String, String) {
    let set = headers.get("set-cookie").expect("a session cookie is set").to_str().unwrap().to_owned();
    let value = set.strip_prefix("facetctl_session=").unwrap().split(';').next().unwrap().to_owned();
    (value, set)
}

#[test]
fn sessions_are_guarded_and_what_users_wrote_is_shown_as_text() {
    let w = World::new();
    let mut add = w.as_user("ada");
    add.args(["registry", "add", "local", "--kind", "generic", "--url", &w.registry.host, "--insecure"]);
    assert_eq!(w.ctx.run_with(&mut add).code, 0);
    w.ok(
        "ada",
        &[
            "workflow",
            "create",
            "standard",
            "--type",
            "environment",
            "--stages",
            "qa,production",
            "--gate",
            "production:1",
        ],
    );
    w.ok(
        "ada",
        &[
            "integration",
            "create",
            "payments",
            "--type",
            "environment",
            "--registry",
            "local",
            "--workflow",
            "standard",
        ],
    );
    let build = image::single(w.ctx.images(), "build-1", "dashboard-xss", 1);
    let script = "<script>alert(1)</script>";
    w.ok(
        "rel",
        &[
            "artifact",
            "push",
            &build.source(),
            "--integration",
            "payments",
            "--bucket",
            "qa",
            "--meta",
            &format!("ci.run_url=javascript:{script}"),
        ],
    );
    w.ok("rel", &["promote", "--integration", "payments", "--from", "qa", "--to", "production", "--reason", script]);
    let login = format!("{}/ui/login", w.server.url);

    let (status, headers, body) = http("POST", &login, None, &[("username", "bob"), ("token", "fct_wrong")], false);
    assert_eq!(status, 401);
    assert!(headers.get("set-cookie").is_none(), "a failed sign-in sets no cookie");
    assert!(body.contains("That name and token do not sign anyone in."), "{body}");

    // Another site's page cannot sign a visitor in (login CSRF): the browser says where the form came from.
    for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let (status, cookie) = runtime.block_on(async {
            let response = reqwest::Client::new()
                .post(&login)
                .header(header, value)
                .form(&[("username", "bob"), ("token", w.tokens["bob"].as_str())])
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.headers().get("set-cookie").is_some())
        });
        assert_eq!((status, cookie), (403, false), "{header}: {value}");
    }
    let (status, headers, _) = http("POST", &login, None, &[("username", "bob"), ("token", &w.tokens["bob"])], false);
    assert_eq!(status, 303);
    let (bob, set) = session_of(&headers);
    assert_eq!(set, format!("facetctl_session={bob}; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=43200"));
    let (_, headers, _) = http("POST", &login, None, &[("username", "bob"), ("token", &w.tokens["bob"])], true);
    assert!(session_of(&headers).1.ends_with("; Secure"), "behind https the cookie is Secure");

    // What users wrote is text on every page: the reason, and a metadata value that is not an https link.
    let (status, headers, page) = http("GET", &format!("{}/ui/requests", w.server.url), Some(&bob), &[], false);
    assert_eq!(status, 200);
    assert!(page.contains("Why: &lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains(script), "{page}");
    assert!(headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
    let artifact = build_artifact_id(&w);
    let (_, _, page) = http("GET", &format!("{}/ui/artifacts/{artifact}", w.server.url), Some(&bob), &[], false);
    assert!(page.contains("<dd>javascript:&lt;script&gt;") && !page.contains("href=\"javascript:"), "{page}");
    // The registry is asked what refers to the digest; here, nothing.
    assert!(
        page.contains("<h2>Signatures and attestations</h2><p>The registry holds none for this digest.</p>"),
        "{page}"
    );

    // A reason is required to reject; the requester cannot approve their own request.
    let csrf = csrf_of(&page);
    let (status, _, page) = http(
        "POST",
        &format!("{}/ui/requests/1/reject", w.server.url),
        Some(&bob),
        &[("csrf", &csrf), ("reason", " ")],
        false,
    );
    assert_eq!(status, 400, "{page}");
    let (status, headers, _) = http("POST", &login, None, &[("username", "rel"), ("token", &w.tokens["rel"])], false);
    assert_eq!(status, 303);
    let (rel, _) = session_of(&headers);
    let (_, _, page) = http("GET", &format!("{}/ui", w.server.url), Some(&rel), &[], false);
    let (status, _, page) = http(
        "POST",
        &format!("{}/ui/requests/1/approve", w.server.url),
        Some(&rel),
        &[("csrf", &csrf_of(&page))],
        false,
    );
    assert_eq!(status, 409, "{page}");
    assert!(page.contains("user rel asked for promotion request 1; approvals come from someone else"), "{page}");
    assert_eq!(w.ok("rel", &["promotion", "show", "1"])["state"], "awaiting-approval");

    // Another session's CSRF token is not this one's.
    let (status, _, _) = http(
        "POST",
        &format!("{}/ui/requests/1/approve", w.server.url),
        Some(&bob),
        &[("csrf", &csrf_of(&page))],
        false,
    );
    assert_eq!(status, 403);

    // bob rejects, with his reason, and the decision shows who and why.
    let (_, _, page) = http("GET", &format!("{}/ui/requests", w.server.url), Some(&bob), &[], false);
    let csrf = csrf_of(&page);
    let form = [("csrf", csrf.as_str()), ("reason", "not on a Friday")];
    let (status, _, page) = http("POST", &format!("{}/ui/requests/1/reject", w.server.url), Some(&bob), &form, false);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<td>rejected</td><td>bob</td><td>not on a Friday</td>"), "{page}");

    // The audit log is filtered where it is stored: by integration (whole names) and action.
    let audit = |query: &str| http("GET", &format!("{}/ui/audit?{query}", w.server.url), Some(&bob), &[], false).2;
    let rows = |page: &str| page.matches("<tr><td><time").count();
    let created = audit("integration=payments&action=integration.create");
    assert_eq!(rows(&created), 1, "{created}");
    assert_eq!(rows(&audit("integration=pay")), 0, "a name's beginning is not the name");

    // A revoked user's session ends at once; a signed-out session opens nothing.
    w.server.revoke_user(&w.ctx, "bob");
    let (status, headers, _) = http("GET", &format!("{}/ui", w.server.url), Some(&bob), &[], false);
    assert_eq!((status, headers["location"].to_str().unwrap()), (303, "/ui/login"));
    let (_, _, page) = http("GET", &format!("{}/ui", w.server.url), Some(&rel), &[], false);
    let (status, _, _) =
        http("POST", &format!("{}/ui/logout", w.server.url), Some(&rel), &[("csrf", &csrf_of(&page))], false);
    assert_eq!(status, 303);
    let (status, _, _) = http("GET", &format!("{}/ui", w.server.url), Some(&rel), &[], false);
    assert_eq!(status, 303, "the signed-out cookie opens nothing");
}

fn build_artifact_id(w: &World) -> i64 {
    let listed = w.ok("rel", &["artifact", "list", "--integration", "payments", "--bucket", "qa"]);
    listed[0]["id"].as_i64().unwrap()
}

/// The CSRF token a page's forms carry.
fn csrf_of(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("the page has a form") + "name=\"csrf\" value=\"".len();
    page[at..at + 64].to_owned()
}
