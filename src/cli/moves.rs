//! `promote`, `rollback`, `history`, `audit`.

use clap::Args;

use super::output::{Printer, short};
use super::prompt::Prompter;
use super::step::{Outputs, StepArgs};
use crate::app::App;
use crate::app::choices;
use crate::app::promote::{PromoteOutcome, PromoteRequest, promote as run_promote};
use crate::app::release::{MoveResult, Release, ReleaseRequest, release as run_release};
use crate::app::rollback::{RollbackRequest, rollback as run_rollback};
use crate::control::AuditFilter;
use crate::error::Error;
use crate::model::Digest;

#[derive(Debug, Args)]
pub struct PromoteArgs {
    /// The integration to promote (on a terminal, left out, it is picked from a list). Several,
    /// comma-separated, promote a release: each moves on its own, at once, under one release id.
    #[arg(long, value_delimiter = ',', add = super::complete::integrations())]
    integration: Vec<String>,
    /// Promote a release of every integration whose workflow goes from --from to --to.
    #[arg(long, conflicts_with = "integration")]
    all: bool,
    /// The id the release's moves share (default: release-<time>-<random>).
    #[arg(long, value_name = "ID")]
    release: Option<String>,
    /// The source bucket (stage); picked from a list on a terminal.
    #[arg(long, add = super::complete::buckets())]
    from: Option<String>,
    /// The target bucket: the workflow's next stage after --from; picked on a terminal.
    #[arg(long, add = super::complete::promotion_targets())]
    to: Option<String>,
    /// Promote this artifact of the source bucket instead of its head.
    #[arg(long, conflicts_with = "digest", add = super::complete::artifacts())]
    artifact: Option<i64>,
    /// Promote the source bucket's artifact with this digest.
    #[arg(long, value_parser = |s: &str| s.parse::<Digest>().map_err(|e| e.0))]
    digest: Option<Digest>,
    /// Why, kept with the record (required with --force).
    #[arg(long)]
    reason: Option<String>,
    /// Say what would be promoted, and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Leave signatures, attestations and SBOMs behind (they follow by default).
    #[arg(long)]
    no_referrers: bool,
    /// Skip a stage (admin) or go through a freeze (admin or release manager); needs --reason, audited.
    #[arg(long, requires = "reason")]
    force: bool,
    /// Into a gated stage: wait until the request is approved and moved (exit 0), or rejected,
    /// cancelled or expired (exit 3).
    #[arg(long)]
    wait: bool,
    /// How long --wait waits before it gives up, leaving the request open (exit 3): 30m, 2h...
    #[arg(long, value_name = "DURATION", requires = "wait", default_value = "1h", value_parser = duration)]
    timeout: std::time::Duration,
    /// How long a request into a gated stage waits for approvals before it expires.
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = duration)]
    expires_in: std::time::Duration,
    #[command(flatten)]
    step: super::step::StepArgs,
}

fn duration(s: &str) -> Result<std::time::Duration, String> {
    crate::model::parse_duration(s).map_err(|e| e.0)
}

#[derive(Debug, Args)]
pub struct RollbackArgs {
    /// The integration whose bucket to roll back (picked from a list on a terminal).
    #[arg(long, add = super::complete::integrations())]
    integration: Option<String>,
    /// The bucket whose moving tag goes back (picked from a list on a terminal).
    #[arg(long, add = super::complete::buckets())]
    bucket: Option<String>,
    /// The artifact to go back to (default: the bucket's previous head).
    #[arg(long, value_name = "ARTIFACT_ID", add = super::complete::artifacts())]
    to: Option<i64>,
    /// Why, kept with the record (required with --force).
    #[arg(long)]
    reason: Option<String>,
    /// Go through a freeze (admin or release manager); needs --reason, audited.
    #[arg(long, requires = "reason")]
    force: bool,
    /// Say what would change, and change nothing.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    step: super::step::StepArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Check this integration only (default: all).
    #[arg(long, add = super::complete::integrations())]
    integration: Option<String>,
    /// Put each differing tag back on what the record says (under the bucket's lease; audited).
    #[arg(long)]
    repair: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The integration whose history to show.
    #[arg(long, add = super::complete::integrations())]
    integration: String,
    /// Only this bucket's events.
    #[arg(long, add = super::complete::buckets())]
    bucket: Option<String>,
    /// At most this many events, newest first.
    #[arg(long, default_value = "50")]
    limit: u32,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only this person's changes.
    #[arg(long)]
    actor: Option<String>,
    /// Only events at or after this time (RFC 3339, or a date YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// At most this many events, newest first.
    #[arg(long, default_value = "100")]
    limit: u32,
}

