//! `facetctl export` and `facetctl import`: a control plane's records as JSON
//! lines, out of one store and into another control plane.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::Printer;
use crate::control::ControlPlane;
use crate::control::store::Store;
use crate::control::store::import::Imported;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only records made at or after this time (RFC 3339, or a date YYYY-MM-DD); the catalogue is always whole.
    #[arg(long)]
    since: Option<String>,
    /// sqlite:PATH or postgres://USER@HOST/DB (default: the embedded store). Put a password in
    /// FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument.
    #[arg(long, env = "FACETCTL_DATABASE_URL", hide_env_values = true)]
    database: Option<String>,
}

/// `facetctl export`: the store's records on stdout; how many of each on stderr.
pub async fn export(p: &Printer, args: ExportArgs, home: &Path, remote: Option<String>) -> anyhow::Result<()> {
    let since = args
        .since
        .map(|s| crate::model::parse_time(&s).map_err(|e| crate::Error::Invalid(format!("--since {}", e.0))))
        .transpose()?;
    let store = match &args.database {
        Some(url) => Store::open(url).await?,
        None => {
            let path = home.join("facetctl.db");
            if let Some(remote) = remote {
                p.warn(&format!(
                    "exporting the embedded store ({}), not {remote}: a server's records come from its database \
                     (--database, where the server runs)",
                    path.display()
                ));
            }
            Store::open_sqlite(&path).await?
        }
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let counts = crate::control::store::export::export(&store, since, &mut out).await?;
    let total: u64 = counts.values().filter_map(serde_json::Value::as_u64).sum();
    p.note(&format!("exported {total} records"));
    Ok(())
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export to read (`facetctl export` wrote it), or - for stdin.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// `facetctl import`: an export's records into the control plane this command uses.
pub async fn import(plane: &dyn ControlPlane, p: &Printer, args: ImportArgs) -> anyhow::Result<()> {
    let given = args.file.display();
    match std::fs::metadata(&args.file) {
        _ if args.file.as_os_str() == "-" => {}
        Ok(m) if m.is_dir() => {
            return Err(
                crate::Error::Invalid(format!("{given} is a folder; give the file `facetctl export` wrote")).into()
            );
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(
                crate::Error::NotFound(format!("no file {given}; give the file `facetctl export` wrote")).into()
            );
        }
        Err(e) => return Err(crate::Error::Invalid(format!("cannot read {given}: {e}")).into()),
    }
    let (records, from): (crate::control::Records, String) = if args.file.as_os_str() == "-" {
        (Box::new(tokio::io::BufReader::with_capacity(1 << 16, tokio::io::stdin())), "stdin".into())
    } else {
        let file = tokio::fs::File::open(&args.file).await.map_err(|e| {
            crate::Error::Invalid(format!(
                "cannot read {}: {e}; give the file `facetctl export` wrote",
                args.file.display()
            ))
        })?;
        (Box::new(tokio::io::BufReader::with_capacity(1 << 16, file)), args.file.display().to_string())
    };
    let imported = plane.import_records(records).await?;
    for registry in &imported.needs_secret {
        p.warn(&format!(
            "registry {} ({} as {}) needs its secret again (an export never holds one): \
             facetctl registry set-secret {} --password-stdin",
            registry.registry, registry.uri, registry.username, registry.registry
        ));
    }
    p.result(&imported, &summary(&imported, &from, &plane.location()))
}

/// One line of what was written, and what was here already.
fn summary(imported: &Imported, from: &str, into: &str) -> String {
    let (written, present) = (imported.written_total(), imported.present_total());
    if written == 0 {
        return format!(
            "nothing to import from {from} into {into}: every record it holds ({present}, exported {}) is here already",
            imported.exported_at
        );
    }
    let tables: Vec<String> = crate::control::store::export::TABLES
        .iter()
        .filter_map(|(table, _)| Some((imported.written.get(*table)?, table)))
        .map(|(n, table)| format!("{n} {}", noun(table, *n)))
        .collect();
    let here = match present {
        0 => String::new(),
        n => format!("; {n} were here already"),
    };
    format!(
        "imported {written} {} from {from} (exported {}) into {into}: {}{here}",
        noun("records", written),
        imported.exported_at,
        tables.join(", ")
    )
}

/// What a table's records are called, one or many.
fn noun(table: &str, n: u64) -> String {
    let one = match table {
        "registries" => "registry",
        "bucket_registries" => "bucket registry",
        "buckets" => "bucket head",
        "bucket_events" => "move",
        "request_approvals" => "approval",
        other => other.strip_suffix('s').unwrap_or(other),
    };
    let one = one.replace('_', " ");
    match (n, one.strip_suffix('y')) {
        (1, _) => one,
        (_, Some(stem)) => format!("{stem}ies"),
        _ => format!("{one}s"),
    }
}
