//! The clouds' own credentials: Google service-account keys through the
//! OAuth2 JWT-bearer grant, Azure service principals through AAD and the
//! registry's token exchange. The token services are local stubs that check
//! what they are sent; the registry side is the real registry with token auth.

use std::sync::{Arc, Mutex};

use aws_lc_rs::signature::{self, UnparsedPublicKey};
use axum::http::Method;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::support::fault_proxy::{Fault, FaultProxy};
use crate::support::http_stub::HttpStub;
use crate::support::{TestContext, TestRegistry, image, skopeo};

const GOOGLE_ACCESS_TOKEN: &str = "ya29.local-test-token";

/// Google's token endpoint: verifies the assertion's RS256 signature with
/// the key's public half and its claims, then issues an access token.
fn google_token_endpoint(public_key_der: Vec<u8>, client_email: &'static str) -> (HttpStub, Arc<Mutex<Vec<String>>>) {
    let verdicts = Arc::new(Mutex::new(Vec::new()));
    let log = verdicts.clone();
    let stub = HttpStub::start(move |req| {
        let grant = req.form("grant_type").unwrap_or_default();
        let assertion = req.form("assertion").unwrap_or_default();
        let parts: Vec<&str> = assertion.split('.').collect();
        let verdict = if grant != "urn:ietf:params:oauth:grant-type:jwt-bearer" || parts.len() != 3 {
            "malformed"
        } else {
            let signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap_or_default();
            let signed = format!("{}.{}", parts[0], parts[1]);
            let key = UnparsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, &public_key_der);
            let claims: serde_json::Value =
                serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap_or_default()).unwrap_or_default();
            if key.verify(signed.as_bytes(), &signature).is_err() {
                "bad signature"
            } else if claims["iss"] != client_email || !claims["aud"].as_str().unwrap_or("").ends_with("/token") {
                "bad claims"
            } else {
                "ok"
            }
        };
        log.lock().unwrap().push(verdict.to_owned());
        if verdict == "ok" {
            (200, format!(r#"{{"access_token":"{GOOGLE_ACCESS_TOKEN}","expires_in":3599,"token_type":"Bearer"}}"#))
        } else {
            (400, r#"{"error":"invalid_grant"}"#.into())
        }
    });
    (stub, verdicts)
}

/// A service-account key file for `key`, pointing at `token_uri`.
fn key_file(ctx: &TestContext, key: &rcgen::KeyPair, token_uri: &str) -> std::path::PathBuf {
    let path = ctx.images().join("service-account.json");
    let json = serde_json::json!({
        "type": "service_account", "project_id": "test", "private_key_id": "k1",
        "private_key": key.serialize_pem(), "client_email": "ci@test.iam.gserviceaccount.com",
        "token_uri": token_uri,
    });
    std::fs::write(&path, json.to_string()).unwrap();
    path
}

/// The public half as PKCS#1 RSAPublicKey, what RSA verifiers take.
fn rsa_public_key(key: &rcgen::KeyPair) -> Vec<u8> {
    rcgen::PublicKeyData::der_bytes(key).to_vec()
}

#[test]
fn a_google_service_account_key_is_exchanged_for_an_access_token() {
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_RSA_SHA256).unwrap();
    let (google, verdicts) = google_token_endpoint(rsa_public_key(&key), "ci@test.iam.gserviceaccount.com");
    let registry = TestRegistry::token("oauth2accesstoken", GOOGLE_ACCESS_TOKEN);
    let ctx = TestContext::new();
    ctx.ok(&["registry", "add", "local", "--kind", "gar", "--url", &registry.host, "--insecure"]);
    ctx.workflow_and_integration("repository-per-bucket");
    let keys = key_file(&ctx, &key, &format!("{}/token", google.url()));
    let build = image::single(ctx.images(), "build-1", "gar", 2);

    let mut cmd = ctx.command();
    cmd.env("GOOGLE_APPLICATION_CREDENTIALS", &keys).args([
        "-v",
        "artifact",
        "push",
        &build.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("service-account key in GOOGLE_APPLICATION_CREDENTIALS"), "{run:?}");
    assert_eq!(*verdicts.lock().unwrap(), ["ok"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));

    // A key the token service does not know is refused, and the refusal says by whom.
    let stranger = rcgen::KeyPair::generate_for(&rcgen::PKCS_RSA_SHA256).unwrap();
    let keys = key_file(&ctx, &stranger, &format!("{}/token", google.url()));
    let next = image::single(ctx.images(), "build-2", "gar", 1);
    let mut cmd = ctx.command();
    cmd.env("GOOGLE_APPLICATION_CREDENTIALS", &keys).args([
        "artifact",
        "push",
        &next.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("refused the service account ci@test.iam.gserviceaccount.com"), "{run:?}");
    assert_eq!(verdicts.lock().unwrap().last().map(String::as_str), Some("bad signature"));
    assert!(!run.stderr.contains("PRIVATE KEY"));
}

#[test]
fn an_azure_service_principal_is_exchanged_for_an_acr_refresh_token() {
    let aad = HttpStub::start(|req| {
        let ok = req.method == "POST"
            && req.path == "/tenant-1/oauth2/v2.0/token"
            && req.form("grant_type").as_deref() == Some("client_credentials")
            && req.form("client_id").as_deref() == Some("app-1")
            && req.form("client_secret").as_deref() == Some("principal-s3cret")
            && req.form("scope").as_deref() == Some("https://containerregistry.azure.net/.default");
        if ok {
            (200, r#"{"access_token":"aad-token-1","token_type":"Bearer","expires_in":3599}"#.into())
        } else {
            (401, "{}".into())
        }
    });
    let acr_refresh = "acr-refresh-token-1";
    let registry = TestRegistry::token("00000000-0000-0000-0000-000000000000", acr_refresh);
    // ACR answers /oauth2/exchange on the registry's own host.
    let front = FaultProxy::start(&registry.host);
    front.inject(
        Method::POST,
        "/oauth2/exchange",
        Fault::FormExchange {
            expect: vec![("grant_type", "access_token"), ("access_token", "aad-token-1"), ("tenant", "tenant-1")],
            answer: format!(r#"{{"refresh_token":"{acr_refresh}"}}"#),
        },
        100,
    );
    let ctx = TestContext::new();
    ctx.ok(&["registry", "add", "local", "--kind", "acr", "--url", &front.host, "--insecure"]);
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "acr", 2);

    let mut cmd = ctx.command();
    cmd.env("AZURE_CLIENT_ID", "app-1")
        .env("AZURE_CLIENT_SECRET", "principal-s3cret")
        .env("AZURE_TENANT_ID", "tenant-1")
        .env("AZURE_AUTHORITY_HOST", aad.url())
        .args(["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("service principal in AZURE_CLIENT_ID (app-1)"), "{run:?}");
    assert!(!run.stderr.contains("principal-s3cret"));
    assert_eq!(front.count("POST", "/oauth2/exchange"), 1, "{:#?}", front.log());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_server_hands_out_an_access_token_never_the_service_account_key() {
    use crate::support::server::{TestServer, database};
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_RSA_SHA256).unwrap();
    let (google, verdicts) = google_token_endpoint(rsa_public_key(&key), "ci@test.iam.gserviceaccount.com");
    let ctx = TestContext::new();
    let key_json = std::fs::read_to_string(key_file(&ctx, &key, &format!("{}/token", google.url()))).unwrap();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let admin = server.add_user(&ctx, "ada", "admin");
    let developer = server.add_user(&ctx, "dev", "developer");
    let ada = Some(("ada", admin.as_str()));
    let post = |path: &str, body: serde_json::Value| {
        let (status, answer) = server.call("POST", path, ada, Some(body));
        assert_eq!(status, 200, "{path}: {answer}");
        answer
    };
    post(
        "/cc-ui/v1/artifactories",
        serde_json::json!({"name": "gar", "artifactoryType": "GOOGLE_ARTIFACT_REGISTRY",
                           "uri": "europe-docker.pkg.dev/acme", "username": "_json_key", "password": key_json}),
    );
    let workflow = post(
        "/cc-ui/v1/workflow",
        serde_json::json!({"workflowName": "standard", "registrationType": "ENVIRONMENT",
                           "hierarchies": [{"sequence": 1, "registrationValue": "qa"}, {"sequence": 2, "registrationValue": "staging"}]}),
    );
    post(
        "/cc-ui/v1/artifacts-ci",
        serde_json::json!({"ciName": "payments", "registrationType": "ENVIRONMENT", "artifactory": "gar",
                           "promotionWorkflowId": workflow["id"]}),
    );
    let (status, credentials) = server.call(
        "GET",
        "/cc-ui/v1/artifactories/name/gar/push-credentials?ciName=payments&registrationValue=qa",
        Some(("dev", developer.as_str())),
        None,
    );
    assert_eq!(status, 200, "{credentials}");
    assert_eq!(credentials, serde_json::json!({"username": "oauth2accesstoken", "password": GOOGLE_ACCESS_TOKEN}));
    assert_eq!(*verdicts.lock().unwrap(), ["ok"], "the key was exchanged with a signed assertion");
    let (status, v2) = server.call(
        "POST",
        "/cc-ui/v1/artifacts/pushCredentialsV2/artifactName/payments/registrationType/ENVIRONMENT/value/qa",
        Some(("dev", developer.as_str())),
        None,
    );
    assert_eq!(status, 200, "{v2}");
    let decoded = base64::engine::general_purpose::STANDARD.decode(v2["authorizationToken"].as_str().unwrap()).unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), format!("oauth2accesstoken:{GOOGLE_ACCESS_TOKEN}"));
    assert!(!server.log_text().contains("PRIVATE KEY"), "the key is in no log");
}
