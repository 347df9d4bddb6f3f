//! The command line: clap definitions (their doc comments are the help text,
//! the man page and the completions), dispatch, and the one place where
//! errors become exit codes. No use case logic lives here.

pub mod action;
mod artifact;
mod complete;
mod freezes;
mod hints;
mod moves;
pub mod output;
mod prompt;
mod records;
mod render;
mod requests;
mod rules;
mod server;
mod session;
mod setup;
mod step;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand};

use crate::app::{self, App};
use crate::control::Embedded;
use crate::control::store::Store;
use crate::error::{Error, ErrorKind};
use output::{Format, Printer};

/// Move container images through environments, digest-pinned, with a record of every move.
#[derive(Debug, Parser)]
#[command(name = "facetctl", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// How results print on stdout.
    #[arg(
        long,
        short = 'o',
        global = true,
        help_heading = "Global options",
        value_enum,
        default_value = "table",
        env = "FACETCTL_OUTPUT"
    )]
    output: Format,
    /// Never prompt, as off a terminal: a missing value or confirmation fails with exit 2 instead.
    #[arg(long, global = true, help_heading = "Global options", env = "FACETCTL_NO_INPUT", value_parser = clap::builder::FalseyValueParser::new())]
    no_input: bool,
    /// Answer yes to every confirmation: rollbacks, repairs, deletes, moves into protected buckets.
    #[arg(long, short = 'y', global = true, help_heading = "Global options")]
    yes: bool,
    /// Print only results and errors.
    #[arg(long, short = 'q', global = true, help_heading = "Global options", conflicts_with = "verbose")]
    quiet: bool,
    /// Say more on stderr (-v: steps and credential sources; -vv: HTTP detail).
    #[arg(long, short = 'v', global = true, help_heading = "Global options", action = clap::ArgAction::Count)]
    verbose: u8,
    /// Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN.
    #[arg(long, global = true, help_heading = "Global options", env = "FACETS_CONTROL_PLANE_URL", value_name = "URL")]
    api_url: Option<String>,
    /// Use a profile saved by `facetctl login --profile P`.
    #[arg(long, global = true, help_heading = "Global options", env = "FACETCTL_PROFILE", add = complete::profiles())]
    profile: Option<String>,
    /// How long to wait for another facetctl writing into the same bucket.
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "SECONDS",
        default_value = "120",
        env = "FACETCTL_LOCK_TIMEOUT"
    )]
    lock_timeout: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Release streams: named lines of releases (QA, PRODUCTION).
    #[command(subcommand)]
    ReleaseStream(setup::ReleaseStreamCommand),
    /// Environments: where a release stream runs (qa, staging, production).
    #[command(subcommand)]
    Environment(setup::EnvironmentCommand),
    /// Container registries that integrations keep their images in.
    #[command(subcommand)]
    Registry(setup::RegistryCommand),
    /// Promotion workflows: the ordered stages artifacts move through.
    #[command(subcommand)]
    Workflow(setup::WorkflowCommand),
    /// CI integrations: one service's images, one bucket per stage.
    #[command(subcommand)]
    Integration(setup::IntegrationCommand),
    /// Routing rules: which bucket a push that names none goes to, by its branch or metadata.
    #[command(subcommand)]
    Rule(rules::RuleCommand),
    /// Freeze windows: times in which a bucket does not move.
    #[command(subcommand)]
    Freeze(freezes::FreezeCommand),
    /// Push, register and list artifacts.
    #[command(subcommand)]
    Artifact(artifact::ArtifactCommand),
    /// Promote a bucket's artifact to the next stage of the workflow.
    #[command(
        after_long_help = "Examples:\n  facetctl promote --integration payments --from qa --to staging --reason 'QA passed'\n  facetctl promote --integration payments --from staging --to production --wait --timeout 2h\n  facetctl promote --integration payments --from qa --to staging --artifact 41 --dry-run\n  facetctl promote --integration payments,ledger,web --from staging --to production --yes\n  facetctl promote --all --from staging --to production --release 2026.12 --yes"
    )]
    Promote(moves::PromoteArgs),
    /// Approve a promotion request into a gated stage; the last approval moves it.
    #[command(
        after_long_help = "Examples:\n  facetctl promotion list --state awaiting-approval\n  facetctl approve 7 --reason 'QA signed off'"
    )]
    Approve(requests::ApproveArgs),
    /// Reject a promotion request, with a reason.
    #[command(after_long_help = "Examples:\n  facetctl reject 7 --reason 'not before the freeze ends'")]
    Reject(requests::RejectArgs),
    /// Promotion requests into gated stages: list, show, cancel.
    #[command(subcommand)]
    Promotion(requests::PromotionCommand),
    /// Point a bucket back at one of its earlier artifacts.
    #[command(
        after_long_help = "Examples:\n  facetctl rollback --integration payments --bucket production --reason 'error rate up'\n  facetctl rollback --integration payments --bucket production --to 41 --dry-run"
    )]
    Rollback(moves::RollbackArgs),
    /// Compare every bucket's tags in the registry with the records (exit 3 on any difference).
    #[command(after_long_help = "Examples:\n  facetctl verify\n  facetctl verify --integration payments --repair")]
    Verify(moves::VerifyArgs),
    /// What runs where: every bucket's current artifact, who put it there and when, freezes and waiting requests.
    #[command(after_long_help = "Examples:\n  facetctl status\n  facetctl -o json status --integration payments")]
    Status {
        /// Only this integration's buckets.
        #[arg(long, add = complete::integrations())]
        integration: Option<String>,
    },
    /// Each bucket's artifacts over time: pushes, promotions, rollbacks.
    #[command(
        after_long_help = "Examples:\n  facetctl history --integration payments --bucket production\n  facetctl -o json history --integration payments --limit 500"
    )]
    History(moves::HistoryArgs),
    /// The append-only log of every change and who made it.
    #[command(
        after_long_help = "Examples:\n  facetctl audit --since 2026-12-01\n  facetctl audit --actor ada --limit 20\n  facetctl -o json audit --since 2026-12-01T09:00:00Z"
    )]
    Audit(moves::AuditArgs),
    /// Log in to a control plane (a facetctl server or Facets); later commands use it.
    #[command(
        after_long_help = "Examples:\n  printf %s \"$TOKEN\" | facetctl login --url https://facetctl.internal --username ada --token-stdin"
    )]
    Login(session::LoginArgs),
    /// Forget a login; commands go back to the embedded control plane.
    #[command(after_long_help = "Examples:\n  facetctl logout\n  facetctl logout --profile staging-cp")]
    Logout,
    /// Who changes are recorded as, and on which control plane.
    #[command(after_long_help = "Examples:\n  facetctl whoami\n  facetctl -o json whoami")]
    Whoami,
    /// Serve the control plane to a team over HTTP (the Facets API), on SQLite or PostgreSQL.
    #[command(
        after_long_help = "Examples:\n  facetctl server --listen 0.0.0.0:8080 --database sqlite:/var/lib/facetctl/facetctl.db\n  FACETCTL_DATABASE_URL=postgres://facetctl:$PGPASS@db/facetctl \\\n      facetctl server --listen 0.0.0.0:8080\n  facetctl server users add ada@example.com --role admin"
    )]
    Server(server::ServerArgs),
    /// Write every record of a control plane's store as JSON lines, in dependency order (secrets and users left out).
    #[command(
        after_long_help = "The embedded store by default; a server's with --database (or FACETCTL_DATABASE_URL).\n\nExamples:\n  facetctl export > records.jsonl\n  facetctl export --since 2026-12-01 > december.jsonl\n  facetctl export --database postgres://facetctl@db/facetctl > records.jsonl"
    )]
    Export(records::ExportArgs),
    /// Write an export's records into the control plane this command uses, all or nothing (a server's needs admin).
    #[command(
        after_long_help = "Ids are given anew; actors and times stay as they were, and the import is one audit event.\nRecords already here are skipped, so importing a file twice changes nothing; a record here that\nthe file's contradicts (an integration of the same name defined otherwise) refuses the import.\nSecrets are never exported: the import names the registries that need theirs again.\n\nExamples:\n  facetctl export > records.jsonl\n  facetctl --api-url https://facetctl.internal import records.jsonl\n  facetctl export | facetctl --profile team import -"
    )]
    Import(records::ImportArgs),
    /// Print a man page (roff): facetctl's, or one command's, e.g. `facetctl man promote | man -l -`.
    #[command(after_long_help = "Examples:\n  facetctl man promote | man -l -\n  facetctl man registry add")]
    Man {
        /// The command whose page to print, e.g. promote, or registry add; none for facetctl's own.
        command: Vec<String>,
    },
    /// The GitHub Action's entry point: runs the command its INPUT_* variables describe.
    #[command(hide = true)]
    Action,
    /// Print the script that makes your shell complete facetctl's commands, flags and names.
    #[command(
        after_long_help = "On each TAB the script asks facetctl for candidates: integrations, buckets (after --from,\nthe next stage), registries, artifacts, requests, from the control plane the command uses.\n\nExamples:\n  echo 'source <(facetctl completions bash)' >> ~/.bashrc\n  echo 'source <(facetctl completions zsh)' >> ~/.zshrc\n  facetctl completions fish > ~/.config/fish/completions/facetctl.fish"
    )]
    Completions {
        /// The shell to print the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    complete::answer_if_asked();
    let parsed = match Cli::try_parse() {
        // A GitHub Action's inputs stand for a command line of their own.
        Ok(Cli { command: Command::Action, .. }) => match action::argv(&|name| std::env::var(name).ok()) {
            Ok(argv) => Cli::try_parse_from(argv).inspect_err(|e| {
                let first = e.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_owned();
                step::annotate_failure(&format!("the action's inputs: {first}"), None);
            }),
            Err(e) => {
                eprintln!("error: {e}");
                step::annotate_failure(&e.to_string(), None);
                return ExitCode::from(ErrorKind::Usage.exit_code());
            }
        },
        parsed => parsed,
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(ErrorKind::Usage.exit_code()),
            };
        }
    };
    if let Command::Man { command } = &cli.command {
        return match man_page(command, &mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(ErrorKind::Usage.exit_code())
            }
        };
    }
    if let Command::Completions { shell } = &cli.command {
        return match complete::registration(*shell, &mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot print the completion script: {e}");
                ExitCode::FAILURE
            }
        };
    }
    init_logging(cli.verbose, matches!(cli.command, Command::Server(_)));
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let format = cli.output;
    output::WIDE.store(format == Format::Wide, std::sync::atomic::Ordering::Relaxed);
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(&e, format),
    }
}

