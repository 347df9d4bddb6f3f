//! The shipped completion scripts are the ones the current CLI generates.

use crate::support::TestContext;

#[test]
fn shipped_completions_match_the_cli() {
    let ctx = TestContext::new();
    for shell in ["bash", "zsh", "fish"] {
        let generated = ctx.ok(&["completions", shell]);
        let shipped =
            std::fs::read_to_string(format!("{}/completions/facetctl.{shell}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(
            generated, shipped,
            "completions/facetctl.{shell} is stale: regenerate with `facetctl completions {shell}`"
        );
        // The script asks this binary for candidates on each TAB.
        assert!(generated.contains("COMPLETE=") && generated.contains("facetctl"), "{generated}");
    }
}

#[test]
fn help_and_completions_need_no_home() {
    let ctx = TestContext::new();
    let mut cmd = ctx.command();
    cmd.env("FACETCTL_HOME", "/nonexistent/never-created").args(["--help"]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("promote") && run.stdout.contains("Usage"));
    assert!(!std::path::Path::new("/nonexistent/never-created").exists());
    let run = ctx.run(&["no-such-command"]);
    assert_eq!(run.code, 2, "{run:?}");
}
