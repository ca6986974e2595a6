//! `[retired.*]` tombstones, and when each code was added and deprecated:
//! what the catalog writes, completed from the lock.

use std::ops::Range;

use super::cx::{Cx, text};
use crate::history::lock::{self, Lock};
use crate::history::{Lifecycle, Record};
use crate::model::{Code, CodeHistory, Meta, Release, Retired, building_version};
use crate::raw::{Entry, RawRetired};
use crate::source::FileId;

/// The tombstones of catalog.toml, each completed from its lock entry.
pub(super) fn lower_retired(
    cx: &mut Cx<'_>,
    file: FileId,
    entries: &[Entry<RawRetired>],
    lock: Option<&Lock>,
    building: Option<String>,
) -> (Vec<Retired>, Vec<(String, Range<usize>)>) {
    let mut retired = Vec::new();
    let mut spans = Vec::new();
    for entry in entries {
        let name = entry.key.get_ref().clone();
        spans.push((name.clone(), entry.key.span()));
        let raw = &entry.body;
        let Some(reason) = cx.required_str(file, entry, &raw.reason, "reason", "a retired code")
        else {
            continue;
        };
        let numeric = raw.numeric.as_ref().and_then(|n| {
            let value = *n.get_ref();
            let ok = (0..=super::MAX_NUMERIC).contains(&value);
            if !ok {
                cx.push(crate::problem::invalid_value_because(
                    file,
                    n.span(),
                    "numeric",
                    &format!("a numeric code is from 0 to {}", super::MAX_NUMERIC),
                ));
            }
            ok.then_some(value as u32)
        });
        let partial = Record {
            lifecycle: Lifecycle::Retired,
            numeric,
            aliases: raw
                .aliases
                .iter()
                .flatten()
                .map(|a| a.get_ref().clone())
                .collect(),
            category: text(&raw.category),
            title: text(&raw.title),
            ..Record::default()
        };
        let locked = lock.and_then(|l| l.snapshot.codes.get(&name));
        let version = text(&raw.version)
            .or_else(|| {
                locked
                    .filter(|r| !r.is_live())
                    .and_then(|r| r.retired_in.clone())
            })
            .or_else(|| building.clone());
        let record = lock::tombstone(locked, &reason, version.as_deref(), partial);
        retired.push(Retired { name, record });
    }
    (retired, spans)
}

/// The last release the lock records, if there is a lock.
pub(super) fn release(lock: Option<&Lock>) -> Option<Release> {
    lock.map(|l| Release {
        version: l.snapshot.version.clone(),
    })
}

/// Fills each code's [`CodeHistory`]: `since` as written, else as the
/// lock recorded it at its release, else the version being built (unknown
/// while the catalog's version is the released one); `deprecated_in`
/// likewise.
pub(super) fn resolve(codes: &mut [Code], meta: &Meta, lock: Option<&Lock>) {
    let building = building_version(meta.version.as_deref(), release(lock).as_ref());
    for code in codes {
        let locked = lock
            .and_then(|l| l.snapshot.codes.get(&code.name))
            .filter(|r| r.is_live());
        let since = match (&code.facts.since, locked) {
            (Some(written), _) => Some(written.clone()),
            (None, Some(r)) => r.since.clone(),
            (None, None) => building.clone(),
        };
        let deprecated_in = code.deprecated.as_ref().and_then(|_| {
            match locked.filter(|r| r.lifecycle == Lifecycle::Deprecated) {
                Some(r) => r.deprecated_in.clone(),
                None => building.clone(),
            }
        });
        // Every output reads the declared fact: the resolved version, so
        // catalog.json, the docs and `Code::since()` say what the lock says.
        code.facts.since = since.clone();
        code.history = CodeHistory {
            since,
            deprecated_in,
            released: locked.is_some(),
            released_deprecated: locked.is_some_and(|r| r.lifecycle == Lifecycle::Deprecated),
        };
    }
}
