//! `history`: each bucket's heads in order, newest first, with who and when.

use super::App;
use crate::error::Result;
use crate::model::BucketEvent;

pub async fn history(app: &App, integration: &str, bucket: Option<&str>, limit: u32) -> Result<Vec<BucketEvent>> {
    app.plane.bucket_events(integration, bucket, limit).await
}
