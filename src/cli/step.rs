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

/// `{{.key}}` placeholders in text, checked when the command line is read.
#[derive(Debug, Clone)]
pub struct Template(String);

const KEYS: [&str; 6] = ["digest", "image", "tag", "artifact_id", "bucket", "integration"];

fn parse_template(s: &str) -> Result<Template, String> {
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let end = rest[start..].find("}}").ok_or_else(|| format!("{s:?} opens {{{{ without closing it"))?;
        let key = rest[start + 2..start + end].trim();
        let key = key.strip_prefix('.').unwrap_or(key).replace('-', "_");
        if !KEYS.contains(&key.as_str()) {
            return Err(format!("no value {key:?} to print; there are {}", KEYS.join(", ")));
        }
        rest = &rest[start + end + 2..];
    }
    // `\n` and `\t` in the template are a newline and a tab; values are printed as they are.
    Ok(Template(s.replace("\\n", "\n").replace("\\t", "\t")))
}

impl Template {
    fn fill(&self, values: &[(&'static str, String)]) -> String {
        let mut out = String::new();
        let mut rest = self.0.as_str();
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").map_or(rest.len(), |e| start + e);
            let key = rest[start + 2..end].trim();
            let key = key.strip_prefix('.').unwrap_or(key).replace('_', "-");
            out.push_str(values.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v.as_str()));
            rest = rest.get(end + 2..).unwrap_or("");
        }
        out.push_str(rest);
        out
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
