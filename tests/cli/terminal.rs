//! facetctl at a person's terminal, on a real pseudo-terminal: values left out
//! are picked from lists, changes that are hard to take back wait for a yes,
//! secrets are typed unseen, and TAB completes names from the control plane in
//! real bash, zsh and fish. Off a terminal, the same commands fail with exit 2
//! and name the flag that would have answered.

use std::process::Command;

use crate::support::context::in_env_of;
use crate::support::image::{self, OciImage};
use crate::support::server::{TestServer, database};
use crate::support::terminal::Terminal;
use crate::support::{TestContext, TestRegistry, skopeo, snapshot};

/// Two integrations on the qa -> staging -> production workflow, production an
/// environment of a production release stream (protected), and build-1 in qa.
fn world() -> (TestRegistry, TestContext, OciImage) {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    ctx.ok(&["release-stream", "create", "prod", "--prod"]);
    ctx.ok(&["environment", "create", "production", "--release-stream", "prod"]);
    ctx.ok(&[
        "integration",
        "create",
        "orders",
        "--type",
        "environment",
        "--registry",
        "local",
        "--repository",
        "team/orders",
        "--workflow",
        "standard",
    ]);
    let build = image::single(ctx.images(), "build-1", "terminal", 2);
    ctx.ok(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    (registry, ctx, build)
}

/// facetctl as a person runs it: no CI variable; the pty is its stdin and stderr.
fn person(ctx: &TestContext, args: &[&str]) -> Command {
    let mut cmd = ctx.command();
    cmd.env_remove("CI").args(args);
    cmd
}

#[test]
fn what_is_left_out_is_picked_from_lists_of_what_there_is() {
    let (registry, ctx, build) = world();
    let mut t = Terminal::spawn(&person(&ctx, &["promote", "--reason", "picked at the terminal"]), 100);
    t.expect("Integration to promote (--integration)");
    t.expect("orders");
    t.send("pay");
    t.expect("payments");
    t.send("\r");
    // The buckets are listed with what each holds.
    t.expect("Promote from (--from)");
    t.expect("build-1");
    t.send("qa\r");
    // After qa, the one stage a promotion goes to.
    t.expect("Promote to (--to)");
    t.expect("staging");
    t.send("\r");
    let (code, screen) = t.finish();
    let offered = &screen[screen.rfind("Promote from").unwrap()..];
    assert!(!offered.contains("production"), "{offered}");
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("promoted payments qa -> staging: artifact 2 build-1"), "{screen}");
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(build.digest.as_str()));

    // An artifact is picked by what tells it apart: integration, bucket, tag, digest, age, who.
    let mut t = Terminal::spawn(&person(&ctx, &["-o", "json", "artifact", "show"]), 120);
    t.expect("Artifact (ID)");
    let short = &build.digest[..7 + 12];
    // Newest first.
    t.expect(&format!("> 2  payments staging build-1 {short}, "));
    t.expect(" by alice");
    t.expect(&format!("1  payments qa build-1 {short}, "));
    t.send("\r");
    let (code, screen) = t.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("\"id\": 2,") && screen.contains("\"bucket\": \"staging\""), "{screen}");
}

