//! Codes from a page's blocks. Each table (a real one, or one found in
//! lines by [`super::runs`]) is read by what its columns hold: a column of
//! statuses, of numbers, of identifiers, of exception classes, of prose;
//! its header words, where it has one, settle the rest. A table of exit
//! codes fills `[exit_codes]`, a table of retry advice by status class
//! sets the retry of the codes it covers, and JSON bodies anywhere on the
//! page give the envelope and codes with their messages.

use serde_json::Value;

use super::blocks::Block;
use super::runs::{self, Shape, shape};
use crate::import::status::{reason_prefix, retry_from_text};
use crate::import::{Draft, Envelope, Fact, RetryClass, literal_template};

/// What a column holds, from its header word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Code,
    Status,
    Numeric,
    Exit,
    Exception,
    Title,
    Message,
    Solution,
    Retry,
    Type,
}

/// The column a header cell names, if any.
pub fn column_hint(header: &str) -> Option<Column> {
    let h = header.trim().to_lowercase();
    let has = |w: &str| h.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    Some(if has("exit") {
        Column::Exit
    } else if has("exception") || has("exceptions") || has("class") {
        Column::Exception
    } else if has("retry") || has("retryable") || has("retries") {
        Column::Retry
    } else if has("solution")
        || has("fix")
        || has("resolution")
        || has("action")
        || has("remedy")
        || h.contains("what to do")
        || h.contains("how to")
    {
        Column::Solution
    } else if has("status") || has("http") {
        Column::Status
    } else if has("numeric") || has("number") {
        Column::Numeric
    } else if has("code")
        || has("codes")
        || has("error")
        || has("reason")
        || has("identifier")
        || has("id")
    {
        Column::Code
    } else if has("message")
        || has("description")
        || has("meaning")
        || has("details")
        || has("detail")
        || has("explanation")
        || has("summary")
        || has("cause")
    {
        Column::Message
    } else if has("title") || has("name") {
        Column::Title
    } else if has("type") || has("category") {
        Column::Type
    } else {
        return None;
    })
}

/// A table to read: rows, an optional header, where each row is, and the
/// heading it is under.
struct Table<'a> {
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    at: Vec<String>,
    heading: Option<&'a str>,
}

/// A rule of a retry-advice table: statuses it covers, and the advice.
struct RetryRule {
    /// The first digit of a class (`4` for `4xx`), or 0 for one status.
    class: u8,
    status: u16,
    except: Vec<u16>,
    retry: RetryClass,
    at: String,
}

impl RetryRule {
    fn covers(&self, status: u16) -> bool {
        if self.except.contains(&status) {
            return false;
        }
        match self.class {
            0 => self.status == status,
            d => status / 100 == u16::from(d),
        }
    }
}

fn strip(cell: &str) -> String {
    cell.trim()
        .trim_matches(|c| c == '`' || c == '"' || c == '\'' || c == '*')
        .trim()
        .to_string()
}

/// A status at the start of a cell: `404`, `404 Not Found`, `5xx`.
fn status_of(cell: &str) -> Option<(String, &str)> {
    let cell = cell.trim();
    let head = cell.get(..3)?;
    if !runs::is_status(head)
        || cell
            .as_bytes()
            .get(3)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    Some((
        head.to_string(),
        cell[3..]
            .trim_start_matches([' ', '-', ':', '–', '—', '.'])
            .trim(),
    ))
}

fn is_exception(cell: &str) -> bool {
    let first = cell.split([' ', '(', '/']).next().unwrap_or("");
    let last = first.rsplit('.').next().unwrap_or("");
    runs::is_token(first)
        && (last.ends_with("Error") || last.ends_with("Exception"))
        && last.chars().next().is_some_and(char::is_uppercase)
}

/// The words that say a heading is about exit codes or exceptions.
fn about(heading: Option<&str>, word: &str) -> bool {
    heading.is_some_and(|h| h.to_lowercase().contains(word))
}

