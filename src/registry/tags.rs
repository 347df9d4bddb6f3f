//! The tag listing: one page or nothing, because callers only use it to
//! save requests and can always ask tag by tag instead.

use std::collections::HashSet;

use super::transport::pull;
use super::{RegistryClient, RegistryError};

impl RegistryClient {
    /// `GET /v2/<name>/tags/list`: every tag, when one page holds them all (None when the
    /// registry pages the list or will not list, so callers ask tag by tag instead).
    pub async fn tags(&self, repo: &str) -> Result<Option<HashSet<String>>, RegistryError> {
        let t = &self.transport;
        let url = t.url(&format!("/v2/{repo}/tags/list"));
        let resp = t.send(&[pull(repo)], "list tags", || t.http.get(&url)).await?;
        if !resp.status().is_success() || resp.headers().contains_key("link") {
            return Ok(None);
        }
        let doc: serde_json::Value = resp.json().await.map_err(|e| t.transport_error(e))?;
        Ok(doc["tags"].as_array().map(|tags| tags.iter().filter_map(|t| t.as_str().map(str::to_owned)).collect()))
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::client::stub_client;
    use crate::registry::transport::stub::{Reply, Stub};

    #[tokio::test]
    async fn one_page_is_the_tags_and_a_paged_or_refused_list_is_none() {
        let stub = Stub::start(|req| match req.path.as_str() {
            "/v2/one/tags/list" => Reply::json(200, r#"{"name":"one","tags":["qa","sha256-ab.sig"]}"#),
            "/v2/paged/tags/list" => Reply::json(200, r#"{"name":"paged","tags":["qa"]}"#)
                .header("link", r#"</v2/paged/tags/list?last=qa&n=1>; rel="next""#),
            _ => Reply::status(405),
        })
        .await;
        let client = stub_client(&stub, None);
        let tags = client.tags("one").await.unwrap().unwrap();
        assert_eq!(tags, ["qa".to_owned(), "sha256-ab.sig".to_owned()].into_iter().collect());
        assert_eq!(client.tags("paged").await.unwrap(), None);
        assert_eq!(client.tags("closed").await.unwrap(), None);
    }
}
