//! `facetctl approve | reject` and `facetctl promotion list | show | cancel`:
//! promotion requests into gated stages.

use clap::{Args, Subcommand};

use super::output::Printer;
use super::prompt::Prompter;
use crate::app::App;
use crate::app::choices;
use crate::control::RequestFilter;
use crate::model::{PromotionRequest, RequestState};

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The promotion request (on a terminal, left out, it is picked from those awaiting approval).
    #[arg(add = super::complete::open_requests())]
    id: Option<i64>,
    /// Why, for the audit log.
    #[arg(long)]
    reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct RejectArgs {
    /// The promotion request (on a terminal, left out, it is picked from those awaiting approval).
    #[arg(add = super::complete::open_requests())]
    id: Option<i64>,
    /// Why: the requester reads it.
    #[arg(long)]
    reason: String,
}

#[derive(Debug, Subcommand)]
pub enum PromotionCommand {
    /// Promotion requests, newest first.
    #[command(
        after_long_help = "Examples:\n  facetctl promotion list --state awaiting-approval\n  facetctl promotion list --integration payments"
    )]
    List {
        /// Only this integration's requests.
        #[arg(long, add = super::complete::integrations())]
        integration: Option<String>,
        /// Only requests in this state: awaiting-approval, approved, executing, done, rejected, failed, cancelled, expired.
        #[arg(long, value_parser = super::words::<RequestState>(), ignore_case = true)]
        state: Option<RequestState>,
    },
    /// One request: who asked, who approved, the digest, the times.
    #[command(after_long_help = "Examples:\n  facetctl promotion show 7\n  facetctl -o json promotion show 7")]
    Show {
        /// The promotion request (picked from those awaiting approval on a terminal).
        #[arg(add = super::complete::open_requests())]
        id: Option<i64>,
    },
    /// Withdraw a request (its requester, or an admin).
    #[command(after_long_help = "Examples:\n  facetctl promotion cancel 7")]
    Cancel {
        /// The promotion request (picked from those awaiting approval on a terminal).
        #[arg(add = super::complete::open_requests())]
        id: Option<i64>,
    },
}

fn said(r: &PromotionRequest) -> String {
    let approvals: Vec<&str> = r.approvals.iter().map(|a| a.by.as_str()).collect();
    format!(
        "promotion request {} is {} ({} of {} approvals{}{})",
        r.id,
        r.state,
        r.approvals.len(),
        r.approvals_needed,
        if approvals.is_empty() { String::new() } else { format!(": {}", approvals.join(", ")) },
        r.decision.as_deref().map(|d| format!("; {d}")).unwrap_or_default()
    )
}

/// The request named, or one picked from those awaiting approval.
async fn request_id(app: &App, ask: &Prompter, id: Option<i64>, prompt: &str) -> anyhow::Result<i64> {
    match id {
        Some(id) => Ok(id),
        None => {
            let picked = ask.pick("ID", prompt, choices::open_requests(app.plane.as_ref())).await?;
            Ok(picked.parse()?)
        }
    }
}

pub async fn approve(app: &App, p: &Printer, ask: &Prompter, a: ApproveArgs) -> anyhow::Result<()> {
    let id = request_id(app, ask, a.id, "Request to approve").await?;
    let request = crate::app::approvals::approve(app, id, a.reason).await?;
    if request.state == RequestState::Failed {
        // Approved, but the move did not happen: say why, and exit as a failure.
        return Err(crate::Error::Failed(format!(
            "promotion request {} was approved, and its move failed: {}; approving it again tries again",
            request.id,
            request.decision.unwrap_or_default()
        ))
        .into());
    }
    p.result(&request, &said(&request))
}

pub async fn reject(app: &App, p: &Printer, ask: &Prompter, a: RejectArgs) -> anyhow::Result<()> {
    let id = request_id(app, ask, a.id, "Request to reject").await?;
    let request = app.plane.reject_request(id, a.reason).await?;
    p.result(&request, &said(&request))
}

pub async fn promotion(app: &App, p: &Printer, ask: &Prompter, c: PromotionCommand) -> anyhow::Result<()> {
    match c {
        PromotionCommand::List { integration, state } => {
            p.list(&app.plane.promotion_requests(RequestFilter { integration, state }).await?)
        }
        PromotionCommand::Show { id } => {
            let id = request_id(app, ask, id, "Request to show").await?;
            p.one(&app.plane.promotion_request(id).await?)
        }
        PromotionCommand::Cancel { id } => {
            let id = request_id(app, ask, id, "Request to cancel").await?;
            let request = app.plane.cancel_request(id).await?;
            p.result(&request, &said(&request))
        }
    }
}