fn report(e: &anyhow::Error, format: Format) -> ExitCode {
    if let Some(io) = e.downcast_ref::<std::io::Error>()
        && io.kind() == std::io::ErrorKind::BrokenPipe
    {
        return ExitCode::SUCCESS;
    }
    let kind = e.downcast_ref::<Error>().map_or(ErrorKind::Failed, Error::kind);
    // One line: the chain joined, as the user reads it; then what to do, in the CLI's words.
    // No control character goes out: a CR in a registry's message would start a new line (and a
    // CI's workflow command) in the log.
    let plain = |s: String| s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>();
    let message = plain(crate::error::causes_line(e.chain().map(|c| c.to_string())));
    let hint = e.downcast_ref::<Error>().and_then(Error::hint_of).as_ref().and_then(hints::word).map(plain);
    eprintln!("error: {message}");
    if let Some(hint) = &hint {
        eprintln!("hint: {hint}");
    }
    step::annotate_failure(&message, hint.as_deref());
    // A script that asked for a document gets one on stdout, failure or not.
    let document = serde_json::json!({"error": {"kind": kind.word(), "message": message, "hint": hint}});
    let printed = output::DOCUMENT_PRINTED.load(std::sync::atomic::Ordering::Relaxed);
    match format {
        _ if printed => {}
        Format::Json => println!("{document:#}"),
        Format::Yaml => print!("{}", serde_yaml::to_string(&document).unwrap_or_default()),
        Format::Table | Format::Wide => {}
    }
    ExitCode::from(kind.exit_code())
}

