//! Tables a text rendering flattened into lines. A browser's "save as
//! text" puts each cell of a table on a line of its own (`404`, `Not
//! found`, `405`, ...) or glues a row's cells together (`404Not Found`,
//! `INVALID_KEYThe key is invalid`). Both are found by the shape of the
//! lines, never by what a particular page says: a repeating pattern of
//! line shapes is a table of that many columns.

use super::blocks::Block;

/// What a line looks like on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `404`, `5xx`.
    Status,
    /// Any other whole number.
    Number,
    /// One identifier: `INVALID_API_KEY`, `rate_limited`, `RuntimeError`.
    Token,
    Text,
}

/// `404` or `5xx`.
pub fn is_status(cell: &str) -> bool {
    let b = cell.as_bytes();
    if b.len() != 3 || !(b'1'..=b'5').contains(&b[0]) {
        return false;
    }
    b[1..].iter().all(u8::is_ascii_digit) || b[1..].iter().all(|c| *c == b'x' || *c == b'X')
}

/// An identifier that reads as a code or a class name rather than a word:
/// it has `_` or `.`, is upper case, or has an upper-case letter inside.
pub fn is_token(cell: &str) -> bool {
    let cell = cell.trim_matches(|c| c == '`' || c == '"' || c == '\'');
    let word = |w: &str| {
        let b = w.as_bytes();
        !b.is_empty()
            && (b[0].is_ascii_alphabetic() || b[0] == b'_')
            && b.iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'.' || *c == b'-')
            && (w.contains('_')
                || w.contains('.')
                || (b.len() >= 3 && b.iter().all(|c| !c.is_ascii_lowercase()))
                || b[1..].iter().any(u8::is_ascii_uppercase))
    };
    cell.split(" / ").all(word)
}

pub fn shape(line: &str) -> Shape {
    if is_status(line) {
        Shape::Status
    } else if !line.is_empty() && line.len() <= 12 && line.bytes().all(|b| b.is_ascii_digit()) {
        Shape::Number
    } else if is_token(line) {
        Shape::Token
    } else {
        Shape::Text
    }
}

/// Acronyms that often start an API doc's sentence, so that a code glued
/// to one can be told from it.
const SENTENCE_ACRONYMS: &[&str] = &[
    "API", "URL", "URI", "HTTP", "HTTPS", "JSON", "XML", "SDK", "CLI", "ID", "IP", "AI", "LLM",
    "CSV", "PDF", "SQL", "TLS", "SSL", "DNS", "JWT", "TTL", "CPU", "GPU", "OS",
];

/// A label that heads a line adding to the row above: `Solution: ...`.
pub fn label(line: &str) -> Option<(&'static str, &str)> {
    const LABELS: &[(&str, &str)] = &[
        ("solution", "solution"),
        ("fix", "solution"),
        ("resolution", "solution"),
        ("how to fix", "solution"),
        ("what to do", "solution"),
        ("action", "solution"),
        ("retry", "retry"),
        ("retryable", "retry"),
        ("status", "status"),
        ("http status", "status"),
        ("exception", "exception"),
        ("exit code", "exit"),
        ("message", "message"),
        ("description", "message"),
    ];
    let (head, rest) = line.split_once(':')?;
    let head = head.trim().to_ascii_lowercase();
    LABELS
        .iter()
        .find(|(l, _)| *l == head)
        .map(|(_, column)| (*column, rest.trim()))
}

