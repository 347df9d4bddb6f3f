//! Signatures and attestations attached to a digest follow it from bucket
//! to bucket: cosign's `.sig` tag, and referrers listed in the OCI fallback
//! tag (the registry here has no referrers API, as many do not).

use serde_json::json;

use crate::support::{TestContext, TestRegistry, image, skopeo};

/// Signs `build` in `repo` as cosign would, and attaches an attestation
/// through the OCI referrers fallback tag. Returns (signature, attestation) digests.
pub fn sign(ctx: &TestContext, registry: &TestRegistry, repo: &str, build: &image::OciImage) -> (String, String) {
    let dir = ctx.images().join("signatures");
    std::fs::create_dir_all(&dir).unwrap();
    let signature = image::referrer(&dir, build, "application/vnd.dev.cosign.artifact.sig.v1+json", "signed by ci");
    let attestation = image::referrer(&dir, build, "application/vnd.in-toto+json", "built from abc123");
    image::layout_index(&dir, &[("sig", &signature), ("attestation", &attestation)]);
    let hex = &build.digest[7..];
    let attestation_digest = attestation["digest"].as_str().unwrap().to_owned();
    for (from, to) in [("sig", format!(":sha256-{hex}.sig")), ("attestation", format!("@{attestation_digest}"))] {
        skopeo::upload(registry, &format!("oci:{}:{from}", dir.display()), &format!("{repo}{to}"));
    }
    // The OCI 1.1 fallback for registries without the referrers API: an index under sha256-<hex>.
    let fallback =
        json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [attestation]});
    let index = "application/vnd.oci.image.index.v1+json";
    registry.put_manifest(repo, &format!("sha256-{hex}"), index, serde_json::to_vec(&fallback).unwrap());
    (signature["digest"].as_str().unwrap().to_owned(), attestation["digest"].as_str().unwrap().to_owned())
}

#[test]
fn a_signature_and_an_attestation_follow_the_image_through_promotions() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "signed", 2);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let (signature, attestation) = sign(&ctx, &registry, "team/payments/qa", &build);
    let hex = &build.digest[7..];

    let promoted = ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(promoted["referrers"]["cosign_tags"], 1, "{promoted}");
    assert_eq!(promoted["referrers"]["referrers"], 1, "{promoted}");
    ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);

    for bucket in ["staging", "production"] {
        let repo = format!("team/payments/{bucket}");
        assert_eq!(skopeo::digest(&registry, &format!("{repo}:sha256-{hex}.sig")).as_deref(), Some(signature.as_str()));
        assert_eq!(skopeo::digest(&registry, &format!("{repo}@{attestation}")).as_deref(), Some(attestation.as_str()));
        let index: serde_json::Value =
            serde_json::from_slice(&skopeo::raw_manifest(&registry, &format!("{repo}:sha256-{hex}")).unwrap()).unwrap();
        let listed: Vec<&str> =
            index["manifests"].as_array().unwrap().iter().map(|m| m["digest"].as_str().unwrap()).collect();
        assert_eq!(listed, [attestation.as_str()], "the fallback index in {bucket} lists the attestation");
        assert_eq!(
            index["manifests"][0]["artifactType"], "application/vnd.in-toto+json",
            "descriptors keep their fields"
        );
    }
}

#[test]
fn no_referrers_leaves_them_behind() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "unsigned-move", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    sign(&ctx, &registry, "team/payments/qa", &build);
    let promoted =
        ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--no-referrers"]);
    assert_eq!(promoted["referrers"]["cosign_tags"], 0);
    assert_eq!(skopeo::digest(&registry, &format!("team/payments/staging:sha256-{}.sig", &build.digest[7..])), None);
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));
}
