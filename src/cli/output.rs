//! Where things go: results on stdout (a table, or one JSON or YAML document),
//! messages and progress on stderr, no bars off a terminal, nothing extra
//! when quiet.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle, presets};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::app::Reporter;
use crate::registry::copy::{Progress, Silent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table that fits the terminal: digests shortened to sha256 and 12 hex digits.
    Table,
    /// A table with every value whole: full digests, every column, times to the second.
    Wide,
    /// One JSON document, for scripts and jq.
    Json,
    /// One YAML document.
    Yaml,
}

/// Whether tables show values whole (`-o wide`); set once, from the command line.
pub static WIDE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A digest as a table shows it: short (`sha256:1a2b3c4d5e6f`) unless `-o wide`.
pub fn short(digest: &crate::model::Digest) -> String {
    if WIDE.load(std::sync::atomic::Ordering::Relaxed) { digest.to_string() } else { digest.abbreviated() }
}

/// A time as a table shows it. On a terminal: how long ago, within a week, else the local
/// date and time with the zone; `-o wide`: the local time to the second with the zone; piped:
/// RFC 3339 at the local offset, one word that `sort` and `awk` take whole.
pub fn time(t: &chrono::DateTime<chrono::Utc>) -> String {
    let Ok(at) = jiff::Timestamp::new(t.timestamp(), t.timestamp_subsec_nanos() as i32) else {
        return t.to_rfc3339();
    };
    let local = at.to_zoned_datetime(jiff::tz::TimeZone::system());
    if piped() {
        return local.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    }
    let now = crate::control::freezes::now();
    if WIDE.load(std::sync::atomic::Ordering::Relaxed) {
        local.strftime("%Y-%m-%d %H:%M:%S %Z").to_string()
    } else if (now - *t).num_days().abs() < 7 {
        crate::app::choices::ago(now, *t)
    } else {
        local.strftime("%Y-%m-%d %H:%M %Z").to_string()
    }
}

/// Whether results go to a pipe or file rather than a terminal.
pub fn piped() -> bool {
    !std::io::stdout().is_terminal()
}

/// A cell for a pipe: one word, so `awk '{print $3}'` finds the third column on every row.
/// Spaces become `_` and an empty cell `-`; `-o json` has every value as it is.
fn one_word(cell: String) -> String {
    let words: Vec<&str> = cell.split_whitespace().collect();
    if words.is_empty() { "-".to_owned() } else { words.join("_") }
}

/// Rows for a table; JSON and YAML come from `Serialize`.
pub trait Tabular {
    fn headers() -> &'static [&'static str];
    fn row(&self) -> Vec<String>;
    /// Columns a narrow terminal may leave out, the first to go first; `-o wide` keeps all.
    fn optional() -> &'static [&'static str] {
        &[]
    }
}

#[derive(Clone)]
pub struct Printer {
    pub format: Format,
    pub quiet: bool,
}

/// Whether this command printed its document on stdout: then a failure after it (`verify`
/// finding drift) prints no second one.
pub static DOCUMENT_PRINTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Printer {
    /// Prints a list of records.
    pub fn list<T: Tabular + Serialize>(&self, items: &[T]) -> anyhow::Result<()> {
        match self.format {
            Format::Table | Format::Wide => {
                if items.is_empty() {
                    self.note("(none)");
                    return Ok(());
                }
                let headers: Vec<String> = T::headers().iter().map(|h| h.to_string()).collect();
                let rows: Vec<Vec<String>> = items.iter().map(Tabular::row).collect();
                let table = if piped() {
                    let mut table = table();
                    table.set_header(headers.into_iter().map(one_word).collect::<Vec<_>>());
                    for row in rows {
                        table.add_row(row.into_iter().map(one_word).collect::<Vec<_>>());
                    }
                    table
                } else {
                    let wide = WIDE.load(std::sync::atomic::Ordering::Relaxed);
                    fitted(headers, rows, if wide { &[] } else { T::optional() })
                };
                self.out(&format!("{table}\n"))
            }
            _ => self.document(items),
        }
    }

    /// Prints one record.
    pub fn one<T: Tabular + Serialize>(&self, item: &T) -> anyhow::Result<()> {
        match self.format {
            Format::Table | Format::Wide => {
                let mut table = table();
                for (h, v) in T::headers().iter().zip(item.row()) {
                    table.add_row(vec![h.to_string(), v]);
                }
                self.out(&format!("{table}\n"))
            }
            _ => self.document(item),
        }
    }

    /// Prints a value that has no table form as JSON or YAML; in table mode
    /// the caller's `summary` line goes to stdout instead.
    pub fn result<T: Serialize>(&self, value: &T, summary: &str) -> anyhow::Result<()> {
        match self.format {
            Format::Table | Format::Wide => self.out(&format!("{summary}\n")),
            _ => self.document(value),
        }
    }

    pub fn document<T: Serialize + ?Sized>(&self, value: &T) -> anyhow::Result<()> {
        let text = match self.format {
            Format::Yaml => serde_yaml::to_string(value)?,
            _ => format!("{}\n", serde_json::to_string_pretty(value)?),
        };
        DOCUMENT_PRINTED.store(true, std::sync::atomic::Ordering::Relaxed);
        self.out(&text)
    }

    fn out(&self, text: &str) -> anyhow::Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }

    /// Quiet, with a table asked for: a move prints only its pinned reference.
    pub fn bare(&self) -> bool {
        self.quiet && matches!(self.format, Format::Table | Format::Wide)
    }

    /// A message for the person: stderr, unless quiet.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// A warning: stderr, even when quiet.
    pub fn warn(&self, message: &str) {
        eprintln!("warning: {message}");
    }
}

