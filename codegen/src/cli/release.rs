//! `errcat release`: the one step that publishes. It compares the catalog
//! with its last release (the lock), picks the version the changes need
//! (or checks the one given), writes it into catalog.toml, regenerates the
//! outputs (which now say `since` that version), and records the lock.
//! Until then, `generate`, `--watch`, `new` and build scripts leave the lock
//! alone, so codes added since the last release stay free to change.

use serde_json::json;
use toml_edit::value;

use crate::cli::edit::Edit;
use crate::cli::output::{EXIT_FAILURE, Failure, Output};
use crate::cli::project::Project;
use crate::history::lock::{LOCK_FILE, Lock};
use crate::history::version::{self, Bump, Version};
use crate::history::{Change, Snapshot};
use crate::source::{CATALOG_TOML, FileId};
use crate::{Model, generated_files, lock_path, lock_text, write};

/// Codes the last release did not publish (added since), by name.
pub fn unreleased(model: &Model) -> Vec<&str> {
    model
        .codes
        .iter()
        .filter(|c| !c.history.released)
        .map(|c| c.name.as_str())
        .collect()
}

pub fn run(
    model: &Model,
    project: &Project,
    wanted: Option<&str>,
    dry_run: bool,
) -> Result<Output, Failure> {
    let old = last_release(project)?;
    let before = old.clone().unwrap_or_default();
    let after = Snapshot::of(model);
    let changes = crate::diagnostics::compare(&before, &after);
    let needed = version::needed(&changes);
    let released = old.as_ref().and_then(|s| s.version.clone());
    let current = model.meta.version.clone();

    if old.is_some() && needed == Bump::None && current == released && wanted.is_none() {
        return Ok(Output {
            text: format!(
                "nothing to release: the catalog is as {} recorded it\n",
                released.as_deref().unwrap_or("the last release")
            ),
            json: json!({ "released": null, "changes": 0 }),
            exit: 0,
        });
    }
    let target = target_version(
        released.as_deref(),
        current.as_deref(),
        wanted,
        needed,
        old.is_some(),
    )?;

    // The version goes into catalog.toml first (in memory), so the outputs
    // and the lock are made from the catalog as released.
    let mut edit = Edit::new(project);
    if target != current
        && let Some(target) = &target
    {
        let doc = edit.file(CATALOG_TOML)?;
        let meta = doc
            .entry("catalog")
            .or_insert(toml_edit::table())
            .as_table_like_mut()
            .ok_or_else(|| {
                Failure::new(
                    EXIT_FAILURE,
                    "not_editable",
                    "`catalog` in catalog.toml is not a table",
                )
            })?;
        meta.insert("version", value(target.as_str()));
    }
    let compiled = edit.compile()?;
    let model = &compiled.model;
    let files = generated_files(model, &project.generate_command());
    let lock = lock_text(model);
    let (summary, added) = summarize(&before, &after, &changes);

    let mut text = format!(
        "{} {}{}: {}\n",
        if dry_run { "would release" } else { "released" },
        model.meta.name,
        target
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default(),
        summary,
    );
    if let (Some(before), Some(after)) = (&released, &target)
        && needed > Bump::None
    {
        text.push_str(&format!(
            "  a {} release after {before}{}\n",
            version::bump(Some(before), Some(after))
                .unwrap_or(needed)
                .as_str(),
            if needed == Bump::Major {
                " (breaking changes)"
            } else {
                ""
            }
        ));
    }
    let lock_file = lock_path(&project.catalog);
    if old.is_none() {
        text.push_str(&format!(
            "no {} yet: this is the first release{}\n",
            lock_file.display(),
            if model.retired.is_empty() {
                ""
            } else {
                " (the catalog has tombstones: if a lock existed, restore it from git instead)"
            }
        ));
    }
    if dry_run {
        text.push_str("nothing was written (--dry-run)\n");
    } else {
        edit.write()?;
        if target != current {
            text.push_str(&format!(
                "updated {} (version = \"{}\")\n",
                project.catalog.join(CATALOG_TOML).display(),
                target.as_deref().unwrap_or_default()
            ));
        }
        let changed = write::write_all(&project.generated, &files).map_err(|e| {
            Failure::new(EXIT_FAILURE, "io_error", e.to_string())
                .file(e.path.display().to_string())
                .hint(format!(
                    "the lock was not written; run `{}` again once the folder is writable",
                    project.hint("release")
                ))
        })?;
        if !changed.is_empty() {
            text.push_str(&format!(
                "updated {} file{} under {}\n",
                changed.len(),
                if changed.len() == 1 { "" } else { "s" },
                project.generated.display()
            ));
        }
        write::write_if_changed(&lock_file, &lock).map_err(|e| {
            Failure::new(EXIT_FAILURE, "io_error", e.to_string())
                .file(lock_file.display().to_string())
        })?;
        text.push_str(&format!("recorded {}\n", lock_file.display()));
        text.push_str(&match &target {
            Some(v) => format!("next: commit these files and tag the release (`git tag v{v}`)\n"),
            None => "next: commit these files\n".to_string(),
        });
    }
    Ok(Output {
        text,
        json: json!({
            "released": target,
            "previous": released,
            "needed": needed.as_str(),
            "dry_run": dry_run,
            "changes": changes.len(),
            "added": added,
        }),
        exit: 0,
    })
}

