//! A real pseudo-terminal: facetctl, or a shell, run on a pty of a given
//! width with echo on, as a person's terminal is; keys typed into it, and
//! the screen's text (escape sequences taken out) read back.

use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

pub struct Terminal {
    session: PtySession,
    /// The bytes the terminal was sent, as they came.
    raw: Vec<u8>,
    /// Everything the terminal has shown, escape sequences removed.
    pub screen: String,
    /// Where in `screen` the last expected text ended.
    cursor: usize,
}

impl Terminal {
    /// Runs `cmd` (its program, arguments and environment) on a pty `cols` wide, with echo on:
    /// a program that reads a secret without turning echo off would show it.
    pub fn spawn(cmd: &Command, cols: u16) -> Terminal {
        let mut sh = super::context::in_env_of(cmd, "sh");
        sh.args(["-c", &format!("stty cols {cols} rows 50 echo; exec \"$0\" \"$@\"")]);
        sh.arg(cmd.get_program()).args(cmd.get_args());
        if let Some(dir) = cmd.get_current_dir() {
            sh.current_dir(dir);
        }
        let session = rexpect::session::spawn_command(sh, Some(30_000)).expect("a pty");
        Terminal { session, raw: Vec::new(), screen: String::new(), cursor: 0 }
    }

    /// Types `keys` (a `\t` is TAB, `\r` Enter).
    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
        self.session.flush().unwrap();
    }

    /// Waits until the screen shows `needle` after the last text expected; returns what
    /// came from there up to and including it.
    pub fn expect(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(at) = self.screen[self.cursor..].find(needle) {
                let end = self.cursor + at + needle.len();
                let shown = self.screen[self.cursor..end].to_owned();
                self.cursor = end;
                return shown;
            }
            assert!(Instant::now() < deadline, "the terminal never showed {needle:?}; it showed:\n{}", self.screen);
            // The reader thread feeds the buffer; a short pause lets it.
            std::thread::sleep(Duration::from_millis(5));
            self.read();
        }
    }

    fn read(&mut self) {
        let before = self.raw.len();
        // rexpect hands over each byte as a char; the bytes are UTF-8.
        while let Some(c) = self.session.try_read() {
            self.raw.push(c as u8);
        }
        if self.raw.len() > before {
            self.screen = plain(&String::from_utf8_lossy(&self.raw));
        }
    }

    /// What the terminal was sent, escape sequences and all.
    pub fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }

    /// Waits for the program to end: its exit code, and the rest of the screen.
    pub fn finish(self) -> (i32, String) {
        let (code, screen, _) = self.finish_raw();
        (code, screen)
    }

    /// As `finish`, with the raw bytes too.
    pub fn finish_raw(mut self) -> (i32, String, String) {
        self.read();
        let rest = self.session.exp_eof().unwrap_or_default();
        self.raw.extend(rest.chars().map(|c| c as u8));
        self.screen = plain(&String::from_utf8_lossy(&self.raw));
        let code = match self.session.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("facetctl did not exit: {other:?}\n{}", self.screen),
        };
        let raw = self.raw();
        (code, self.screen, raw)
    }
}

/// The text of terminal output: CSI and OSC sequences removed, `\r\n` as `\n`.
pub fn plain(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    // Parameters and intermediates, then one final byte in @..~.
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    // Up to BEL or ST.
                    while let Some(c) = chars.next() {
                        if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}
