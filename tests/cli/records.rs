//! `facetctl export`: every record, one JSON document a line, in dependency
//! order, with a header naming the format and a last line counting each
//! table; never a secret.

use serde_json::Value;

use crate::support::context::run_with_stdin;
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image};

const ORDER: &[&str] = &[
    "registries",
    "release_streams",
    "environments",
    "workflows",
    "routing_rules",
    "integrations",
    "bucket_registries",
    "artifacts",
    "bucket_events",
    "buckets",
    "promotions",
    "promotion_requests",
    "request_approvals",
    "freezes",
    "audit_events",
];

fn export(ctx: &TestContext, args: &[&str]) -> Vec<Value> {
    let mut cmd = ctx.command();
    cmd.arg("export").args(args);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout.lines().map(|l| serde_json::from_str(l).expect("every line is one JSON document")).collect()
}

/// A store with every kind of record: two registries (production's bucket in the second), a workflow
/// with a gate, a routing rule, pushes, promotions, a rollback, a request approved by someone else, a freeze.
fn story(ctx: &TestContext, registry: &TestRegistry) {
    ctx.add_registry("local", registry);
    ctx.add_registry_as("vault", &registry.host, Some(("ci", "export-secret-pw-5d1c")));
    ctx.ok(&[
        "workflow",
        "create",
        "standard",
        "--type",
        "environment",
        "--stages",
        "qa,staging,production",
        "--gate",
        "production:1",
    ]);
    ctx.ok(&["rule", "create", "by-branch", "--type", "environment", "--route", "BRANCH_NAME=main:qa"]);
    ctx.ok(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "local",
        "--workflow",
        "standard",
        "--rule",
        "by-branch",
        "--bucket-registry",
        "production=vault",
    ]);
    for (tag, seed) in [("build-1", "export-1"), ("build-2", "export-2")] {
        let build = image::single(ctx.images(), tag, seed, 1);
        ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
        ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    }
    ctx.json(&["--yes", "rollback", "--integration", "payments", "--bucket", "staging", "--reason", "bad"]);
    let asked = ctx.json(&["promote", "--integration", "payments", "--from", "staging", "--to", "production"]);
    let id = asked["request"]["id"].to_string();
    let mut approve = ctx.command();
    approve.env("FACETCTL_ACTOR", "reviewer").args(["approve", &id, "--reason", "tested"]);
    assert_eq!(ctx.run_with(&mut approve).code, 0);
    ctx.ok(&[
        "freeze",
        "create",
        "--integration",
        "payments",
        "--bucket",
        "staging",
        "--from",
        "2026-01-01T00:00:00Z",
        "--until",
        "2099-01-01T00:00:00Z",
        "--reason",
        "audit",
    ]);
}

#[test]
fn an_export_holds_every_record_in_dependency_order_and_no_secret() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    story(&ctx, &registry);

    let lines = export(&ctx, &[]);
    let header = &lines[0];
    assert_eq!(
        (&header["format"], &header["version"], &header["schema"]),
        (&Value::from("facetctl-export"), &Value::from(1), &Value::from(13))
    );
    let end = &lines.last().unwrap()["end"];
    let body = &lines[1..lines.len() - 1];
    // In dependency order, and as many of each as the last line says.
    let position = |l: &Value| ORDER.iter().position(|t| *t == l["table"]).expect("a known table");
    assert!(body.windows(2).all(|w| position(&w[0]) <= position(&w[1])), "tables in dependency order");
    for table in ORDER {
        let n = body.iter().filter(|l| l["table"] == *table).count() as u64;
        assert_eq!(end[table].as_u64(), Some(n), "{table}");
    }
    let count = |t: &str| end[t].as_u64().unwrap();
    assert_eq!((count("artifacts"), count("promotions"), count("promotion_requests"), count("freezes")), (5, 3, 1, 1));
    assert_eq!(count("bucket_events"), 6, "two pushes, three promotions, a rollback");
    assert_eq!((count("request_approvals"), count("routing_rules"), count("bucket_registries")), (1, 1, 1));
    let rollback = body.iter().find(|l| l["table"] == "bucket_events" && l["row"]["kind"] == "rollback").unwrap();
    assert_eq!(rollback["row"]["reason"], "bad");
    // Records as they were: who and when.
    let artifact = body.iter().find(|l| l["table"] == "artifacts").unwrap();
    assert_eq!(artifact["row"]["created_by"], ctx.actor.as_str());
    assert!(artifact["row"]["digest"].as_str().unwrap().starts_with("sha256:"));
    let text = lines.iter().map(Value::to_string).collect::<String>();
    assert!(!text.contains("export-secret-pw-5d1c"), "the registry's password is never exported");
    assert!(!text.contains("token_hash"), "users are not exported");

    // --since takes what happened from then on; the catalogue comes whole.
    let later = export(&ctx, &["--since", "2099-01-01"]);
    let end = &later.last().unwrap()["end"];
    assert_eq!(
        (end["artifacts"].as_u64(), end["audit_events"].as_u64(), end["integrations"].as_u64()),
        (Some(0), Some(0), Some(1))
    );
    let bad = ctx.run(&["export", "--since", "yesterday"]);
    assert_eq!(bad.code, 2, "{bad:?}");
}

