//! `facetctl freeze`: windows in which a bucket does not move.

use chrono::{DateTime, Utc};
use clap::Subcommand;

use super::output::Printer;
use crate::app::App;
use crate::control::NewFreeze;
use crate::error::Error;
use crate::model::Window;

#[derive(Debug, Subcommand)]
pub enum FreezeCommand {
    /// Freeze a bucket: pushes, promotions and rollbacks into it are refused while the window holds.
    #[command(after_long_help = "Examples:\n  \
        facetctl freeze create --integration payments --bucket production \\\n      --from 2026-12-24T00:00:00Z --until 2026-12-27T00:00:00Z --reason 'holidays'\n  \
        facetctl freeze create --all --bucket production --weekly 'fri 16:00-mon 08:00' \\\n      --timezone Europe/Berlin --reason 'no weekend releases'")]
    Create {
        /// The integration whose bucket is frozen.
        #[arg(long, required_unless_present = "all", conflicts_with = "all", add = super::complete::integrations())]
        integration: Option<String>,
        /// Every integration's bucket of this name.
        #[arg(long)]
        all: bool,
        /// The bucket frozen, by name.
        #[arg(long, add = super::complete::buckets())]
        bucket: String,
        /// Start (RFC 3339, e.g. 2026-12-24T00:00:00Z); with --until.
        #[arg(long, requires = "until", conflicts_with = "weekly")]
        from: Option<String>,
        /// End (RFC 3339); with --from.
        #[arg(long, requires = "from")]
        until: Option<String>,
        /// Each week: 'DAY HH:MM-DAY HH:MM', e.g. 'fri 16:00-mon 08:00'.
        #[arg(long, required_unless_present = "from")]
        weekly: Option<String>,
        /// The weekly window's time zone: an IANA name, or UTC.
        #[arg(long, default_value = "UTC", requires = "weekly")]
        timezone: String,
        /// Why: shown to everyone the freeze stops.
        #[arg(long)]
        reason: String,
    },
    /// The freezes in force, whether or not their window holds now.
    #[command(after_long_help = "Examples:\n  facetctl freeze list\n  facetctl -o json freeze list")]
    List,
    /// End a freeze now; it stays in the audit log.
    #[command(after_long_help = "Examples:\n  facetctl freeze end 3")]
    End {
        /// The freeze, by the id `freeze list` shows.
        id: i64,
    },
}

fn time(flag: &str, s: &str) -> Result<DateTime<Utc>, Error> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::Invalid(format!("--{flag} {s:?} is not an RFC 3339 time, e.g. 2026-12-24T00:00:00Z")))
}

pub async fn run(app: &App, p: &Printer, c: FreezeCommand) -> anyhow::Result<()> {
    match c {
        FreezeCommand::Create { integration, all: _, bucket, from, until, weekly, timezone, reason } => {
            let window = match (from, until, weekly) {
                (Some(from), Some(until), None) => Window::between(time("from", &from)?, time("until", &until)?),
                (None, None, Some(weekly)) => Window::weekly(&weekly, &timezone),
                _ => unreachable!("clap requires --from with --until, or --weekly"),
            }
            .map_err(Error::from)?;
            p.one(&app.plane.create_freeze(NewFreeze { integration, bucket, window, reason }).await?)
        }
        FreezeCommand::List => p.list(&app.plane.freezes().await?),
        FreezeCommand::End { id } => p.one(&app.plane.end_freeze(id).await?),
    }
}
