//! The dashboard's pages. maud escapes every value it is given, so a tag,
//! a reason or a metadata value is always text, never markup.

use maud::{DOCTYPE, Markup, html};

use super::{AuditQuery, may_decide};
use crate::app::dashboard::{IntegrationPage, Overview};
use crate::control::store::sessions::Session;
use crate::model::{Artifact, AuditEvent, BucketEvent, PromotionRequest};

/// `3m ago`, `2d ago`: how long ago, from the control plane's clock.
fn ago(t: &chrono::DateTime<chrono::Utc>) -> String {
    crate::app::choices::ago(crate::control::freezes::now(), *t)
}

fn when(t: &chrono::DateTime<chrono::Utc>) -> Markup {
    html! { time datetime=(t.to_rfc3339()) title=(t.format("%Y-%m-%d %H:%M:%S UTC")) { (ago(t)) } }
}

fn short(d: &crate::model::Digest) -> String {
    d.abbreviated()
}

/// The frame of every signed-in page.
fn frame(session: Option<&Session>, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · facetctl" }
                link rel="stylesheet" href="/ui/style.css";
            }
            body {
                header {
                    nav aria-label="Main" {
                        a.brand href="/ui" { "facetctl" }
                        @if let Some(session) = session {
                            a href="/ui" { "Overview" }
                            a href="/ui/requests" { "Requests" }
                            a href="/ui/audit" { "Audit" }
                            span.who { (session.user.name) " (" (session.user.role) ")" }
                            form.inline method="post" action="/ui/logout" {
                                input type="hidden" name="csrf" value=(session.csrf);
                                button type="submit" { "Sign out" }
                            }
                        }
                    }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

pub fn message(title: &str, text: &str) -> Markup {
    frame(None, title, html! { p.notice role="alert" { (text) } p { a href="/ui" { "Back to the overview" } } })
}

pub fn login(error: Option<&str>, username: &str) -> Markup {
    frame(
        None,
        "Sign in",
        html! {
            @if let Some(error) = error { p.notice role="alert" { (error) } }
            form.card method="post" action="/ui/login" {
                label for="username" { "User name" }
                input #username name="username" autocomplete="username" value=(username) required autofocus;
                label for="token" { "Personal access token" }
                input #token name="token" type="password" autocomplete="current-password" required;
                button type="submit" { "Sign in" }
                p.hint { "An admin gives you a token with " code { "facetctl server users add" } "." }
            }
        },
    )
}

pub fn overview(session: &Session, o: &Overview) -> Markup {
    frame(
        Some(session),
        "What runs where",
        html! {
            @if !o.awaiting.is_empty() {
                p.notice { a href="/ui/requests" {
                    @if o.awaiting.len() >= crate::control::REQUESTS_LISTED { (o.awaiting.len()) " or more" } @else { (o.awaiting.len()) }
                    " promotion request(s) await approval" } }
            }
            @if o.rows.is_empty() { p { "No integration yet." } }
            @for row in &o.rows {
                section.integration aria-labelledby=(format!("i-{}", row.integration)) {
                    h2 id=(format!("i-{}", row.integration)) {
                        a href=(format!("/ui/integrations/{}", row.integration)) { (row.integration) }
                        @if let Some(w) = &row.workflow { small { " workflow " (w) } }
                    }
                    ol.stages {
                        @for cell in &row.cells {
                            li.stage.differs[cell.differs].frozen[cell.frozen.is_some()] data-bucket=(cell.bucket) {
                                h3 { (cell.bucket)
                                    @if let Some(n) = cell.gate { " " span.badge title="approvals needed" { "gate " (n) } }
                                }
                                @match &cell.head {
                                    Some(a) => {
                                        p.tag { a href=(format!("/ui/artifacts/{}", a.id)) { (a.tag) } }
                                        p.digest { code { (short(&a.digest)) } }
                                        p.by { (a.created_by) ", " (when(&a.created_at)) }
                                    }
                                    None => { p.empty { "empty" } }
                                }
                                @if cell.differs { p.badge.moving { "differs from the stage before" } }
                                @if let Some(reason) = &cell.frozen { p.badge.freeze { "frozen: " (reason) } }
                                @if cell.awaiting > 0 { p.badge.pending { (cell.awaiting) " awaiting approval" } }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// A link to a CI run, only when it is an https URL (never `javascript:` or the like).
fn run_link(url: Option<&String>) -> Markup {
    html! { @if let Some(url) = url.filter(|u| u.starts_with("https://")) { a href=(url) rel="noreferrer" { "run" } } }
}

fn event_row(e: &BucketEvent, run: Option<&String>) -> Markup {
    html! {
        tr {
            td { (when(&e.created_at)) }
            td { (e.bucket) }
            td { (e.kind) @if let Some(from) = &e.from_bucket { " from " (from) } }
            td { a href=(format!("/ui/artifacts/{}", e.artifact_id)) { (e.tag) } }
            td { code { (short(&e.digest)) } }
            td { (e.actor) @if !e.approved_by.is_empty() { br; small { "approved by " (e.approved_by.join(", ")) } } }
            td { (e.reason.as_deref().unwrap_or("")) }
            td { (run_link(run)) }
        }
    }
}

pub fn integration(session: &Session, page: &IntegrationPage) -> Markup {
    let i = &page.integration;
    frame(
        Some(session),
        &i.name,
        html! {
            p { (i.repository) " on " (i.registry)
                @for (bucket, registry) in &i.bucket_registries { " · " (bucket) " on " (registry) }
            }
            @if !page.stages.is_empty() {
                h2 { "Workflow" }
                ol.workflow aria-label="Stages in order" {
                    @for ((stage, gate), (_, head)) in page.stages.iter().zip(&page.heads) {
                        li {
                            strong { (stage) }
                            @if let Some(n) = gate { " " span.badge { "gate: " (n) " approval(s)" } }
                            br;
                            @match head { Some(a) => { (a.tag) " " code { (short(&a.digest)) } } None => { "empty" } }
                        }
                    }
                }
            }
            h2 { "History" }
            @if page.events.is_empty() { p { "Nothing has moved yet." } } @else {
                div.scroll {
                    table {
                        thead { tr { th scope="col" { "When" } th scope="col" { "Bucket" } th scope="col" { "What" }
                            th scope="col" { "Tag" } th scope="col" { "Digest" } th scope="col" { "Who" } th scope="col" { "Why" } th scope="col" { "CI" } } }
                        tbody { @for e in &page.events { (event_row(e, page.runs.get(&e.artifact_id))) } }
                    }
                }
            }
        },
    )
}

pub fn artifact(
    session: &Session,
    a: &Artifact,
    travels: &[Artifact],
    referrers: &Result<Vec<crate::registry::referrers::Found>, String>,
) -> Markup {
    frame(
        Some(session),
        &format!("{} {}", a.integration, a.tag),
        html! {
            dl.facts {
                dt { "Digest" } dd { code { (a.digest) } }
                dt { "Image" } dd { code { (a.image_uri) } }
                dt { "Bucket" } dd { (a.bucket) }
                dt { "Media type" } dd { (a.media_type) }
                dt { "Recorded" } dd { (a.created_by) ", " (when(&a.created_at)) }
                @if let Some(x) = &a.external_id { dt { "External id" } dd { (x) } }
                @if let Some(d) = &a.description { dt { "Description" } dd { (d) } }
            }
            @if !a.metadata.is_empty() {
                h2 { "Metadata" }
                dl.facts {
                    @for (k, v) in &a.metadata {
                        dt { (k) }
                        dd { @if k == "ci.run_url" && v.starts_with("https://") { a href=(v) rel="noreferrer" { (v) } } @else { (v) } }
                    }
                }
            }
            h2 { "Signatures and attestations" }
            @match referrers {
                Ok(found) if found.is_empty() => { p { "The registry holds none for this digest." } }
                Ok(found) => { ul.referrers { @for f in found { li { (f.kind) " " code { (short(&f.digest)) } } } } }
                Err(why) => { p.notice { "The registry could not say: " (why) } }
            }
            h2 { "Where this digest has been" }
            ul { @for t in travels {
                li { a href=(format!("/ui/artifacts/{}", t.id)) { (t.bucket) } " — " (t.created_by) ", " (when(&t.created_at)) }
            } }
        },
    )
}

pub fn requests(
    session: &Session,
    awaiting: &[PromotionRequest],
    recent: &[PromotionRequest],
    said: Option<&str>,
) -> Markup {
    let decide = may_decide(session.user.role);
    frame(
        Some(session),
        "Promotion requests",
        html! {
            @if let Some(said) = said { p.notice role="status" { (said) } }
            @if awaiting.is_empty() { p { "Nothing awaits approval." } }
            @if awaiting.len() >= crate::control::REQUESTS_LISTED {
                p.hint { "The newest " (awaiting.len()) " are shown; " code { "facetctl promotion list --integration NAME" } " narrows them." }
            }
            @for r in awaiting {
                article.card.request id=(format!("request-{}", r.id)) {
                    h2 { "Request " (r.id) ": " (r.integration) " " (r.from_bucket) " → " (r.to_bucket) }
                    p { (r.tag) " " code { (short(&r.digest)) } " asked by " (r.requested_by) ", " (when(&r.created_at)) }
                    @if let Some(reason) = &r.reason { p { "Why: " (reason) } }
                    p { (r.approvals.len()) " of " (r.approvals_needed) " approval(s)"
                        @if !r.approvals.is_empty() { ": " (r.approvals.iter().map(|a| a.by.as_str()).collect::<Vec<_>>().join(", ")) } }
                    @if decide {
                        form method="post" action=(format!("/ui/requests/{}/approve", r.id)) {
                            input type="hidden" name="csrf" value=(session.csrf);
                            label for=(format!("approve-{}", r.id)) { "Reason (optional)" }
                            input id=(format!("approve-{}", r.id)) name="reason";
                            button type="submit" name="approve" { "Approve" }
                        }
                        form method="post" action=(format!("/ui/requests/{}/reject", r.id)) {
                            input type="hidden" name="csrf" value=(session.csrf);
                            label for=(format!("reject-{}", r.id)) { "Reason (required)" }
                            input id=(format!("reject-{}", r.id)) name="reason" required;
                            button.danger type="submit" name="reject" { "Reject" }
                        }
                    }
                }
            }
            @if !recent.is_empty() {
                h2 { "Decided" }
                div.scroll { table {
                    thead { tr { th scope="col" { "Request" } th scope="col" { "Integration" } th scope="col" { "Move" }
                        th scope="col" { "State" } th scope="col" { "Decided by" } th scope="col" { "Why" } } }
                    tbody { @for r in recent { tr {
                        td { (r.id) } td { (r.integration) } td { (r.from_bucket) " → " (r.to_bucket) " " (r.tag) }
                        td { (r.state) }
                        // Approved requests are decided by their approvers; the rest by whoever ended them.
                        td { @match &r.decided_by {
                            Some(by) => { (by) }
                            None => { (r.approvals.iter().map(|a| a.by.as_str()).collect::<Vec<_>>().join(", ")) }
                        } }
                        td { (r.decision.as_deref().unwrap_or("")) }
                    } } }
                } }
            }
        },
    )
}

pub fn audit(session: &Session, q: &AuditQuery, events: &[AuditEvent], more: bool) -> Markup {
    frame(
        Some(session),
        "Audit log",
        html! {
            form.filters method="get" action="/ui/audit" {
                label for="actor" { "Actor" } input #actor name="actor" value=(q.actor);
                label for="action" { "Action" } input #action name="action" value=(q.action) placeholder="artifact.promote";
                label for="integration" { "Integration" } input #integration name="integration" value=(q.integration);
                label for="since" { "Since" } input #since name="since" value=(q.since) placeholder="2026-12-01";
                button type="submit" { "Filter" }
            }
            @if more { p.hint { "The newest " (events.len()) " are shown; narrow the filters to see others." } }
            div.scroll { table {
                thead { tr { th scope="col" { "When" } th scope="col" { "Actor" } th scope="col" { "Action" }
                    th scope="col" { "Target" } th scope="col" { "Details" } } }
                tbody { @for e in events { tr {
                    td { (when(&e.created_at)) } td { (e.actor) } td { (e.action) } td { (e.target) }
                    td { code.details { (e.details) } }
                } } }
            } }
        },
    )
}
