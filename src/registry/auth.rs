//! The distribution auth handshake: read the `WWW-Authenticate` challenge of a
//! 401, answer it with Basic or with a Bearer token fetched for the exact
//! scopes the request needs, and remember what worked so that later requests
//! skip the 401 round trip. Tokens are cached per scope set.

use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};

use serde::Deserialize;

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

/// What a registry asked for in its 401.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Challenge {
    Basic,
    Bearer { realm: String, service: Option<String> },
}

impl Challenge {
    /// Parses `Bearer realm="...",service="...",scope="..."` or `Basic realm="..."`.
    pub fn parse(header: &str) -> Option<Challenge> {
        let (scheme, params) = header.trim().split_once(' ').unwrap_or((header.trim(), ""));
        if scheme.eq_ignore_ascii_case("basic") {
            return Some(Challenge::Basic);
        }
        if !scheme.eq_ignore_ascii_case("bearer") {
            return None;
        }
        let params = parse_params(params);
        Some(Challenge::Bearer { realm: params.get("realm")?.clone(), service: params.get("service").cloned() })
    }
}

/// Splits `k="v",k2=v2` honouring quotes (scopes hold commas: `pull,push`).
fn parse_params(s: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq].trim().trim_start_matches(',').trim().to_ascii_lowercase();
        rest = &rest[eq + 1..];
        let value;
        if let Some(stripped) = rest.strip_prefix('"') {
            let end = stripped.find('"').unwrap_or(stripped.len());
            value = stripped[..end].to_owned();
            rest = stripped.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_owned();
            rest = &rest[end..];
        }
        rest = rest.trim_start_matches([',', ' ']);
        out.insert(key, value);
    }
    out
}

/// The token endpoint's answer; registries use either field name.
#[derive(Deserialize)]
pub struct TokenResponse {
    pub token: Option<String>,
    pub access_token: Option<String>,
    pub expires_in: Option<u64>,
}

/// What the client has learned about a registry's auth, shared by its requests.
#[derive(Default)]
pub struct AuthState {
    pub challenge: Option<Challenge>,
    tokens: HashMap<String, (Secret, Instant)>,
}

impl AuthState {
    pub fn token_for(&self, scopes: &[String]) -> Option<Secret> {
        let (token, expires) = self.tokens.get(&scope_key(scopes))?;
        (Instant::now() < *expires).then(|| token.clone())
    }

    pub fn remember_token(&mut self, scopes: &[String], token: Secret, expires_in: Option<u64>) {
        // Renew a little early so a long copy never sends an expired token.
        let life = Duration::from_secs(expires_in.unwrap_or(60).max(30)) - Duration::from_secs(10);
        self.tokens.insert(scope_key(scopes), (token, Instant::now() + life));
    }
}

fn scope_key(scopes: &[String]) -> String {
    let mut s = scopes.to_vec();
    s.sort();
    s.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_challenges_keep_quoted_commas() {
        let c = Challenge::parse(
            r#"Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull,push""#,
        );
        assert_eq!(
            c,
            Some(Challenge::Bearer { realm: "https://auth.example/token".into(), service: Some("reg".into()) })
        );
        assert_eq!(Challenge::parse(r#"Basic realm="Registry Realm""#), Some(Challenge::Basic));
        assert_eq!(Challenge::parse("Negotiate"), None);
    }

    #[test]
    fn secrets_do_not_print() {
        let c = Credentials { username: "ci".into(), secret: Secret::new("hunter2") };
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