/// Columns that hold another table's id, and that table.
const REFERENCES: &[(&str, &str)] = &[
    ("release_stream_id", "release_streams"),
    ("registry_id", "registries"),
    ("workflow_id", "workflows"),
    ("rule_id", "routing_rules"),
    ("integration_id", "integrations"),
    ("artifact_id", "artifacts"),
    ("promoted_from", "artifacts"),
    ("target_artifact_id", "artifacts"),
    ("current_artifact_id", "artifacts"),
    ("promotion_id", "promotions"),
    ("request_id", "promotion_requests"),
];

/// An export's records with every id replaced by its record's place in the file (within its table), so
/// that two exports of the same records are equal whatever ids each store gave them.
fn canonical(lines: &[Value]) -> Vec<Value> {
    let body: Vec<&Value> = lines.iter().filter(|l| l.get("table").is_some()).collect();
    let mut places: std::collections::HashMap<(String, i64), usize> = Default::default();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for line in &body {
        let table = line["table"].as_str().unwrap().to_owned();
        let n = counts.entry(table.clone()).or_default();
        if let Some(id) = line["row"]["id"].as_i64() {
            places.insert((table, id), *n);
        }
        *n += 1;
    }
    body.into_iter()
        .map(|line| {
            let mut line = line.clone();
            let table = line["table"].as_str().unwrap().to_owned();
            let row = line["row"].as_object_mut().unwrap();
            if let Some(id) = row.get("id").and_then(Value::as_i64) {
                row.insert("id".into(), places[&(table, id)].into());
            }
            for (column, to) in REFERENCES {
                if let Some(id) = row.get(*column).and_then(Value::as_i64) {
                    let place = places.get(&(to.to_string(), id)).unwrap_or_else(|| panic!("{column} {id} dangles"));
                    row.insert((*column).into(), (*place).into());
                }
            }
            line
        })
        .collect()
}

/// A document with its ids taken out, for comparing what two control planes print.
fn without_ids(mut v: Value) -> Value {
    match &mut v {
        Value::Array(items) => *items = items.drain(..).map(without_ids).collect(),
        Value::Object(fields) => {
            fields.retain(|k, _| k != "id" && !k.ends_with("_id") && k != "artifactId");
            for value in fields.values_mut() {
                *value = without_ids(value.take());
            }
        }
        _ => {}
    }
    v
}

/// What the server's audit log holds of its own: its users, the import, and the secret entered again and handed out.
const SERVER_OWN: &[&str] = &["user.add", "records.import", "registry.secret", "registry.credentials"];

fn write_export(ctx: &TestContext) -> (std::path::PathBuf, Vec<Value>) {
    let lines = export(ctx, &[]);
    let path = ctx.images().join("records.jsonl");
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, text).unwrap();
    (path, lines)
}

