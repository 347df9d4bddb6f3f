//! An export's records written into a store (`facetctl import`), all or
//! nothing, in one transaction. Each record of the file is new here (written,
//! under a new id, every reference to it mapped), already here (the same
//! record, found by what names it: skipped, so a file imported twice changes
//! nothing), or in conflict with a record here (a name that means something
//! else, a tag on another digest, a history that would interleave with this
//! store's): then the whole import is refused and nothing is written. Actors
//! and times are kept as the file has them; the import itself is one audit
//! event, by the importer.
//!
//! Memory stays flat whatever the file's size. The file is first copied to a
//! temporary file (so that the store's write lock is held only while records
//! are written, never while a slow client sends them); then a line is read and
//! checked at a time, and written with up to 500 others of its table in one
//! statement, under an id the import takes itself. The map of the file's ids
//! to this store's lives in a temporary table, with a bounded cache in front
//! of it that reads mappings in runs. What keeps the common case fast: nothing
//! is looked up for the history of an integration the import created, and the
//! records already here are looked for among runs of them read by time.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use sqlx::Row;
use sqlx::any::AnyArguments;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

use super::audit::{self, AuditEntry};
use super::export::{FORMAT, TABLES, VERSION};
use super::{Backend, Store, migrate, record_checks};
use crate::error::{Error, Result};
use crate::model::AuditAction;

type Tx = sqlx::Transaction<'static, sqlx::Any>;
type Query<'q> = sqlx::query::Query<'q, sqlx::Any, AnyArguments>;

/// The longest line read: a record is a few KiB; a file that is not an export may have no line ends at all.
const MAX_LINE: u64 = 16 << 20;
/// How many id mappings are kept in memory in front of the temporary table.
const CACHED_IDS: usize = 1 << 14;
/// How many mappings a miss of the cache reads in at once.
const IDS_READ: usize = 4096;
/// How many of this store's records a run read by time holds (more if one instant holds more).
const RUN_ROWS: usize = 1024;
/// At most this many values are bound in one statement (SQLite allows 32,766; PostgreSQL 65,535).
const MAX_PARAMETERS: usize = 30_000;
/// At most this many records are written in one statement.
const MAX_ROWS: usize = 500;
/// At most this many ids are taken from a PostgreSQL sequence at a time.
const IDS_TAKEN: i64 = 1000;
/// At most this many bytes of values are queued to be written at once.
const MAX_BATCH_BYTES: usize = 32 << 20;
/// Serialises imports into one PostgreSQL database.
const IMPORT_LOCK: i64 = 0x0fac_e1e7;

/// What an import did.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Imported {
    /// When the file's records were exported, as its first line says.
    pub exported_at: String,
    /// Records written, by table.
    pub written: BTreeMap<String, u64>,
    /// Records that were here already, by table.
    pub present: BTreeMap<String, u64>,
    /// Registries the import wrote that had a secret where they came from: an export never holds one.
    pub needs_secret: Vec<NeedsSecret>,
}

impl Imported {
    pub fn written_total(&self) -> u64 {
        self.written.values().sum()
    }

    pub fn present_total(&self) -> u64 {
        self.present.values().sum()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct NeedsSecret {
    pub registry: String,
    pub uri: String,
    pub username: String,
}

/// How one table's records are found here and told apart.
struct Spec {
    table: &'static str,
    /// What one record is called in messages.
    what: &'static str,
    /// Columns holding another table's id, and that table.
    refs: &'static [(&'static str, &'static str)],
    /// Columns that find the same record here. `name` matches whatever its case, as names do.
    key: &'static [&'static str],
    /// Columns a record found here must agree on, else the two conflict.
    same: &'static [&'static str],
}

const fn spec(
    table: &'static str,
    what: &'static str,
    refs: &'static [(&'static str, &'static str)],
    key: &'static [&'static str],
    same: &'static [&'static str],
) -> Spec {
    Spec { table, what, refs, key, same }
}

const INTEGRATION: (&str, &str) = ("integration_id", "integrations");
const ARTIFACT: (&str, &str) = ("artifact_id", "artifacts");

/// Every table of an export, in its order. Catalogue records are the same when their definitions are;
/// who made them and when may differ (two stores may each have made `production`).
const SPECS: &[Spec] = &[
    spec("registries", "registry", &[], &["name"], &["kind", "uri", "insecure", "username"]),
    spec("release_streams", "release stream", &[], &["name"], &["description", "prod"]),
    spec("environments", "environment", &[("release_stream_id", "release_streams")], &["name"], &["release_stream_id"]),
    spec("workflows", "workflow", &[], &["name"], &["registration_type", "stages", "gates"]),
    spec("routing_rules", "rule", &[], &["name"], &["registration_type", "criteria"]),
    spec(
        "integrations",
        "integration",
        &[("registry_id", "registries"), ("workflow_id", "workflows"), ("rule_id", "routing_rules")],
        &["name"],
        &["registration_type", "registry_id", "repository", "layout", "workflow_id", "rule_id"],
    ),
    spec(
        "bucket_registries",
        "bucket's registry",
        &[INTEGRATION, ("registry_id", "registries")],
        &["integration_id", "bucket"],
        &["registry_id"],
    ),
    spec(
        "artifacts",
        "artifact",
        &[INTEGRATION, ("promoted_from", "artifacts")],
        &["integration_id", "bucket", "tag"],
        &["digest"],
    ),
    spec(
        "bucket_events",
        "move",
        &[INTEGRATION, ARTIFACT],
        &["integration_id", "bucket", "created_at", "kind", "artifact_id"],
        &[],
    ),
    spec("buckets", "bucket head", &[INTEGRATION, ("current_artifact_id", "artifacts")], &[], &[]),
    spec(
        "promotions",
        "promotion",
        &[INTEGRATION, ARTIFACT, ("target_artifact_id", "artifacts")],
        &["integration_id", "artifact_id", "from_bucket", "to_bucket", "created_at"],
        &["digest", "state"],
    ),
    spec(
        "promotion_requests",
        "promotion request",
        &[INTEGRATION, ARTIFACT, ("promotion_id", "promotions")],
        &["integration_id", "artifact_id", "from_bucket", "to_bucket", "created_at"],
        &["state", "promotion_id"],
    ),
    spec("request_approvals", "approval", &[("request_id", "promotion_requests")], &["request_id", "approver"], &[]),
    spec(
        "freezes",
        "freeze",
        &[INTEGRATION],
        &["integration_id", "bucket", "created_at"],
        &["window_spec", "reason", "ended_at"],
    ),
    spec("audit_events", "audit event", &[], &["created_at", "actor", "action", "entity", "target"], &[]),
];

