//! Routing rules: a push that names no bucket goes where the integration's
//! rule sends its branch, at a terminal, in CI, and from Facets' own clients
//! (the GitHub Action registers by branch). Names keep Facets' case.

use serde_json::{Value, json};

use crate::support::facets_schema::FacetsSchemas;
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo, snapshot};

#[test]
fn a_push_that_names_no_bucket_goes_where_the_rule_sends_its_branch() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    ctx.ok(&[
        "rule",
        "create",
        "by-branch",
        "--type",
        "environment",
        "--route",
        "BRANCH_NAME=main:qa",
        "--route",
        "BRANCH_NAME~^release/[0-9.]+$:staging",
    ]);
    ctx.ok(&["integration", "update", "payments", "--rule", "by-branch"]);
    // A rule routes to buckets of one type: an integration of the other type is refused it, and not made.
    let run = ctx.run(&[
        "integration",
        "create",
        "streams",
        "--type",
        "release-stream",
        "--registry",
        "local",
        "--rule",
        "by-branch",
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("rule by-branch routes to ENVIRONMENT buckets"), "{run:?}");
    assert_eq!(ctx.run(&["integration", "show", "streams"]).code, 4, "nothing was created");
    let main = image::single(ctx.images(), "build-1", "route-main", 1);
    let release = image::single(ctx.images(), "build-2", "route-release", 1);
    let feature = image::single(ctx.images(), "build-3", "route-feature", 1);

    let pushed = ctx.json(&["artifact", "push", &main.source(), "--integration", "payments", "--git-ref", "main"]);
    assert_eq!((&pushed["artifact"]["bucket"], &pushed["routed_by"]), (&json!("qa"), &json!("BRANCH_NAME=main:qa")));
    assert_eq!(pushed["artifact"]["metadata"]["BRANCH_NAME"], "main", "the branch is recorded");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(main.digest.as_str()));

    // In CI the branch is the CI's own.
    let mut in_ci = ctx.command();
    in_ci.env("GITHUB_ACTIONS", "true").env("GITHUB_REF_TYPE", "branch").env("GITHUB_REF_NAME", "release/2.1");
    in_ci.args(["-o", "json", "artifact", "push", &release.source(), "--integration", "payments"]);
    let run = ctx.run_with(&mut in_ci);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["artifact"]["bucket"], "staging");
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(release.digest.as_str()));

    // A branch no criterion matches, or an integration with no rule: refused, naming what was seen.
    let before = ctx.history();
    let missed =
        ctx.run(&["artifact", "push", &feature.source(), "--integration", "payments", "--git-ref", "feature/x"]);
    ctx.ok(&["integration", "update", "payments", "--no-rule"]);
    let no_rule = ctx.run(&["artifact", "push", &feature.source(), "--integration", "payments", "--git-ref", "main"]);
    let tested = ctx.run(&["rule", "test", "BY-BRANCH", "--meta", "BRANCH_NAME=release/3.0"]);
    let transcript = format!(
        "{}exit {}\n\n{}exit {}\n\n{}exit {}\n",
        missed.stderr, missed.code, no_rule.stderr, no_rule.code, tested.stdout, tested.code
    );
    snapshot::settings(&[]).bind(|| insta::assert_snapshot!("routing-refusals-and-a-test", transcript));
    assert_eq!(ctx.history(), before, "nothing was recorded");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-3"), None);
}