pub async fn promote(app: &App, p: &Printer, ask: &Prompter, a: PromoteArgs) -> anyhow::Result<()> {
    let PromoteArgs {
        integration,
        all,
        release,
        from,
        to,
        artifact,
        digest,
        reason,
        dry_run,
        no_referrers,
        force,
        wait,
        timeout,
        expires_in,
        step,
    } = a;
    let plane = app.plane.as_ref();
    if all || integration.len() > 1 || release.is_some() {
        let single = [
            (artifact.is_some(), "--artifact"),
            (digest.is_some(), "--digest"),
            (wait, "--wait"),
            (step.asked(), "--format and --dotenv"),
        ];
        if let Some((_, flag)) = single.iter().find(|(given, _)| *given) {
            return Err(Error::Invalid(format!(
                "{flag} is for one integration's move; a release moves each integration's head (see -o json for its results)"
            ))
            .into());
        }
        let (Some(from), Some(to)) = (from, to) else {
            return Err(Error::Invalid("a release needs --from and --to".into()).into());
        };
        let request = ReleaseRequest {
            integrations: (!all).then_some(integration),
            from,
            to,
            reason,
            dry_run,
            referrers: !no_referrers,
            forced: force,
            expires_in,
            id: release,
        };
        return promote_release(app, p, ask, request).await;
    }
    let integration = match integration.into_iter().next() {
        Some(i) => i,
        None => ask.pick("--integration", "Integration to promote", choices::integrations(plane)).await?,
    };
    let from = match from {
        Some(f) => f,
        None => ask.pick("--from", "Promote from", choices::buckets(plane, &integration)).await?,
    };
    let to = match to {
        Some(t) => t,
        None => {
            ask.pick("--to", "Promote to", choices::promotion_targets(plane, &integration, Some(&from), force)).await?
        }
    };
    let referrers = !no_referrers;
    let request = |dry_run| PromoteRequest {
        integration: integration.clone(),
        from: from.clone(),
        to: to.clone(),
        artifact,
        digest: digest.clone(),
        reason: reason.clone(),
        dry_run,
        referrers,
        forced: force,
        request: None,
        expires_in,
        release: None,
    };
    // A move into a protected bucket waits for a yes, having shown what it replaces with what.
    // A plan that fails says nothing here: the run itself gives the answer (a gated stage's
    // plan checks the approvers' move, which the requester may not make).
    if !dry_run
        && !ask.yes()
        && let Ok(PromoteOutcome::DryRun { plan }) = run_promote(app, request(true)).await
        && plan.protected
        && plan.approvals_needed.is_none()
        && plan.replaces.as_ref().is_none_or(|head| head.digest != plan.digest)
    {
        let replaces = plan.replaces.as_ref().map_or_else(
            || "nothing yet".to_owned(),
            |h| format!("{} {} (by {}, {})", h.tag, short(&h.digest), h.by, ago(h.at)),
        );
        ask.confirm(
            &format!("promote {} into {} (protected)", plan.integration, plan.to),
            &[
                format!("{} now: {replaces}", plan.to),
                format!(
                    "becomes:  {} {} from {} (by {}, {})",
                    plan.tag,
                    short(&plan.digest),
                    plan.from,
                    plan.pushed_by,
                    ago(plan.pushed_at)
                ),
            ],
        )?;
    }
    let outcome = run_promote(app, request(dry_run)).await?;
    print_promoted(app, p, &step, outcome, wait, timeout).await
}

