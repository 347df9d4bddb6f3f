//! Help that explains every flag: each argument of each command says what it is.

use clap::{CommandFactory, Parser};

fn missing(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version") || arg.is_hide_set() {
            continue;
        }
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            out.push(format!("{path} {id}"));
        }
    }
    for sub in cmd.get_subcommands() {
        if sub.get_about().is_none() && sub.get_name() != "help" {
            out.push(format!("{path} {} (the command itself)", sub.get_name()));
        }
        missing(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn every_argument_of_every_command_has_help() {
    let mut out = Vec::new();
    missing(&facetctl::cli::Cli::command(), "facetctl", &mut out);
    assert!(out.is_empty(), "arguments without help:\n{}", out.join("\n"));
}

/// `man/` holds the page of facetctl and of each of its commands, as `facetctl man` prints them.
/// `FACETCTL_WRITE_MAN=1 cargo nextest run man_pages` writes them anew, for review.
#[test]
fn the_shipped_man_pages_are_the_ones_the_cli_prints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut pages = vec![(Vec::new(), "facetctl.1".to_owned())];
    for sub in facetctl::cli::Cli::command().get_subcommands() {
        if sub.get_name() != "help" && !sub.is_hide_set() {
            pages.push((vec![sub.get_name().to_owned()], format!("facetctl-{}.1", sub.get_name())));
        }
    }
    let write = std::env::var_os("FACETCTL_WRITE_MAN").is_some();
    for (path, file) in &pages {
        let mut page = Vec::new();
        facetctl::cli::man_page(path, &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains(".SH NAME") && page.contains(".SH OPTIONS"), "{file} is a man page");
        if write {
            std::fs::write(dir.join(file), &page).unwrap();
        }
        let shipped = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(shipped == page, "man/{file} is stale: FACETCTL_WRITE_MAN=1 cargo nextest run man_pages");
    }
    let shipped = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(shipped, pages.len(), "man/ holds exactly the pages facetctl prints");
}

/// The words of one example line as a shell would pass them: quotes taken off, a comment, a
/// `VAR=value` prefix and what a pipe feeds in left out.
fn example_words(line: &str) -> Vec<String> {
    let line = line.split(" | ").find(|part| part.contains("facetctl ")).unwrap_or(line);
    let line = line.split(" >").next().unwrap_or(line);
    let (mut words, mut word, mut quote, mut in_word) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '#') if !in_word => break,
            (None, '\'' | '"') => (quote, in_word) = (Some(c), true),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (_, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words.into_iter().skip_while(|w| w.contains('=') && !w.starts_with('-')).collect()
}

fn leaves(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    let subs: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|s| s.get_name() != "help" && !s.is_hide_set()).collect();
    if subs.is_empty() || cmd.is_args_conflicts_with_subcommands_set() {
        out.push((path.to_owned(), cmd.clone()));
    }
    for sub in subs {
        leaves(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

/// Each command's long help ends with examples, and each example is a command line facetctl
/// accepts as written.
#[test]
fn every_command_ends_its_long_help_with_examples_that_parse() {
    let mut all = Vec::new();
    leaves(&facetctl::cli::Cli::command(), "facetctl", &mut all);
    let (mut without, mut broken, mut checked) = (Vec::new(), Vec::new(), 0);
    for (path, mut cmd) in all {
        let help = cmd.render_long_help().to_string();
        let Some((_, examples)) = help.split_once("Examples:\n") else {
            without.push(path);
            continue;
        };
        // A long example goes on over lines ending in `\`, as in a shell; none is wrapped by the help.
        let joined = examples.replace(" \\\n", " ");
        let wrapped: Vec<&str> = joined.lines().filter(|l| !l.is_empty() && !l.starts_with("  ")).collect();
        assert!(wrapped.is_empty(), "{path}: the help wrapped an example: {wrapped:?}");
        for line in joined.lines().map(str::trim).filter(|l| l.contains("facetctl ")) {
            let words = example_words(line);
            if words.first().map(String::as_str) != Some("facetctl") {
                continue;
            }
            checked += 1;
            if let Err(e) = facetctl::cli::Cli::try_parse_from(&words) {
                broken.push(format!("{line}\n    {}", e.to_string().lines().next().unwrap_or_default()));
            }
        }
    }
    assert!(without.is_empty(), "commands whose long help has no examples:\n{}", without.join("\n"));
    assert!(broken.is_empty(), "examples facetctl does not accept:\n{}", broken.join("\n"));
    assert!(checked > 80, "only {checked} examples were found");
}
