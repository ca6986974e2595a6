//! `errcat check --fix`: every mechanical fix the checks offer (a misspelt
//! key, policy, category or value with one close name) applied to the
//! catalog files, each written whole or not at all, before the check runs.

use std::collections::BTreeMap;

use crate::Sources;
use crate::cli::output::{EXIT_FAILURE, Failure};
use crate::cli::project::Project;
use crate::diagnostics::Fix;

/// Fixing may reveal a problem the fixed one hid (a key read at last, with
/// a misspelt value): a few rounds settle it, and a bound ends a loop.
const ROUNDS: usize = 4;

/// What `--fix` did.
pub struct Fixed {
    /// Fixes applied.
    pub count: usize,
    /// The files they changed, as shown in diagnostics.
    pub files: Vec<String>,
}

impl Fixed {
    /// One line for people.
    pub fn summary(&self) -> String {
        format!(
            "fixed {} in {}",
            super::count(self.count, "problem"),
            self.files.join(", ")
        )
    }
}

/// Applies the fixes of the catalog's problems until none is left to apply.
pub fn run(project: &Project) -> Result<Fixed, Failure> {
    let mut fixed = Fixed {
        count: 0,
        files: Vec::new(),
    };
    let display = project.catalog.display().to_string();
    for _ in 0..ROUNDS {
        let Ok(sources) = Sources::read_dir(&project.catalog, &display) else {
            // The check that follows reports why the folder cannot be read.
            break;
        };
        let report = match crate::compile(&sources) {
            Ok(compiled) => compiled.warnings,
            Err(report) => report,
        };
        let mut by_file: BTreeMap<usize, Vec<&Fix>> = BTreeMap::new();
        for fix in report.diagnostics().iter().filter_map(|d| d.fix.as_ref()) {
            by_file.entry(fix.file.0).or_default().push(fix);
        }
        let mut applied_now = 0;
        for (id, fixes) in by_file {
            let file = &sources.files()[id];
            let (text, applied) = Fix::apply_all(&file.text, fixes);
            // A renamed key that now repeats one in its table would turn a
            // problem into a file that no longer parses: leave it for a
            // person.
            let still_parses = |t: &str| t.parse::<toml::Table>().is_ok();
            if applied == 0 || (still_parses(&file.text) && !still_parses(&text)) {
                continue;
            }
            let path = project.catalog.join(&file.name);
            // Sources read text with `\n` line ends and no byte-order mark;
            // the file keeps its own. A file edited since it was read is
            // left alone: the next round, or the next run, reads it again.
            let Ok(on_disk) = std::fs::read_to_string(&path) else {
                continue;
            };
            let bom = on_disk.starts_with('\u{feff}');
            let crlf = on_disk.contains("\r\n");
            let as_read = on_disk.trim_start_matches('\u{feff}').replace("\r\n", "\n");
            if as_read != file.text {
                continue;
            }
            let mut text = if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            };
            if bom {
                text.insert(0, '\u{feff}');
            }
            crate::write::write_if_changed(&path, &text).map_err(|e| {
                Failure::new(
                    EXIT_FAILURE,
                    "io_error",
                    format!("cannot write `{}`: {e}", path.display()),
                )
            })?;
            applied_now += applied;
            if !fixed.files.contains(&file.display) {
                fixed.files.push(file.display.clone());
            }
        }
        fixed.count += applied_now;
        if applied_now == 0 {
            break;
        }
    }
    Ok(fixed)
}
