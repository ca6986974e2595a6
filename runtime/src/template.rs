//! Message templates: `"Limit {limit} per {{window}}"`, with ICU
//! MessageFormat's plural and select choices: `"{count, plural, one {# file}
//! other {# files}}"`. The one parser of the template syntax, shared by
//! codegen (which validates catalog templates and translations with
//! [`parse`]) and the runtime (which renders them with [`render`]).
//!
//! Inside a choice's arm, `}` always closes the arm, `{{` is a literal `{`
//! and, in a plural arm, `#` is the number and `##` a literal `#`.

use core::fmt;

use crate::plural;

/// How deep choices may nest: a bound for hostile input, far above what a
/// message needs.
pub const MAX_CHOICE_DEPTH: usize = 4;

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text; `{{` and `}}` arrive as a lone `{` or `}`.
    Text(&'a str),
    /// A `{name}` placeholder; `offset` is the byte offset of its `{`.
    Placeholder {
        /// The text between the braces.
        name: &'a str,
        /// Byte offset of the opening brace in the template.
        offset: usize,
    },
    /// A `{name, plural, …}` or `{name, select, …}` choice.
    Choice(Choice<'a>),
    /// `#` in a plural arm: the number the plural chooses by.
    Number {
        /// Byte offset of the `#`.
        offset: usize,
    },
}

/// Plural or select.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceKind {
    /// Arms by the number's CLDR plural category, or `=N` for exactly N.
    Plural,
    /// Arms by the value's text.
    Select,
}

impl ChoiceKind {
    /// As written in a template.
    pub fn as_str(self) -> &'static str {
        match self {
            ChoiceKind::Plural => "plural",
            ChoiceKind::Select => "select",
        }
    }
}

/// A choice between arms by the value of a param.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<'a> {
    /// The param it chooses by.
    pub name: &'a str,
    /// Byte offset of its `{`.
    pub offset: usize,
    /// Plural or select.
    pub kind: ChoiceKind,
    /// Its arms, as written; one is `other`.
    pub arms: Vec<Arm<'a>>,
}

/// One arm of a choice: `one {# file}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arm<'a> {
    /// `one`, `=0`, or a select value.
    pub key: &'a str,
    /// Byte offset of the key.
    pub offset: usize,
    /// What it says.
    pub pieces: Vec<Piece<'a>>,
}

/// Why a template does not parse, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset of the offending brace.
    pub offset: usize,
    /// What is wrong.
    pub problem: TemplateProblem,
}

/// What can be wrong with a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    /// A `{` without its `}`.
    Unclosed,
    /// A `}` that closes nothing.
    Unmatched,
    /// `{}`.
    EmptyPlaceholder,
    /// A placeholder whose name the caller's rule rejects.
    InvalidName(String),
    /// `{x, number}`: a choice that is neither `plural` nor `select`.
    UnknownChoice(String),
    /// Something other than `key {…}` among a choice's arms.
    BadArm,
    /// A plural arm whose key is neither a CLDR category nor `=N`.
    BadPluralKey(String),
    /// Two arms with one key.
    DuplicateArm(String),
    /// A choice without its `other` arm.
    MissingOther,
    /// Choices nested deeper than [`MAX_CHOICE_DEPTH`].
    TooDeep,
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateProblem::Unclosed => f.write_str("`{` is never closed"),
            TemplateProblem::Unmatched => f.write_str("unmatched `}`"),
            TemplateProblem::EmptyPlaceholder => f.write_str("empty placeholder `{}`"),
            TemplateProblem::InvalidName(name) => {
                write!(f, "`{{{name}}}` is not a valid param name")
            }
            TemplateProblem::UnknownChoice(kind) => {
                write!(f, "`{kind}` is not a choice: write `plural` or `select`")
            }
            TemplateProblem::BadArm => {
                f.write_str("expected an arm: a key, then its text in `{…}`")
            }
            TemplateProblem::BadPluralKey(key) => write!(
                f,
                "`{key}` is not a plural category (zero, one, two, few, many, other) or `=N`"
            ),
            TemplateProblem::DuplicateArm(key) => write!(f, "the arm `{key}` is written twice"),
            TemplateProblem::MissingOther => f.write_str("the choice has no `other` arm"),
            TemplateProblem::TooDeep => {
                write!(f, "choices nest deeper than {MAX_CHOICE_DEPTH} levels")
            }
        }
    }
}

/// The pieces of `template`, in order, stopping at the first problem.
/// `valid_name` decides which param names (placeholders and the params
/// choices choose by) are allowed.
pub fn parse<'a>(
    template: &'a str,
    valid_name: impl Fn(&str) -> bool,
) -> Result<Vec<Piece<'a>>, TemplateError> {
    let parser = Parser {
        src: template,
        valid_name: &valid_name,
    };
    let (pieces, end) = parser.pieces(0, false, 0)?;
    debug_assert_eq!(end, template.len());
    Ok(pieces)
}

