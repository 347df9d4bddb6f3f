//! `facetctl rule`: routing rules, which choose a bucket for an artifact
//! whose push names none, by its metadata (a CI's branch is `BRANCH_NAME`).

use std::collections::BTreeMap;

use clap::Subcommand;

use super::output::Printer;
use super::prompt::Prompter;
use super::words;
use crate::app::App;
use crate::control::NewRoutingRule;
use crate::model::{Criterion, RegistrationType, route};

#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// Create a routing rule: criteria tried in the order given, the first match choosing the bucket.
    #[command(after_long_help = "Examples:\n  \
        facetctl rule create by-branch --type environment --route 'BRANCH_NAME=main:qa' \\\n      --route 'BRANCH_NAME^=release/:staging'\n  \
        facetctl rule create tags --type release-stream --route 'BRANCH_NAME~^v[0-9]+\\.[0-9]+:PRODUCTION'")]
    Create {
        /// Its name, which integrations use (--rule).
        name: String,
        /// The kind of bucket it routes to: environment or release-stream.
        #[arg(long = "type", value_parser = words::<RegistrationType>(), ignore_case = true)]
        registration_type: RegistrationType,
        /// KEY=VALUE:BUCKET; ^= starts with, $= ends with, *= contains, ~ matches a regex. Repeat, in priority order.
        #[arg(long = "route", required = true, value_name = "CRITERION")]
        routes: Vec<String>,
    },
    /// List routing rules.
    #[command(after_long_help = "Examples:\n  facetctl rule list\n  facetctl -o json rule list")]
    List,
    /// Show one routing rule with its criteria.
    #[command(after_long_help = "Examples:\n  facetctl rule show by-branch")]
    Show {
        /// The rule's name.
        #[arg(add = super::complete::rules())]
        name: String,
    },
    /// Give a routing rule new criteria, replacing the old.
    #[command(
        after_long_help = "Examples:\n  facetctl rule update by-branch --route 'BRANCH_NAME=main:staging' \\\n      --route 'BRANCH_NAME^=release/:production'"
    )]
    Update {
        /// The rule's name.
        #[arg(add = super::complete::rules())]
        name: String,
        /// As for create; the full new list, in priority order.
        #[arg(long = "route", required = true, value_name = "CRITERION")]
        routes: Vec<String>,
    },
    /// Delete a routing rule that no integration uses.
    #[command(
        after_long_help = "Examples:\n  facetctl rule delete by-branch\n  facetctl rule delete by-branch --yes   # in a script"
    )]
    Delete {
        /// The rule's name.
        #[arg(add = super::complete::rules())]
        name: String,
    },
    /// Say where a rule routes an artifact with this metadata.
    #[command(after_long_help = "Examples:\n  facetctl rule test by-branch --meta BRANCH_NAME=release/1.4")]
    Test {
        /// The rule's name.
        #[arg(add = super::complete::rules())]
        name: String,
        /// KEY=VALUE of the artifact's metadata, e.g. BRANCH_NAME=main. Repeatable.
        #[arg(long = "meta", value_name = "KEY=VALUE")]
        meta: Vec<String>,
    },
}

fn criteria(routes: &[String]) -> anyhow::Result<Vec<Criterion>> {
    let mut all = Vec::new();
    for (i, spec) in routes.iter().enumerate() {
        all.push(Criterion::parse(spec, i32::try_from(i)?).map_err(crate::Error::from)?);
    }
    Ok(all)
}

pub async fn run(app: &App, p: &Printer, ask: &Prompter, c: RuleCommand) -> anyhow::Result<()> {
    match c {
        RuleCommand::Create { name, registration_type, routes } => {
            let new = NewRoutingRule { name, registration_type, criteria: criteria(&routes)? };
            p.one(&app.plane.create_rule(new).await?)
        }
        RuleCommand::List => p.list(&app.plane.rules().await?),
        RuleCommand::Show { name } => p.one(&app.plane.rule(&name).await?),
        RuleCommand::Update { name, routes } => p.one(&app.plane.set_rule_criteria(&name, criteria(&routes)?).await?),
        RuleCommand::Delete { name } => {
            let rule = app.plane.rule(&name).await?;
            let in_use = app.plane.integrations().await?.iter().any(|i| i.rule.as_deref() == Some(&rule.name));
            let what = [format!("{} criteria", rule.criteria.len())];
            ask.confirm_unless(in_use, &format!("delete routing rule {name}"), &what)?;
            app.plane.delete_rule(&name).await?;
            p.result(&serde_json::json!({"deleted": {"rule": name}}), &format!("deleted rule {name}"))
        }
        RuleCommand::Test { name, meta } => {
            let rule = app.plane.rule(&name).await?;
            let metadata: BTreeMap<String, String> = super::artifact::parse_meta(&meta)?;
            let chosen = route(&rule.name, &rule.criteria, &metadata).map_err(crate::Error::from)?;
            let summary = format!("{} (by {chosen})", chosen.route_to);
            p.result(&serde_json::json!({"rule": rule.name, "routeTo": chosen.route_to, "criterion": chosen}), &summary)
        }
    }
}