fn init_logging(verbose: u8, server: bool) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    // Our own messages by -v; other crates' (the AWS SDK, hyper...) only at -vv,
    // so their warnings about optional files never reach a normal run.
    let (ours, theirs) = match verbose {
        // A server logs each request; a command speaks only when something is wrong.
        0 if server => (LevelFilter::INFO, LevelFilter::ERROR),
        0 => (LevelFilter::WARN, LevelFilter::ERROR),
        1 => (LevelFilter::INFO, LevelFilter::ERROR),
        _ => (LevelFilter::DEBUG, LevelFilter::DEBUG),
    };
    let filter = Targets::new().with_target("facetctl", ours).with_default(theirs);
    if server {
        // One JSON object a line, for log collectors.
        let json = tracing_subscriber::fmt::layer().json().flatten_event(true).with_writer(std::io::stderr);
        let _ = tracing_subscriber::registry().with(filter).with(json).try_init();
        return;
    }
    let format = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none());
    let _ = tracing_subscriber::registry().with(filter).with(format).try_init();
}

/// `FACETCTL_HOME`, else the platform's data folder.
fn home() -> anyhow::Result<PathBuf> {
    if let Some(h) = std::env::var_os("FACETCTL_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(h));
    }
    dirs::data_dir().map(|d| d.join("facetctl")).context("cannot find a data folder for facetctl; set FACETCTL_HOME")
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let Cli { output, no_input, yes, quiet, verbose: _, api_url, profile, lock_timeout, command } = cli;
    let printer = Printer { format: output, quiet };
    let ask = prompt::Prompter::new(no_input, yes);
    let home = home()?;
    if let Command::Server(args) = command {
        return server::run(&printer, args, &home).await;
    }
    if let Command::Export(args) = command {
        // Export reads a database; a control plane named for the other commands is not it.
        let remote =
            api_url.clone().or_else(|| std::env::var("FACETS_CONTROL_PLANE_URL").ok().filter(|u| !u.is_empty()));
        return records::export(&printer, args, &home, remote.or(profile.map(|p| format!("profile {p}")))).await;
    }
    let http = crate::registry::SharedHttp::default();
    let local_secrets = crate::secrets::open(&home);
    match command {
        Command::Login(args) => {
            return session::login(&printer, &ask, &http, &home, local_secrets.as_ref(), profile, args).await;
        }
        Command::Logout => return session::logout(&printer, &home, local_secrets.as_ref(), profile),
        _ => {}
    }
    let plane: Arc<dyn crate::control::ControlPlane> =
        match session::remote(&http, &home, local_secrets.as_ref(), api_url.clone(), profile).await? {
            Some(remote) => remote,
            None => {
                let store = Store::open_sqlite(&home.join("facetctl.db")).await?;
                Arc::new(Embedded::new(store, local_secrets.clone(), app::actor::resolve()).with_lease(lease_length()?))
            }
        };
    if let Command::Whoami = command {
        let (actor, location) = (plane.actor().to_owned(), plane.location());
        plane.close().await;
        let summary = format!("{actor} on {location}");
        return printer.result(&serde_json::json!({"actor": actor, "control_plane": location}), &summary);
    }
    let app = App {
        plane: plane.clone(),
        http,
        reporter: Arc::new(printer.clone()),
        lock_timeout: Duration::from_secs(lock_timeout),
        concurrency: app::default_concurrency(),
        local_secrets,
    };
    let outcome = match command {
        Command::ReleaseStream(c) => setup::release_stream(&app, &printer, c).await,
        Command::Environment(c) => setup::environment(&app, &printer, c).await,
        Command::Registry(c) => setup::registry(&app, &printer, &ask, c).await,
        Command::Workflow(c) => setup::workflow(&app, &printer, &ask, c).await,
        Command::Integration(c) => setup::integration(&app, &printer, &ask, c).await,
        Command::Artifact(c) => artifact::run(&app, &printer, &ask, c).await,
        Command::Rule(c) => rules::run(&app, &printer, &ask, c).await,
        Command::Freeze(c) => freezes::run(&app, &printer, c).await,
        Command::Approve(a) => requests::approve(&app, &printer, &ask, a).await,
        Command::Status { integration } => {
            printer.list(&crate::app::status::status(&app, integration.as_deref()).await?)
        }
        Command::Reject(a) => requests::reject(&app, &printer, &ask, a).await,
        Command::Promotion(c) => requests::promotion(&app, &printer, &ask, c).await,
        Command::Promote(a) => moves::promote(&app, &printer, &ask, a).await,
        Command::Rollback(a) => moves::rollback(&app, &printer, &ask, a).await,
        Command::Verify(a) => moves::verify(&app, &printer, &ask, a).await,
        Command::History(a) => moves::history(&app, &printer, a).await,
        Command::Audit(a) => moves::audit(&app, &printer, a).await,
        Command::Import(a) => records::import(app.plane.as_ref(), &printer, a).await,
        Command::Completions { .. } | Command::Man { .. } | Command::Action => {
            unreachable!("handled before the runtime starts")
        }
        Command::Server(_) | Command::Export(_) | Command::Login(_) | Command::Logout | Command::Whoami => {
            unreachable!("handled before the control plane opens")
        }
    };
    plane.close().await;
    outcome
}

