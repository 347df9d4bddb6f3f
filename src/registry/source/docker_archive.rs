//! A `docker save` tarball as a push source, in both of its forms: the
//! legacy one (`manifest.json`, `<id>/layer.tar`, `<id>.json` config) and the
//! OCI one Docker 25+ writes (an OCI layout inside the tar, beside
//! `manifest.json`). Members are read in place from the tar, never extracted.
//!
//! The legacy form has no manifest: one is made, an OCI image manifest whose
//! layers are the uncompressed layer tars, named by the config's `diff_ids`.
//! The same archive therefore always gives the same digest. The OCI form
//! carries its manifest, whose bytes are used as they are.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use bytes::Bytes;
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio_util::io::ReaderStream;

use super::ImageSource;
use crate::model::Digest;
use crate::registry::blobs::BlobStream;
use crate::registry::manifest::{Contents, OCI_MANIFEST};
use crate::registry::{Manifest, RegistryError};

pub struct DockerArchive {
    path: PathBuf,
    /// Where each member's bytes are in the file.
    members: HashMap<String, (u64, u64)>,
    /// Blobs by digest: which member holds them.
    blobs: HashMap<Digest, String>,
    root: Manifest,
    tag: Option<String>,
    label: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SavedImage {
    config: String,
    #[serde(default)]
    repo_tags: Vec<String>,
    layers: Vec<String>,
}

#[derive(Deserialize)]
struct Rootfs {
    diff_ids: Vec<Digest>,
}

#[derive(Deserialize)]
struct Config {
    rootfs: Rootfs,
}

impl DockerArchive {
    /// Opens `path` and picks the image `reference` names (one of its
    /// `RepoTags`), or the only image when none is named.
    pub fn open(path: &Path, reference: Option<&str>, label: String) -> Result<DockerArchive, RegistryError> {
        let fail = |why: String| {
            RegistryError::Source(format!("cannot use {} as a docker save archive: {why}", path.display()))
        };
        let mut file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
        let mut magic = [0u8; 2];
        if file.read_exact(&mut magic).is_ok() && magic == [0x1f, 0x8b] {
            return Err(fail(
                "it is gzip-compressed; decompress it first (gunzip), as `docker load` output is a plain tar".into(),
            ));
        }
        file.seek(SeekFrom::Start(0)).map_err(|e| fail(e.to_string()))?;
        let members = index_members(file).map_err(|e| fail(format!("not a tar archive: {e}")))?;
        let mut archive = DockerArchive {
            path: path.to_owned(),
            members,
            blobs: HashMap::new(),
            root: Manifest::from_bytes(Bytes::from_static(b"{}"), Some(OCI_MANIFEST)).expect("an empty object parses"),
            tag: None,
            label,
        };
        let saved: Vec<SavedImage> = serde_json::from_slice(
            &archive
                .read_member("manifest.json")
                .map_err(|_| fail("it has no manifest.json; is it `docker save` output?".into()))?,
        )
        .map_err(|e| fail(format!("manifest.json: {e}")))?;
        let image = match reference {
            Some(r) => saved
                .iter()
                .find(|i| i.repo_tags.iter().any(|t| t == r || normalise(t) == normalise(r)))
                .ok_or_else(|| {
                    RegistryError::SourceMissing(format!(
                        "{}: no image is tagged {r} (tags here: {})",
                        path.display(),
                        all_tags(&saved)
                    ))
                })?,
            None => match saved.as_slice() {
                [only] => only,
                [] => return Err(fail("manifest.json lists no image".into())),
                _ => {
                    return Err(fail(format!(
                        "it holds several images; name one as docker-archive:FILE:NAME:TAG ({})",
                        all_tags(&saved)
                    )));
                }
            },
        };
        archive.tag = reference
            .or_else(|| image.repo_tags.first().map(String::as_str))
            .and_then(|r| r.rsplit_once(':').map(|(_, t)| t.to_owned()))
            .filter(|t| crate::model::validate_tag(t).is_ok());
        let config_bytes =
            archive.read_member(&image.config).map_err(|e| fail(format!("config {}: {e}", image.config)))?;
        let config_digest = Digest::of(&config_bytes);
        archive.root = if archive.members.contains_key("index.json") {
            archive.oci_root(&config_digest).map_err(fail)?
        } else {
            archive.legacy_root(image, &config_bytes, config_digest).map_err(fail)?
        };
        Ok(archive)
    }

    /// The OCI form: the manifest in `blobs/` whose config is the image's.
    fn oci_root(&mut self, config: &Digest) -> Result<Manifest, String> {
        for (name, _) in self.members.clone() {
            if let Some(hex) = name.strip_prefix("blobs/sha256/")
                && let Ok(digest) = format!("sha256:{hex}").parse::<Digest>()
            {
                self.blobs.insert(digest, name);
            }
        }
        for (digest, member) in self.blobs.clone() {
            // Manifests are small; layers are never read here.
            if self.member(&member).map_err(|e| e.to_string())?.1 > 4 * 1024 * 1024 {
                continue;
            }
            let bytes = self.read_member(&member).map_err(|e| e.to_string())?;
            if !bytes.starts_with(b"{") {
                continue;
            }
            let Ok(m) = Manifest::from_bytes(Bytes::from(bytes), None) else {
                continue;
            };
            if m.digest != digest || m.is_index() {
                continue;
            }
            if let Ok(Contents::Image(blobs)) = m.contents()
                && blobs.first().map(|c| &c.digest) == Some(config)
                && serde_json::from_slice::<serde_json::Value>(&m.bytes).is_ok_and(|v| v.get("layers").is_some())
            {
                return Ok(m);
            }
        }
        Err(format!("no manifest in blobs/ has config {config}"))
    }

