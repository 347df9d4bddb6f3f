//! `artifact push | register | list`.

use std::collections::BTreeMap;

use clap::{Args, Subcommand};

use super::output::Printer;
use super::prompt::Prompter;
use super::step::Outputs;
use crate::app::App;
use crate::app::choices;
use crate::app::push::{PushRequest, push};
use crate::app::routing;
use crate::error::Error;

#[derive(Debug, Subcommand)]
pub enum ArtifactCommand {
    /// Copy an image into a bucket, pin its digest and record it.
    #[command(
        after_long_help = "Examples:\n  facetctl artifact push docker-daemon:payments:$GITHUB_SHA --integration payments --bucket qa\n  facetctl artifact push oci:./build/layout:v1.4.0 --integration payments --bucket qa \\\n      --meta git_sha=$SHA\n  facetctl artifact push ghcr.io/acme/payments:v1.4.0 --integration payments \\\n      --git-ref main   # routed by the rule"
    )]
    Push(PushArgs),
    /// Record an image that is already in the integration's registry.
    #[command(
        after_long_help = "Examples:\n  facetctl artifact register registry.acme.io/ci/payments:build-77 \\\n      --integration payments --bucket qa"
    )]
    Register(PushArgs),
    /// List an integration's artifacts, newest first.
    #[command(
        after_long_help = "Examples:\n  facetctl artifact list --integration payments\n  facetctl artifact list --integration payments --bucket production --limit 5"
    )]
    List {
        /// The integration whose artifacts to list (picked from a list on a terminal).
        #[arg(long, add = super::complete::integrations())]
        integration: Option<String>,
        /// Only this bucket's artifacts.
        #[arg(long, add = super::complete::buckets())]
        bucket: Option<String>,
        /// At most this many, newest first.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Show one artifact: where it is, its digest, tag, metadata, and where it came from.
    #[command(after_long_help = "Examples:\n  facetctl artifact show 42\n  facetctl -o json artifact show 42")]
    Show {
        /// The artifact's id, as `artifact list` shows it (picked from the newest on a terminal).
        #[arg(add = super::complete::artifacts())]
        id: Option<i64>,
    },
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// The image: a registry reference (host/repo:tag or host/repo@sha256:...), oci:DIR[:TAG]
    /// (an OCI layout), docker-archive:FILE[:NAME:TAG] (a `docker save` tar), or
    /// docker-daemon:IMAGE (the local Docker engine).
    source: String,
    /// The integration the image belongs to (picked from a list on a terminal).
    #[arg(long, add = super::complete::integrations())]
    integration: Option<String>,
    /// The bucket (default: the one the integration's routing rule chooses by the branch).
    #[arg(long, add = super::complete::buckets())]
    bucket: Option<String>,
    /// The branch or tag built, recorded as BRANCH_NAME (default: the CI's own, when routing).
    #[arg(long, value_name = "REF")]
    git_ref: Option<String>,
    /// The artifact's tag (default: the source's tag).
    #[arg(long)]
    tag: Option<String>,
    /// The CI build's id, e.g. $GITHUB_RUN_ID.
    #[arg(long)]
    external_id: Option<String>,
    /// A line about the build, kept with the record.
    #[arg(long)]
    description: Option<String>,
    /// Metadata to record, as KEY=VALUE (git sha, branch, run URL); repeatable.
    #[arg(long = "meta", value_name = "KEY=VALUE")]
    meta: Vec<String>,
    /// Leave signatures, attestations and SBOMs behind (they follow by default).
    #[arg(long)]
    no_referrers: bool,
    /// Say what would be pushed where, checked as a push would be, and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// How plain-tar layers are pushed (default: gzip from docker-daemon: and docker-archive:, as
    /// they are from an OCI layout, whose digest its builder made); compressed ones pass through.
    #[arg(long, value_enum)]
    compression: Option<crate::registry::compress::Compression>,
    #[command(flatten)]
    step: super::step::StepArgs,
}

