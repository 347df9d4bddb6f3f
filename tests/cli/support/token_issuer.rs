//! A token service for the registry's `auth: token` mode, speaking the
//! distribution token protocol: `GET /token?service=&scope=` with Basic
//! credentials returns a JWT signed with ES256, its certificate in `x5c`,
//! granting the scopes asked for. It records every scope it was asked for.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rcgen::{CertificateParams, KeyPair, SigningKey};

pub const SERVICE: &str = "facetctl-test-registry";
pub const ISSUER: &str = "facetctl-test-issuer";

pub struct TokenIssuer {
    port: u16,
    pub cert_path: PathBuf,
    pub scopes: Arc<Mutex<Vec<String>>>,
    /// How each token was asked for: `basic` or `refresh_token`.
    pub grants: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl TokenIssuer {
    pub fn start(user: &str, password: &str) -> TokenIssuer {
        let dir = tempfile::tempdir().unwrap();
        let key = KeyPair::generate().unwrap();
        let cert = CertificateParams::new(vec!["facetctl-test-issuer".into()]).unwrap().self_signed(&key).unwrap();
        let cert_path = dir.path().join("issuer.pem");
        std::fs::write(&cert_path, cert.pem()).unwrap();
        let x5c = STANDARD.encode(cert.der());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let scopes = Arc::new(Mutex::new(Vec::new()));
        let expected = format!("Basic {}", STANDARD.encode(format!("{user}:{password}")));
        let seen = scopes.clone();
        let grants = Arc::new(Mutex::new(Vec::new()));
        let grants_seen = grants.clone();
        // An identity token for this issuer, as `docker login` would have stored it.
        let refresh_token = format!("refresh-{password}");
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                let mut authorized = false;
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((name, value)) = line.split_once(':') {
                        if name.eq_ignore_ascii_case("authorization") {
                            authorized = value.trim() == expected;
                        } else if name.eq_ignore_ascii_case("content-length") {
                            length = value.trim().parse().unwrap_or(0);
                        }
                    }
                }
                let target = request_line.split_whitespace().nth(1).unwrap_or("");
                let requested: Vec<String> = if request_line.starts_with("POST") {
                    // The OAuth2 refresh-token grant, as clients with an identity token use it.
                    let mut body = vec![0; length];
                    let _ = std::io::Read::read_exact(&mut reader, &mut body);
                    let form: Vec<(String, String)> = String::from_utf8_lossy(&body)
                        .split('&')
                        .filter_map(|kv| kv.split_once('=').map(|(k, v)| (k.to_owned(), percent_decode(v))))
                        .collect();
                    let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
                    authorized = field("grant_type") == "refresh_token" && field("refresh_token") == refresh_token;
                    grants_seen.lock().unwrap().push("refresh_token".into());
                    field("scope").split(' ').filter(|s| !s.is_empty()).map(str::to_owned).collect()
                } else {
                    grants_seen.lock().unwrap().push("basic".into());
                    let query = target.split_once('?').map_or("", |(_, q)| q);
                    query.split('&').filter_map(|kv| kv.strip_prefix("scope=")).map(percent_decode).collect()
                };
                seen.lock().unwrap().extend(requested.iter().cloned());
                let (status, body) = if authorized {
                    ("200 OK", format!(r#"{{"token":"{}","expires_in":300}}"#, jwt(&key, &x5c, &requested)))
                } else {
                    ("401 Unauthorized", r#"{"details":"bad credentials"}"#.to_owned())
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        TokenIssuer { port, cert_path, scopes, grants, _dir: dir }
    }

    pub fn realm(&self) -> String {
        format!("http://127.0.0.1:{}/token", self.port)
    }

    pub fn scopes_asked(&self) -> Vec<String> {
        self.scopes.lock().unwrap().clone()
    }
}

fn jwt(key: &KeyPair, x5c: &str, scopes: &[String]) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let access: Vec<serde_json::Value> = scopes
        .iter()
        .filter_map(|s| {
            let mut parts = s.splitn(3, ':');
            let (kind, name, actions) = (parts.next()?, parts.next()?, parts.next()?);
            Some(serde_json::json!({"type": kind, "name": name, "actions": actions.split(',').collect::<Vec<_>>()}))
        })
        .collect();
    let header = serde_json::json!({"typ": "JWT", "alg": "ES256", "x5c": [x5c]});
    let claims = serde_json::json!({
        "iss": ISSUER, "sub": "tester", "aud": SERVICE, "exp": now + 300, "nbf": now - 10, "iat": now,
        "jti": format!("{now}-{}", rand_suffix()), "access": access,
    });
    let signing_input =
        format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
    let der = key.sign(signing_input.as_bytes()).unwrap();
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(der_to_raw(&der)))
}

/// JWS wants ECDSA signatures as r || s, 32 bytes each; signers give ASN.1 DER.
fn der_to_raw(der: &[u8]) -> Vec<u8> {
    let mut i = 2; // SEQUENCE tag and length (short form for P-256)
    let mut out = Vec::with_capacity(64);
    for _ in 0..2 {
        assert_eq!(der[i], 0x02, "expected an INTEGER");
        let len = der[i + 1] as usize;
        let int = &der[i + 2..i + 2 + len];
        let int = &int[int.iter().position(|b| *b != 0).unwrap_or(int.len())..];
        out.extend(std::iter::repeat_n(0, 32 - int.len()));
        out.extend_from_slice(int);
        i += 2 + len;
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else if bytes[i] == b'+' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
}
