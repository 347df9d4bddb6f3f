//! What a name of a registry, workflow, integration, bucket or tag may be.
//! Names end up in registry paths and tags, so the rules follow the OCI
//! distribution spec's grammar where they meet it.

use super::InvalidInput;

/// Names of things the user creates: lowercase letters, digits, `-`, `_`, `.`;
/// they start with a letter or digit; at most 63 characters. Buckets are
/// names too, and end up as path components of repositories.
pub fn validate_name(what: &str, name: &str) -> Result<(), InvalidInput> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(InvalidInput(format!(
            "invalid {what} name {name:?}: use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit (at most 63)"
        )))
    }
}

/// Tags as the distribution spec allows them: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`.
pub fn validate_tag(tag: &str) -> Result<(), InvalidInput> {
    let ok = !tag.is_empty()
        && tag.len() <= 128
        && (tag.as_bytes()[0].is_ascii_alphanumeric() || tag.as_bytes()[0] == b'_')
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(InvalidInput(format!(
            "invalid tag {tag:?}: use letters, digits, '.', '_' or '-', starting with a letter, digit or '_' (at most 128)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_registry_path_rules() {
        assert!(validate_name("bucket", "staging").is_ok());
        assert!(validate_name("bucket", "prod-eu.1").is_ok());
        assert!(validate_name("bucket", "Staging").is_err());
        assert!(validate_name("bucket", "-qa").is_err());
        assert!(validate_name("bucket", "").is_err());
        assert!(validate_name("bucket", "a/b").is_err());
    }

    #[test]
    fn tags_follow_the_distribution_grammar() {
        assert!(validate_tag("build-101").is_ok());
        assert!(validate_tag("_x").is_ok());
        assert!(validate_tag(".x").is_err());
        assert!(validate_tag("a:b").is_err());
        assert!(validate_tag(&"a".repeat(129)).is_err());
    }
}