/// Where the moves are in `SPECS`: the tables after them may read the buckets' heads.
const MOVES: usize = 8;

/// Whether a column holds a number or text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Text,
}

/// Reads an export from `input` and writes what is new into `store`, as `importer`.
pub async fn import(store: &Store, input: &mut (impl AsyncBufRead + Unpin), importer: &str) -> Result<Imported> {
    // The file is read whole before the store's write lock is taken: a client that sends it slowly
    // (or a pipe from a slow export) must not stop every other writer meanwhile.
    let mut spooled = spool(input).await?;
    let mut reader = Lines { input: &mut spooled, buf: Vec::new(), number: 0 };
    let header = reader.next().await?.ok_or_else(|| not_an_export("it is empty"))?;
    let exported_at = check_header(&header)?;
    let mut tx = store.begin_write().await?;
    if store.backend == Backend::Postgres {
        // One import at a time: two of the same file at once would each find its records missing.
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(IMPORT_LOCK).execute(&mut *tx).await?;
    }
    sqlx::query(
        "CREATE TEMP TABLE IF NOT EXISTS import_ids
         (tbl TEXT NOT NULL, old BIGINT NOT NULL, new BIGINT NOT NULL, PRIMARY KEY (tbl, old))",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM import_ids").execute(&mut *tx).await?;
    if store.backend == Backend::Postgres {
        // Heads are set once, after the moves (migration 13 says why).
        sqlx::query("SELECT set_config('facetctl.importing', 'on', true)").execute(&mut *tx).await?;
    }
    let mut run = Run {
        backend: store.backend,
        imported: Imported { exported_at, ..Imported::default() },
        columns: HashMap::new(),
        ids: HashMap::new(),
        fresh: HashSet::new(),
        newest: HashMap::new(),
        names: HashMap::new(),
        read: BTreeMap::new(),
        moved: HashSet::new(),
        settled: false,
        last_ids: HashMap::new(),
        batch: Batch::default(),
        pending_ids: Vec::new(),
        free_ids: HashMap::new(),
        sqlite_next: HashMap::new(),
        written_ids: BTreeMap::new(),
        runs: HashMap::new(),
    };
    let mut at = 0;
    let mut end = None;
    while let Some(line) = reader.next().await? {
        let n = reader.number;
        if end.is_some() {
            return Err(bad_line(n, "a record after the last line (the counts)"));
        }
        let mut doc: Map<String, Value> =
            serde_json::from_str(&line).map_err(|e| bad_line(n, &format!("not a JSON object ({e})")))?;
        if let Some(counts) = doc.remove("end") {
            end = Some(counts);
            continue;
        }
        let (Some(Value::String(table)), Some(Value::Object(row))) = (doc.remove("table"), doc.remove("row")) else {
            return Err(bad_line(n, "neither a record ({\"table\", \"row\"}) nor the last line ({\"end\"})"));
        };
        let Some(i) = SPECS.iter().position(|s| s.table == table) else {
            return Err(bad_line(n, &format!("no table {table:?} is exported")));
        };
        if i < at {
            return Err(bad_line(
                n,
                &format!("{table} comes after {}; an export's tables are in order", SPECS[at].table),
            ));
        }
        if i != at {
            run.flush(&mut tx).await?;
        }
        at = i;
        if at > MOVES {
            run.settle_heads(&mut tx).await?;
        }
        *run.read.entry(table).or_default() += 1;
        run.record(&mut tx, &SPECS[i], row, n).await?;
    }
    let Some(end) = end else {
        return Err(Error::Invalid(format!(
            "the file ends at line {} without its last line (the counts): it was cut short; nothing was imported",
            reader.number
        )));
    };
    run.flush(&mut tx).await?;
    run.settle_heads(&mut tx).await?;
    run.check_counts(&end)?;
    sqlx::query("DELETE FROM import_ids").execute(&mut *tx).await?;
    let imported = run.imported;
    if imported.written_total() > 0 {
        // Which ids the import gave, so its records stay told apart from those made here.
        let details = json!({
            "exported_at": imported.exported_at,
            "written": imported.written,
            "present": imported.present,
            "ids": run.written_ids,
        });
        let target = format!("export-{}", imported.exported_at);
        let entry = AuditEntry {
            actor: importer,
            action: AuditAction::RecordsImport,
            entity: "records",
            target: &target,
            details,
        };
        audit::append(&mut tx, entry).await?;
        tx.commit().await?;
    } else {
        // Nothing new: the transaction wrote only to its temporary table.
        tx.rollback().await?;
    }
    Ok(imported)
}

