//! Asking the person at the terminal: a value left out, a yes before a change
//! that is hard to take back, a secret with echo off. Only when stdin and
//! stderr are terminals, and never with `--no-input`, `CI` set, or a pipe.
//! Without a terminal the same command fails with exit 2 and names the flag
//! that would have answered, so a script learns what to pass.

use std::io::IsTerminal;

use dialoguer::console::Term;
use dialoguer::{Confirm, FuzzySelect, Password};

use crate::app::choices::Choice;
use crate::error::Error;
use crate::registry::Secret;

#[derive(Debug, Clone, Copy)]
pub struct Prompter {
    interactive: bool,
    /// `--yes`: every confirmation is answered yes.
    yes: bool,
}

impl Prompter {
    pub fn new(no_input: bool, yes: bool) -> Prompter {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        Prompter { interactive: terminal && !no_input && !ci, yes }
    }

    /// Whether `--yes` answered every confirmation ahead.
    pub fn yes(&self) -> bool {
        self.yes
    }

    /// Whether there is a person at a terminal to ask.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// A value the command needs and was not given: picked on a terminal from the
    /// candidates `choices` reads (the same ones completion offers).
    pub async fn pick(
        &self,
        flag: &str,
        prompt: &str,
        choices: impl Future<Output = crate::error::Result<Vec<Choice>>>,
    ) -> anyhow::Result<String> {
        if !self.interactive {
            return Err(Error::Invalid(format!(
                "{flag} is required: give it on the command line (there is no terminal to ask on)"
            ))
            .into());
        }
        let choices = choices.await?;
        if choices.is_empty() {
            return Err(Error::Invalid(format!("{flag} is required, and there is nothing to choose from")).into());
        }
        let width = choices.iter().map(|c| c.value.len()).max().unwrap_or(0);
        let items: Vec<String> = choices.iter().map(|c| format!("{:width$}  {}", c.value, c.about)).collect();
        show_the_cursor_on_interrupt();
        let picked = FuzzySelect::new()
            .with_prompt(format!("{prompt} ({flag})"))
            .items(&items)
            .default(0)
            .interact_on_opt(&Term::stderr())
            .map_err(prompt_failed)?;
        match picked {
            Some(i) => Ok(choices[i].value.clone()),
            None => Err(stopped()),
        }
    }

    /// As `confirm`, but no question when `refused`: the control plane will refuse the change
    /// itself, and a yes to a change that cannot happen only wastes the person's time.
    pub fn confirm_unless(&self, refused: bool, what: &str, details: &[String]) -> anyhow::Result<()> {
        if refused { Ok(()) } else { self.confirm(what, details) }
    }

    /// A yes before `what` goes ahead; `details` say what changes. `--yes` answers it.
    pub fn confirm(&self, what: &str, details: &[String]) -> anyhow::Result<()> {
        if self.yes {
            return Ok(());
        }
        if !self.interactive {
            return Err(Error::Invalid(format!(
                "{what} needs a yes: add --yes to go ahead (there is no terminal to ask on)"
            ))
            .into());
        }
        for line in details {
            eprintln!("  {line}");
        }
        let mut question: Vec<char> = what.chars().collect();
        if let Some(first) = question.first_mut() {
            *first = first.to_ascii_uppercase();
        }
        show_the_cursor_on_interrupt();
        let answer = Confirm::new()
            .with_prompt(format!("{}?", question.into_iter().collect::<String>()))
            .default(false)
            .interact_on_opt(&Term::stderr())
            .map_err(prompt_failed)?;
        if answer == Some(true) { Ok(()) } else { Err(stopped()) }
    }

    /// A secret the command needs, typed with echo off; `flag` is the way to give it without a terminal.
    pub fn secret(&self, flag: &str, prompt: &str) -> anyhow::Result<Secret> {
        if !self.interactive {
            return Err(Error::Invalid(format!(
                "{prompt} is required: pipe it in with {flag} (there is no terminal to ask on)"
            ))
            .into());
        }
        let typed = Password::new().with_prompt(prompt).interact_on(&Term::stderr()).map_err(prompt_failed)?;
        Ok(Secret::new(typed))
    }

    /// A secret that may be left out: typed with echo off, empty for none.
    pub fn optional_secret(&self, prompt: &str) -> anyhow::Result<Option<Secret>> {
        let typed = Password::new()
            .with_prompt(prompt)
            .allow_empty_password(true)
            .interact_on(&Term::stderr())
            .map_err(prompt_failed)?;
        Ok(Some(typed).filter(|t| !t.is_empty()).map(Secret::new))
    }
}

/// The person said no, or pressed Escape.
fn stopped() -> anyhow::Error {
    Error::Refused("stopped at your answer; nothing changed".into()).into()
}

fn prompt_failed(e: dialoguer::Error) -> anyhow::Error {
    Error::Failed(format!("cannot ask at the terminal: {e}")).into()
}

/// A pick list hides the cursor while it draws; Ctrl-C ends the process there, so the handler
/// shows the cursor again before it goes (exit 130, as a shell reports SIGINT). Installed only
/// when a prompt is about to show: a server's own Ctrl-C handling is never replaced.
#[cfg(target_os = "linux")]
fn show_the_cursor_on_interrupt() {
    extern "C" fn on_interrupt(_: libc::c_int) {
        const SHOW: &[u8] = b"\x1b[?25h\n";
        // SAFETY: write(2) and _exit(2) are async-signal-safe; SHOW outlives the call.
        unsafe {
            libc::write(2, SHOW.as_ptr().cast(), SHOW.len());
            libc::_exit(130);
        }
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: the handler only makes async-signal-safe calls.
        unsafe {
            libc::signal(libc::SIGINT, on_interrupt as *const () as libc::sighandler_t);
        }
    });
}

#[cfg(not(target_os = "linux"))]
fn show_the_cursor_on_interrupt() {}

/// A secret read from stdin: hidden when stdin is a person's terminal (`--password-stdin` typed
/// at it), else the piped text without its line ending.
pub fn read_stdin_secret(prompt: &str) -> anyhow::Result<String> {
    use std::io::Read;
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return Password::new().with_prompt(prompt).interact_on(&Term::stderr()).map_err(prompt_failed);
    }
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s)?;
    Ok(s.trim_end_matches(['\n', '\r']).to_owned())
}
