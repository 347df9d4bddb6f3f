//! Table rows for the records the CLI prints.

use super::output::Tabular;
use crate::model::*;

use super::output::time;

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

impl Tabular for ReleaseStream {
    fn optional() -> &'static [&'static str] {
        &["CREATED", "CREATED BY", "DESCRIPTION"]
    }
    fn headers() -> &'static [&'static str] {
        &["NAME", "PROD", "DESCRIPTION", "CREATED BY", "CREATED"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.prod.to_string(),
            self.description.clone(),
            self.created_by.clone(),
            time(&self.created_at),
        ]
    }
}

impl Tabular for Environment {
    fn optional() -> &'static [&'static str] {
        &["CREATED", "CREATED BY"]
    }
    fn headers() -> &'static [&'static str] {
        &["NAME", "RELEASE STREAM", "CREATED BY", "CREATED"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.name.clone(), self.release_stream.clone(), self.created_by.clone(), time(&self.created_at)]
    }
}

impl Tabular for Registry {
    fn optional() -> &'static [&'static str] {
        &["CREATED BY", "USERNAME", "INSECURE"]
    }
    fn headers() -> &'static [&'static str] {
        &["NAME", "KIND", "URL", "INSECURE", "USERNAME", "CREATED BY"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.kind.to_string(),
            self.uri.clone(),
            self.insecure.to_string(),
            opt(&self.username),
            self.created_by.clone(),
        ]
    }
}

impl Tabular for Workflow {
    fn optional() -> &'static [&'static str] {
        &["CREATED", "CREATED BY", "TYPE"]
    }
    fn headers() -> &'static [&'static str] {
        &["NAME", "TYPE", "STAGES", "GATES", "CREATED BY", "CREATED"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.registration_type.to_string(),
            // Piped, a list is one word: `qa,staging,production`.
            if super::output::piped() { self.stages.join(",") } else { self.path() },
            self.gates.iter().map(ToString::to_string).collect::<Vec<_>>().join(","),
            self.created_by.clone(),
            time(&self.created_at),
        ]
    }
}

impl Tabular for Integration {
    fn optional() -> &'static [&'static str] {
        &["RULE", "LAYOUT", "TYPE"]
    }
    fn headers() -> &'static [&'static str] {
        &["NAME", "TYPE", "REGISTRY", "REPOSITORY", "LAYOUT", "WORKFLOW", "RULE"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            self.registration_type.to_string(),
            // Buckets kept elsewhere follow the registry: `main,production=prod`.
            std::iter::once(self.registry.clone())
                .chain(self.bucket_registries.iter().map(|(bucket, registry)| format!("{bucket}={registry}")))
                .collect::<Vec<_>>()
                .join(","),
            self.repository.clone(),
            self.layout.to_string(),
            opt(&self.workflow),
            opt(&self.rule),
        ]
    }
}

impl Tabular for Artifact {
    fn optional() -> &'static [&'static str] {
        &["EXTERNAL ID", "FROM", "CREATED BY"]
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "BUCKET", "TAG", "DIGEST", "EXTERNAL ID", "FROM", "CREATED BY", "CREATED"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.bucket.clone(),
            self.tag.clone(),
            short(&self.digest),
            opt(&self.external_id),
            self.promoted_from.map(|i| i.to_string()).unwrap_or_default(),
            self.created_by.clone(),
            time(&self.created_at),
        ]
    }
}

impl Tabular for BucketEvent {
    fn optional() -> &'static [&'static str] {
        &["APPROVED BY", "ARTIFACT", "FROM", "ACTOR", "REASON"]
    }
    fn headers() -> &'static [&'static str] {
        &["TIME", "BUCKET", "EVENT", "ARTIFACT", "TAG", "DIGEST", "FROM", "ACTOR", "APPROVED BY", "REASON"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            time(&self.created_at),
            self.bucket.clone(),
            self.kind.to_string(),
            self.artifact_id.to_string(),
            self.tag.clone(),
            short(&self.digest),
            opt(&self.from_bucket),
            self.actor.clone(),
            self.approved_by.join(","),
            opt(&self.reason),
        ]
    }
}

impl Tabular for AuditEvent {
    fn headers() -> &'static [&'static str] {
        &["ID", "TIME", "ACTOR", "ACTION", "TARGET"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.id.to_string(), time(&self.created_at), self.actor.clone(), self.action.clone(), self.target.clone()]
    }
}

/// `sha256:` and 12 hex digits, as people compare digests at a glance; `-o json` has them whole.
use super::output::short;

impl Tabular for crate::app::verify::Drift {
    fn optional() -> &'static [&'static str] {
        &["ARTIFACT", "ROLE", "REPAIRED"]
    }
    fn headers() -> &'static [&'static str] {
        &["INTEGRATION", "BUCKET", "TAG", "ROLE", "ARTIFACT", "RECORD SAYS", "REGISTRY HAD", "REPAIRED"]
    }
    fn row(&self) -> Vec<String> {
        let t = &self.tag;
        vec![
            t.integration.clone(),
            t.bucket.clone(),
            t.tag.clone(),
            match t.role {
                crate::control::TagRole::Moving => "moving".into(),
                crate::control::TagRole::Artifact => "artifact".into(),
            },
            t.artifact_id.to_string(),
            short(&t.expected),
            t.found.as_ref().map_or_else(|| "(missing)".to_owned(), short),
            self.repaired.to_string(),
        ]
    }
}

