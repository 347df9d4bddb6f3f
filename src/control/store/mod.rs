//! Persistence of the control plane: one sqlx `AnyPool` code path over SQLite
//! (the embedded default) and PostgreSQL (for a server with several
//! replicas). Owns connecting, the schema's migrations per backend, and how
//! write transactions begin. It never decides what a change means;
//! `control::embedded` does.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row};

use crate::error::{Error, Result};

/// Migrations per backend, applied in order, each once.
const SQLITE_MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../../migrations/sqlite/0001_init.sql")),
    (2, include_str!("../../../migrations/sqlite/0002_users.sql")),
    (3, include_str!("../../../migrations/sqlite/0003_history_index.sql")),
];
const POSTGRES_MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../../migrations/postgres/0001_init.sql")),
    (2, include_str!("../../../migrations/postgres/0002_users.sql")),
    (3, include_str!("../../../migrations/postgres/0003_history_index.sql")),
];

/// Serialises migrations across server replicas starting at once.
const POSTGRES_MIGRATION_LOCK: i64 = 0x0fac_e7c7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    pub pool: AnyPool,
    pub backend: Backend,
}

impl Store {
    /// Opens `sqlite:PATH` or `postgres://...`.
    pub async fn open(url: &str) -> Result<Store> {
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            return Store::open_sqlite(Path::new(path)).await;
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Store::open_postgres(url).await;
        }
        Err(Error::Invalid(format!(
            "unknown database {:?}: use sqlite:PATH or postgres://USER@HOST/DB",
            redact_url(url)
        )))
    }

    /// Connects to PostgreSQL and migrates it, one replica at a time.
    pub async fn open_postgres(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await
            .map_err(|e| Error::Storage(format!("cannot connect to {}: {e}", redact_url(url))))?;
        let store = Store { pool, backend: Backend::Postgres };
        let mut conn = store.pool.acquire().await?;
        sqlx::query("SELECT pg_advisory_lock($1)").bind(POSTGRES_MIGRATION_LOCK).execute(&mut *conn).await?;
        let applied = async {
            sqlx::raw_sql(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
            )
            .execute(&mut *conn)
            .await?;
            let current: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations")
                .fetch_one(&mut *conn)
                .await?
                .try_get("v")?;
            for (version, sql) in POSTGRES_MIGRATIONS.iter().filter(|m| m.0 > current) {
                sqlx::raw_sql("BEGIN").execute(&mut *conn).await?;
                sqlx::raw_sql(*sql).execute(&mut *conn).await?;
                sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
                    .bind(*version)
                    .bind(now())
                    .execute(&mut *conn)
                    .await?;
                sqlx::raw_sql("COMMIT").execute(&mut *conn).await?;
            }
            Ok::<_, Error>(())
        }
        .await;
        sqlx::query("SELECT pg_advisory_unlock($1)").bind(POSTGRES_MIGRATION_LOCK).execute(&mut *conn).await?;
        applied?;
        drop(conn);
        Ok(store)
    }

    /// ` FOR UPDATE` where the backend locks rows (SQLite's write
    /// transactions lock the whole file already).
    pub fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        }
    }

    /// Opens (creating if needed) the SQLite database `path`, migrated to the latest schema.
    pub async fn open_sqlite(path: &Path) -> Result<Store> {
        sqlx::any::install_default_drivers();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::Failed(format!("cannot create {}: {e}", dir.display())))?;
        }
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let pool = AnyPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(60))
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA busy_timeout = 30000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|e| Error::Storage(format!("cannot open {}: {e}", path.display())))?;
        let store = Store { pool, backend: Backend::Sqlite };
        store.migrate_sqlite(path).await?;
        Ok(store)
    }

    /// Applies what migrations are missing. Many processes may start on a new
    /// file at once, so the check-and-apply runs under a file lock beside the
    /// database; the common case (up to date) takes one query and no lock.
    async fn migrate_sqlite(&self, path: &Path) -> Result<()> {
        let latest = SQLITE_MIGRATIONS.last().map_or(0, |m| m.0);
        if self.schema_version().await? >= latest {
            return Ok(());
        }
        let lock_path = path.with_extension("migrate.lock");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::Failed(format!("cannot open {}: {e}", lock_path.display())))?;
        let lock = tokio::task::spawn_blocking(move || lock.lock().map(|()| lock))
            .await
            .map_err(|e| Error::Failed(e.to_string()))?
            .map_err(|e| Error::Failed(format!("cannot lock {}: {e}", lock_path.display())))?;
        // WAL lets readers run beside the one writer; it is a property of the file.
        sqlx::query("PRAGMA journal_mode = WAL").execute(&self.pool).await?;
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        let current = self.schema_version().await?;
        for (version, sql) in SQLITE_MIGRATIONS.iter().filter(|m| m.0 > current) {
            let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
            sqlx::raw_sql(*sql).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
                .bind(*version)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        }
        drop(lock);
        Ok(())
    }

    async fn schema_version(&self) -> Result<i64> {
        let exists: Option<AnyRow> =
            sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
                .fetch_optional(&self.pool)
                .await?;
        if exists.is_none() {
            return Ok(0);
        }
        let row =
            sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").fetch_one(&self.pool).await?;
        Ok(row.try_get::<i64, _>("v")?)
    }

    /// Begins a write transaction that holds the write lock from its first
    /// statement, so it never fails half-way with "database is locked" when it
    /// upgrades from reading to writing.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        match self.backend {
            Backend::Sqlite => Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres => Ok(self.pool.begin().await?),
        }
    }
}

/// A database URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// Now, as stored: RFC 3339 UTC with microseconds.
pub fn now() -> String {
    format_time(chrono::Utc::now())
}

pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub fn parse_time(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| Error::Storage(format!("bad time {s:?} in the database: {e}")))
}
