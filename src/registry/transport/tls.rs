//! TLS for every HTTPS request facetctl makes: the platform's trusted roots,
//! loaded on the first handshake rather than when the HTTP client is built.
//!
//! Loading them reads every file under `/etc/ssl/certs` (147 on the benchmark
//! machine, 5-13 ms). A promotion against a plain-HTTP registry, or one that
//! never reaches the network, should not pay that; Go, and so skopeo, defers
//! it the same way. Verification itself is rustls-platform-verifier's,
//! unchanged: `SSL_CERT_FILE` and `SSL_CERT_DIR` still choose the roots.

use std::sync::{Arc, OnceLock};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

/// The client configuration: the platform's roots (loaded on first use),
/// TLS 1.2 and 1.3, and HTTP/2 offered before HTTP/1.1.
pub fn client_config() -> rustls::ClientConfig {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .expect("the aws-lc-rs provider supports the default TLS versions")
        // "dangerous" is rustls' name for any verifier of one's own; this one
        // delegates every decision to the platform verifier.
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(PlatformRootsOnFirstUse::new(provider)))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    config
}

/// The TLS failure behind a transport error (an untrusted certificate, a
/// server that answered in plain HTTP), if that is what it was.
pub fn cause(e: &reqwest::Error) -> Option<&rustls::Error> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        // io::Error hides what it wraps from `source()`, and the connector
        // wraps one io::Error in another: unwrap them all.
        let mut inner: &(dyn std::error::Error + 'static) = err;
        while let Some(wrapped) = inner.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            inner = wrapped;
        }
        if let Some(tls) = inner.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        source = err.source();
    }
    None
}

/// Whether the other end answered in plain HTTP, not TLS.
pub fn is_plain_http(e: &rustls::Error) -> bool {
    matches!(e, rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType))
}

/// What went wrong and what to do about it, for people. `plain_http` is the
/// caller's advice for a server that answered in plain HTTP.
pub fn describe(e: &rustls::Error, plain_http: &str) -> String {
    use rustls::CertificateError as Cert;
    const PRIVATE_CA: &str = "if a private CA signed it, set SSL_CERT_FILE to that CA's PEM file";
    match e {
        rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => match plain_http {
            "" => "it answered in plain HTTP, not TLS".to_owned(),
            advice => format!("it answered in plain HTTP, not TLS; {advice}"),
        },
        rustls::Error::InvalidCertificate(Cert::UnknownIssuer) => {
            format!("its certificate is signed by a CA this machine does not trust; {PRIVATE_CA}")
        }
        rustls::Error::InvalidCertificate(Cert::NotValidForName | Cert::NotValidForNameContext { .. }) => {
            "its certificate is not valid for this host name; use the name the certificate was issued for".into()
        }
        rustls::Error::InvalidCertificate(Cert::Expired | Cert::ExpiredContext { .. }) => {
            "its certificate has expired; whoever runs it must renew it".into()
        }
        rustls::Error::InvalidCertificate(_) => format!("{e}; {PRIVATE_CA}"),
        other => other.to_string(),
    }
}

#[derive(Debug)]
struct PlatformRootsOnFirstUse {
    provider: Arc<CryptoProvider>,
    verifier: OnceLock<Result<rustls_platform_verifier::Verifier, rustls::Error>>,
}

impl PlatformRootsOnFirstUse {
    fn new(provider: Arc<CryptoProvider>) -> Self {
        PlatformRootsOnFirstUse { provider, verifier: OnceLock::new() }
    }

    fn verifier(&self) -> Result<&rustls_platform_verifier::Verifier, rustls::Error> {
        self.verifier
            .get_or_init(|| rustls_platform_verifier::Verifier::new(self.provider.clone()))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl ServerCertVerifier for PlatformRootsOnFirstUse {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.verifier()?.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    // Handshake signatures are checked against the certificate already
    // verified, with the provider's algorithms: no roots involved.
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncWriteExt;
    use tokio::net::TcpListener;

    use crate::registry::transport::http_client;
    use crate::registry::{CredentialSource, RegistryClient, RegistryEndpoint, RegistryError};

    #[tokio::test]
    async fn a_registry_answering_https_in_plain_http_is_told_apart_and_not_retried() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let host = listener.local_addr().unwrap().to_string();
        // One connection only: a retry would find the port closed and end as Unreachable.
        tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n").await;
            let _ = stream.shutdown().await;
        });
        let endpoint = RegistryEndpoint { host: host.clone(), insecure: false, kind: None };
        let client = RegistryClient::new(http_client(), &endpoint, None, CredentialSource::Anonymous);
        let e = client.check().await.unwrap_err();
        assert!(matches!(&e, RegistryError::Tls { plain_http: true, host: h, .. } if *h == host), "{e:?}");
    }

    #[test]
    fn an_untrusted_certificate_says_how_to_trust_a_private_ca() {
        let e = rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer);
        assert!(super::describe(&e, "").contains("SSL_CERT_FILE"));
        assert!(!super::is_plain_http(&e));
    }
}