pub async fn run(app: &App, p: &Printer, ask: &Prompter, c: ArtifactCommand) -> anyhow::Result<()> {
    let integration = async |given: Option<String>| match given {
        Some(i) => Ok(i),
        None => ask.pick("--integration", "Integration", choices::integrations(app.plane.as_ref())).await,
    };
    match c {
        ArtifactCommand::Push(mut args) => {
            let integration = integration(args.integration.take()).await?;
            push_or_register(app, p, integration, args, false).await
        }
        ArtifactCommand::Register(mut args) => {
            let integration = integration(args.integration.take()).await?;
            push_or_register(app, p, integration, args, true).await
        }
        ArtifactCommand::List { integration: given, bucket, limit } => {
            let integration = integration(given).await?;
            let mut artifacts = app.plane.artifacts(&integration, bucket.as_deref()).await?;
            artifacts.truncate(limit.unwrap_or(usize::MAX));
            p.list(&artifacts)
        }
        ArtifactCommand::Show { id } => {
            let id = match id {
                Some(id) => id,
                None => {
                    ask.pick("ID", "Artifact", choices::recent_artifacts(app.plane.as_ref(), 100)).await?.parse()?
                }
            };
            p.one(&app.plane.artifact(id).await?)
        }
    }
}

async fn push_or_register(
    app: &App,
    p: &Printer,
    integration: String,
    args: PushArgs,
    register: bool,
) -> anyhow::Result<()> {
    let PushArgs {
        source,
        integration: _,
        bucket,
        git_ref,
        tag,
        external_id,
        description,
        meta,
        no_referrers,
        dry_run,
        compression,
        step,
    } = args;
    // The branch feeds the routing rule; a CI's own is read only when there is routing to do.
    let branch = git_ref.or_else(|| bucket.is_none().then(routing::ci_branch).flatten());
    // The CI run is recorded (`ci.*`), and its id is the external id, unless the caller says otherwise.
    let run = crate::app::ci::current();
    let metadata = crate::app::ci::with_run(routing::with_branch(parse_meta(&meta)?, branch), run.as_ref());
    let external_id = external_id.or_else(|| run.and_then(|r| r.run_id));
    let routed = routing::bucket_for(app, &integration, bucket, &metadata).await?;
    if let Some(by) = &routed.by {
        p.note(&format!("bucket {} chosen by {by}", routed.bucket));
    }
    let referrers = !no_referrers;
    let bucket = routed.bucket;
    let req = PushRequest {
        source,
        integration,
        bucket,
        tag,
        external_id,
        description,
        metadata,
        register,
        referrers,
        compression,
    };
    if dry_run {
        let plan = crate::app::push::plan(app, req).await?;
        let summary = format!("would push {} ({}) to {}", plan.source, plan.digest, plan.target);
        // Nothing moved: stdout that is the pinned reference's alone stays empty.
        if step.takes_stdout(p.bare()) {
            eprintln!("{summary}");
            return Ok(());
        }
        return p.result(&plan, &summary);
    }
    let mut outcome = push(app, req).await?;
    outcome.routed_by = routed.by.map(|c| c.to_string());
    let a = &outcome.artifact;
    let summary = if outcome.unchanged {
        format!("{}:{} is already the head of {} ({}); nothing changed", a.integration, a.tag, a.bucket, a.digest)
    } else {
        let c = &outcome.copy;
        p.note(&format!(
            "blobs: {} uploaded ({}), {} mounted, {} already there",
            c.blobs_copied,
            indicatif::HumanBytes(c.bytes_copied),
            c.blobs_mounted,
            c.blobs_skipped
        ));
        format!("artifact {} {} in {} of {}: {}", a.id, a.tag, a.bucket, a.integration, a.image_uri)
    };
    let done = if register { "registered" } else { "pushed" };
    if step.publish(&Outputs { artifact: a }, &format!("{done} {} into {}", a.integration, a.bucket), p.bare())? {
        return Ok(());
    }
    p.result(&outcome, &summary)
}

pub(super) fn parse_meta(meta: &[String]) -> Result<BTreeMap<String, String>, Error> {
    meta.iter()
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
            _ => Err(Error::Invalid(format!("--meta {kv:?} is not KEY=VALUE"))),
        })
        .collect()
}