/// Parses a `clap` value with the model's `FromStr`, keeping its message.
/// A model word's parser: `--help` and completion list its values, spelled as people type them
/// (`release-stream`); Facets' spelling (`RELEASE_STREAM`) and any case are taken too.
fn words<T: crate::model::Word>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let values = T::all().iter().map(|w| {
        let spelled = w.word().to_ascii_lowercase().replace('_', "-");
        let value = PossibleValue::new(spelled.clone());
        if spelled == w.word() { value } else { value.alias(w.word()) }
    });
    PossibleValuesParser::new(values).try_map(|s: String| s.parse::<T>())
}

fn parse_word<T: std::str::FromStr<Err = crate::model::InvalidInput>>(s: &str) -> Result<T, String> {
    s.parse().map_err(|e: crate::model::InvalidInput| e.0)
}

/// How long a bucket lease lasts between renewals, on the embedded control
/// plane or a server's: `FACETCTL_LOCK_LEASE_MS`, else 30 s. Shorter frees a bucket
/// sooner after a writer is stopped; it must stay well above a renewal's time.
pub(crate) fn lease_length() -> anyhow::Result<std::time::Duration> {
    match std::env::var("FACETCTL_LOCK_LEASE_MS") {
        Err(_) => Ok(crate::control::DEFAULT_LEASE),
        Ok(ms) => match ms.parse::<u64>() {
            Ok(ms) if ms >= 500 => Ok(std::time::Duration::from_millis(ms)),
            _ => Err(Error::Invalid(format!(
                "FACETCTL_LOCK_LEASE_MS={ms:?} is not a lease length: give milliseconds, at least 500"
            ))
            .into()),
        },
    }
}

/// The man page of `facetctl` or of one of its commands, from the same definitions as `--help`.
pub fn man_page(path: &[String], out: &mut dyn std::io::Write) -> Result<(), Error> {
    let mut command = Cli::command();
    command.build();
    let mut name = String::from("facetctl");
    for word in path {
        command = command.find_subcommand(word).cloned().ok_or_else(|| {
            Error::Invalid(format!("no command {word:?} in `{}`; `facetctl --help` lists them", name.replace('-', " ")))
        })?;
        name = format!("{name}-{word}");
    }
    let page = clap_mangen::Man::new(command.name(name));
    match page.render(out) {
        // A reader that stopped early (`| head`) has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.map_err(|e| Error::Failed(format!("cannot write the man page: {e}"))),
    }
}