#[test]
fn a_move_into_a_protected_bucket_shows_what_changes_and_waits_for_a_yes() {
    let (registry, ctx, build) = world();
    ctx.ok(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let into_production = ["promote", "--integration", "payments", "--from", "staging", "--to", "production"];

    let mut t = Terminal::spawn(&person(&ctx, &into_production), 100);
    let asked = t.expect("Promote payments into production (protected)?");
    assert!(asked.contains("production now: nothing yet"), "{asked}");
    let short = &build.digest[..7 + 12];
    assert!(asked.contains(&format!("becomes:  build-1 {short} from staging (by alice, ")), "{asked}");
    t.send("n");
    let (code, screen) = t.finish();
    assert_eq!(code, 3, "{screen}");
    assert!(screen.contains("error: stopped at your answer; nothing changed"), "{screen}");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None, "nothing moved");

    let mut t = Terminal::spawn(&person(&ctx, &into_production), 100);
    t.expect("(protected)?");
    t.send("y");
    let (code, screen) = t.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current").as_deref(), Some(build.digest.as_str()));

    // A rollback shows where the bucket goes back to; --yes answers ahead.
    let next = image::single(ctx.images(), "build-2", "terminal-next", 1);
    ctx.ok(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    let mut t = Terminal::spawn(&person(&ctx, &["rollback", "--integration", "payments", "--bucket", "qa"]), 100);
    let asked = t.expect("Roll back qa of payments?");
    assert!(asked.contains("qa now: build-2") && asked.contains("goes back to: build-1"), "{asked}");
    t.send("n");
    assert_eq!(t.finish().0, 3);
    let t = Terminal::spawn(&person(&ctx, &["rollback", "--integration", "payments", "--bucket", "qa", "--yes"]), 100);
    let (code, screen) = t.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
}

#[test]
fn a_password_typed_at_the_terminal_is_never_shown() {
    let registry = TestRegistry::htpasswd("ci", "typed-pw-5c2a9e");
    let ctx = TestContext::new();
    ctx.add_registry_as("guarded", &registry.host, None);
    let mut t = Terminal::spawn(&person(&ctx, &["registry", "login", "guarded", "--username", "ci"]), 100);
    t.expect("Password or token for ci at guarded");
    t.send("typed-pw-5c2a9e\r");
    let (code, screen) = t.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("logged in to guarded"), "{screen}");
    assert!(!screen.contains("typed-pw"), "the password appeared on the screen: {screen}");
    assert_eq!(ctx.run(&["registry", "check", "guarded"]).code, 0, "the typed password is the one saved");
}

