//! What a record must be to be written by an import: what the control plane
//! would itself have written. An export is a file anyone can edit, and what an
//! import writes is then read by every command (a time that does not parse
//! would break `audit` for good: the log is append-only), so each value is
//! checked by the rules that check it when it is made, and nothing else gets in.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::format_time;
use crate::model::*;

/// Why `row` of `table` cannot be written, if it cannot.
pub fn check(table: &str, row: &Map<String, Value>) -> Result<(), String> {
    for (column, value) in row {
        if let Value::String(text) = value {
            if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                return Err(format!("{column} holds a control character"));
            }
            if column.ends_with("_at") {
                time(column, text)?;
            }
        }
    }
    let text = |column: &str| row.get(column).and_then(Value::as_str);
    let word = |column: &str| text(column).unwrap_or_default();
    match table {
        "registries" => {
            name("registry", word("name"))?;
            parsed::<RegistryKind>("kind", word("kind"))?;
            validate_registry_uri(word("uri")).map_err(|e| e.0)?;
            let insecure = row.get("insecure").and_then(Value::as_i64).unwrap_or(0) != 0;
            if insecure && !is_loopback_host(word("uri")) {
                return Err(format!(
                    "registry {} is plain HTTP at {}, which is allowed only for registries on this machine",
                    word("name"),
                    word("uri")
                ));
            }
        }
        "release_streams" => name("release stream", word("name"))?,
        "environments" => name("environment", word("name"))?,
        "workflows" => {
            name("workflow", word("name"))?;
            parsed::<RegistrationType>("registration_type", word("registration_type"))?;
            for stage in json::<Vec<String>>("stages", text("stages"))? {
                name("stage", &stage)?;
            }
            json::<Vec<Gate>>("gates", text("gates"))?;
        }
        "routing_rules" => {
            name("rule", word("name"))?;
            parsed::<RegistrationType>("registration_type", word("registration_type"))?;
            for criterion in json::<Vec<Criterion>>("criteria", text("criteria"))? {
                criterion.check().map_err(|e| e.0)?;
            }
        }
        "integrations" => {
            name("integration", word("name"))?;
            parsed::<RegistrationType>("registration_type", word("registration_type"))?;
            parsed::<Layout>("layout", word("layout"))?;
        }
        "bucket_registries" | "buckets" => name("bucket", word("bucket"))?,
        "artifacts" => {
            name("bucket", word("bucket"))?;
            validate_tag(word("tag")).map_err(|e| e.0)?;
            parsed::<Digest>("digest", word("digest"))?;
            json::<BTreeMap<String, String>>("metadata", text("metadata"))?;
        }
        "bucket_events" => {
            name("bucket", word("bucket"))?;
            parsed::<BucketEventKind>("kind", word("kind"))?;
            if text("approved_by").is_some() {
                json::<Vec<String>>("approved_by", text("approved_by"))?;
            }
        }
        "promotions" => {
            parsed::<PromotionState>("state", word("state"))?;
            parsed::<Digest>("digest", word("digest"))?;
        }
        "promotion_requests" => parsed::<RequestState>("state", word("state")).map(|_| ())?,
        "freezes" => json::<Window>("window_spec", text("window_spec"))?.check().map_err(|e| e.0)?,
        "audit_events" => {
            parsed::<AuditAction>("action", word("action"))?;
            json::<Value>("details", text("details"))?;
        }
        _ => {}
    }
    Ok(())
}

/// A time as a store writes it: RFC 3339 in UTC with microseconds, so that text order is time order.
pub(super) fn time(column: &str, text: &str) -> Result<(), String> {
    let written = chrono::DateTime::parse_from_rfc3339(text).map(|t| format_time(t.with_timezone(&chrono::Utc)));
    match written {
        Ok(t) if t == text => Ok(()),
        _ => Err(format!("{column} {text:?} is not a time as a store writes it (2026-12-04T09:12:03.511207Z)")),
    }
}

fn name(what: &str, value: &str) -> Result<(), String> {
    validate_name(what, value).map_err(|e| e.0)
}

fn parsed<T: FromStr>(column: &str, value: &str) -> Result<T, String> {
    value.parse().map_err(|_| format!("{column} {value:?} is not one facetctl knows"))
}

fn json<T: DeserializeOwned>(column: &str, value: Option<&str>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{column} is missing"))?;
    serde_json::from_str(value).map_err(|e| format!("{column} is not what facetctl writes there ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_record_the_control_plane_would_not_write_is_refused_with_the_reason() {
        let at = "2026-12-04T09:12:03.511207Z";
        let cases = [
            (
                "audit_events",
                json!({"created_at": "zzzz", "action": "artifact.push", "details": "{}"}),
                "created_at \"zzzz\" is not a time as a store writes it (2026-12-04T09:12:03.511207Z)",
            ),
            (
                "audit_events",
                json!({"created_at": "2026-12-04T09:12:03Z", "action": "artifact.push", "details": "{}"}),
                "created_at \"2026-12-04T09:12:03Z\" is not a time as a store writes it (2026-12-04T09:12:03.511207Z)",
            ),
            (
                "audit_events",
                json!({"created_at": at, "action": "no.such", "details": "{}"}),
                "action \"no.such\" is not one facetctl knows",
            ),
            (
                "audit_events",
                json!({"created_at": at, "action": "artifact.push", "details": "not json"}),
                "details is not what facetctl writes there (expected ident at line 1 column 2)",
            ),
            (
                "registries",
                json!({"name": "vault", "kind": "generic", "uri": "registry.example.com", "insecure": 1}),
                "registry vault is plain HTTP at registry.example.com, which is allowed only for registries on this machine",
            ),
            (
                "registries",
                json!({"name": "vault", "kind": "nonsense", "uri": "registry.example.com", "insecure": 0}),
                "kind \"nonsense\" is not one facetctl knows",
            ),
            (
                "registries",
                json!({"name": "a/../\u{1b}[31m", "kind": "generic", "uri": "r.example.com"}),
                "name holds a control character",
            ),
            (
                "artifacts",
                json!({"bucket": "qa", "tag": "v1", "digest": "sha256:zz", "metadata": "{}"}),
                "digest \"sha256:zz\" is not one facetctl knows",
            ),
        ];
        for (table, value, why) in cases {
            assert_eq!(check(table, &row(value)), Err(why.to_owned()), "{table}");
        }
        let fine = json!({"created_at": at, "actor": "ada", "action": "artifact.push", "details": "{\"a\":1}"});
        assert_eq!(check("audit_events", &row(fine)), Ok(()));
    }
}
