//! Commands that set things up: release streams, environments, registries,
//! workflows, integrations.

use clap::{Args, Subcommand};

use super::output::Printer;
use super::prompt::Prompter;
use super::{complete, parse_word, words};
use crate::app::{App, registry_access};
use crate::control::{NewIntegration, NewRegistry, NewWorkflow, SecretPlacement};
use crate::error::Error;
use crate::model::Gate;
use crate::model::{Layout, RegistrationType, RegistryKind};
use crate::registry::{Credentials, Secret};
use crate::secrets::StoredIn;

#[derive(Debug, Subcommand)]
pub enum ReleaseStreamCommand {
    /// Create a release stream.
    #[command(
        after_long_help = "Examples:\n  facetctl release-stream create PRODUCTION --prod --description 'what customers run'\n  facetctl release-stream create QA"
    )]
    Create {
        /// Its name, as Facets spells it (QA, PRODUCTION); unique whatever its case.
        name: String,
        /// Mark it as production.
        #[arg(long)]
        prod: bool,
        /// What it is for, in a few words.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List release streams.
    #[command(after_long_help = "Examples:\n  facetctl release-stream list\n  facetctl -o json release-stream list")]
    List,
}

#[derive(Debug, Subcommand)]
pub enum EnvironmentCommand {
    /// Create an environment in a release stream.
    #[command(
        after_long_help = "Examples:\n  facetctl environment create production --release-stream PRODUCTION\n  facetctl environment create qa --release-stream QA"
    )]
    Create {
        /// Its name: a bucket of environment integrations (qa, staging, production).
        name: String,
        /// The release stream it runs; a production stream makes it protected.
        #[arg(long, add = complete::release_streams())]
        release_stream: String,
    },
    /// List environments.
    #[command(after_long_help = "Examples:\n  facetctl environment list\n  facetctl -o yaml environment list")]
    List,
}

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Register a container registry. The password is read from stdin, never from an argument.
    #[command(
        after_long_help = "Examples:\n  printf %s \"$REGISTRY_PASSWORD\" | facetctl registry add main --kind harbor \\\n      --url harbor.example.com/team --username ci --password-stdin\n  facetctl registry add ecr --kind ecr --url 123456789012.dkr.ecr.eu-west-1.amazonaws.com\n  facetctl registry add local --kind generic --url 127.0.0.1:5000 --insecure"
    )]
    Add(RegistryAddArgs),
    /// List registries (secrets are never shown).
    #[command(after_long_help = "Examples:\n  facetctl registry list\n  facetctl -o json registry list")]
    List,
    /// Show one registry.
    #[command(after_long_help = "Examples:\n  facetctl registry show main\n  facetctl -o json registry show main")]
    Show {
        /// The registry's name.
        #[arg(add = complete::registries())]
        name: String,
    },
    /// Remove a registry that no integration uses, and its stored secret.
    #[command(
        after_long_help = "Examples:\n  facetctl registry remove old-harbor\n  facetctl registry remove old-harbor --yes   # in a script"
    )]
    Remove {
        /// The registry's name.
        #[arg(add = complete::registries())]
        name: String,
    },
    /// Check that the registry answers and accepts the credentials.
    #[command(
        after_long_help = "Examples:\n  facetctl registry check main\n  facetctl -v registry check main   # says where the credentials came from"
    )]
    Check {
        /// The registry's name.
        #[arg(add = complete::registries())]
        name: String,
    },
    /// Save your own credentials for a registry in the OS keyring, after checking them.
    #[command(
        after_long_help = "Examples:\n  facetctl registry login main --username ada   # asks for the password, unseen\n  printf %s \"$TOKEN\" | facetctl registry login main --username ada --password-stdin"
    )]
    Login {
        /// The registry's name.
        #[arg(add = complete::registries())]
        name: String,
        /// The username the registry knows you by.
        #[arg(long)]
        username: String,
        /// Read the password or token from stdin (on a terminal, left out, it is asked for).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Store a registry's shared secret anew: after an import (exports hold no secret), or to rotate it.
    #[command(
        after_long_help = "The secret every move through this control plane uses, as `registry add` stored it (a server's: \
admins only).\n\nExamples:\n  printf %s \"$REGISTRY_PASSWORD\" | facetctl registry set-secret main --password-stdin\n  facetctl registry set-secret main --username robot-2   # asks for the password, unseen"
    )]
    SetSecret {
        /// The registry's name.
        #[arg(add = complete::registries())]
        name: String,
        /// A new username to go with it (default: the registry's own).
        #[arg(long)]
        username: Option<String>,
        /// Read the password or token from stdin (on a terminal, left out, it is asked for).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Forget the credentials `registry login` saved.
    #[command(after_long_help = "Examples:\n  facetctl registry logout main")]
    Logout {
        /// The registry's name.
        #[arg(add = complete::registries())]
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct RegistryAddArgs {
    /// A name for it, which integrations use (--registry).
    name: String,
    /// The product: decides credential sources and quirks.
    #[arg(long, value_parser = words::<RegistryKind>(), ignore_case = true)]
    kind: RegistryKind,
    /// host[:port][/prefix], without a scheme.
    #[arg(long, value_name = "HOST[/PREFIX]")]
    url: String,
    /// The username the control plane pushes with; the password comes from stdin.
    #[arg(long)]
    username: Option<String>,
    /// Read the password or token from stdin.
    #[arg(long, requires = "username")]
    password_stdin: bool,
    /// Plain HTTP (only for registries on this machine).
    #[arg(long)]
    insecure: bool,
}

#[derive(Debug, Subcommand)]
pub enum WorkflowCommand {
    /// Create a promotion workflow.
    #[command(
        after_long_help = "Examples:\n  facetctl workflow create standard --type environment --stages qa,staging,production\n  facetctl workflow create guarded --type environment \\\n      --stages qa,staging,production --gate production:2"
    )]
    Create {
        /// Its name, which integrations use (--workflow).
        name: String,
        /// What the stages are: environments or release streams.
        #[arg(long = "type", value_parser = words::<RegistrationType>(), ignore_case = true)]
        registration_type: RegistrationType,
        /// The stages in promotion order, comma-separated: qa,staging,production.
        #[arg(long, value_delimiter = ',', required = true)]
        stages: Vec<String>,
        /// A stage whose promotions wait for N approvals (default 1), e.g. production:2. Repeatable.
        #[arg(long = "gate", value_name = "STAGE[:N]", value_parser = parse_word::<Gate>)]
        gates: Vec<Gate>,
    },
    /// List workflows.
    #[command(after_long_help = "Examples:\n  facetctl workflow list\n  facetctl -o json workflow list")]
    List,
    /// Show one workflow.
    #[command(after_long_help = "Examples:\n  facetctl workflow show standard")]
    Show {
        /// The workflow's name.
        #[arg(add = complete::workflows())]
        name: String,
    },
    /// Give a workflow new stages, and gates; promotions from then on follow them.
    #[command(
        after_long_help = "Examples:\n  facetctl workflow update standard --stages qa,staging,production --gate production\n  facetctl workflow update standard --stages qa,production --no-gates"
    )]
    Update {
        /// The workflow's name.
        #[arg(add = complete::workflows())]
        name: String,
        /// All its stages from now on, in promotion order: qa,staging,production.
        #[arg(long, value_delimiter = ',', required = true)]
        stages: Vec<String>,
        /// The gates from now on (repeatable); left out, the workflow keeps its gates.
        #[arg(long = "gate", value_name = "STAGE[:N]", value_parser = parse_word::<Gate>, conflicts_with = "no_gates")]
        gates: Vec<Gate>,
        /// No stage waits for approvals from now on.
        #[arg(long)]
        no_gates: bool,
    },
    /// Delete a workflow that no integration uses.
    #[command(
        after_long_help = "Examples:\n  facetctl workflow delete old-flow\n  facetctl workflow delete old-flow --yes   # in a script"
    )]
    Delete {
        /// The workflow's name.
        #[arg(add = complete::workflows())]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum IntegrationCommand {
    /// Create a CI integration.
    #[command(
        after_long_help = "Examples:\n  facetctl integration create payments --type environment --registry main --workflow standard\n  facetctl integration create web --type release-stream --registry main \\\n      --repository team/web --layout tag-per-bucket --rule by-branch"
    )]
    Create(IntegrationCreateArgs),
    /// List integrations.
    #[command(after_long_help = "Examples:\n  facetctl integration list\n  facetctl -o json integration list")]
    List,
    /// Show one integration.
    #[command(after_long_help = "Examples:\n  facetctl integration show payments")]
    Show {
        /// The integration's name.
        #[arg(add = complete::integrations())]
        name: String,
    },
    /// Attach a workflow or a routing rule to an integration, or detach them.
    #[command(group = clap::ArgGroup::new("change").required(true).multiple(true)
        .args(["workflow", "no_workflow", "rule", "no_rule", "bucket_registry"]))]
    #[command(
        after_long_help = "Examples:\n  facetctl integration update payments --workflow guarded\n  facetctl integration update payments --rule by-branch\n  facetctl integration update payments --no-rule\n  facetctl integration update payments --bucket-registry production=prod-registry\n  facetctl integration update payments --bucket-registry production=   # back to its own registry"
    )]
    Update {
        /// The integration's name.
        #[arg(add = complete::integrations())]
        name: String,
        /// The promotion workflow to follow.
        #[arg(long, conflicts_with = "no_workflow", add = complete::workflows())]
        workflow: Option<String>,
        /// Follow no workflow: nothing can be promoted.
        #[arg(long)]
        no_workflow: bool,
        /// The routing rule that chooses a bucket when a push names none.
        #[arg(long, conflicts_with = "no_rule", add = complete::rules())]
        rule: Option<String>,
        /// Route by no rule: every push names its bucket.
        #[arg(long)]
        no_rule: bool,
        /// Keep a bucket in another registry (BUCKET= puts it back in the integration's own);
        /// only a bucket that holds no artifact yet can move. Repeat for each bucket.
        #[arg(long, value_name = "BUCKET=REGISTRY", value_parser = bucket_registry)]
        bucket_registry: Vec<(String, Option<String>)>,
    },
    /// Delete an integration that has recorded no artifact.
    #[command(
        after_long_help = "Examples:\n  facetctl integration delete scratch\n  facetctl integration delete scratch --yes   # in a script"
    )]
    Delete {
        /// The integration's name.
        #[arg(add = complete::integrations())]
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct IntegrationCreateArgs {
    /// Its name: the service whose images it moves (Facets' application name).
    name: String,
    /// What its buckets are: environments or release streams.
    #[arg(long = "type", value_parser = words::<RegistrationType>(), ignore_case = true)]
    registration_type: RegistrationType,
    /// The registry its images live in (see `facetctl registry list`).
    #[arg(long, add = complete::registries())]
    registry: String,
    /// Repository path in the registry (default: the integration's name).
    #[arg(long)]
    repository: Option<String>,
    /// The promotion workflow its buckets follow.
    #[arg(long, add = complete::workflows())]
    workflow: Option<String>,
    /// How buckets map onto the registry: a repository each, or a tag each in one repository.
    #[arg(long, value_parser = words::<Layout>(), ignore_case = true, default_value = "repository-per-bucket")]
    layout: Layout,
    /// The routing rule that chooses a bucket when a push names none.
    #[arg(long, add = complete::rules())]
    rule: Option<String>,
    /// Keep a bucket in another registry than --registry (production in its own account, say);
    /// promotion into it copies the image across. Repeat for each such bucket.
    #[arg(long, value_name = "BUCKET=REGISTRY", value_parser = bucket_registry)]
    bucket_registry: Vec<(String, Option<String>)>,
}

/// The --bucket-registry changes, each bucket named once whatever its case.
fn one_each(changes: Vec<(String, Option<String>)>) -> crate::Result<Vec<(String, Option<String>)>> {
    for (i, (bucket, _)) in changes.iter().enumerate() {
        if changes[..i].iter().any(|(b, _)| b.eq_ignore_ascii_case(bucket)) {
            return Err(crate::Error::Invalid(format!(
                "--bucket-registry names bucket {bucket} twice; give each bucket once"
            )));
        }
    }
    Ok(changes)
}

/// `BUCKET=REGISTRY`; `BUCKET=` names the integration's own registry.
fn bucket_registry(s: &str) -> Result<(String, Option<String>), String> {
    match s.split_once('=') {
        Some((bucket, _)) if bucket.trim().is_empty() => Err(format!("{s:?} names no bucket: give BUCKET=REGISTRY")),
        Some((bucket, "")) => Ok((bucket.to_owned(), None)),
        Some((bucket, registry)) => Ok((bucket.to_owned(), Some(registry.to_owned()))),
        None => Err(format!("{s:?} is not BUCKET=REGISTRY (for example production=prod-registry)")),
    }
}

pub async fn release_stream(app: &App, p: &Printer, c: ReleaseStreamCommand) -> anyhow::Result<()> {
    match c {
        ReleaseStreamCommand::Create { name, prod, description } => {
            p.one(&app.plane.create_release_stream(&name, &description, prod).await?)
        }
        ReleaseStreamCommand::List => p.list(&app.plane.release_streams().await?),
    }
}

pub async fn environment(app: &App, p: &Printer, c: EnvironmentCommand) -> anyhow::Result<()> {
    match c {
        EnvironmentCommand::Create { name, release_stream } => {
            p.one(&app.plane.create_environment(&name, &release_stream).await?)
        }
        EnvironmentCommand::List => p.list(&app.plane.environments().await?),
    }
}

pub async fn registry(app: &App, p: &Printer, ask: &Prompter, c: RegistryCommand) -> anyhow::Result<()> {
    match c {
        RegistryCommand::Add(RegistryAddArgs { name, kind, url, username, password_stdin, insecure }) => {
            // On a terminal a user name without --password-stdin asks for the password (empty: none
            // stored, the credential chain answers); off one it stays as given.
            let secret = match (password_stdin, &username) {
                (true, _) => Some(read_secret()?),
                (false, Some(user)) if ask.interactive() => {
                    ask.optional_secret(&format!("Password or token for {user} at {url} (empty: none stored)"))?
                }
                (false, _) => None,
            };
            let (registry, placement) =
                app.plane.add_registry(NewRegistry { name, kind, uri: url, insecure, username }, secret).await?;
            match placement {
                SecretPlacement::File { path, first_time: true } => p.warn(&format!(
                    "no OS keyring here; the secret is in {} (mode 0600); in CI, prefer FACETCTL_REGISTRY_USERNAME/_PASSWORD",
                    path.display()
                )),
                SecretPlacement::Keyring { store } => p.note(&format!("the secret is in {store}")),
                _ => {}
            }
            p.one(&registry)
        }
        RegistryCommand::List => p.list(&app.plane.registries().await?),
        RegistryCommand::Show { name } => p.one(&app.plane.registry(&name).await?),
        RegistryCommand::Remove { name } => {
            let registry = app.plane.registry(&name).await?;
            // In use, the control plane refuses it: no question first.
            let in_use = app.plane.integrations().await?.iter().any(|i| i.registry == registry.name);
            ask.confirm_unless(
                in_use,
                &format!("remove registry {name}"),
                &[format!("{} {} and its stored secret", registry.kind, registry.uri)],
            )?;
            app.plane.remove_registry(&name).await?;
            p.result(&serde_json::json!({"deleted": {"registry": name}}), &format!("removed registry {name}"))
        }
        RegistryCommand::Login { name, username, password_stdin } => {
            let secret = if password_stdin {
                read_secret()?
            } else {
                ask.secret("--password-stdin", &format!("Password or token for {username} at {name}"))?
            };
            let stored = crate::app::registry_login::login(app, &name, Credentials { username, secret }).await?;
            let place = match stored {
                StoredIn::Keyring { store } => store.to_owned(),
                StoredIn::File { path, .. } => format!("{} (no OS keyring here)", path.display()),
            };
            p.result(
                &serde_json::json!({"registry": name, "saved": true}),
                &format!("logged in to {name}; the credentials are in {place}"),
            )
        }
        RegistryCommand::SetSecret { name, username, password_stdin } => {
            let secret = if password_stdin {
                read_secret()?
            } else {
                ask.secret("--password-stdin", &format!("Password or token for registry {name}"))?
            };
            let (registry, placement) = app.plane.set_registry_secret(&name, username, secret).await?;
            let place = match placement {
                SecretPlacement::Server => "on the server".to_owned(),
                SecretPlacement::Keyring { store } => format!("in {store}"),
                SecretPlacement::File { path, .. } => format!("in {} (no OS keyring here)", path.display()),
                SecretPlacement::None => "nowhere".to_owned(),
            };
            let user = registry.username.clone().unwrap_or_default();
            p.result(
                &serde_json::json!({"registry": name, "username": user, "secret": "stored"}),
                &format!("stored the secret of registry {name} (as {user}) {place}"),
            )
        }
        RegistryCommand::Logout { name } => {
            let had = crate::app::registry_login::logout(app, &name)?;
            let summary =
                if had { format!("logged out of {name}") } else { format!("no saved login for {name}; nothing to do") };
            p.result(&serde_json::json!({"registry": name, "removed": had}), &summary)
        }
        RegistryCommand::Check { name } => {
            let registry = app.plane.registry(&name).await?;
            let client = registry_access::client_for(app, &registry, None).await?;
            client.check().await.map_err(Error::Registry)?;
            let summary =
                format!("registry {name} ({}) answers; credentials from {}", registry.uri, client.credential_source());
            p.result(
                &serde_json::json!({"registry": name, "ok": true, "credentials": client.credential_source().to_string()}),
                &summary,
            )
        }
    }
}

/// The password, from stdin, without its line ending.
fn read_secret() -> anyhow::Result<Secret> {
    let s = super::prompt::read_stdin_secret("Password or token")?;
    if s.is_empty() {
        return Err(Error::Invalid("--password-stdin read an empty password; pipe it in, e.g. `printf %s \"$PASS\" | facetctl registry add ...`".into()).into());
    }
    Ok(Secret::new(s))
}

pub async fn workflow(app: &App, p: &Printer, ask: &Prompter, c: WorkflowCommand) -> anyhow::Result<()> {
    match c {
        WorkflowCommand::Create { name, registration_type, stages, gates } => {
            let stages = stages.into_iter().map(|s| s.trim().to_owned()).collect();
            p.one(&app.plane.create_workflow(NewWorkflow { name, registration_type, stages, gates }).await?)
        }
        WorkflowCommand::List => p.list(&app.plane.workflows().await?),
        WorkflowCommand::Show { name } => p.one(&app.plane.workflow(&name).await?),
        WorkflowCommand::Update { name, stages, gates, no_gates } => {
            let stages = stages.into_iter().map(|s| s.trim().to_owned()).collect();
            let gates = if no_gates { Some(Vec::new()) } else { Some(gates).filter(|g| !g.is_empty()) };
            p.one(&app.plane.set_workflow_stages(&name, stages, gates).await?)
        }
        WorkflowCommand::Delete { name } => {
            let workflow = app.plane.workflow(&name).await?;
            let in_use = app.plane.integrations().await?.iter().any(|i| i.workflow.as_deref() == Some(&workflow.name));
            ask.confirm_unless(in_use, &format!("delete workflow {name}"), &[workflow.path()])?;
            app.plane.delete_workflow(&name).await?;
            p.result(&serde_json::json!({"deleted": {"workflow": name}}), &format!("deleted workflow {name}"))
        }
    }
}

pub async fn integration(app: &App, p: &Printer, ask: &Prompter, c: IntegrationCommand) -> anyhow::Result<()> {
    match c {
        IntegrationCommand::Create(IntegrationCreateArgs {
            name,
            registration_type,
            registry,
            repository,
            workflow,
            layout,
            rule,
            bucket_registry,
        }) => {
            if let Some(rule) = &rule {
                app.plane.rule(rule).await?.fits(&name, registration_type).map_err(crate::Error::from)?;
            }
            let repository = repository.unwrap_or_else(|| name.clone());
            let bucket_registries = one_each(bucket_registry)?
                .into_iter()
                .filter_map(|(bucket, registry)| Some((bucket, registry?)))
                .collect();
            let new = NewIntegration {
                name: name.clone(),
                registration_type,
                registry,
                repository,
                layout,
                workflow,
                bucket_registries,
            };
            let mut created = app.plane.create_integration(new).await?;
            if let Some(rule) = rule {
                created = app.plane.set_integration_rule(&name, Some(&rule)).await?;
            }
            p.one(&created)
        }
        IntegrationCommand::List => p.list(&app.plane.integrations().await?),
        IntegrationCommand::Show { name } => p.one(&app.plane.integration(&name).await?),
        IntegrationCommand::Update { name, workflow, no_workflow, rule, no_rule, bucket_registry } => {
            let mut updated = app.plane.integration(&name).await?;
            if workflow.is_some() || no_workflow {
                updated = app.plane.set_integration_workflow(&name, workflow.as_deref()).await?;
            }
            if rule.is_some() || no_rule {
                updated = app.plane.set_integration_rule(&name, rule.as_deref()).await?;
            }
            if !bucket_registry.is_empty() {
                updated = app.plane.set_bucket_registries(&name, &one_each(bucket_registry)?).await?;
            }
            p.one(&updated)
        }
        IntegrationCommand::Delete { name } => {
            let integration = app.plane.integration(&name).await?;
            let in_use = !app.plane.artifacts(&integration.name, None).await?.is_empty();
            ask.confirm_unless(
                in_use,
                &format!("delete integration {name}"),
                &[format!("{} on {}", integration.repository, integration.registry)],
            )?;
            app.plane.delete_integration(&name).await?;
            p.result(&serde_json::json!({"deleted": {"integration": name}}), &format!("deleted integration {name}"))
        }
    }
}
