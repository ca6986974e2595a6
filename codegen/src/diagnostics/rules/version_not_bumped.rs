//! E0053: the catalog's version does not follow its changes.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::version::{Bump, Version, bump};
use crate::history::{Change, History, Level};

/// E0053.
pub(crate) const RULE: Rule = Rule {
    summary: "The catalog's version does not follow its changes, or a code's `since` does not match its history.",
    explanation: "With `[catalog] version` set, the version says what changed since the last release, as semver does for crates: breaking changes need a new major version (they are errors otherwise, each with its own code), added codes need at least a new minor version, and the version never goes back. The lock records the last release (`errcat release` writes it). While the catalog still says that release's version, the work since is unreleased: codes may be added and changed freely, and `errcat release` picks the next version. Once you set a later version yourself, it must fit the changes. `since` is filled from the version that added the code and recorded in the lock at its release; a `since` that disagrees with that record is wrong.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// A code added in a patch release: E0053.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"
version = "1.2.0"

[categories.client]
title = "Client"
fault = "client"
status = 400
range = [1000, 1999]

[categories.server]
title = "Server"
fault = "server"
status = 500
range = [2000, 2999]
#== +lock
#== catalog.toml
[catalog]
name = "fixture"
version = "1.2.1"

[categories.client]
title = "Client"
fault = "client"
status = 400
range = [1000, 1999]

[categories.server]
title = "Server"
fault = "server"
status = 500
range = [2000, 2999]
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[too_large]
numeric = 1001
title = "Too large"
message = "The input is too large."
"#;

/// The version rule over the changes the other history rules found: it
/// needs them all, so `diagnostics::compare` calls it last. The old state is
/// the last release; the catalog's version is either still that release's
/// (work in progress: anything compatible goes, `errcat release` picks the
/// next version) or the version being built, which must fit the changes.
pub(crate) fn version_changes(h: &History<'_>, found: &[Change], out: &mut Vec<Change>) {
    let (old, new) = (h.old.version.as_deref(), h.new.version.as_deref());
    let (old_v, new_v) = (old.and_then(Version::parse), new.and_then(Version::parse));
    if let (Some(o), Some(n)) = (old_v, new_v)
        && n < o
    {
        out.push(
            Change::of(
                DiagCode::VersionNotBumped,
                "",
                format!("the catalog's version went back from {o} to {n}"),
            )
            .key("version")
            .values(o, n)
            .help(format!("a released catalog only moves forward: set a version after {o}")),
        );
        return;
    }
    let added: Vec<&String> = h
        .new
        .live()
        .filter(|(name, _)| !h.old.codes.contains_key(*name))
        .map(|(name, _)| name)
        .collect();
    let bumped = bump(old, new);
    if bumped == Some(Bump::Patch)
        && let Some(first) = added.first()
    {
        let next = old_v.map(|v| v.next(Bump::Minor));
        let others = match added.len() {
            1 => String::new(),
            2 => " and 1 other code".into(),
            n => format!(" and {} other codes", n - 1),
        };
        out.push(
            Change::of(
                DiagCode::VersionNotBumped,
                first,
                format!("`{first}`{others} added in a patch version"),
            )
            .key("version")
            .values(old.unwrap_or_default(), new.unwrap_or_default())
            .help(format!(
                "added codes need a new minor version: set `version = \"{}\"`",
                next.map(|v| v.to_string()).unwrap_or_default()
            )),
        );
    }
    // Breaking changes a major version would allow, in a version that moved
    // but not by a major: name the major. (Changes no version allows, such
    // as a deletion, say what to do instead in their own help.)
    let allowable = found
        .iter()
        .any(|c| c.level == Level::Breaking && c.rule.is_some_and(crate::history::allowed_by_major));
    if allowable
        && let Some(b) = bumped.filter(|b| *b > Bump::None && *b < Bump::Major)
        && let Some(next) = old_v.map(|v| v.next(Bump::Major))
    {
        out.push(
            Change::of(
                DiagCode::VersionNotBumped,
                "",
                format!("breaking changes in a {} version", b.as_str()),
            )
            .key("version")
            .values(old.unwrap_or_default(), new.unwrap_or_default())
            .help(format!("breaking changes need a new major version: set `version = \"{next}\"`, or undo them")),
        );
    }
    for (name, old_record, new_record) in h.kept() {
        if let (Some(before), Some(after)) = (&old_record.since, &new_record.since)
            && before != after
        {
            out.push(
                Change::of(DiagCode::VersionNotBumped, name, format!("`since` of `{name}` disagrees with the lock"))
                    .key("since")
                    .values(before, after)
                    .help(format!("`{name}` was released in {before}: set `since = \"{before}\"` or remove it")),
            );
        }
    }
    for name in added {
        let Some(since) = h.new.codes[name].since.as_deref() else {
            continue;
        };
        match (old, new) {
            // Still at the released version: the code joins a later one.
            (Some(released), Some(version)) if released == version => {
                let later = Version::parse(since)
                    .zip(old_v)
                    .is_some_and(|(s, o)| s > o);
                if !later {
                    out.push(
                        Change::of(DiagCode::VersionNotBumped, name, format!("`{name}` says `since = \"{since}\"`, but {released} was released without it"))
                            .key("since")
                            .values(since, released)
                            .help("remove `since`: `errcat release` records the version that adds it"),
                    );
                }
            }
            (_, Some(version)) if since != version => out.push(
                Change::of(DiagCode::VersionNotBumped, name, format!("`{name}` is new in {version}, but says `since = \"{since}\"`"))
                    .key("since")
                    .values(since, version)
                    .help(format!("set `since = \"{version}\"`, or remove it: errcat fills it")),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::VersionNotBumped,
            expect_test::expect![[r#"
                error[E0053]: `too_large` added in a patch version
                  --> catalog/catalog.toml:3:11
                  |
                3 | version = "1.2.1"
                  |           ^^^^^^^ was `1.2.0`, now `1.2.1`
                  |
                  = help: added codes need a new minor version: set `version = "1.3.0"`

                error: the catalog has 1 error
                For more information about E0053, try `errcat explain E0053`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::VersionNotBumped]);
    }

    #[test]
    fn a_minor_bump_or_the_version_in_progress_may_add_codes() {
        assert_eq!(codes_for(&EXAMPLE.replace("1.2.1", "1.3.0")), []);
        assert_eq!(codes_for(&EXAMPLE.replace("1.2.1", "1.2.0")), []);
    }

    #[test]
    fn going_back_is_reported() {
        let codes = codes_for(&EXAMPLE.replace("1.2.1", "1.1.0"));
        assert_eq!(codes, [DiagCode::VersionNotBumped]);
    }

    #[test]
    fn a_wrong_since_is_reported() {
        let wrong = EXAMPLE
            .replace("1.2.1", "1.3.0")
            .replace("message = \"The input is too large.\"\n", "message = \"The input is too large.\"\nsince = \"1.0.0\"\n");
        assert_eq!(codes_for(&wrong), [DiagCode::VersionNotBumped]);
    }
}
