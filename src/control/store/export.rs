//! Every record a store holds, as one JSON document a line, in the order a
//! store would need them back: the catalogue (registries, release streams,
//! environments, workflows, rules, integrations), then what happened
//! (artifacts, bucket events and heads, promotions, requests and their
//! approvals, freezes, the audit log). Rows are read as a stream and written
//! as they come, so memory stays flat whatever the store's size. Secrets are
//! never in a store's tables; users (their token hashes) and sessions are
//! left out: people sign in again where the records go.

use std::io::Write;

use futures_util::TryStreamExt;
use serde_json::{Map, Value, json};
use sqlx::{Column, Row};

use super::{Store, format_time};
use crate::error::{Error, Result};

/// The format's name and version, in the first line of every export.
pub const FORMAT: &str = "facetctl-export";
pub const VERSION: u32 = 1;

/// The tables exported, in dependency order, and whether `--since` applies (by `created_at`).
pub const TABLES: &[(&str, bool)] = &[
    ("registries", false),
    ("release_streams", false),
    ("environments", false),
    ("workflows", false),
    ("routing_rules", false),
    ("integrations", false),
    ("bucket_registries", false),
    ("artifacts", true),
    ("bucket_events", true),
    ("buckets", false),
    ("promotions", true),
    ("promotion_requests", true),
    ("request_approvals", true),
    ("freezes", true),
    ("audit_events", true),
];

/// Writes the store's records to `out`: a header, a line per row (`{"table": ..., "row": {...}}`),
/// and a last line with how many rows of each table were written.
pub async fn export(
    store: &Store,
    since: Option<chrono::DateTime<chrono::Utc>>,
    out: &mut impl Write,
) -> Result<Map<String, Value>> {
    let io = |e: std::io::Error| Error::Failed(format!("cannot write the export: {e}"));
    let header = json!({
        "format": FORMAT,
        "version": VERSION,
        "schema": store.schema_version().await?,
        "exported_at": format_time(chrono::Utc::now()),
        "since": since.map(format_time),
    });
    writeln!(out, "{header}").map_err(io)?;
    let mut counts = Map::new();
    for (table, dated) in TABLES {
        let filter = match (dated, since) {
            (true, Some(_)) => " WHERE created_at >= $1",
            _ => "",
        };
        // Ordered by the table's own order of writing, so ids map in the order they were given.
        let order = match *table {
            "bucket_registries" => "integration_id, bucket",
            "buckets" => "integration_id, bucket",
            "request_approvals" => "request_id, created_at",
            _ => "id",
        };
        let sql = format!("SELECT * FROM {table}{filter} ORDER BY {order}");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        if let (true, Some(since)) = (dated, since) {
            query = query.bind(format_time(since));
        }
        let mut rows = query.fetch(&store.pool);
        let mut n: u64 = 0;
        while let Some(row) = rows.try_next().await? {
            let line = json!({"table": table, "row": row_json(&row)});
            writeln!(out, "{line}").map_err(io)?;
            n += 1;
        }
        counts.insert((*table).to_owned(), Value::from(n));
    }
    writeln!(out, "{}", json!({"end": counts})).map_err(io)?;
    out.flush().map_err(io)?;
    Ok(counts)
}

/// A row as JSON, column by column, each value as the database holds it: a number, text or null.
pub(super) fn row_json(row: &sqlx::any::AnyRow) -> Map<String, Value> {
    use sqlx::ValueRef as _;
    use sqlx::any::AnyTypeInfoKind as Kind;
    let mut fields = Map::new();
    for column in row.columns() {
        let i = column.ordinal();
        // Asked of the value, not guessed by trying each type in turn (half the time of an export went there).
        let kind = match row.try_get_raw(i) {
            Ok(raw) if !raw.is_null() => raw.type_info().kind(),
            _ => Kind::Null,
        };
        let value = match kind {
            Kind::Null => Value::Null,
            Kind::Bool => row.try_get::<bool, _>(i).map_or(Value::Null, Value::from),
            Kind::SmallInt | Kind::Integer | Kind::BigInt => row.try_get::<i64, _>(i).map_or(Value::Null, Value::from),
            Kind::Real | Kind::Double => row.try_get::<f64, _>(i).map_or(Value::Null, Value::from),
            Kind::Text | Kind::Blob => row.try_get::<String, _>(i).map_or(Value::Null, Value::from),
        };
        fields.insert(column.name().to_owned(), value);
    }
    fields
}
