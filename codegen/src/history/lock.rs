//! The lock file, `errcat.lock` beside `catalog.toml`: the committed
//! [`Snapshot`] of every code the catalog has published, live or retired.
//!
//! `errcat generate` writes it, `errcat check` and the freshness tests fail
//! when it is stale, and every compile (build scripts included) compares the
//! catalog with it. It is JSON with one line per code, sorted by name, so a
//! review shows exactly which promises a change makes or breaks, and every
//! build reads it quickly (TOML took ten times as long at 20,000 codes;
//! docs/performance.md).

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Lifecycle, Record, Snapshot};
use crate::model::Model;
use crate::source::FileId;

pub use crate::source::LOCK_FILE;

/// A lock file as read: its snapshot, and where each code's entry is.
#[derive(Clone, Debug)]
pub struct Lock {
    /// The file in the catalog's sources.
    pub file: FileId,
    /// What it records.
    pub snapshot: Snapshot,
    /// The span of each code's table header.
    pub spans: BTreeMap<String, Range<usize>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockFile {
    #[serde(rename = "@generated", default)]
    generated: String,
    catalog: LockMeta,
    #[serde(default)]
    codes: BTreeMap<String, Record>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockMeta {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<String>,
}

impl Lock {
    /// Reads a lock file's text; errs with the parser's message and span.
    pub fn parse(file: FileId, text: &str) -> Result<Lock, (String, Range<usize>)> {
        let parsed: LockFile = serde_json::from_str(text).map_err(|e| {
            let at = offset_of(text, e.line(), e.column());
            // The place is the label's; the message says what is wrong.
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string();
            let end = (at + 1..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            (message, at..end)
        })?;
        let (mut headers, twice) = header_spans(text);
        if let Some((name, span)) = twice.into_iter().next() {
            // serde_json keeps the last of two entries; a merge that kept
            // both sides would silently lose one promise.
            return Err((
                format!(
                    "`{name}` is recorded twice (a merge that kept both sides?); keep the one that was released"
                ),
                span,
            ));
        }
        // A record's reader keeps every key it does not know as a declared
        // fact (`model/record.rs`): here each must be one, once, with a
        // value of its type.
        for (name, record) in &parsed.codes {
            for (i, (key, value)) in record.facts.iter().enumerate() {
                if record.facts[..i].iter().any(|(k, _)| k == key) {
                    return Err((
                        format!("`{key}` is recorded twice in the record of `{name}`"),
                        headers.get(name).cloned().unwrap_or(0..0),
                    ));
                }
                let field = crate::fields::FIELDS
                    .iter()
                    .find(|f| f.key == key && f.locked());
                let problem = match field {
                    None => format!("unknown field `{key}` in the record of `{name}`"),
                    Some(f) if !f.accepts(value) => {
                        format!("`{key}` of `{name}` is not a value of that fact: {value}")
                    }
                    Some(_) => continue,
                };
                return Err((problem, headers.get(name).cloned().unwrap_or(0..0)));
            }
        }
        let spans = parsed
            .codes
            .keys()
            .map(|name| (name.clone(), headers.remove(name).unwrap_or(0..0)))
            .collect();
        Ok(Lock {
            file,
            snapshot: Snapshot {
                name: parsed.catalog.name,
                version: parsed.catalog.version,
                codes: parsed.codes,
            },
            spans,
        })
    }
}

/// Where each code's line (`  "name": {...}`) starts, in one pass over the
/// text: its quoted name; and the names found a second time, where.
type Headers = (BTreeMap<String, Range<usize>>, Vec<(String, Range<usize>)>);

fn header_spans(text: &str) -> Headers {
    let mut spans = BTreeMap::new();
    let mut twice = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let body = &line[indent..];
        if body.starts_with('"')
            && let Ok((name, rest)) = first_string(body)
            && rest.trim_start().starts_with(": {")
        {
            let start = offset + indent;
            let span = start..start + (body.len() - rest.len());
            match spans.entry(name) {
                std::collections::btree_map::Entry::Occupied(e) => {
                    twice.push((e.key().clone(), span))
                }
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(span);
                }
            }
        }
        offset += line.len();
    }
    (spans, twice)
}

/// The JSON string at the start of `text`, and what follows it.
fn first_string(text: &str) -> Result<(String, &str), ()> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<String>();
    let name = stream.next().ok_or(())?.map_err(|_| ())?;
    Ok((name, &text[stream.byte_offset()..]))
}

/// The byte offset of a 1-based line and column, as serde_json reports them.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The lock a model's catalog should have: its [`Snapshot`], with every
/// tombstone the model completed from the old lock.
pub fn render(model: &Model, command: &str) -> String {
    render_snapshot(&Snapshot::of(model), command)
}

/// A snapshot as lock-file text: JSON, one line per code.
pub fn render_snapshot(snapshot: &Snapshot, command: &str) -> String {
    let meta = LockMeta {
        name: snapshot.name.clone(),
        version: snapshot.version.clone(),
    };
    let header = format!(
        "{}: every code this catalog has published, live or retired. Commit it: every build compares the catalog with it and refuses an edit that breaks a published code (docs/catalog-format.md, \"Catalog evolution\").",
        crate::write::generated_header(command).trim_end_matches('.')
    );
    let mut out = String::from("{\n");
    out.push_str(&format!("  \"@generated\": {},\n", json(&header)));
    out.push_str(&format!("  \"catalog\": {},\n", json(&meta)));
    out.push_str("  \"codes\": {");
    for (i, (name, record)) in snapshot.codes.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&format!("    {}: {}", json(name), json(record)));
    }
    out.push_str(if snapshot.codes.is_empty() {
        "}\n}\n"
    } else {
        "\n  }\n}\n"
    });
    out
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("lock data serializes")
}