impl Tabular for RoutingRule {
    fn optional() -> &'static [&'static str] {
        &["CREATED", "CREATED BY", "TYPE"]
    }
    fn headers() -> &'static [&'static str] {
        &["NAME", "TYPE", "CRITERIA", "CREATED BY", "CREATED"]
    }
    fn row(&self) -> Vec<String> {
        let mut criteria = self.criteria.clone();
        criteria.sort_by_key(|c| c.priority);
        vec![
            self.name.clone(),
            self.registration_type.to_string(),
            criteria.iter().map(ToString::to_string).collect::<Vec<_>>().join(if super::output::piped() {
                ","
            } else {
                " "
            }),
            self.created_by.clone(),
            time(&self.created_at),
        ]
    }
}

impl Tabular for Freeze {
    fn optional() -> &'static [&'static str] {
        &["SET BY", "ENDED"]
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "INTEGRATION", "BUCKET", "WINDOW", "REASON", "SET BY", "ENDED"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.integration.clone().unwrap_or_else(|| "(all)".into()),
            self.bucket.clone(),
            self.window.to_string(),
            self.reason.clone(),
            self.created_by.clone(),
            self.ended_at.as_ref().map(time).unwrap_or_default(),
        ]
    }
}

impl Tabular for PromotionRequest {
    fn optional() -> &'static [&'static str] {
        &["ASKED", "ASKED BY", "FROM", "APPROVALS"]
    }
    fn headers() -> &'static [&'static str] {
        &["ID", "INTEGRATION", "FROM", "TO", "TAG", "DIGEST", "STATE", "APPROVALS", "ASKED BY", "ASKED"]
    }
    fn row(&self) -> Vec<String> {
        let approvals: Vec<&str> = self.approvals.iter().map(|a| a.by.as_str()).collect();
        vec![
            self.id.to_string(),
            self.integration.clone(),
            self.from_bucket.clone(),
            self.to_bucket.clone(),
            self.tag.clone(),
            short(&self.digest),
            self.state.to_string(),
            format!("{}/{} {}", approvals.len(), self.approvals_needed, approvals.join(",")),
            self.requested_by.clone(),
            time(&self.created_at),
        ]
    }
}

impl Tabular for crate::app::status::BucketStatus {
    fn optional() -> &'static [&'static str] {
        &["BY", "SINCE"]
    }
    fn headers() -> &'static [&'static str] {
        &["INTEGRATION", "BUCKET", "TAG", "DIGEST", "SINCE", "BY", "HELD"]
    }
    fn row(&self) -> Vec<String> {
        // Piped, each hold is one word: `frozen-until:TIME`, `awaiting:#1,#2`.
        let piped = super::output::piped();
        let mut held = Vec::new();
        if let Some(until) = &self.frozen_until {
            let until = time(until);
            held.push(if piped { format!("frozen-until:{until}") } else { format!("frozen until {until}") });
        }
        if !self.awaiting.is_empty() {
            let ids: Vec<String> = self.awaiting.iter().map(|id| format!("#{id}")).collect();
            let ids = ids.join(",");
            held.push(if piped { format!("awaiting:{ids}") } else { format!("awaiting approval: {ids}") });
        }
        vec![
            self.integration.clone(),
            self.bucket.clone(),
            self.tag.clone().unwrap_or_else(|| "-".into()),
            self.digest.as_ref().map(short).unwrap_or_else(|| "-".into()),
            self.since.as_ref().map(time).unwrap_or_default(),
            self.by.clone().unwrap_or_default(),
            held.join(if piped { "," } else { "; " }),
        ]
    }
}

impl Tabular for crate::app::release::ReleaseMove {
    fn optional() -> &'static [&'static str] {
        &["DETAIL"]
    }
    fn headers() -> &'static [&'static str] {
        &["INTEGRATION", "RESULT", "TAG", "DIGEST", "DETAIL"]
    }
    fn row(&self) -> Vec<String> {
        use crate::app::release::MoveResult::*;
        let (result, artifact, detail) = match &self.result {
            Done { promotion_id, artifact } => {
                ("done", Some((&artifact.tag, &artifact.digest)), format!("promotion {promotion_id}"))
            }
            Unchanged { artifact } => ("unchanged", Some((&artifact.tag, &artifact.digest)), "already the head".into()),
            Requested { request } => (
                "requested",
                Some((&request.tag, &request.digest)),
                format!("request {} waits for {} approval(s)", request.id, request.approvals_needed),
            ),
            DryRun { plan } => ("would-move", Some((&plan.tag, &plan.digest)), plan.target.clone()),
            Skipped { why } => ("skipped", None, why.clone()),
            Failed { error, .. } => ("failed", None, error.clone()),
        };
        let (tag, digest) = artifact.map_or((String::new(), String::new()), |(t, d)| (t.clone(), short(d)));
        vec![self.integration.clone(), result.to_owned(), tag, digest, detail]
    }
}
