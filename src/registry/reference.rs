//! Image references as Docker users type them, normalised the way Docker does:
//! `alpine` is `docker.io/library/alpine:latest`; a first component with a `.`
//! or `:`, or `localhost`, is a registry host.

use std::fmt;
use std::str::FromStr;

use crate::model::{Digest, validate_tag};

use super::RegistryError;

pub const DOCKER_HUB: &str = "docker.io";
/// Where Docker Hub's API actually answers.
const DOCKER_HUB_API: &str = "registry-1.docker.io";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `host[:port]`, normalised (`docker.io` for Docker Hub).
    pub registry: String,
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
}

impl Reference {
    /// What to ask the registry for: the digest when pinned, else the tag.
    pub fn manifest_ref(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => "latest".to_owned(),
        }
    }

    /// The host the distribution API answers on.
    pub fn api_host(&self) -> &str {
        if self.registry == DOCKER_HUB { DOCKER_HUB_API } else { &self.registry }
    }
}

impl FromStr for Reference {
    type Err = RegistryError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let bad = |why: &str| {
            RegistryError::InvalidReference(format!(
                "invalid image reference {input:?}: {why} (expected [host[:port]/]repository[:tag][@sha256:digest])"
            ))
        };
        if input.is_empty() || input.chars().any(char::is_whitespace) {
            return Err(bad("it is empty or has white space"));
        }
        let (rest, digest) = match input.split_once('@') {
            Some((rest, d)) => (rest, Some(d.parse::<Digest>().map_err(|e| bad(&e.0))?)),
            None => (input, None),
        };
        let (registry, path) = match rest.split_once('/') {
            Some((first, path)) if first.contains(['.', ':']) || first == "localhost" => {
                (first.to_owned(), path.to_owned())
            }
            _ => (DOCKER_HUB.to_owned(), rest.to_owned()),
        };
        let registry = if registry == "index.docker.io" { DOCKER_HUB.to_owned() } else { registry };
        // A tag is after the last ':' of the last path component (a port is never there).
        let last_slash = path.rfind('/').map_or(0, |i| i + 1);
        let (repository, tag) = match path[last_slash..].rfind(':') {
            Some(i) => (path[..last_slash + i].to_owned(), Some(path[last_slash + i + 1..].to_owned())),
            None => (path, None),
        };
        if let Some(tag) = &tag {
            validate_tag(tag).map_err(|e| bad(&e.0))?;
        }
        let repository = if registry == DOCKER_HUB && !repository.contains('/') {
            format!("library/{repository}")
        } else {
            repository
        };
        validate_repository(&repository).map_err(|why| bad(&why))?;
        let tag = if tag.is_none() && digest.is_none() { Some("latest".to_owned()) } else { tag };
        Ok(Reference { registry, repository, tag, digest })
    }
}

pub use crate::model::validate_repository;

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.registry, self.repository)?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Reference {
        s.parse().unwrap()
    }

    #[test]
    fn docker_hub_short_names_are_normalised() {
        let r = parse("alpine");
        assert_eq!(
            (r.registry.as_str(), r.repository.as_str(), r.tag.as_deref()),
            ("docker.io", "library/alpine", Some("latest"))
        );
        assert_eq!(r.api_host(), "registry-1.docker.io");
        assert_eq!(parse("bitnami/redis:7").repository, "bitnami/redis");
        assert_eq!(parse("index.docker.io/library/alpine").registry, "docker.io");
    }

    #[test]
    fn hosts_ports_tags_and_digests_are_told_apart() {
        let d = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let r = parse(&format!("127.0.0.1:5000/team/app:v1@{d}"));
        assert_eq!(r.registry, "127.0.0.1:5000");
        assert_eq!(r.repository, "team/app");
        assert_eq!(r.tag.as_deref(), Some("v1"));
        assert_eq!(r.manifest_ref(), d);
        let r = parse(&format!("localhost/app@{d}"));
        assert_eq!((r.registry.as_str(), r.tag), ("localhost", None));
        assert_eq!(parse("localhost:5000/app").tag.as_deref(), Some("latest"));
    }

    #[test]
    fn malformed_references_are_refused() {
        for bad in ["", "UPPER/case", "app:", "app@sha256:123", "a b", "host:5000/app:t:t", "app//x"] {
            assert!(bad.parse::<Reference>().is_err(), "{bad} parsed");
        }
    }
}
