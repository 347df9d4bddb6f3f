//! facetctl without a Rust toolchain: the image `Dockerfile` and
//! `packaging/build-image.sh` make (FROM scratch, built by the local Docker
//! engine), run as GitHub runs `action.yml`: its inputs as `INPUT_*`, its env
//! mapped from them, its args; a push from inside the container against a
//! server and a registry on this machine.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::context::run_with_stdin;
use crate::support::server::{TestServer, database};
use crate::support::{TestContext, TestRegistry, image, skopeo};

struct Image(String);

impl Image {
    fn build() -> Image {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let tag = format!("facetctl-test/facetctl:{}-{nanos}", std::process::id());
        let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/build-image.sh"))
            .args([env!("CARGO_BIN_EXE_facetctl"), &tag])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), tag);
        Image(tag)
    }
}

impl Drop for Image {
    fn drop(&mut self) {
        let _ = Command::new("docker").args(["rmi", "-f", &self.0]).output();
    }
}

fn action() -> serde_yaml::Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// `${{ inputs.NAME }}` filled in, as the runner does.
fn expand(text: &str, inputs: &BTreeMap<String, String>) -> String {
    let mut out = text.to_owned();
    for (name, value) in inputs {
        out = out.replace(&format!("${{{{ inputs.{name} }}}}"), value);
    }
    out
}

#[test]
fn the_action_declares_what_facetctl_reads_and_writes() {
    let action = action();
    let mut declared: Vec<String> =
        action["inputs"].as_mapping().unwrap().keys().map(|k| k.as_str().unwrap().to_owned()).collect();
    let env: Vec<String> = action["runs"]["env"]
        .as_mapping()
        .unwrap()
        .values()
        .map(|v| v.as_str().unwrap().trim_start_matches("${{ inputs.").trim_end_matches(" }}").to_owned())
        .collect();
    declared.retain(|i| !env.contains(i));
    declared.sort();
    let mut read: Vec<String> = facetctl::cli::action::inputs().into_iter().map(str::to_owned).collect();
    read.sort();
    assert_eq!(declared, read, "every input is read, and only those");
    let outputs: Vec<&str> = action["outputs"].as_mapping().unwrap().keys().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(outputs, ["digest", "image", "tag", "artifact-id", "bucket", "integration"]);
    assert_eq!(action["runs"]["using"], "docker");
    assert_eq!(action["runs"]["args"], serde_yaml::to_value(["action"]).unwrap());
}

#[test]
fn the_image_runs_the_action_and_pushes_from_inside() {
    let registry = TestRegistry::htpasswd("ci", "image-reg-pw-52");
    let ctx = TestContext::new();
    let server = TestServer::start(&ctx, &database(&ctx, "sqlite"));
    let (ada, bot) = (server.add_user(&ctx, "ada", "admin"), server.add_user(&ctx, "ci-bot", "developer"));
    let admin = |args: &[&str]| {
        let mut cmd = ctx.command();
        cmd.env("FACETS_CONTROL_PLANE_URL", &server.url).env("FACETS_USERNAME", "ada").env("FACETS_TOKEN", &ada);
        cmd.args(args);
        cmd
    };
    let mut add = admin(&["registry", "add", "main", "--kind", "generic", "--url", &registry.host, "--insecure"]);
    add.args(["--username", "ci", "--password-stdin"]);
    assert_eq!(run_with_stdin(&mut add, "image-reg-pw-52").code, 0);
    for args in [
        &["workflow", "create", "standard", "--type", "environment", "--stages", "qa,staging,production"][..],
        &["integration", "create", "payments", "--type", "environment", "--registry", "main", "--workflow", "standard"],
    ] {
        let run = ctx.run_with(&mut admin(args));
        assert_eq!(run.code, 0, "{run:?}");
    }
    let build = image::single(ctx.images(), "build-1", "in-a-container", 2);
    let image = Image::build();

    // As GitHub runs a Docker action: INPUT_* for every input (defaults too), runs.env from them.
    let action = action();
    let mut inputs: BTreeMap<String, String> = action["inputs"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_owned(), v["default"].as_str().unwrap_or("").to_owned()))
        .collect();
    let source = format!("oci:/github/workspace/{}:build-1", build.dir.file_name().unwrap().to_str().unwrap());
    for (name, value) in [
        ("command", "push"),
        ("source", source.as_str()),
        ("integration", "payments"),
        ("bucket", "qa"),
        ("meta", "team=payments\nticket=PAY-7"),
        ("control-plane-url", server.url.as_str()),
        ("username", "ci-bot"),
        ("token", bot.as_str()),
    ] {
        inputs.insert(name.to_owned(), value.to_owned());
    }
    let files = ctx.images().join("file_commands");
    std::fs::create_dir_all(&files).unwrap();
    let mut run = Command::new("docker");
    run.args(["run", "--rm", "--network", "host"])
        .arg("-v")
        .arg(format!("{}:/github/workspace:ro", build.dir.parent().unwrap().display()))
        .arg("-v")
        .arg(format!("{}:/github/file_commands", files.display()))
        .args(["-e", "GITHUB_ACTIONS=true", "-e", "GITHUB_RUN_ID=991", "-e", "GITHUB_REPOSITORY=acme/payments"])
        .args(["-e", "GITHUB_OUTPUT=/github/file_commands/output"]);
    for (name, value) in &inputs {
        run.arg("-e").arg(format!("INPUT_{}={value}", name.to_ascii_uppercase()));
    }
    for (name, value) in action["runs"]["env"].as_mapping().unwrap() {
        run.arg("-e").arg(format!("{}={}", name.as_str().unwrap(), expand(value.as_str().unwrap(), &inputs)));
    }
    run.arg(&image.0);
    for arg in action["runs"]["args"].as_sequence().unwrap() {
        run.arg(arg.as_str().unwrap());
    }
    let out = run.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains(&bot), "the token stayed out of the log");

    assert_eq!(skopeo::digest(&registry, "payments/qa:current").as_deref(), Some(build.digest.as_str()));
    let written = std::fs::read_to_string(files.join("output")).unwrap();
    assert!(
        written.starts_with(&format!("digest={}\nimage={}/payments/qa@", build.digest, registry.host)),
        "{written}"
    );
    assert!(written.contains("\nartifact-id=1\nbucket=qa\n"), "{written}");
    let mut show = admin(&["-o", "json", "artifact", "show", "1"]);
    let shown = ctx.run_with(&mut show).json();
    assert_eq!(shown["created_by"], "ci-bot");
    assert_eq!(shown["external_id"], "991");
    assert_eq!(shown["metadata"]["ticket"], "PAY-7");
    assert_eq!(shown["metadata"]["ci.system"], "github-actions");
}
