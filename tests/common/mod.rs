//! What the integration tests share: where their snapshots go and how they are filtered.
//!
//! Every file-backed snapshot lives in the top-level `snapshots/`, named by the test's own
//! name without its module (each test file prefixes its names: `cli_`, `diff_`, ...), so
//! that a reviewer finds them all in one place. A temporary path is filtered out in case a
//! message ever prints one: no test should, but the snapshot stays stable if one does.
//! Each test file includes this module with `mod common;`.

/// The settings every snapshot test starts from; add filters on top and `bind`.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[TMP]");
    settings
}

/// Runs `body` with [`settings`].
// Not every test file takes snapshots through this (diff.rs adds filters first); the ones
// that do not would see it as dead code.
#[allow(dead_code)]
pub fn snapshots(body: impl FnOnce()) {
    settings().bind(body);
}
