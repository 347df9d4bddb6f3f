//! Secrets in the OS keyring (the kernel keyring here, on Linux): where
//! `registry add` keeps a password and `registry login` keeps a user's own
//! credentials; nothing of them lands in a file.

use crate::support::context::run_with_stdin;
use crate::support::{TestContext, TestRegistry, files_containing, image, skopeo};

#[test]
fn registry_add_keeps_the_password_in_the_keyring() {
    let registry = TestRegistry::htpasswd("ci", "keyring-pw-7d1e");
    let ctx = TestContext::new();
    let run = ctx.registry_add(ctx.with_keyring(), "local", &registry.host, Some(("ci", "keyring-pw-7d1e")));
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("the secret is in the kernel keyring (keyutils)"), "{run:?}");
    assert!(!run.stderr.contains("warning"), "no file, so no warning: {run:?}");
    ctx.workflow_and_integration("repository-per-bucket");

    let build = image::single(ctx.images(), "build-1", "keyring", 1);
    let mut push = ctx.with_keyring();
    push.args(["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut push);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("the registry's stored credentials"), "{run:?}");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:current").as_deref(), Some(build.digest.as_str()));
    assert!(files_containing(&ctx.facetctl_home(), "keyring-pw-7d1e").is_empty(), "no file holds the password");

    // Another home is another control plane: it does not see this one's secret.
    let other = TestContext::new();
    assert_eq!(other.registry_add(other.with_keyring(), "local", &registry.host, None).code, 0);
    let mut check = other.with_keyring();
    check.args(["registry", "check", "local"]);
    assert_eq!(other.run_with(&mut check).code, 3);

    // Removing a registry removes its secret: added again without one, it has none.
    let add_spare = |with_password: bool| {
        let credentials = with_password.then_some(("ci", "keyring-pw-7d1e"));
        ctx.registry_add(ctx.with_keyring(), "spare", &registry.host, credentials)
    };
    let check_spare = || {
        let mut check = ctx.with_keyring();
        check.args(["registry", "check", "spare"]);
        ctx.run_with(&mut check).code
    };
    assert_eq!(add_spare(true).code, 0);
    assert_eq!(check_spare(), 0, "the secret is read back from the keyring");
    let mut remove = ctx.with_keyring();
    remove.args(["registry", "remove", "spare", "--yes"]);
    assert_eq!(ctx.run_with(&mut remove).code, 0);
    assert_eq!(add_spare(false).code, 0);
    assert_eq!(check_spare(), 3, "the old secret went with the registry");
}

#[test]
fn registry_login_checks_then_saves_and_logout_forgets() {
    let registry = TestRegistry::token("dev", "login-pw-3b9a");
    let ctx = TestContext::new();
    ctx.add_registry_as("local", &registry.host, None);
    ctx.workflow_and_integration("repository-per-bucket");

    let mut login = ctx.with_keyring();
    login.args(["registry", "login", "local", "--username", "dev", "--password-stdin"]);
    let run = run_with_stdin(&mut login, "not-the-password");
    assert_eq!(run.code, 3, "a wrong password is refused before anything is saved: {run:?}");

    let mut login = ctx.with_keyring();
    login.args(["registry", "login", "local", "--username", "dev", "--password-stdin"]);
    let run = run_with_stdin(&mut login, "login-pw-3b9a");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("the credentials are in the kernel keyring (keyutils)"), "{run:?}");

    let build = image::single(ctx.images(), "build-1", "login", 1);
    let mut push = ctx.with_keyring();
    push.args(["-v", "artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut push);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("the saved `facetctl registry login`"), "{run:?}");
    assert!(files_containing(&ctx.facetctl_home(), "login-pw-3b9a").is_empty());

    let mut logout = ctx.with_keyring();
    logout.args(["registry", "logout", "local"]);
    let run = ctx.run_with(&mut logout);
    assert!(run.stdout.contains("logged out of local"), "{run:?}");
    let next = image::single(ctx.images(), "build-2", "login", 1);
    let mut push = ctx.with_keyring();
    push.args(["artifact", "push", &next.source(), "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut push);
    assert_eq!(run.code, 3, "after logout the registry refuses the anonymous push: {run:?}");
}

#[test]
fn the_file_store_is_the_documented_fallback() {
    let registry = TestRegistry::htpasswd("ci", "file-pw-55aa");
    let ctx = TestContext::new();
    let run = ctx.registry_add(ctx.command(), "local", &registry.host, Some(("ci", "file-pw-55aa")));
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("warning: no OS keyring here; the secret is in"), "{run:?}");
    let holders = files_containing(&ctx.facetctl_home(), "file-pw-55aa");
    assert_eq!(holders, [ctx.facetctl_home().join("secrets/local")]);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&holders[0]).unwrap().permissions().mode() & 0o777, 0o600);
}
