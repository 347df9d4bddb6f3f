//! Small OCI images written on the fly as OCI layouts: real tar layers, a
//! config, a manifest; or an index over two platforms. Each `seed` gives
//! different content, so different digests.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

pub struct OciImage {
    pub dir: PathBuf,
    pub tag: String,
    /// The digest of what the layout's tag names (manifest or index).
    pub digest: String,
    /// For an index, its children's digests.
    pub children: Vec<String>,
}

impl OciImage {
    /// `oci:DIR:TAG`, as facetctl takes it.
    pub fn source(&self) -> String {
        format!("oci:{}:{}", self.dir.display(), self.tag)
    }
}

/// A single-platform image with `layers` layers.
pub fn single(parent: &Path, tag: &str, seed: &str, layers: usize) -> OciImage {
    let dir = parent.join(format!("{tag}-{seed}"));
    let (manifest, bytes) = image_manifest(&dir, seed, layers, "amd64");
    let digest = write_index(&dir, tag, &manifest, bytes);
    OciImage { dir, tag: tag.into(), digest, children: Vec::new() }
}

/// An index over linux/amd64 and linux/arm64 images.
pub fn multi_arch(parent: &Path, tag: &str, seed: &str) -> OciImage {
    let dir = parent.join(format!("{tag}-{seed}"));
    let mut descriptors = Vec::new();
    let mut children = Vec::new();
    for arch in ["amd64", "arm64"] {
        let (mut desc, _) = image_manifest(&dir, &format!("{seed}-{arch}"), 2, arch);
        children.push(desc["digest"].as_str().unwrap().to_owned());
        desc["platform"] = json!({"architecture": arch, "os": "linux"});
        descriptors.push(desc);
    }
    let index =
        json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": descriptors});
    let bytes = serde_json::to_vec_pretty(&index).unwrap();
    let mut desc = put_blob(&dir, &bytes);
    desc["mediaType"] = json!("application/vnd.oci.image.index.v1+json");
    let digest = write_index(&dir, tag, &desc, bytes);
    OciImage { dir, tag: tag.into(), digest, children }
}

/// Writes layers, config and manifest; returns the manifest's descriptor and bytes.
fn image_manifest(dir: &Path, seed: &str, layers: usize, arch: &str) -> (Value, Vec<u8>) {
    let mut layer_descs = Vec::new();
    let mut diff_ids = Vec::new();
    for i in 0..layers {
        let mut builder = tar::Builder::new(Vec::new());
        let content = format!("layer {i} of {seed}\n").repeat(200 + i * 50);
        let mut header = tar::Header::new_gnu();
        header.set_size(content.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, format!("app/file-{i}.txt"), content.as_bytes()).unwrap();
        let bytes = builder.into_inner().unwrap();
        let mut desc = put_blob(dir, &bytes);
        diff_ids.push(desc["digest"].clone());
        desc["mediaType"] = json!("application/vnd.oci.image.layer.v1.tar");
        layer_descs.push(desc);
    }
    let config = json!({"architecture": arch, "os": "linux", "config": {"Labels": {"seed": seed}},
                        "rootfs": {"type": "layers", "diff_ids": diff_ids}});
    let mut config_desc = put_blob(dir, &serde_json::to_vec(&config).unwrap());
    config_desc["mediaType"] = json!("application/vnd.oci.image.config.v1+json");
    let manifest = json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                          "config": config_desc, "layers": layer_descs});
    // Pretty-printed, as several build tools write them: a copy that
    // re-serialises would change these bytes, and so the digest.
    let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
    let mut desc = put_blob(dir, &bytes);
    desc["mediaType"] = json!("application/vnd.oci.image.manifest.v1+json");
    (desc, bytes)
}

pub fn put_blob(dir: &Path, bytes: &[u8]) -> Value {
    let hex = hex::encode(Sha256::digest(bytes));
    let blobs = dir.join("blobs/sha256");
    std::fs::create_dir_all(&blobs).unwrap();
    std::fs::write(blobs.join(&hex), bytes).unwrap();
    json!({"digest": format!("sha256:{hex}"), "size": bytes.len()})
}

