//! Backups of a store while it serves, and restores into a new one.
//!
//! SQLite: `VACUUM INTO` writes a consistent copy from one read transaction,
//! so writers go on while it runs and the copy holds exactly what was
//! committed when it began. PostgreSQL: `pg_dump` in its custom format, one
//! repeatable-read snapshot, restored with `pg_restore` into an empty
//! database. The connection's password reaches the tools through their
//! environment (`PGPASSWORD`), never their arguments. Each backup and
//! restore is then opened and counted, so a copy that cannot be read is
//! found now, not on the day it is needed.

use std::path::Path;
use std::process::Command;

use sqlx::Row;

use super::{Backend, Store, migrate, redact_url};
use crate::error::{Error, Result};

/// What a store holds, as a backup is checked against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub schema_version: i64,
    pub artifacts: i64,
    pub bucket_events: i64,
    pub promotions: i64,
    pub promotion_requests: i64,
    pub audit_events: i64,
    pub users: i64,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "schema {}, {} artifacts, {} bucket events, {} promotions, {} requests, {} audit events, {} users",
            self.schema_version,
            self.artifacts,
            self.bucket_events,
            self.promotions,
            self.promotion_requests,
            self.audit_events,
            self.users
        )
    }
}

impl Store {
    /// Counts what the store holds.
    pub async fn summary(&self) -> Result<Summary> {
        let version = self.schema_version().await?;
        let mut conn = self.pool.acquire().await?;
        counted(&mut conn, version).await
    }
}

/// Counts what a connection sees (in its transaction, when it is in one).
async fn counted(conn: &mut sqlx::AnyConnection, schema_version: i64) -> Result<Summary> {
    let mut count = async |table: &'static str| {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        Ok::<i64, Error>(sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await?.get("n"))
    };
    Ok(Summary {
        schema_version,
        artifacts: count("artifacts").await?,
        bucket_events: count("bucket_events").await?,
        promotions: count("promotions").await?,
        promotion_requests: count("promotion_requests").await?,
        audit_events: count("audit_events").await?,
        users: count("users").await?,
    })
}

/// Backs up the store at `url` into `to`, a file that must not exist yet; what the backup holds.
pub async fn backup(url: &str, to: &Path) -> Result<Summary> {
    if to.exists() {
        return Err(Error::Refused(format!("{} already exists; a backup never overwrites a file", to.display())));
    }
    let store = Store::open(url).await?;
    match store.backend {
        Backend::Sqlite => {
            let target = to.to_str().ok_or_else(|| Error::Invalid(format!("{} is not UTF-8", to.display())))?;
            sqlx::query("VACUUM INTO $1")
                .bind(target)
                .execute(&store.writer)
                .await
                .map_err(|e| Error::storage(format!("cannot write the backup {}", to.display()), e))?;
            check_sqlite(to).await
        }
        Backend::Postgres => {
            // One snapshot, exported from a transaction held open while pg_dump reads it: the
            // counts given are those of exactly what the dump holds.
            let version = store.schema_version().await?;
            let mut conn = store.pool.acquire().await?;
            sqlx::query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *conn).await?;
            let snapshot: String =
                sqlx::query("SELECT pg_export_snapshot() AS s").fetch_one(&mut *conn).await?.get("s");
            let summary = counted(&mut conn, version).await?;
            let mut dump = pg_tool("pg_dump", url)?;
            dump.args(["--format=custom", "--no-owner", "--snapshot", &snapshot, "--file"]).arg(to);
            let dumped = tokio::task::spawn_blocking(move || run(dump, "pg_dump"))
                .await
                .map_err(|e| Error::Failed(e.to_string()))?;
            sqlx::query("COMMIT").execute(&mut *conn).await?;
            dumped?;
            Ok(summary)
        }
    }
}

/// Restores the backup `from` into the store at `url`, which must be new (a file that does not
/// exist yet, or an empty PostgreSQL database); what it then holds.
pub async fn restore(from: &Path, url: &str) -> Result<Summary> {
    if !from.is_file() {
        return Err(Error::NotFound(format!("no backup at {}", from.display())));
    }
    if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        let path = Path::new(path);
        if path.exists() {
            return Err(Error::Refused(format!(
                "{} already exists; restore into a new file, then point the server at it",
                path.display()
            )));
        }
        check_sqlite(from).await?;
        std::fs::copy(from, path).map_err(|e| Error::Failed(format!("cannot write {}: {e}", path.display())))?;
        // Opened as the server opens it: a backup from an older version is migrated here.
        return Store::open(url).await?.summary().await;
    }
    let store = Store::open(url).await?;
    let used = store.summary().await?;
    if used.artifacts + used.audit_events + used.users > 0 {
        return Err(Error::Refused(format!(
            "{} already holds records ({}); restore into an empty database",
            redact_url(url),
            used.line()
        )));
    }
    store.pool.close().await;
    let mut restore = pg_tool("pg_restore", url)?;
    // The empty database was given this build's tables on opening; the backup's replace them.
    restore.args(["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]);
    // The database's name only: who and where, and the password, are in the environment.
    let name = reqwest::Url::parse(url).map(|u| u.path().trim_start_matches('/').to_owned()).unwrap_or_default();
    restore.arg("--dbname").arg(name).arg(from);
    run(restore, "pg_restore")?;
    Store::open(url).await?.summary().await
}

/// Opens a SQLite backup read-only, checks its pages, and counts it.
async fn check_sqlite(path: &Path) -> Result<Summary> {
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=ro", path.display());
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .map_err(|e| Error::storage(format!("cannot open the backup {}", path.display()), e))?;
    let verdict: String = sqlx::query("PRAGMA integrity_check").fetch_one(&pool).await?.get(0);
    if verdict != "ok" {
        return Err(Error::Failed(format!("the backup {} is damaged: {verdict}", path.display())));
    }
    let store = Store { pool: pool.clone(), writer: pool, backend: Backend::Sqlite, sqlite_url: Some(url) };
    let summary = store.summary().await?;
    if summary.schema_version > migrate::latest() {
        return Err(Error::Refused(format!(
            "the backup {} is from a newer facetctl (schema {}); restore it with that version",
            path.display(),
            summary.schema_version
        )));
    }
    Ok(summary)
}

/// A PostgreSQL client tool for the database at `url`: the connection in its environment.
fn pg_tool(tool: &str, url: &str) -> Result<Command> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Error::Invalid(format!("{}: {e}", redact_url(url))))?;
    let mut cmd = Command::new(tool);
    cmd.env("PGHOST", parsed.host_str().unwrap_or("localhost"))
        .env("PGPORT", parsed.port().unwrap_or(5432).to_string())
        .env("PGDATABASE", parsed.path().trim_start_matches('/'));
    if !parsed.username().is_empty() {
        cmd.env("PGUSER", parsed.username());
    }
    if let Some(password) = parsed.password() {
        let decoded = percent_decode(password);
        cmd.env("PGPASSWORD", decoded);
    }
    Ok(cmd)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok())) {
            (b'%', Some(hex)) if u8::from_str_radix(hex, 16).is_ok() => {
                out.push(u8::from_str_radix(hex, 16).unwrap_or_default());
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn run(mut cmd: Command, tool: &str) -> Result<()> {
    let out = cmd.output().map_err(|e| {
        Error::Failed(format!("cannot run {tool}: {e}; install PostgreSQL's client tools (Debian: postgresql-client)"))
    })?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Failed(format!("{tool} failed: {}", said.trim())));
    }
    Ok(())
}