/// The header's `exported_at`, once it says the file is a whole export this build reads.
fn check_header(line: &str) -> Result<String> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let header: Map<String, Value> =
        serde_json::from_str(line).map_err(|_| not_an_export("its first line is not a JSON object"))?;
    if header.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_an_export(&format!("its first line names no format {FORMAT:?}")));
    }
    let version = header.get("version").cloned().unwrap_or(Value::Null);
    if version.as_u64() != Some(u64::from(VERSION)) {
        return Err(Error::Invalid(format!(
            "the file is version {version} of {FORMAT}; this facetctl reads version {VERSION}: import it with the facetctl that wrote it"
        )));
    }
    let Some(schema) = header.get("schema").and_then(Value::as_i64) else {
        return Err(not_an_export("its first line names no schema"));
    };
    if schema > migrate::latest() {
        return Err(Error::Invalid(format!(
            "the file was exported by a newer facetctl (schema {schema}; this one knows up to {}): upgrade facetctl, then import it",
            migrate::latest()
        )));
    }
    if let Some(since) = header.get("since").filter(|s| !s.is_null()) {
        return Err(Error::Invalid(format!(
            "the file holds only what was made since {since}, and its records refer to older ones it does not hold: \
             import a whole export (made without a date); nothing was imported"
        )));
    }
    let exported_at = header.get("exported_at").and_then(Value::as_str).unwrap_or_default();
    record_checks::time("exported_at", exported_at).map_err(|why| not_an_export(&format!("its first line's {why}")))?;
    Ok(exported_at.to_owned())
}

/// The whole input, in a file of its own that is gone once read.
async fn spool(input: &mut (impl AsyncBufRead + Unpin)) -> Result<tokio::io::BufReader<tokio::fs::File>> {
    let failed = |e: std::io::Error| Error::Failed(format!("cannot keep the file while it is read: {e}"));
    let mut file = tokio::fs::File::from_std(tempfile::tempfile().map_err(failed)?);
    tokio::io::copy_buf(input, &mut file).await.map_err(|e| Error::Failed(format!("cannot read the file: {e}")))?;
    file.flush().await.map_err(failed)?;
    file.seek(std::io::SeekFrom::Start(0)).await.map_err(failed)?;
    Ok(tokio::io::BufReader::with_capacity(1 << 16, file))
}

fn not_an_export(why: &str) -> Error {
    Error::Invalid(format!("the file is not a facetctl export: {why}; nothing was imported"))
}

fn bad_line(n: u64, why: &str) -> Error {
    Error::Invalid(format!("line {n} of the file: {why}; nothing was imported"))
}

/// The input's lines, one at a time, none longer than `MAX_LINE`.
struct Lines<'a, R> {
    input: &'a mut R,
    buf: Vec<u8>,
    number: u64,
}

impl<R: AsyncBufRead + Unpin> Lines<'_, R> {
    /// The next line that is not blank, without its line end; None at the end.
    async fn next(&mut self) -> Result<Option<String>> {
        loop {
            self.buf.clear();
            let read = (&mut *self.input)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut self.buf)
                .await
                .map_err(|e| Error::Failed(format!("cannot read the file: {e}")))?;
            if read == 0 {
                return Ok(None);
            }
            self.number += 1;
            if self.buf.len() as u64 > MAX_LINE {
                return Err(bad_line(self.number, &format!("longer than {} MiB", MAX_LINE >> 20)));
            }
            let text = std::str::from_utf8(&self.buf).map_err(|_| bad_line(self.number, "not UTF-8 text"))?;
            let text = text.trim();
            if !text.is_empty() {
                return Ok(Some(text.to_owned()));
            }
        }
    }
}

