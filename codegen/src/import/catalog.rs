//! A draft lowered into catalog files: names chosen, gaps filled with
//! marked guesses ([`complete`]), then one TOML document per file
//! ([`files`]), each guess above its key as a `# guessed:` comment.

use std::collections::{BTreeMap, HashMap, HashSet};

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, value};

use super::status::{guess_status, kind_from_text};
use super::{Draft, DraftCode, Fact, How, Kind, Param, RetryClass};
use crate::ident::{fold_to_snake, is_snake_case, to_snake_case};

/// Category ids the docs pages take, or that would be `catalog.toml`.
const TAKEN_CATEGORY_IDS: &[&str] = &[
    "readme",
    "summary",
    "numeric",
    "changelog",
    "index",
    "print",
    "toc",
    "catalog",
];

/// A completed draft: every code named and placed, every required fact
/// present (read or guessed).
#[derive(Debug, serde::Serialize)]
pub struct Completed {
    /// The draft, its gaps filled.
    pub draft: Draft,
    /// Each code's catalog name, in the draft's order.
    pub names: Vec<String>,
    /// Each code's category id, in the draft's order.
    pub categories: Vec<String>,
    /// Category ids in order of first use, with their titles.
    pub category_titles: Vec<(String, Fact<String>)>,
    /// The catalog name.
    pub name: String,
    /// Codes are sent upper-case (`INVALID_API_KEY`).
    pub upper: bool,
    /// Whether `[exit_codes]` is written (each code's exit code is in it).
    pub exit_table: bool,
    /// `identity_pattern`, when codes are kept as written (`10020`,
    /// `22P02`) and named separately.
    pub identity_pattern: Option<String>,
    /// Each category's fault: what most of its codes' statuses say.
    pub category_faults: HashMap<String, &'static str>,
    /// Each code's alias: the form the source writes, when it is neither
    /// its name nor its wire form, and no other code's name or alias.
    pub aliases: Vec<Option<String>>,
}

/// Names the codes, groups them, and fills what the catalog requires and
/// the source did not say, each fill marked as a guess.
pub fn complete(mut draft: Draft, file_stem: &str) -> Completed {
    let name = draft
        .name
        .as_ref()
        .map(|n| snake_or(&n.value, ""))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| snake_or(file_stem, "errors"));
    drop_duplicate_numerics(&mut draft);
    let http = draft.http;
    for code in &mut draft.codes {
        fill_code(code, http);
    }
    // Upper-case codes on the wire: every code with letters has no
    // lower-case one (a page's statuses have none).
    let lettered = || {
        draft
            .codes
            .iter()
            .map(|c| c.written.as_bytes())
            .filter(|w| w.iter().any(u8::is_ascii_alphabetic))
    };
    let upper =
        lettered().next().is_some() && lettered().all(|w| !w.iter().any(u8::is_ascii_lowercase));
    let identity_pattern = identity_pattern(&draft.codes);
    let names = choose_names(&draft.codes, identity_pattern.is_some());
    let aliases = choose_aliases(&draft.codes, &names, upper, identity_pattern.is_some());
    let (categories, category_titles) = group(&draft);
    let mut members: HashMap<&str, Vec<&DraftCode>> = HashMap::new();
    for (category, code) in categories.iter().zip(&draft.codes) {
        members.entry(category).or_default().push(code);
    }
    let category_faults: HashMap<String, &'static str> = members
        .iter()
        .map(|(id, codes)| (id.to_string(), category_fault(codes)))
        .collect();
    let exit_table = !draft.exit_codes.is_empty() && {
        let table: HashSet<u8> = draft.exit_codes.iter().map(|(c, _)| *c).collect();
        draft.codes.iter().all(|c| {
            let exit = c
                .exit_code
                .as_ref()
                .map(|e| e.value)
                .unwrap_or(match code_kind(c) {
                    Kind::Error => 1,
                    _ => 0,
                });
            table.contains(&exit)
        })
    };
    if !draft.exit_codes.is_empty() && !exit_table {
        draft.skipped.push(Fact::guessed(
            "the documented exit codes".to_string(),
            "some code's exit code (1 for an error, 0 otherwise, unless stated) is not among them, so they are listed here rather than in [exit_codes]",
        ));
    }
    Completed {
        draft,
        names,
        categories,
        category_titles,
        name,
        upper,
        exit_table,
        identity_pattern,
        aliases,
        category_faults,
    }
}

