//! Gated stages and promotion requests: a promotion into a gated stage waits
//! for N approvals by people other than whoever asked, pinned to the digest
//! the source held when it was asked (invariant 2).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::entities::word_enum;
use super::{Digest, InvalidInput, validate_name};
use std::fmt;
use std::str::FromStr;

use super::entities::spaced;

/// A stage whose promotions wait for `approvals` approvals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    pub stage: String,
    pub approvals: u32,
}

impl Gate {
    /// `STAGE[:N]`, N approvals (default 1, at most 10).
    pub fn parse(spec: &str) -> Result<Gate, InvalidInput> {
        let (stage, approvals) = match spec.rsplit_once(':') {
            Some((stage, n)) => {
                let n = n.parse::<u32>().ok().filter(|n| (1..=10).contains(n)).ok_or_else(|| {
                    InvalidInput(format!("invalid gate {spec:?}: give STAGE[:N] with N from 1 to 10 approvals"))
                })?;
                (stage, n)
            }
            None => (spec, 1),
        };
        validate_name("stage", stage)?;
        Ok(Gate { stage: stage.to_owned(), approvals })
    }
}

impl Gate {
    /// The refusal of a move into this gated stage that is not the run of an approved request.
    pub fn refusal(&self, integration: &str) -> super::RuleBroken {
        super::RuleBroken::Gated {
            integration: integration.to_owned(),
            stage: self.stage.clone(),
            approvals: self.approvals,
        }
    }
}

impl FromStr for Gate {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Gate, InvalidInput> {
        Gate::parse(s)
    }
}

impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.stage, self.approvals)
    }
}

word_enum!(
    /// Where a promotion request is.
    RequestState {
        AwaitingApproval = "awaiting-approval", Approved = "approved", Executing = "executing", Done = "done",
        Rejected = "rejected", Failed = "failed", Cancelled = "cancelled", Expired = "expired",
    }
);

impl RequestState {
    /// A request in this state will not move again by itself.
    pub fn is_final(self) -> bool {
        matches!(self, RequestState::Done | RequestState::Rejected | RequestState::Cancelled | RequestState::Expired)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Approval {
    pub by: String,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

/// A promotion waiting for approval, or decided.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PromotionRequest {
    pub id: i64,
    pub integration: String,
    pub from_bucket: String,
    pub to_bucket: String,
    /// The source artifact, as recorded when the request was made: what moves.
    pub artifact_id: i64,
    pub tag: String,
    pub digest: Digest,
    pub reason: Option<String>,
    pub requested_by: String,
    pub state: RequestState,
    pub approvals_needed: u32,
    pub approvals: Vec<Approval>,
    /// Who rejected or cancelled it, and why; or why its move failed.
    pub decided_by: Option<String>,
    pub decision: Option<String>,
    pub promotion_id: Option<i64>,
    /// Who took it to run, and when: a run that did not finish within `CLAIM_LASTS` is given up.
    pub claimed_by: Option<String>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// How long a run of a request may take (the server's limit for a move); a claim older than this
/// was interrupted, and approving again runs the request again.
pub const CLAIM_LASTS: chrono::Duration = chrono::Duration::minutes(30);

impl PromotionRequest {
    /// A run that was taken and never finished (its runner stopped): it may be taken again.
    pub fn claim_lapsed(&self, now: DateTime<Utc>) -> bool {
        self.state == RequestState::Executing && self.claimed_at.is_none_or(|at| now - at > CLAIM_LASTS)
    }
}

/// Why an approval, rejection or cancellation is refused.
pub fn check_approver(request: &PromotionRequest, who: &str, now: DateTime<Utc>) -> Result<(), String> {
    if request.requested_by.eq_ignore_ascii_case(who) {
        return Err(format!("user {who} asked for promotion request {}; approvals come from someone else", request.id));
    }
    // An approved request whose run failed, was interrupted or never began is run again by an
    // approval, also by someone who approved it before; a waiting one counts each person once.
    let retry = matches!(request.state, RequestState::Failed | RequestState::Approved) || request.claim_lapsed(now);
    if request.approvals.iter().any(|a| a.by.eq_ignore_ascii_case(who)) && !retry {
        return Err(format!("user {who} has already approved promotion request {}", request.id));
    }
    if request.state == RequestState::Expired || (request.expires_at <= now && !request.state.is_final()) {
        return Err(format!("promotion request {} expired at {}", request.id, request.expires_at.to_rfc3339()));
    }
    match request.state {
        RequestState::AwaitingApproval => Ok(()),
        _ if retry => Ok(()),
        state => Err(format!("promotion request {} is {state}, not awaiting approval", request.id)),
    }
}

/// The longest a request waits for approvals, or a command for a request.
pub const MAX_SECONDS: u64 = 365 * 86_400;

/// `90s`, `30m`, `12h`, `7d`: how long a request waits, or a command for it.
pub fn parse_duration(s: &str) -> Result<std::time::Duration, InvalidInput> {
    let bad = || InvalidInput(format!("invalid duration {s:?}: give a number and s, m, h or d, e.g. 30m or 7d"));
    let unit = s.chars().last().ok_or_else(bad)?;
    let n: u64 = s[..s.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
    let per = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return Err(bad()),
    };
    // A year at most: a wait or an expiry longer than that is a typo.
    match n.checked_mul(per) {
        Some(seconds) if (1..=MAX_SECONDS).contains(&seconds) => Ok(std::time::Duration::from_secs(seconds)),
        _ => Err(InvalidInput(format!("duration {s:?} is out of range: from 1s to 365d"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_name_a_stage_and_how_many_approve() {
        assert_eq!(Gate::parse("production:2").unwrap(), Gate { stage: "production".into(), approvals: 2 });
        assert_eq!(Gate::parse("PRODUCTION").unwrap(), Gate { stage: "PRODUCTION".into(), approvals: 1 });
        for bad in ["production:0", "production:11", "production:x", "a/b:1"] {
            assert!(Gate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_duration("7d").unwrap().as_secs(), 604_800);
        assert!(parse_duration("7w").is_err());
    }
}