/// One import's working state.
struct Run {
    backend: Backend,
    imported: Imported,
    /// Each table's columns here, and what they hold.
    columns: HashMap<&'static str, Arc<HashMap<String, Kind>>>,
    /// Recent mappings of the file's ids to this store's, by table; all of them are in `import_ids`.
    ids: HashMap<(&'static str, i64), i64>,
    /// Integrations this import created: nothing of their history can be here already.
    fresh: HashSet<i64>,
    /// The newest move here before the import, per integration.
    newest: HashMap<i64, Option<String>>,
    /// Integration names, for messages.
    names: HashMap<i64, String>,
    /// Records read, by table, to check against the last line's counts.
    read: BTreeMap<String, u64>,
    /// Integrations with moves written, whose heads are set once the moves are.
    moved: HashSet<i64>,
    settled: bool,
    /// The last id read of each table.
    last_ids: HashMap<&'static str, i64>,
    /// Records queued to be written together.
    batch: Batch,
    /// Id mappings queued to be written with them.
    pending_ids: Vec<(&'static str, i64, i64)>,
    /// On PostgreSQL, ids taken from each table's sequence and not used yet.
    free_ids: HashMap<&'static str, VecDeque<i64>>,
    /// On SQLite, each table's next id.
    sqlite_next: HashMap<&'static str, i64>,
    /// The first and last id the import gave in each table.
    written_ids: BTreeMap<&'static str, (i64, i64)>,
    /// Runs of this store's records read by time, per table and integration (or in all).
    runs: HashMap<(&'static str, Option<i64>), Span>,
}

/// A record found here: its id, and the columns to compare with the file's.
type Found = Option<(Option<i64>, Map<String, Value>)>;

/// This store's records of one table from a time on, by their key.
struct Span {
    from: String,
    /// Where the run stops being whole (that instant excluded); None: it holds all there is.
    until: Option<String>,
    found: HashMap<String, (Option<i64>, Map<String, Value>)>,
}

impl Span {
    fn covers(&self, at: &str) -> bool {
        self.from.as_str() <= at && self.until.as_deref().is_none_or(|until| at < until)
    }
}

/// A record's key columns' values, as one string to look it up by.
fn key_of(spec: &Spec, row: &Map<String, Value>) -> String {
    let values: Vec<&Value> = spec.key.iter().map(|c| row.get(*c).unwrap_or(&Value::Null)).collect();
    serde_json::to_string(&values).unwrap_or_default()
}

/// One table's records, with the same columns, to be written in one statement.
#[derive(Default)]
struct Batch {
    spec: Option<&'static Spec>,
    columns: Vec<String>,
    kinds: Vec<Kind>,
    /// Row after row.
    values: Vec<Value>,
    rows: usize,
    /// About how many bytes their values hold.
    bytes: usize,
    /// The lines they came from, for messages.
    first: u64,
    last: u64,
}

impl Run {
    async fn record(&mut self, tx: &mut Tx, spec: &'static Spec, mut row: Map<String, Value>, n: u64) -> Result<()> {
        self.room_for_ids(tx, 1).await?;
        let columns = self.columns(tx, spec.table).await?;
        if let Some(unknown) = row.keys().find(|k| *k != "id" && !columns.contains_key(k.as_str())) {
            return Err(bad_line(n, &format!("{} has no column {unknown:?}", spec.table)));
        }
        for (column, value) in &row {
            if let Some(kind) = columns.get(column.as_str()) {
                check(*kind, value).map_err(|why| bad_line(n, &format!("{column} {why}")))?;
            }
        }
        record_checks::check(spec.table, &row).map_err(|why| bad_line(n, &why))?;
        for column in spec.key {
            if !row.contains_key(*column) {
                return Err(bad_line(n, &format!("a record of {} without its {column}", spec.table)));
            }
        }
        for (column, to) in spec.refs {
            let Some(value) = row.get(*column).filter(|v| !v.is_null()) else { continue };
            let old = value.as_i64().ok_or_else(|| bad_line(n, &format!("{column} is not an id")))?;
            let new = self.mapped(tx, to, old).await?.ok_or_else(|| {
                bad_line(n, &format!("{} refers to {to} id {old}, which is not earlier in the file", spec.table))
            })?;
            row.insert((*column).to_owned(), Value::from(new));
        }
        let old_id = match row.remove("id") {
            Some(v) => Some(v.as_i64().ok_or_else(|| bad_line(n, "its id is not a number"))?),
            None => None,
        };
        let integration = row.get("integration_id").and_then(Value::as_i64);
        if spec.table == "buckets" {
            return self.head(tx, &row, integration, n).await;
        }
        // Nothing of the history of an integration this import created can be here already. (A record
        // newer than any here costs no query each either: its run, read once, holds nothing after it.)
        let surely_new = integration.is_some_and(|i| self.fresh.contains(&i));
        let found = match surely_new {
            true => None,
            false => match self.find_by_time(tx, spec, &row, &columns, integration).await? {
                Some(Some(found)) => Some(found),
                // Where the key holds the time, a record missing from its run is not here at all;
                // an artifact may be here under its tag from another time, which only its key finds.
                Some(None) if spec.key.contains(&"created_at") => None,
                _ => self.find(tx, spec, &row, &columns).await?,
            },
        };
        let id = match found {
            Some((id, here)) => {
                self.check_same(tx, spec, &row, &here, n).await?;
                *self.imported.present.entry(spec.table.to_owned()).or_default() += 1;
                id
            }
            None => {
                self.check_new(tx, spec, &row, integration, n).await?;
                self.wrote(spec, &row);
                let name = row.get("name").and_then(Value::as_str).map(str::to_owned);
                let id = self.push(tx, spec, row, &columns, n).await?;
                *self.imported.written.entry(spec.table.to_owned()).or_default() += 1;
                if let Some(id) = id {
                    let range = self.written_ids.entry(spec.table).or_insert((id, id));
                    *range = (range.0.min(id), range.1.max(id));
                    if spec.table == "integrations" {
                        self.fresh.insert(id);
                        self.names.insert(id, name.unwrap_or_default());
                    }
                }
                id
            }
        };
        if let Some(old) = old_id {
            self.map(spec.table, old, id, n)?;
        }
        Ok(())
    }

    /// On PostgreSQL, points each bucket the import moved at the artifact of its newest move, once.
    async fn settle_heads(&mut self, tx: &mut Tx) -> Result<()> {
        if self.settled || self.backend != Backend::Postgres {
            return Ok(());
        }
        self.settled = true;
        for integration in &self.moved {
            sqlx::query(
                "INSERT INTO buckets (integration_id, bucket, current_artifact_id)
                 SELECT e.integration_id, e.bucket, e.artifact_id FROM bucket_events e
                 JOIN (SELECT MAX(id) AS id FROM bucket_events WHERE integration_id = $1 GROUP BY bucket) newest
                   ON e.id = newest.id
                 ON CONFLICT (integration_id, bucket) DO UPDATE SET current_artifact_id = excluded.current_artifact_id",
            )
            .bind(*integration)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query("SELECT set_config('facetctl.importing', 'off', true)").execute(&mut **tx).await?;
        Ok(())
    }

    /// Notes what later records need to know of one just written.
    fn wrote(&mut self, spec: &Spec, row: &Map<String, Value>) {
        let text = |c: &str| row.get(c).and_then(Value::as_str).map(str::to_owned);
        if spec.table == "bucket_events" {
            self.moved.extend(row.get("integration_id").and_then(Value::as_i64));
        }
        if let ("registries", Some(username)) = (spec.table, text("username")) {
            self.imported.needs_secret.push(NeedsSecret {
                registry: text("name").unwrap_or_default(),
                uri: text("uri").unwrap_or_default(),
                username,
            });
        }
    }

    /// A table's columns here, read from the database's own catalogue once.
    async fn columns(&mut self, tx: &mut Tx, table: &'static str) -> Result<Arc<HashMap<String, Kind>>> {
        if !self.columns.contains_key(table) {
            let sql = match self.backend {
                Backend::Sqlite => "SELECT name, type FROM pragma_table_info($1)",
                Backend::Postgres => {
                    "SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = $1"
                }
            };
            let rows = sqlx::query(sql).bind(table).fetch_all(&mut **tx).await?;
            let mut columns = HashMap::new();
            for row in rows {
                let (name, ty): (String, String) = (row.try_get("name")?, row.try_get("type")?);
                let kind = match ty.to_ascii_lowercase().as_str() {
                    "integer" | "bigint" | "smallint" | "int" => Kind::Int,
                    "text" => Kind::Text,
                    other => {
                        return Err(Error::Failed(format!(
                            "{table}.{name} is of type {other}, which an import cannot write"
                        )));
                    }
                };
                columns.insert(name, kind);
            }
            self.columns.insert(table, Arc::new(columns));
        }
        Ok(Arc::clone(&self.columns[table]))
    }

    /// This store's id for the file's `old` id in `table`, if the import has seen that record.
    async fn mapped(&mut self, tx: &mut Tx, table: &'static str, old: i64) -> Result<Option<i64>> {
        if let Some(new) = self.ids.get(&(table, old)) {
            return Ok(Some(*new));
        }
        // Records refer to ones made shortly before them, so the mappings from this one on come
        // into the cache together: one query for thousands of references, not one each. (A mapping
        // not in the cache is in the table: only a cache with none waiting is cleared.)
        self.room_for_ids(tx, IDS_READ).await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT old, new FROM import_ids WHERE tbl = $1 AND old >= $2 ORDER BY old LIMIT {IDS_READ}"
        )))
        .bind(table)
        .bind(old)
        .fetch_all(&mut **tx)
        .await?;
        for row in rows {
            self.ids.insert((table, row.try_get("old")?), row.try_get("new")?);
        }
        Ok(self.ids.get(&(table, old)).copied())
    }

    /// Clears the id cache, its mappings written first, if `more` would not fit in it.
    async fn room_for_ids(&mut self, tx: &mut Tx, more: usize) -> Result<()> {
        if self.ids.len() + more > CACHED_IDS {
            self.flush_ids(tx).await?;
            self.ids.clear();
        }
        Ok(())
    }

    /// Notes which of this store's records is the file's `old` one, where other records refer to the table.
    fn map(&mut self, table: &'static str, old: i64, new: Option<i64>, n: u64) -> Result<()> {
        // An export lists a table's records in the order of their ids, so none can come twice.
        let last = self.last_ids.entry(table).or_insert(i64::MIN);
        if old <= *last {
            return Err(bad_line(n, &format!("{table} id {old} does not come after id {last}, the one before it")));
        }
        *last = old;
        let referred = SPECS.iter().any(|s| s.refs.iter().any(|(_, to)| *to == table));
        if let (Some(new), true) = (new, referred) {
            self.pending_ids.push((table, old, new));
            self.ids.insert((table, old), new);
        }
        Ok(())
    }

    /// The newest move of an integration here, as it was before the import wrote any of its moves
    /// (asked before the first one is written).
    async fn newest_move(&mut self, tx: &mut Tx, integration: i64) -> Result<Option<String>> {
        if let Some(known) = self.newest.get(&integration) {
            return Ok(known.clone());
        }
        let newest: Option<String> =
            sqlx::query("SELECT MAX(created_at) AS t FROM bucket_events WHERE integration_id = $1")
                .bind(integration)
                .fetch_one(&mut **tx)
                .await?
                .try_get("t")?;
        self.newest.insert(integration, newest.clone());
        Ok(newest)
    }

    /// As `find`, for a table whose records are found by their time, among a run of this store's read
    /// from that time on: the file's records come in time order, so thousands are found in one run,
    /// with no query each. None where a run cannot tell (the table is not found by time, or a run
    /// would hold nothing but that one instant).
    async fn find_by_time(
        &mut self,
        tx: &mut Tx,
        spec: &Spec,
        row: &Map<String, Value>,
        columns: &HashMap<String, Kind>,
        integration: Option<i64>,
    ) -> Result<Option<Found>> {
        let scope = match spec.table {
            "artifacts" | "bucket_events" | "promotions" => integration,
            "audit_events" => None,
            _ => return Ok(None),
        };
        let Some(at) = row.get("created_at").and_then(Value::as_str) else { return Ok(None) };
        let key = key_of(spec, row);
        if let Some(run) = self.runs.get(&(spec.table, scope)) {
            if run.covers(at) {
                return Ok(Some(run.found.get(&key).cloned()));
            }
            // A record older than the run (the file's times went back a little, as replicas' clocks
            // do) is looked for by itself; reading runs backwards, one per record, would be quadratic.
            if at < run.from.as_str() {
                return Ok(None);
            }
        }
        let mut wanted: Vec<&str> = spec.key.to_vec();
        wanted.extend(spec.same.iter().filter(|c| !spec.key.contains(c)));
        if !wanted.contains(&"created_at") {
            wanted.push("created_at");
        }
        if columns.contains_key("id") {
            wanted.push("id");
        }
        let read = |instant: bool| {
            let (scoped, time) = match (scope.is_some(), instant) {
                (true, false) => ("integration_id = $2 AND ", "created_at >= $1 ORDER BY created_at LIMIT "),
                (true, true) => ("integration_id = $2 AND ", "created_at = $1"),
                (false, false) => ("", "created_at >= $1 ORDER BY created_at LIMIT "),
                (false, true) => ("", "created_at = $1"),
            };
            let limit = if instant { String::new() } else { RUN_ROWS.to_string() };
            let sql = format!("SELECT {} FROM {} WHERE {scoped}{time}{limit}", wanted.join(", "), spec.table);
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(at.to_owned());
            if let Some(scope) = scope {
                query = query.bind(scope);
            }
            query
        };
        let mut rows = read(false).fetch_all(&mut **tx).await?;
        // A full run may end part-way through its last instant: it is whole only up to it.
        let mut until = match rows.len() < RUN_ROWS {
            true => None,
            false => rows.last().map(|r| r.try_get::<String, _>("created_at")).transpose()?,
        };
        if until.as_deref() == Some(at) {
            // A run that holds nothing but this instant: the instant is read whole, and the run covers it
            // alone (times are all of one length, so the instant followed by a NUL is just after it).
            rows = read(true).fetch_all(&mut **tx).await?;
            until = Some(format!("{at}\0"));
        }
        let mut found = HashMap::with_capacity(rows.len());
        for here in &rows {
            let mut fields = super::export::row_json(here);
            let id = fields.remove("id").and_then(|v| v.as_i64());
            let key = key_of(spec, &fields);
            // Only what a record found is compared on is kept: a run holds thousands.
            fields.retain(|column, _| spec.same.contains(&column.as_str()));
            found.insert(key, (id, fields));
        }
        if self.runs.values().map(|r| r.found.len()).sum::<usize>() + found.len() > CACHED_IDS {
            self.runs.clear();
        }
        let run = Span { from: at.to_owned(), until, found };
        let answer = run.found.get(&key).cloned();
        self.runs.insert((spec.table, scope), run);
        Ok(Some(answer))
    }

    /// The record here that is the file's, found by its key: its id and the columns to compare.
    async fn find(
        &mut self,
        tx: &mut Tx,
        spec: &Spec,
        row: &Map<String, Value>,
        columns: &HashMap<String, Kind>,
    ) -> Result<Found> {
        let mut wanted: Vec<&str> = spec.same.to_vec();
        if columns.contains_key("id") {
            wanted.push("id");
        }
        let select = if wanted.is_empty() { "1 AS found".to_owned() } else { wanted.join(", ") };
        let mut conditions = Vec::new();
        let mut binds = Vec::new();
        for column in spec.key {
            let value = &row[*column];
            if value.is_null() {
                conditions.push(format!("{column} IS NULL"));
            } else if *column == "name" || *column == "approver" {
                binds.push((*column, value));
                conditions.push(format!("lower({column}) = lower(${})", binds.len()));
            } else {
                binds.push((*column, value));
                conditions.push(format!("{column} = ${}", binds.len()));
            }
        }
        let sql = format!("SELECT {select} FROM {} WHERE {} LIMIT 1", spec.table, conditions.join(" AND "));
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (column, value) in binds {
            query = bind(query, columns[column], value);
        }
        let Some(here) = query.fetch_optional(&mut **tx).await? else { return Ok(None) };
        let mut fields = super::export::row_json(&here);
        let id = fields.remove("id").and_then(|v| v.as_i64());
        Ok(Some((id, fields)))
    }

    /// Refuses a record found here that is not the file's.
    async fn check_same(
        &mut self,
        tx: &mut Tx,
        spec: &Spec,
        row: &Map<String, Value>,
        here: &Map<String, Value>,
        n: u64,
    ) -> Result<()> {
        let Some(column) = spec.same.iter().find(|c| {
            let there = row.get(**c).unwrap_or(&Value::Null);
            here.get(**c).unwrap_or(&Value::Null) != there
        }) else {
            return Ok(());
        };
        let ours = self.shown(tx, spec, column, here.get(*column)).await?;
        let theirs = self.shown(tx, spec, column, row.get(*column)).await?;
        let named = self.named(tx, spec, row).await?;
        // A catalogue record can be renamed or removed; history cannot, so the way out is another store.
        let way_out = if row.contains_key("name") {
            "Rename or remove one of them, then import again".to_owned()
        } else {
            let integration = match row.get("integration_id").and_then(Value::as_i64) {
                Some(i) => self.integration_name(tx, i).await?,
                None => "it".to_owned(),
            };
            format!("The two histories have gone apart since; import into a control plane without {integration}")
        };
        Err(Error::Refused(format!(
            "the file's {named} is not this control plane's: its {} is {theirs} in the file and {ours} here \
             (line {n}); nothing was imported. {way_out}",
            column.trim_end_matches("_id").replace('_', " "),
        )))
    }

    /// Refuses a new record that cannot join what is here.
    async fn check_new(
        &mut self,
        tx: &mut Tx,
        spec: &Spec,
        row: &Map<String, Value>,
        integration: Option<i64>,
        n: u64,
    ) -> Result<()> {
        let Some(integration) = integration.filter(|i| !self.fresh.contains(i)) else { return Ok(()) };
        match spec.table {
            // An integration here that the file also has must send each bucket to the same registry.
            "bucket_registries" => {
                let named = self.named(tx, spec, row).await?;
                Err(Error::Refused(format!(
                    "the file's {named} is in another registry than this control plane's (line {n}); nothing was \
                     imported. Map the bucket the same way here, or remove one of the integrations, then import again"
                )))
            }
            // A bucket's head is its newest move: an older move written now would become the head.
            "bucket_events" => {
                let newest = self.newest_move(tx, integration).await?;
                let at = row.get("created_at").and_then(Value::as_str).unwrap_or_default();
                match newest {
                    // At the same time, which came first is not known either.
                    Some(newest) if at <= newest.as_str() => {
                        let name = self.integration_name(tx, integration).await?;
                        Err(Error::Refused(format!(
                            "the file's history of {name} is not this control plane's: a move of {at} in the file \
                             is not after the newest move here ({newest}), and the two would interleave (line {n}); \
                             nothing was imported. Import into a control plane without {name}, or remove it here first"
                        )))
                    }
                    _ => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    /// Queues a record to be written with the records after it; its new id where the table has ids.
    async fn push(
        &mut self,
        tx: &mut Tx,
        spec: &'static Spec,
        mut row: Map<String, Value>,
        columns: &HashMap<String, Kind>,
        n: u64,
    ) -> Result<Option<i64>> {
        let id = match columns.contains_key("id") {
            true => {
                let id = self.next_id(tx, spec.table).await?;
                row.insert("id".into(), Value::from(id));
                Some(id)
            }
            false => None,
        };
        let same_shape = self.batch.spec.is_some_and(|s| s.table == spec.table)
            && self.batch.columns.len() == row.len()
            && self.batch.columns.iter().zip(row.keys()).all(|(a, b)| a == b);
        if !same_shape {
            self.flush(tx).await?;
            self.batch.spec = Some(spec);
            self.batch.columns = row.keys().cloned().collect();
            self.batch.kinds = row.keys().map(|c| columns[c.as_str()]).collect();
            self.batch.first = n;
        }
        self.batch.bytes += row.values().map(|v| v.as_str().map_or(8, str::len)).sum::<usize>();
        self.batch.values.extend(row.into_iter().map(|(_, v)| v));
        self.batch.rows += 1;
        self.batch.last = n;
        let full = self.batch.values.len() + self.batch.columns.len() > MAX_PARAMETERS
            || self.batch.rows >= MAX_ROWS
            || self.batch.bytes >= MAX_BATCH_BYTES;
        if full {
            self.flush(tx).await?;
        }
        Ok(id)
    }

    /// An id for a new record of `table`. SQLite's write lock is the import's from its first statement,
    /// so ids count on from the largest; PostgreSQL's come from the table's sequence, as other writers' do.
    async fn next_id(&mut self, tx: &mut Tx, table: &'static str) -> Result<i64> {
        if self.backend == Backend::Sqlite {
            let next = match self.sqlite_next.get(table) {
                Some(next) => *next,
                None => {
                    let sql = format!(
                        "SELECT COALESCE(MAX(x), 0) + 1 AS id FROM (SELECT MAX(id) AS x FROM {table}
                         UNION ALL SELECT seq AS x FROM sqlite_sequence WHERE name = $1)"
                    );
                    sqlx::query(sqlx::AssertSqlSafe(sql)).bind(table).fetch_one(&mut **tx).await?.try_get("id")?
                }
            };
            self.sqlite_next.insert(table, next + 1);
            return Ok(next);
        }
        if let Some(id) = self.free_ids.get_mut(table).and_then(VecDeque::pop_front) {
            return Ok(id);
        }
        // As many as were written so far (1, 1, 2, 4... up to a thousand): a sequence's values are
        // gone once taken, so a small import does not leave a gap of a thousand ids.
        let written = self.imported.written.get(table).copied().unwrap_or(0) as i64;
        let sql = "SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)";
        let rows = sqlx::query(sql).bind(table).bind(written.clamp(1, IDS_TAKEN)).fetch_all(&mut **tx).await?;
        let mut ids =
            rows.iter().map(|r| r.try_get::<i64, _>("id")).collect::<std::result::Result<VecDeque<_>, _>>()?;
        let id = ids.pop_front().ok_or_else(|| Error::Failed(format!("no id for a new record of {table}")))?;
        self.free_ids.insert(table, ids);
        Ok(id)
    }

    /// Writes the queued records, then the queued id mappings.
    async fn flush(&mut self, tx: &mut Tx) -> Result<()> {
        if let (Some(spec), true) = (self.batch.spec, self.batch.rows > 0) {
            let width = self.batch.columns.len();
            // SQLite finds a `$N` by its name, a scan per value; `?` it takes in order.
            let backend = self.backend;
            let rows: Vec<String> = (0..self.batch.rows)
                .map(|r| {
                    let row: Vec<String> = (1..=width)
                        .map(|c| match backend {
                            Backend::Sqlite => "?".to_owned(),
                            Backend::Postgres => format!("${}", r * width + c),
                        })
                        .collect();
                    format!("({})", row.join(", "))
                })
                .collect();
            let sql =
                format!("INSERT INTO {} ({}) VALUES {}", spec.table, self.batch.columns.join(", "), rows.join(", "));
            // A full batch's statement comes back for the next one; a shorter one is a one-off, and a
            // connection that kept every one-off (each thousands of values wide) would grow with the file.
            let full = self.batch.rows == MAX_ROWS;
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(full);
            for (i, value) in self.batch.values.iter().enumerate() {
                query = bind(query, self.batch.kinds[i % width], value);
            }
            let (first, last) = (self.batch.first, self.batch.last);
            query.execute(&mut **tx).await.map_err(|e| match e {
                // A constraint the file's records break (a value missing, one name twice): the file's fault.
                sqlx::Error::Database(db) if db.kind() != sqlx::error::ErrorKind::Other => Error::Invalid(format!(
                    "lines {first}-{last} of the file: records of {} that cannot be written ({}); nothing was imported",
                    spec.table,
                    db.message()
                )),
                other => other.into(),
            })?;
        }
        self.batch.values.clear();
        self.batch.rows = 0;
        self.batch.bytes = 0;
        self.flush_ids(tx).await
    }

    /// Writes the queued id mappings.
    async fn flush_ids(&mut self, tx: &mut Tx) -> Result<()> {
        for chunk in self.pending_ids.chunks(1000) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| match self.backend {
                    Backend::Sqlite => "(?, ?, ?)".to_owned(),
                    Backend::Postgres => format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3),
                })
                .collect();
            let sql = format!("INSERT INTO import_ids (tbl, old, new) VALUES {}", rows.join(", "));
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1000);
            for (table, old, new) in chunk {
                query = query.bind(*table).bind(*old).bind(*new);
            }
            query.execute(&mut **tx).await?;
        }
        self.pending_ids.clear();
        Ok(())
    }

