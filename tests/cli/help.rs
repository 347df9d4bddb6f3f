//! Help that explains every flag: each argument of each command says what it is.

use clap::CommandFactory;

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
        if sub.get_name() != "help" {
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
