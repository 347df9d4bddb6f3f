//! The shape of what people set up, checked before anything is stored: a
//! registry's address, a repository path, a workflow's stages, a Docker Hub
//! integration's layout, and which hosts may be reached over plain HTTP.

use super::{InvalidInput, Layout, RuleBroken, validate_name};

/// A repository path as the distribution spec allows it: lowercase
/// components separated by `/`, each starting and ending alphanumeric.
pub fn validate_repository(repository: &str) -> Result<(), String> {
    if repository.is_empty() || repository.len() > 255 {
        return Err("the repository is empty or longer than 255 characters".into());
    }
    for component in repository.split('/') {
        let bytes = component.as_bytes();
        let ok = !bytes.is_empty()
            && bytes[0].is_ascii_alphanumeric()
            && bytes[bytes.len() - 1].is_ascii_alphanumeric()
            && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(b));
        if !ok {
            return Err(format!(
                "repository component {component:?} must be lowercase letters and digits, separated by '.', '_' or '-'"
            ));
        }
    }
    Ok(())
}

/// `host[:port][/prefix]`, nothing else: no scheme, no tag, no spaces.
pub fn validate_registry_uri(uri: &str) -> Result<(), InvalidInput> {
    let bad = || {
        InvalidInput(format!(
            "invalid registry URL {uri:?}: give host[:port][/prefix], e.g. 127.0.0.1:5000 or ghcr.io/my-org (no scheme)"
        ))
    };
    if uri.contains("://") || uri.is_empty() || uri.chars().any(char::is_whitespace) || uri.ends_with('/') {
        return Err(bad());
    }
    let (host, prefix) = uri.split_once('/').map_or((uri, None), |(h, p)| (h, Some(p)));
    let (name, port) = host.rsplit_once(':').map_or((host, None), |(n, p)| (n, Some(p)));
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
        return Err(bad());
    }
    if let Some(port) = port
        && port.parse::<u16>().is_err()
    {
        return Err(bad());
    }
    if let Some(prefix) = prefix {
        validate_repository(prefix).map_err(|why| InvalidInput(format!("invalid registry URL {uri:?}: {why}")))?;
    }
    Ok(())
}

/// Whether a registry address (`host[:port][/prefix]`) is this machine.
/// Plain HTTP leaks credentials and images on a network, so it is allowed,
/// and assumed, only there.
pub fn is_loopback_host(uri: &str) -> bool {
    let host = uri.split('/').next().unwrap_or("");
    let name = match host.strip_prefix('[') {
        // [v6] or [v6]:port
        Some(v6) => return v6.split(']').next() == Some("::1"),
        None => host.rsplit_once(':').map_or(host, |(n, _)| n),
    };
    name == "localhost" || name.starts_with("127.")
}

/// A workflow's stages: two or more bucket names, each once; gates among them.
pub fn check_stages(workflow: &str, stages: &[String], gates: &[super::Gate]) -> Result<(), InvalidInput> {
    if stages.len() < 2 {
        return Err(InvalidInput(format!(
            "workflow {workflow} needs at least two stages, in order (e.g. qa, staging, production)"
        )));
    }
    for (i, stage) in stages.iter().enumerate() {
        validate_name("stage", stage)?;
        if stages[..i].iter().any(|s| s.eq_ignore_ascii_case(stage)) {
            return Err(InvalidInput(format!(
                "stage {stage} appears twice in the stages (names are the same whatever their case); each stage comes once"
            )));
        }
    }
    for (i, gate) in gates.iter().enumerate() {
        if !stages.contains(&gate.stage) {
            return Err(InvalidInput(format!("gate {} is not one of the stages ({})", gate.stage, stages.join(", "))));
        }
        if stages.first() == Some(&gate.stage) {
            return Err(InvalidInput(format!("gate {}: nothing is promoted into the first stage", gate.stage)));
        }
        if gates[..i].iter().any(|g| g.stage == gate.stage) {
            return Err(InvalidInput(format!("stage {} is gated twice; give it one gate", gate.stage)));
        }
    }
    Ok(())
}

/// Docker Hub repositories are `namespace/name`, nothing deeper, and are not
/// made on push by a bucket's name.
pub fn check_docker_hub_layout(layout: Layout, repository: &str) -> Result<(), RuleBroken> {
    if layout == Layout::RepositoryPerBucket {
        return Err(RuleBroken::NoNestedRepositories { repository: repository.to_owned() });
    }
    if repository.split('/').count() != 2 {
        return Err(RuleBroken::NotNamespaceName { repository: repository.to_owned() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_urls_are_host_port_and_prefix_only() {
        assert_eq!(validate_registry_uri("127.0.0.1:5000"), Ok(()));
        assert_eq!(validate_registry_uri("ghcr.io/my-org"), Ok(()));
        for bad in ["https://ghcr.io", "host:99999", "host/Upper", "", "ghcr.io/", "a b"] {
            assert!(validate_registry_uri(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn plain_http_is_for_this_machine_only() {
        for here in ["127.0.0.1:5000/x", "localhost:1", "localhost", "[::1]:5000", "[::1]"] {
            assert!(is_loopback_host(here), "{here}");
        }
        for there in ["10.0.0.1:5000", "registry.example.com", "[::2]:5000", "localhost.example.com:5000"] {
            assert!(!is_loopback_host(there), "{there}");
        }
    }

    #[test]
    fn a_workflow_has_two_stages_or_more_each_once_and_gates_among_them() {
        let stages = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let gate = |s: &str| vec![super::super::Gate::parse(s).unwrap()];
        assert_eq!(check_stages("w", &stages(&["qa", "prod"]), &gate("prod:2")), Ok(()));
        assert!(check_stages("w", &stages(&["qa", "prod"]), &gate("qa")).is_err(), "nothing is promoted into qa");
        assert!(check_stages("w", &stages(&["qa"]), &[]).is_err());
        assert!(check_stages("w", &stages(&["qa", "qa"]), &[]).is_err());
        assert!(check_stages("w", &stages(&["qa", "prod"]), &gate("staging")).is_err());
        assert_eq!(check_stages("w", &stages(&["QA", "PRODUCTION"]), &[]), Ok(()), "names keep their case");
        assert!(check_stages("w", &stages(&["QA", "qa"]), &[]).is_err(), "names are the same whatever their case");
        assert!(check_stages("w", &stages(&["qa", "prod/eu"]), &[]).is_err(), "stages are names");
    }

    #[test]
    fn docker_hub_takes_namespace_name_and_tags_per_bucket() {
        assert_eq!(check_docker_hub_layout(Layout::TagPerBucket, "acme/payments"), Ok(()));
        assert!(matches!(
            check_docker_hub_layout(Layout::RepositoryPerBucket, "acme/payments"),
            Err(RuleBroken::NoNestedRepositories { .. })
        ));
        assert!(matches!(
            check_docker_hub_layout(Layout::TagPerBucket, "acme/team/payments"),
            Err(RuleBroken::NotNamespaceName { .. })
        ));
    }
}