/// A release: every integration's move at once; a yes first when any would move a protected
/// bucket, and a table of what each did. Exits with the first failure's code when any failed.
async fn promote_release(app: &App, p: &Printer, ask: &Prompter, req: ReleaseRequest) -> anyhow::Result<()> {
    if !req.dry_run && !ask.yes() {
        let plan = run_release(app, ReleaseRequest { dry_run: true, ..req.clone() }).await?;
        let protected: Vec<String> = plan
            .moves
            .iter()
            .filter_map(|m| match &m.result {
                MoveResult::DryRun { plan }
                    if plan.protected
                        && plan.approvals_needed.is_none()
                        && plan.replaces.as_ref().is_none_or(|h| h.digest != plan.digest) =>
                {
                    let now = plan
                        .replaces
                        .as_ref()
                        .map_or_else(|| "nothing yet".to_owned(), |h| format!("{} {}", h.tag, short(&h.digest)));
                    Some(format!("{}: {now} -> {} {}", m.integration, plan.tag, short(&plan.digest)))
                }
                _ => None,
            })
            .collect();
        if !protected.is_empty() {
            ask.confirm(
                &format!("promote {} integration(s) into {} (protected)", protected.len(), plan.to),
                &protected,
            )?;
        }
    }
    let release = run_release(app, req).await?;
    print_release(p, &release)
}

fn print_release(p: &Printer, release: &Release) -> anyhow::Result<()> {
    p.note(&format!(
        "release {}: {} -> {}: {} moved, {} unchanged, {} waiting for approval, {} skipped, {} failed",
        release.id,
        release.from,
        release.to,
        release.count(|r| matches!(r, MoveResult::Done { .. })),
        release.count(|r| matches!(r, MoveResult::Unchanged { .. })),
        release.count(|r| matches!(r, MoveResult::Requested { .. })),
        release.count(|r| matches!(r, MoveResult::Skipped { .. })),
        release.count(|r| matches!(r, MoveResult::Failed { .. })),
    ));
    match p.format {
        super::output::Format::Table | super::output::Format::Wide => p.list(&release.moves)?,
        _ => p.document(release)?,
    }
    match release.first_failure() {
        None => Ok(()),
        Some((integration, kind, error)) => {
            super::output::DOCUMENT_PRINTED.store(true, std::sync::atomic::Ordering::Relaxed);
            let failed = release.count(|r| matches!(r, MoveResult::Failed { .. }));
            let others = if failed > 1 { format!(" (and {} more)", failed - 1) } else { String::new() };
            Err(Error::of_kind(kind, format!("release {} is not all done: {integration}: {error}{others}", release.id))
                .into())
        }
    }
}