#[test]
fn records_exported_from_sqlite_and_imported_into_a_server_on_postgresql_export_the_same() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    story(&ctx, &registry);
    let (file, exported) = write_export(&ctx);

    let url = database(&ctx, "postgres");
    let server = TestServer::start(&ctx, &url);
    let ada = server.add_user(&ctx, "ada", "admin");
    let dev = server.add_user(&ctx, "dan", "developer");
    let remote = |user: &str, token: &str, args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", user).env("FACETS_TOKEN", token);
        ctx.run_with(cmd.args(args))
    };
    let file = file.to_str().unwrap();

    // A developer may not import; nothing is written.
    let refused = remote("dan", &dev, &["import", file]);
    assert_eq!(refused.code, 3, "{refused:?}");
    assert_eq!(refused.stderr.lines().next().unwrap(), "error: user dan is a developer; this needs admin or above");

    let run = remote("ada", &ada, &["-o", "json", "import", file]);
    assert_eq!(run.code, 0, "{run:?}");
    let imported = run.json();
    let end = &exported.last().unwrap()["end"];
    let mut written = end.as_object().unwrap().clone();
    written.retain(|_, n| n.as_u64() != Some(0));
    assert_eq!(imported["written"], Value::Object(written), "every record is new on the server");
    assert_eq!(imported["present"], serde_json::json!({}));
    assert_eq!(
        imported["needs_secret"],
        serde_json::json!([{"registry": "vault", "uri": registry.host, "username": "ci"}])
    );
    assert!(
        run.stderr.contains("registry vault (")
            && run.stderr.contains("facetctl registry set-secret vault --password-stdin"),
        "the importer is told which secret to enter, and how: {run:?}"
    );

    // An admin enters it again (a developer may not), and the server hands it out for a push.
    let set_secret = |user: &str, token: &str| {
        let mut cmd = ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", user).env("FACETS_TOKEN", token);
        cmd.args(["registry", "set-secret", "vault", "--password-stdin"]);
        run_with_stdin(&mut cmd, "entered-again-pw-31")
    };
    let refused = set_secret("dan", &dev);
    assert_eq!(refused.code, 3, "{refused:?}");
    let set = set_secret("ada", &ada);
    assert_eq!(
        (set.code, set.stdout.trim()),
        (0, "stored the secret of registry vault (as ci) on the server"),
        "{set:?}"
    );
    // Around the CLI, the server's routes refuse the same: a developer's import, a registry update that
    // would change more than the secret, an empty secret, a body that is not a whole export.
    let header = serde_json::json!({"format": "facetctl-export", "version": 1, "schema": 13,
        "exported_at": "2026-12-04T00:00:00.000000Z", "since": null});
    let (status, refused) = server.call("POST", "/api/records/import", Some(("dan", &dev)), Some(header.clone()));
    assert_eq!((status, &refused["code"]), (403, &Value::from("FORBIDDEN")), "{refused}");
    let (status, cut) = server.call("POST", "/api/records/import", Some(("ada", &ada)), Some(header));
    assert_eq!(
        (status, &cut["message"]),
        (
            400,
            &Value::from(
                "the file ends at line 1 without its last line (the counts): it was cut short; nothing was imported"
            )
        )
    );
    let (_, vault) = server.call("GET", "/cc-ui/v1/artifactories/name/vault", Some(("ada", &ada)), None);
    let update = format!("/cc-ui/v1/artifactories/{}", vault["id"].as_str().unwrap());
    let mut moved = serde_json::json!({"name": "vault", "artifactoryType": "OTHERS", "uri": "vault.example.com",
        "username": "ci", "password": "pw", "insecure": true});
    let (status, refused) = server.call("POST", &update, Some(("ada", &ada)), Some(moved.clone()));
    assert_eq!(status, 409, "{refused}");
    moved["uri"] = registry.host.clone().into();
    moved["password"] = "".into();
    let (status, refused) = server.call("POST", &update, Some(("ada", &ada)), Some(moved.clone()));
    assert_eq!(
        (status, &refused["message"]),
        (400, &Value::from("registry vault's new secret is empty: give its password or token"))
    );
    moved["password"] = "dev-pw".into();
    let (status, _) = server.call("POST", &update, Some(("dan", &dev)), Some(moved));
    assert_eq!(status, 403);

    let credentials =
        "/cc-ui/v1/artifactories/name/vault/push-credentials?ciName=payments&registrationValue=production";
    let (status, handed) = server.call("GET", credentials, Some(("ada", &ada)), None);
    assert_eq!(
        (status, &handed["username"], &handed["password"]),
        (200, &Value::from("ci"), &Value::from("entered-again-pw-31"))
    );

    // The server's records, exported, are the file's: the same records in the same order, ids mapped.
    let mut again = ctx.command();
    again.env("FACETCTL_DATABASE_URL", &url).arg("export");
    let again = ctx.run_with(&mut again);
    assert_eq!(again.code, 0, "{again:?}");
    let again: Vec<Value> = again.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (ours, theirs) = (canonical(&exported), canonical(&again));
    let server_own =
        |l: &&Value| l["table"] == "audit_events" && SERVER_OWN.contains(&l["row"]["action"].as_str().unwrap());
    let (own, imported_records): (Vec<&Value>, Vec<&Value>) = theirs.iter().partition(server_own);
    assert_eq!(imported_records.len(), ours.len());
    for (a, b) in ours.iter().zip(&imported_records) {
        // Audit events come after the server's own first one, so their places are one further on.
        let (mut a, mut b) = ((*a).clone(), (*b).clone());
        if a["table"] == "audit_events" {
            a["row"]["id"] = Value::Null;
            b["row"]["id"] = Value::Null;
        }
        assert_eq!(a, b);
    }
    let import_event = own.iter().find(|l| l["row"]["action"] == "records.import").expect("the import is audited");
    assert_eq!(import_event["row"]["actor"], "ada");
    assert_eq!(own.len(), 5, "two users added, one import, a secret entered and handed out: {own:?}");

    // History and audit read the same on both sides.
    let embedded = |args: &[&str]| without_ids(ctx.json(args));
    let served = |args: &[&str]| {
        let run = remote("ada", &ada, &[&["-o", "json"], args].concat());
        assert_eq!(run.code, 0, "{run:?}");
        without_ids(run.json())
    };
    let history = ["history", "--integration", "payments", "--limit", "100"];
    assert_eq!(served(&history), embedded(&history));
    let audit = ["audit", "--limit", "100"];
    let mut on_server = served(&audit);
    on_server.as_array_mut().unwrap().retain(|e| !SERVER_OWN.contains(&e["action"].as_str().unwrap()));
    assert_eq!(on_server, embedded(&audit));

    // The source goes on; two imports of its next export at once write its new records once.
    let build = image::single(ctx.images(), "build-3", "export-3", 1);
    ctx.json(&["artifact", "push", &build.source(), "--integration", "payments", "--bucket", "qa"]);
    let (file, _) = write_export(&ctx);
    let imports: Vec<_> = (0..2)
        .map(|_| {
            let mut cmd = ctx.command();
            cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &ada);
            cmd.args(["-o", "json", "import", file.to_str().unwrap()]);
            cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap()
        })
        .collect();
    let mut artifacts_written: Vec<u64> = imports
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let imported: Value = serde_json::from_slice(&out.stdout).unwrap();
            imported["written"]["artifacts"].as_u64().unwrap_or(0)
        })
        .collect();
    artifacts_written.sort();
    assert_eq!(artifacts_written, [0, 1], "one import wrote the new push, the other found it there");
    let history = served(&["history", "--integration", "payments", "--bucket", "qa", "--limit", "100"]);
    let pushes = history.as_array().unwrap().iter().filter(|e| e["tag"] == "build-3").count();
    assert_eq!(pushes, 1, "{history:?}");
}

