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
    /// The pull or merge request the run builds, by number: then `branch` is the contributor's.
    pub pull_request: Option<String>,
}

/// The metadata keys a run is recorded under.
pub const KEYS: [&str; 8] =
    ["ci.system", "ci.commit", "ci.branch", "ci.tag", "ci.repository", "ci.run_id", "ci.run_url", "ci.pull_request"];

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
            self.pull_request.clone(),
        ];
        KEYS.iter().zip(values).filter_map(|(k, v)| Some(((*k).to_owned(), v?))).collect()
    }
}

impl CiRun {
    /// What routing rules see as the branch. A pull request's source branch is named by whoever
    /// opened it, so a request routes as `N/merge` (GitHub's own name for it), never by that name.
    pub fn routing_ref(&self) -> Option<String> {
        match &self.pull_request {
            Some(number) => Some(format!("{number}/merge")),
            None => self.branch.clone().or_else(|| self.tag.clone()),
        }
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
        let event = get("GITHUB_EVENT_NAME").unwrap_or_default();
        // pull_request's ref is refs/pull/N/merge; pull_request_target's is the base branch, and
        // the number is only in the event's payload.
        let pull_request = event.starts_with("pull_request").then(|| {
            get("GITHUB_REF")
                .and_then(|r| r.strip_prefix("refs/pull/").and_then(|r| r.split('/').next()).map(str::to_owned))
                .unwrap_or_else(|| "?".into())
        });
        let repository = get("GITHUB_REPOSITORY");
        let run_id = get("GITHUB_RUN_ID");
        let server = get("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
        CiRun {
            system: "github-actions",
            commit: get("GITHUB_SHA"),
            branch: match &pull_request {
                Some(_) => get("GITHUB_HEAD_REF"),
                None => get("GITHUB_REF_NAME").filter(|_| !tagged),
            },
            tag: get("GITHUB_REF_NAME").filter(|_| tagged),
            run_url: repository.as_ref().zip(run_id.as_ref()).map(|(r, id)| format!("{server}/{r}/actions/runs/{id}")),
            repository,
            run_id,
            actor: get("GITHUB_ACTOR"),
            pull_request,
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
            pull_request: get("CI_MERGE_REQUEST_IID"),
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
            // Multibranch: a change request's id (its branch is PR-N).
            pull_request: get("CHANGE_ID"),
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
            pull_request: get("CIRCLE_PR_NUMBER")
                .or_else(|| get("CIRCLE_PULL_REQUEST").and_then(|url| url.rsplit('/').next().map(str::to_owned))),
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
            // A pull request event's source version is `pr/N`.
            pull_request: get("CODEBUILD_WEBHOOK_EVENT").filter(|e| e.starts_with("PULL_REQUEST")).map(|_| {
                get("CODEBUILD_SOURCE_VERSION")
                    .and_then(|v| v.strip_prefix("pr/").map(str::to_owned))
                    .unwrap_or_else(|| "?".into())
            }),
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
            pull_request: get("BITBUCKET_PR_ID"),
        }
    } else if set("TF_BUILD") {
        let (branch, tag) = branch_ref(get("BUILD_SOURCEBRANCH"));
        let run_id = get("BUILD_BUILDID");
        let run_url = get("SYSTEM_COLLECTIONURI").zip(get("SYSTEM_TEAMPROJECT")).zip(run_id.as_ref()).map(
            |((uri, project), id)| {
                format!("{}/{}/_build/results?buildId={id}", uri.trim_end_matches('/'), project.replace(' ', "%20"))
            },
        );
        CiRun {
            system: "azure-pipelines",
            commit: get("BUILD_SOURCEVERSION"),
            branch,
            tag,
            repository: get("BUILD_REPOSITORY_NAME"),
            run_id,
            run_url,
            actor: get("BUILD_REQUESTEDFOREMAIL").or_else(|| get("BUILD_REQUESTEDFOR")),
            pull_request: (get("BUILD_REASON").as_deref() == Some("PullRequest")).then(|| {
                get("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER")
                    .or_else(|| get("SYSTEM_PULLREQUEST_PULLREQUESTID"))
                    .unwrap_or_else(|| "?".into())
            }),
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
            pull_request: get("BUILDKITE_PULL_REQUEST").filter(|p| p != "false"),
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

/// A repository URL without a user, token or query in it (`https://user:token@host/x?private_token=t`
/// -> `https://host/x`).
fn without_userinfo(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or(url);
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
        assert_eq!(without_userinfo("https://host/x.git?private_token=SECRET"), "https://host/x.git");
        let run = from(&[("JENKINS_URL", "https://ci/"), ("GIT_URL", "https://bot:s3cr3t@git.example.com/a/b.git")]);
        assert_eq!(run.unwrap().repository.as_deref(), Some("https://git.example.com/a/b.git"));
    }

    #[test]
    fn a_pull_request_routes_as_its_number_never_by_the_contributors_branch() {
        let runs = [
            from(&[("GITLAB_CI", "true"), ("CI_MERGE_REQUEST_IID", "7"), ("CI_COMMIT_REF_NAME", "main")]),
            from(&[("BITBUCKET_BUILD_NUMBER", "1"), ("BITBUCKET_PR_ID", "7"), ("BITBUCKET_BRANCH", "main")]),
            from(&[
                ("CODEBUILD_BUILD_ID", "p:1"),
                ("CODEBUILD_WEBHOOK_EVENT", "PULL_REQUEST_CREATED"),
                ("CODEBUILD_SOURCE_VERSION", "pr/7"),
                ("CODEBUILD_WEBHOOK_HEAD_REF", "refs/heads/main"),
            ]),
            from(&[
                ("CIRCLECI", "true"),
                ("CIRCLE_PULL_REQUEST", "https://github.com/a/b/pull/7"),
                ("CIRCLE_BRANCH", "main"),
            ]),
            from(&[("BUILDKITE", "true"), ("BUILDKITE_PULL_REQUEST", "7"), ("BUILDKITE_BRANCH", "main")]),
            from(&[("JENKINS_URL", "j"), ("CHANGE_ID", "7"), ("BRANCH_NAME", "PR-7")]),
            from(&[
                ("TF_BUILD", "True"),
                ("BUILD_REASON", "PullRequest"),
                ("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER", "7"),
            ]),
            from(&[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_EVENT_NAME", "pull_request"),
                ("GITHUB_REF", "refs/pull/7/merge"),
            ]),
        ];
        for run in runs {
            let run = run.unwrap();
            assert_eq!((run.system, run.routing_ref().as_deref()), (run.system, Some("7/merge")));
        }
        let target = from(&[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request_target"),
            ("GITHUB_REF_NAME", "main"),
            ("GITHUB_HEAD_REF", "main"),
        ]);
        assert_eq!(target.unwrap().routing_ref().as_deref(), Some("?/merge"));
        let push = from(&[("GITLAB_CI", "true"), ("CI_COMMIT_BRANCH", "main")]).unwrap();
        assert_eq!(push.routing_ref().as_deref(), Some("main"));
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
