//! The CI run a command is part of, read from the CI system's own variables:
//! which system, the commit, branch or tag, repository, run id, a link to the
//! run and who started it. Pushes record it in the artifact's metadata under
//! the `ci.*` keys, the run id is the default external id, and the branch
//! feeds the routing rules.

use std::collections::BTreeMap;

/// What a CI system says about the run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CiRun {
    /// `github-actions`, `gitlab`, `jenkins`, `circleci`, `codebuild`, `bitbucket`, `azure-pipelines`, `buildkite`.
    pub system: &'static str,
    pub commit: Option<String>,
    pub branch: Option<String>,
    pub tag: Option<String>,
    pub repository: Option<String>,
    pub run_id: Option<String>,
    pub run_url: Option<String>,
    /// Who started the run, as the system names them.
    pub actor: Option<String>,
}

/// The metadata keys a run is recorded under.
pub const KEYS: [&str; 7] =
    ["ci.system", "ci.commit", "ci.branch", "ci.tag", "ci.repository", "ci.run_id", "ci.run_url"];

impl CiRun {
    /// The run as metadata: the `ci.*` keys that have a value.
    pub fn metadata(&self) -> BTreeMap<String, String> {
        let values = [
            Some(self.system.to_owned()),
            self.commit.clone(),
            self.branch.clone(),
            self.tag.clone(),
            self.repository.clone(),
            self.run_id.clone(),
            self.run_url.clone(),
        ];
        KEYS.iter().zip(values).filter_map(|(k, v)| Some(((*k).to_owned(), v?))).collect()
    }
}

/// `metadata` with the run's `ci.*` keys added where the caller did not set them.
pub fn with_run(mut metadata: BTreeMap<String, String>, run: Option<&CiRun>) -> BTreeMap<String, String> {
    for (key, value) in run.map(CiRun::metadata).unwrap_or_default() {
        metadata.entry(key).or_insert(value);
    }
    metadata
}

/// The run this process is part of, from the environment.
pub fn current() -> Option<CiRun> {
    detect(&|name| std::env::var(name).ok())
}