/// A tombstone's record: what the lock knew of the code, with its
/// retirement.
pub fn tombstone(
    locked: Option<&Record>,
    reason: &str,
    version: Option<&str>,
    partial: Record,
) -> Record {
    let mut record = match locked {
        Some(r) => r.clone(),
        None => partial.clone(),
    };
    record.lifecycle = Lifecycle::Retired;
    record.reason = Some(reason.to_string());
    record.retired_in = version
        .map(str::to_string)
        .or_else(|| locked.and_then(|r| r.retired_in.clone()));
    // What the catalog's tombstone says wins over the lock's copy.
    if partial.numeric.is_some() {
        record.numeric = partial.numeric;
    }
    for alias in partial.aliases {
        if !record.aliases.contains(&alias) {
            record.aliases.push(alias);
        }
    }
    if partial.category.is_some() {
        record.category = partial.category;
    }
    if partial.title.is_some() {
        record.title = partial.title;
    }
    record
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_round_trips_and_knows_where_each_code_is() {
        let mut snapshot = Snapshot {
            name: "demo".into(),
            version: Some("1.2.0".into()),
            codes: BTreeMap::new(),
        };
        snapshot.codes.insert(
            "bad_input".into(),
            Record {
                numeric: Some(1000),
                params: vec!["field: string".into()],
                ..Record::default()
            },
        );
        snapshot.codes.insert(
            "gone".into(),
            Record {
                lifecycle: Lifecycle::Retired,
                reason: Some("merged".into()),
                ..Record::default()
            },
        );
        let text = render_snapshot(&snapshot, "errcat generate");
        assert!(
            text.lines()
                .any(|l| l.starts_with("    \"gone\": {\"lifecycle\":\"retired\"")),
            "{text}"
        );
        let lock = Lock::parse(FileId(0), &text).unwrap();
        assert_eq!(lock.snapshot, snapshot);
        let span = lock.spans["gone"].clone();
        assert_eq!(&text[span], "\"gone\"");
    }

    #[test]
    fn a_code_recorded_twice_is_an_error_at_the_second() {
        let text = "{\n  \"catalog\": {\"name\": \"x\"},\n  \"codes\": {\n    \"a\": {\"numeric\": 1},\n    \"a\": {\"numeric\": 2}\n  }\n}\n";
        let (message, span) = Lock::parse(FileId(0), text).unwrap_err();
        assert!(message.contains("`a` is recorded twice"), "{message}");
        assert_eq!(&text[..span.end].lines().count(), &5, "{span:?}");
    }

    #[test]
    fn declared_facts_round_trip_and_others_are_errors_at_their_code() {
        let text = "{\n  \"catalog\": {\"name\": \"x\"},\n  \"codes\": {\n    \"a\": {\"sdk_exception\": \"AError\", \"server_retries\": 2}\n  }\n}\n";
        let lock = Lock::parse(FileId(0), text).unwrap();
        assert_eq!(
            lock.snapshot.codes["a"]
                .fact_text("sdk_exception")
                .as_deref(),
            Some("AError")
        );
        assert_eq!(
            lock.snapshot.codes["a"].facts[1],
            ("server_retries".into(), 2.into())
        );
        for (record, said) in [
            (
                "{\"sdk_exceptoin\": \"AError\"}",
                "unknown field `sdk_exceptoin`",
            ),
            (
                "{\"server_retries\": 300}",
                "`server_retries` of `a` is not a value",
            ),
            (
                "{\"sdk_exception\": 1}",
                "`sdk_exception` of `a` is not a value",
            ),
            (
                "{\"sdk_exception\": \"A\", \"sdk_exception\": \"B\"}",
                "`sdk_exception` is recorded twice",
            ),
        ] {
            let text = format!(
                "{{\n  \"catalog\": {{\"name\": \"x\"}},\n  \"codes\": {{\n    \"a\": {record}\n  }}\n}}\n"
            );
            let (message, span) = Lock::parse(FileId(0), &text).unwrap_err();
            assert!(message.contains(said), "{message}");
            assert_eq!(&text[span], "\"a\"");
        }
        // A field of the record's own written twice, as a merge can leave
        // it: an error where the second one is, not the last one winning.
        for (record, said) in [
            (
                "{\"status\": 404, \"status\": 500}",
                "duplicate field `status`",
            ),
            (
                "{\"lifecycle\": \"active\", \"lifecycle\": \"retired\"}",
                "duplicate field `lifecycle`",
            ),
        ] {
            let text = format!(
                "{{\n  \"catalog\": {{\"name\": \"x\"}},\n  \"codes\": {{\n    \"a\": {record}\n  }}\n}}\n"
            );
            let (message, span) = Lock::parse(FileId(0), &text).unwrap_err();
            assert!(message.contains(said), "{message}");
            let record_at = text.find(record).unwrap();
            assert!(
                (record_at..record_at + record.len()).contains(&span.start),
                "{span:?}"
            );
        }
    }

    #[test]
    fn a_bad_lock_is_an_error_with_a_place() {
        let text = "{\n  \"catalog\": {\"name\": \"x\"},\n  \"codes\": {\n    \"a\": {\"numeric\": \"one\"}\n  }\n}\n";
        let (message, span) = Lock::parse(FileId(0), text).unwrap_err();
        assert!(message.contains("invalid type"), "{message}");
        assert!(!message.contains(" at line "), "{message}");
        assert_eq!(&text[..span.end].lines().count(), &4, "{span:?}");
    }
}