/// Reads every code on the page into `draft`.
pub fn read(blocks: &[Block], draft: &mut Draft) {
    let (consumed, bodies) = examples(blocks, draft);
    let mut tables: Vec<Table<'_>> = Vec::new();
    let mut heading: Option<&str> = None;
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Heading { text, .. } => {
                heading = Some(text);
                i += 1;
            }
            Block::Table { rows, rows_at, .. } => {
                let ats = rows_at.clone();
                tables.push(Table {
                    header: None,
                    rows: rows.clone(),
                    at: ats,
                    heading,
                });
                i += 1;
            }
            Block::Code { .. } => i += 1,
            Block::Line { .. } => {
                let start = i;
                while i < blocks.len()
                    && matches!(blocks[i], Block::Line { .. })
                    && !consumed.contains(&i)
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                // Lines between runs that read as headings name the next run.
                let found = runs::find(blocks, start..i);
                let mut last = start;
                for run in found {
                    heading = last_heading(&blocks[last..run.covers.start]).or(heading);
                    last = run.covers.end;
                    tables.push(Table {
                        header: run.header,
                        rows: run.rows,
                        at: run.at,
                        heading,
                    });
                }
                heading = last_heading(&blocks[last..i]).or(heading);
            }
        }
    }
    mentions(blocks, draft);
    // Exit code tables first: a column of exit codes elsewhere is told by them.
    let mut rules = Vec::new();
    let mut order: Vec<usize> = (0..tables.len()).collect();
    order.sort_by_key(|&t| {
        !is_exit_table(
            tables[t].header.as_deref(),
            &tables[t].rows,
            tables[t].heading,
        )
    });
    for t in order {
        read_table(&tables[t], draft, &mut rules);
    }
    // After the tables: a code's documented text wins over an example's.
    for (body, at, heading) in bodies {
        example(&body, &at, heading, draft);
    }
    for code in &mut draft.codes {
        let Some(status) = code.status.as_ref().map(|s| s.value) else {
            continue;
        };
        if code.retry.as_ref().is_some_and(|r| !r.is_guess()) {
            continue;
        }
        // The most specific rule: one status before a class.
        let rule = rules
            .iter()
            .filter(|r| r.covers(status))
            .min_by_key(|r| r.class);
        if let Some(rule) = rule {
            code.retry = Some(Fact::read(rule.retry, rule.at.clone()));
        }
    }
    group_by_heading(draft);
    // A page that gives any status (a class like `5xx` included) is about
    // HTTP responses.
    draft.http = draft.codes.iter().any(|c| c.status.is_some());
}

/// The last line of `lines` that reads as a heading.
fn last_heading(lines: &[Block]) -> Option<&str> {
    lines.iter().rev().find_map(|b| match b {
        Block::Line { text, .. } if looks_like_heading(text) => Some(text.as_str()),
        _ => None,
    })
}

/// A line that reads as a section heading: a few capitalised words, no
/// sentence punctuation, no code.
fn looks_like_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with(['.', ':', ';', ',', '!', '?', ')'])
        && !text.contains(['{', '}', '=', '$', '#'])
        && shape(text) == Shape::Text
        && runs::glued(text).is_none()
}

/// Codes under two or more headings are grouped by them; a page of one
/// section is grouped otherwise.
fn group_by_heading(draft: &mut Draft) {
    let groups: std::collections::HashSet<&str> = draft
        .codes
        .iter()
        .filter_map(|c| c.group.as_ref().map(|g| g.value.as_str()))
        .collect();
    if groups.len() < 2 {
        for code in &mut draft.codes {
            code.group = None;
        }
    }
}

/// `Retry-After` and request id headers named anywhere on the page.
fn mentions(blocks: &[Block], draft: &mut Draft) {
    for block in blocks {
        let (Block::Line { text, at } | Block::Code { text, at } | Block::Heading { text, at }) =
            block
        else {
            continue;
        };
        if draft.retry_after_header.is_none() && text.to_lowercase().contains("retry-after") {
            draft.retry_after_header = Some(Fact::read(true, at.clone()));
        }
        if draft.request_id_header.is_none()
            && let Some(h) = text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .find(|w| w.to_lowercase().ends_with("request-id") && w.contains('-'))
        {
            draft.request_id_header = Some(Fact::read(h.to_string(), at.clone()));
        }
    }
}

/// A table of exit codes: its keys are 0–255, and its header or heading
/// says so.
fn is_exit_table(header: Option<&[String]>, rows: &[Vec<String>], heading: Option<&str>) -> bool {
    let header_says = header
        .into_iter()
        .flatten()
        .any(|h| column_hint(h) == Some(Column::Exit));
    let keys_small = rows.iter().all(|r| {
        r.first()
            .is_some_and(|c| c.parse::<u16>().is_ok_and(|n| n <= 255))
    });
    (header_says || about(heading, "exit")) && keys_small && !rows.is_empty()
}

