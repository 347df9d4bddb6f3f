//! Signatures, attestations and SBOMs attached to an image follow it: the
//! OCI referrers API (`GET /v2/<name>/referrers/<digest>`, the client's
//! `referrers` verb, here), its fallback tag
//! (`sha256-<hex>`, an index of referrers) for registries without the API,
//! and cosign's tags (`sha256-<hex>.sig`, `.att`, `.sbom`). Each referrer is
//! copied with its blobs; where the destination lacks the API, its fallback
//! tag is written with the referrers merged into what it already lists.

use std::sync::Arc;

use bytes::Bytes;
use serde_json::{Value, json};

use reqwest::header::{ACCEPT, CONTENT_TYPE};

use super::copy::{Copy, Progress};
use super::manifest::{Descriptor, OCI_INDEX};
use super::source::RegistrySource;
use super::transport::{header, pull};
use super::{Manifest, Reference, RegistryClient, RegistryError};
use crate::model::Digest;

/// Tags cosign keeps beside an image.
const COSIGN_SUFFIXES: &[&str] = &[".sig", ".att", ".sbom"];

impl RegistryClient {
    /// `GET /v2/<name>/referrers/<digest>`: what refers to `digest`, or None
    /// when the registry has no referrers API.
    pub async fn referrers(&self, repo: &str, digest: &Digest) -> Result<Option<Vec<Descriptor>>, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/referrers/{digest}"));
        let resp = t.send(&[pull(repo)], "list referrers", || t.http.get(&url).header(ACCEPT, OCI_INDEX)).await?;
        let is_index = header(&resp, CONTENT_TYPE.as_str()).is_some_and(|t| t.starts_with(OCI_INDEX));
        if !resp.status().is_success() || !is_index {
            // 404 (and a few registries' 400 or 405) mean the API is not there.
            return Ok(None);
        }
        let doc: Value = resp.json().await.map_err(|e| t.transport_error(e))?;
        let listed = doc["manifests"].as_array().cloned().unwrap_or_default();
        Ok(Some(listed.into_iter().filter_map(Descriptor::from_value).collect()))
    }
}

#[derive(Debug, Default, serde::Serialize)]
pub struct ReferrersReport {
    /// Referrers copied by digest (API or fallback index).
    pub referrers: usize,
    /// cosign tags copied.
    pub cosign_tags: usize,
}

pub struct ReferrerCopy<'a> {
    /// Where the referrers are read, and where they are written: one client, or two registries.
    pub from: &'a Arc<RegistryClient>,
    pub to: &'a Arc<RegistryClient>,
    pub from_repo: &'a str,
    pub to_repo: &'a str,
    pub concurrency: usize,
    pub progress: Arc<dyn Progress>,
}

impl ReferrerCopy<'_> {
    /// Copies everything that refers to `subject` from one repository to the other.
    pub async fn of(&self, subject: &Digest) -> Result<ReferrersReport, RegistryError> {
        let mut report = ReferrersReport::default();
        if self.from.host() == self.to.host() && self.from_repo == self.to_repo {
            return Ok(report);
        }
        let fallback_tag = format!("sha256-{}", subject.hex());
        // One tag listing tells which of the fallback and cosign tags exist, rather than a HEAD
        // for each; registries that page the list are asked tag by tag.
        let (api, tags) =
            tokio::try_join!(self.from.referrers(self.from_repo, subject), self.from.tags(self.from_repo))?;
        let listed = match api {
            Some(listed) => listed,
            None if self.has_tag(&tags, &fallback_tag).await? => {
                descriptors_of(&self.from.get_manifest(self.from_repo, &fallback_tag).await?)
            }
            None => Vec::new(),
        };
        for d in &listed {
            let m = self.from.get_manifest(self.from_repo, d.digest.as_str()).await?;
            self.copy_one(&m).await?;
            self.to.put_manifest(self.to_repo, d.digest.as_str(), &m).await?;
            report.referrers += 1;
        }
        if !listed.is_empty() && self.to.referrers(self.to_repo, subject).await?.is_none() {
            self.merge_fallback_tag(&fallback_tag, &listed).await?;
        }
        for suffix in COSIGN_SUFFIXES {
            let tag = format!("{fallback_tag}{suffix}");
            if !self.has_tag(&tags, &tag).await? {
                continue;
            }
            let m = self.from.get_manifest(self.from_repo, &tag).await?;
            self.copy_one(&m).await?;
            self.to.put_manifest(self.to_repo, &tag, &m).await?;
            report.cosign_tags += 1;
        }
        Ok(report)
    }

    /// Whether `tag` is in the source repository: from the listing when there is one.
    async fn has_tag(
        &self,
        listing: &Option<std::collections::HashSet<String>>,
        tag: &str,
    ) -> Result<bool, RegistryError> {
        match listing {
            Some(tags) => Ok(tags.contains(tag)),
            None => Ok(self.from.head_manifest(self.from_repo, tag).await?.is_some()),
        }
    }

    async fn copy_one(&self, manifest: &Manifest) -> Result<(), RegistryError> {
        let reference: Reference = format!("{}/{}@{}", self.from.host(), self.from_repo, manifest.digest).parse()?;
        let source = RegistrySource { client: self.from.clone(), reference };
        let copy = Copy {
            source: &source,
            dest: self.to,
            dest_repo: self.to_repo,
            concurrency: self.concurrency,
            progress: self.progress.clone(),
        };
        copy.content_of(manifest).await.map(|_| ())
    }

    /// The destination's fallback index, with `listed` added to what it had.
    async fn merge_fallback_tag(&self, tag: &str, listed: &[Descriptor]) -> Result<(), RegistryError> {
        let mut entries: Vec<Value> = match self.to.head_manifest(self.to_repo, tag).await? {
            Some(_) => {
                let existing = self.to.get_manifest(self.to_repo, tag).await?;
                let doc: Value = serde_json::from_slice(&existing.bytes).unwrap_or_default();
                doc["manifests"].as_array().cloned().unwrap_or_default()
            }
            None => Vec::new(),
        };
        for d in listed {
            if !entries.iter().any(|e| e["digest"] == d.digest.as_str()) {
                entries.push(d.raw.clone());
            }
        }
        let index = json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": entries});
        let bytes = Bytes::from(serde_json::to_vec(&index).expect("JSON values serialise"));
        let manifest = Manifest::from_bytes(bytes, Some(OCI_INDEX)).map_err(RegistryError::Source)?;
        self.to.put_manifest(self.to_repo, tag, &manifest).await
    }
}