async fn print_promoted(
    app: &App,
    p: &Printer,
    step: &StepArgs,
    outcome: PromoteOutcome,
    wait: bool,
    timeout: std::time::Duration,
) -> anyhow::Result<()> {
    if let (PromoteOutcome::Requested { request }, true) = (&outcome, wait) {
        p.note(&requested(request));
        let done = crate::app::approvals::wait(app, request.id, timeout).await?;
        // What the approved request moved is the target's head now, unless another move followed.
        if let Some(promotion_id) = done.promotion_id
            && let Some(head) = app.plane.current_artifact(&done.integration, &done.to_bucket).await?
            && head.digest == done.digest
        {
            let moved = format!("promoted {} into {} (promotion {promotion_id})", head.integration, head.bucket);
            if step.publish(&Outputs { artifact: &head }, &moved, p.bare())? {
                return Ok(());
            }
        }
        let summary =
            format!("promotion request {} is done: promotion {}", done.id, done.promotion_id.unwrap_or_default());
        return p.result(&done, &summary);
    }
    let moved = match &outcome {
        PromoteOutcome::Done { artifact, .. } | PromoteOutcome::Unchanged { artifact, .. } => Some(artifact),
        PromoteOutcome::DryRun { .. } | PromoteOutcome::Requested { .. } => None,
    };
    if let Some(artifact) = moved {
        let done = format!("promoted {} into {}", artifact.integration, artifact.bucket);
        if step.publish(&Outputs { artifact }, &done, p.bare())? {
            return Ok(());
        }
    }
    let summary = match &outcome {
        PromoteOutcome::Done { promotion, artifact, copy, referrers } => {
            if referrers.referrers + referrers.cosign_tags > 0 {
                p.note(&format!(
                    "referrers: {} by digest, {} cosign tag(s) followed the image",
                    referrers.referrers, referrers.cosign_tags
                ));
            }
            p.note(&format!(
                "blobs: {} mounted, {} copied, {} already there",
                copy.blobs_mounted, copy.blobs_copied, copy.blobs_skipped
            ));
            format!(
                "promoted {} {} -> {}: artifact {} {} ({}), promotion {}",
                promotion.integration,
                promotion.from_bucket,
                promotion.to_bucket,
                artifact.id,
                artifact.tag,
                artifact.digest,
                promotion.id
            )
        }
        PromoteOutcome::Unchanged { artifact, repaired: None } => {
            format!("{} {} is already the head of {}; nothing changed", artifact.tag, artifact.digest, artifact.bucket)
        }
        PromoteOutcome::Unchanged { artifact, repaired: Some(fix) } => format!(
            "{} {} is already the head of {}; its moving tag {} named {} and was put back on it",
            artifact.tag,
            artifact.digest,
            artifact.bucket,
            fix.tag,
            fix.found.as_ref().map_or_else(|| "nothing".to_owned(), ToString::to_string)
        ),
        PromoteOutcome::DryRun { plan } => {
            let wait = plan.approvals_needed.map(|n| format!(", after {n} approval(s)")).unwrap_or_default();
            format!(
                "would promote artifact {} {} ({}) from {} to {}: {} -> {}{wait}",
                plan.artifact_id, plan.tag, plan.digest, plan.from, plan.to, plan.source, plan.target
            )
        }
        PromoteOutcome::Requested { request } => requested(request),
    };
    // Nothing moved: stdout that is the pinned reference's alone stays empty.
    if step.takes_stdout(p.bare())
        && matches!(outcome, PromoteOutcome::DryRun { .. } | PromoteOutcome::Requested { .. })
    {
        eprintln!("{summary}");
        return Ok(());
    }
    p.result(&outcome, &summary)
}

pub async fn rollback(app: &App, p: &Printer, ask: &Prompter, a: RollbackArgs) -> anyhow::Result<()> {
    let RollbackArgs { integration, bucket, to, reason, force, dry_run, step } = a;
    let plane = app.plane.as_ref();
    let integration = match integration {
        Some(i) => i,
        None => ask.pick("--integration", "Integration to roll back", choices::integrations(plane)).await?,
    };
    let bucket = match bucket {
        Some(b) => b,
        None => ask.pick("--bucket", "Bucket to roll back", choices::buckets(plane, &integration)).await?,
    };
    let request = |dry_run| RollbackRequest {
        integration: integration.clone(),
        bucket: bucket.clone(),
        to,
        reason: reason.clone(),
        forced: force,
        dry_run,
    };
    if dry_run || !ask.yes() {
        let plan = crate::app::rollback::plan(app, request(true)).await?;
        if dry_run {
            let summary = format!(
                "would roll back {} of {}: {} ({}) -> {} ({})",
                plan.bucket, plan.integration, plan.from.tag, plan.from.digest, plan.to.tag, plan.to.digest
            );
            if step.takes_stdout(p.bare()) {
                eprintln!("{summary}");
                return Ok(());
            }
            return p.result(&plan, &summary);
        }
        let (from, to) = (&plan.from, &plan.to);
        ask.confirm(
            &format!("roll back {} of {}", plan.bucket, plan.integration),
            &[
                format!(
                    "{} now: {} {} (by {}, {})",
                    plan.bucket,
                    from.tag,
                    short(&from.digest),
                    from.created_by,
                    ago(from.created_at)
                ),
                format!(
                    "goes back to: {} {} (by {}, {})",
                    to.tag,
                    short(&to.digest),
                    to.created_by,
                    ago(to.created_at)
                ),
            ],
        )?;
    }
    let outcome = run_rollback(app, request(false)).await?;
    let summary = format!(
        "rolled back {} of {}: {} ({}) -> {} ({})",
        outcome.event.bucket,
        outcome.event.integration,
        outcome.from.tag,
        outcome.from.digest,
        outcome.to.tag,
        outcome.to.digest
    );
    let done = format!("rolled back {} of {}", outcome.event.bucket, outcome.event.integration);
    if step.publish(&Outputs { artifact: &outcome.to }, &done, p.bare())? {
        return Ok(());
    }
    p.result(&outcome, &summary)
}

