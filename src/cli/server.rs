//! `facetctl server` and `facetctl server users add`.

use std::net::SocketAddr;
use std::path::Path;

use clap::{Args, Subcommand};

use super::output::Printer;
use super::words;
use crate::control::store::Store;
use crate::control::store::users;
use crate::model::Role;
use crate::server;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServerArgs {
    #[command(subcommand)]
    command: Option<ServerCommand>,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:8080", env = "FACETCTL_LISTEN")]
    listen: SocketAddr,
    #[command(flatten)]
    database: DatabaseArg,
}

#[derive(Debug, Args)]
pub struct DatabaseArg {
    /// sqlite:PATH or postgres://USER@HOST/DB (default: sqlite in FACETCTL_HOME). Put a password in
    /// FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument.
    #[arg(long, env = "FACETCTL_DATABASE_URL", hide_env_values = true)]
    database: Option<String>,
}

#[derive(Debug, Subcommand)]
enum ServerCommand {
    /// The server's users and their tokens.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Back up the database while the server runs: a consistent copy, checked once written.
    #[command(
        after_long_help = "SQLite is copied with VACUUM INTO (writers go on meanwhile); PostgreSQL with pg_dump in its \
custom format. The copy holds every record committed before the backup began.\n\nExamples:\n  facetctl server backup --to /backups/facetctl-2026-12-03.db\n  facetctl server backup --database postgres://facetctl@db/facetctl --to facetctl.dump"
    )]
    Backup {
        /// The file to write; it must not exist.
        #[arg(long, value_name = "FILE")]
        to: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Restore a backup into a new database (a SQLite file that does not exist yet, or an empty PostgreSQL database).
    #[command(
        after_long_help = "Examples:\n  facetctl server restore --from facetctl-2026-12-03.db --database sqlite:/srv/facetctl/new.db\n  facetctl server restore --from facetctl.dump --database postgres://facetctl@db/facetctl_new"
    )]
    Restore {
        /// The backup to restore.
        #[arg(long, value_name = "FILE")]
        from: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArg,
    },
}

#[derive(Debug, Subcommand)]
enum UsersCommand {
    /// Add a user; prints their new token once, on stdout.
    #[command(
        after_long_help = "Examples:\n  facetctl server users add ada@example.com --role admin\n  facetctl server users add ci-bot --role developer --database postgres://facetctl@db/facetctl"
    )]
    Add {
        /// The user's name, or email address as Facets' clients sign in.
        name: String,
        /// What they may do: viewer, developer, release-manager or admin.
        #[arg(long, value_parser = words::<Role>(), ignore_case = true)]
        role: Role,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Revoke a user's token at once.
    #[command(after_long_help = "Examples:\n  facetctl server users revoke ci-bot")]
    Revoke {
        /// The user whose token stops working now.
        name: String,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// List users and whether their tokens work.
    #[command(after_long_help = "Examples:\n  facetctl server users list")]
    List {
        #[command(flatten)]
        database: DatabaseArg,
    },
}

impl DatabaseArg {
    fn url(&self, home: &Path) -> String {
        match &self.database {
            Some(url) => url.clone(),
            None => format!("sqlite:{}", home.join("server.db").display()),
        }
    }

    async fn open(&self, home: &Path) -> anyhow::Result<Store> {
        Ok(Store::open(&self.url(home)).await?)
    }
}

pub async fn run(p: &Printer, args: ServerArgs, home: &Path) -> anyhow::Result<()> {
    let ServerArgs { command, listen, database } = args;
    match command {
        None => {
            let store = database.open(home).await?;
            store.checkpoint_in_background();
            server::serve(listen, store, crate::secrets::open(home), super::lease_length()?).await?;
            Ok(())
        }
        Some(ServerCommand::Users(UsersCommand::Add { name, role, database })) => {
            let store = database.open(home).await?;
            let token = users::add(&store, &name, role, &crate::app::actor::resolve()).await?;
            p.note(&format!("user {name} ({role}) added; this token is shown once, so keep it now"));
            p.result(&serde_json::json!({"user": name, "role": role, "token": token}), &token)
        }
        Some(ServerCommand::Users(UsersCommand::Revoke { name, database })) => {
            let store = database.open(home).await?;
            users::revoke(&store, &name, &crate::app::actor::resolve()).await?;
            p.result(&serde_json::json!({"user": name, "revoked": true}), &format!("revoked {name}'s token"))
        }
        Some(ServerCommand::Backup { to, database }) => {
            let url = database.url(home);
            let summary = crate::control::store::backup::backup(&url, &to).await?;
            let from = crate::control::store::redact_url(&url);
            p.result(
                &serde_json::json!({"backup": to, "from": from, "holds": summary}),
                &format!("backed up {from} to {}: {}", to.display(), summary.line()),
            )
        }
        Some(ServerCommand::Restore { from, database }) => {
            let url = database.url(home);
            let summary = crate::control::store::backup::restore(&from, &url).await?;
            let into = crate::control::store::redact_url(&url);
            p.result(
                &serde_json::json!({"restored": from, "into": into, "holds": summary}),
                &format!("restored {} into {into}: {}", from.display(), summary.line()),
            )
        }
        Some(ServerCommand::Users(UsersCommand::List { database })) => {
            let store = database.open(home).await?;
            let all = users::list(&store).await?;
            let lines: Vec<String> = all
                .iter()
                .map(|u| format!("{}\t{}\t{}", u.user, u.role, if u.active { "active" } else { "revoked" }))
                .collect();
            p.result(&all, &lines.join("\n"))
        }
    }
}
