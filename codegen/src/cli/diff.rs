//! `errcat diff --against <REV | DIR | LOCKFILE>`: every change between the
//! last release as of an older state (the lock at a git revision or in a
//! folder, or a lock file) and the current catalog, classified breaking,
//! warning or info, with the version the changes need. Exits 1 on breaking
//! changes, so `errcat diff --against origin/main` guards a pull request.
//! Codes that older state had not released yet are free: across any number
//! of commits inside one unreleased version, an added code is added.

use std::path::Path;
use std::process::Command;

use crate::history::lock::{LOCK_FILE, Lock};
use crate::history::{self, Change, Level, Snapshot, version};
use crate::source::{CATALOG_TOML, FileId};
use crate::{Sources, compile_without_history};
use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};
use crate::cli::project::Project;

pub fn run(project: &Project, against: &str) -> Result<Output, Failure> {
    let old = old_snapshot(project, against)?;
    let display = project.catalog.display().to_string();
    let new = snapshot(read(&project.catalog, &display)?, "the catalog")?;
    let changes = crate::diagnostics::compare(&old, &new);
    Ok(render(against, &old, &new, &changes))
}

/// The state to compare with: a lock file, a catalog folder, or the
/// project's catalog at a git revision.
fn old_snapshot(project: &Project, against: &str) -> Result<Snapshot, Failure> {
    let path = Path::new(against);
    // A bare word that git knows (`HEAD`, `main`) is a revision, even when a
    // file of that name happens to sit here; `./HEAD` names the file.
    let looks_like_path = against.contains('/') || against.ends_with(".lock");
    if path.is_file() && (looks_like_path || !is_revision(&project.catalog, against)) {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::new(
                EXIT_FAILURE,
                "io_error",
                format!("cannot read `{against}`: {e}"),
            )
        })?;
        return Lock::parse(FileId(0), &text)
            .map(|lock| lock.snapshot)
            .map_err(|(message, _)| {
                Failure::new(
                    EXIT_FAILURE,
                    "bad_lock",
                    format!("`{against}` is not an errcat lock file: {message}"),
                )
                .file(against)
            });
    }
    if path.is_dir() {
        let dir = [path.to_path_buf(), path.join("catalog")]
            .into_iter()
            .find(|d| d.join(CATALOG_TOML).is_file())
            .ok_or_else(|| {
                Failure::new(
                    EXIT_NOT_FOUND,
                    "catalog_not_found",
                    format!("`{against}` holds no catalog.toml (nor catalog/catalog.toml)"),
                )
            })?;
        return released(&read(&dir, &dir.display().to_string())?, against);
    }
    released(&at_revision(&project.catalog, against)?, against)
}

/// The last release recorded among `sources`: their lock; with no lock,
/// nothing was released there.
fn released(sources: &Sources, what: &str) -> Result<Snapshot, Failure> {
    let Some(lock) = sources.files().iter().position(|f| f.name == LOCK_FILE) else {
        return Ok(Snapshot::default());
    };
    Lock::parse(FileId(lock), &sources.files()[lock].text)
        .map(|lock| lock.snapshot)
        .map_err(|(message, _)| {
            Failure::new(
                EXIT_FAILURE,
                "bad_lock",
                format!("the lock of {what} is not an errcat lock: {message}"),
            )
        })
}

fn read(dir: &Path, display: &str) -> Result<Sources, Failure> {
    Sources::read_dir(dir, display).map_err(|e| {
        Failure::new(
            EXIT_FAILURE,
            "io_error",
            format!("cannot read `{display}`: {}", e.error),
        )
    })
}

fn snapshot(sources: Sources, what: &str) -> Result<Snapshot, Failure> {
    match compile_without_history(&sources) {
        Ok(compiled) => Ok(Snapshot::of(&compiled.model)),
        Err(report) => Err(Failure {
            report: Some(Box::new(report)),
            ..Failure::new(
                EXIT_FAILURE,
                "invalid_catalog",
                format!("{what} does not compile, so there is nothing to compare"),
            )
        }),
    }
}

