//! Where builds come from in CI: the Docker engine, `docker save` archives
//! in both forms, OCI layouts. The bucket's digest is witnessed with skopeo.

use crate::support::docker::DockerImage;
use crate::support::{TestContext, TestRegistry, image, skopeo};

fn config_digest(registry: &TestRegistry, repo_ref: &str) -> String {
    let raw = skopeo::raw_manifest(registry, repo_ref).unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    manifest["config"]["digest"].as_str().unwrap().to_owned()
}

#[test]
fn an_image_the_docker_engine_built_is_pushed_from_the_daemon() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let built = DockerImage::build(ctx.images(), "daemon", &[("hello.txt", "hello\n"), ("world.txt", "world\n")]);

    let source = format!("docker-daemon:{}", built.name);
    let pushed = ctx.json(&["artifact", "push", &source, "--integration", "payments", "--bucket", "qa"]);
    let digest = pushed["artifact"]["digest"].as_str().unwrap();
    assert_eq!(pushed["artifact"]["tag"], built.tag(), "the image's tag is kept");
    assert_eq!(pushed["copy"]["blobs_copied"], 3, "two layers and the config");
    let tag_ref = format!("team/payments/qa:{}", built.tag());
    assert_eq!(skopeo::digest(&registry, &tag_ref).as_deref(), Some(digest));
    assert_eq!(config_digest(&registry, &tag_ref), built.id, "the config is the engine's image, byte for byte");

    // Exported again, it is the same artifact: the digest is stable.
    let again = ctx.json(&["artifact", "push", &source, "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(again["unchanged"], true);
    ctx.json(&["promote", "--integration", "payments", "--from", "qa", "--to", "staging"]);
    assert_eq!(skopeo::digest(&registry, "team/payments/staging:current").as_deref(), Some(digest));
}

#[test]
fn a_docker_save_archive_is_pushed_and_picks_the_named_image() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let first = DockerImage::build(ctx.images(), "archive-a", &[("a.txt", "a\n")]);
    let second = DockerImage::build(ctx.images(), "archive-b", &[("b.txt", "b\n"), ("c.txt", "c\n")]);
    let single = ctx.images().join("single.tar");
    first.save(&single, &[]);
    let both = ctx.images().join("both.tar");
    first.save(&both, &[&second]);

    let pushed = ctx.json(&[
        "artifact",
        "push",
        &format!("docker-archive:{}", single.display()),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let tag_ref = format!("team/payments/qa:{}", first.tag());
    assert_eq!(skopeo::digest(&registry, &tag_ref).as_deref(), pushed["artifact"]["digest"].as_str());
    assert_eq!(config_digest(&registry, &tag_ref), first.id);

    let run = ctx.run(&[
        "artifact",
        "push",
        &format!("docker-archive:{}", both.display()),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(run.code, 2, "two images and none named: {run:?}");
    assert!(run.stderr.contains("several images"), "{run:?}");
    let named = format!("docker-archive:{}:{}", both.display(), second.name);
    let pushed = ctx.json(&["artifact", "push", &named, "--integration", "payments", "--bucket", "qa"]);
    assert_eq!(config_digest(&registry, &format!("team/payments/qa:{}", second.tag())), second.id);
    assert_eq!(pushed["copy"]["blobs_copied"], 3);
    let run = ctx.run(&[
        "artifact",
        "push",
        &format!("docker-archive:{}:nope:1", both.display()),
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(run.code, 4, "{run:?}");
}

#[test]
fn the_oci_form_of_docker_save_keeps_the_manifest_bytes_uncompressed() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    // Docker 25+ writes an OCI layout in the tar, beside a manifest.json.
    let layout = image::single(ctx.images(), "v3", "ociform", 2);
    let raw: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.dir.join("blobs/sha256").join(&layout.digest[7..])).unwrap())
            .unwrap();
    let config = raw["config"]["digest"].as_str().unwrap()[7..].to_owned();
    let layers: Vec<String> = raw["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| format!("blobs/sha256/{}", &l["digest"].as_str().unwrap()[7..]))
        .collect();
    std::fs::write(
        layout.dir.join("manifest.json"),
        serde_json::json!([{"Config": format!("blobs/sha256/{config}"), "RepoTags": ["payments:v3"], "Layers": layers}]).to_string(),
    )
    .unwrap();
    let archive = ctx.images().join("oci-form.tar");
    let mut builder = tar::Builder::new(std::fs::File::create(&archive).unwrap());
    builder.append_dir_all(".", &layout.dir).unwrap();
    builder.finish().unwrap();

    let pushed = ctx.json(&[
        "artifact",
        "push",
        &format!("docker-archive:{}", archive.display()),
        "--integration",
        "payments",
        "--bucket",
        "qa",
        "--compression",
        "none",
    ]);
    assert_eq!(pushed["artifact"]["digest"], layout.digest.as_str(), "the manifest in the archive is pushed as it is");
    assert_eq!(pushed["artifact"]["tag"], "v3");
    assert_eq!(skopeo::digest(&registry, "team/payments/qa:v3").as_deref(), Some(layout.digest.as_str()));
}

#[test]
fn an_image_the_engine_does_not_have_is_not_found() {
    let registry = TestRegistry::plain();
    let ctx = TestContext::new();
    ctx.standard_setup(&registry, "repository-per-bucket");
    let run = ctx.run(&[
        "artifact",
        "push",
        "docker-daemon:facetctl-test/never-built:1",
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("the Docker engine has no image"), "{run:?}");
    let mut cmd = ctx.command();
    cmd.env("DOCKER_HOST", "unix:///nonexistent/docker.sock").args([
        "artifact",
        "push",
        "docker-daemon:app:1",
        "--integration",
        "payments",
        "--bucket",
        "qa",
    ]);
    let run = ctx.run_with(&mut cmd);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("cannot reach the Docker engine at unix:///nonexistent/docker.sock"), "{run:?}");
    assert!(ctx.history().is_empty());
}
