//! The catalog's history: what every published code promised, and the
//! changes between two states of a catalog, classified like buf breaking.
//!
//! A [`Snapshot`] is one state: every code by name, live or retired, with
//! the facts clients depend on. The lock file (`errcat.lock`, [`lock`]) is
//! the committed snapshot of the last generate; a [`Change`] is one
//! difference between two snapshots. This module is data: the rules that
//! find changes (`diagnostics::compare`, one file per rule under
//! `diagnostics/rules/`) sit above it. `check` and build scripts compare the
//! catalog with its lock and report located diagnostics; `errcat diff`
//! compares any two states and prints a table.

pub mod lock;
pub mod version;

use std::collections::BTreeMap;

use crate::diag_code::{DiagCode, Severity};
use crate::model::Model;

pub use crate::model::record::{Lifecycle, Record};

/// One state of a catalog: its version and every code by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// `[catalog] name`.
    pub name: String,
    /// `[catalog] version`, when set.
    pub version: Option<String>,
    /// Every code, live or retired, by name.
    pub codes: BTreeMap<String, Record>,
}

impl Snapshot {
    /// The state a model describes: its live codes and its tombstones.
    pub fn of(model: &Model) -> Snapshot {
        // Every build of a locked catalog makes one: thousands of records of
        // a dozen strings each, built on every core.
        let records = crate::par::par_map(&model.codes, 1024, |code| {
            (code.name.clone(), Snapshot::record(model, code))
        });
        let mut codes: BTreeMap<String, Record> = records.into_iter().collect();
        for retired in &model.retired {
            codes.insert(retired.name.clone(), retired.record.clone());
        }
        Snapshot {
            name: model.meta.name.clone(),
            version: model.meta.version.clone(),
            codes,
        }
    }

    /// What a live code promises.
    fn record(model: &Model, code: &crate::model::Code) -> Record {
        let category = model.category_of(code);
        Record {
            lifecycle: if code.deprecated.is_some() {
                Lifecycle::Deprecated
            } else {
                Lifecycle::Active
            },
            identity: Some(code.wire_name.clone()),
            name: code.condition.clone(),
            type_name: Some(crate::ident::upper_camel(&code.symbol())),
            numeric: code.numeric,
            aliases: code.aliases.clone(),
            kind: Some(code.kind.as_str().into()),
            category: model.meta.categorized.then(|| category.id.clone()),
            fault: Some(code.fault.as_str().into()),
            status: model.meta.http.then_some(code.status),
            retry: Some(retry_class(model.retry_of(code)).into()),
            exit_code: model.meta.cli.then_some(code.exit_code),
            facts: code
                .facts
                .iter()
                .filter(|(field, value)| field.locked() && !value.is_default())
                .map(|(field, value)| (field.key.to_string(), value.to_json()))
                .collect(),
            params: code
                .params
                .iter()
                .map(|p| format!("{}: {}", p.name, p.ty.as_str()))
                .collect(),
            title: Some(code.title.clone()),
            message: Some(code.message.clone()),
            since: code.history.since.clone(),
            deprecated_in: code.history.deprecated_in.clone(),
            retired_in: None,
            reason: None,
        }
    }

    /// The live codes.
    pub fn live(&self) -> impl Iterator<Item = (&String, &Record)> {
        self.codes.iter().filter(|(_, r)| r.is_live())
    }

    /// The tombstones.
    pub fn retired(&self) -> impl Iterator<Item = (&String, &Record)> {
        self.codes.iter().filter(|(_, r)| !r.is_live())
    }

    /// The live code with this numeric, if any.
    pub fn live_with_numeric(&self, numeric: u32) -> Option<(&String, &Record)> {
        self.live().find(|(_, r)| r.numeric == Some(numeric))
    }
}

/// A policy's retry class, what clients branch on: `never`, `retryable`,
/// `idempotent` (retryable when the request is) or `operation` (retry the
/// whole operation, not the call).
fn retry_class(policy: &crate::model::RetryPolicy) -> &'static str {
    match policy.strategy {
        crate::model::RetryStrategy::Never => "never",
        crate::model::RetryStrategy::Operation(_) => "operation",
        _ if policy.idempotent_only => "idempotent",
        _ => "retryable",
    }
}

/// An old and a new state, what history checks compare.
#[derive(Clone, Debug)]
pub struct History<'a> {
    /// The published state (the lock, or the catalog at an older revision).
    pub old: &'a Snapshot,
    /// The state being checked.
    pub new: &'a Snapshot,
    /// Codes live in both whose records differ, found once by walking the
    /// two sorted maps side by side: on most builds there are none, and no
    /// rule has anything to look at.
    changed: Vec<(&'a String, &'a Record, &'a Record)>,
}