fn write_index(dir: &Path, tag: &str, root: &Value, _root_bytes: Vec<u8>) -> String {
    let mut desc = root.clone();
    desc["annotations"] = json!({"org.opencontainers.image.ref.name": tag});
    std::fs::write(dir.join("oci-layout"), r#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
    std::fs::write(
        dir.join("index.json"),
        serde_json::to_vec(&json!({"schemaVersion": 2, "manifests": [desc]})).unwrap(),
    )
    .unwrap();
    root["digest"].as_str().unwrap().to_owned()
}

/// Writes, in `dir`, a manifest that refers to `subject` (a signature or an
/// attestation, as cosign and notation make them) and returns its descriptor.
pub fn referrer(dir: &Path, subject: &OciImage, artifact_type: &str, payload: &str) -> Value {
    let subject_size = std::fs::metadata(subject.dir.join("blobs/sha256").join(&subject.digest[7..])).unwrap().len();
    let mut config = put_blob(dir, b"{}");
    config["mediaType"] = json!("application/vnd.oci.empty.v1+json");
    let mut layer = put_blob(dir, payload.as_bytes());
    layer["mediaType"] = json!("application/vnd.dev.sigstore.bundle.v0.3+json");
    let manifest = json!({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "artifactType": artifact_type,
        "config": config, "layers": [layer],
        "subject": {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": subject.digest, "size": subject_size},
    });
    let mut desc = put_blob(dir, &serde_json::to_vec_pretty(&manifest).unwrap());
    desc["mediaType"] = json!("application/vnd.oci.image.manifest.v1+json");
    desc["artifactType"] = json!(artifact_type);
    desc
}

/// Writes an OCI layout in `dir` whose index.json names each `(tag, descriptor)`.
pub fn layout_index(dir: &Path, refs: &[(&str, &Value)]) {
    let manifests: Vec<Value> = refs
        .iter()
        .map(|(tag, d)| {
            let mut d = (*d).clone();
            d["annotations"] = json!({"org.opencontainers.image.ref.name": tag});
            d
        })
        .collect();
    std::fs::write(dir.join("oci-layout"), r#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
    std::fs::write(
        dir.join("index.json"),
        serde_json::to_vec(&json!({"schemaVersion": 2, "manifests": manifests})).unwrap(),
    )
    .unwrap();
}

/// An image of `layers` layers of `layer_bytes` each, of incompressible
/// pseudo-random bytes, written straight to the blob files (for benchmarks).
#[allow(dead_code, reason = "benches/registry.rs uses it; the tests share this module")]
pub fn sized(parent: &Path, tag: &str, seed: &str, layers: usize, layer_bytes: usize) -> OciImage {
    use std::io::Write;
    let dir = parent.join(format!("{tag}-{seed}"));
    let blobs = dir.join("blobs/sha256");
    std::fs::create_dir_all(&blobs).unwrap();
    let mut state: u64 = seed.bytes().fold(0x9e37_79b9_7f4a_7c15, |s, b| s.rotate_left(5) ^ u64::from(b));
    let mut layer_descs = Vec::new();
    let mut buf = vec![0u8; 1 << 20];
    for _ in 0..layers {
        let tmp = blobs.join("layer.tmp");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
        let mut hasher = Sha256::new();
        let mut left = layer_bytes;
        while left > 0 {
            for chunk in buf.chunks_mut(8) {
                // xorshift64*: fast, and no compressor or dedup finds a pattern in it.
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                let v = state.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes();
                chunk.copy_from_slice(&v[..chunk.len()]);
            }
            let n = left.min(buf.len());
            hasher.update(&buf[..n]);
            file.write_all(&buf[..n]).unwrap();
            left -= n;
        }
        file.flush().unwrap();
        let hex = hex::encode(hasher.finalize());
        std::fs::rename(&tmp, blobs.join(&hex)).unwrap();
        layer_descs.push(json!({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": format!("sha256:{hex}"), "size": layer_bytes}));
    }
    let diff_ids: Vec<Value> = layer_descs.iter().map(|d| d["digest"].clone()).collect();
    let config = json!({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": diff_ids}});
    let mut config_desc = put_blob(&dir, &serde_json::to_vec(&config).unwrap());
    config_desc["mediaType"] = json!("application/vnd.oci.image.config.v1+json");
    let manifest = json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": config_desc, "layers": layer_descs});
    let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
    let mut desc = put_blob(&dir, &bytes);
    desc["mediaType"] = json!("application/vnd.oci.image.manifest.v1+json");
    let digest = write_index(&dir, tag, &desc, bytes);
    OciImage { dir, tag: tag.into(), digest, children: Vec::new() }
}
