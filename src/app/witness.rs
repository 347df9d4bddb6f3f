//! The registry as a witness: before a server records what a client says it
//! wrote, one HEAD checks that the registry serves that digest under the
//! bucket's tag (invariant 1), with the server's own credentials.

use super::{App, registry_access};
use crate::error::{Error, Result};
use crate::model::Digest;

/// `tag` of `bucket` names `digest` in the integration's registry.
pub async fn registry_holds(app: &App, integration: &str, bucket: &str, tag: &str, digest: &Digest) -> Result<()> {
    let integration = app.plane.integration(integration).await?;
    let registry = app.plane.registry(&integration.registry).await?;
    let client = registry_access::client_for(app, &registry, Some((&integration.name, bucket))).await?;
    let repo = registry.bucket_repository(&integration, bucket);
    let found = client.head_manifest(&repo, tag).await?.map(|h| h.digest);
    if found.as_ref() == Some(digest) {
        return Ok(());
    }
    let names = match found {
        Some(other) => format!("it names {other}"),
        None => "it has no such tag".to_owned(),
    };
    Err(Error::Refused(format!(
        "registry {} does not serve {digest} as {repo}:{tag} ({names}); write the image there first; nothing was recorded",
        registry.name
    )))
}
