//! One `ControlPlane` conformance suite, run against the embedded control
//! plane and against a server (on SQLite and on PostgreSQL) through the HTTP
//! client: every rule is enforced where records are written, the same on
//! each, whatever a caller sends. The registry holds what the records claim
//! (skopeo writes it), so the server's look at it passes and only the rule
//! under test can refuse.

use std::sync::Arc;
use std::time::Duration;

use facetctl::control::store::Store;
use facetctl::control::{
    BucketLock, ControlPlane, Embedded, LockAttempt, NewArtifact, NewFreeze, NewIntegration, NewPromotion, NewRegistry,
    NewWorkflow, TagRepair, TagRole,
};
use facetctl::model::{BucketEventKind, Digest, Layout, RegistrationType, RegistryKind, Role, Window};
use facetctl::{Error, ErrorKind};

use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo};

/// A lease short enough that the suite can wait for one to run out.
const LEASE_MS: u64 = 800;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

#[test]
fn the_embedded_control_plane_keeps_every_rule() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    runtime().block_on(async {
        let store = Store::open_sqlite(&ctx.facetctl_home().join("facetctl.db")).await.unwrap();
        let secrets = facetctl::secrets::open(&ctx.facetctl_home());
        let plane =
            Embedded::new(store.clone(), secrets.clone(), "ada".into()).with_lease(Duration::from_millis(LEASE_MS));
        suite(Arc::new(plane), &registry, &ctx).await;
        // The same store, as the server uses it for a developer.
        protected_buckets(&Embedded::new(store, secrets, "dev".into()).for_server(Role::Developer)).await;
    });
}

fn against_a_server(backend: &str) {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    let lease_ms = LEASE_MS.to_string();
    let server = TestServer::start_with(&ctx, &database(&ctx, backend), &[("FACETCTL_LOCK_LEASE_MS", &lease_ms)]);
    let token = server.add_user(&ctx, "ada", "admin");
    let developer_token = server.add_user(&ctx, "dev", "developer");
    let ci_token = server.add_user(&ctx, "ci", "developer");
    let connect = |user: &'static str, token: String| {
        let url = server.url.clone();
        async move {
            let secret = facetctl::registry::auth::Secret::new(token);
            facetctl::control::remote::Remote::connect(reqwest::Client::new(), &url, user, secret).await.unwrap()
        }
    };
    runtime().block_on(async {
        suite(Arc::new(connect("ada", token).await), &registry, &ctx).await;
        protected_buckets(&connect("dev", developer_token).await).await;

        // A token revoked while its holder has a lease: the renewal says the credentials were
        // refused (log in again), not that the lease was lost (run again, which would fail the same).
        let ci = connect("ci", ci_token).await;
        let held = lease(&ci, "qa").await;
        server.revoke_user(&ctx, "ci");
        let refused = ci.renew_lock(&held).await.unwrap_err();
        assert!(!matches!(refused.bare(), Error::LeaseLost { .. }), "{refused:?}");
        assert_eq!(refused.hint_of(), Some(facetctl::error::Hint::LoginAgain));
    });
}

#[test]
fn a_server_on_sqlite_keeps_every_rule() {
    against_a_server("sqlite");
}

#[test]
fn a_server_on_postgresql_keeps_every_rule() {
    against_a_server("postgres");
}

fn kind<T: std::fmt::Debug>(result: Result<T, Error>) -> ErrorKind {
    result.expect_err("the control plane should refuse this").kind()
}

async fn lease(plane: &dyn ControlPlane, bucket: &str) -> BucketLock {
    match plane.lock_bucket("payments", bucket, "ada").await.unwrap() {
        LockAttempt::Acquired(lock) => lock,
        LockAttempt::Busy { holder, .. } => panic!("bucket {bucket} is held by {holder}"),
    }
}

fn artifact(tag: &str, digest: &str) -> NewArtifact {
    NewArtifact {
        tag: tag.into(),
        digest: digest.parse().unwrap(),
        media_type: "application/vnd.oci.image.manifest.v1+json".into(),
        external_id: Some("run-7".into()),
        description: None,
        metadata: Default::default(),
        kind: BucketEventKind::Push,
    }
}