/// A line that glues a key to its text: `404Not Found`, `404 - Not
/// found`, `INVALID_KEYThe key is invalid`, `rate_limited: Too many`.
pub fn glued(line: &str) -> Option<(String, String)> {
    let line = line.trim_start_matches(['-', '*', '•', ' ']);
    let b = line.as_bytes();
    // A status, then text.
    if b.len() > 4 && is_status(&line[..3]) && !b[3].is_ascii_digit() {
        let rest = line[3..]
            .trim_start_matches([' ', ':', '-', '–', '—', '.'])
            .trim();
        if rest.chars().next().is_some_and(char::is_alphabetic) {
            return Some((line[..3].to_string(), rest.to_string()));
        }
    }
    // An identifier, then a separator and text.
    for sep in [": ", " - ", " – ", " — ", "` "] {
        if let Some((key, rest)) = line.split_once(sep) {
            let key = key.trim().trim_matches('`');
            let words = rest
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            if (is_token(key) && key.len() >= 3
                || key.bytes().all(|c| c.is_ascii_digit()) && key.len() >= 4)
                && words >= 2
            {
                return Some((key.to_string(), rest.trim().to_string()));
            }
        }
    }
    // An upper-case code glued to a capitalised word: `TIMEOUTOperation`.
    let caps = b
        .iter()
        .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b'_')
        .count();
    if caps >= 4 && caps < b.len() && b[caps].is_ascii_lowercase() {
        let key = &line[..caps - 1];
        if key.len() >= 3 && b[0].is_ascii_uppercase() {
            return Some((key.to_string(), line[caps - 1..].to_string()));
        }
    }
    // ... or to an acronym that starts the text: `AUTHZ_ERRORAPI key ...`.
    if caps >= 4 && b.get(caps) == Some(&b' ') && line[..caps].contains('_') {
        let token = &line[..caps];
        let tail = token.rsplit('_').next().unwrap_or("");
        for acronym in SENTENCE_ACRONYMS {
            if tail.len() > acronym.len() && tail.ends_with(acronym) {
                let cut = caps - acronym.len();
                return Some((line[..cut].to_string(), line[cut..].to_string()));
            }
        }
    }
    None
}

/// A table found in lines: its rows (the first may be a header), and where
/// each row starts.
#[derive(Debug)]
pub struct Run {
    pub rows: Vec<Vec<String>>,
    pub at: Vec<String>,
    /// The header row, when the lines just above the run name its columns.
    pub header: Option<Vec<String>>,
    /// The block indexes the run covers.
    pub covers: std::ops::Range<usize>,
}

/// The runs among `blocks[range]`, which are all lines.
pub fn find(blocks: &[Block], lines: std::ops::Range<usize>) -> Vec<Run> {
    let text = |i: usize| match &blocks[i] {
        Block::Line { text, .. } => text.as_str(),
        _ => "",
    };
    let at = |i: usize| blocks[i].at().to_string();
    let mut runs = Vec::new();
    let mut i = lines.start;
    while i < lines.end {
        if let Some(run) = glued_run(i, lines.end, &text, &at) {
            i = run.covers.end;
            runs.push(run);
            continue;
        }
        if let Some(run) = periodic_run(i, lines.end, &text, &at) {
            // A run that starts with prose may be the line above a run
            // that starts with its keys: `Intro.`, `0`, `Success`, `1`, ...
            let shifted = (shape(text(i)) == Shape::Text)
                .then(|| periodic_run(i + 1, lines.end, &text, &at))
                .flatten()
                .filter(|next| {
                    shape(&next.rows[0][0]) != Shape::Text && next.rows.len() + 1 >= run.rows.len()
                });
            if shifted.is_some() {
                i += 1;
                continue;
            }
            i = run.covers.end;
            runs.push(run);
            continue;
        }
        i += 1;
    }
    runs
}

/// Consecutive glued rows, each perhaps followed by labelled lines.
fn glued_run<'a>(
    start: usize,
    end: usize,
    text: &dyn Fn(usize) -> &'a str,
    at: &dyn Fn(usize) -> String,
) -> Option<Run> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut ats = Vec::new();
    let mut labels: Vec<&'static str> = Vec::new();
    let mut i = start;
    while i < end {
        if let Some((key, rest)) = glued(text(i)) {
            rows.push(vec![key, rest]);
            ats.push(at(i));
            i += 1;
            while i < end {
                let Some((column, value)) = label(text(i)) else {
                    break;
                };
                let index = match labels.iter().position(|l| *l == column) {
                    Some(p) => p,
                    None => {
                        labels.push(column);
                        labels.len() - 1
                    }
                };
                let row = rows.last_mut().expect("a row");
                row.resize(2 + labels.len(), String::new());
                row[2 + index] = value.to_string();
                i += 1;
            }
        } else {
            break;
        }
    }
    // One row is a table only with a labelled line under it.
    if rows.len() < 2 && labels.is_empty() {
        return None;
    }
    let width = 2 + labels.len();
    for row in &mut rows {
        row.resize(width, String::new());
    }
    let mut header = vec!["code".to_string(), "message".to_string()];
    header.extend(labels.iter().map(|l| l.to_string()));
    Some(Run {
        rows,
        at: ats,
        header: Some(header),
        covers: start..i,
    })
}

