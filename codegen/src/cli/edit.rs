//! What `new` and `retire` share: catalog files edited in memory with
//! toml_edit (comments and layout kept), checked by compiling the edited
//! catalog, and written only if it is valid.

use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use crate::{Compiled, Sources, compile, write};

use crate::cli::output::{EXIT_FAILURE, Failure};
use crate::cli::project::Project;

/// How a file spells what its text does not show: a byte-order mark, and
/// CRLF line ends. Edits work on plain text and write the file back as it
/// was spelled.
#[derive(Clone, Copy, Default)]
pub struct Spelling {
    bom: bool,
    crlf: bool,
}

impl Spelling {
    /// The file's spelling, and its text with no BOM and `\n` line ends.
    pub fn of(text: &str) -> (Spelling, String) {
        let bom = text.starts_with('\u{feff}');
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let crlf = text.contains("\r\n");
        (Spelling { bom, crlf }, text.replace("\r\n", "\n"))
    }

    /// `text` (`\n` line ends) spelled as the file was.
    pub fn apply(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            out.push_str(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(text);
        }
        out
    }
}

/// Catalog files being edited, by name; the rest of the folder as it is.
pub struct Edit<'a> {
    project: &'a Project,
    files: Vec<(String, DocumentMut, Spelling)>,
}

impl<'a> Edit<'a> {
    pub fn new(project: &'a Project) -> Self {
        Edit {
            project,
            files: Vec::new(),
        }
    }

    /// The document of `name` (e.g. `catalog.toml`), read on first use; an
    /// empty one if the file does not exist.
    pub fn file(&mut self, name: &str) -> Result<&mut DocumentMut, Failure> {
        if let Some(i) = self.files.iter().position(|(n, _, _)| n == name) {
            return Ok(&mut self.files[i].1);
        }
        let path = self.path(name);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io_failure(&path, e)),
        };
        let (spelling, text) = Spelling::of(&text);
        let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            Failure::new(
                EXIT_FAILURE,
                "invalid_catalog",
                format!("`{}` is not valid TOML: {}", path.display(), e.message()),
            )
            .file(path.display().to_string())
            .hint("fix it first: `errcat check` shows where")
        })?;
        self.files.push((name.to_string(), doc, spelling));
        Ok(&mut self.files.last_mut().expect("just pushed").1)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.project.catalog.join(name)
    }

    /// Compiles the catalog with the edits; writes the edited files only if
    /// it is valid (warnings allowed), else nothing and the report.
    pub fn commit(self) -> Result<Compiled, Failure> {
        let compiled = self.compile()?;
        self.write()?;
        Ok(compiled)
    }

    /// The catalog as it would be with the edits, compiled in memory.
    /// Diagnostics in an edited file name it `(as edited)`: their lines are
    /// those of the edit, not of the file on disk.
    pub fn compile(&self) -> Result<Compiled, Failure> {
        let display = self.project.catalog.display().to_string();
        let on_disk = Sources::read_dir(&self.project.catalog, &display).map_err(|e| {
            Failure::new(
                EXIT_FAILURE,
                "io_error",
                format!("cannot read the catalog: {}", e.error),
            )
        })?;
        let edited = self.edited();
        let mut files: Vec<(String, String)> = on_disk
            .files()
            .iter()
            .filter(|f| !edited.iter().any(|(n, _)| *n == f.name))
            .map(|f| (f.name.clone(), f.text.clone()))
            .collect();
        files.extend(edited.iter().cloned());
        let mut sources = Sources::from_memory(&display, files);
        for (name, _) in &edited {
            sources.relabel(name, &format!("{} (as edited)", self.path(name).display()));
        }
        compile(&sources).map_err(|report| {
            let summary = report.summary();
            Failure {
                report: Some(Box::new(report)),
                ..Failure::new(EXIT_FAILURE, "invalid_catalog", summary)
            }
            .hint("nothing was written: the edit would leave the catalog invalid")
        })
    }

    /// Writes the edited files, each spelled as it was (BOM, CRLF).
    pub fn write(&self) -> Result<(), Failure> {
        for (name, doc, spelling) in &self.files {
            let path = self.path(name);
            let text = spelling.apply(&doc.to_string());
            write::write_if_changed(&path, &text).map_err(|e| io_failure(&path, e))?;
        }
        Ok(())
    }

    fn edited(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .map(|(n, d, _)| (n.clone(), d.to_string()))
            .collect()
    }
}

fn io_failure(path: &Path, e: std::io::Error) -> Failure {
    Failure::new(
        EXIT_FAILURE,
        "io_error",
        format!("cannot access `{}`: {e}", path.display()),
    )
    .file(path.display().to_string())
}