/// A developer writes no protected (production) bucket: no lease, no record.
async fn protected_buckets(developer: &dyn ControlPlane) {
    let refused = developer.check_write("payments", "production", None).await.unwrap_err();
    assert_eq!(
        refused.to_string(),
        "bucket production of payments is protected (production); user dev is a developer and this needs release-manager"
    );
    assert_eq!(kind(developer.lock_bucket("payments", "production", "dev").await), ErrorKind::Forbidden);
    developer.check_write("payments", "qa", None).await.unwrap();
}

async fn suite(plane: Arc<dyn ControlPlane>, registry: &TestRegistry, ctx: &TestContext) {
    let p = plane.as_ref();
    p.create_release_stream("prod", "production", true).await.unwrap();
    p.create_environment("production", "prod").await.unwrap();
    let registry_entry = NewRegistry {
        name: "local".into(),
        kind: RegistryKind::Generic,
        uri: registry.host.clone(),
        insecure: true,
        username: None,
    };
    p.add_registry(registry_entry, None).await.unwrap();
    let stages = ["qa", "staging", "production"].map(String::from).to_vec();
    let workflow = NewWorkflow {
        name: "standard".into(),
        registration_type: RegistrationType::Environment,
        stages,
        gates: vec![],
    };
    p.create_workflow(workflow).await.unwrap();
    p.create_integration(NewIntegration {
        name: "payments".into(),
        registration_type: RegistrationType::Environment,
        registry: "local".into(),
        repository: "team/payments".into(),
        layout: Layout::RepositoryPerBucket,
        workflow: Some("standard".into()),
        bucket_registries: Default::default(),
    })
    .await
    .unwrap();
    let a = image::single(ctx.images(), "build-1", "conformance-a", 1);
    let b = image::single(ctx.images(), "build-2", "conformance-b", 1);
    for at in ["qa:build-1", "qa:current", "production:build-1"] {
        skopeo::upload(registry, &a.source(), &format!("team/payments/{at}"));
    }

    // A bucket the integration does not have: no write, no lease.
    assert_eq!(kind(p.check_write("payments", "nope", None).await), ErrorKind::NotFound);
    // The moving tag is no artifact's tag.
    assert_eq!(kind(p.check_write("payments", "qa", Some("current")).await), ErrorKind::Usage);
    assert_eq!(kind(p.lock_bucket("payments", "nope", "ada").await), ErrorKind::NotFound);

    // A record too large is refused, and the lease it came with is kept.
    let qa = lease(p, "qa").await;
    let mut too_large = artifact("build-1", &a.digest);
    too_large.metadata.insert("log".into(), "x".repeat(70_000));
    assert_eq!(kind(p.record_artifact(&qa, too_large).await), ErrorKind::Usage);
    // A caller records pushes and registers; promotions and rollbacks have records of their own.
    let mut disguised = artifact("build-1", &a.digest);
    disguised.kind = BucketEventKind::Promote;
    assert_eq!(kind(p.record_artifact(&qa, disguised).await), ErrorKind::Usage);
    let first = p.record_artifact(&qa, artifact("build-1", &a.digest)).await.unwrap();
    assert_eq!(first.image_uri, format!("{}/team/payments/qa@{}", registry.host, a.digest), "worked out, not taken");

    // A tag names one digest for good.
    let qa = lease(p, "qa").await;
    assert_eq!(kind(p.record_artifact(&qa, artifact("build-1", &b.digest)).await), ErrorKind::Refused);
    p.unlock_bucket(&qa).await.unwrap();

    // A promotion takes the workflow's next step only, with a real lease on the target.
    let production = lease(p, "production").await;
    let skip = NewPromotion {
        source_artifact_id: first.id,
        reason: Some("skip staging".into()),
        forced: false,
        request: None,
        release: None,
    };
    assert_eq!(kind(p.record_promotion(&production, skip).await), ErrorKind::Refused);
    p.unlock_bucket(&production).await.unwrap();
    assert!(p.promotions("payments", 10).await.unwrap().is_empty(), "a refused promotion leaves no record");

    // A promotion moves the source as recorded: its tag and digest, into the lease's bucket.
    for at in ["staging:build-1", "staging:current"] {
        skopeo::upload(registry, &a.source(), &format!("team/payments/{at}"));
    }
    let staging = lease(p, "staging").await;
    // A release id is a name, whatever a caller sends; a bucket's registry names a bucket there is.
    let odd = NewPromotion {
        source_artifact_id: first.id,
        reason: None,
        forced: false,
        request: None,
        release: Some("../release 1;".into()),
    };
    assert_eq!(kind(p.record_promotion(&staging, odd).await), ErrorKind::Usage);
    let elsewhere = [("nowhere".to_owned(), Some("local".to_owned()))];
    assert_eq!(kind(p.set_bucket_registries("payments", &elsewhere).await), ErrorKind::NotFound);
    assert!(p.promotions("payments", 10).await.unwrap().is_empty(), "nothing was recorded");
    let step = NewPromotion { source_artifact_id: first.id, reason: None, forced: false, request: None, release: None };
    let (promotion, staged) = p.record_promotion(&staging, step).await.unwrap();
    assert_eq!((promotion.from_bucket.as_str(), promotion.to_bucket.as_str()), ("qa", "staging"));
    assert_eq!(
        (staged.bucket.as_str(), staged.tag.as_str(), staged.digest.as_str()),
        ("staging", "build-1", a.digest.as_str())
    );

    // A rollback goes to an artifact of the bucket, nowhere else.
    let staging = lease(p, "staging").await;
    assert_eq!(kind(p.record_rollback(&staging, first.id, None, false).await), ErrorKind::NotFound);

    // A repair must say what the record says.
    let wrong = TagRepair {
        integration: "payments".into(),
        bucket: "staging".into(),
        tag: "current".into(),
        role: TagRole::Moving,
        artifact_id: staged.id,
        expected: b.digest.parse::<Digest>().unwrap(),
        found: None,
    };
    assert_eq!(kind(p.record_repair(&staging, wrong).await), ErrorKind::Refused);

    // A lease that ran out is someone else's: its holder records nothing.
    let next = loop {
        match p.lock_bucket("payments", "staging", "ada").await.unwrap() {
            LockAttempt::Acquired(lock) => break lock,
            LockAttempt::Busy { .. } => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };
    let late = NewPromotion { source_artifact_id: first.id, reason: None, forced: false, request: None, release: None };
    assert_eq!(kind(p.record_promotion(&staging, late).await), ErrorKind::Refused);
    // A lost lease is its own error on every plane: the writer branches on it to say what it left behind.
    let lost = p.renew_lock(&staging).await.unwrap_err();
    assert!(
        matches!(lost.bare(), Error::LeaseLost { integration, bucket } if integration == "payments" && bucket == "staging"),
        "{lost:?}"
    );
    p.unlock_bucket(&next).await.unwrap();

    // Only what was allowed is in the audit log.
    let audit = p.audit_events(Default::default()).await.unwrap();
    let actions: Vec<&str> = audit.iter().rev().filter(|e| e.actor == "ada").map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "release-stream.create",
            "environment.create",
            "registry.add",
            "workflow.create",
            "integration.create",
            "artifact.push",
            "artifact.promote"
        ],
        "{audit:?}"
    );

    // A freeze holds a bucket still: a move into it is refused while it holds. A forced move
    // needs a reason, and someone allowed to force (an admin; on the embedded plane, its user).
    let now = chrono::Utc::now();
    let window = Window::between(now - chrono::Duration::hours(1), now + chrono::Duration::hours(1)).unwrap();
    let new = NewFreeze {
        integration: Some("payments".into()),
        bucket: "production".into(),
        window,
        reason: "release prep".into(),
    };
    let freeze = p.create_freeze(new).await.unwrap();
    let refused = p.check_write("payments", "production", None).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Refused);
    assert!(refused.to_string().contains("is frozen until"), "{refused}");
    assert!(refused.to_string().contains("set by ada: release prep"), "{refused}");
    assert_eq!(refused.hint_of(), Some(facetctl::error::Hint::Force));
    skopeo::upload(registry, &a.source(), "team/payments/production:current");
    let production = lease(p, "production").await;
    let held =
        NewPromotion { source_artifact_id: staged.id, reason: None, forced: false, request: None, release: None };
    assert_eq!(kind(p.record_promotion(&production, held).await), ErrorKind::Refused);
    let unexplained =
        NewPromotion { source_artifact_id: staged.id, reason: None, forced: true, request: None, release: None };
    assert_eq!(kind(p.record_promotion(&production, unexplained).await), ErrorKind::Usage);
    let forced = NewPromotion {
        source_artifact_id: staged.id,
        reason: Some("the outage fix".into()),
        forced: true,
        request: None,
        release: None,
    };
    let (promotion, _) = p.record_promotion(&production, forced).await.unwrap();
    assert!(promotion.forced, "a forced move is recorded as forced");
    assert_eq!(p.freezes().await.unwrap().len(), 1);
    p.end_freeze(freeze.id).await.unwrap();
    assert!(p.freezes().await.unwrap().is_empty());
    p.check_write("payments", "production", None).await.unwrap();
}