/// Lines whose shapes repeat with a period of 2 to 6: a table of that many
/// columns, one cell per line.
fn periodic_run<'a>(
    start: usize,
    end: usize,
    text: &dyn Fn(usize) -> &'a str,
    at: &dyn Fn(usize) -> String,
) -> Option<Run> {
    let shapes: Vec<Shape> = (start..end.min(start + 4000))
        .map(|i| shape(text(i)))
        .collect();
    let mut best: Option<(usize, usize)> = None;
    for k in 2..=6 {
        if shapes.len() < 2 * k {
            break;
        }
        let pattern = &shapes[..k];
        // A key column, and not every cell alike.
        if !pattern.iter().any(|s| *s != Shape::Text) || pattern.iter().all(|s| *s == pattern[0]) {
            continue;
        }
        let mut reps = 1;
        while (reps + 1) * k <= shapes.len() && shapes[reps * k..(reps + 1) * k] == *pattern {
            reps += 1;
        }
        let enough = if k == 2 { reps >= 2 } else { reps >= 3 };
        if enough && best.is_none_or(|(bk, br)| reps * k > bk * br) {
            best = Some((k, reps));
        }
    }
    let (k, reps) = best?;
    let rows = (0..reps)
        .map(|r| {
            (0..k)
                .map(|c| text(start + r * k + c).to_string())
                .collect()
        })
        .collect();
    let ats = (0..reps).map(|r| at(start + r * k)).collect();
    // A header: the k short lines just above, such as `CODE`, `DESCRIPTION`.
    let header = (start >= k)
        .then(|| {
            (start - k..start)
                .map(|i| text(i).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|cells| {
            cells.iter().all(|c| {
                !c.is_empty()
                    && c.split_whitespace().count() <= 3
                    && !c.ends_with(['.', ':'])
                    && shape(c) != Shape::Status
                    && shape(c) != Shape::Number
            }) && cells
                .iter()
                .any(|c| super::records::column_hint(c).is_some())
        });
    Some(Run {
        rows,
        at: ats,
        header,
        covers: start..start + reps * k,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_tell_keys_from_text() {
        assert_eq!(shape("404"), Shape::Status);
        assert_eq!(shape("5xx"), Shape::Status);
        assert_eq!(shape("10010"), Shape::Number);
        assert_eq!(shape("INVALID_API_KEY"), Shape::Token);
        assert_eq!(shape("RuntimeError"), Shape::Token);
        assert_eq!(
            shape("requests.exceptions.HTTPError / ConnectionError"),
            Shape::Token
        );
        assert_eq!(shape("Ok"), Shape::Text);
        assert_eq!(shape("Mixed Success"), Shape::Text);
    }

    #[test]
    fn glued_rows_split_at_the_key() {
        assert_eq!(
            glued("400Bad RequestInvalid syntax"),
            Some(("400".into(), "Bad RequestInvalid syntax".into()))
        );
        assert_eq!(
            glued("INVALID_API_KEYThe key is bad"),
            Some(("INVALID_API_KEY".into(), "The key is bad".into()))
        );
        assert_eq!(
            glued("TIMEOUTOperation timed out"),
            Some(("TIMEOUT".into(), "Operation timed out".into()))
        );
        assert_eq!(
            glued("`rate_limited`: Too many calls"),
            Some(("rate_limited".into(), "Too many calls".into()))
        );
        assert_eq!(glued("HTTP Status Codes"), None);
        assert_eq!(
            glued("200 requests"),
            Some(("200".into(), "requests".into()))
        );
    }
}
