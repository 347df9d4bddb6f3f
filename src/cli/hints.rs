//! The CLI's words for the library's hints: the flags and commands that do
//! what a `Hint` says. The library never names them (its messages also reach
//! the server's callers); only this file does.

use crate::error::Hint;

/// The `hint:` line for a hint; none for a hint from a newer server.
pub fn word(hint: &Hint) -> Option<String> {
    let line = match hint {
        Hint::Unknown => return None,
        Hint::List { what, integration, bucket } if what == "artifact" => {
            let integration = integration.as_deref().unwrap_or("NAME");
            match bucket {
                Some(bucket) => format!("`facetctl artifact list --integration {integration} --bucket {bucket}` shows them"),
                None => format!("`facetctl artifact list --integration {integration}` shows them"),
            }
        }
        Hint::List { what, .. } if what == "user" => "`facetctl server users list` shows them".into(),
        Hint::List { what, .. } => format!("`facetctl {} list` shows the ones there are", what.replace(' ', "-")),
        Hint::AnotherTag => "push under a new tag with --tag".into(),
        Hint::GiveTag => "give one with --tag".into(),
        Hint::PromoteTo { stage } => format!("run with --to {stage}"),
        Hint::PushFirst { bucket } => format!("push one first: facetctl artifact push SOURCE ... --bucket {bucket}"),
        Hint::WaitLonger => "run again when it is done, or wait longer with --lock-timeout SECONDS".into(),
        Hint::Repair { integration } => format!("`facetctl verify --integration {integration} --repair` puts tags back"),
        Hint::LoginAgain => "run `facetctl login` again".into(),
        Hint::RegistryLoginAgain { registry } => format!("run `facetctl registry login {registry}` again"),
        Hint::TagPerBucket => "use --layout tag-per-bucket".into(),
        Hint::RegistryCredentials => {
            "give them with `facetctl registry add NAME ... --username USER --password-stdin` or `facetctl registry login NAME`".into()
        }
        Hint::RunAgain => "run the command again".into(),
        Hint::Detach { what, integrations } => {
            let first = integrations.first().map_or("NAME", String::as_str);
            format!("`facetctl integration update {first} --no-{what}` takes it off (for each of them)")
        }
        Hint::Force => {
            "an admin or release manager may promote or roll back through it with --force --reason WHY (audited)".into()
        }
        Hint::NameBucket { integration } => {
            format!("give --bucket BUCKET, or a routing rule: `facetctl integration update {integration} --rule RULE`")
        }
        Hint::RouteElsewhere { rule } => {
            format!("give --bucket BUCKET; `facetctl rule show {rule}` shows the branches it routes")
        }
        Hint::Insecure => "a registry on this machine that serves plain HTTP is added with --insecure".into(),
    };
    Some(line)
}
