//! What a move hands to the next CI step: GitHub Actions' step outputs and
//! job summary, a GitLab dotenv file, a line from a template, or, quiet, just
//! the pinned reference. The same five values everywhere: `digest`, `image`
//! (`host/repo@sha256:...`), `tag`, `artifact-id`, `bucket`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::model::Artifact;

#[derive(Debug, Args, Default)]
pub struct StepArgs {
    /// Print only this on stdout, filled in from the result: {{.digest}}, {{.image}}, {{.tag}},
    /// {{.artifact_id}}, {{.bucket}}, {{.integration}}.
    #[arg(long, value_name = "TEMPLATE", value_parser = parse_template)]
    format: Option<Template>,
    /// Also write the result to FILE as FACETCTL_DIGEST=..., FACETCTL_IMAGE=... lines (GitLab's dotenv report).
    #[arg(long, value_name = "FILE")]
    dotenv: Option<PathBuf>,
}

impl StepArgs {
    /// Whether a result was asked for in a form only one artifact fills.
    pub fn asked(&self) -> bool {
        self.format.is_some() || self.dotenv.is_some()
    }
}

/// The values a move hands on.
pub struct Outputs<'a> {
    pub artifact: &'a Artifact,
}

impl Outputs<'_> {
    fn values(&self) -> [(&'static str, String); 6] {
        let a = self.artifact;
        [
            ("digest", a.digest.to_string()),
            ("image", a.image_uri.clone()),
            ("tag", a.tag.clone()),
            ("artifact-id", a.id.to_string()),
            ("bucket", a.bucket.clone()),
            ("integration", a.integration.clone()),
        ]
    }
}

impl StepArgs {
    /// Whether stdout is the pinned reference's alone (`--format`, or `-q` with a table): then a
    /// command that moved nothing (a dry run, a request left waiting) says so on stderr only, and
    /// `$(facetctl ... -q)` never captures a sentence.
    pub fn takes_stdout(&self, quiet: bool) -> bool {
        self.format.is_some() || quiet
    }

    /// Hands the result on: to the CI's files, and, when asked, as stdout's only line.
    /// Returns whether stdout was written (then no summary is printed). The move is done by
    /// now: a file that cannot be written is a warning, not a failure to retry the move for.
    pub fn publish(&self, outputs: &Outputs<'_>, done: &str, quiet: bool) -> anyhow::Result<bool> {
        let values = outputs.values();
        let mut wrote = Vec::new();
        if let Some(path) = env_file("GITHUB_OUTPUT") {
            let lines: String = values.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
            wrote.push(append(&path, &lines));
        }
        if let Some(path) = env_file("GITHUB_STEP_SUMMARY") {
            wrote.push(append(&path, &summary(outputs.artifact, done)));
        }
        if let Some(path) = &self.dotenv {
            let lines: String = values
                .iter()
                .map(|(k, v)| format!("FACETCTL_{}={v}\n", k.to_ascii_uppercase().replace('-', "_")))
                .collect();
            wrote.push(std::fs::write(path, lines).map_err(|e| format!("cannot write {}: {e}", path.display())));
        }
        for failed in wrote.into_iter().filter_map(Result::err) {
            eprintln!("warning: {failed}; the outputs are not there for the next step");
            annotate("warning", &failed, None);
        }
        let line = match (&self.format, quiet) {
            (Some(template), _) => template.fill(&values),
            (None, true) => outputs.artifact.image_uri.clone(),
            (None, false) => return Ok(false),
        };
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{line}")?;
        Ok(true)
    }
}

/// A file a CI names in its environment, if it does.
fn env_file(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from)
}

fn append(path: &Path, text: &str) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A few lines of markdown for the run's page.
fn summary(a: &Artifact, done: &str) -> String {
    format!(
        "### facetctl: {done}\n\n| | |\n|---|---|\n| Integration | {} |\n| Bucket | {} |\n| Tag | `{}` |\n| Digest | `{}` |\n| Image | `{}` |\n| Artifact | {} |\n\n",
        a.integration, a.bucket, a.tag, a.digest, a.image_uri, a.id
    )
}

/// `{{.key}}` placeholders in text, read once when the command line is: the text between them,
/// and the output each names (as `values` names it: `artifact-id`).
#[derive(Debug, Clone)]
pub struct Template(Vec<Piece>);

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Value(&'static str),
}

const KEYS: [&str; 6] = ["digest", "image", "tag", "artifact-id", "bucket", "integration"];

fn parse_template(s: &str) -> Result<Template, String> {
    // `\n` and `\t` in the template are a newline and a tab; values are printed as they are.
    let text = |t: &str| Piece::Text(t.replace("\\n", "\n").replace("\\t", "\t"));
    let mut pieces = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let end = rest[start..].find("}}").ok_or_else(|| format!("{s:?} opens {{{{ without closing it"))?;
        let named = rest[start + 2..start + end].trim();
        let named = named.strip_prefix('.').unwrap_or(named).replace('_', "-");
        let key = KEYS.iter().find(|k| **k == named).ok_or_else(|| {
            format!("no value {:?} to print; there are {}", named.replace('-', "_"), KEYS.join(", ").replace('-', "_"))
        })?;
        pieces.push(text(&rest[..start]));
        pieces.push(Piece::Value(key));
        rest = &rest[start + end + 2..];
    }
    pieces.push(text(rest));
    Ok(Template(pieces))
}

impl Template {
    fn fill(&self, values: &[(&'static str, String)]) -> String {
        self.0
            .iter()
            .map(|piece| match piece {
                Piece::Text(t) => t.as_str(),
                Piece::Value(key) => values.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str()),
            })
            .collect()
    }
}

/// A failure as GitHub Actions shows it: an annotation on the run's page.
pub fn annotate_failure(message: &str, hint: Option<&str>) {
    annotate("error", message, hint);
}

fn annotate(level: &str, message: &str, hint: Option<&str>) {
    if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
        let message = match hint {
            Some(hint) => format!("{message} (hint: {hint})"),
            None => message.to_owned(),
        };
        // Workflow commands escape %, CR and LF.
        let escaped = message.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        eprintln!("::{level} title=facetctl::{escaped}");
    }
}