/// The role of each column of a table.
fn roles(header: Option<&[String]>, data: &[Vec<String>], draft: &Draft) -> Vec<Option<Column>> {
    let width = data.iter().map(Vec::len).max().unwrap_or(0);
    let mut roles: Vec<Option<Column>> = (0..width)
        .map(|c| header.and_then(|h| h.get(c)).and_then(|h| column_hint(h)))
        .collect();
    let cells = |c: usize| {
        data.iter()
            .filter_map(move |r| r.get(c))
            .map(|s| s.as_str())
            .filter(|s| !s.is_empty())
    };
    let frac = |c: usize, f: &dyn Fn(&str) -> bool| {
        let all: Vec<&str> = cells(c).collect();
        if all.is_empty() {
            0.0
        } else {
            all.iter().filter(|s| f(s)).count() as f64 / all.len() as f64
        }
    };
    let exits: Vec<u8> = draft.exit_codes.iter().map(|(c, _)| *c).collect();
    for (c, role) in roles.iter_mut().enumerate() {
        let statuses = frac(c, &|s| status_of(s).is_some());
        let numbers = frac(c, &|s| s.parse::<u64>().is_ok());
        let tokens = frac(c, &|s| runs::is_token(&strip(s)));
        let exceptions = frac(c, &is_exception);
        let exit_like = !exits.is_empty()
            && frac(c, &|s| s.parse::<u8>().is_ok_and(|n| exits.contains(&n))) >= 0.99;
        // Content wins over a header that misnames its column.
        let by_content = if statuses >= 0.6 && numbers < 0.99 || statuses >= 0.99 {
            Some(Column::Status)
        } else if exit_like && numbers >= 0.99 {
            Some(Column::Exit)
        } else if numbers >= 0.6 {
            Some(if *role == Some(Column::Exit) {
                Column::Exit
            } else {
                Column::Numeric
            })
        } else if exceptions >= 0.6 && *role != Some(Column::Code) {
            Some(Column::Exception)
        } else if tokens >= 0.6 && !matches!(*role, Some(Column::Exception | Column::Type)) {
            Some(Column::Code)
        } else {
            None
        };
        let hinted_prose = matches!(
            *role,
            Some(
                Column::Message
                    | Column::Solution
                    | Column::Title
                    | Column::Retry
                    | Column::Type
                    | Column::Exception
            )
        );
        if let Some(found) = by_content
            && !(hinted_prose && found == Column::Code)
        {
            *role = Some(found);
        }
        if *role == Some(Column::Status) && statuses < 0.5 {
            *role = None;
        }
    }
    // The longest prose column is the message.
    if !roles.contains(&Some(Column::Message)) {
        let prose = (0..width)
            .filter(|c| roles[*c].is_none())
            .max_by_key(|c| cells(*c).map(str::len).sum::<usize>());
        if let Some(c) = prose {
            roles[c] = Some(Column::Message);
        }
    }
    roles
}

