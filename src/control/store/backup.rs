//! Backups of a store while it serves, and restores into a new one.
//!
//! SQLite: `VACUUM INTO` writes a consistent copy from one read transaction,
//! so writers go on while it runs and the copy holds exactly what was
//! committed when it began. PostgreSQL: `pg_dump` in its custom format, one
//! repeatable-read snapshot, restored with `pg_restore` into a database with
//! no table at all. The connection's password reaches the tools through their
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
/// A backup that fails leaves no file behind, so the next attempt can use the name.
pub async fn backup(url: &str, to: &Path) -> Result<Summary> {
    if to.exists() {
        return Err(Error::Refused(format!("{} already exists; a backup never overwrites a file", to.display())));
    }
    let store = Store::open(url).await?;
    let made = match store.backend {
        Backend::Sqlite => {
            async {
                vacuum_into(&store, to).await?;
                check_sqlite(to).await
            }
            .await
        }
        Backend::Postgres => dump_postgres(&store, url, to).await,
    };
    match made {
        Ok(summary) => {
            // It holds every user's token hash: for its owner's eyes only.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o600));
            }
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(to);
            Err(e)
        }
    }
}

/// A consistent copy of a SQLite store, WAL included, from one read transaction.
async fn vacuum_into(store: &Store, to: &Path) -> Result<()> {
    let target = to.to_str().ok_or_else(|| Error::Invalid(format!("{} is not UTF-8", to.display())))?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&store.writer)
        .await
        .map_err(|e| Error::storage(format!("cannot write the backup {} (does its folder exist?)", to.display()), e))?;
    Ok(())
}

/// `pg_dump` of one snapshot, exported from a transaction held open while it reads: the counts
/// given are those of exactly what the dump holds. The dump is then read back (`pg_restore --list`).
async fn dump_postgres(store: &Store, url: &str, to: &Path) -> Result<Summary> {
    let version = store.schema_version().await?;
    let mut conn = store.pool.acquire().await?;
    sqlx::query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *conn).await?;
    let snapshot: String = sqlx::query("SELECT pg_export_snapshot() AS s").fetch_one(&mut *conn).await?.get("s");
    let summary = counted(&mut conn, version).await?;
    let mut dump = pg_tool("pg_dump", url)?;
    dump.args(["--format=custom", "--no-owner", "--snapshot", &snapshot, "--file"]).arg(to);
    let dumped =
        tokio::task::spawn_blocking(move || run(dump, "pg_dump")).await.map_err(|e| Error::Failed(e.to_string()))?;
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    dumped?;
    let mut list = Command::new("pg_restore");
    list.arg("--list").arg(to);
    run(list, "pg_restore --list")
        .map_err(|e| Error::Failed(format!("the dump {} does not read back: {e}", to.display())))?;
    Ok(summary)
}

/// What a backup file is, by its first bytes.
#[derive(PartialEq)]
enum Kind {
    Sqlite,
    PgDump,
    Other,
}

fn kind_of(path: &Path) -> Kind {
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).unwrap_or(0);
    match &head[..read] {
        h if h.starts_with(b"SQLite format 3\0") => Kind::Sqlite,
        h if h.starts_with(b"PGDMP") => Kind::PgDump,
        _ => Kind::Other,
    }
}