#[test]
fn an_import_twice_changes_nothing_the_second_time() {
    let registry = TestRegistry::plain();
    let source = TestContext::new();
    story(&source, &registry);
    let (file, _) = write_export(&source);
    let file = file.to_str().unwrap();

    let ctx = TestContext::new();
    let first = ctx.json(&["import", file]);
    assert_eq!(first["present"], serde_json::json!({}));
    let (_, after_first) = write_export(&ctx);

    let second = ctx.run(&["import", file]);
    assert_eq!(second.code, 0, "{second:?}");
    assert!(second.stdout.starts_with(&format!("nothing to import from {file} into ")), "{second:?}");
    let (_, after_second) = write_export(&ctx);
    assert_eq!(after_second[1..], after_first[1..], "not a record changed, and no audit event was added");
    assert_eq!(ctx.json(&["import", file])["present"], first["written"], "every record was found here");
}

/// More records at one instant than a run of them holds (1,024), and times that go back: found all the same.
#[test]
fn an_import_twice_of_many_records_at_one_instant_changes_nothing_the_second_time() {
    let ctx = TestContext::new();
    let at = |i: usize| match i {
        0..1100 => "2026-03-01T00:00:00.000000Z".to_owned(),
        _ => format!("2026-02-28T23:{:02}:00.000000Z", 59 - (i - 1100) % 60),
    };
    let mut lines = vec![serde_json::json!({"format": "facetctl-export", "version": 1, "schema": 13,
        "exported_at": "2026-03-02T00:00:00.000000Z", "since": null})];
    for i in 0..1200 {
        lines.push(serde_json::json!({"table": "audit_events", "row": {"id": i + 1, "created_at": at(i),
            "actor": "ci", "action": "artifact.push", "entity": "artifact", "target": format!("payments/qa:b{i}"),
            "details": "{}"}}));
    }
    lines.push(serde_json::json!({"end": {"audit_events": 1200}}));
    let file = ctx.images().join("one-instant.jsonl");
    std::fs::write(&file, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let file = file.to_str().unwrap();

    assert_eq!(ctx.json(&["import", file])["written"], serde_json::json!({"audit_events": 1200}));
    let (_, before) = write_export(&ctx);
    let again = ctx.json(&["import", file]);
    assert_eq!(
        (&again["written"], &again["present"]),
        (&serde_json::json!({}), &serde_json::json!({"audit_events": 1200}))
    );
    let (_, after) = write_export(&ctx);
    assert_eq!(after[1..], before[1..]);

    // A registry's username is one line of text, however it arrives.
    ctx.add_registry_as("vault", "127.0.0.1:5999", None);
    let mut cmd = ctx.command();
    cmd.args(["registry", "set-secret", "vault", "--username", "a\u{1}b", "--password-stdin"]);
    let run = run_with_stdin(&mut cmd, "pw");
    assert_eq!(
        (run.code, run.stderr.lines().next().unwrap()),
        (2, "error: invalid registry username \"a\\u{1}b\": 1 to 256 characters, none of them control characters")
    );
    // Export reads a database: with a server named for the other commands, it says which store it read.
    let mut cmd = ctx.command();
    cmd.env("FACETS_CONTROL_PLANE_URL", "http://127.0.0.1:9").arg("export");
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.starts_with("warning: exporting the embedded store ("), "{run:?}");
    assert!(run.stderr.contains("not http://127.0.0.1:9: a server's records come from its database"), "{run:?}");
}