#[test]
fn off_a_terminal_the_same_commands_fail_and_name_the_flag() {
    let (registry, ctx, _) = world();
    ctx.ok(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let guarded = TestRegistry::htpasswd("ci", "never-typed-71d0");
    ctx.add_registry_as("guarded", &guarded.host, None);
    let next = image::single(ctx.images(), "build-2", "off-terminal", 1);
    ctx.ok(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    let before = ctx.history();
    let commands: [&[&str]; 5] = [
        &["promote"],
        &["promote", "--integration", "payments", "--from", "staging"],
        &["promote", "--integration", "payments", "--from", "staging", "--to", "production"],
        &["rollback", "--integration", "payments", "--bucket", "qa"],
        &["registry", "login", "guarded", "--username", "ci"],
    ];
    let mut transcript = String::new();
    for args in commands {
        let run = ctx.run(args);
        transcript.push_str(&format!("$ facetctl {}\n{}exit {}\n\n", args.join(" "), run.stderr, run.code));
    }
    assert_eq!(
        transcript,
        "$ facetctl promote
error: --integration is required: give it on the command line (there is no terminal to ask on)
exit 2

$ facetctl promote --integration payments --from staging
error: --to is required: give it on the command line (there is no terminal to ask on)
exit 2

$ facetctl promote --integration payments --from staging --to production
error: promote payments into production (protected) needs a yes: add --yes to go ahead (there is no terminal to ask on)
exit 2

$ facetctl rollback --integration payments --bucket qa
error: roll back qa of payments needs a yes: add --yes to go ahead (there is no terminal to ask on)
exit 2

$ facetctl registry login guarded --username ci
error: Password or token for ci at guarded is required: pipe it in with --password-stdin (there is no terminal to ask on)
exit 2

"
    );
    assert_eq!(ctx.history(), before, "nothing was recorded");
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None);

    // On a terminal, CI set or --no-input: nothing is asked either.
    for (ci, args) in [(true, &["promote"][..]), (false, &["promote", "--no-input"][..])] {
        let mut cmd = person(&ctx, args);
        if ci {
            cmd.env("CI", "true");
        }
        let (code, screen) = Terminal::spawn(&cmd, 100).finish();
        assert_eq!(code, 2, "{screen}");
        assert!(screen.contains("error: --integration is required"), "{screen}");
    }
}

/// A shell on a pty, facetctl on its PATH and its completion loaded.
struct Shell {
    t: Terminal,
    /// A line only the shell's own arithmetic turns into `ready-42`.
    ready: &'static str,
}

impl Shell {
    fn start(ctx: &TestContext, which: &str, env: &[(&str, &str)]) -> Shell {
        let bin = std::path::Path::new(env!("CARGO_BIN_EXE_facetctl")).parent().unwrap();
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let (args, load, ready): (&[&str], &str, &str) = match which {
            "bash" => (&["--norc", "--noprofile"], "source <(facetctl completions bash)", "echo ready-$((40+2))"),
            "zsh" => (
                &["-f"],
                "autoload -U compinit && compinit -u && source <(facetctl completions zsh)",
                "echo ready-$((40+2))",
            ),
            "fish" => (&["--no-config"], "facetctl completions fish | source", "echo ready-(math 40+2)"),
            other => panic!("no shell {other}"),
        };
        let found = Command::new(which).arg("-c").arg("exit 0").status();
        assert!(
            found.is_ok_and(|s| s.success()),
            "{which} is not installed; .ci/run installs it (Debian package {which})"
        );
        let mut cmd = in_env_of(&person(ctx, &[]), which);
        cmd.args(args).env("PATH", path).env("PS1", "$ ").envs(env.iter().copied());
        let mut shell = Shell { t: Terminal::spawn(&cmd, 200), ready };
        shell.t.send(&format!("{load}\r"));
        shell.wait_ready();
        shell
    }

    fn wait_ready(&mut self) {
        self.t.send(&format!("{}\r", self.ready));
        self.t.expect("ready-42");
    }

    /// Types `line` and TAB (twice: bash lists on the second); returns what the shell showed
    /// up to the last of `shows`.
    fn complete(&mut self, line: &str, shows: &[&str]) -> String {
        self.t.send(line);
        self.t.send("\t");
        self.t.send("\t");
        let mut shown = String::new();
        for needle in shows {
            shown.push_str(&self.t.expect(needle));
        }
        // Clear the line for the next one (Ctrl-U, in all three).
        self.t.send("\x15");
        self.wait_ready();
        shown
    }
}

fn completes_names_from(ctx: &TestContext, env: &[(&str, &str)]) {
    for which in ["bash", "zsh", "fish"] {
        let mut t = Shell::start(ctx, which, env);
        t.complete("facetctl promote --integration ", &["orders", "payments"]);
        // After --from qa, the next stage: the one candidate, filled in.
        let shown = t.complete("facetctl promote --integration payments --from qa --to ", &["staging"]);
        assert!(!shown.contains("production"), "{which}: {shown}");
        t.complete("facetctl registry add spare --kind ", &["dockerhub", "harbor"]);
        t.complete("facetctl integration show ", &["orders", "payments"]);
        t.t.send("exit\r");
        let (code, screen) = t.t.finish();
        assert_eq!(code, 0, "{which}: {screen}");
        assert!(!screen.contains("error:"), "a TAB printed an error in {which}: {screen}");
    }
}

#[test]
fn tab_completes_names_from_the_embedded_control_plane_in_bash_zsh_and_fish() {
    let (_registry, ctx, _) = world();
    completes_names_from(&ctx, &[]);
}

#[test]
fn tab_completes_names_from_a_server_in_bash_zsh_and_fish() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let token = server.add_user(&ctx, "ada", "admin");
    let env = [("FACETS_CONTROL_PLANE_URL", server.url.as_str()), ("FACETS_USERNAME", "ada"), ("FACETS_TOKEN", &token)];
    let as_ada = |args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.envs(env).args(args);
        let run = ctx.run_with(&mut cmd);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
    };
    as_ada(&["registry", "add", "local", "--kind", "generic", "--url", &registry.host, "--insecure"]);
    as_ada(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"]);
    for name in ["payments", "orders"] {
        as_ada(&[
            "integration",
            "create",
            name,
            "--type",
            "environment",
            "--registry",
            "local",
            "--workflow",
            "standard",
        ]);
    }
    // The embedded store here has none of them: what completes came from the server.
    completes_names_from(&ctx, &env);
}

#[test]
fn tables_fit_80_and_120_column_terminals() {
    let (_registry, ctx, build) = world();
    ctx.ok(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--reason", "QA passed"]);
    let mut transcript = String::new();
    for cols in [80u16, 120] {
        for args in [&["history", "--integration", "payments"][..], &["status"][..]] {
            let mut cmd = person(&ctx, args);
            // Long after the records: times read as dates, the same on every run.
            cmd.env("FACETCTL_CLOCK", "2099-01-01T00:00:00Z");
            let (code, screen) = Terminal::spawn(&cmd, cols).finish();
            assert_eq!(code, 0, "{screen}");
            for line in screen.lines() {
                assert!(line.chars().count() <= cols as usize, "wider than {cols}: {line:?}\n{screen}");
            }
            transcript.push_str(&format!("$ facetctl {} # {cols} columns\n{screen}\n", args.join(" ")));
        }
    }
    let mut settings = snapshot::settings(&[(&build.digest, "build-1")]);
    settings.add_filter(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", "[date]");
    settings.bind(|| insta::assert_snapshot!("tables-at-80-and-120-columns", transcript));
}

/// What completion answers for `words` (the command line after `facetctl`), as `shell` asks.
fn completion(ctx: &TestContext, shell: &str, words: &[&str]) -> (String, std::process::Output) {
    let mut cmd = person(ctx, &[]);
    cmd.env("COMPLETE", shell).arg("--").arg("facetctl").args(words);
    if shell == "bash" {
        cmd.env("_CLAP_COMPLETE_INDEX", words.len().to_string())
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n");
    }
    let out = cmd.output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), out)
}

