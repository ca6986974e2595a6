//! What a code promised its clients, as the lock records it: a retired
//! code's tombstone in the model, and each code of a history snapshot.

use serde::ser::SerializeMap as _;
use serde::{Deserialize, Serialize};

/// What a code promised its clients, as the lock records it. Fields that a
/// tombstone does not know are empty.
/// Keys beyond these are the declared facts' (`crate::fields`), which the
/// lock's reader checks. Written and read by hand (`record_serde!` below):
/// serde's `flatten` would buffer every record of a 20,000-code lock, and
/// a map per record costs more than the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// `active`, `deprecated` or `retired`.
    pub lifecycle: Lifecycle,
    /// The code on the wire.
    pub identity: Option<String>,
    /// Its condition name (`name` on a code of a catalog with identities), a
    /// lookup key like an alias.
    pub name: Option<String>,
    /// The generated type name (Rust variant, client class stem).
    pub type_name: Option<String>,
    /// The numeric code.
    pub numeric: Option<u32>,
    /// Names that still parse as this code.
    pub aliases: Vec<String>,
    /// `error`, `warning`, `success` or `pending`.
    pub kind: Option<String>,
    /// Its category id.
    pub category: Option<String>,
    /// `client`, `server` or `none`.
    pub fault: Option<String>,
    /// HTTP status.
    pub status: Option<u16>,
    /// Retry class: `never`, `retryable`, `idempotent` or `operation`.
    pub retry: Option<String>,
    /// CLI exit code.
    pub exit_code: Option<u8>,
    /// The declared facts the code sets that the lock records
    /// ([`crate::fields::Field::locked`]), by key, in declaration order:
    /// `sdk_exception`, ...
    pub facts: Vec<(String, serde_json::Value)>,
    /// The param signature, `name: type` in constructor order.
    pub params: Vec<String>,
    /// The title.
    pub title: Option<String>,
    /// The message template.
    pub message: Option<String>,
    /// The catalog version that added it.
    pub since: Option<String>,
    /// The catalog version that deprecated it.
    pub deprecated_in: Option<String>,
    /// The catalog version that retired it.
    pub retired_in: Option<String>,
    /// Why it was retired.
    pub reason: Option<String>,
}

/// A record's key, borrowed from the lock's text when it can be: a 20,000-code
/// lock has 400,000 of them.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// Whether a field is left out of a record as written.
trait Unset {
    fn unset(&self) -> bool;
}

impl<T> Unset for Option<T> {
    fn unset(&self) -> bool {
        self.is_none()
    }
}

impl<T> Unset for Vec<T> {
    fn unset(&self) -> bool {
        self.is_empty()
    }
}

/// Writes `lifecycle`, then each field that is set, the declared facts
/// between `$before` and `$after` (where `sdk_exception` always was); reads
/// each key into its field, and any other into `facts`.
macro_rules! record_serde {
    (before: [$($before:ident),*], after: [$($after:ident),*]) => {
        impl Serialize for Record {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("lifecycle", &self.lifecycle)?;
                $(if !self.$before.unset() {
                    map.serialize_entry(stringify!($before), &self.$before)?;
                })*
                for (key, value) in &self.facts {
                    map.serialize_entry(key, value)?;
                }
                $(if !self.$after.unset() {
                    map.serialize_entry(stringify!($after), &self.$after)?;
                })*
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for Record {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = Record;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a code's record")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
                        let mut record = Record::default();
                        let mut lifecycle = false;
                        // A key written twice (a merge that kept both sides)
                        // is an error, as serde's derive makes it: the last
                        // one must not silently win.
                        let twice = |key: &str| serde::de::Error::duplicate_field(
                            ["lifecycle", $(stringify!($before),)* $(stringify!($after),)*]
                                .into_iter()
                                .find(|k| *k == key)
                                .unwrap_or("field"),
                        );
                        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                            match &*key {
                                "lifecycle" if lifecycle => return Err(twice(&key)),
                                "lifecycle" => {
                                    lifecycle = true;
                                    record.lifecycle = map.next_value()?;
                                }
                                $(stringify!($before) if !record.$before.unset() => return Err(twice(&key)),
                                stringify!($before) => record.$before = map.next_value()?,)*
                                $(stringify!($after) if !record.$after.unset() => return Err(twice(&key)),
                                stringify!($after) => record.$after = map.next_value()?,)*
                                _ => {
                                    let value = map.next_value()?;
                                    record.facts.push((key.into_owned(), value));
                                }
                            }
                        }
                        Ok(record)
                    }
                }
                deserializer.deserialize_map(Fields)
            }
        }
    };
}

record_serde!(
    before: [identity, name, type_name, numeric, aliases, kind, category, fault, status, retry, exit_code],
    after: [params, title, message, since, deprecated_in, retired_in, reason]
);

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
        let (_, value) = self.facts.iter().find(|(k, _)| k == key)?;
        value.as_str().map(str::to_string)
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
