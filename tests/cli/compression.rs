//! Pushes from the Docker engine and `docker save` carry plain tars; they are
//! stored compressed, as `docker push` stores them. skopeo pulls each image
//! back, and every layer, unpacked, is byte for byte the tar the engine built:
//! its digest is the config's diff_id for it.

use std::io::Read;
use std::process::Command;

use sha2::{Digest as _, Sha256};

use crate::support::docker::DockerImage;
use crate::support::{TestContext, TestRegistry};

/// Files that compress as real ones do: text, repeated with variation; each layer over 1 MiB, so
/// that a push from the engine compresses it while the export streams in.
fn files() -> Vec<(&'static str, String)> {
    let text: String = (0..30_000).map(|i| format!("line {i}: the quick brown fox jumps over {}\n", i % 97)).collect();
    vec![("app.txt", text.clone()), ("data.txt", text.chars().rev().collect())]
}

/// skopeo's copy of `repo_ref` into a folder: (manifest, config, the blobs by digest).
fn pulled(registry: &TestRegistry, repo_ref: &str, into: &std::path::Path) -> (serde_json::Value, serde_json::Value) {
    let out = Command::new("skopeo")
        .args(["copy", "--src-tls-verify=false", &format!("docker://{}/{repo_ref}", registry.host)])
        .arg(format!("dir:{}", into.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(into.join("manifest.json")).unwrap()).unwrap();
    let config_hex = &manifest["config"]["digest"].as_str().unwrap()[7..];
    let config = serde_json::from_slice(&std::fs::read(into.join(config_hex)).unwrap()).unwrap();
    (manifest, config)
}

fn sha256(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// Pushes `source` with `compression` (None: the default) and checks what skopeo pulls back.
fn pushed_and_pulled(
    ctx: &TestContext,
    registry: &TestRegistry,
    source: &str,
    compression: Option<&str>,
    bucket: &str,
) -> (String, Vec<String>) {
    let mut args = vec!["artifact", "push", source, "--integration", "payments", "--bucket", bucket];
    if let Some(c) = compression {
        args.extend(["--compression", c]);
    }
    let pushed = ctx.json(&args);
    let digest = pushed["artifact"]["digest"].as_str().unwrap().to_owned();
    // Layers go up as each is compressed; the push counts them as copied, whenever they went.
    let (copied, skipped) = (&pushed["copy"]["blobs_copied"], &pushed["copy"]["blobs_skipped"]);
    assert_eq!(copied.as_u64().unwrap() + skipped.as_u64().unwrap(), 3, "two layers and the config: {pushed}");
    let into = ctx.images().join(format!("pulled-{bucket}-{}", compression.unwrap_or("default")));
    let (manifest, config) = pulled(registry, &format!("team/payments/{bucket}@{digest}"), &into);
    let diff_ids = config["rootfs"]["diff_ids"].as_array().unwrap();
    let mut media_types = Vec::new();
    for (layer, diff_id) in manifest["layers"].as_array().unwrap().iter().zip(diff_ids) {
        let media_type = layer["mediaType"].as_str().unwrap().to_owned();
        let blob = std::fs::read(into.join(&layer["digest"].as_str().unwrap()[7..])).unwrap();
        let mut tar = Vec::new();
        match media_type.rsplit(['+', '.']).next().unwrap() {
            "gzip" => {
                flate2::read::GzDecoder::new(&blob[..]).read_to_end(&mut tar).unwrap();
            }
            "zstd" => tar = zstd::stream::decode_all(&blob[..]).unwrap(),
            _ => tar = blob.clone(),
        }
        assert_eq!(sha256(&tar), diff_id.as_str().unwrap(), "layer {media_type} unpacks to the engine's tar");
        media_types.push(media_type);
    }
    (digest, media_types)
}

#[test]
fn docker_images_are_stored_compressed_and_unpack_to_the_tars_the_engine_built() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let owned = files();
    let files: Vec<(&str, &str)> = owned.iter().map(|(n, c)| (*n, c.as_str())).collect();
    let built = DockerImage::build(ctx.images(), "compressed", &files);
    let archive = ctx.images().join("saved.tar");
    built.save(&archive, &[]);
    let daemon = format!("docker-daemon:{}", built.name);
    let saved = format!("docker-archive:{}", archive.display());

    let gzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    let (digest, types) = pushed_and_pulled(&ctx, &registry, &daemon, None, "qa");
    assert_eq!(types, [gzip, gzip], "gzip by default");
    // The same image gives the same digest, from the engine or its saved archive, every time.
    let (again, _) = pushed_and_pulled(&ctx, &registry, &saved, None, "staging");
    assert_eq!(again, digest);
    let dry =
        ctx.json(&["artifact", "push", &daemon, "--integration", "payments", "--bucket", "production", "--dry-run"]);
    assert_eq!(dry["digest"], digest.as_str());

    let (zstd, types) = pushed_and_pulled(&ctx, &registry, &saved, Some("zstd"), "production");
    assert_eq!(types, ["application/vnd.oci.image.layer.v1.tar+zstd"; 2]);
    assert_ne!(zstd, digest);

    // As they came: plain tars, each layer's digest its diff_id.
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let (_, types) = pushed_and_pulled(&ctx, &registry, &saved, Some("none"), "qa");
    assert_eq!(types, ["application/vnd.oci.image.layer.v1.tar"; 2]);
}

#[test]
fn a_damaged_layer_is_refused_before_anything_is_pushed() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let layout = crate::support::image::single(ctx.images(), "build-1", "damaged", 2);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.dir.join("blobs/sha256").join(&layout.digest[7..])).unwrap())
            .unwrap();
    let layer = layout.dir.join("blobs/sha256").join(&manifest["layers"][0]["digest"].as_str().unwrap()[7..]);
    let mut bytes = std::fs::read(&layer).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&layer, bytes).unwrap();
    let run = ctx.run(&[
        "artifact",
        "push",
        &layout.source(),
        "--integration",
        "payments",
        "--bucket",
        "qa",
        "--compression",
        "gzip",
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("the source is damaged"), "{run:?}");
    assert!(ctx.history().is_empty());
    assert_eq!(crate::support::skopeo::digest(&registry, "team/payments/qa:current"), None);
}

