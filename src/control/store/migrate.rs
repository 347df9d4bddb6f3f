//! The schema's migrations: one list, each change written once per backend,
//! applied by one runner. Each backend's `open` holds its own lock around the
//! runner (a file lock beside a SQLite database, an advisory lock on
//! PostgreSQL), since many processes may start on a new store at once.

use sqlx::{AnyConnection, Connection, Row};

use super::{Backend, now};
use crate::error::{Error, Result};

/// One change of the schema, as each backend spells it.
pub struct Migration {
    pub version: i64,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

macro_rules! migration {
    ($version:literal, $file:literal) => {
        Migration {
            version: $version,
            sqlite: include_str!(concat!("../../../migrations/sqlite/", $file)),
            postgres: include_str!(concat!("../../../migrations/postgres/", $file)),
        }
    };
}

pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_init.sql"),
    migration!(2, "0002_users.sql"),
    migration!(3, "0003_history_index.sql"),
    migration!(4, "0004_head_follows_events.sql"),
    migration!(5, "0005_lease_holder_columns.sql"),
    migration!(6, "0006_names_unique_whatever_their_case.sql"),
    migration!(7, "0007_routing_rules.sql"),
    migration!(8, "0008_freezes.sql"),
    migration!(9, "0009_promotion_requests.sql"),
    migration!(10, "0010_bucket_registries.sql"),
    migration!(11, "0011_promotion_releases.sql"),
    migration!(12, "0012_ui_sessions.sql"),
    migration!(13, "0013_records_by_time.sql"),
];

/// The version a store is at when every migration has been applied.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

impl Migration {
    fn sql(&self, backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.postgres,
        }
    }
}

/// Applies the migrations the store lacks, each with its version in one
/// transaction, so a store is always at some version and never between two.
/// The caller holds the backend's migration lock.
pub async fn apply(conn: &mut AnyConnection, backend: Backend) -> Result<()> {
    let (create, begin) = match backend {
        Backend::Sqlite => (
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
            "BEGIN IMMEDIATE",
        ),
        Backend::Postgres => (
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
            "BEGIN",
        ),
    };
    sqlx::raw_sql(create).execute(&mut *conn).await?;
    let current: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations")
        .fetch_one(&mut *conn)
        .await?
        .try_get("v")?;
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        // A transaction that rolls back when dropped, so a failed or cancelled
        // migration never leaves the connection inside one.
        let mut tx = conn.begin_with(begin).await?;
        let applied = async {
            sqlx::raw_sql(migration.sql(backend)).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
                .bind(migration.version)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await;
        applied.map_err(|e| Error::storage(format!("cannot apply migration {}", migration.version), e))?;
    }
    Ok(())
}
