//! Whole documents compared with reviewed snapshots (`tests/cli/snapshots/`).
//! What changes from run to run is named, not ignored: each known digest by
//! what it is, the registry's port, times and durations.

use insta::Settings;

/// Snapshot settings that name `digests` (digest, what it is) and blank what varies.
pub fn settings(digests: &[(&str, &str)]) -> Settings {
    let mut settings = Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for (digest, name) in digests {
        // A digest holds no character a regex treats specially.
        assert!(digest.starts_with("sha256:") && digest[7..].chars().all(|c| c.is_ascii_hexdigit()), "{digest}");
        settings.add_filter(digest, format!("[{name}]"));
        // Tables show digests short: sha256 and 12 hex digits.
        settings.add_filter(&digest[..7 + 12], format!("[{name}, short]"));
    }
    settings.add_filter(r"sha256:[0-9a-f]{64}", "[other digest]");
    // The tests' registries listen on free (five-digit) ports; 127.0.0.1:5000 in a message is the message's own example.
    settings.add_filter(r"127\.0\.0\.1:\d{5}", "[registry]");
    settings.add_filter(r"/tmp/\.tmp\w+", "[tmp]");
    settings.add_filter(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?( UTC)?", "[time]");
    settings.add_filter(r#""(elapsed_ms|bytes_per_second|seconds)": [0-9.]+"#, r#""$1": [measured]"#);
    settings.add_filter(r"\b\d+(\.\d+)?(ms|s|m|h|d) ago\b", "[age]");
    settings
}