/// Every param a template's pieces use, with the byte offset of each use
/// and whether a choice chooses by it (`Some(kind)`), in order, nested
/// arms included.
pub fn param_uses<'a>(pieces: &[Piece<'a>]) -> Vec<(&'a str, usize, Option<ChoiceKind>)> {
    let mut uses = Vec::new();
    collect_uses(pieces, &mut uses);
    uses
}

fn collect_uses<'a>(pieces: &[Piece<'a>], uses: &mut Vec<(&'a str, usize, Option<ChoiceKind>)>) {
    for piece in pieces {
        match piece {
            Piece::Placeholder { name, offset } => uses.push((name, *offset, None)),
            Piece::Choice(choice) => {
                uses.push((choice.name, choice.offset, Some(choice.kind)));
                for arm in &choice.arms {
                    collect_uses(&arm.pieces, uses);
                }
            }
            Piece::Text(_) | Piece::Number { .. } => {}
        }
    }
}

struct Parser<'s, 'f> {
    src: &'s str,
    valid_name: &'f dyn Fn(&str) -> bool,
}

impl<'s> Parser<'s, '_> {
    fn error<T>(&self, offset: usize, problem: TemplateProblem) -> Result<T, TemplateError> {
        Err(TemplateError { offset, problem })
    }

    /// Pieces from `at` to the end (`depth` 0) or to the `}` that closes an
    /// arm (returned as the end, not consumed).
    fn pieces(
        &self,
        mut at: usize,
        in_plural: bool,
        depth: usize,
    ) -> Result<(Vec<Piece<'s>>, usize), TemplateError> {
        let bytes = self.src.as_bytes();
        let mut pieces = Vec::new();
        while at < bytes.len() {
            let rest = &self.src[at..];
            if rest.starts_with("{{") {
                pieces.push(Piece::Text("{"));
                at += 2;
            } else if rest.starts_with('}') {
                if depth > 0 {
                    return Ok((pieces, at));
                }
                if rest.starts_with("}}") {
                    pieces.push(Piece::Text("}"));
                    at += 2;
                } else {
                    return self.error(at, TemplateProblem::Unmatched);
                }
            } else if rest.starts_with('{') {
                let (piece, next) = self.braced(at, in_plural, depth)?;
                pieces.push(piece);
                at = next;
            } else if in_plural && rest.starts_with("##") {
                pieces.push(Piece::Text("#"));
                at += 2;
            } else if in_plural && rest.starts_with('#') {
                pieces.push(Piece::Number { offset: at });
                at += 1;
            } else {
                let stops: &[char] = if in_plural {
                    &['{', '}', '#']
                } else {
                    &['{', '}']
                };
                let len = rest.find(stops).unwrap_or(rest.len());
                pieces.push(Piece::Text(&rest[..len]));
                at += len;
            }
        }
        if depth > 0 {
            // The caller reports the choice that is never closed.
            return self.error(at, TemplateProblem::Unclosed);
        }
        Ok((pieces, at))
    }

    /// A placeholder or a choice starting at the `{` at `at`.
    fn braced(
        &self,
        at: usize,
        in_plural: bool,
        depth: usize,
    ) -> Result<(Piece<'s>, usize), TemplateError> {
        let inner = &self.src[at + 1..];
        let Some(len) = inner.find(['}', '{', ',']) else {
            return self.error(at, TemplateProblem::Unclosed);
        };
        let name = &inner[..len];
        match inner.as_bytes()[len] {
            b'}' => {
                if name.is_empty() {
                    return self.error(at, TemplateProblem::EmptyPlaceholder);
                }
                if !(self.valid_name)(name) {
                    return self.error(at, TemplateProblem::InvalidName(name.to_string()));
                }
                Ok((Piece::Placeholder { name, offset: at }, at + len + 2))
            }
            b',' => self.choice(at, name.trim(), at + 1 + len + 1, in_plural, depth),
            _ => self.error(at, TemplateProblem::Unclosed),
        }
    }

    /// The rest of a choice whose `{name,` ends before `at`.
    fn choice(
        &self,
        open: usize,
        name: &'s str,
        at: usize,
        in_plural: bool,
        depth: usize,
    ) -> Result<(Piece<'s>, usize), TemplateError> {
        if name.is_empty() {
            return self.error(open, TemplateProblem::EmptyPlaceholder);
        }
        if !(self.valid_name)(name) {
            return self.error(open, TemplateProblem::InvalidName(name.to_string()));
        }
        if depth >= MAX_CHOICE_DEPTH {
            return self.error(open, TemplateProblem::TooDeep);
        }
        let rest = &self.src[at..];
        let Some(comma) = rest
            .find([',', '{', '}'])
            .filter(|&c| rest.as_bytes()[c] == b',')
        else {
            let kind = rest.split(['{', '}']).next().unwrap_or_default().trim();
            return self.error(open, TemplateProblem::UnknownChoice(kind.to_string()));
        };
        let kind = match rest[..comma].trim() {
            "plural" => ChoiceKind::Plural,
            "select" => ChoiceKind::Select,
            other => return self.error(open, TemplateProblem::UnknownChoice(other.to_string())),
        };
        let mut at = at + comma + 1;
        let mut arms: Vec<Arm<'s>> = Vec::new();
        loop {
            at += self.src[at..].len() - self.src[at..].trim_start().len();
            let rest = &self.src[at..];
            if rest.is_empty() {
                return self.error(open, TemplateProblem::Unclosed);
            }
            if rest.starts_with('}') {
                if !arms.iter().any(|a| a.key == "other") {
                    return self.error(open, TemplateProblem::MissingOther);
                }
                let choice = Choice {
                    name,
                    offset: open,
                    kind,
                    arms,
                };
                return Ok((Piece::Choice(choice), at + 1));
            }
            let key_len = rest
                .find(|c: char| c.is_whitespace() || c == '{' || c == '}')
                .unwrap_or(rest.len());
            let key = &rest[..key_len];
            let after_key = at + key_len;
            let gap = self.src[after_key..].len() - self.src[after_key..].trim_start().len();
            if key.is_empty() || !self.src[after_key + gap..].starts_with('{') {
                return self.error(at, TemplateProblem::BadArm);
            }
            if kind == ChoiceKind::Plural && !plural_key(key) {
                return self.error(at, TemplateProblem::BadPluralKey(key.to_string()));
            }
            if arms.iter().any(|a| a.key == key) {
                return self.error(at, TemplateProblem::DuplicateArm(key.to_string()));
            }
            let body = after_key + gap + 1;
            let plural_arm = in_plural || kind == ChoiceKind::Plural;
            let (pieces, end) = match self.pieces(body, plural_arm, depth + 1) {
                Err(TemplateError {
                    problem: TemplateProblem::Unclosed,
                    offset,
                }) if offset == self.src.len() => {
                    return self.error(after_key + gap, TemplateProblem::Unclosed);
                }
                other => other?,
            };
            arms.push(Arm {
                key,
                offset: at,
                pieces,
            });
            at = end + 1;
        }
    }
}