fn choose_aliases(
    codes: &[DraftCode],
    names: &[String],
    upper: bool,
    identities: bool,
) -> Vec<Option<String>> {
    let mut taken: HashSet<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    codes
        .iter()
        .zip(names)
        .map(|(code, name)| {
            let wire = if upper {
                name.to_uppercase()
            } else {
                name.clone()
            };
            let written = &code.written;
            let word = written.bytes().any(|b| b.is_ascii_alphabetic())
                && written
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
            let wanted = !identities && *written != wire && word;
            (wanted && taken.insert(written.to_ascii_lowercase())).then(|| written.clone())
        })
        .collect()
}

/// An identity pattern for codes written as tokens that are not names
/// (`10020`, `22P02`): the digits' count when all are numbers of one
/// length, else any token.
fn identity_pattern(codes: &[DraftCode]) -> Option<String> {
    let token =
        |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    // Codes without a letter (`10020`) cannot be names, so they stay
    // identities; a page's statuses are named instead.
    let numbers = codes.iter().any(|c| to_snake_case(&c.written).is_empty());
    if !numbers || codes.iter().any(|c| c.is_status || !token(&c.written)) {
        return None;
    }
    let lengths: HashSet<usize> = codes.iter().map(|c| c.written.len()).collect();
    let digits = codes
        .iter()
        .all(|c| c.written.bytes().all(|b| b.is_ascii_digit()));
    Some(match (digits, lengths.len()) {
        (true, 1) => format!("[0-9]{{{}}}", codes[0].written.len()),
        (true, _) => "[0-9]+".into(),
        _ => "[0-9A-Za-z_]+".into(),
    })
}

fn snake_or(text: &str, fallback: &str) -> String {
    let s = to_snake_case(text);
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

fn code_kind(code: &DraftCode) -> Kind {
    code.kind.as_ref().map_or(Kind::Error, |k| k.value)
}

/// A numeric code is unique in a catalog: a second use is reported, not kept.
fn drop_duplicate_numerics(draft: &mut Draft) {
    let mut seen = HashSet::new();
    for code in &mut draft.codes {
        if let Some(n) = &code.numeric
            && (n.value > 4_294_967_294 || !seen.insert(n.value))
        {
            draft.skipped.push(Fact::read(
                format!(
                    "numeric {} of `{}`: already used by another code, or too large",
                    n.value, code.written
                ),
                n_at(n),
            ));
            code.numeric = None;
        }
    }
}

fn n_at<T>(fact: &Fact<T>) -> String {
    match &fact.how {
        How::Read(at) | How::Guessed(at) => at.clone(),
    }
}

/// The facts every code needs, guessed where the source is silent.
fn fill_code(code: &mut DraftCode, http: bool) {
    if !http {
        code.status = None;
    }
    let text = [&code.title, &code.message, &code.description]
        .iter()
        .filter_map(|f| f.as_ref().map(|f| f.value.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    // An HTTP status says what a code is; words only where there is none.
    if code.kind.is_none()
        && (!http || code.status.as_ref().is_some_and(|s| s.value < 400))
        && let Some(kind) = kind_from_text(&text)
    {
        let fits = code.status.as_ref().is_none_or(|s| s.value < 400);
        if fits {
            code.kind = Some(Fact::guessed(
                kind,
                format!(
                    "its text reads as a {} state, not an error",
                    kind_word(kind)
                ),
            ));
        }
    }
    if let Some(k) = &code.kind
        && k.value != Kind::Error
        && code.status.as_ref().is_some_and(|s| s.value >= 400)
    {
        code.kind = None;
    }
    if code.kind.is_none()
        && let Some(s) = code.status.as_ref().filter(|s| s.value < 400)
    {
        code.kind = Some(Fact::guessed(
            Kind::Success,
            format!("{} is not an error status", s.value),
        ));
    }
    if http && code.status.is_none() {
        let status = match code_kind(code) {
            Kind::Success => (200, "it is a success state".to_string()),
            Kind::Pending => (202, "it is a pending state".to_string()),
            Kind::Error => guess_status(&code.written, &text),
        };
        code.status = Some(Fact::guessed(status.0, status.1));
    }
    if code.message.is_none() {
        let from = code
            .description
            .as_ref()
            .map(|d| first_sentence(&d.value))
            .or_else(|| code.title.as_ref().map(|t| t.value.clone()))
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| sentence_from_name(&code.written));
        code.message = Some(Fact::guessed(
            super::literal_template(&from),
            "the source gives no message; taken from its description, title or name",
        ));
    }
    settle_params(code);
    if code.title.is_none() {
        let message = code
            .message
            .as_ref()
            .map(|m| m.value.clone())
            .unwrap_or_default();
        let title = title_from(&message).unwrap_or_else(|| sentence_from_name(&code.written));
        code.title = Some(Fact::guessed(
            title,
            "the source gives no title; taken from its message or name",
        ));
    }
    if code.retry.is_none() && http && code_kind(code) == Kind::Error {
        let status = code.status.as_ref().map_or(0, |s| s.value);
        let guess = match status {
            429 => Some((
                RetryClass::AfterHeader,
                "429 asks clients to wait, as Retry-After says",
            )),
            408 | 500 | 502 | 503 | 504 => Some((
                RetryClass::Backoff,
                "a transient server status is usually retried with backoff",
            )),
            _ => None,
        };
        if let Some((class, why)) = guess {
            code.retry = Some(Fact::guessed(class, why));
        }
    }
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Error => "error",
        Kind::Success => "success",
        Kind::Pending => "pending",
    }
}

/// The text up to the end of its first sentence.
fn first_sentence(text: &str) -> String {
    let text = super::squeeze(text);
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text,
    }
}

