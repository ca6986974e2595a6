//! Catalog source files: read from a folder or given in memory, in a stable order.

use std::ops::Range;
use std::path::Path;

/// The lock file's name in the catalog folder: the one file besides the
/// `.toml` files a catalog is read from.
pub const LOCK_FILE: &str = "errcat.lock";

/// The folder of translations in the catalog folder: `locales/<tag>.toml`,
/// or every `.toml` file of `locales/<tag>/`.
pub const LOCALES_DIR: &str = "locales";

/// A catalog folder or file that could not be read.
#[derive(Debug)]
pub struct ReadError {
    /// The path, as shown to the user.
    pub path: String,
    /// What went wrong.
    pub error: std::io::Error,
}

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// One catalog file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// File name within the catalog folder, e.g. `quota.toml`.
    pub name: String,
    /// The path shown in diagnostics, e.g. `catalog/quota.toml`.
    pub display: String,
    /// Its text.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    fn new(name: String, display: String, text: String) -> Self {
        // One text, whatever the editor or checkout: no byte-order mark,
        // `\n` line ends (so CRLF files give the same output as LF ones).
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name,
            display,
            text,
            line_starts,
        }
    }

    /// The locale a translations file is of, as its path writes it
    /// (`locales/fr.toml`, `locales/fr/billing.toml`); `None` for the
    /// catalog's own files.
    pub fn locale(&self) -> Option<&str> {
        let rest = self.name.strip_prefix(LOCALES_DIR)?.strip_prefix('/')?;
        Some(match rest.split_once('/') {
            Some((tag, _)) => tag,
            None => rest.strip_suffix(".toml").unwrap_or(rest),
        })
    }

    /// The category id a file holds: its name without `.toml`.
    pub fn stem(&self) -> &str {
        self.name.strip_suffix(".toml").unwrap_or(&self.name)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// All files of one catalog, sorted by name with `catalog.toml` first, so
/// that everything downstream is independent of directory listing order.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// Where the files came from, as given (for messages).
    pub dir_display: String,
    /// Entries of the catalog folder that were not read, with why.
    pub skipped: Vec<(String, String)>,
    /// Files that are not valid UTF-8, with the offset of the first bad
    /// byte; their text holds replacement characters.
    pub invalid_utf8: Vec<(FileId, usize)>,
}

/// The settings file every catalog folder has.
pub const CATALOG_TOML: &str = "catalog.toml";

impl Sources {
    /// Builds sources from `(file name, text)` pairs; `dir` prefixes the
    /// paths shown in diagnostics.
    pub fn from_memory<N: Into<String>, T: Into<String>>(
        dir: &str,
        files: impl IntoIterator<Item = (N, T)>,
    ) -> Self {
        let mut files: Vec<SourceFile> = files
            .into_iter()
            .map(|(name, text)| {
                let name = name.into();
                let display = if dir.is_empty() {
                    name.clone()
                } else {
                    format!("{}/{}", dir.trim_end_matches('/'), name)
                };
                SourceFile::new(name, display, text.into())
            })
            .collect();
        files.sort_by(|a, b| {
            (a.name != CATALOG_TOML, &a.name).cmp(&(b.name != CATALOG_TOML, &b.name))
        });
        Sources {
            files,
            dir_display: dir.to_string(),
            skipped: Vec::new(),
            invalid_utf8: Vec::new(),
        }
    }

    /// Shows the file `name` as `display` in diagnostics (an edit's copy of
    /// a file, whose lines are not the file's on disk).
    pub fn relabel(&mut self, name: &str, display: &str) {
        if let Some(file) = self.files.iter_mut().find(|f| f.name == name) {
            file.display = display.to_string();
        }
    }