/// A plural arm's key: a CLDR category or `=N`.
fn plural_key(key: &str) -> bool {
    plural::Category::parse(key).is_some()
        || key.strip_prefix('=').is_some_and(|n| {
            !n.is_empty() && n.len() <= 18 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Renders `template`, asking `value` for each param and choosing plural
/// arms by `plurals` (a locale's CLDR rules, [`crate::plural`]). A
/// placeholder without a value is kept as written, and a choice without one
/// takes its `other` arm. A template that does not [`parse`] is rendered
/// flat: each well-formed `{name}` filled, every other brace kept as
/// written, so rendering never fails.
pub fn render(
    template: &str,
    plurals: &str,
    value: impl FnMut(&str, &mut String) -> bool,
) -> String {
    render_with(template, plurals, value, false)
}

/// [`render`] for a template [`parse`] accepts, such as a catalog's (the
/// codegen refuses any other, E0021): the arms a choice does not take are
/// skipped rather than checked, so a message costs what its chosen text
/// costs. Other text still renders, without panicking, but not
/// necessarily as [`render`] would.
pub fn render_parsed(
    template: &str,
    plurals: &str,
    value: impl FnMut(&str, &mut String) -> bool,
) -> String {
    render_with(template, plurals, value, true)
}

fn render_with(
    template: &str,
    plurals: &str,
    mut value: impl FnMut(&str, &mut String) -> bool,
    parsed: bool,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    // Only `{name,` opens a choice; a template without one renders flat at
    // once (the same text the parse would give, without building pieces).
    if may_have_choice(template) {
        let mut stream = Stream {
            src: template,
            plurals,
            value: &mut value,
            parsed,
        };
        if stream.pieces(0, false, 0, None, Some(&mut out)).is_ok() {
            return out;
        }
        out.clear();
    }
    render_flat(template, &mut value, &mut out);
    out
}

/// Renders a template with choices in one walk of its text, building no
/// pieces: the grammar of [`parse`] (which it must accept and refuse alike;
/// a test compares them), each choice's arms checked, then the chosen one
/// rendered. `Err` when the template does not parse.
struct Stream<'t, 'v> {
    src: &'t str,
    plurals: &'t str,
    value: &'v mut dyn FnMut(&str, &mut String) -> bool,
    /// The template is known to parse ([`render_parsed`]): arms not taken
    /// are skipped, not checked.
    parsed: bool,
}

/// The arms of one choice, kept without allocating for up to this many.
const INLINE_ARMS: usize = 8;

impl<'t> Stream<'t, '_> {
    /// From `at` to the end (`depth` 0) or to the `}` that closes an arm
    /// (its offset is returned); written to `out` when given.
    fn pieces(
        &mut self,
        mut at: usize,
        in_plural: bool,
        depth: usize,
        number: Option<&str>,
        mut out: Option<&mut String>,
    ) -> Result<usize, ()> {
        let src = self.src;
        let bytes = src.as_bytes();
        while at < bytes.len() {
            match bytes[at] {
                b'{' if bytes.get(at + 1) == Some(&b'{') => {
                    push(&mut out, "{");
                    at += 2;
                }
                b'}' if depth > 0 => return Ok(at),
                b'}' if bytes.get(at + 1) == Some(&b'}') => {
                    push(&mut out, "}");
                    at += 2;
                }
                b'}' => return Err(()),
                b'{' => at = self.braced(at, in_plural, depth, number, out.as_deref_mut())?,
                b'#' if in_plural && bytes.get(at + 1) == Some(&b'#') => {
                    push(&mut out, "#");
                    at += 2;
                }
                b'#' if in_plural => {
                    push(&mut out, number.unwrap_or("#"));
                    at += 1;
                }
                _ => {
                    // Bytes, not chars: every stop is ASCII, and UTF-8
                    // never hides one inside another character.
                    let len = bytes[at..]
                        .iter()
                        .position(|&b| b == b'{' || b == b'}' || (in_plural && b == b'#'))
                        .unwrap_or(bytes.len() - at);
                    push(&mut out, &src[at..at + len]);
                    at += len;
                }
            }
        }
        if depth > 0 { Err(()) } else { Ok(at) }
    }

    fn braced(
        &mut self,
        at: usize,
        in_plural: bool,
        depth: usize,
        number: Option<&str>,
        out: Option<&mut String>,
    ) -> Result<usize, ()> {
        let src = self.src;
        let inner = &src[at + 1..];
        let len = inner
            .bytes()
            .position(|b| matches!(b, b'}' | b'{' | b','))
            .ok_or(())?;
        let name = &inner[..len];
        match inner.as_bytes()[len] {
            b'}' if name.is_empty() => Err(()),
            b'}' => {
                if let Some(out) = out
                    && !(self.value)(name, out)
                {
                    out.push_str(&src[at..at + len + 2]);
                }
                Ok(at + len + 2)
            }
            b',' => self.choice(name.trim(), at + 1 + len + 1, in_plural, depth, number, out),
            _ => Err(()),
        }
    }

    fn choice(
        &mut self,
        name: &str,
        at: usize,
        in_plural: bool,
        depth: usize,
        number: Option<&str>,
        out: Option<&mut String>,
    ) -> Result<usize, ()> {
        let src = self.src;
        if name.is_empty() || depth >= MAX_CHOICE_DEPTH {
            return Err(());
        }
        let rest = &src[at..];
        let comma = rest
            .bytes()
            .position(|b| matches!(b, b',' | b'{' | b'}'))
            .filter(|&c| rest.as_bytes()[c] == b',')
            .ok_or(())?;
        let kind = match rest[..comma].trim() {
            "plural" => ChoiceKind::Plural,
            "select" => ChoiceKind::Select,
            _ => return Err(()),
        };
        let plural_arm = in_plural || kind == ChoiceKind::Plural;
        let mut inline = [("", 0usize); INLINE_ARMS];
        let mut more: Vec<(&str, usize)> = Vec::new();
        let mut count = 0;
        let mut at = at + comma + 1;
        let end = loop {
            let (key, body, close) = if self.parsed {
                // Between arms there are only keys and spaces: the next brace
                // opens an arm's text or ends the choice.
                let bytes = src.as_bytes();
                let brace = at
                    + bytes[at..]
                        .iter()
                        .position(|&b| b == b'{' || b == b'}')
                        .ok_or(())?;
                if bytes[brace] == b'}' {
                    break brace + 1;
                }
                let close = skip_arm(bytes, brace + 1, depth + 1).ok_or(())?;
                (src[at..brace].trim(), brace + 1, close)
            } else {
                at += src[at..].len() - src[at..].trim_start().len();
                let rest = &src[at..];
                if rest.is_empty() {
                    return Err(());
                }
                if rest.starts_with('}') {
                    break at + 1;
                }
                let key_len = rest
                    .find(|c: char| c.is_whitespace() || c == '{' || c == '}')
                    .unwrap_or(rest.len());
                let key = &rest[..key_len];
                let after_key = at + key_len;
                let gap = src[after_key..].len() - src[after_key..].trim_start().len();
                if key.is_empty() || !src[after_key + gap..].starts_with('{') {
                    return Err(());
                }
                if kind == ChoiceKind::Plural && !plural_key(key) {
                    return Err(());
                }
                let seen = inline[..count.min(INLINE_ARMS)].iter().chain(&more);
                if seen.clone().any(|(k, _)| *k == key) {
                    return Err(());
                }
                let body = after_key + gap + 1;
                (
                    key,
                    body,
                    self.pieces(body, plural_arm, depth + 1, None, None)?,
                )
            };
            if count < INLINE_ARMS {
                inline[count] = (key, body);
            } else {
                more.push((key, body));
            }
            count += 1;
            at = close + 1;
        };
        let arms: Vec<(&str, usize)>;
        let arms: &[(&str, usize)] = if more.is_empty() {
            &inline[..count]
        } else {
            arms = inline.iter().copied().chain(more).collect();
            &arms
        };
        let Some(&(_, other)) = arms.iter().find(|(k, _)| *k == "other") else {
            return Err(());
        };
        let Some(out) = out else {
            return Ok(end);
        };
        let mut text = String::new();
        let known = (self.value)(name, &mut text);
        let text = known.then_some(text);
        let body = match text.as_deref() {
            None => other,
            Some(text) => chosen_arm(kind, arms, text, self.plurals).unwrap_or(other),
        };
        let shown;
        let number = match (kind, &text) {
            (ChoiceKind::Plural, Some(text)) => Some(text.as_str()),
            (ChoiceKind::Plural, None) => {
                shown = format!("{{{name}}}");
                Some(shown.as_str())
            }
            (ChoiceKind::Select, _) => number,
        };
        self.pieces(body, plural_arm, depth + 1, number, Some(out))?;
        Ok(end)
    }
}

/// Where the arm whose text starts at `at` ends (its closing `}`), read as
/// [`parse`] reads a template that parses, without checking it: in an
/// arm's text `{{` is a brace, `}` ends the arm, `{name}` is a placeholder
/// and `{name, kind, key {…} …}` a choice whose arms are skipped alike.
/// `None` where the text ends first or nests past [`MAX_CHOICE_DEPTH`].
fn skip_arm(bytes: &[u8], mut at: usize, depth: usize) -> Option<usize> {
    if depth > MAX_CHOICE_DEPTH {
        return None;
    }
    loop {
        let brace = at
            + bytes
                .get(at..)?
                .iter()
                .position(|&b| b == b'{' || b == b'}')?;
        if bytes[brace] == b'}' {
            return Some(brace);
        }
        if bytes.get(brace + 1) == Some(&b'{') {
            at = brace + 2;
            continue;
        }
        let name = brace + 1;
        let stop = name
            + bytes
                .get(name..)?
                .iter()
                .position(|&b| matches!(b, b'}' | b'{' | b','))?;
        at = match bytes[stop] {
            b'}' => stop + 1,
            b',' => skip_choice(bytes, stop + 1, depth + 1)?,
            _ => return None,
        };
    }
}

/// Past the `}` that ends a choice whose kind starts at `at` (after its
/// `{name,`), for [`skip_arm`].
fn skip_choice(bytes: &[u8], at: usize, depth: usize) -> Option<usize> {
    let comma = at
        + bytes
            .get(at..)?
            .iter()
            .position(|&b| matches!(b, b',' | b'{' | b'}'))?;
    if bytes[comma] != b',' {
        return None;
    }
    let mut at = comma + 1;
    loop {
        // Between arms there are only keys and spaces: the next brace opens
        // an arm's text or ends the choice.
        let brace = at
            + bytes
                .get(at..)?
                .iter()
                .position(|&b| b == b'{' || b == b'}')?;
        if bytes[brace] == b'}' {
            return Some(brace + 1);
        }
        at = skip_arm(bytes, brace + 1, depth)? + 1;
    }
}

fn push(out: &mut Option<&mut String>, text: &str) {
    if let Some(out) = out {
        out.push_str(text);
    }
}

/// The arm (what each key comes with: its start, or its index) a choice
/// takes for its param's text, as [`choose`] says; `None` for its `other`.
fn chosen_arm(
    kind: ChoiceKind,
    arms: &[(&str, usize)],
    text: &str,
    plurals: &str,
) -> Option<usize> {
    let find = |key: &str| arms.iter().find(|(k, _)| *k == key).map(|&(_, at)| at);
    match kind {
        ChoiceKind::Select => find(text),
        ChoiceKind::Plural => {
            let exact = (plural::Operands::of(text).is_some() && !text.starts_with('-'))
                .then(|| {
                    arms.iter()
                        .find(|(k, _)| k.strip_prefix('=').is_some_and(|n| same_number(n, text)))
                        .map(|&(_, at)| at)
                })
                .flatten();
            exact.or_else(|| find(plural::category(plurals, text).as_str()))
        }
    }
}

/// Whether some `{` meets a `,` before any other brace.
fn may_have_choice(template: &str) -> bool {
    let bytes = template.as_bytes();
    open_braces(bytes).any(|at| {
        bytes[at + 1..]
            .iter()
            .find(|&&b| matches!(b, b'{' | b'}' | b','))
            .is_some_and(|&b| b == b',')
    })
}

fn open_braces(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'{')
        .map(|(at, _)| at)
}

/// The reference renderer over parsed pieces: what [`Stream`] must write
/// (a test compares the two).
#[cfg(test)]
fn render_pieces(
    pieces: &[Piece<'_>],
    template: &str,
    plurals: &str,
    number: Option<&str>,
    value: &mut dyn FnMut(&str, &mut String) -> bool,
    scratch: &mut String,
    out: &mut String,
) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder { name, offset } => {
                if !value(name, out) {
                    out.push_str(&template[*offset..*offset + name.len() + 2]);
                }
            }
            Piece::Number { .. } => out.push_str(number.unwrap_or("#")),
            Piece::Choice(choice) => {
                scratch.clear();
                let known = value(choice.name, scratch);
                let text = known.then(|| scratch.clone());
                let arm = choose(choice, text.as_deref(), plurals);
                // `#` is the number of the nearest plural.
                let shown;
                let number = match (choice.kind, &text) {
                    (ChoiceKind::Plural, Some(text)) => Some(text.as_str()),
                    (ChoiceKind::Plural, None) => {
                        shown = format!("{{{}}}", choice.name);
                        Some(shown.as_str())
                    }
                    (ChoiceKind::Select, _) => number,
                };
                render_pieces(&arm.pieces, template, plurals, number, value, scratch, out);
            }
        }
    }
}