fn read_table(table: &Table<'_>, draft: &mut Draft, rules: &mut Vec<RetryRule>) {
    let mut rows: Vec<(Vec<String>, String)> = table
        .rows
        .iter()
        .cloned()
        .zip(table.at.iter().cloned())
        .collect();
    let mut table_header = table.header.clone();
    // A first row of labels, above rows of values, is the header.
    if table_header.is_none() && rows.len() >= 2 {
        let first = &rows[0].0;
        let labels = first.iter().filter(|c| !c.is_empty()).all(|c| {
            column_hint(c).is_some()
                || (shape(c) == Shape::Text && c.split_whitespace().count() <= 3)
        }) && first.iter().any(|c| column_hint(c).is_some());
        if labels {
            table_header = Some(rows.remove(0).0);
        }
    }
    if rows.is_empty() {
        return;
    }
    let heading = table.heading;
    let data: Vec<Vec<String>> = rows.iter().map(|(r, _)| r.clone()).collect();
    // Exit codes and what they mean.
    if is_exit_table(table_header.as_deref(), &data, heading) {
        for (row, at) in &rows {
            let Some(code) = row.first().and_then(|c| c.parse::<u8>().ok()) else {
                continue;
            };
            let meaning = row
                .iter()
                .skip(1)
                .find(|c| !c.is_empty())
                .cloned()
                .unwrap_or_default();
            if !draft.exit_codes.iter().any(|(c, _)| *c == code) {
                draft
                    .exit_codes
                    .push((code, Fact::read(meaning, at.clone())));
            }
        }
        return;
    }
    let roles = roles(table_header.as_deref(), &data, draft);
    let col = |role: Column| roles.iter().position(|r| *r == Some(role));
    let key_col = col(Column::Code);
    let status_col = col(Column::Status);
    // A table of retry advice by status or class.
    if key_col.is_none()
        && let Some(sc) = status_col
    {
        let advice: Vec<Option<RetryClass>> = rows
            .iter()
            .map(|(r, _)| {
                let others: Vec<&str> = r
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| *c != sc)
                    .map(|(_, s)| s.as_str())
                    .collect();
                retry_from_text(&others.join(" "))
            })
            .collect();
        let qualified = rows.iter().any(|(r, _)| {
            r.get(sc)
                .is_some_and(|s| s.contains('(') || s.to_lowercase().contains("except"))
        });
        let mostly_advice = advice.iter().filter(|a| a.is_some()).count() * 10 >= rows.len() * 6;
        if mostly_advice
            && (qualified
                || data.iter().all(|r| r.len() <= 3)
                    && rows
                        .iter()
                        .filter(|(r, _)| r.get(sc).is_some_and(|s| s.to_lowercase().contains('x')))
                        .count()
                        >= 1
                    && !draft.codes.is_empty())
        {
            for ((row, at), retry) in rows.iter().zip(advice) {
                let (Some(cell), Some(retry)) = (row.get(sc), retry) else {
                    continue;
                };
                let Some((status, _)) = status_of(cell) else {
                    continue;
                };
                let except = cell
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|w| w.len() == 3)
                    .filter_map(|w| w.parse().ok())
                    .filter(|s: &u16| s.to_string() != status)
                    .collect();
                let (class, status) = match status.parse::<u16>() {
                    Ok(s) => (0, s),
                    Err(_) => (status.as_bytes()[0] - b'0', 0),
                };
                rules.push(RetryRule {
                    class,
                    status,
                    except,
                    retry,
                    at: at.clone(),
                });
            }
            return;
        }
    }
    let numeric_col = col(Column::Numeric);
    let exception_key = key_col.is_none()
        && status_col.is_none()
        && numeric_col.is_none()
        && col(Column::Exception).is_some();
    if exception_key || about(heading, "exception") && key_col.is_none() && status_col.is_none() {
        // A list of SDK exceptions, tied to no code.
        let c = col(Column::Exception).or(col(Column::Code)).unwrap_or(0);
        for (row, at) in &rows {
            if let Some(name) = row.get(c).filter(|n| !n.is_empty()) {
                draft.skipped.push(Fact::read(
                    format!(
                        "SDK exception `{}`, tied to no code on the page",
                        strip(name)
                    ),
                    at.clone(),
                ));
            }
        }
        return;
    }
    for (row, at) in &rows {
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        let status = cell(status_col).and_then(status_of);
        let (written, is_status) = match (cell(key_col), cell(numeric_col), &status) {
            (Some(k), _, _) => (strip(k), false),
            (None, Some(n), _) => (n.to_string(), false),
            (None, None, Some((s, _))) => (s.clone(), true),
            _ => continue,
        };
        let identifier = written
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && written
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if written.is_empty() || (!is_status && !identifier && written.parse::<u64>().is_err()) {
            continue;
        }
        let i = draft.code_index(&written, at);
        let code = &mut draft.codes[i];
        code.is_status |= is_status;
        if let Some((s, rest)) = &status {
            match s.parse::<u16>() {
                Ok(n) if code.status.is_none() => code.status = Some(Fact::read(n, at.clone())),
                Err(_) if code.status.is_none() => {
                    let class = u16::from(s.as_bytes()[0] - b'0') * 100;
                    code.status = Some(Fact::guessed(
                        class,
                        format!("the page gives the class {s} only"),
                    ));
                }
                _ => {}
            }
            // `404 Not Found` in the status cell: the reason is a title.
            if !rest.is_empty() && code.title.is_none() && status_col != col(Column::Message) {
                code.title = Some(Fact::read(rest.to_string(), at.clone()));
            }
        }
        if let Some(n) = cell(numeric_col).and_then(|n| n.parse::<u64>().ok())
            && code.numeric.is_none()
        {
            code.numeric = Some(Fact::read(n, at.clone()));
        }
        if let Some(m) = cell(col(Column::Message)) {
            let status = code
                .status
                .as_ref()
                .filter(|s| !s.is_guess())
                .map(|s| s.value);
            let (title, message) = split_reason(status, m);
            if let Some(t) = title
                && code.title.is_none()
            {
                code.title = Some(Fact::read(t, at.clone()));
            }
            if code.message.is_none() {
                code.message = Some(Fact::read(literal_template(&message), at.clone()));
            }
            if code.retry.is_none()
                && let Some(r) = retry_from_text(m)
            {
                code.retry = Some(Fact::read(r, at.clone()));
            }
        }
        if let Some(t) = cell(col(Column::Title))
            && code.title.is_none()
        {
            code.title = Some(Fact::read(t.to_string(), at.clone()));
        }
        if let Some(s) = cell(col(Column::Solution)) {
            if code.solution.is_none() {
                code.solution = Some(Fact::read(s.to_string(), at.clone()));
            }
            if code.retry.is_none()
                && let Some(r) = retry_from_text(s)
            {
                code.retry = Some(Fact::read(r, at.clone()));
            }
        }
        if let Some(r) = cell(col(Column::Retry)).and_then(retry_answer) {
            code.retry = Some(Fact::read(r, at.clone()));
        }
        if let Some(e) = cell(col(Column::Exit)).and_then(|e| e.parse::<u8>().ok())
            && code.exit_code.is_none()
        {
            code.exit_code = Some(Fact::read(e, at.clone()));
        }
        if let Some(e) = cell(col(Column::Exception))
            && code.declared("sdk_exception").is_none()
        {
            let class = e.split([' ', '(']).next().unwrap_or(e);
            code.declared
                .push(("sdk_exception", Fact::read(class.into(), at.clone())));
        }
        if let Some(t) = cell(col(Column::Type))
            && code.error_type.is_none()
            && runs::is_token(t)
        {
            code.error_type = Some(Fact::read(strip(t), at.clone()));
        }
        if !is_status
            && code.group.is_none()
            && let Some(h) = heading
        {
            code.group = Some(Fact::read(h.to_string(), at.clone()));
        }
    }
}