#[test]
fn facets_release_streams_keep_their_case_and_promote_in_both_layouts() {
    for layout in ["repository-per-bucket", "tag-per-bucket"] {
        let registry = TestRegistry::plain();
        let ctx = TestContext::new();
        ctx.add_registry("local", &registry);
        ctx.ok(&["release-stream", "create", "QA"]);
        ctx.ok(&["release-stream", "create", "PRODUCTION", "--prod"]);
        let duplicate = ctx.run(&["release-stream", "create", "production"]);
        assert_eq!(duplicate.code, 3, "{duplicate:?}");
        ctx.ok(&["workflow", "create", "streams", "--type", "release-stream", "--stages", "QA,PRODUCTION"]);
        ctx.ok(&[
            "integration",
            "create",
            "payments",
            "--type",
            "release-stream",
            "--registry",
            "local",
            "--repository",
            "team/payments",
            "--workflow",
            "streams",
            "--layout",
            layout,
        ]);
        let build = image::single(ctx.images(), "v1.0", "streams", 1);
        ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "QA"]);
        let promoted =
            ctx.json(&["promote", "--integration", "payments", "--from", "QA", "--to", "PRODUCTION", "--yes"]);
        assert_eq!(promoted["artifact"]["bucket"], "PRODUCTION", "the record keeps the name");
        let (moving, pinned) = match layout {
            // Repository paths are lower case; the bucket's name is not.
            "repository-per-bucket" => ("team/payments/production:current", "team/payments/production:v1.0"),
            _ => ("team/payments:PRODUCTION", "team/payments:PRODUCTION-v1.0"),
        };
        assert_eq!(skopeo::digest(&registry, moving).as_deref(), Some(build.digest.as_str()), "{layout}");
        assert_eq!(skopeo::digest(&registry, pinned).as_deref(), Some(build.digest.as_str()), "{layout}");

        // A stage spelled `production` beside the release stream PRODUCTION would be a second way
        // into the same repository, with a lease and a protection of its own: refused at the record.
        ctx.ok(&["workflow", "create", "lower", "--type", "release-stream", "--stages", "qa,production"]);
        ctx.ok(&[
            "integration",
            "create",
            "billing",
            "--type",
            "release-stream",
            "--registry",
            "local",
            "--repository",
            "team/billing",
            "--workflow",
            "lower",
            "--layout",
            layout,
        ]);
        let other = image::single(ctx.images(), "v2.0", "spelled", 1);
        let run = ctx.run(&["artifact", "push", &other.source(), "--integration", "billing", "--bucket", "production"]);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains("bucket \"production\" of billing is spelled \"PRODUCTION\""), "{run:?}");
        assert_eq!(skopeo::digest(&registry, "team/billing/production:v2.0"), None);
    }
}

/// A server with an admin and an email user (as Facets' clients sign in), a registry, the
/// standard workflow and the integration `payments`, all set up through Facets' routes.
struct Facets {
    registry: TestRegistry,
    server: TestServer,
    admin: String,
    bot: String,
    workflow_id: Value,
    schemas: FacetsSchemas,
}

impl Facets {
    fn new(ctx: &TestContext) -> Facets {
        let registry = TestRegistry::plain();
        let server = TestServer::start(ctx, &database(ctx, "sqlite"));
        let admin = server.add_user(ctx, "ada", "admin");
        let bot = server.add_user(ctx, "release.bot@example.com", "developer");
        let mut f = Facets { registry, server, admin, bot, workflow_id: Value::Null, schemas: FacetsSchemas::load() };
        f.admin_post(
            "/cc-ui/v1/artifactories",
            "BasicDockerArtifactory",
            json!({"name": "default", "artifactoryType": "OTHERS", "uri": f.registry.host, "insecure": true,
                   "username": "ci", "password": "a-plain-registry-asks-for-none"}),
        );
        f.workflow_id = f.admin_post(
            "/cc-ui/v1/workflow",
            "PromotionWorkflow",
            json!({"workflowName": "standard", "registrationType": "ENVIRONMENT", "hierarchies": [
                {"sequence": 1, "registrationValue": "qa"}, {"sequence": 2, "registrationValue": "staging"},
                {"sequence": 3, "registrationValue": "production"}]}),
        )["id"]
            .clone();
        f
    }

    /// A request as a Facets client sends it: checked against Facets' schema first.
    fn admin_post(&self, path: &str, schema: &str, body: Value) -> Value {
        let problems = self.schemas.check(schema, &body);
        assert!(problems.is_empty(), "the request to {path} is not a Facets {schema}: {problems:?}");
        let (status, answer) = self.server.call("POST", path, Some(("ada", &self.admin)), Some(body));
        assert_eq!(status, 200, "{path}: {answer}");
        answer
    }

