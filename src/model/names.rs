//! What a name of a registry, workflow, integration, bucket or tag may be.
//! Names end up in registry paths and tags, so the rules follow the OCI
//! distribution spec's grammar where they meet it.

use super::InvalidInput;

/// Names of things the user creates: letters, digits, `-`, `_`, `.`; they
/// start with a letter or digit; at most 63 characters. Names keep the case
/// they are given (Facets spells its release streams `QA`, `PRODUCTION`) and
/// are unique whatever their case; where a name becomes a repository path,
/// which the distribution spec keeps lower case, the path is lowered
/// (`Layout::bucket_repository`).
pub fn validate_name(what: &str, name: &str) -> Result<(), InvalidInput> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(InvalidInput(format!(
            "invalid {what} name {name:?}: use letters, digits, '-', '_' or '.', starting with a letter or digit (at most 63)"
        )))
    }
}

/// A user's name: a name as above, or an email address, which is how
/// Facets' clients sign in. Never a `:`, which ends the name in HTTP Basic.
pub fn validate_user_name(name: &str) -> Result<(), InvalidInput> {
    let name_chars = |s: &str, extra: &[u8]| {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b) || extra.contains(&b))
    };
    // Dots separate parts: none at either end, never two together; a domain label neither
    // starts nor ends with '-'.
    let dotted = |s: &str| !s.starts_with('.') && !s.ends_with('.') && !s.contains("..");
    let ok = match name.split_once('@') {
        None => validate_name("user", name).is_ok(),
        Some((local, domain)) => {
            name.len() <= 254
                && local.len() <= 64
                && name_chars(local, b"+%")
                && dotted(local)
                && domain.contains('.')
                && dotted(domain)
                && domain.split('.').all(|label| {
                    name_chars(label, b"") && !label.contains('_') && !label.starts_with('-') && !label.ends_with('-')
                })
        }
    };
    if ok {
        Ok(())
    } else {
        Err(InvalidInput(format!(
            "invalid user name {name:?}: use an email address (release.bot@example.com) or letters, digits, '-', '_' or '.'"
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
        assert!(validate_name("stream", "PRODUCTION").is_ok());
        assert!(validate_name("bucket", "-qa").is_err());
        assert!(validate_name("bucket", "").is_err());
        assert!(validate_name("bucket", "a/b").is_err());
    }

    #[test]
    fn users_are_names_or_email_addresses() {
        for ok in ["ada", "release.bot@example.com", "Ada.Lovelace+ci@corp.example.co.uk"] {
            assert!(validate_user_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "a:b@example.com",
            "bot@localhost",
            "@example.com",
            "bot@ex_ample.com",
            "bot@@example.com",
            "",
            ".a..b@x.com",
            "a.@x.com",
            "a@-x.com",
            "a@x-.com",
            "a@x..com",
        ] {
            assert!(validate_user_name(bad).is_err(), "{bad}");
        }
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