/// Restores the backup `from` into the store at `url`, which must be new (a file that does not
/// exist yet, or an empty PostgreSQL database); what it then holds.
pub async fn restore(from: &Path, url: &str) -> Result<Summary> {
    if !from.is_file() {
        return Err(Error::NotFound(format!("no backup file at {}", from.display())));
    }
    let kind = kind_of(from);
    if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        if path.contains(['%', '?', '#']) || path.is_empty() || path.starts_with(':') {
            return Err(Error::Invalid(format!(
                "restore into a plain file path (sqlite:/var/lib/facetctl/restored.db), not {url:?}"
            )));
        }
        match kind {
            Kind::Sqlite => {}
            Kind::PgDump => {
                return Err(Error::Invalid(format!(
                    "{} is a PostgreSQL dump; restore it into a postgres:// database",
                    from.display()
                )));
            }
            Kind::Other => return Err(Error::Invalid(format!("{} is not a facetctl backup", from.display()))),
        }
        let path = Path::new(path);
        if path.exists() {
            return Err(Error::Refused(format!(
                "{} already exists; restore into a new file, then point the server at it",
                path.display()
            )));
        }
        check_sqlite(from).await?;
        // Copied as SQLite copies, not byte by byte: a live database's WAL comes along.
        let copied = async {
            let source = read_only(from).await?;
            vacuum_into(&source, path).await?;
            // Opened as the server opens it: a backup from an older version is migrated here.
            Store::open(url).await?.summary().await
        }
        .await;
        if copied.is_err() {
            let _ = std::fs::remove_file(path);
        }
        return copied;
    }
    if kind != Kind::PgDump {
        let what = if kind == Kind::Sqlite {
            "a SQLite backup; restore it into a sqlite:PATH"
        } else {
            "not a facetctl backup"
        };
        return Err(Error::Invalid(format!("{} is {what}", from.display())));
    }
    if let Some(newer) = dumped_schema(from)?.filter(|v| *v > migrate::latest()) {
        return Err(Error::Refused(format!(
            "the dump {} is from a newer facetctl (schema {newer}); restore it with that version",
            from.display()
        )));
    }
    // Only into a database with nothing in it: another application's tables, or any of ours, stay untouched.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url)
        .await
        .map_err(|e| Error::storage(format!("cannot connect to {}", redact_url(url)), e))?;
    let tables: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()")
            .fetch_one(&pool)
            .await?
            .get("n");
    pool.close().await;
    if tables > 0 {
        return Err(Error::Refused(format!(
            "{} already has {tables} table(s); restore into a new, empty database (CREATE DATABASE ...)",
            redact_url(url)
        )));
    }
    let mut restore = pg_tool("pg_restore", url)?;
    restore.args(["--no-owner", "--single-transaction", "--exit-on-error"]);
    // The database's name only: who and where, and the password, are in the environment.
    restore.arg("--dbname").arg(database_name(url)).arg(from);
    run(restore, "pg_restore").map_err(|e| Error::Failed(format!("{e}; the database was left as it was")))?;
    Store::open(url).await?.summary().await
}

/// The schema version a PostgreSQL dump holds, read from its data without a database.
fn dumped_schema(dump: &Path) -> Result<Option<i64>> {
    let out = Command::new("pg_restore")
        .args(["--data-only", "--table=schema_migrations", "--file=-"])
        .arg(dump)
        .output()
        .map_err(|e| Error::Failed(format!("cannot run pg_restore: {e}; install PostgreSQL's client tools")))?;
    if !out.status.success() {
        return Err(Error::Failed(format!(
            "the dump {} is damaged: {}",
            dump.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.lines().filter_map(|l| l.split('\t').next()?.parse::<i64>().ok()).max())
}

/// A store opened read-only on a SQLite file, without migrating it.
async fn read_only(path: &Path) -> Result<Store> {
    sqlx::any::install_default_drivers();
    let url = sqlite_url(path, true);
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .map_err(|e| Error::storage(format!("cannot open the backup {}", path.display()), e))?;
    Ok(Store { pool: pool.clone(), writer: pool, backend: Backend::Sqlite, sqlite_url: Some(url) })
}

/// A `sqlite://` address for a path, whatever characters it holds.
fn sqlite_url(path: &Path, read_only: bool) -> String {
    let mut encoded = String::new();
    for c in path.display().to_string().chars() {
        match c {
            '%' => encoded.push_str("%25"),
            '?' => encoded.push_str("%3F"),
            '#' => encoded.push_str("%23"),
            c => encoded.push(c),
        }
    }
    if read_only { format!("sqlite://{encoded}?mode=ro") } else { format!("sqlite://{encoded}") }
}

/// Opens a SQLite backup read-only, checks its pages, and counts it.
async fn check_sqlite(path: &Path) -> Result<Summary> {
    let store = read_only(path).await?;
    let verdict: String = sqlx::query("PRAGMA integrity_check")
        .fetch_one(&store.pool)
        .await
        .map_err(|e| Error::Failed(format!("the backup {} is damaged: {e}", path.display())))?
        .get(0);
    if verdict != "ok" {
        return Err(Error::Failed(format!("the backup {} is damaged: {verdict}", path.display())));
    }
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

fn database_name(url: &str) -> String {
    reqwest::Url::parse(url).map(|u| percent_decode(u.path().trim_start_matches('/'))).unwrap_or_default()
}

/// A PostgreSQL client tool for the database at `url`: the connection in its environment.
fn pg_tool(tool: &str, url: &str) -> Result<Command> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Error::Invalid(format!("{}: {e}", redact_url(url))))?;
    let mut cmd = Command::new(tool);
    cmd.env("PGHOST", parsed.host_str().unwrap_or("localhost"))
        .env("PGPORT", parsed.port().unwrap_or(5432).to_string())
        .env("PGDATABASE", database_name(url));
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