/// The run that `var` describes; None outside a CI system this knows.
pub fn detect(var: &dyn Fn(&str) -> Option<String>) -> Option<CiRun> {
    let get = |name: &str| var(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let set = |name: &str| get(name).is_some_and(|v| !v.eq_ignore_ascii_case("false") && v != "0");
    let run = if set("GITHUB_ACTIONS") {
        let tagged = get("GITHUB_REF_TYPE").as_deref() == Some("tag");
        let repository = get("GITHUB_REPOSITORY");
        let run_id = get("GITHUB_RUN_ID");
        let server = get("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
        CiRun {
            system: "github-actions",
            commit: get("GITHUB_SHA"),
            // On a pull request the ref is `N/merge`; the source branch (GITHUB_HEAD_REF) is named by
            // the PR's author, so it is recorded nowhere a rule could route by it.
            branch: get("GITHUB_REF_NAME").filter(|_| !tagged),
            tag: get("GITHUB_REF_NAME").filter(|_| tagged),
            run_url: repository.as_ref().zip(run_id.as_ref()).map(|(r, id)| format!("{server}/{r}/actions/runs/{id}")),
            repository,
            run_id,
            actor: get("GITHUB_ACTOR"),
        }
    } else if set("GITLAB_CI") {
        CiRun {
            system: "gitlab",
            commit: get("CI_COMMIT_SHA"),
            branch: get("CI_COMMIT_BRANCH")
                .or_else(|| get("CI_COMMIT_REF_NAME").filter(|_| get("CI_COMMIT_TAG").is_none())),
            tag: get("CI_COMMIT_TAG"),
            // Never CI_REPOSITORY_URL: it carries the job's token.
            repository: get("CI_PROJECT_PATH"),
            run_id: get("CI_PIPELINE_ID"),
            run_url: get("CI_PIPELINE_URL").or_else(|| get("CI_JOB_URL")),
            actor: get("GITLAB_USER_LOGIN"),
        }
    } else if get("JENKINS_URL").is_some() || get("JENKINS_HOME").is_some() {
        // With the git plugin: GIT_COMMIT, GIT_BRANCH (origin/main), GIT_URL; multibranch adds
        // BRANCH_NAME and TAG_NAME. The build-user-vars plugin names who started it.
        let branch = get("BRANCH_NAME").or_else(|| get("GIT_BRANCH").map(|b| strip_remote(&b)));
        let tag = get("TAG_NAME");
        CiRun {
            system: "jenkins",
            commit: get("GIT_COMMIT"),
            branch: branch.filter(|b| tag.as_deref() != Some(b.as_str())),
            tag,
            repository: get("GIT_URL").map(|u| without_userinfo(&u)).or_else(|| get("JOB_NAME")),
            run_id: get("BUILD_TAG").or_else(|| get("BUILD_NUMBER")),
            run_url: get("BUILD_URL"),
            actor: get("BUILD_USER_ID"),
        }
    } else if set("CIRCLECI") {
        let repository = get("CIRCLE_PROJECT_USERNAME")
            .zip(get("CIRCLE_PROJECT_REPONAME"))
            .map(|(owner, name)| format!("{owner}/{name}"))
            .or_else(|| get("CIRCLE_REPOSITORY_URL").map(|u| without_userinfo(&u)));
        CiRun {
            system: "circleci",
            commit: get("CIRCLE_SHA1"),
            branch: get("CIRCLE_BRANCH"),
            tag: get("CIRCLE_TAG"),
            repository,
            run_id: get("CIRCLE_WORKFLOW_JOB_ID").or_else(|| get("CIRCLE_BUILD_NUM")),
            run_url: get("CIRCLE_BUILD_URL"),
            actor: get("CIRCLE_USERNAME"),
        }
    } else if get("CODEBUILD_BUILD_ID").is_some() {
        let (branch, tag) = branch_ref(get("CODEBUILD_WEBHOOK_HEAD_REF"));
        CiRun {
            system: "codebuild",
            commit: get("CODEBUILD_RESOLVED_SOURCE_VERSION").or_else(|| get("CODEBUILD_SOURCE_VERSION")),
            branch,
            tag,
            repository: get("CODEBUILD_SOURCE_REPO_URL").map(|u| without_userinfo(&u)),
            run_id: get("CODEBUILD_BUILD_ID"),
            run_url: get("CODEBUILD_BUILD_URL"),
            // The IAM user, `codepipeline/NAME`, or `GitHub-Hookshot/...`: who or what started it.
            actor: get("CODEBUILD_INITIATOR"),
        }
    } else if get("BITBUCKET_BUILD_NUMBER").is_some() {
        let repository = get("BITBUCKET_REPO_FULL_NAME");
        let number = get("BITBUCKET_BUILD_NUMBER");
        CiRun {
            system: "bitbucket",
            commit: get("BITBUCKET_COMMIT"),
            branch: get("BITBUCKET_BRANCH"),
            tag: get("BITBUCKET_TAG"),
            run_url: repository
                .as_ref()
                .zip(number.as_ref())
                .map(|(r, n)| format!("https://bitbucket.org/{r}/pipelines/results/{n}")),
            repository,
            run_id: number,
            // Bitbucket names the person only by an account UUID.
            actor: get("BITBUCKET_STEP_TRIGGERER_UUID"),
        }
    } else if set("TF_BUILD") {
        let (branch, tag) = branch_ref(get("BUILD_SOURCEBRANCH"));
        let run_id = get("BUILD_BUILDID");
        let run_url = get("SYSTEM_COLLECTIONURI")
            .zip(get("SYSTEM_TEAMPROJECT"))
            .zip(run_id.as_ref())
            .map(|((uri, project), id)| format!("{}/{project}/_build/results?buildId={id}", uri.trim_end_matches('/')));
        CiRun {
            system: "azure-pipelines",
            commit: get("BUILD_SOURCEVERSION"),
            branch,
            tag,
            repository: get("BUILD_REPOSITORY_NAME"),
            run_id,
            run_url,
            actor: get("BUILD_REQUESTEDFOREMAIL").or_else(|| get("BUILD_REQUESTEDFOR")),
        }
    } else if set("BUILDKITE") {
        let tag = get("BUILDKITE_TAG");
        CiRun {
            system: "buildkite",
            commit: get("BUILDKITE_COMMIT"),
            branch: get("BUILDKITE_BRANCH").filter(|b| tag.as_deref() != Some(b.as_str())),
            tag,
            repository: get("BUILDKITE_REPO").map(|u| without_userinfo(&u)),
            run_id: get("BUILDKITE_BUILD_ID"),
            run_url: get("BUILDKITE_BUILD_URL"),
            actor: get("BUILDKITE_BUILD_CREATOR_EMAIL").or_else(|| get("BUILDKITE_BUILD_CREATOR")),
        }
    } else {
        return None;
    };
    Some(run)
}

/// A git ref as a branch or a tag: `refs/tags/v1` is tag `v1`, `refs/heads/main` branch `main`.
fn branch_ref(r: Option<String>) -> (Option<String>, Option<String>) {
    match r {
        Some(r) if r.starts_with("refs/tags/") => (None, Some(r["refs/tags/".len()..].to_owned())),
        Some(r) => (Some(r.strip_prefix("refs/heads/").unwrap_or(&r).to_owned()), None),
        None => (None, None),
    }
}

/// `origin/main` as `main`: Jenkins' git plugin names the remote.
fn strip_remote(branch: &str) -> String {
    branch.strip_prefix("origin/").or_else(|| branch.strip_prefix("refs/heads/")).unwrap_or(branch).to_owned()
}

/// A repository URL without a user or token in it (`https://user:token@host/x` -> `https://host/x`).
fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let host_start = rest.find('/').unwrap_or(rest.len());
    match rest[..host_start].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(vars: &[(&str, &str)]) -> Option<CiRun> {
        let vars: BTreeMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        detect(&|name| vars.get(name).cloned())
    }

    #[test]
    fn nothing_outside_a_ci() {
        assert_eq!(from(&[("HOME", "/root"), ("GITHUB_ACTIONS", "false")]), None);
    }

    #[test]
    fn a_token_in_a_repository_url_is_never_kept() {
        assert_eq!(
            without_userinfo("https://gitlab-ci-token:glcbt-x@gitlab.com/a/b.git"),
            "https://gitlab.com/a/b.git"
        );
        assert_eq!(without_userinfo("git@github.com:a/b.git"), "git@github.com:a/b.git");
        assert_eq!(without_userinfo("https://github.com/a/b@c"), "https://github.com/a/b@c");
        let run = from(&[("JENKINS_URL", "https://ci/"), ("GIT_URL", "https://bot:s3cr3t@git.example.com/a/b.git")]);
        assert_eq!(run.unwrap().repository.as_deref(), Some("https://git.example.com/a/b.git"));
    }

    #[test]
    fn a_tag_build_is_a_tag_not_a_branch() {
        let run =
            from(&[("GITHUB_ACTIONS", "true"), ("GITHUB_REF_TYPE", "tag"), ("GITHUB_REF_NAME", "v1.2.0")]).unwrap();
        assert_eq!((run.branch, run.tag.as_deref()), (None, Some("v1.2.0")));
        let run = from(&[("CODEBUILD_BUILD_ID", "p:1"), ("CODEBUILD_WEBHOOK_HEAD_REF", "refs/tags/v2")]).unwrap();
        assert_eq!((run.branch, run.tag.as_deref()), (None, Some("v2")));
        let run = from(&[("TF_BUILD", "True"), ("BUILD_SOURCEBRANCH", "refs/heads/feature/x")]).unwrap();
        assert_eq!((run.branch.as_deref(), run.tag), (Some("feature/x"), None));
    }
}
