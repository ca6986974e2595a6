//! `[retired.*]` tombstones, and when each code was added and deprecated:
//! what the catalog writes, completed from the lock.

use std::ops::Range;

use super::cx::{Cx, text};
use crate::history::lock::{self, Lock};
use crate::history::{Lifecycle, Record};
use crate::model::{Code, CodeHistory, Meta, Retired};
use crate::raw::{Entry, RawRetired};
use crate::source::FileId;

impl Cx<'_> {
    /// The tombstones of catalog.toml, each completed from its lock entry.
    pub(super) fn lower_retired(
        &mut self,
        file: FileId,
        entries: &[Entry<RawRetired>],
        lock: Option<&Lock>,
    ) -> (Vec<Retired>, Vec<(String, Range<usize>)>) {
        let mut retired = Vec::new();
        let mut spans = Vec::new();
        for entry in entries {
            let name = entry.key.get_ref().clone();
            spans.push((name.clone(), entry.key.span()));
            let raw = &entry.body;
            let Some(reason) =
                self.required_str(file, entry, &raw.reason, "reason", "a retired code")
            else {
                continue;
            };
            let numeric = raw.numeric.as_ref().and_then(|n| {
                let value = *n.get_ref();
                let ok = (0..=super::MAX_NUMERIC).contains(&value);
                if !ok {
                    self.push(crate::diagnostics::rules::invalid_value_because(
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
            let record = lock::tombstone(locked, &reason, text(&raw.version).as_deref(), partial);
            retired.push(Retired { name, record });
        }
        (retired, spans)
    }
}

/// Fills each code's [`CodeHistory`]: `since` as written, else as locked,
/// else the catalog's version; a deprecated code's `deprecated_in` as
/// locked, else the catalog's version.
pub(super) fn resolve(codes: &mut [Code], meta: &Meta, lock: Option<&Lock>) {
    for code in codes {
        let locked = lock.and_then(|l| l.snapshot.codes.get(&code.name));
        let since = code
            .facts
            .since
            .clone()
            .or_else(|| locked.and_then(|r| r.since.clone()))
            .or_else(|| meta.version.clone());
        let deprecated_in = code.deprecated.as_ref().and_then(|_| {
            locked
                .filter(|r| r.lifecycle == Lifecycle::Deprecated)
                .and_then(|r| r.deprecated_in.clone())
                .or_else(|| meta.version.clone())
        });
        code.history = CodeHistory {
            since,
            deprecated_in,
        };
    }
}