/// A short title from a message: its first clause, without a final stop.
fn title_from(message: &str) -> Option<String> {
    let message = message.replace("{{", "{").replace("}}", "}");
    let clause = message
        .split(['.', ':', ';', '(', '—', '\n'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim();
    let clause: String = clause
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    (!clause.is_empty() && !clause.contains('{')).then_some(clause)
}

/// `rate_limited` → `Rate limited`.
fn sentence_from_name(name: &str) -> String {
    let words = to_snake_case(name).replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => format!("Code {name}"),
    }
}

/// Each code's snake_case name: its own when it is a word, else one made
/// from its title, unique in the catalog.
fn choose_names(codes: &[DraftCode], identities: bool) -> Vec<String> {
    let mut taken: HashMap<String, usize> = HashMap::new();
    // With identities, a name may not be another code's identity (E0055).
    let identities_written: HashSet<String> = if identities {
        codes
            .iter()
            .map(|c| c.written.to_ascii_lowercase())
            .collect()
    } else {
        HashSet::new()
    };
    let mut names = Vec::with_capacity(codes.len());
    for code in codes {
        let own = to_snake_case(&code.written);
        let has_letter = code.written.bytes().any(|b| b.is_ascii_alphabetic());
        let base =
            if has_letter && !own.starts_with("code_") && (code.written.len() > 3 || !identities) {
                own
            } else {
                let title = code.title.as_ref().map(|t| t.value.as_str()).unwrap_or("");
                let words: Vec<String> = super::status::words(title)
                    .into_iter()
                    .filter(|w| w.is_ascii())
                    .take(5)
                    .collect();
                let from_title = to_snake_case(&words.join("_"));
                if from_title.is_empty() || from_title.starts_with("code_") {
                    format!("code_{}", fold_to_snake(&code.written).trim_matches('_'))
                } else {
                    from_title
                }
            };
        let base = if is_snake_case(&base) {
            base
        } else {
            format!("code_{}", names.len() + 1)
        };
        let mut name = base.clone();
        let n = taken.entry(base.clone()).or_insert(0);
        *n += 1;
        let someone_elses =
            base != code.written.to_ascii_lowercase() && identities_written.contains(&base);
        if *n > 1 || someone_elses {
            let suffix = code
                .numeric
                .as_ref()
                .map(|n| n.value.to_string())
                .or_else(|| code.status.as_ref().map(|s| s.value.to_string()))
                .unwrap_or_else(|| n.to_string());
            name = format!("{base}_{suffix}");
            while names.contains(&name) {
                name.push_str("_x");
            }
        }
        names.push(name);
    }
    names
}

/// Each code's category id, and the categories with their titles.
fn group(draft: &Draft) -> (Vec<String>, Vec<(String, Fact<String>)>) {
    let mut ids = Vec::with_capacity(draft.codes.len());
    let mut titles: Vec<(String, Fact<String>)> = Vec::new();
    for code in &draft.codes {
        let (id, title) = match (&code.group, &code.error_type) {
            (Some(g), _) => (category_id(&g.value), g.clone()),
            (None, Some(t)) => {
                let id = category_id(&t.value);
                let title = Fact::guessed(
                    sentence_from_name(&id),
                    format!("named after the codes' error type `{}`", t.value),
                );
                (id, title)
            }
            (None, None) => fallback_group(code, draft.http),
        };
        if !titles.iter().any(|(i, _)| *i == id) {
            titles.push((id.clone(), title));
        }
        ids.push(id);
    }
    (ids, titles)
}

fn category_id(title: &str) -> String {
    let mut id = to_snake_case(title);
    for suffix in ["_errors", "_error", "_codes", "_exceptions"] {
        if let Some(stem) = id.strip_suffix(suffix)
            && !stem.is_empty()
        {
            id = stem.to_string();
            break;
        }
    }
    if id.is_empty() {
        id = "errors".into();
    }
    if TAKEN_CATEGORY_IDS.contains(&id.as_str()) {
        id.push_str("_codes");
    }
    id
}

fn fallback_group(code: &DraftCode, http: bool) -> (String, Fact<String>) {
    if !http
        && let Some(n) = code
            .numeric
            .as_ref()
            .map(|n| n.value)
            .filter(|n| *n >= 1000)
    {
        let block = n / 1000 * 1000;
        return (
            format!("codes_{}", block / 1000),
            Fact::guessed(
                format!("Codes {block}–{}", block + 999),
                "grouped by numeric range: the source puts it under no heading",
            ),
        );
    }
    let status = code.status.as_ref().map(|s| s.value);
    let (id, title, why) = match (code_kind(code), status) {
        (Kind::Success | Kind::Pending, _) | (_, Some(100..=399)) => (
            "success",
            "Successes",
            "grouped by outcome: the source puts it under no heading",
        ),
        (_, Some(400..=499)) => (
            "client",
            "Client errors",
            "grouped by status class: the source puts it under no heading",
        ),
        (_, Some(_)) => (
            "server",
            "Server errors",
            "grouped by status class: the source puts it under no heading",
        ),
        _ => ("errors", "Errors", "the source puts it under no heading"),
    };
    (id.to_string(), Fact::guessed(title.to_string(), why))
}

/// Sets `key` in `table`, with a `# guessed:` comment when it was guessed.
fn put(table: &mut Table, key: &str, item: impl Into<toml_edit::Value>, how: &How) {
    table.insert(key, value(item));
    if let How::Guessed(why) = how
        && let Some(mut k) = table.key_mut(key)
    {
        k.leaf_decor_mut()
            .set_prefix(comment(&format!("guessed: {why}")));
    }
}

/// `# text` lines, wrapped at about 76 columns.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + word.len() + 1 > 76 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The catalog files of a completed draft: `catalog.toml` first, then one
/// file per category, as `(file name, text)`.
pub fn files(c: &Completed, command: &str) -> Vec<(String, String)> {
    let draft = &c.draft;
    let header = comment(&format!(
        "A draft imported by `{command}`. Check every `# guessed:` line, and the report the import printed, before relying on it."
    ));
    let mut files = vec![("catalog.toml".to_string(), catalog_toml(c, &header))];
    let mut by_category: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, cat) in c.categories.iter().enumerate() {
        by_category.entry(cat).or_default().push(i);
    }
    for (id, _) in &c.category_titles {
        let mut doc = DocumentMut::new();
        for &i in &by_category[id.as_str()] {
            let code = &draft.codes[i];
            let mut t = code_table(c, i, code, id);
            t.decor_mut().set_prefix(format!(
                "\n{}",
                comment(&format!("`{}`, read at {}.", code.written, code.at))
            ));
            let key = match &c.identity_pattern {
                Some(_) => code.written.as_str(),
                None => c.names[i].as_str(),
            };
            doc.insert(key, Item::Table(t));
        }
        files.push((format!("{id}.toml"), format!("{header}{doc}")));
    }
    files
}