/// A retry column's cell: advice in words, or a yes or no.
fn retry_answer(cell: &str) -> Option<RetryClass> {
    retry_from_text(cell).or_else(|| {
        let first = cell
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        match first.as_str() {
            "no" | "false" | "never" | "n" => Some(RetryClass::Never),
            "yes" | "true" | "y" | "always" => Some(RetryClass::Backoff),
            _ => None,
        }
    })
}

/// `Bad Request - Invalid parameters` → (`Bad Request`, `Invalid
/// parameters`) for a 400; the text alone otherwise.
fn split_reason(status: Option<u16>, text: &str) -> (Option<String>, String) {
    let Some(status) = status else {
        return (None, text.to_string());
    };
    let Some(len) = reason_prefix(status, text) else {
        return (None, text.to_string());
    };
    let title = text[..len].to_string();
    let rest = text[len..]
        .trim_start_matches([' ', '-', '–', '—', ':', '.', ','])
        .trim();
    if rest.is_empty() {
        (Some(title.clone()), title)
    } else {
        (Some(title), rest.to_string())
    }
}

/// JSON bodies on the page (in code blocks, or inline in text): the
/// envelope they show, and the codes they carry with their messages.
/// Returns the blocks they were found in, and the bodies with where each is
/// and the heading above it.
type Body = (Value, String, Option<String>);
fn examples(blocks: &[Block], draft: &mut Draft) -> (std::collections::HashSet<usize>, Vec<Body>) {
    let mut bodies = Vec::new();
    let mut consumed = std::collections::HashSet::new();
    // The page's text, each block's start remembered.
    let mut text = String::new();
    let mut starts = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if let Block::Line { text: t, .. } | Block::Code { text: t, .. } = block {
            starts.push((text.len(), i));
            text.push_str(t);
            text.push('\n');
        }
    }
    let block_at = |offset: usize| {
        starts
            .iter()
            .rev()
            .find(|(s, _)| *s <= offset)
            .map_or(0, |(_, i)| *i)
    };
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|o| o + from) {
        let Some(close) = balanced(&text, open) else {
            from = open + 1;
            continue;
        };
        let json = digits_without_underscores(&text[open..=close]);
        match serde_json::from_str::<Value>(&json) {
            Ok(Value::Object(body)) => {
                let first = block_at(open);
                let last = block_at(close);
                // The lines the body spans are not prose; the first and last
                // only when the body starts or ends them.
                for (b, block) in blocks.iter().enumerate().take(last + 1).skip(first) {
                    let Block::Line { text, .. } = block else {
                        continue;
                    };
                    let starts = b != first || text.trim_start().starts_with('{');
                    let ends = b != last || text.trim_end().ends_with('}');
                    if starts && ends {
                        consumed.insert(b);
                    }
                }
                envelope(&Value::Object(body.clone()), blocks[first].at(), draft);
                bodies.push((
                    Value::Object(body),
                    blocks[first].at().to_string(),
                    heading_before(blocks, first),
                ));
                from = close + 1;
            }
            _ => from = open + 1,
        }
    }
    (consumed, bodies)
}

