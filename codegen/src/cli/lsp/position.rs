//! Byte offsets in a catalog file and the editor's positions (lines and
//! UTF-16 columns, as LSP counts them), and file paths as `file:` URIs.

use std::ops::Range;
use std::path::{Path, PathBuf};

use lsp_types::{Position, Uri};

/// Where each line of a text starts.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |t| t.encode_utf16().count());
        Position::new(line as u32, column as u32)
    }

    pub fn range(&self, span: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(span.start), self.position(span.end))
    }

    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |e| e - 1);
        let line = &self.text[start..end.max(start)];
        let mut units = 0;
        for (i, ch) in line.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += ch.len_utf16();
        }
        start + line.len()
    }
}

/// A path as a `file:` URI, each byte outside the unreserved set escaped.
pub fn uri(path: &Path) -> Uri {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().expect("a file URI of escaped bytes parses")
}

/// The path of a `file:` URI.
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = rest
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "a = \"é😀x\"\nb";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x), Position::new(0, 8));
        assert_eq!(index.offset(Position::new(0, 8)), x);
        assert_eq!(index.offset(Position::new(1, 0)), text.len() - 1);
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
    }

    #[test]
    fn paths_round_trip_through_uris() {
        let p = Path::new("/tmp/my catalog/ü.toml");
        let u = uri(p);
        assert_eq!(u.as_str(), "file:///tmp/my%20catalog/%C3%BC.toml");
        assert_eq!(path(&u).unwrap(), p);
    }
}