/// The arm a choice takes for a param's text (`None` without a value):
/// for a plural, an `=N` arm with exactly that number, else the arm of its
/// category under `plurals`, else `other`; for a select, the arm keyed by
/// the text, else `other`. The rule [`render`] follows.
pub fn choose<'c, 'a>(choice: &'c Choice<'a>, text: Option<&str>, plurals: &str) -> &'c Arm<'a> {
    let keys: Vec<(&str, usize)> = choice
        .arms
        .iter()
        .enumerate()
        .map(|(i, a)| (a.key, i))
        .collect();
    let other = keys
        .iter()
        .find(|(k, _)| *k == "other")
        .map_or(0, |&(_, i)| i);
    let at = text.and_then(|text| chosen_arm(choice.kind, &keys, text, plurals));
    &choice.arms[at.unwrap_or(other)]
}

/// Whether the digits `n` and the number `text` are one number (`=1`
/// matches `1` and `1.0`, not `1.5`).
fn same_number(n: &str, text: &str) -> bool {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    frac.bytes().all(|b| b == b'0') && int.trim_start_matches('0') == n.trim_start_matches('0')
}

/// The flat rendering: `{name}` filled, `{{`/`}}` unescaped, every other
/// brace kept as written.
fn render_flat(template: &str, value: &mut dyn FnMut(&str, &mut String) -> bool, out: &mut String) {
    let mut at = 0;
    while at < template.len() {
        match next_flat_piece(template, at) {
            Ok((Piece::Text(text), next)) => {
                out.push_str(text);
                at = next;
            }
            Ok((Piece::Placeholder { name, .. }, next)) => {
                if !value(name, out) {
                    out.push_str(&template[at..next]);
                }
                at = next;
            }
            _ => {
                // A lone brace: keep it and go on after it.
                out.push_str(&template[at..at + 1]);
                at += 1;
            }
        }
    }
}

