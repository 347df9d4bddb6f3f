//! Persistence of the control plane: one sqlx `AnyPool` code path over SQLite
//! (the embedded default) and PostgreSQL (for a server with several
//! replicas). Owns connecting, the schema's migrations per backend, and how
//! write transactions begin. It never decides what a change means;
//! `control::embedded` does.

pub mod audit;
pub mod backup;
pub mod export;
pub mod import;
pub mod migrate;
pub mod moves;
mod record_checks;
pub mod rows;
pub mod sessions;
pub mod users;

use std::path::Path;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Connection, Executor, Row};

use crate::error::{Error, Result};

/// A server on SQLite: connections for requests to read at once, beside the one writer.
const SERVER_SQLITE_READERS: u32 = 4;

/// How often a server on SQLite checkpoints: often enough that the WAL stays
/// well under the writers' backstop at 2,000 registrations/s (14 pages each).
const CHECKPOINT_EVERY: Duration = Duration::from_millis(50);

/// Serialises migrations across server replicas starting at once.
const POSTGRES_MIGRATION_LOCK: i64 = 0x0fac_e7c7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    /// For reads, and on PostgreSQL for everything.
    pub pool: AnyPool,
    /// For writes. On SQLite it is one connection: this process's writers
    /// queue for it in order rather than in SQLite's busy handler, which
    /// sleeps and is unfair (8 writers: p99 41 ms, one wait 332 ms, in the
    /// control-plane benchmark); and its page cache stays warm, where writers
    /// taking turns on several connections each threw theirs away.
    pub writer: AnyPool,
    pub backend: Backend,
    /// The SQLite database's URL, for the checkpointer's own connection.
    sqlite_url: Option<String>,
}

impl Store {
    /// Opens `sqlite:PATH` or `postgres://...` for a server.
    pub async fn open(url: &str) -> Result<Store> {
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            return Store::open_sqlite_with(Path::new(path), SERVER_SQLITE_READERS).await;
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
            .map_err(|e| Error::storage(format!("cannot connect to {}", redact_url(url)), e))?;
        let store = Store { writer: pool.clone(), pool, backend: Backend::Postgres, sqlite_url: None };
        let mut conn = store.pool.acquire().await?;
        sqlx::query("SELECT pg_advisory_lock($1)").bind(POSTGRES_MIGRATION_LOCK).execute(&mut *conn).await?;
        let applied = migrate::apply(&mut conn, Backend::Postgres).await;
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

    /// Opens (creating if needed) the SQLite database `path`, migrated to
    /// the latest schema, for one process doing one thing at a time: one
    /// connection, for reads and writes.
    pub async fn open_sqlite(path: &Path) -> Result<Store> {
        Store::open_sqlite_with(path, 0).await
    }

    /// As `open_sqlite`, with `readers` more connections for a server's
    /// concurrent reads (WAL lets them run beside the one writer).
    pub async fn open_sqlite_with(path: &Path, readers: u32) -> Result<Store> {
        sqlx::any::install_default_drivers();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::Failed(format!("cannot create {}: {e}", dir.display())))?;
        }
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let opened = |e: sqlx::Error| Error::storage(format!("cannot open {}", path.display()), e);
        let writer = sqlite_pool(1).connect(&url).await.map_err(opened)?;
        let pool = match readers {
            0 => writer.clone(),
            n => sqlite_pool(n).connect(&url).await.map_err(opened)?,
        };
        let store = Store { pool, writer, backend: Backend::Sqlite, sqlite_url: Some(url) };
        store.migrate_sqlite(path).await?;
        Ok(store)
    }

    /// An existing store opened read-only, for a glance that must change nothing (a shell's TAB):
    /// None when the file is missing, or its schema is not the one this build writes.
    pub async fn open_sqlite_read_only(path: &Path) -> Option<Store> {
        sqlx::any::install_default_drivers();
        if !path.is_file() {
            return None;
        }
        let url = format!("sqlite://{}?mode=ro", path.display());
        let pool = sqlite_pool(1).connect(&url).await.ok()?;
        let store = Store { pool: pool.clone(), writer: pool, backend: Backend::Sqlite, sqlite_url: Some(url) };
        (store.schema_version().await.ok()? == migrate::latest()).then_some(store)
    }

    /// Applies what migrations are missing. Many processes may start on a new
    /// file at once, so the check-and-apply runs under a file lock beside the
    /// database; the common case (up to date) takes one query and no lock.
    async fn migrate_sqlite(&self, path: &Path) -> Result<()> {
        if self.schema_version().await? >= migrate::latest() {
            return Ok(());
        }
        let lock_path = path.with_extension("migrate.lock");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::storage(format!("cannot open {}", lock_path.display()), e))?;
        let lock = tokio::task::spawn_blocking(move || lock.lock().map(|()| lock))
            .await
            .map_err(|e| Error::Failed(e.to_string()))?
            .map_err(|e| Error::storage(format!("cannot lock {}", lock_path.display()), e))?;
        // WAL lets readers run beside the one writer; it is a property of the file.
        sqlx::query("PRAGMA journal_mode = WAL").execute(&self.writer).await?;
        migrate::apply(&mut *self.writer.acquire().await?, Backend::Sqlite).await?;
        drop(lock);
        Ok(())
    }

    async fn schema_version(&self) -> Result<i64> {
        let tables = match self.backend {
            Backend::Sqlite => {
                "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            }
            Backend::Postgres => {
                "SELECT 1 AS found FROM information_schema.tables WHERE table_name = 'schema_migrations'
                 AND table_schema = current_schema()"
            }
        };
        let exists: Option<AnyRow> = sqlx::query(tables).fetch_optional(&self.pool).await?;
        if exists.is_none() {
            return Ok(0);
        }
        let row =
            sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").fetch_one(&self.pool).await?;
        Ok(row.try_get::<i64, _>("v")?)
    }

    /// For a long-running process on SQLite (the server): copies committed
    /// WAL pages into the database on a connection of its own, beside the
    /// writers, so that no write waits for a checkpoint's flush. PASSIVE never
    /// blocks a reader or writer. A no-op on PostgreSQL. Lives as long as the runtime.
    pub fn checkpoint_in_background(&self) {
        let Some(url) = self.sqlite_url.clone() else { return };
        tokio::spawn(async move {
            let mut conn = match sqlx::AnyConnection::connect(&url).await {
                Ok(conn) => conn,
                Err(e) => return tracing::warn!(error = %e, "no background checkpoints: cannot connect"),
            };
            let mut every = tokio::time::interval(CHECKPOINT_EVERY);
            loop {
                every.tick().await;
                if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&mut conn).await {
                    // Busy now and then is routine (a writer crossed the backstop); the next tick catches up.
                    tracing::debug!(error = %e, "background checkpoint skipped; writers will checkpoint");
                }
            }
        });
    }

    /// Closes every connection and waits until they are closed. On SQLite the
    /// last connection to close checkpoints the WAL into the database and
    /// removes it. A process that exits with its connections open leaves the
    /// WAL behind, and the next process to open the file reads all of it to
    /// rebuild its index (up to `wal_autocheckpoint` pages: tens of ms); so
    /// every command closes its store before it exits.
    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await;
    }

    /// Begins a write transaction that holds the write lock from its first
    /// statement, so it never fails half-way with "database is locked" when it
    /// upgrades from reading to writing.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        match self.backend {
            Backend::Sqlite => Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres => Ok(self.writer.begin().await?),
        }
    }
}

