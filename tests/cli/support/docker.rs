//! Images in this machine's Docker engine, built `FROM scratch` (nothing can
//! be pulled here), named uniquely per test and removed afterwards.

use std::path::Path;
use std::process::Command;

pub struct DockerImage {
    pub name: String,
    /// The engine's image id: the digest of the image's config.
    pub id: String,
}

impl DockerImage {
    /// Builds an image with one file per entry of `files` (one layer each) and a label.
    pub fn build(dir: &Path, seed: &str, files: &[(&str, &str)]) -> DockerImage {
        let context = dir.join(format!("docker-{seed}"));
        std::fs::create_dir_all(&context).unwrap();
        let mut dockerfile = String::from("FROM scratch\n");
        for (name, content) in files {
            std::fs::write(context.join(name), content).unwrap();
            dockerfile.push_str(&format!("COPY {name} /{name}\n"));
        }
        dockerfile.push_str(&format!("LABEL facetctl.test.seed={seed}\n"));
        std::fs::write(context.join("Dockerfile"), dockerfile).unwrap();
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let name = format!("facetctl-test/{seed}:{}-{nanos}", std::process::id());
        // The classic builder needs no buildx plugin, which this machine may lack.
        let out = Command::new("docker")
            .env("DOCKER_BUILDKIT", "0")
            .args(["build", "-q", "-t", &name])
            .arg(&context)
            .output()
            .expect("docker is not installed; these tests need the machine's Docker engine");
        assert!(out.status.success(), "docker build failed: {}", String::from_utf8_lossy(&out.stderr));
        let id = docker(&["image", "inspect", "--format", "{{.Id}}", &name]);
        DockerImage { name, id }
    }

    /// `docker save` of this image (and any `others`) into `file`.
    pub fn save(&self, file: &Path, others: &[&DockerImage]) {
        let mut args = vec!["save", "-o", file.to_str().unwrap(), &self.name];
        args.extend(others.iter().map(|o| o.name.as_str()));
        docker(&args);
    }

    pub fn tag(&self) -> &str {
        self.name.rsplit_once(':').unwrap().1
    }
}

impl Drop for DockerImage {
    fn drop(&mut self) {
        let _ = Command::new("docker").args(["rmi", "-f", &self.name]).output();
    }
}

fn docker(args: &[&str]) -> String {
    let out = Command::new("docker").args(args).output().unwrap();
    assert!(out.status.success(), "docker {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}
