//! Amazon ECR: `GetAuthorizationToken` with whatever credentials the AWS
//! SDK's standard chain finds (environment, profiles and SSO, web identity as
//! CI OIDC uses it, container and instance roles). The token is
//! `base64("AWS:<password>")`, for the user `AWS`. The region comes from the
//! registry's host (`<account>.dkr.ecr.<region>.amazonaws.com`), else from
//! the SDK's configuration; `AWS_ENDPOINT_URL_ECR` points the call elsewhere.

use aws_config::{BehaviorVersion, Region};
use base64::Engine;

use super::CredentialSource;
use crate::registry::transport::root_cause;
use crate::registry::{Credentials, RegistryError, Secret};

pub async fn lookup(host: &str) -> Result<Option<(Credentials, CredentialSource)>, RegistryError> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    if let Some(region) = region_of(host) {
        loader = loader.region(Region::new(region));
    }
    let config = loader.load().await;
    if config.credentials_provider().is_none() {
        return Ok(None);
    }
    let region = config.region().map(|r| r.to_string()).unwrap_or_else(|| "no region".into());
    let failed = |detail: String| RegistryError::NoCredentials { from: format!("AWS ECR in {region}"), detail };
    let answer = aws_sdk_ecr::Client::new(&config)
        .get_authorization_token()
        .send()
        .await
        .map_err(|e| failed(format!("GetAuthorizationToken failed: {}", with_advice(root_cause(&e)))))?;
    let token = answer
        .authorization_data()
        .first()
        .and_then(|d| d.authorization_token())
        .ok_or_else(|| failed("GetAuthorizationToken returned no token".into()))?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(token)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| failed("the ECR token is not base64 text".into()))?;
    let (user, password) =
        decoded.split_once(':').ok_or_else(|| failed("the ECR token is not USER:PASSWORD".into()))?;
    let credentials = Credentials { username: user.to_owned(), secret: Secret::new(password.to_owned()) };
    Ok(Some((credentials, CredentialSource::Ecr { region })))
}

/// The SDK's "no providers in chain provided credentials" does not say
/// which credentials it looked for.
fn with_advice(text: String) -> String {
    if text.contains("no providers in chain") {
        format!(
            "{text}; give AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE)"
        )
    } else {
        text
    }
}

/// `123456789012.dkr.ecr.eu-west-1.amazonaws.com` is in `eu-west-1`.
fn region_of(host: &str) -> Option<String> {
    let name = host.split(':').next()?;
    let rest = name.split_once(".dkr.ecr.")?.1;
    let region = rest.split('.').next()?;
    (!region.is_empty()).then(|| region.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_is_read_from_the_host() {
        assert_eq!(region_of("123456789012.dkr.ecr.eu-west-1.amazonaws.com").as_deref(), Some("eu-west-1"));
        assert_eq!(region_of("123456789012.dkr.ecr.us-gov-west-1.amazonaws.com").as_deref(), Some("us-gov-west-1"));
        assert_eq!(region_of("127.0.0.1:5000"), None);
    }
}