pub async fn verify(app: &App, p: &Printer, ask: &Prompter, a: VerifyArgs) -> anyhow::Result<()> {
    let VerifyArgs { integration, repair } = a;
    // A repair moves tags in the registry: what would move is shown, and a yes asked for, first.
    let repair = repair
        && (ask.yes() || {
            let found = crate::app::verify::verify(app, integration.as_deref(), false).await?;
            if !found.drifts.is_empty() {
                let lines: Vec<String> = found
                    .drifts
                    .iter()
                    .map(|d| {
                        let t = &d.tag;
                        let had = t.found.as_ref().map_or_else(|| "(missing)".to_owned(), short);
                        format!("{} {} {}: {had} -> {}", t.integration, t.bucket, t.tag, short(&t.expected))
                    })
                    .collect();
                ask.confirm(&format!("put {} tag(s) back on what the records say", lines.len()), &lines)?;
            }
            true
        });
    let report = crate::app::verify::verify(app, integration.as_deref(), repair).await?;
    match p.format {
        super::output::Format::Table | super::output::Format::Wide => p.list(&report.drifts)?,
        _ => p.document(&report)?,
    }
    let (found, open) = (report.drifts.len(), report.open());
    match (found, open) {
        (0, _) => p.note(&format!("{} tag(s) checked; the registry agrees with the records", report.checked)),
        (_, 0) => p.note(&format!("{} tag(s) checked; {found} put back on what the records say", report.checked)),
        _ => {
            return Err(Error::Refused(format!(
                "{open} of {} tag(s) differ from the records; `facetctl verify --repair` puts them back",
                report.checked
            ))
            .into());
        }
    }
    Ok(())
}

pub async fn history(app: &App, p: &Printer, a: HistoryArgs) -> anyhow::Result<()> {
    let HistoryArgs { integration, bucket, limit } = a;
    p.list(&crate::app::history::history(app, &integration, bucket.as_deref(), limit).await?)
}

pub async fn audit(app: &App, p: &Printer, a: AuditArgs) -> anyhow::Result<()> {
    let AuditArgs { actor, since, limit } = a;
    let since = since.map(|s| parse_since(&s)).transpose()?;
    p.list(&app.plane.audit_events(AuditFilter { actor, since, limit: Some(limit), ..AuditFilter::default() }).await?)
}

fn parse_since(s: &str) -> Result<chrono::DateTime<chrono::Utc>, Error> {
    crate::model::parse_time(s).map_err(|e| Error::Invalid(format!("--since {}", e.0)))
}

/// How long ago, from the control plane's clock.
fn ago(t: chrono::DateTime<chrono::Utc>) -> String {
    choices::ago(crate::control::freezes::now(), t)
}

/// What a request into a gated stage says when it is made.
fn requested(r: &crate::model::PromotionRequest) -> String {
    format!(
        "promotion request {} ({} -> {}, {} {}) awaits {} approval(s); `facetctl approve {}` by someone else moves it",
        r.id, r.from_bucket, r.to_bucket, r.tag, r.digest, r.approvals_needed, r.id
    )
}
