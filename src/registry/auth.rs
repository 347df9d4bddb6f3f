//! Credentials as facetctl holds them: a username and a secret that never
//! prints. Where they come from is `credentials/`; how they are answered to a
//! registry's challenge is `transport/challenge.rs`.

use std::fmt;

/// A username and a secret. Debug and Display never show the secret.
#[derive(Clone)]
pub struct Credentials {
    pub username: String,
    pub secret: Secret,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials({}, ***)", self.username)
    }
}

/// A password or token. Only `expose` gives the value, so every place that
/// reads it is easy to find.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_do_not_print() {
        let c = Credentials { username: "ci".into(), secret: Secret::new("hunter2") };
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