#[test]
fn a_tab_changes_nothing_and_reads_the_line_as_each_shell_splits_it() {
    let ctx = TestContext::new();
    // A store this build has not made its own: TAB neither creates its schema nor migrates it.
    std::fs::create_dir_all(ctx.facetctl_home()).unwrap();
    let db = ctx.facetctl_home().join("facetctl.db");
    std::fs::write(&db, b"").unwrap();
    let (offered, out) = completion(&ctx, "fish", &["promote", "--integration", ""]);
    assert_eq!((offered.as_str(), out.stderr.as_slice()), ("", &b""[..]));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "the store was written by a TAB");
    let files: Vec<_> = std::fs::read_dir(ctx.facetctl_home()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, ["facetctl.db"], "a TAB made files");

    // bash splits `--integration=payments` at the `=`.
    let (_registry, ctx, _) = world();
    let (offered, _) = completion(&ctx, "bash", &["promote", "--integration", "=", "payments", "--from", ""]);
    assert_eq!(offered.split_whitespace().collect::<Vec<_>>(), ["qa", "staging", "production"]);
}

#[test]
fn no_question_where_nothing_would_change_or_the_change_is_refused_anyway() {
    let (_registry, ctx, _) = world();
    ctx.ok(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    ctx.ok(&["promote", "--integration", "payments", "--from", "staging", "--to", "production", "--yes"]);
    // Production already holds it: nothing to say yes to.
    let again = ctx.run(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    assert_eq!(again.code, 0, "{again:?}");
    assert!(again.stdout.contains("is already the head of production; nothing changed"), "{again:?}");
    // In use: the control plane's refusal, not a question.
    for args in [
        &["integration", "delete", "payments"][..],
        &["workflow", "delete", "standard"],
        &["registry", "remove", "local"],
    ] {
        let run = ctx.run(args);
        assert_eq!(run.code, 3, "{args:?}: {run:?}");
        assert!(!run.stderr.contains("--yes"), "{args:?}: {run:?}");
    }
}

#[test]
fn piped_tables_read_the_local_zone_and_keep_a_word_in_every_cell() {
    let ctx = TestContext::new();
    ctx.ok(&["release-stream", "create", "QA", "--description", "   "]);
    let mut cmd = ctx.command();
    cmd.env("TZ", "America/New_York").env("FACETCTL_NO_INPUT", "1").args(["release-stream", "list"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    let row: Vec<&str> = run.stdout.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(row[..4], ["QA", "false", "-", "alice"], "{}", run.stdout);
    assert!(row[4].ends_with("-05:00"), "local time, with its offset: {}", run.stdout);
}

#[test]
fn a_secret_typed_for_stdin_at_a_terminal_is_hidden_and_ctrl_c_gives_the_cursor_back() {
    let registry = TestRegistry::htpasswd("ci", "typed-stdin-pw-31");
    let ctx = TestContext::new();
    ctx.add_registry_as("guarded", &registry.host, None);
    let login = ["registry", "login", "guarded", "--username", "ci", "--password-stdin"];
    let mut t = Terminal::spawn(&person(&ctx, &login), 100);
    t.expect("Password or token");
    t.send("typed-stdin-pw-31\r");
    let (code, screen) = t.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("typed-stdin"), "the password appeared on the screen: {screen}");

    let (_registry, ctx, _) = world();
    let mut t = Terminal::spawn(&person(&ctx, &["rollback"]), 100);
    t.expect("Integration to roll back");
    t.send("\x03");
    let (code, _, raw) = t.finish_raw();
    assert_eq!(code, 130);
    assert!(raw.ends_with("\x1b[?25h\r\n"), "the cursor is shown again: {raw:?}");
}
