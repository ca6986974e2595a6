//! Message templates: `"Limit {limit} per {{window}}"`. The one parser of
//! the template syntax, shared by codegen (which validates catalog templates
//! with [`parse`]) and the runtime (which renders them with [`render`]).

use core::fmt;

/// One piece of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        }
    }
}

/// The pieces of `template`, in order, stopping at the first problem.
/// `valid_name` decides which placeholder names are allowed.
pub fn parse<'a>(
    template: &'a str,
    valid_name: impl Fn(&str) -> bool,
) -> Result<Vec<Piece<'a>>, TemplateError> {
    let mut pieces = Vec::new();
    let mut at = 0;
    while at < template.len() {
        let (piece, next) = next_piece(template, at)?;
        if let Piece::Placeholder { name, offset } = piece
            && !valid_name(name)
        {
            return Err(TemplateError {
                offset,
                problem: TemplateProblem::InvalidName(name.to_string()),
            });
        }
        pieces.push(piece);
        at = next;
    }
    Ok(pieces)
}

/// The piece starting at byte `at`, and where the next one starts.
fn next_piece(template: &str, at: usize) -> Result<(Piece<'_>, usize), TemplateError> {
    let rest = &template[at..];
    let error = |problem| {
        Err(TemplateError {
            offset: at,
            problem,
        })
    };
    if rest.starts_with("{{") {
        return Ok((Piece::Text("{"), at + 2));
    }
    if rest.starts_with("}}") {
        return Ok((Piece::Text("}"), at + 2));
    }
    if rest.starts_with('}') {
        return error(TemplateProblem::Unmatched);
    }
    if let Some(inner) = rest.strip_prefix('{') {
        return match inner.find(['}', '{']) {
            Some(len) if inner.as_bytes()[len] == b'}' => {
                let name = &inner[..len];
                if name.is_empty() {
                    return error(TemplateProblem::EmptyPlaceholder);
                }
                Ok((Piece::Placeholder { name, offset: at }, at + len + 2))
            }
            _ => error(TemplateProblem::Unclosed),
        };
    }
    let len = rest.find(['{', '}']).unwrap_or(rest.len());
    Ok((Piece::Text(&rest[..len]), at + len))
}

/// Renders `template`, asking `value` for each placeholder. A placeholder
/// without a value, and any malformed brace, is kept as written, so
/// rendering never fails.
pub fn render(template: &str, mut value: impl FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut at = 0;
    while at < template.len() {
        match next_piece(template, at) {
            Ok((Piece::Text(text), next)) => {
                out.push_str(text);
                at = next;
            }
            Ok((Piece::Placeholder { name, .. }, next)) => {
                if !value(name, &mut out) {
                    out.push_str(&template[at..next]);
                }
                at = next;
            }
            Err(_) => {
                // A lone brace: keep it and go on after it.
                out.push_str(&template[at..at + 1]);
                at += 1;
            }
        }
    }
    out
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
            render(t, |name, out| {
                (name == "n").then(|| out.push_str("42")).is_some()
            })
        };
        assert_eq!(render_with("{n} of {{n}}"), "42 of {n}");
        assert_eq!(render_with("{missing} {n}"), "{missing} 42");
        assert_eq!(render_with("a } {b"), "a } {b");
        assert_eq!(render_with("{a{n}"), "{a42");
    }
}