    /// The legacy form: a manifest made from the config and layer tars.
    fn legacy_root(
        &mut self,
        image: &SavedImage,
        config_bytes: &[u8],
        config_digest: Digest,
    ) -> Result<Manifest, String> {
        let config: Config = serde_json::from_slice(config_bytes).map_err(|e| format!("config: {e}"))?;
        if config.rootfs.diff_ids.len() != image.layers.len() {
            return Err(format!(
                "the config names {} layers, manifest.json {}",
                config.rootfs.diff_ids.len(),
                image.layers.len()
            ));
        }
        self.blobs.insert(config_digest.clone(), image.config.clone());
        let mut layers = Vec::new();
        for (member, digest) in image.layers.iter().zip(&config.rootfs.diff_ids) {
            let (_, size) = self.member(member).map_err(|e| e.to_string())?;
            layers.push(serde_json::json!({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest, "size": size}));
            self.blobs.insert(digest.clone(), member.clone());
        }
        let manifest = serde_json::json!({
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_bytes.len()},
            "layers": layers,
        });
        Manifest::from_bytes(
            Bytes::from(serde_json::to_vec(&manifest).expect("JSON values serialise")),
            Some(OCI_MANIFEST),
        )
    }

    /// A member's offset and size; symbolic links (legacy archives share layers that way) are followed.
    fn member(&self, name: &str) -> std::io::Result<(u64, u64)> {
        self.members
            .get(name.trim_start_matches("./"))
            .copied()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, format!("no member {name}")))
    }

    fn read_member(&self, name: &str) -> std::io::Result<Vec<u8>> {
        let (offset, size) = self.member(name)?;
        let mut file = std::fs::File::open(&self.path)?;
        file.seek(SeekFrom::Start(offset))?;
        let mut out = vec![0; size as usize];
        file.read_exact(&mut out)?;
        Ok(out)
    }
}

/// Every regular file's name and place; links resolved to their targets' places.
fn index_members(file: std::fs::File) -> std::io::Result<HashMap<String, (u64, u64)>> {
    let mut archive = tar::Archive::new(file);
    let mut members = HashMap::new();
    let mut links = Vec::new();
    for entry in archive.entries()? {
        let entry = entry?;
        let name = entry.path()?.to_string_lossy().trim_start_matches("./").to_owned();
        match entry.header().entry_type() {
            tar::EntryType::Regular | tar::EntryType::Continuous => {
                members.insert(name, (entry.raw_file_position(), entry.size()));
            }
            tar::EntryType::Symlink | tar::EntryType::Link => {
                if let Some(target) = entry.link_name()? {
                    links.push((name, entry.header().entry_type(), target.to_string_lossy().into_owned()));
                }
            }
            _ => {}
        }
    }
    for (name, kind, target) in links {
        let resolved = if kind == tar::EntryType::Symlink {
            let dir = Path::new(&name).parent().unwrap_or(Path::new(""));
            normalise_path(&dir.join(&target))
        } else {
            target.trim_start_matches("./").to_owned()
        };
        if let Some(place) = members.get(&resolved).copied() {
            members.insert(name, place);
        }
    }
    Ok(members)
}

fn normalise_path(p: &Path) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_str().unwrap_or("")),
            _ => {}
        }
    }
    parts.join("/")
}

/// `app:1` and `docker.io/library/app:1` name the same image.
fn normalise(reference: &str) -> String {
    reference.parse::<crate::registry::Reference>().map(|r| r.to_string()).unwrap_or_else(|_| reference.to_owned())
}

fn all_tags(saved: &[SavedImage]) -> String {
    let tags: Vec<&str> = saved.iter().flat_map(|i| i.repo_tags.iter().map(String::as_str)).collect();
    if tags.is_empty() { "none".into() } else { tags.join(", ") }
}

#[async_trait]
impl ImageSource for DockerArchive {
    fn describe(&self) -> String {
        self.label.clone()
    }

    fn tag(&self) -> Option<String> {
        self.tag.clone()
    }

    async fn root_manifest(&self) -> Result<Manifest, RegistryError> {
        Ok(self.root.clone())
    }

    async fn manifest(&self, digest: &Digest, media_type: &str) -> Result<Manifest, RegistryError> {
        let member = self.blobs.get(digest).ok_or_else(|| self.missing(digest))?;
        let bytes = self.read_member(member).map_err(|e| RegistryError::Source(format!("{}: {e}", self.label)))?;
        Manifest::from_bytes(Bytes::from(bytes), Some(media_type).filter(|m| !m.is_empty()))
            .map_err(|e| RegistryError::Source(format!("{}: {e}", self.label)))
    }

    async fn blob(&self, digest: &Digest) -> Result<BlobStream, RegistryError> {
        let member = self.blobs.get(digest).ok_or_else(|| self.missing(digest))?;
        let (offset, size) = self.member(member).map_err(|e| RegistryError::Source(format!("{}: {e}", self.label)))?;
        let io = |e: std::io::Error| RegistryError::Source(format!("{}: {e}", self.label));
        let mut file = tokio::fs::File::open(&self.path).await.map_err(io)?;
        file.seek(SeekFrom::Start(offset)).await.map_err(io)?;
        Ok(Box::pin(ReaderStream::with_capacity(file.take(size), 256 * 1024)))
    }

    fn mount_from(&self, _host: &str) -> Option<String> {
        None
    }
}

impl DockerArchive {
    fn missing(&self, digest: &Digest) -> RegistryError {
        RegistryError::Source(format!("{}: the archive holds no blob {digest}", self.label))
    }
}