#[test]
fn an_import_into_a_store_with_a_conflicting_integration_is_refused_and_writes_nothing() {
    let registry = TestRegistry::plain();
    let source = TestContext::new();
    story(&source, &registry);
    let (file, _) = write_export(&source);

    let ctx = TestContext::new();
    ctx.add_registry("local", &registry);
    ctx.ok(&[
        "integration",
        "create",
        "payments",
        "--type",
        "environment",
        "--registry",
        "local",
        "--repository",
        "pay",
    ]);
    let (_, before) = write_export(&ctx);

    let run = ctx.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 3, "{run:?}");
    let first = run.stderr.lines().next().unwrap();
    assert!(
        first.starts_with(
            "error: the file's integration \"payments\" is not this control plane's: its repository is \"payments\" \
             in the file and \"pay\" here"
        ),
        "{run:?}"
    );
    assert!(first.ends_with("nothing was imported. Rename or remove one of them, then import again"), "{run:?}");
    let (_, after) = write_export(&ctx);
    assert_eq!(after[1..], before[1..], "nothing was written");

    // A record the control plane would not write itself is refused, naming the line; nothing is written.
    let edited = |name: &str, edit: &dyn Fn(&mut Value)| {
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).unwrap();
                edit(&mut v);
                format!("{v}\n")
            })
            .collect();
        let path = ctx.images().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let bad_time = edited("bad-time.jsonl", &|v| {
        if v["table"] == "audit_events" {
            v["row"]["created_at"] = "yesterday".into();
        }
    });
    let fresh = TestContext::new();
    let run = fresh.run(&["import", bad_time.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{run:?}");
    let first = run.stderr.lines().next().unwrap();
    assert!(first.starts_with("error: line "), "{run:?}");
    assert!(
        first.ends_with(
            "of the file: created_at \"yesterday\" is not a time as a store writes it (2026-12-04T09:12:03.511207Z); \
             nothing was imported"
        ),
        "{run:?}"
    );
    let plain_http = edited("plain-http.jsonl", &|v| {
        if v["table"] == "registries" && v["row"]["name"] == "vault" {
            v["row"]["uri"] = "vault.example.com".into();
        }
    });
    let run = fresh.run(&["import", plain_http.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr.lines().next().unwrap(),
        "error: line 3 of the file: registry vault is plain HTTP at vault.example.com, which is allowed only for \
         registries on this machine; nothing was imported"
    );
    let since = edited("since.jsonl", &|v| {
        if v.get("format").is_some() {
            v["since"] = "2026-12-01T00:00:00.000000Z".into();
        }
    });
    let run = fresh.run(&["import", since.to_str().unwrap()]);
    assert_eq!(
        (run.code, run.stderr.lines().next().unwrap()),
        (
            2,
            "error: the file holds only what was made since \"2026-12-01T00:00:00.000000Z\", and its records refer to older ones it does not hold: import a whole export (made without a date); nothing was imported"
        ),
        "{run:?}"
    );

    let (_, empty) = write_export(&fresh);
    assert!(empty.last().unwrap()["end"].as_object().unwrap().values().all(|n| n == 0), "{empty:?}");

    // Into a store that holds the same history, a tag on another digest is refused too.
    let other_digest = edited("other-digest.jsonl", &|v| {
        if v["table"] == "artifacts" && v["row"]["tag"] == "build-2" && v["row"]["bucket"] == "qa" {
            v["row"]["digest"] = format!("sha256:{}", "0".repeat(64)).into();
        }
    });
    let same = TestContext::new();
    assert_eq!(same.run(&["import", file.to_str().unwrap()]).code, 0);
    let (_, before) = write_export(&same);
    let run = same.run(&["import", other_digest.to_str().unwrap()]);
    assert_eq!(run.code, 3, "{run:?}");
    let first = run.stderr.lines().next().unwrap();
    assert!(
        first.starts_with(
            "error: the file's artifact payments/qa:build-2 is not this control plane's: its digest is \"sha256:0000"
        ),
        "{run:?}"
    );
    assert!(first.ends_with("nothing was imported. The two histories have gone apart since; import into a control plane without payments"), "{run:?}");
    let (_, after) = write_export(&same);
    assert_eq!(after[1..], before[1..], "nothing was written");

    // A file that is not an export, or was cut short, is refused the same way.
    let cut: String = std::fs::read_to_string(&file).unwrap().lines().take(9).map(|l| format!("{l}\n")).collect();
    let cut_file = ctx.images().join("cut.jsonl");
    std::fs::write(&cut_file, cut).unwrap();
    let other = TestContext::new();
    let run = other.run(&["import", cut_file.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr.lines().next().unwrap(),
        "error: the file ends at line 9 without its last line (the counts): it was cut short; nothing was imported"
    );
    let run = other.run(&["import", "no-such-file.jsonl"]);
    assert_eq!(
        (run.code, run.stderr.lines().next().unwrap()),
        (4, "error: no file no-such-file.jsonl; give the file `facetctl export` wrote")
    );
    let run = other.run(&["import", "Cargo.toml"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr.lines().next().unwrap(),
        "error: the file is not a facetctl export: its first line is not a JSON object; nothing was imported"
    );
    let (_, empty) = write_export(&other);
    assert!(empty.last().unwrap()["end"].as_object().unwrap().values().all(|n| n == 0), "{empty:?}");
}