/// Connections to a SQLite file, each set up the same way.
fn sqlite_pool(connections: u32) -> AnyPoolOptions {
    AnyPoolOptions::new().max_connections(connections).acquire_timeout(Duration::from_secs(60)).after_connect(
        |conn, _| {
            Box::pin(async move {
                conn.execute("PRAGMA busy_timeout = 30000").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                conn.execute("PRAGMA synchronous = NORMAL").await?;
                // A checkpoint runs in the writer that crosses this many WAL
                // pages, and flushes them all: at the default 1,000 it stalled
                // 1 registration in 70 by 13-17 ms. A server checkpoints beside
                // its writer instead (`checkpoint_in_background`); this stays as the backstop.
                conn.execute("PRAGMA wal_autocheckpoint = 4000").await?;
                Ok(())
            })
        },
    )
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

/// Now, as a read of what is stored will answer it (to the microsecond).
pub fn stamp() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A home written by a version before migration 4 keeps its heads and
    /// leases through the rebuild of those tables, and heads follow events after it.
    #[tokio::test]
    async fn a_store_from_before_migration_4_keeps_its_heads_and_leases() {
        sqlx::any::install_default_drivers();
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("facetctl.db");
        let old = sqlx::AnyPool::connect(&format!("sqlite://{}?mode=rwc", path.display())).await.unwrap();
        sqlx::raw_sql("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            .execute(&old)
            .await
            .unwrap();
        for m in &migrate::MIGRATIONS[..3] {
            sqlx::raw_sql(m.sqlite).execute(&old).await.unwrap();
            sqlx::query("INSERT INTO schema_migrations VALUES ($1, 'then')")
                .bind(m.version)
                .execute(&old)
                .await
                .unwrap();
        }
        sqlx::raw_sql(
            "INSERT INTO registries (name, kind, uri, created_by, created_at) VALUES ('local', 'generic', 'r:5000', 'a', 't');
             INSERT INTO integrations (name, registration_type, registry_id, repository, layout, created_by, created_at)
                 VALUES ('payments', 'environment', 1, 'payments', 'repository-per-bucket', 'a', 't');
             INSERT INTO artifacts (integration_id, bucket, image_uri, tag, digest, media_type, created_by, created_at)
                 VALUES (1, 'qa', 'u', 'build-1', 'sha256:1', 'm', 'a', 't'), (1, 'qa', 'u', 'build-2', 'sha256:2', 'm', 'a', 't');
             INSERT INTO buckets VALUES (1, 'qa', 1);
             INSERT INTO bucket_locks VALUES (1, 'staging', 'tok', 'ci on h pid 1', 't', 99);",
        )
        .execute(&old)
        .await
        .unwrap();
        old.close().await;

        let store = Store::open_sqlite(&path).await.unwrap();
        let head = || sqlx::query("SELECT current_artifact_id AS id FROM buckets WHERE bucket = 'qa'");
        assert_eq!(head().fetch_one(&store.pool).await.unwrap().get::<i64, _>("id"), 1);
        let lease = sqlx::query("SELECT token FROM bucket_locks WHERE bucket = 'staging'").fetch_one(&store.pool).await;
        assert_eq!(lease.unwrap().get::<String, _>("token"), "tok");
        sqlx::query(
            "INSERT INTO bucket_events (integration_id, bucket, kind, artifact_id, actor, created_at)
             VALUES (1, 'qa', 'push', 2, 'a', 't')",
        )
        .execute(&store.pool)
        .await
        .unwrap();
        assert_eq!(head().fetch_one(&store.pool).await.unwrap().get::<i64, _>("id"), 2, "the head follows the event");
    }
}