impl<'a> History<'a> {
    /// The two states, with the codes that changed between them.
    pub fn new(old: &'a Snapshot, new: &'a Snapshot) -> Self {
        let mut changed = Vec::new();
        let mut theirs = new.codes.iter().peekable();
        for (name, before) in &old.codes {
            while theirs.next_if(|(n, _)| *n < name).is_some() {}
            if let Some((_, after)) = theirs.next_if(|(n, _)| *n == name)
                && before != after
                && before.is_live()
                && after.is_live()
            {
                changed.push((name, before, after));
            }
        }
        History { old, new, changed }
    }

    /// Codes live in both states whose records differ, by name. (A code
    /// whose record is the same has nothing for a rule to report.)
    pub fn kept(&self) -> impl Iterator<Item = (&'a String, &'a Record, &'a Record)> + '_ {
        self.changed.iter().copied()
    }

    /// Whether the new version is a major bump over the old one, which
    /// allows breaking changes.
    pub fn major_bump(&self) -> bool {
        version::bump(self.old.version.as_deref(), self.new.version.as_deref())
            == Some(version::Bump::Major)
    }
}

/// How a change affects clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Nothing for clients to do: an added code, new text.
    Info,
    /// Compatible, but worth a look: a status within its class, a new category.
    Warning,
    /// Breaks clients: they must change their code.
    Breaking,
}

impl Level {
    /// `"info"`, `"warning"` or `"breaking"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Breaking => "breaking",
        }
    }
}

/// One difference between two states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rule it breaks or warns about; `None` for information.
    pub rule: Option<DiagCode>,
    /// How it affects clients.
    pub level: Level,
    /// The code it is about.
    pub name: String,
    /// The catalog key it is about, to point at (`numeric`, `aliases`...).
    pub key: Option<&'static str>,
    /// What changed, in one line.
    pub message: String,
    /// The value before, if any.
    pub old: Option<String>,
    /// The value after, if any.
    pub new: Option<String>,
    /// How to keep clients working.
    pub help: Option<String>,
}

impl Change {
    /// A change that `rule` reports, at the rule's severity.
    pub fn of(rule: DiagCode, name: &str, message: impl Into<String>) -> Change {
        Change {
            rule: Some(rule),
            level: match rule.severity() {
                Severity::Error => Level::Breaking,
                _ => Level::Warning,
            },
            name: name.to_string(),
            key: None,
            message: message.into(),
            old: None,
            new: None,
            help: None,
        }
    }

    /// Information only.
    pub fn info(name: &str, message: impl Into<String>) -> Change {
        Change {
            rule: None,
            level: Level::Info,
            name: name.to_string(),
            key: None,
            message: message.into(),
            old: None,
            new: None,
            help: None,
        }
    }

    /// Points at `key` of the code's entry.
    pub fn key(mut self, key: &'static str) -> Change {
        self.key = Some(key);
        self
    }

    /// The values before and after.
    pub fn values(mut self, old: impl ToString, new: impl ToString) -> Change {
        self.old = Some(old.to_string());
        self.new = Some(new.to_string());
        self
    }

    /// How to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Change {
        self.help = Some(help.into());
        self
    }
}

/// Whether a major version makes a breaking change of `rule` acceptable.
pub(crate) fn allowed_by_major(rule: DiagCode) -> bool {
    !matches!(
        rule,
        DiagCode::RetiredReused | DiagCode::TombstoneDropped | DiagCode::CodeDeleted
    )
}

/// Added, deprecated and retired codes, and new text: nothing breaks.
pub(crate) fn info_changes(history: &History<'_>, out: &mut Vec<Change>) {
    for (name, new) in &history.new.codes {
        match history.old.codes.get(name) {
            None if new.is_live() => out.push(Change::info(name, format!("`{name}` was added"))),
            None => out.push(Change::info(name, format!("`{name}` is retired"))),
            Some(old) => {
                if old.lifecycle != new.lifecycle {
                    out.push(
                        Change::info(name, format!("`{name}` is {}", new.lifecycle.as_str()))
                            .values(old.lifecycle.as_str(), new.lifecycle.as_str()),
                    );
                }
                if !(old.is_live() && new.is_live()) {
                    continue;
                }
                for (key, before, after) in [
                    ("title", &old.title, &new.title),
                    ("message", &old.message, &new.message),
                ] {
                    if let (Some(before), Some(after)) = (before, after)
                        && before != after
                    {
                        out.push(
                            Change::info(name, format!("the {key} of `{name}` changed"))
                                .key(key)
                                .values(before, after),
                        );
                    }
                }
            }
        }
    }
}

/// The version a release with these changes needs after `old`: the next
/// major, minor or patch version, or `old` itself when nothing changed.
pub fn suggest_version(old: Option<&str>, changes: &[Change]) -> Option<String> {
    let old = version::Version::parse(old?)?;
    let needed = version::needed(changes);
    Some(old.next(needed).to_string())
}