fn catalog_toml(c: &Completed, header: &str) -> String {
    let draft = &c.draft;
    let mut doc = DocumentMut::new();
    let mut catalog = Table::new();
    let name_how = draft.name.as_ref().map_or_else(
        || How::Guessed("the source has no title; named after its file".into()),
        |n| n.how.clone(),
    );
    put(&mut catalog, "name", c.name.as_str(), &name_how);
    if let Some(d) = &draft.description {
        put(&mut catalog, "description", d.value.as_str(), &d.how);
    }
    if !draft.http {
        catalog.insert("http", value(false));
    }
    doc.insert("catalog", Item::Table(catalog));
    if let Some(pattern) = &c.identity_pattern {
        put(
            doc["catalog"].as_table_mut().expect("catalog table"),
            "identity_pattern",
            pattern.as_str(),
            &How::Guessed("the codes are numbers, kept as written".into()),
        );
    }
    if draft.http {
        let mut envelope = Table::new();
        match &draft.envelope {
            Some(e) => {
                put(&mut envelope, "style", e.value.style.as_str(), &e.how);
                if e.value.camel {
                    put(&mut envelope, "field_case", "camel", &e.how);
                }
                if e.value.request_id_outside {
                    put(&mut envelope, "request_id", "outside", &e.how);
                }
            }
            None => put(
                &mut envelope,
                "style",
                "nested",
                &How::Guessed("the source shows no error body; errcat's default".into()),
            ),
        }
        if c.upper {
            put(
                &mut envelope,
                "code_case",
                "upper",
                &How::Guessed("every code is written in upper case".into()),
            );
        }
        if let Some(h) = &draft.request_id_header {
            put(&mut envelope, "request_id_header", h.value.as_str(), &h.how);
        }
        doc.insert("envelope", Item::Table(envelope));
    }
    if c.exit_table {
        let mut exits = Table::new();
        for (code, meaning) in &draft.exit_codes {
            put(
                &mut exits,
                &code.to_string(),
                meaning.value.as_str(),
                &meaning.how,
            );
        }
        doc.insert("exit_codes", Item::Table(exits));
    }
    let used: HashSet<RetryClass> = draft
        .codes
        .iter()
        .filter_map(|c| c.retry.as_ref().map(|r| r.value))
        .collect();
    let mut retry = Table::new();
    retry.set_implicit(true);
    for class in [
        RetryClass::Backoff,
        RetryClass::AfterHeader,
        RetryClass::Operation,
    ] {
        if !used.contains(&class) {
            continue;
        }
        let mut policy = Table::new();
        policy.insert("strategy", value(class.policy()));
        if class == RetryClass::Operation {
            retry.insert(class.policy(), Item::Table(policy));
            continue;
        }
        policy.insert("initial_ms", value(1000));
        policy.insert("max_delay_ms", value(30_000));
        if class == RetryClass::AfterHeader {
            policy.insert("max_wait_ms", value(60_000));
        }
        policy.insert("max_attempts", value(4));
        policy.decor_mut().set_prefix("\n".to_string() + &comment("guessed: the delays are errcat's usual ones; the source does not state them all"));
        retry.insert(class.policy(), Item::Table(policy));
    }
    if !retry.is_empty() {
        doc.insert("retry", Item::Table(retry));
    }
    let mut categories = Table::new();
    categories.set_implicit(true);
    for (id, title) in &c.category_titles {
        let mut t = Table::new();
        put(&mut t, "title", title.value.as_str(), &title.how);
        let codes: Vec<&DraftCode> = c
            .categories
            .iter()
            .zip(&draft.codes)
            .filter(|(cat, _)| *cat == id)
            .map(|(_, code)| code)
            .collect();
        if draft.http {
            t.insert("fault", value(c.category_faults[id.as_str()]));
        }
        if let Some(ty) = common_type(&codes) {
            t.insert("type", value(ty));
        }
        categories.insert(id, Item::Table(t));
    }
    doc.insert("categories", Item::Table(categories));
    format!("{header}{doc}")
}