    /// Reads every `*.toml` file directly in `dir`. Everything else in the
    /// folder is listed in [`Sources::skipped`] with the reason, so it can
    /// be reported rather than silently ignored. Diagnostics show paths as
    /// `display/<file>`.
    pub fn read_dir(dir: &Path, display: &str) -> Result<Self, ReadError> {
        let failed = |path: &Path| {
            let path = path.display().to_string();
            move |error| ReadError { path, error }
        };
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        // The catalog's files, then its translations: `locales/*.toml` and
        // `locales/<tag>/*.toml`, named by their path inside the folder.
        let mut folders = vec![(dir.to_path_buf(), String::new(), 0)];
        while let Some((folder, prefix, depth)) = folders.pop() {
            let entries = std::fs::read_dir(&folder).map_err(failed(&folder))?;
            for entry in entries {
                let entry = entry.map_err(failed(&folder))?;
                let path = entry.path();
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                let translations = (depth == 0 && name == LOCALES_DIR)
                    || (depth == 1 && !name.rsplit('/').next().unwrap_or("").starts_with('.'));
                if is_dir && translations {
                    folders.push((path, format!("{name}/"), depth + 1));
                    continue;
                }
                let reason = skip_reason(&path, &name).or_else(|| {
                    (depth > 0 && !name.ends_with(".toml"))
                        .then(|| "only `.toml` files are read".to_string())
                });
                if let Some(reason) = reason {
                    skipped.push((name, reason));
                    continue;
                }
                let bytes = std::fs::read(&path).map_err(failed(&path))?;
                files.push((name, bytes));
            }
        }
        skipped.sort();
        let mut invalid = Vec::new();
        let texts: Vec<(String, String)> = files
            .into_iter()
            .map(|(name, bytes)| match String::from_utf8(bytes) {
                Ok(text) => (name, text),
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    invalid.push((name.clone(), offset));
                    (name, text)
                }
            })
            .collect();
        let mut sources = Self::from_memory(display, texts);
        sources.skipped = skipped;
        sources.invalid_utf8 = invalid
            .into_iter()
            .filter_map(|(name, offset)| {
                let id = sources.iter().find(|(_, f)| f.name == name)?.0;
                Some((id, offset))
            })
            .collect();
        Ok(sources)
    }

    /// The same sources with the text of file `name` replaced (or the file
    /// added): an editor's unsaved copy of it.
    pub fn with_overlay(&self, name: &str, text: &str) -> Sources {
        self.with_file(name, Some(text))
    }

    /// The same sources without file `name` (a file renamed away).
    pub fn without(&self, name: &str) -> Sources {
        self.with_file(name, None)
    }

    fn with_file(&self, name: &str, text: Option<&str>) -> Sources {
        let mut texts: Vec<(String, String)> = self
            .files
            .iter()
            .filter(|f| f.name != name)
            .map(|f| (f.name.clone(), f.text.clone()))
            .collect();
        if let Some(text) = text {
            texts.push((name.to_string(), text.to_string()));
        }
        let mut sources = Self::from_memory(&self.dir_display, texts);
        sources.skipped = self.skipped.clone();
        sources.invalid_utf8 = self
            .invalid_utf8
            .iter()
            .filter_map(|(id, offset)| {
                let old = &self.files[id.0].name;
                (old != name)
                    .then(|| {
                        sources
                            .iter()
                            .find(|(_, f)| f.name == *old)
                            .map(|(id, _)| (id, *offset))
                    })
                    .flatten()
            })
            .collect();
        sources
    }

    /// The files, `catalog.toml` first, then by name.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// One file.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// Files with their ids.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i), f))
    }

    /// The span of a byte offset inside a string value, up to the `}` that
    /// follows it, when the source spells the string without escapes;
    /// otherwise the whole value.
    pub fn inner_span(
        &self,
        file: FileId,
        span: Range<usize>,
        text: &str,
        offset: usize,
    ) -> Range<usize> {
        let source = self.file(file).text.get(span.clone()).unwrap_or_default();
        let plain = source.len() == text.len() + 2
            && ((source.starts_with('"') && !source.contains('\\')) || source.starts_with('\''))
            && &source[1..source.len() - 1] == text;
        if plain {
            let start = span.start + 1 + offset;
            let end = text[offset..]
                .find('}')
                .map_or(start + 1, |e| start + e + 1);
            start..end
        } else {
            span
        }
    }
}

/// Why a folder entry is not a catalog file, or `None` if it is one.
fn skip_reason(path: &Path, name: &str) -> Option<String> {
    let base = name.rsplit('/').next().unwrap_or(name);
    if base.starts_with('.') {
        return Some("hidden files are not read".into());
    }
    if !name.ends_with(".toml") && base != LOCK_FILE {
        return Some(if name.to_ascii_lowercase().ends_with(".toml") {
            "catalog files end in lower-case `.toml`".into()
        } else {
            "only `.toml` files are read".into()
        });
    }
    match std::fs::metadata(path) {
        Err(e) => Some(format!("it cannot be opened: {e}")),
        Ok(m) if m.is_dir() => Some("folders are not read".into()),
        Ok(m) if !m.is_file() => Some("it is not a regular file".into()),
        Ok(_) => None,
    }
}