    /// A bucket's head is not written: its moves wrote it. For an integration the import created it
    /// must be what the file says, or the file's moves and heads disagree.
    async fn head(&mut self, tx: &mut Tx, row: &Map<String, Value>, integration: Option<i64>, n: u64) -> Result<()> {
        let Some(integration) = integration else { return Err(bad_line(n, "a bucket head without its integration")) };
        if !self.fresh.contains(&integration) {
            *self.imported.present.entry("buckets".into()).or_default() += 1;
            return Ok(());
        }
        let bucket = row.get("bucket").and_then(Value::as_str).unwrap_or_default();
        let head = sqlx::query("SELECT current_artifact_id FROM buckets WHERE integration_id = $1 AND bucket = $2")
            .bind(integration)
            .bind(bucket)
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| r.try_get::<i64, _>("current_artifact_id"))
            .transpose()?;
        if head != row.get("current_artifact_id").and_then(Value::as_i64) {
            return Err(bad_line(n, &format!("the head of bucket {bucket} is not the artifact of its newest move")));
        }
        *self.imported.written.entry("buckets".into()).or_default() += 1;
        Ok(())
    }

    /// A record as people name it, for messages.
    async fn named(&mut self, tx: &mut Tx, spec: &Spec, row: &Map<String, Value>) -> Result<String> {
        let text = |c: &str| row.get(c).and_then(Value::as_str).unwrap_or_default().to_owned();
        let integration = match row.get("integration_id").and_then(Value::as_i64) {
            Some(i) => self.integration_name(tx, i).await?,
            None => String::new(),
        };
        Ok(match spec.table {
            "artifacts" => format!("artifact {integration}/{}:{}", text("bucket"), text("tag")),
            "bucket_registries" => format!("bucket {integration}/{}", text("bucket")),
            "promotions" | "promotion_requests" => format!(
                "{} of {integration} from {} to {} made {}",
                spec.what,
                text("from_bucket"),
                text("to_bucket"),
                text("created_at")
            ),
            _ if row.contains_key("name") => format!("{} {:?}", spec.what, text("name")),
            _ if !integration.is_empty() => {
                format!("{} of {integration}/{} made {}", spec.what, text("bucket"), text("created_at"))
            }
            _ => format!("{} of {}", spec.what, text("created_at")),
        })
    }

    /// A column's value as people read it: a referenced record by its name.
    async fn shown(&mut self, tx: &mut Tx, spec: &Spec, column: &str, value: Option<&Value>) -> Result<String> {
        let value = value.unwrap_or(&Value::Null);
        let to = spec.refs.iter().find(|(c, _)| *c == column).map(|(_, t)| *t);
        Ok(match (to, value.as_i64()) {
            (Some(table), Some(id)) => {
                let sql = format!("SELECT name FROM {table} WHERE id = $1");
                match sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await? {
                    Some(r) => format!("{:?}", r.try_get::<String, _>("name")?),
                    None => format!("id {id}"),
                }
            }
            (Some(_), None) => "none".to_owned(),
            _ => match value {
                Value::Null => "none".to_owned(),
                v => v.to_string(),
            },
        })
    }

    async fn integration_name(&mut self, tx: &mut Tx, id: i64) -> Result<String> {
        if let Some(name) = self.names.get(&id) {
            return Ok(name.clone());
        }
        let name: String = sqlx::query("SELECT name FROM integrations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| r.try_get("name"))
            .transpose()?
            .unwrap_or_else(|| format!("integration {id}"));
        self.names.insert(id, name.clone());
        Ok(name)
    }

    /// The last line counts each table's records; the file holds exactly those, or it is not whole.
    fn check_counts(&self, end: &Value) -> Result<()> {
        let Some(counts) = end.as_object() else {
            return Err(not_an_export("its last line does not count its records"));
        };
        for (table, _) in TABLES {
            let said = counts.get(*table).and_then(Value::as_u64).unwrap_or(0);
            let held = self.read.get(*table).copied().unwrap_or(0);
            if said != held {
                return Err(Error::Invalid(format!(
                    "the file's last line counts {said} records of {table}, but it holds {held}: it is not whole; \
                     nothing was imported"
                )));
            }
        }
        Ok(())
    }
}