    fn valid(&self, schema: &str, value: &Value) {
        let problems = self.schemas.check(schema, value);
        assert!(problems.is_empty(), "not a Facets {schema}: {problems:?}: {value}");
    }
}

#[test]
fn facets_clients_route_by_branch_through_the_routing_rule_api() {
    let ctx = TestContext::new();
    let f = Facets::new(&ctx);
    let admin = Some(("ada", f.admin.as_str()));
    let bot = Some(("release.bot@example.com", f.bot.as_str()));

    // An email user signs in as Facets' clients do.
    let (status, me) = f.server.call("GET", "/api/me", bot, None);
    assert_eq!((status, &me["username"]), (200, &json!("release.bot@example.com")));

    let (status, operators) = f.server.call("GET", "/cc-ui/v1/artifact-routing-rule/operators", bot, None);
    assert_eq!(status, 200);
    assert_eq!(operators, json!(["EQUALS", "STARTS_WITH", "ENDS_WITH", "CONTAINS", "REGEX"]));

    let criteria = json!([
        {"metadataKey": "BRANCH_NAME", "operator": "EQUALS", "value": "main", "routeTo": "qa", "priority": 1},
        {"metadataKey": "BRANCH_NAME", "operator": "STARTS_WITH", "value": "release/", "routeTo": "staging", "priority": 2},
    ]);
    let rule = f.admin_post(
        "/cc-ui/v1/artifact-routing-rule",
        "ArtifactRoutingRuleRequest",
        json!({"ruleName": "by-branch", "registrationType": "ENVIRONMENT", "stackName": "default",
               "ciSystem": "BRANCH_PER_ENVIRONMENT", "criteria": criteria}),
    );
    f.valid("ArtifactRoutingRuleResponse", &rule);
    assert_eq!((&rule["ruleName"], &rule["criteria"]), (&json!("by-branch"), &criteria));
    let (_, listed) = f.server.call("GET", "/cc-ui/v1/artifact-routing-rule?stackName=default", bot, None);
    assert_eq!(listed, json!([rule.clone()]));

    // `/test` routes metadata given as query parameters with the criteria given.
    for (branch, answer) in [("main", json!({"routeTo": "qa"})), ("release%2F2.1", json!({"routeTo": "staging"}))] {
        let path = format!("/cc-ui/v1/artifact-routing-rule/test?BRANCH_NAME={branch}");
        let (status, routed) = f.server.call("POST", &path, bot, Some(criteria.clone()));
        assert_eq!((status, routed.clone()), (200, answer));
        f.valid("TestRuleResponse", &routed);
    }
    let (status, missed) =
        f.server.call("POST", "/cc-ui/v1/artifact-routing-rule/test?BRANCH_NAME=feature%2Fx", bot, Some(criteria));
    assert_eq!(status, 400, "{missed}");
    f.valid("ErrorDetails", &missed);
    assert!(missed["message"].as_str().unwrap().contains("metadata BRANCH_NAME=feature/x"), "{missed}");

    // The integration routes by the rule, set through Facets' own field.
    let ci = f.admin_post(
        "/cc-ui/v1/artifacts-ci",
        "ArtifactCI",
        json!({"ciName": "payments", "registrationType": "ENVIRONMENT", "artifactory": "default",
               "ruleId": rule["id"], "repository": "team/payments", "promotionWorkflowId": f.workflow_id}),
    );
    f.valid("ArtifactCI", &ci);
    assert_eq!(ci["ruleId"], rule["id"]);

    // The GitHub Action's `register --git-ref main`: no bucket, the branch in the metadata.
    let build = image::single(ctx.images(), "build-5", "action", 1);
    skopeo::upload(&f.registry, &format!("oci:{}:build-5", build.dir.display()), "ci/payments:build-5");
    let action_body = |branch: &str| {
        json!({"applicationName": "payments", "artifactUri": format!("{}/ci/payments:build-5", f.registry.host),
               "artifactory": "default", "description": "built by the action", "externalId": "run-41",
               "metadata": {"BRANCH_NAME": branch}, "registrationType": "ENVIRONMENT", "stackName": "default"})
    };
    let (status, registered) = f.server.call("POST", "/cc-ui/v1/artifacts/push", bot, Some(action_body("main")));
    assert_eq!(status, 200, "{registered}");
    f.valid("Artifact", &registered);
    assert_eq!(
        (&registered["registrationValue"], &registered["createdBy"]),
        (&json!("qa"), &json!("release.bot@example.com"))
    );
    assert_eq!(skopeo::digest(&f.registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    let (status, refused) = f.server.call("POST", "/cc-ui/v1/artifacts/push", bot, Some(action_body("feature/x")));
    assert_eq!(status, 400, "{refused}");
    assert_eq!(
        refused["message"],
        "routing rule by-branch sends nowhere an artifact with metadata BRANCH_NAME=feature/x: no criterion matches; \
         name the bucket, or add a criterion that matches"
    );

    // A rule in use stays; detached (ruleId left out of the PUT), it can go.
    let rule_path = format!("/cc-ui/v1/artifact-routing-rule/{}", rule["id"].as_str().unwrap());
    assert_eq!(f.server.call("DELETE", &rule_path, admin, None).0, 409);
    let ci_path = format!("/cc-ui/v1/artifacts-ci/{}", ci["id"].as_str().unwrap());
    let (status, detached) = f.server.call(
        "PUT",
        &ci_path,
        admin,
        Some(json!({"ciName": "payments", "registrationType": "ENVIRONMENT", "artifactory": "default",
                    "repository": "team/payments", "promotionWorkflowId": f.workflow_id})),
    );
    assert_eq!((status, &detached["ruleId"]), (200, &Value::Null), "{detached}");
    assert_eq!(f.server.call("DELETE", &rule_path, admin, None).0, 200);
    assert_eq!(f.server.call("GET", &rule_path, admin, None).0, 404);
}

#[test]
fn facetsctl_push_sends_credentials_requests_docker_pushes_and_registers_v2() {
    let ctx = TestContext::new();
    let registry = TestRegistry::htpasswd("ci", "facets-push-pw-77d2");
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let admin = server.add_user(&ctx, "ada", "admin");
    let bot = server.add_user(&ctx, "release.bot@example.com", "developer");
    let schemas = FacetsSchemas::load();
    // Set up as an admin does, with facetctl pointed at the server: the qa environment has an id.
    let facetctl = |args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &admin);
        cmd.args(["-o", "json"]).args(args);
        let run = ctx.run_with(&mut cmd);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        run.json()
    };
    let mut add = ctx.command();
    add.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &admin);
    add.args(["registry", "add", "default", "--kind", "generic", "--url", &registry.host, "--insecure"]);
    add.args(["--username", "ci", "--password-stdin"]);
    assert_eq!(crate::support::context::run_with_stdin(&mut add, "facets-push-pw-77d2").code, 0);
    facetctl(&["release-stream", "create", "QA"]);
    let qa = facetctl(&["environment", "create", "qa", "--release-stream", "QA"]);
    facetctl(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    facetctl(&[
        "integration",
        "create",
        "Payments",
        "--type",
        "environment",
        "--registry",
        "default",
        "--repository",
        "team/payments",
        "--workflow",
        "standard",
    ]);
    let bot_auth = Some(("release.bot@example.com", bot.as_str()));

    // 1. `facetsctl push -a Payments --registration-type CLUSTER --registration-value <qa's id>`.
    let cluster = qa["id"].to_string();
    let path =
        format!("/cc-ui/v1/artifacts/pushCredentialsV2/artifactName/payments/registrationType/CLUSTER/value/{cluster}");
    let (status, handed) = server.call("POST", &path, bot_auth, None);
    assert_eq!(status, 200, "{handed}");
    assert!(schemas.check("ECRAuthorizationData", &handed).is_empty(), "{handed}");
    let token = handed["authorizationToken"].as_str().unwrap();
    let decoded = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, token).unwrap();
    let (user, password) =
        String::from_utf8(decoded).unwrap().split_once(':').map(|(u, p)| (u.to_owned(), p.to_owned())).unwrap();
    assert_eq!(user, "ci");
    let proxy = handed["proxyEndpoint"].as_str().unwrap();
    let host = proxy.split_once("://").map_or(proxy, |(_, h)| h).trim_end_matches('/');
    assert_eq!(host, registry.host);

    // 2. `docker tag`, `docker login`, `docker push` with the real engine, as the client does.
    let image = crate::support::docker::DockerImage::build(ctx.images(), "facetsctl-push", &[("app.txt", "v7")]);
    let target = format!("{host}/facets/cluster/{cluster}/payments:build-7");
    let docker_config = tempfile::tempdir().unwrap();
    let docker = |args: &[&str], stdin: Option<&str>| {
        use std::io::Write;
        let mut cmd = std::process::Command::new("docker");
        cmd.env("DOCKER_CONFIG", docker_config.path()).args(args);
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("the Docker engine's client");
        if let Some(input) = stdin {
            child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "docker {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    docker(&["tag", &image.name, &target], None);
    docker(&["login", host, "--username", &user, "--password-stdin"], Some(&password));
    docker(&["push", &target], None);
    docker(&["rmi", &target], None);
    let pushed = skopeo::digest(&registry, &format!("facets/cluster/{cluster}/payments:build-7")).unwrap();

    // 3. `registerV2`: the environment as clusterId; the server brings the image into the bucket.
    let request = json!({"applicationName": "payments", "artifactUri": target, "artifactory": "default",
                         "description": "pushed by facetsctl", "externalId": "run-7", "tag": "build-7",
                         "clusterId": cluster});
    let problems = schemas.check("ArtifactRequest", &request);
    assert!(problems.is_empty(), "{problems:?}");
    let (status, registered) = server.call("POST", "/cc-ui/v1/artifacts/registerV2", bot_auth, Some(request));
    assert_eq!(status, 200, "{registered}");
    assert_eq!((&registered["registrationValue"], &registered["applicationName"]), (&json!("qa"), &json!("Payments")));
    assert_eq!(registered["digest"], pushed.as_str());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(pushed.as_str()));
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-7").as_deref(), Some(pushed.as_str()));

    // `facetsctl push --git-ref release/2.1`: credentials for the bucket the branch routes to,
    // a push under the branch's path, then the register-by-branch body.
    facetctl(&["rule", "create", "by-branch", "--type", "environment", "--route", "BRANCH_NAME=main:qa"]);
    facetctl(&[
        "rule",
        "update",
        "by-branch",
        "--route",
        "BRANCH_NAME=main:qa",
        "--route",
        "BRANCH_NAME^=release/:staging",
    ]);
    facetctl(&["integration", "update", "Payments", "--rule", "by-branch"]);
    let path = "/cc-ui/v1/artifacts/pushCredentialsV3/artifactName/payments?branch_name=release%2F2.1";
    let (status, handed) = server.call("POST", path, bot_auth, None);
    assert_eq!(status, 200, "{handed}");
    assert!(schemas.check("ECRAuthorizationData", &handed).is_empty(), "{handed}");
    let next = crate::support::docker::DockerImage::build(ctx.images(), "facetsctl-push-ref", &[("app.txt", "v8")]);
    let target = format!("{host}/facets/payments/branch_name/release/2.1:build-8");
    docker(&["tag", &next.name, &target], None);
    docker(&["push", &target], None);
    docker(&["rmi", &target], None);
    let pushed = skopeo::digest(&registry, "facets/payments/branch_name/release/2.1:build-8").unwrap();
    let request = json!({"applicationName": "payments", "artifactUri": target, "artifactory": "default",
                         "description": "pushed by facetsctl", "externalId": "run-8",
                         "metadata": {"BRANCH_NAME": "release/2.1"}, "registrationType": "ENVIRONMENT",
                         "stackName": "default"});
    let (status, registered) = server.call("POST", "/cc-ui/v1/artifacts/push", bot_auth, Some(request));
    assert_eq!(status, 200, "{registered}");
    assert_eq!(registered["registrationValue"], "staging");
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(pushed.as_str()));
    assert!(!server.log_text().contains("facets-push-pw-77d2"), "the registry's password is in no log");
}
