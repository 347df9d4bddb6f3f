//! Who a change is recorded as, in embedded mode: `FACETCTL_ACTOR`, else the
//! CI system's user, else the OS user. (A server records the authenticated
//! user instead, never a name the client sends.)

/// CI systems' variables that name the person behind a run, in the order tried.
const CI_USER_VARIABLES: &[&str] = &["GITHUB_ACTOR", "GITLAB_USER_LOGIN", "CIRCLE_USERNAME", "BUILD_USER_ID"];

pub fn resolve() -> String {
    std::iter::once("FACETCTL_ACTOR")
        .chain(CI_USER_VARIABLES.iter().copied())
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
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
