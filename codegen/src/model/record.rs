//! What a code promised its clients, as the lock records it: a retired
//! code's tombstone in the model, and each code of a history snapshot.

use serde::{Deserialize, Serialize};

/// What a code promised its clients, as the lock records it. Fields that a
/// tombstone does not know are empty.
/// Keys beyond these are the declared facts' (`crate::fields`), which the
/// lock's reader checks, since serde cannot deny unknown fields beside a
/// flattened map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// `active`, `deprecated` or `retired`.
    pub lifecycle: Lifecycle,
    /// The code on the wire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// Its condition name (`name` on a code of a catalog with identities), a
    /// lookup key like an alias.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The generated type name (Rust variant, client class stem).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The numeric code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numeric: Option<u32>,
    /// Names that still parse as this code.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `error`, `warning`, `success` or `pending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Its category id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `client`, `server` or `none`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// HTTP status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Retry class: `never`, `retryable`, `idempotent` or `operation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry: Option<String>,
    /// CLI exit code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<u8>,
    /// The declared facts the code sets that the lock records
    /// ([`crate::fields::Field::locked`]), by key: `sdk_exception`, ...
    #[serde(flatten)]
    pub facts: std::collections::BTreeMap<String, serde_json::Value>,
    /// The param signature, `name: type` in constructor order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<String>,
    /// The title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The message template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The catalog version that added it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// The catalog version that deprecated it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecated_in: Option<String>,
    /// The catalog version that retired it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired_in: Option<String>,
    /// Why it was retired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Where a code is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// In use.
    #[default]
    Active,
    /// Still emitted, going away.
    Deprecated,
    /// Gone; a tombstone keeps its name, numeric and aliases from reuse.
    Retired,
}

impl Lifecycle {
    /// `"active"`, `"deprecated"` or `"retired"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::Deprecated => "deprecated",
            Lifecycle::Retired => "retired",
        }
    }
}

impl Record {
    /// The text of the declared fact `key`, if the record has it.
    pub fn fact_text(&self, key: &str) -> Option<String> {
        self.facts.get(key)?.as_str().map(str::to_string)
    }

    /// Whether the code is still in the catalog.
    pub fn is_live(&self) -> bool {
        self.lifecycle != Lifecycle::Retired
    }

    /// The names, numerics and aliases a tombstone keeps from reuse.
    pub fn identities<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        std::iter::once(name)
            .chain(self.identity.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }
}
