//! Dynamic shell completion: the shell runs `COMPLETE=<shell> facetctl -- <words>`
//! on each TAB and this binary answers with candidates read from the control plane
//! the command would use (the embedded store, or a server as `--api-url` or a
//! profile says). It writes nothing, creates nothing, and answers nothing on error:
//! a TAB must never print a message into someone's command line.

use std::ffi::OsString;
use std::sync::Arc;

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use crate::app::choices::{self, Choice};
use crate::control::ControlPlane;
use crate::control::Embedded;
use crate::control::store::Store;

/// Answers a completion request and exits, if this run is one.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(<super::Cli as clap::CommandFactory>::command)
        // The registration script calls `facetctl` from PATH, so the shipped scripts hold no build path.
        .completer("facetctl")
        .complete();
}

/// The script that registers dynamic completion with `shell`.
pub fn registration(shell: clap_complete::Shell, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let shells = clap_complete::env::Shells::builtins();
    let completer = shells
        .completer(&shell.to_string())
        .ok_or_else(|| std::io::Error::other(format!("no dynamic completion for {shell}")))?;
    completer.write_registration("COMPLETE", "facetctl", "facetctl", "facetctl", out)
}

/// How long a TAB waits for candidates before it offers none.
const PATIENCE: std::time::Duration = std::time::Duration::from_millis(1000);

/// The words of the command line being completed (after `--`).
fn words() -> Vec<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    match args.iter().position(|a| a == "--") {
        Some(at) => args[at + 1..].to_vec(),
        None => Vec::new(),
    }
}

/// The value given to `--flag` so far on the command line (`--flag v` or `--flag=v`).
fn given(words: &[OsString], flag: &str) -> Option<String> {
    let long = format!("--{flag}");
    let joined = format!("--{flag}=");
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let word = word.to_string_lossy();
        if word == long {
            // bash splits `--flag=value` into `--flag`, `=`, `value`.
            let next = match words.get(i + 1) {
                Some(eq) if eq == "=" => words.get(i + 2),
                next => next,
            };
            found = next.map(|v| v.to_string_lossy().into_owned());
        } else if let Some(value) = word.strip_prefix(&joined) {
            found = Some(value.to_owned());
        }
    }
    found.filter(|v| !v.is_empty())
}

/// Runs `ask` against the control plane this command line would use; nothing on any error.
fn ask<F>(ask: F) -> Vec<CompletionCandidate>
where
    F: AsyncFnOnce(&dyn ControlPlane, &[OsString]) -> crate::error::Result<Vec<Choice>>,
{
    let words = words();
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return Vec::new() };
    let choices = runtime.block_on(async {
        // A server that does not answer must not hold the shell: no candidates, soon.
        tokio::time::timeout(PATIENCE, async {
            let plane = plane(&words).await?;
            let choices = ask(plane.as_ref(), &words).await.ok();
            plane.close().await;
            choices
        })
        .await
        .ok()
        .flatten()
    });
    choices
        .unwrap_or_default()
        .into_iter()
        .map(|c| CompletionCandidate::new(c.value).help((!c.about.is_empty()).then(|| c.about.into())))
        .collect()
}

/// The control plane, chosen as a command would choose it; None where a command would
/// have to create or ask for something first.
async fn plane(words: &[OsString]) -> Option<Arc<dyn ControlPlane>> {
    let home = super::home().ok()?;
    // Only a URL set before the line is typed: a TAB must not send the token to a half-typed `--api-url`.
    let api_url = std::env::var("FACETS_CONTROL_PLANE_URL").ok().filter(|u| !u.is_empty());
    let profile = given(words, "profile").or_else(|| std::env::var("FACETCTL_PROFILE").ok());
    let http = crate::registry::SharedHttp::default();
    let secrets = crate::secrets::open(&home);
    if let Some(remote) = super::session::remote(&http, &home, secrets.as_ref(), api_url, profile).await.ok()? {
        return Some(remote);
    }
    // Read-only, and only a store already at this build's schema: a TAB neither creates nor migrates.
    let store = Store::open_sqlite_read_only(&home.join("facetctl.db")).await?;
    Some(Arc::new(Embedded::new(store, secrets, crate::app::actor::resolve())))
}

pub fn integrations() -> ArgValueCandidates {
    ArgValueCandidates::new(|| ask(async |plane, _| choices::integrations(plane).await))
}

/// The buckets of the integration named by `--integration`.
pub fn buckets() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        ask(async |plane, words| match given(words, "integration") {
            Some(integration) => choices::buckets(plane, &integration).await,
            None => Ok(Vec::new()),
        })
    })
}

/// `promote --to`: the stage after `--from` (every later one with `--force`).
pub fn promotion_targets() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        ask(async |plane, words| {
            let Some(integration) = given(words, "integration") else { return Ok(Vec::new()) };
            let skipping = words.iter().any(|w| w == "--force");
            choices::promotion_targets(plane, &integration, given(words, "from").as_deref(), skipping).await
        })
    })
}

/// Artifact ids of the integration (every one's without `--integration`), of the bucket
/// `--bucket` or `--from` names, with their tags.
pub fn artifacts() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        ask(async |plane, words| {
            let bucket = given(words, "bucket").or_else(|| given(words, "from"));
            match given(words, "integration") {
                Some(integration) => choices::artifacts(plane, &integration, bucket.as_deref()).await,
                None => choices::recent_artifacts(plane, 100).await,
            }
        })
    })
}

pub fn open_requests() -> ArgValueCandidates {
    ArgValueCandidates::new(|| ask(async |plane, _| choices::open_requests(plane).await))
}

pub fn registries() -> ArgValueCandidates {
    ArgValueCandidates::new(|| ask(async |plane, _| choices::registries(plane).await))
}

pub fn workflows() -> ArgValueCandidates {
    ArgValueCandidates::new(|| ask(async |plane, _| choices::workflows(plane).await))
}

pub fn rules() -> ArgValueCandidates {
    ArgValueCandidates::new(|| ask(async |plane, _| choices::rules(plane).await))
}

pub fn release_streams() -> ArgValueCandidates {
    ArgValueCandidates::new(|| ask(async |plane, _| choices::release_streams(plane).await))
}

/// Profiles saved by `login`: read from the file, no control plane needed.
pub fn profiles() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let Ok(home) = super::home() else { return Vec::new() };
        super::session::profile_names(&home).into_iter().map(CompletionCandidate::new).collect()
    })
}
