//! The registry password never shows: not in the database, not on stdout or
//! stderr at any verbosity, not in any process's arguments.

use crate::support::{TestContext, TestRegistry, files_containing, image};

const PASSWORD: &str = "pw-9f2c-never-shown";

/// Every process's command line on this machine.
fn all_cmdlines() -> Vec<String> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| std::fs::read(e.ok()?.path().join("cmdline")).ok())
        .map(|b| String::from_utf8_lossy(&b).replace('\0', " "))
        .collect()
}

#[test]
fn the_registry_password_never_appears_anywhere() {
    let registry = TestRegistry::htpasswd("ci", PASSWORD);
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "secret", 3);

    // A push at the highest verbosity, watched from outside while it runs.
    let mut child = ctx
        .command()
        .args(["-vv", "-o", "json", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut looks = 0;
    while child.try_wait().unwrap().is_none() {
        let leaks: Vec<String> = all_cmdlines().into_iter().filter(|c| c.contains(PASSWORD)).collect();
        assert!(leaks.is_empty(), "the password is in a process's arguments: {leaks:?}");
        looks += 1;
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(looks > 0, "the push was watched at least once");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("DEBUG") || text.contains("INFO"), "-vv logs something: {text}");
    assert!(!text.contains(PASSWORD), "the password is in the output");

    for args in [
        vec!["-vv", "promote", "--integration", "payments", "--from", "qa", "--to", "staging"],
        vec!["-vv", "-o", "yaml", "registry", "show", "local"],
        vec!["-vv", "-o", "json", "registry", "list"],
        vec!["-vv", "-o", "json", "audit"],
        vec!["-vv", "registry", "check", "local"],
    ] {
        let run = ctx.run(&args);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(!run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD), "{args:?} shows the password");
    }

    let home = ctx.facetctl_home();
    let in_files = files_containing(&home, PASSWORD);
    assert_eq!(in_files, vec![home.join("secrets/local")], "only the secret file holds it");
    let db_files: Vec<_> =
        std::fs::read_dir(&home).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(db_files.iter().any(|f| f == "facetctl.db"), "{db_files:?}");
}

#[test]
fn a_wrong_password_is_not_echoed_in_the_error() {
    let registry = TestRegistry::token("ci", "the-right-one");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, Some(("ci", PASSWORD)));
    ctx.workflow_and_integration("repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "secret-wrong", 1);
    let run = ctx.run(&["-vv", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(!run.stderr.contains(PASSWORD) && !run.stdout.contains(PASSWORD));
}
