//! Every example response in the committed docs parses, with the runtime's
//! own parser, back to the code whose section it is in, with that code's
//! status.

use errcat::{Code, Error};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

#[test]
fn every_docs_example_round_trips() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/docs");
    let mut checked = 0;
    for entry in std::fs::read_dir(&docs).unwrap() {
        let path = entry.unwrap().path();
        // The pages of the other locales have no example bodies.
        if path.is_dir() {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let (mut section, mut in_heading, mut block): (Option<String>, bool, Option<String>) =
            (None, false, None);
        for event in Parser::new(&text) {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) => {
                    in_heading = true;
                    section = Some(String::new());
                }
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "json" => {
                    block = Some(String::new())
                }
                Event::Text(t) => {
                    if in_heading {
                        section.as_mut().unwrap().push_str(&t);
                    } else if let Some(b) = block.as_mut() {
                        b.push_str(&t);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    let Some(body) = block.take() else { continue };
                    // The index's example sits under "Error response format".
                    let code = section
                        .as_deref()
                        .and_then(Code::lookup)
                        .unwrap_or(Code::RateLimited);
                    let parsed = Error::from_response(code.http_status(), [], body.as_bytes());
                    assert_eq!(parsed.code(), Some(code), "{body}");
                    assert_eq!(parsed.status(), code.http_status());
                    assert_eq!(parsed.request_id(), Some("req_8f14e45fceea167a"));
                    checked += 1;
                }
                _ => {}
            }
        }
    }
    // Successes and pending states are not error responses: no example.
    let errors = Code::all().iter().filter(|c| c.kind().is_error()).count();
    assert_eq!(
        checked,
        errors + 1,
        "one example per error, plus the index's"
    );
}
