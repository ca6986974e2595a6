//! Where the catalog and the generated folder are: the flags if given,
//! else the nearest folder at or above the current one that has an
//! `errcat.toml` or a `catalog/catalog.toml`, as cargo finds `Cargo.toml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::shell_word;

use crate::cli::output::{EXIT_FAILURE, Failure};

/// The file that marks a project whose folders are not the defaults.
pub const PROJECT_FILE: &str = "errcat.toml";

/// `errcat.toml`: both keys optional, paths relative to the file.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ProjectFile {
    catalog: Option<PathBuf>,
    generated: Option<PathBuf>,
}

/// The folders a command works on, as shown to the user (relative to the
/// current folder where they can be).
pub struct Project {
    pub catalog: PathBuf,
    pub generated: PathBuf,
    /// The flags to repeat in a hint so that it regenerates this project.
    pub flags: String,
}

impl Project {
    pub fn locate(catalog: Option<&Path>, generated: Option<&Path>) -> Result<Project, Failure> {
        let mut flags = String::new();
        for (flag, value) in [("--catalog", catalog), ("--generated", generated)] {
            if let Some(value) = value {
                flags.push_str(&format!(
                    " {flag} {}",
                    shell_word(&value.display().to_string())
                ));
            }
        }
        let found = match catalog {
            // A catalog named on the command line has its generated folder
            // beside it, as in a project found by walking up.
            Some(catalog) => Some((
                catalog.to_path_buf(),
                catalog
                    .parent()
                    .map_or_else(|| "generated".into(), |p| p.join("generated")),
            )),
            None => discover()?,
        };
        let (catalog, found_generated) =
            found.unwrap_or_else(|| ("catalog".into(), "generated".into()));
        Ok(Project {
            catalog,
            generated: generated.map_or(found_generated, Path::to_path_buf),
            flags,
        })
    }

    /// The command the `@generated` headers name: run in the catalog
    /// folder's parent, it regenerates this project.
    pub fn generate_command(&self) -> String {
        crate::generate_command(&self.catalog, &self.generated)
    }

    /// `cargo errcat <command>` with the flags that find this project from
    /// the current folder: what a hint tells the user to run.
    pub fn hint(&self, command: &str) -> String {
        format!("cargo errcat {command}{}", self.flags)
    }
}

/// The catalog and generated folders of the nearest project above the
/// current folder, relative to it.
fn discover() -> Result<Option<(PathBuf, PathBuf)>, Failure> {
    let Ok(cwd) = std::env::current_dir() else {
        return Ok(None);
    };
    for (depth, dir) in cwd.ancestors().enumerate() {
        let up: PathBuf = std::iter::repeat_n("..", depth).collect();
        let file = dir.join(PROJECT_FILE);
        if file.is_file() {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let project: ProjectFile = toml::from_str(&text).map_err(|e| {
                Failure::new(
                    EXIT_FAILURE,
                    "invalid_project_file",
                    format!("`{}`: {}", file.display(), e.message()),
                )
                .file(file.display().to_string())
                .hint("errcat.toml may set `catalog` and `generated`, folders relative to it")
            })?;
            let catalog = project.catalog.unwrap_or_else(|| "catalog".into());
            let generated = project.generated.unwrap_or_else(|| "generated".into());
            return Ok(Some((up.join(catalog), up.join(generated))));
        }
        if dir.join("catalog").join("catalog.toml").is_file() {
            return Ok(Some((up.join("catalog"), up.join("generated"))));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_repeat_the_flags_as_shell_words() {
        let project = Project::locate(Some(Path::new("my cat")), Some(Path::new("out"))).unwrap();
        assert_eq!(project.flags, " --catalog 'my cat' --generated out");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }
}