/// The flat piece starting at byte `at`, and where the next one starts.
fn next_flat_piece(template: &str, at: usize) -> Result<(Piece<'_>, usize), ()> {
    let rest = &template[at..];
    if rest.starts_with("{{") {
        return Ok((Piece::Text("{"), at + 2));
    }
    if rest.starts_with("}}") {
        return Ok((Piece::Text("}"), at + 2));
    }
    if rest.starts_with('}') {
        return Err(());
    }
    if let Some(inner) = rest.strip_prefix('{') {
        return match inner.find(['}', '{']) {
            Some(len) if inner.as_bytes()[len] == b'}' && len > 0 => Ok((
                Piece::Placeholder {
                    name: &inner[..len],
                    offset: at,
                },
                at + len + 2,
            )),
            _ => Err(()),
        };
    }
    let len = rest.find(['{', '}']).unwrap_or(rest.len());
    Ok((Piece::Text(&rest[..len]), at + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(_: &str) -> bool {
        true
    }

    #[test]
    fn pieces_and_escapes() {
        assert_eq!(
            parse("Limit {limit} per {{window}}", any).unwrap(),
            vec![
                Piece::Text("Limit "),
                Piece::Placeholder {
                    name: "limit",
                    offset: 6
                },
                Piece::Text(" per "),
                Piece::Text("{"),
                Piece::Text("window"),
                Piece::Text("}"),
            ]
        );
        assert_eq!(parse("caf\u{e9} {x}", any).unwrap().len(), 2);
    }

    #[test]
    fn problems_have_offsets() {
        let problem = |t: &str| parse(t, |n| !n.contains(' ')).unwrap_err();
        assert_eq!(problem("a {b").offset, 2);
        assert_eq!(problem("a {b").problem, TemplateProblem::Unclosed);
        assert_eq!(problem("a } b").problem, TemplateProblem::Unmatched);
        assert_eq!(problem("{}").problem, TemplateProblem::EmptyPlaceholder);
        assert_eq!(problem("{a{b}").problem, TemplateProblem::Unclosed);
        assert_eq!(
            problem("x {a b}").problem,
            TemplateProblem::InvalidName("a b".into())
        );
        assert_eq!(
            TemplateProblem::InvalidName("a b".into()).to_string(),
            "`{a b}` is not a valid param name"
        );
    }

    #[test]
    fn rendering_keeps_what_it_cannot_fill() {
        let render_with = |t: &str| {
            render(t, EN, |name, out| {
                (name == "n").then(|| out.push_str("42")).is_some()
            })
        };
        assert_eq!(render_with("{n} of {{n}}"), "42 of {n}");
        assert_eq!(render_with("{missing} {n}"), "{missing} 42");
        assert_eq!(render_with("a } {b"), "a } {b");
        assert_eq!(render_with("{a{n}"), "{a42");
    }

    const EN: &str = "one: i = 1 and v = 0";
    const PL: &str = "one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; many: v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14";

    fn render_values(template: &str, plurals: &str, values: &[(&str, &str)]) -> String {
        render(template, plurals, |name, out| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| out.push_str(v))
                .is_some()
        })
    }

    #[test]
    fn choices_parse_into_arms() {
        let pieces = parse("{n, plural, =0 {none} one {# file} other {# files}}!", any).unwrap();
        let Piece::Choice(choice) = &pieces[0] else {
            panic!("{pieces:?}")
        };
        assert_eq!(choice.kind, ChoiceKind::Plural);
        let keys: Vec<&str> = choice.arms.iter().map(|a| a.key).collect();
        assert_eq!(keys, ["=0", "one", "other"]);
        assert_eq!(
            choice.arms[1].pieces,
            [Piece::Number { offset: 27 }, Piece::Text(" file")]
        );
        assert_eq!(pieces[1], Piece::Text("!"));
        let nested = parse(
            "{who, select, admin {{n, plural, one {# seat} other {# seats}} left} other {{who}}}",
            any,
        )
        .unwrap();
        let uses: Vec<_> = param_uses(&nested)
            .into_iter()
            .map(|(n, _, k)| (n, k))
            .collect();
        assert_eq!(
            uses,
            [
                ("who", Some(ChoiceKind::Select)),
                ("n", Some(ChoiceKind::Plural)),
                ("who", None)
            ]
        );
    }

    #[test]
    fn choice_problems_have_offsets() {
        let problem = |t: &str| parse(t, |n| !n.contains(' ')).unwrap_err();
        let cases = [
            (
                "{n, number}",
                0,
                TemplateProblem::UnknownChoice("number".into()),
            ),
            ("{n, plural, one {x}}", 0, TemplateProblem::MissingOther),
            (
                "{n, plural, lots {x} other {y}}",
                12,
                TemplateProblem::BadPluralKey("lots".into()),
            ),
            (
                "{n, plural, one {x} one {y} other {z}}",
                20,
                TemplateProblem::DuplicateArm("one".into()),
            ),
            ("{n, plural, one x other {y}}", 12, TemplateProblem::BadArm),
            (
                "a {n, plural, one {x} other {y}",
                2,
                TemplateProblem::Unclosed,
            ),
            (
                "{n, plural, one {x} other {y",
                26,
                TemplateProblem::Unclosed,
            ),
            (
                "{a b, select, other {x}}",
                0,
                TemplateProblem::InvalidName("a b".into()),
            ),
            (
                "{, select, other {x}}",
                0,
                TemplateProblem::EmptyPlaceholder,
            ),
        ];
        for (template, offset, expected) in cases {
            let e = problem(template);
            assert_eq!((e.offset, e.problem), (offset, expected), "{template}");
        }
        let deep = "{a, select, other {".repeat(5) + &"}}".repeat(5);
        assert_eq!(problem(&deep).problem, TemplateProblem::TooDeep);
    }

    #[test]
    fn plurals_choose_by_the_locale() {
        let files =
            "{n, plural, =0 {no files} one {# file} few {# pliki} many {# plików} other {# files}}";
        let of = |rules, n: &str| render_values(files, rules, &[("n", n)]);
        assert_eq!(of(EN, "0"), "no files");
        assert_eq!(of(EN, "0.0"), "no files");
        assert_eq!(of(EN, "1"), "1 file");
        assert_eq!(of(EN, "2"), "2 files");
        assert_eq!(of(PL, "3"), "3 pliki");
        assert_eq!(of(PL, "5"), "5 plików");
        assert_eq!(of(PL, "1.5"), "1.5 files");
        assert_eq!(of(EN, "-1"), "-1 file");
        assert_eq!(of(EN, "many"), "many files");
        assert_eq!(render_values(files, EN, &[]), "{n} files");
    }

    #[test]
    fn selects_hashes_and_braces() {
        // In a select arm `#` is text; `{{` is a brace; `}` ends the arm.
        let t = "{role, select, admin {Admins ({{all) ## #} other {Only {role}}}";
        assert_eq!(
            render_values(t, EN, &[("role", "admin")]),
            "Admins ({all) ## #"
        );
        assert_eq!(render_values(t, EN, &[("role", "guest")]), "Only guest");
        let t = "{n, plural, other {#{n}: ## {kind, select, a {# a} other {b}}}}";
        assert_eq!(
            render_values(t, EN, &[("n", "3"), ("kind", "a")]),
            "33: # 3 a"
        );
    }

    #[test]
    fn malformed_choices_render_flat() {
        let flat = |t: &str| render_values(t, EN, &[("n", "2")]);
        assert_eq!(flat("{n, plural, one {x}} {n}"), "{n, plural, one {x}} 2");
        assert_eq!(flat("{n, number} {n}"), "{n, number} 2");
        assert_eq!(flat("a, b } {n"), "a, b } {n");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The streaming renderer accepts what `parse` accepts and writes
        /// what the reference renderer writes from the pieces.
        #[test]
        fn streaming_renders_as_the_pieces_do(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "{", "}", "{{", "}}", "#", "##", ",", " ", "n", "x", "plural", "select", "one", "other",
                "few", "=1", "{n, plural, ", "{x, select, ", "one {", "other {", "few {", "a {", "} ",
                "text", "{n}", "{x}",
            ][..]), 0..30),
            n in 0u32..30,
        ) {
            let t = parts.concat();
            let value = |name: &str, out: &mut String| match name {
                "n" => { out.push_str(&n.to_string()); true }
                "x" => { out.push('a'); true }
                _ => false,
            };
            let mut expected = String::new();
            let parsed = parse(&t, |_| true);
            if let Ok(pieces) = &parsed {
                let mut value = value;
                let mut scratch = String::new();
                render_pieces(pieces, &t, PL, None, &mut value, &mut scratch, &mut expected);
            }
            let mut value = value;
            let mut out = String::new();
            let streamed = Stream { src: &t, plurals: PL, value: &mut value, parsed: false }
                .pieces(0, false, 0, None, Some(&mut out));
            proptest::prop_assert_eq!(streamed.is_ok(), parsed.is_ok(), "{:?}", t);
            // Skipping the arms not taken renders any text without panicking,
            // and a template that parses exactly as checking them does.
            let skipped = render_parsed(&t, PL, value);
            if parsed.is_ok() {
                proptest::prop_assert_eq!(&out, &expected, "{:?}", t);
                proptest::prop_assert_eq!(skipped, render(&t, PL, value), "{:?}", t);
            }
        }

        /// Nested choices, braces of text and `#` in the arms a choice does
        /// not take, for every count and selection.
        #[test]
        fn skipped_arms_render_as_checked_ones(n in 0u32..130, pick in 0usize..3) {
            let t = "{x, select, a {{n, plural, one {# {{one {x}} few {{n, plural, =2 {two} other {# ##}}} other {# {{ z}}} b {b {{ {n}} other {{n, plural, many {m #} other {o #}}}}.";
            let x = ["a", "b", "c"][pick];
            let value = |name: &str, out: &mut String| match name {
                "n" => { out.push_str(&n.to_string()); true }
                "x" => { out.push_str(x); true }
                _ => false,
            };
            proptest::prop_assert!(parse(t, |_| true).is_ok());
            proptest::prop_assert_eq!(render_parsed(t, PL, value), render(t, PL, value));
        }
    }
}
