//! `errcat generate --watch`: regenerate whenever a catalog file is saved.
//! Saves are debounced (an editor writes a file in several steps), each run
//! is reported as `generate` reports it, and a bad edit is reported and
//! waited out rather than ending the watch.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::cli::output::{EXIT_FAILURE, Failure, Output};
use crate::cli::project::Project;

/// How long the catalog must be quiet after a change before a run starts.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Runs `generate` now and after every change, printing each outcome with
/// `report`, until the watcher fails.
pub fn run(
    project: &Project,
    generate: &dyn Fn() -> Result<Output, Failure>,
    report: &dyn Fn(Result<Output, Failure>) -> u8,
) -> Result<Output, Failure> {
    let catalog = std::path::absolute(&project.catalog).unwrap_or_else(|_| project.catalog.clone());
    let parent = catalog.parent().map(Path::to_path_buf);
    let (sender, changes) = mpsc::channel();
    let inside = catalog.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // The folder's own events, and its parent's about the folder: an
        // editor or `git checkout` may replace the folder itself.
        if event
            .is_ok_and(|e| !e.kind.is_access() && e.paths.iter().any(|p| p.starts_with(&inside)))
        {
            let _ = sender.send(());
        }
    })
    .map_err(|e| watch_failure(&project.catalog, &e))?;
    watcher
        .watch(&catalog, RecursiveMode::NonRecursive)
        .map_err(|e| watch_failure(&project.catalog, &e))?;
    if let Some(parent) = &parent {
        let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
    }
    eprintln!("watching {} (Ctrl-C to stop)", project.catalog.display());
    loop {
        report(generate());
        // Wait for a change, then for the catalog to be quiet.
        if changes.recv().is_err() {
            break;
        }
        while changes.recv_timeout(DEBOUNCE).is_ok() {}
        // A replaced folder is a new inode: watch whatever is there now.
        let _ = watcher.unwatch(&catalog);
        let _ = watcher.watch(&catalog, RecursiveMode::NonRecursive);
    }
    Err(Failure::new(
        EXIT_FAILURE,
        "watch_failed",
        "the file watcher stopped",
    ))
}

fn watch_failure(catalog: &Path, error: &notify::Error) -> Failure {
    Failure::new(
        EXIT_FAILURE,
        "watch_failed",
        format!("cannot watch `{}`: {error}", catalog.display()),
    )
    .file(catalog.display().to_string())
}