/// What refers to a digest in one repository, as a page lists it: each referrer's kind (its
/// artifact type, or the cosign tag's suffix) and digest.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Found {
    pub kind: String,
    pub digest: Digest,
}

/// Lists what refers to `subject` in `repo`: the referrers API, else the fallback tag, and
/// cosign's `.sig`, `.att` and `.sbom` tags.
pub async fn list(client: &RegistryClient, repo: &str, subject: &Digest) -> Result<Vec<Found>, RegistryError> {
    let fallback_tag = format!("sha256-{}", subject.hex());
    let listed = match client.referrers(repo, subject).await? {
        Some(listed) => listed,
        None if client.head_manifest(repo, &fallback_tag).await?.is_some() => {
            descriptors_of(&client.get_manifest(repo, &fallback_tag).await?)
        }
        None => Vec::new(),
    };
    let mut found: Vec<Found> = listed
        .into_iter()
        .map(|d| Found {
            kind: d.raw["artifactType"].as_str().unwrap_or(d.media_type.as_str()).to_owned(),
            digest: d.digest,
        })
        .collect();
    for suffix in COSIGN_SUFFIXES {
        if let Some(head) = client.head_manifest(repo, &format!("{fallback_tag}{suffix}")).await? {
            found.push(Found { kind: format!("cosign {suffix}"), digest: head.digest });
        }
    }
    Ok(found)
}

fn descriptors_of(index: &Manifest) -> Vec<Descriptor> {
    let doc: Value = serde_json::from_slice(&index.bytes).unwrap_or_default();
    doc["manifests"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| Descriptor::from_value(v.clone())).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::client::stub_client;
    use crate::registry::transport::stub::{Reply, Stub};

    #[tokio::test]
    async fn the_referrers_api_lists_descriptors_and_its_absence_is_none() {
        let subject = Digest::of(b"image");
        let sig = Digest::of(b"signature");
        let listing = format!(
            r#"{{"schemaVersion":2,"mediaType":"{OCI_INDEX}","manifests":[{{"mediaType":"m","digest":"{sig}","size":9,"artifactType":"sig"}}]}}"#
        );
        let stub = Stub::start(move |req| match req.path.starts_with("/v2/has/") {
            true => Reply::status(200).header("content-type", OCI_INDEX).body(listing.as_bytes()),
            // Some registries answer an unknown route with their UI's HTML.
            false => Reply::status(200).header("content-type", "text/html").body(b"<html></html>"),
        })
        .await;
        let client = stub_client(&stub, None);
        let listed = client.referrers("has", &subject).await.unwrap().unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].digest, sig);
        assert_eq!(listed[0].raw["artifactType"], "sig");
        assert!(client.referrers("lacks", &subject).await.unwrap().is_none());
        assert_eq!(stub.requests()[0].path, format!("/v2/has/referrers/{subject}"));
    }
}
