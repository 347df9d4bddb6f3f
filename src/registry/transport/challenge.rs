//! The distribution auth handshake: read the `WWW-Authenticate` challenge of a
//! 401, answer it with Basic or with a Bearer token fetched for the exact
//! scopes the request needs, and remember what worked so that later requests
//! skip the 401 round trip. Tokens are cached per scope set.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use reqwest::header::AUTHORIZATION;
use reqwest::{RequestBuilder, StatusCode};
use serde::Deserialize;

use super::Transport;
use super::errors::transport_failure;
use crate::registry::credentials::docker_config::IDENTITY_TOKEN_USER;
use crate::registry::{RegistryError, Secret};

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

impl Transport {
    /// Adds what the last challenge asked for, when the client has it.
    pub(super) fn authorize(&self, request: RequestBuilder, scopes: &[String]) -> RequestBuilder {
        let state = self.auth.lock().expect("auth state lock");
        match &state.challenge {
            Some(Challenge::Basic) => match &self.credentials {
                Some(c) => request.basic_auth(&c.username, Some(c.secret.expose())),
                None => request,
            },
            Some(Challenge::Bearer { .. }) => match state.token_for(scopes) {
                Some(token) => request.header(AUTHORIZATION, format!("Bearer {}", token.expose())),
                None => request,
            },
            None => request,
        }
    }

    /// Answers a 401's challenge so that the next try carries what it asked
    /// for; an error when there is nothing to answer it with.
    pub(super) async fn answer(&self, challenge: Challenge, scopes: &[String]) -> Result<(), RegistryError> {
        if let Challenge::Bearer { realm, service } = &challenge {
            self.fetch_token(realm, service.as_deref(), scopes).await?;
        } else if self.credentials.is_none() {
            return Err(self.unauthorized());
        }
        self.auth.lock().expect("auth state lock").challenge = Some(challenge);
        Ok(())
    }

    async fn fetch_token(&self, realm: &str, service: Option<&str>, scopes: &[String]) -> Result<(), RegistryError> {
        let mut query: Vec<(&str, &str)> = Vec::new();
        if let Some(service) = service {
            query.push(("service", service));
        }
        for scope in scopes {
            query.push(("scope", scope));
        }
        let request = match &self.credentials {
            // An identity token is an OAuth2 refresh token: exchanged, never sent as a password.
            Some(c) if c.username == IDENTITY_TOKEN_USER => {
                let scope = scopes.join(" ");
                let form = [
                    ("grant_type", "refresh_token"),
                    ("refresh_token", c.secret.expose()),
                    ("service", service.unwrap_or_default()),
                    ("scope", scope.as_str()),
                    ("client_id", "facetctl"),
                ];
                self.http.post(realm).form(&form)
            }
            Some(c) => self.http.get(realm).query(&query).basic_auth(&c.username, Some(c.secret.expose())),
            None => self.http.get(realm).query(&query),
        };
        let resp = request.send().await.map_err(|e| transport_failure(realm_host(realm), "token service: ", &e))?;
        if matches!(resp.status(), StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) {
            return Err(self.unauthorized());
        }
        let refused = |status: StatusCode, detail: String| RegistryError::Protocol {
            host: realm_host(realm),
            action: "issue a token".into(),
            status: status.as_u16(),
            detail,
        };
        if !resp.status().is_success() {
            return Err(refused(resp.status(), "the token service refused the request".into()));
        }
        let body: TokenResponse =
            resp.json().await.map_err(|e| refused(StatusCode::OK, format!("unreadable token response: {e}")))?;
        let token = body
            .token
            .or(body.access_token)
            .ok_or_else(|| refused(StatusCode::OK, "the response has no token".into()))?;
        self.auth.lock().expect("auth state lock").remember_token(scopes, Secret::new(token), body.expires_in);
        Ok(())
    }
}

fn realm_host(realm: &str) -> String {
    reqwest::Url::parse(realm).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_else(|| realm.to_owned())
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
    fn tokens_are_kept_per_scope_set_in_any_order() {
        let mut state = AuthState::default();
        let scopes = ["repository:a:pull".to_owned(), "repository:b:pull,push".to_owned()];
        state.remember_token(&scopes, Secret::new("t1"), Some(300));
        let reversed = [scopes[1].clone(), scopes[0].clone()];
        assert_eq!(state.token_for(&reversed).map(|t| t.expose().to_owned()), Some("t1".into()));
        assert!(state.token_for(&scopes[..1]).is_none());
    }
}
