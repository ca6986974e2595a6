//! E0053: the catalog's version does not follow its changes.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::version::{Bump, Version, bump};
use crate::history::{Change, History, Level};

/// E0053.
pub(crate) const RULE: Rule = Rule {
    name: "version_not_bumped",
    summary: "The catalog's version does not follow its changes, or a code's `since` does not match its history.",
    explanation: "With `[catalog] version` set, the version says what changed, as semver does for crates: breaking changes need a new major version (they are errors otherwise, each with its own code), added codes need at least a new minor version, and the version never goes back. The lock records the version it was written at; while that version is being built, codes may be added to it freely. `since` is filled from the version that added the code and recorded in the lock; a `since` that disagrees with that record is wrong.",
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
/// needs them all, so `history::compare` calls it last.
pub(crate) fn version_changes(h: &History<'_>, found: &[Change], out: &mut Vec<Change>) {
    let (old, new) = (h.old.version.as_deref(), h.new.version.as_deref());
    if let (Some(o), Some(n)) = (old.and_then(Version::parse), new.and_then(Version::parse))
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
            .help(format!("a published catalog only moves forward: set a version after {o}")),
        );
        return;
    }
    let added: Vec<&String> = h
        .new
        .live()
        .filter(|(name, _)| !h.old.codes.contains_key(*name))
        .map(|(name, _)| name)
        .collect();
    if bump(old, new) == Some(Bump::Patch)
        && let Some(first) = added.first()
    {
        let next = Version::parse(old.unwrap_or_default()).map(|v| v.next(Bump::Minor));
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
    let breaking = found.iter().any(|c| c.level == Level::Breaking);
    if breaking && bump(old, new).is_some_and(|b| b > Bump::None) {
        let next = Version::parse(old.unwrap_or_default()).map(|v| v.next(Bump::Major));
        if let Some(next) = next {
            out.push(
                Change::of(
                    DiagCode::VersionNotBumped,
                    "",
                    format!("breaking changes in a {} version", bump(old, new).unwrap_or(Bump::None).as_str()),
                )
                .key("version")
                .values(old.unwrap_or_default(), new.unwrap_or_default())
                .help(format!("breaking changes need a new major version: `version = \"{next}\"`, or undo them")),
            );
        }
    }
    for (name, old_record, new_record) in h.kept() {
        if let (Some(before), Some(after)) = (&old_record.since, &new_record.since)
            && before != after
        {
            out.push(
                Change::of(DiagCode::VersionNotBumped, name, format!("`since` of `{name}` disagrees with the lock"))
                    .key("since")
                    .values(before, after)
                    .help(format!("`{name}` was published in {before}: set `since = \"{before}\"` or remove it")),
            );
        }
    }
    if let Some(version) = new {
        for name in added {
            let since = h.new.codes[name].since.as_deref();
            if let Some(since) = since.filter(|s| *s != version) {
                out.push(
                    Change::of(DiagCode::VersionNotBumped, name, format!("`{name}` is new in {version}, but says `since = \"{since}\"`"))
                        .key("since")
                        .values(since, version)
                        .help(format!("set `since = \"{version}\"`, or remove it: errcat fills it")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

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
