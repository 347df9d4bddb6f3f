//! The registry as a witness: before a server records what a client says it
//! wrote, a HEAD per tag checks that the registry serves that digest under
//! the bucket's tags (invariant 1), with the server's own credentials.

use super::{App, registry_access};
use crate::error::{Error, Result};
use crate::model::Digest;

/// Each of `tags` of `bucket` names `digest` in the registry that holds the bucket.
pub async fn registry_holds(
    app: &App,
    integration: &str,
    bucket: &str,
    tags: &[String],
    digest: &Digest,
) -> Result<()> {
    let integration = app.plane.integration(integration).await?;
    let registry = app.plane.registry(integration.registry_for(bucket)).await?;
    let client = registry_access::client_for(app, &registry, Some((&integration.name, bucket))).await?;
    let repo = registry.bucket_repository(&integration, bucket);
    for tag in tags {
        let found = client.head_manifest(&repo, tag).await?.map(|h| h.digest);
        if found.as_ref() != Some(digest) {
            return Err(refusal(&registry.name, &repo, tag, digest, found));
        }
    }
    Ok(())
}

fn refusal(registry: &str, repo: &str, tag: &str, digest: &Digest, found: Option<Digest>) -> Error {
    let names = match found {
        Some(other) => format!("it names {other}"),
        None => "it has no such tag".to_owned(),
    };
    Error::Refused(format!(
        "registry {registry} does not serve {digest} as {repo}:{tag} ({names}); write the image there first; nothing was recorded"
    ))
}
