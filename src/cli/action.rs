//! `facetctl action`: the GitHub Action's entry point. A Docker action hands
//! its inputs over as `INPUT_<NAME>` variables; this turns them into the
//! command line they stand for, so the image needs no shell. The control
//! plane and registry secrets come in as the variables facetctl always reads
//! (`action.yml` maps them).

use crate::error::Error;

/// The inputs, as `action.yml` declares them, and the flag each becomes (`None`: a positional
/// or the command itself).
const FLAGS: [(&str, &str); 13] = [
    ("integration", "--integration"),
    ("bucket", "--bucket"),
    ("from", "--from"),
    ("to", "--to"),
    ("artifact", "--artifact"),
    ("tag", "--tag"),
    ("external-id", "--external-id"),
    ("git-ref", "--git-ref"),
    ("description", "--description"),
    ("reason", "--reason"),
    ("timeout", "--timeout"),
    ("format", "--format"),
    ("dotenv", "--dotenv"),
];

/// Switches: `true` adds the flag.
const SWITCHES: [(&str, &str); 4] =
    [("wait", "--wait"), ("dry-run", "--dry-run"), ("force", "--force"), ("yes", "--yes")];

/// The inputs every action declares, named as `action.yml` does.
pub fn inputs() -> Vec<&'static str> {
    let mut all = vec!["command", "source", "meta"];
    all.extend(FLAGS.iter().map(|(input, _)| *input));
    all.extend(SWITCHES.iter().map(|(input, _)| *input));
    all
}

/// The command line the inputs stand for, read with `var` (GitHub's `INPUT_` + the name upper-cased).
pub fn argv(var: &dyn Fn(&str) -> Option<String>) -> Result<Vec<String>, Error> {
    let input = |name: &str| var(&format!("INPUT_{}", name.to_ascii_uppercase())).filter(|v| !v.trim().is_empty());
    let command = input("command").unwrap_or_default();
    let mut argv = vec!["facetctl".to_owned()];
    match command.trim() {
        "push" => {
            let source =
                input("source").ok_or_else(|| Error::Invalid("the push needs the source input: the image".into()))?;
            argv.extend(["artifact".into(), "push".into(), source]);
        }
        "promote" => argv.push("promote".into()),
        "rollback" => argv.push("rollback".into()),
        other => {
            return Err(Error::Invalid(format!("the command input is {other:?}; give push, promote or rollback")));
        }
    }
    for (name, flag) in FLAGS {
        if let Some(value) = input(name) {
            argv.extend([flag.to_owned(), value]);
        }
    }
    for line in input("meta").unwrap_or_default().lines().map(str::trim).filter(|l| !l.is_empty()) {
        argv.extend(["--meta".to_owned(), line.to_owned()]);
    }
    for (name, flag) in SWITCHES {
        match input(name).as_deref().map(str::trim) {
            Some("true") => argv.push(flag.to_owned()),
            None | Some("false") => {}
            Some(other) => return Err(Error::Invalid(format!("the {name} input is {other:?}; give true or false"))),
        }
    }
    Ok(argv)
}