fn heading_before(blocks: &[Block], i: usize) -> Option<String> {
    blocks[..i].iter().rev().find_map(|b| match b {
        Block::Heading { text, .. } => Some(text.clone()),
        Block::Line { text, .. } if looks_like_heading(text) => Some(text.clone()),
        _ => None,
    })
}

/// The end of the JSON object that starts at `open`, strings respected.
fn balanced(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text[open..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
        if i > 20_000 {
            return None;
        }
    }
    None
}

/// `3_600_000` → `3600000`, outside strings: docs write numbers as code does.
fn digits_without_underscores(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut prev = ' ';
    let chars: Vec<char> = json.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '"' && prev != '\\' {
            in_string = !in_string;
        }
        let skip = !in_string
            && c == '_'
            && prev.is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !skip {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// The error object of a body, and the envelope style it shows.
fn error_object(body: &Value) -> (&Value, &'static str) {
    match (body.get("error"), body.get("detail")) {
        (Some(e @ Value::Object(_)), _) => (e, "nested"),
        (_, Some(d @ Value::Object(_))) => (d, "detail"),
        _ if body.get("title").is_some() && body.get("status").is_some() => (body, "problem"),
        _ => (body, ""),
    }
}

fn code_member(object: &Value) -> Option<&str> {
    ["code", "error_code", "errorCode"]
        .iter()
        .find_map(|k| object.get(*k).and_then(Value::as_str))
}

/// The envelope the first error body on the page shows.
fn envelope(body: &Value, at: &str, draft: &mut Draft) {
    let (object, style) = error_object(body);
    if style.is_empty() || draft.envelope.is_some() || code_member(object).is_none() {
        return;
    }
    let keys = |v: &Value| {
        v.as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let all: Vec<String> = keys(body).into_iter().chain(keys(object)).collect();
    let camel = all.iter().any(|k| {
        k.chars().any(|c| c.is_ascii_uppercase())
            && k.chars().next().is_some_and(|c| c.is_ascii_lowercase())
    });
    draft.envelope = Some(Fact::read(
        Envelope {
            style: style.into(),
            camel,
            request_id_outside: style == "nested"
                && (body.get("request_id").is_some() || body.get("requestId").is_some()),
        },
        at,
    ));
}

/// One example body: its code, with message and type.
fn example(body: &Value, at: &str, heading: Option<String>, draft: &mut Draft) {
    let (object, _) = error_object(body);
    let Some(written) = code_member(object) else {
        return;
    };
    if !runs::is_token(written) && !written.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return;
    }
    let i = draft.code_index(written, at);
    let code = &mut draft.codes[i];
    let message = ["message", "title"]
        .iter()
        .find_map(|k| object.get(*k).and_then(Value::as_str));
    if let Some(m) = message
        && code.message.is_none()
    {
        code.message = Some(Fact::read(literal_template(m), at));
    }
    if let Some(t) = object.get("type").and_then(Value::as_str)
        && code.error_type.is_none()
        && runs::is_token(t)
    {
        code.error_type = Some(Fact::read(t.to_string(), at));
    }
    if let Some(h) = heading
        && code.group.is_none()
    {
        code.group = Some(Fact::read(h, at));
    }
}