/// Two replicas on one PostgreSQL, both told to run the same approved request: one runs it.
#[test]
fn two_replicas_racing_to_run_an_approved_request_run_it_once() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    let url = database(&ctx, "postgres");
    runtime().block_on(async {
        let secrets = facetctl::secrets::open(&ctx.facetctl_home());
        let (one, two) = (Store::open(&url).await.unwrap(), Store::open(&url).await.unwrap());
        let ada = Embedded::new(one.clone(), secrets.clone(), "ada".into());
        let entry = NewRegistry {
            name: "local".into(),
            kind: RegistryKind::Generic,
            uri: registry.host.clone(),
            insecure: true,
            username: None,
        };
        ada.add_registry(entry, None).await.unwrap();
        let gates = vec![facetctl::model::Gate::parse("staging:2").unwrap()];
        let stages = ["qa", "staging"].map(String::from).to_vec();
        let registration_type = RegistrationType::Environment;
        ada.create_workflow(NewWorkflow { name: "gated".into(), registration_type, stages, gates }).await.unwrap();
        ada.create_integration(NewIntegration {
            name: "payments".into(),
            registration_type,
            registry: "local".into(),
            repository: "team/payments".into(),
            layout: Layout::RepositoryPerBucket,
            workflow: Some("gated".into()),
            bucket_registries: Default::default(),
        })
        .await
        .unwrap();
        let a = image::single(ctx.images(), "build-1", "race", 1);
        let qa = lease(&ada, "qa").await;
        let source = ada.record_artifact(&qa, artifact("build-1", &a.digest)).await.unwrap();
        let new = facetctl::control::NewRequest {
            integration: "payments".into(),
            source_artifact_id: source.id,
            to: "staging".into(),
            reason: None,
            expires_in_seconds: 3600,
        };
        let request = ada.request_promotion(new).await.unwrap();
        for approver in ["bob", "carol"] {
            let plane = Embedded::new(one.clone(), secrets.clone(), approver.into());
            plane.approve_request(request.id, None).await.unwrap();
        }
        let (first, second) =
            (Embedded::new(one, secrets.clone(), "bob".into()), Embedded::new(two, secrets, "carol".into()));
        let (a, b) = tokio::join!(first.claim_request(request.id), second.claim_request(request.id));
        let runners = [a.unwrap(), b.unwrap()].into_iter().flatten().count();
        assert_eq!(runners, 1, "exactly one replica runs the request");
        let state = first.promotion_request(request.id).await.unwrap().state;
        assert_eq!(state, facetctl::model::RequestState::Executing);
    });
}
