//! HTTP Archive (HAR 1.2) entries, read one at a time from a stream: a HAR
//! of a gigabyte never needs a gigabyte of memory, only its largest entry.
//!
//! serde_json drives the reading; the visitors below hand each entry of
//! `log.entries` to a callback as soon as it is parsed, and skip every other
//! member without keeping it.

use std::fmt;
use std::io::Read;

use base64::Engine;
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// One request and its response, as an audit needs them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Its 0-based position in `log.entries`.
    pub index: usize,
    /// The request method.
    pub method: String,
    /// The request URL.
    pub url: String,
    /// The response status (0 when the request got no response).
    pub status: u16,
    /// The response headers, in order.
    pub headers: Vec<(String, String)>,
    /// The response body, decoded from base64 when the HAR says so.
    pub body: Vec<u8>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawEntry {
    request: RawRequest,
    response: RawResponse,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawRequest {
    method: String,
    url: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawResponse {
    status: i64,
    headers: Vec<RawHeader>,
    content: RawContent,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawHeader {
    name: String,
    value: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawContent {
    text: Option<String>,
    encoding: Option<String>,
}

/// Why a HAR could not be read.
#[derive(Debug)]
pub struct HarError(pub String);

impl fmt::Display for HarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Calls `each` with every entry of the HAR read from `reader`, in order,
/// and returns how many there were. Entries are parsed one at a time.
pub fn for_each_entry(reader: impl Read, each: impl FnMut(Entry)) -> Result<usize, HarError> {
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let mut state = State {
        each,
        count: 0,
        saw_entries: false,
    };
    Root(&mut state)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| HarError(format!("not a HAR file: {e}")))?;
    if !state.saw_entries {
        return Err(HarError("not a HAR file: it has no `log.entries`".into()));
    }
    Ok(state.count)
}

struct State<F> {
    each: F,
    count: usize,
    saw_entries: bool,
}

/// The top-level object: only `log` matters.
struct Root<'s, F>(&'s mut State<F>);
/// `log`: only `entries` matters.
struct Log<'s, F>(&'s mut State<F>);
/// `log.entries`, handed over one by one.
struct Entries<'s, F>(&'s mut State<F>);

impl<'de, F: FnMut(Entry)> DeserializeSeed<'de> for Root<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Entry)> Visitor<'de> for Root<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a HAR object with `log`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "log" => map.next_value_seed(Log(&mut *self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl<'de, F: FnMut(Entry)> DeserializeSeed<'de> for Log<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Entry)> Visitor<'de> for Log<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a `log` object with `entries`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "entries" => map.next_value_seed(Entries(&mut *self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl<'de, F: FnMut(Entry)> DeserializeSeed<'de> for Entries<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(Entry)> Visitor<'de> for Entries<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.saw_entries = true;
        while let Some(raw) = seq.next_element::<RawEntry>()? {
            let entry = entry(self.0.count, raw);
            self.0.count += 1;
            (self.0.each)(entry);
        }
        Ok(())
    }
}

fn entry(index: usize, raw: RawEntry) -> Entry {
    let content = raw.response.content;
    let text = content.text.unwrap_or_default();
    let body = match content.encoding.as_deref() {
        // A body the HAR could not decode is kept as written: an audit
        // then reports what it sees rather than nothing.
        Some(e) if e.eq_ignore_ascii_case("base64") => base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .unwrap_or_else(|_| text.into_bytes()),
        _ => text.into_bytes(),
    };
    Entry {
        index,
        method: raw.request.method,
        url: raw.request.url,
        status: u16::try_from(raw.response.status).unwrap_or(0),
        headers: raw
            .response
            .headers
            .into_iter()
            .map(|h| (h.name, h.value))
            .collect(),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Entry>, HarError> {
        let mut out = Vec::new();
        for_each_entry(text.as_bytes(), |e| out.push(e))?;
        Ok(out)
    }

    #[test]
    fn entries_arrive_in_order_with_decoded_bodies() {
        let har = r#"{"log": {"version": "1.2", "creator": {"name": "x"}, "pages": [{"id": 1}],
            "entries": [
              {"request": {"method": "GET", "url": "https://a/1"},
               "response": {"status": 404, "headers": [{"name": "X-Request-Id", "value": "r1"}],
                            "content": {"mimeType": "application/json", "text": "{\"error\":{}}"}}},
              {"request": {"method": "POST", "url": "https://a/2"},
               "response": {"status": 503, "headers": [],
                            "content": {"text": "eyJhIjoxfQ==", "encoding": "base64"}}}
            ]}}"#;
        let entries = read(har).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!((entries[0].index, entries[0].status), (0, 404));
        assert_eq!(
            entries[0].headers,
            [("X-Request-Id".to_string(), "r1".to_string())]
        );
        assert_eq!(entries[1].method, "POST");
        assert_eq!(entries[1].body, br#"{"a":1}"#);
    }

    #[test]
    fn what_is_not_a_har_says_so() {
        assert!(read("{}").unwrap_err().0.contains("log.entries"));
        assert!(read("[1, 2]").is_err());
        assert!(
            read(r#"{"log": {"entries": [}"#)
                .unwrap_err()
                .0
                .contains("line 1")
        );
        // A response with no status (an aborted request) is status 0.
        let aborted =
            read(r#"{"log": {"entries": [{"request": {}, "response": {"status": -1}}]}}"#);
        assert_eq!(aborted.unwrap()[0].status, 0);
    }
}