/// Whether a file's value can go in a column of `kind`, or why not.
fn check(kind: Kind, value: &Value) -> std::result::Result<(), &'static str> {
    match (kind, value) {
        (_, Value::Null) | (Kind::Int, Value::Bool(_)) | (Kind::Text, Value::String(_)) => Ok(()),
        (Kind::Int, Value::Number(v)) if v.as_i64().is_some() => Ok(()),
        (Kind::Int, Value::Number(_)) => Err("is not a whole number"),
        (Kind::Int, _) => Err("is not a number"),
        (Kind::Text, _) => Err("is not text"),
    }
}

/// Binds a value that `check` let through.
fn bind<'q>(query: Query<'q>, kind: Kind, value: &Value) -> Query<'q> {
    match (kind, value) {
        (Kind::Int, Value::Bool(b)) => query.bind(i64::from(*b)),
        (Kind::Int, v) => query.bind(v.as_i64()),
        (Kind::Text, v) => query.bind(v.as_str().map(str::to_owned)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The import reads what the export writes, table for table, in its order.
    #[test]
    fn every_exported_table_is_read_in_the_order_it_is_written() {
        let specs: Vec<&str> = SPECS.iter().map(|s| s.table).collect();
        let exported: Vec<&str> = TABLES.iter().map(|(t, _)| *t).collect();
        assert_eq!(specs, exported);
        assert_eq!(SPECS[MOVES].table, "bucket_events");
    }
}