/// The catalog folder's files as they were at `rev`, read with `git show`.
fn at_revision(catalog: &Path, rev: &str) -> Result<Sources, Failure> {
    let not_a_rev = |detail: String| {
        Failure::new(
            EXIT_NOT_FOUND,
            "revision_not_found",
            format!("`{rev}` is not a file, a folder or a git revision of this repository"),
        )
        .hint(detail)
    };
    let commit = git(
        catalog,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(not_a_rev)?;
    let commit = commit.trim();
    let prefix = git(catalog, &["rev-parse", "--show-prefix"]).map_err(not_a_rev)?;
    let prefix = prefix.trim();
    // From the top: ls-tree lists only what is below the folder it runs in.
    let top = git(catalog, &["rev-parse", "--show-toplevel"]).map_err(not_a_rev)?;
    let top = Path::new(top.trim());
    let listing = git(
        top,
        &["ls-tree", "--name-only", &format!("{commit}:{prefix}")],
    )
    .map_err(|_| {
        Failure::new(
            EXIT_NOT_FOUND,
            "catalog_not_found",
            format!("the catalog folder `{prefix}` does not exist at `{rev}`"),
        )
    })?;
    let mut files = Vec::new();
    for name in listing.lines() {
        if !(name.ends_with(".toml") || name == LOCK_FILE) {
            continue;
        }
        let text = git(top, &["show", &format!("{commit}:{prefix}{name}")])
            .map_err(|e| Failure::new(EXIT_FAILURE, "git_failed", e))?;
        files.push((name.to_string(), text));
    }
    let display = format!("{rev}:{}", prefix.trim_end_matches('/'));
    Ok(Sources::from_memory(&display, files))
}

/// Whether git resolves `rev` to a commit in the catalog's repository.
fn is_revision(catalog: &Path, rev: &str) -> bool {
    git(
        catalog,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .is_ok()
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(if stderr.is_empty() {
            format!("git {} failed", args.join(" "))
        } else {
            stderr
        });
    }
    String::from_utf8(out.stdout).map_err(|_| "git printed text that is not UTF-8".into())
}

fn render(against: &str, old: &Snapshot, new: &Snapshot, changes: &[Change]) -> Output {
    let count = |level| changes.iter().filter(|c| c.level == level).count();
    let (breaking, warnings, info) = (
        count(Level::Breaking),
        count(Level::Warning),
        count(Level::Info),
    );
    let needed = version::needed(changes);
    let suggested = history::suggest_version(old.version.as_deref(), changes);
    let version = |v: &Option<String>| v.clone().unwrap_or_else(|| "unversioned".into());
    let old_label = if old.codes.is_empty() && old.version.is_none() {
        "nothing released".to_string()
    } else {
        version(&old.version)
    };

    let mut text = format!(
        "{} {old_label} ({against}) → {} (the catalog)\n\n",
        new.name,
        version(&new.version)
    );
    let name_width = changes
        .iter()
        .map(|c| c.name.len())
        .max()
        .unwrap_or(0)
        .max(4);
    for change in changes {
        let values = match (&change.old, &change.new) {
            (Some(o), Some(n)) => format!(" ({o} → {n})"),
            _ => String::new(),
        };
        text.push_str(&format!(
            "  {:<8}  {:<5}  {:<name_width$}  {}{values}\n",
            change.level.as_str(),
            change.rule.map(|r| r.as_str()).unwrap_or(""),
            if change.name.is_empty() {
                "-"
            } else {
                &change.name
            },
            change.message,
        ));
    }
    if changes.is_empty() {
        text.push_str("  no changes\n");
    }
    text.push_str(&format!(
        "\n{breaking} breaking, {warnings} warning, {info} info. "
    ));
    match (&suggested, needed) {
        (_, version::Bump::None) => text.push_str("Nothing to release.\n"),
        (Some(next), _) => {
            text.push_str(&format!(
                "These changes need version {next} (a {} release after {}).",
                needed.as_str(),
                version(&old.version)
            ));
            let enough = version::bump(old.version.as_deref(), new.version.as_deref())
                .is_some_and(|b| b >= needed);
            if !enough && new.version.is_some() {
                text.push_str(&format!(" The catalog says {}.", version(&new.version)));
            }
            text.push('\n');
        }
        (None, _) => text.push_str(&format!(
            "These changes need a {} release.\n",
            needed.as_str()
        )),
    }
    let json = json!({
        "against": against,
        "old_version": old.version,
        "new_version": new.version,
        "needed": needed.as_str(),
        "suggested_version": suggested,
        "breaking": breaking,
        "warnings": warnings,
        "info": info,
        "changes": changes.iter().map(|c| json!({
            "level": c.level.as_str(),
            "rule": c.rule.map(|r| r.as_str()),
            "code": c.name,
            "key": c.key,
            "message": c.message,
            "old": c.old,
            "new": c.new,
            "help": c.help,
        })).collect::<Vec<_>>(),
    });
    Output {
        text,
        json,
        exit: if breaking > 0 { EXIT_FAILURE } else { 0 },
    }
}
