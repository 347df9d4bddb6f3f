//! A backup taken while ten CI jobs push through a server holds every push
//! acknowledged before it began, and restores into a new database that a
//! server then serves: on SQLite and on PostgreSQL.

use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, wait_until};

const WRITERS: usize = 10;
const PUSHES: usize = 6;

fn server_command(ctx: &TestContext, args: &[&str], url: &str) -> crate::support::context::Run {
    let mut cmd = ctx.command();
    cmd.env("FACETCTL_DATABASE_URL", url).args(["-o", "json", "server"]).args(args);
    ctx.run_with(&mut cmd)
}

fn backup_while_pushing(backend: &str) {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    let url = database(&ctx, backend);
    let server = TestServer::start(&ctx, &url);
    let token = server.add_user(&ctx, "ada", "admin");
    let as_ada = || {
        let mut cmd = ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &token);
        cmd
    };
    let ok = |args: &[&str]| {
        let run = ctx.run_with(as_ada().args(args));
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
    };
    ok(&["registry", "add", "local", "--kind", "generic", "--url", &registry.host, "--insecure"]);
    ok(&["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging"]);
    ok(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "local",
        "--workflow",
        "standard",
    ]);
    let build = image::single(ctx.images(), "v1", "backup", 1);

    // Ten jobs push at once; each push's tag, once facetctl has said it is recorded, and when.
    let acknowledged: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (mut cmd, source, acknowledged) = (as_ada(), build.source(), acknowledged.clone());
            cmd.args(["artifact", "push", &source, "--integration", "payments", "--bucket", "qa"]);
            std::thread::spawn(move || {
                for n in 0..PUSHES {
                    let tag = format!("w{w}-{n}");
                    let out = Command::new(cmd.get_program())
                        .args(cmd.get_args())
                        .args(["--tag", &tag])
                        .envs(cmd.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{tag}: {}", String::from_utf8_lossy(&out.stderr));
                    acknowledged.lock().unwrap().push((tag, Instant::now()));
                }
            })
        })
        .collect();
    wait_until("a third of the pushes", Duration::from_secs(60), || {
        acknowledged.lock().unwrap().len() >= WRITERS * PUSHES / 3
    });
    let file = ctx.images().join(if backend == "sqlite" { "backup.db" } else { "backup.dump" });
    let began = Instant::now();
    let backup = server_command(&ctx, &["backup", "--to", file.to_str().unwrap()], &url);
    assert_eq!(backup.code, 0, "{backup:?}");
    for w in writers {
        w.join().unwrap();
    }
    let before: Vec<String> =
        acknowledged.lock().unwrap().iter().filter(|(_, at)| *at < began).map(|(t, _)| t.clone()).collect();
    assert!(
        before.len() >= WRITERS * PUSHES / 3 && before.len() < WRITERS * PUSHES,
        "pushes went on during the backup"
    );
    let held = backup.json()["holds"]["artifacts"].as_i64().unwrap();
    assert!(held >= before.len() as i64, "the backup counts {held} artifacts, {} were acknowledged", before.len());

    // A backup never overwrites; restored into a new database, a server serves it.
    let again = server_command(&ctx, &["backup", "--to", file.to_str().unwrap()], &url);
    assert_eq!(again.code, 3, "{again:?}");
    let target = match backend {
        "sqlite" => format!("sqlite:{}", ctx.images().join("restored.db").display()),
        _ => database(&ctx, "postgres"),
    };
    let restored = server_command(&ctx, &["restore", "--from", file.to_str().unwrap()], &target);
    assert_eq!(restored.code, 0, "{restored:?}");
    assert_eq!(restored.json()["holds"]["artifacts"].as_i64(), Some(held));
    let onto_used = server_command(&ctx, &["restore", "--from", file.to_str().unwrap()], &target);
    assert_eq!(onto_used.code, 3, "a restore never lands on records: {onto_used:?}");
    if backend == "sqlite" {
        // The live file itself, WAL and all, restores as a consistent copy; an address that is
        // not a plain path is refused before anything is written.
        let live = url.strip_prefix("sqlite:").unwrap();
        let copy = format!("sqlite:{}", ctx.images().join("from-live.db").display());
        let from_live = server_command(&ctx, &["restore", "--from", live], &copy);
        assert_eq!(from_live.code, 0, "{from_live:?}");
        assert_eq!(from_live.json()["holds"]["artifacts"].as_i64(), Some((WRITERS * PUSHES) as i64));
        let odd = format!("sqlite:{}", ctx.images().join("r%41.db").display());
        let refused = server_command(&ctx, &["restore", "--from", file.to_str().unwrap()], &odd);
        assert_eq!(refused.code, 2, "{refused:?}");
        assert!(!ctx.images().join("r%41.db").exists() && !ctx.images().join("rA.db").exists());
    }

    // The restored store exports what the backup held.
    let mut export = ctx.command();
    export.args(["export", "--database", &target]);
    let run = ctx.run_with(&mut export);
    assert_eq!(run.code, 0, "{run:?}");
    let last: serde_json::Value = serde_json::from_str(run.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["end"]["artifacts"].as_i64(), Some(held), "{last}");

    let revived = TestServer::start(&ctx, &target);
    let mut list = ctx.command();
    list.env("FACETS_CONTROL_PLANE_URL", &revived.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &token);
    list.args(["-o", "json", "artifact", "list", "--integration", "payments", "--bucket", "qa"]);
    let run = ctx.run_with(&mut list);
    assert_eq!(run.code, 0, "ada's token and the records came back with it: {run:?}");
    let tags: Vec<String> =
        run.json().as_array().unwrap().iter().map(|a| a["tag"].as_str().unwrap().to_owned()).collect();
    let missing: Vec<&String> = before.iter().filter(|t| !tags.contains(t)).collect();
    assert!(missing.is_empty(), "acknowledged before the backup began, and not in it: {missing:?}");
}

#[test]
fn a_sqlite_backup_taken_while_ten_jobs_push_holds_every_acknowledged_push() {
    backup_while_pushing("sqlite");
}

#[test]
fn a_postgresql_backup_taken_while_ten_jobs_push_holds_every_acknowledged_push() {
    backup_while_pushing("postgres");
}

#[test]
fn a_server_serves_an_embedded_control_plane_as_it_is() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let build = image::single(ctx.images(), "build-1", "one-step", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    let local = ctx.history();

    // The same file, served: the records as they were, and new moves recorded beside them.
    let url = format!("sqlite:{}", ctx.facetctl_home().join("facetctl.db").display());
    let server = TestServer::start(&ctx, &url);
    let token = server.add_user(&ctx, "ada", "admin");
    let mut remote = ctx.command();
    remote.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &token);
    remote.args(["-o", "json", "history", "--integration", "payments", "--limit", "1000"]);
    let run = ctx.run_with(&mut remote);
    assert_eq!(run.code, 0, "{run:?}");
    let mut served: Vec<serde_json::Value> = run.json().as_array().unwrap().clone();
    served.reverse();
    assert_eq!(served, local, "the server's history is the machine's");
    let mut promote = ctx.command();
    promote.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &token);
    promote.args([
        "-o",
        "json",
        "--yes",
        "promote",
        "--integration",
        "payments",
        "--from",
        "staging",
        "--to",
        "production",
    ]);
    let run = ctx.run_with(&mut promote);
    assert_eq!(run.code, 0, "a move through the server, beside the machine's records: {run:?}");
    assert_eq!(run.json()["promotion"]["actor"], "ada");
}
