//! Bad input and broken surroundings: one line on stderr that says what to
//! do, the documented exit code, no panic, and nothing changed.

use crate::support::context::Run;
use crate::support::{TestContext, TestRegistry, image, skopeo, snapshot};

/// One `error:` line, no panic, and the exit code asked for.
fn assert_clean_failure(run: &Run, code: i32, says: &str) {
    assert_eq!(run.code, code, "exit code: {run:?}");
    assert_one_error_line(run);
    assert!(run.stderr.contains(says), "stderr should say {says:?}: {run:?}");
}

/// Nothing on stdout; on stderr one `error:` line, and at most one line of
/// what to do about it (clap's own pointer to `--help` for a usage error).
fn assert_one_error_line(run: &Run) {
    assert!(run.stdout.is_empty(), "nothing on stdout: {run:?}");
    let clap =
        |l: &&str| l.is_empty() || *l == "For more information, try '--help'." || l.starts_with("  [possible values: ");
    let lines: Vec<&str> = run.stderr.lines().filter(|l| !clap(l)).collect();
    assert!(lines.len() == 1 || lines.len() == 2 && lines[1].starts_with("hint: "), "{run:?}");
    assert!(lines[0].starts_with("error: "), "{run:?}");
}

/// Each command run as a user would, written down as their terminal shows it:
/// the command, what it said, and how it exited.
fn failing_session(ctx: &TestContext, commands: &[Vec<&str>]) -> String {
    let mut transcript = String::new();
    for args in commands {
        let run = ctx.run(args);
        assert_one_error_line(&run);
        transcript.push_str(&format!("$ facetctl {}\n{}exit {}\n\n", args.join(" "), run.stderr, run.code));
    }
    transcript
}

/// A world with one build in qa, to try bad things against.
fn with_one_build() -> (TestRegistry, TestContext, image::OciImage) {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "errors", 2);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    (registry, ctx, build)
}

#[test]
fn skipping_a_stage_is_refused_and_names_the_allowed_step() {
    let (registry, ctx, _) = with_one_build();
    let before = ctx.history();
    let run = ctx.run(&["promote", "--integration", "payments", "--from", "qa", "--to", "production"]);
    assert_clean_failure(&run, 3, "allows qa -> staging only");
    // The library names the step; the CLI names the flag, on a line of its own.
    assert_eq!(
        run.stderr,
        "error: cannot promote payments from qa to production: the workflow \"standard\" allows qa -> staging only\n\
         hint: run with --to staging\n"
    );
    assert_eq!(skopeo::digest(&registry, "team/payments/production:build-1"), None);
    assert_eq!(skopeo::digest(&registry, "team/payments/production:current"), None);
    assert_eq!(ctx.history(), before);
    // Backwards is off the workflow too.
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let run = ctx.run(&["promote", "--integration", "payments", "--from", "staging", "--to", "qa"]);
    assert_clean_failure(&run, 3, "allows staging -> production only");
}

#[test]
fn malformed_input_is_a_usage_error() {
    let (_registry, ctx, _) = with_one_build();
    let before = ctx.history();
    let commands = [
        vec!["artifact", "push", "Not/A/Valid:Ref:x", "--integration", "payments", "--bucket", "qa"],
        vec!["artifact", "push", "oci:/nonexistent/layout", "--integration", "payments", "--bucket", "qa"],
        vec!["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--digest", "sha256:nothex"],
        vec!["workflow", "create", "one", "--type", "environment", "--stages", "qa"],
        vec!["registry", "add", "r2", "--kind", "quay", "--url", "x.io"],
        vec!["registry", "add", "r3", "--kind", "generic", "--url", "https://x.io"],
        vec!["registry", "add", "r4", "--kind", "generic", "--url", "10.1.2.3:5000", "--insecure"],
        vec!["artifact", "push", "docker-archive:/nonexistent.tar", "--integration", "payments", "--bucket", "qa"],
        vec!["artifact", "push", "docker-daemon:", "--integration", "payments", "--bucket", "qa"],
    ];
    let transcript = failing_session(&ctx, &commands);
    snapshot::settings(&[]).bind(|| insta::assert_snapshot!("errors-malformed-input", transcript));
    assert_eq!(ctx.history(), before);
    assert_eq!(ctx.json(&["registry", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn unknown_names_are_not_found() {
    let (registry, ctx, build) = with_one_build();
    let before = ctx.history();
    let source = build.source();
    let not_here = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    let commands = [
        vec!["artifact", "push", &source, "--integration", "nope", "--bucket", "qa"],
        vec!["artifact", "push", &source, "--integration", "payments", "--bucket", "qax"],
        vec!["promote", "--integration", "payments", "--from", "qa", "--to", "prod"],
        vec!["integration", "create", "x", "--type", "environment", "--registry", "local", "--workflow", "nope"],
        vec!["integration", "create", "x", "--type", "environment", "--registry", "nope"],
        vec!["history", "--integration", "nope"],
        vec!["rollback", "--integration", "payments", "--bucket", "staging"],
        vec!["promote", "--integration", "payments", "--from", "staging", "--to", "production"],
        vec!["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--digest", not_here],
        vec!["promote", "--integration", "payments", "--from", "qa", "--to", "staging", "--artifact", "999"],
    ];
    let transcript = failing_session(&ctx, &commands);
    let settings = snapshot::settings(&[(&build.digest, "build-1"), (not_here, "a digest not recorded")]);
    settings.bind(|| insta::assert_snapshot!("errors-unknown-names", transcript));
    assert_eq!(ctx.history(), before);
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:build-1"), None);
}

#[test]
fn a_registry_that_is_down_fails_the_push_and_records_nothing() {
    let (mut registry, ctx, _) = with_one_build();
    let before = ctx.history();
    registry.stop();
    let next = image::single(ctx.images(), "build-2", "down", 2);
    let run = ctx.run(&["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_clean_failure(&run, 1, "cannot reach registry");
    assert!(run.stderr.contains("check that it is running"), "{run:?}");
    let run = ctx.run(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_clean_failure(&run, 1, "cannot reach registry");
    assert_eq!(ctx.history(), before);
}

#[test]
fn a_wrong_password_is_refused_and_records_nothing() {
    let registry = TestRegistry::htpasswd("ci", "right-password");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, Some(("ci", "wrong-password")));
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "wrongpw", 1);
    let run = ctx.run(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_clean_failure(&run, 3, "refused the credentials");
    assert!(!run.stderr.contains("wrong-password"));
    assert!(ctx.history().is_empty());
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-1"), None);
}

#[test]
fn a_tag_in_a_bucket_cannot_be_moved_to_another_digest() {
    let (registry, ctx, build) = with_one_build();
    let impostor = image::single(ctx.images(), "build-1", "impostor", 2);
    let run = ctx.run(&["artifact", "push", &impostor.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_clean_failure(&run, 3, "tags are immutable");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:build-1").as_deref(), Some(build.digest.as_str()));
    assert_eq!(ctx.history().len(), 1);
}

#[test]
fn a_failure_asked_for_as_json_is_a_json_document_on_stdout_too() {
    let ctx = TestContext::new();
    let run = ctx.run(&["-o", "json", "history", "--integration", "nope"]);
    assert_eq!(run.code, 4, "{run:?}");
    assert_eq!(
        run.json(),
        serde_json::json!({"error": {"kind": "not-found", "message": "unknown integration \"nope\"",
                                     "hint": "`facetctl integration list` shows the ones there are"}})
    );
    assert!(run.stderr.starts_with("error: unknown integration"), "stderr says it as always: {run:?}");
}