/// A lock larger than this is not one (20,000 codes make about 8 MB).
const MAX_LOCK_BYTES: u64 = 256 << 20;

/// The lock's snapshot: the last release, `None` before the first.
fn last_release(project: &Project) -> Result<Option<Snapshot>, Failure> {
    let path = project.catalog.join(LOCK_FILE);
    // Only a regular file of a lock's size is read: a FIFO would hang, and
    // a link to /dev/zero would never end.
    match std::fs::metadata(&path) {
        Ok(m) if !m.is_file() || m.len() > MAX_LOCK_BYTES => {
            return Err(Failure::new(
                EXIT_FAILURE,
                "bad_lock",
                format!(
                    "`{}` is not a lock file: {}",
                    path.display(),
                    if m.is_file() { "it is larger than any lock" } else { "it is not a regular file" }
                ),
            )
            .file(path.display().to_string())
            .hint("restore it from the last release, e.g. `git checkout v1.2.0 -- catalog/errcat.lock`"));
        }
        _ => {}
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => Lock::parse(FileId(0), text.trim_start_matches('\u{feff}'))
            .map(|l| Some(l.snapshot))
            .map_err(|(message, _)| {
                Failure::new(
                    EXIT_FAILURE,
                    "bad_lock",
                    format!("`{}` is not an errcat lock: {message}", path.display()),
                )
                .file(path.display().to_string())
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::new(
            EXIT_FAILURE,
            "io_error",
            format!("cannot read `{}`: {e}", path.display()),
        )
        .file(path.display().to_string())),
    }
}

/// The version to release: the one asked for, else the catalog's when it
/// already moved past the last release, else the next the changes need.
fn target_version(
    released: Option<&str>,
    current: Option<&str>,
    wanted: Option<&str>,
    needed: Bump,
    has_release: bool,
) -> Result<Option<String>, Failure> {
    let invalid = |message: String| Failure::new(EXIT_FAILURE, "bad_version", message);
    if let Some(wanted) = wanted {
        let semver = released.is_none_or(|r| Version::parse(r).is_some());
        let Some(parsed) = Version::parse(wanted) else {
            // A catalog versioned otherwise (`2024-06`) releases what it says.
            if semver {
                return Err(invalid(format!(
                    "`{wanted}` is not a version (major.minor.patch, e.g. 1.2.0)"
                )));
            }
            return Ok(Some(wanted.to_string()));
        };
        if let Some(released) = released.and_then(Version::parse) {
            let bump = released.bump_to(parsed);
            if bump.is_none_or(|b| b == Bump::None) {
                return Err(invalid(format!(
                    "{wanted} is not after the last release, {released}"
                ))
                .hint(format!(
                    "release {} or later",
                    released.next(needed.max(Bump::Patch))
                )));
            }
            if bump.is_some_and(|b| b < needed) {
                return Err(invalid(format!(
                    "these changes need a {} release after {released}, not {wanted}",
                    needed.as_str()
                ))
                .hint(format!("release {}", released.next(needed))));
            }
        }
        return Ok(Some(wanted.to_string()));
    }
    if !has_release || current != released {
        // The first release, or a version the user set (check has held it
        // to the changes already).
        return Ok(current.map(str::to_string));
    }
    match released {
        None => Ok(None),
        Some(text) => match Version::parse(text) {
            Some(v) => Ok(Some(v.next(needed.max(Bump::Patch)).to_string())),
            None => Err(invalid(format!(
                "the released version `{text}` is not major.minor.patch, so errcat cannot pick the next one"
            ))
            .hint("say which version this release is: `--version <VERSION>`")),
        },
    }
}

/// `2 codes added, 1 code deprecated, 3 other changes`: what a release
/// publishes, from the two snapshots; other changes are every change the
/// history rules list about codes that were already released.
fn summarize(old: &Snapshot, new: &Snapshot, changes: &[Change]) -> (String, Vec<String>) {
    use crate::history::Lifecycle;
    let added: Vec<String> = new
        .live()
        .filter(|(name, _)| !old.codes.contains_key(*name))
        .map(|(name, _)| name.clone())
        .collect();
    let became = |lifecycle: Lifecycle| {
        new.codes
            .iter()
            .filter(|(name, r)| {
                r.lifecycle == lifecycle
                    && old
                        .codes
                        .get(*name)
                        .is_some_and(|o| o.lifecycle != lifecycle)
            })
            .count()
    };
    let (deprecated, retired) = (became(Lifecycle::Deprecated), became(Lifecycle::Retired));
    let other = changes
        .iter()
        .filter(|c| {
            old.codes.get(&c.name).is_some_and(|o| {
                new.codes
                    .get(&c.name)
                    .is_some_and(|n| n.lifecycle == o.lifecycle)
            })
        })
        .count();
    let parts: Vec<String> = [
        (added.len(), "added"),
        (deprecated, "deprecated"),
        (retired, "retired"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{} {what}", super::count(n, "code")))
    .chain((other > 0).then(|| format!("{} to released codes", super::count(other, "change"))))
    .collect();
    let text = if parts.is_empty() {
        "no changes".into()
    } else {
        parts.join(", ")
    };
    (text, added)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(
        released: Option<&str>,
        current: Option<&str>,
        wanted: Option<&str>,
        needed: Bump,
    ) -> Result<Option<String>, String> {
        target_version(
            released,
            current,
            wanted,
            needed,
            released.is_some() || current == released,
        )
        .map_err(|f| f.message)
    }

    #[test]
    fn the_version_is_picked_or_checked() {
        // Still at the released version: the next one the changes need.
        assert_eq!(
            target(Some("1.2.3"), Some("1.2.3"), None, Bump::Minor),
            Ok(Some("1.3.0".into()))
        );
        assert_eq!(
            target(Some("1.2.3"), Some("1.2.3"), None, Bump::None),
            Ok(Some("1.2.4".into()))
        );
        // A version the user set is kept (check held it to the changes).
        assert_eq!(
            target(Some("1.2.3"), Some("2.0.0"), None, Bump::Minor),
            Ok(Some("2.0.0".into()))
        );
        // Asked for: checked.
        assert_eq!(
            target(Some("1.2.3"), Some("1.2.3"), Some("1.4.0"), Bump::Minor),
            Ok(Some("1.4.0".into()))
        );
        assert!(
            target(Some("1.2.3"), Some("1.2.3"), Some("1.2.4"), Bump::Minor)
                .unwrap_err()
                .contains("need a minor release")
        );
        assert!(
            target(Some("1.2.3"), Some("1.2.3"), Some("1.2.3"), Bump::Patch)
                .unwrap_err()
                .contains("not after the last release")
        );
        assert!(target(Some("1.2.3"), Some("1.2.3"), Some("one"), Bump::Patch).is_err());
        // A catalog versioned otherwise says which version it releases.
        assert!(
            target(Some("2024-06"), Some("2024-06"), None, Bump::Minor)
                .unwrap_err()
                .contains("not major.minor.patch")
        );
        assert_eq!(
            target(
                Some("2024-06"),
                Some("2024-06"),
                Some("2024-07"),
                Bump::Minor
            ),
            Ok(Some("2024-07".into()))
        );
    }

    #[test]
    fn a_first_release_is_the_catalogs_version() {
        assert_eq!(
            target_version(None, Some("0.1.0"), None, Bump::Minor, false)
                .ok()
                .flatten(),
            Some("0.1.0".into())
        );
        assert_eq!(
            target_version(None, None, None, Bump::Minor, false)
                .ok()
                .flatten(),
            None
        );
    }
}