fn status_fault(code: &DraftCode) -> &'static str {
    match (code_kind(code), code.status.as_ref().map(|s| s.value)) {
        (Kind::Error, Some(500..)) => "server",
        (Kind::Error, Some(400..=499)) => "client",
        (Kind::Error, None) => "client",
        _ => "none",
    }
}

fn category_fault(codes: &[&DraftCode]) -> &'static str {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for code in codes {
        *counts.entry(status_fault(code)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(f, n)| (*n, *f == "client"))
        .map_or("client", |(f, _)| f)
}

/// The error type every code of a category shares, if they state one.
fn common_type(codes: &[&DraftCode]) -> Option<String> {
    let first = codes.first()?.error_type.as_ref()?.value.clone();
    codes
        .iter()
        .all(|c| c.error_type.as_ref().is_some_and(|t| t.value == first))
        .then_some(first)
}

fn code_table(c: &Completed, i: usize, code: &DraftCode, category: &str) -> Table {
    let mut t = Table::new();
    if c.identity_pattern.is_some() && to_snake_case(&code.written) != c.names[i] {
        put(
            &mut t,
            "name",
            c.names[i].as_str(),
            &How::Guessed("made from its title: the code itself is not a name".into()),
        );
    }
    if let Some(n) = &code.numeric {
        put(&mut t, "numeric", n.value as i64, &n.how);
    }
    if let Some(s) = &code.status {
        put(&mut t, "status", i64::from(s.value), &s.how);
    }
    if let Some(k) = &code.kind
        && k.value != Kind::Error
    {
        put(&mut t, "kind", kind_word(k.value), &k.how);
    }
    if c.draft.http {
        let fault = status_fault(code);
        if fault != c.category_faults[category] {
            t.insert("fault", value(fault));
        }
    }
    if let Some(f) = &code.title {
        put(&mut t, "title", f.value.as_str(), &f.how);
    }
    if let Some(f) = &code.message {
        put(&mut t, "message", f.value.as_str(), &f.how);
    }
    if !code.params.is_empty() {
        let mut params = InlineTable::new();
        for p in &code.params {
            params.insert(&p.name, p.ty.as_str().into());
        }
        t.insert("params", value(params));
        if let Some(How::Guessed(why)) = code
            .params
            .iter()
            .map(|p| &p.how)
            .find(|h| matches!(h, How::Guessed(_)))
            && let Some(mut k) = t.key_mut("params")
        {
            k.leaf_decor_mut()
                .set_prefix(comment(&format!("guessed: {why}")));
        }
    }
    if let Some(f) = &code.description {
        put(&mut t, "description", f.value.as_str(), &f.how);
    }
    if let Some(f) = &code.solution {
        put(&mut t, "solution", f.value.as_str(), &f.how);
    }
    if let Some(r) = &code.retry
        && r.value != RetryClass::Never
    {
        put(&mut t, "retry", r.value.policy(), &r.how);
    }
    if let Some(e) = &code.exit_code
        && c.exit_table
    {
        put(&mut t, "exit_code", i64::from(e.value), &e.how);
    }
    for (key, fact) in &code.declared {
        match &fact.value {
            serde_json::Value::String(text) => put(&mut t, key, text.as_str(), &fact.how),
            serde_json::Value::Number(n) => {
                if let Some(n) = n.as_i64() {
                    put(&mut t, key, n, &fact.how);
                }
            }
            _ => {}
        }
    }
    if let Some(alias) = &c.aliases[i] {
        let mut aliases = Array::new();
        aliases.push(alias.as_str());
        t.insert("aliases", value(aliases));
    }
    t
}

/// Keeps only the params a message uses, and declares each placeholder.
fn settle_params(code: &mut DraftCode) {
    let Some(message) = &mut code.message else {
        code.params.clear();
        return;
    };
    if errcat_runtime::template::parse(&message.value, is_snake_case).is_err() {
        // Braces that are not placeholders: the message is literal text.
        message.value =
            super::literal_template(&message.value.replace("{{", "{").replace("}}", "}"));
    }
    let placeholders = placeholders(&message.value);
    code.params.retain(|p| placeholders.contains(&p.name));
    for name in placeholders {
        if !code.params.iter().any(|p| p.name == name) {
            code.params.push(Param {
                name,
                ty: "string".into(),
                how: How::Guessed("the message names it, and no schema types it".into()),
            });
        }
    }
}

/// The placeholder names of a template, in order; none if it is malformed.
fn placeholders(template: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Ok(pieces) = errcat_runtime::template::parse(template, crate::ident::is_snake_case) else {
        return out;
    };
    for piece in pieces {
        if let errcat_runtime::template::Piece::Placeholder { name, .. } = piece
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_string());
        }
    }
    out
}
