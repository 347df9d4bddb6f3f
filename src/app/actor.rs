//! Who a change is recorded as, in embedded mode: `FACETCTL_ACTOR`, else who
//! started the CI run (as the CI system names them: GitHub's actor, GitLab's
//! login, CodeBuild's initiator, Jenkins' user when a plugin says...), else the
//! OS user. (A server records the authenticated user instead, never a name the
//! client sends.)

pub fn resolve() -> String {
    std::env::var("FACETCTL_ACTOR")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| super::ci::current().and_then(|run| run.actor))
        .or_else(os_user)
        .unwrap_or_else(|| "unknown".into())
}

fn os_user() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .or_else(user_from_passwd)
}

/// The name of this process's uid in /etc/passwd, for shells that set no USER (CI containers).
#[cfg(unix)]
fn user_from_passwd() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_owned())
    })
}

#[cfg(not(unix))]
fn user_from_passwd() -> Option<String> {
    None
}