/// buildx's OCI output with an attestation beside the platform image: compressed on request, the
/// platform manifest is remade; the attestation (not an image) is not, and now names the new one.
#[test]
fn an_attestation_follows_the_image_it_describes_when_the_layers_are_compressed() {
    use crate::support::image::{layout_index, put_blob, single};
    use serde_json::json;
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let image = single(ctx.images(), "v1", "attested", 2);
    let blob = |digest: &str| image.dir.join("blobs/sha256").join(&digest[7..]);
    let platform_size = std::fs::metadata(blob(&image.digest)).unwrap().len();

    let mut config = put_blob(&image.dir, b"{}");
    config["mediaType"] = json!("application/vnd.oci.empty.v1+json");
    let mut statement = put_blob(&image.dir, b"{\"_type\":\"https://in-toto.io/Statement/v1\"}");
    statement["mediaType"] = json!("application/vnd.oci.image.layer.v1.tar");
    let attestation = json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": config, "layers": [statement]});
    let mut attestation_desc = put_blob(&image.dir, &serde_json::to_vec(&attestation).unwrap());
    attestation_desc["mediaType"] = json!("application/vnd.oci.image.manifest.v1+json");
    attestation_desc["platform"] = json!({"architecture": "unknown", "os": "unknown"});
    attestation_desc["annotations"] = json!({
        "vnd.docker.reference.digest": image.digest, "vnd.docker.reference.type": "attestation-manifest"});
    let index = json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": image.digest, "size": platform_size,
         "platform": {"architecture": "amd64", "os": "linux"}},
        attestation_desc.clone(),
    ]});
    let mut index_desc = put_blob(&image.dir, &serde_json::to_vec(&index).unwrap());
    index_desc["mediaType"] = json!("application/vnd.oci.image.index.v1+json");
    layout_index(&image.dir, &[("v1", &index_desc)]);

    let source = format!("oci:{}:v1", image.dir.display());
    ctx.json(&["artifact", "push", &source, "--integration", "payments", "--bucket", "qa", "--compression", "gzip"]);
    let pushed = crate::support::skopeo::raw_manifest(&registry, "team/payments/qa:v1").unwrap();
    let pushed: serde_json::Value = serde_json::from_slice(&pushed).unwrap();
    let (platform, attested) = (&pushed["manifests"][0], &pushed["manifests"][1]);
    assert_ne!(platform["digest"], image.digest.as_str(), "the platform manifest names gzipped layers now");
    assert_eq!(attested["digest"], attestation_desc["digest"], "the attestation is not an image: kept as it is");
    assert_eq!(attested["annotations"]["vnd.docker.reference.digest"], platform["digest"]);
}

#[test]
fn compression_that_would_leave_a_signature_naming_a_lost_digest_is_refused() {
    use crate::support::image::{layout_index, put_blob, single};
    use serde_json::json;
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let image = single(ctx.images(), "v1", "signed-plain", 2);
    let platform_size = std::fs::metadata(image.dir.join("blobs/sha256").join(&image.digest[7..])).unwrap().len();
    let subject = json!({"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": image.digest, "size": platform_size});
    let mut config = put_blob(&image.dir, b"{}");
    config["mediaType"] = json!("application/vnd.oci.empty.v1+json");
    let mut payload = put_blob(&image.dir, b"{\"critical\":{}}");
    payload["mediaType"] = json!("application/vnd.dev.cosign.simplesigning.v1+json");
    let signature = json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "artifactType": "application/vnd.dev.cosign.artifact.sig.v1+json", "config": config, "layers": [payload],
        "subject": subject});
    let mut signature_desc = put_blob(&image.dir, &serde_json::to_vec(&signature).unwrap());
    signature_desc["mediaType"] = json!("application/vnd.oci.image.manifest.v1+json");
    let index = json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [subject, signature_desc]});
    let mut index_desc = put_blob(&image.dir, &serde_json::to_vec(&index).unwrap());
    index_desc["mediaType"] = json!("application/vnd.oci.image.index.v1+json");
    layout_index(&image.dir, &[("v1", &index_desc)]);

    let source = format!("oci:{}:v1", image.dir.display());
    let push = ["artifact", "push", &source, "--integration", "payments", "--bucket", "qa"];
    let refused = ctx.run(&[&push[..], &["--compression", "gzip"]].concat());
    assert_ne!(refused.code, 0, "{refused:?}");
    let sig = signature_desc["digest"].as_str().unwrap();
    assert_eq!(
        refused.stderr.lines().next().unwrap(),
        format!(
            "error: {}: {sig} refers to {} (a signature or attestation of it), and compressing would give {} a new digest that it does not name; push with --compression none to keep the digests",
            source, image.digest, image.digest
        )
    );
    assert_eq!(crate::support::skopeo::digest(&registry, "team/payments/qa:v1"), None, "nothing was pushed");
    // As the layout has it, digests kept, the signature still names its image.
    ctx.json(&push);
    let pushed = crate::support::skopeo::raw_manifest(&registry, "team/payments/qa:v1").unwrap();
    let pushed: serde_json::Value = serde_json::from_slice(&pushed).unwrap();
    assert_eq!(pushed, index);
}