/// A table for the terminal: columns it may leave out go, first to go first, while the table
/// is wider than the terminal; what still does not fit wraps within its cells.
fn fitted(mut headers: Vec<String>, mut rows: Vec<Vec<String>>, optional: &[&str]) -> Table {
    let build = |headers: &[String], rows: &[Vec<String>]| {
        let mut table = table();
        table.set_header(headers.to_vec());
        for row in rows {
            table.add_row(row.clone());
        }
        table
    };
    let mut table = build(&headers, &rows);
    let Some(limit) = table.width() else { return table };
    let natural = |table: &mut Table| {
        table.set_content_arrangement(ContentArrangement::Disabled);
        // No escape sequences in these tables: a char is a column.
        let width = table.lines().next().map_or(0, |l| l.chars().count());
        table.set_content_arrangement(ContentArrangement::Dynamic);
        width
    };
    for drop in optional {
        if natural(&mut table) <= usize::from(limit) {
            break;
        }
        if let Some(at) = headers.iter().position(|h| h == drop) {
            headers.remove(at);
            rows.iter_mut().for_each(|r| {
                r.remove(at);
            });
            table = build(&headers, &rows);
        }
    }
    table
}

/// A rule under the header, broken between columns, and nothing else: rows stay one line each.
const UNDERLINED_HEADER: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));

fn table() -> Table {
    let mut table = Table::new();
    if std::io::stdout().is_terminal() {
        // Dynamic: columns share the terminal's width, long cells wrap rather than run off the edge.
        table.load_style(UNDERLINED_HEADER).set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        // Off a terminal: plain columns that grep and awk can read.
        table.load_style(presets::NOTHING);
    }
    table
}

impl Reporter for Printer {
    fn note(&self, message: &str) {
        Printer::note(self, message);
    }

    fn progress(&self, label: &str) -> Arc<dyn Progress> {
        if self.quiet {
            return Arc::new(Silent);
        }
        if !std::io::stderr().is_terminal() {
            return Lines::start(label, progress_interval());
        }
        let bar = ProgressBar::new(0).with_message(label.to_owned());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        Arc::new(Bar(bar))
    }
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn add_total(&self, bytes: u64) {
        self.0.inc_length(bytes);
    }
    fn advance(&self, bytes: u64) {
        self.0.inc(bytes);
        if self.0.length() == Some(self.0.position()) {
            self.0.finish_and_clear();
        }
    }
}

/// How often a transfer says how far it got when no terminal shows a bar: every
/// `FACETCTL_PROGRESS_INTERVAL` seconds (default 10; CircleCI stops a step after 10 silent minutes).
fn progress_interval() -> std::time::Duration {
    std::env::var("FACETCTL_PROGRESS_INTERVAL")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.01)
        .and_then(|s| std::time::Duration::try_from_secs_f64(s.min(86_400.0)).ok())
        .unwrap_or(std::time::Duration::from_secs(10))
}

/// Progress for a log: a line on stderr every interval while the transfer runs, stalled or not,
/// and, after any such line, one when it ends (when its progress is dropped: a multi-platform
/// image adds its platforms' bytes as it goes, so bytes alone never say it is over). A transfer
/// quicker than the interval says nothing.
struct Lines(Arc<Tally>);

struct Tally {
    label: String,
    total: std::sync::atomic::AtomicU64,
    done: std::sync::atomic::AtomicU64,
    finished: std::sync::atomic::AtomicBool,
    /// Whether a line was printed: then the end gets one too.
    spoke: std::sync::atomic::AtomicBool,
    started: std::time::Instant,
}

impl Lines {
    fn start(label: &str, every: std::time::Duration) -> Arc<dyn Progress> {
        let tally = Arc::new(Tally {
            label: label.to_owned(),
            total: Default::default(),
            done: Default::default(),
            finished: Default::default(),
            spoke: Default::default(),
            started: std::time::Instant::now(),
        });
        let watched = Arc::downgrade(&tally);
        // The ticker holds no strong reference: when the transfer's progress is dropped it stops.
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(every);
                let Some(tally) = watched.upgrade() else { break };
                if tally.finished.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                if tally.total.load(std::sync::atomic::Ordering::Relaxed) > 0 {
                    tally.spoke.store(true, std::sync::atomic::Ordering::Relaxed);
                    eprintln!("{}", tally.line());
                }
            }
        });
        Arc::new(Lines(tally))
    }
}

impl Tally {
    fn line(&self) -> String {
        use std::sync::atomic::Ordering::Relaxed;
        let (done, total) = (self.done.load(Relaxed), self.total.load(Relaxed));
        let seconds = self.started.elapsed().as_secs_f64();
        let rate = if seconds > 0.0 { (done as f64 / seconds) as u64 } else { 0 };
        format!(
            "{}: {} of {} ({}%), {}/s, {:.0}s",
            self.label,
            indicatif::HumanBytes(done),
            indicatif::HumanBytes(total),
            (done * 100).checked_div(total).unwrap_or(100),
            indicatif::HumanBytes(rate),
            seconds
        )
    }
}

impl Progress for Lines {
    fn add_total(&self, bytes: u64) {
        self.0.total.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }
    fn advance(&self, bytes: u64) {
        self.0.done.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Drop for Lines {
    fn drop(&mut self) {
        use std::sync::atomic::Ordering::Relaxed;
        if !self.0.finished.swap(true, Relaxed) && self.0.spoke.load(Relaxed) {
            eprintln!("{}", self.0.line());
        }
    }
}
