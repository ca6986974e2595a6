//! Per-code facts declared once. Each line of `code_fields!` at the bottom
//! of this file gives a fact's key, type, group, whether a category may
//! default it, its documentation and its docs row; from it follow:
//!
//! - the raw key in category files (and in `[categories.*]` when a category
//!   may default it), in [`RawFacts`];
//! - lowering: the value check, the category default and the type default;
//! - the model slot, in [`Facts`];
//! - the Rust accessor on `Code` and its record slot (`emit/rust`);
//! - the JSON key (`emit/json.rs`);
//! - the row in each code's docs table (`emit/docs/code.rs`);
//! - the key in the clients' data, camelCase (`emit/client_data.rs`), so
//!   the TypeScript, Python and Go runtimes' `facts` carry it;
//! - the OpenAPI extension on the code's schema, `x-errcat-<key>`
//!   (`emit/openapi.rs`);
//! - the lock's record of the code, unless it is history, which the lock
//!   keeps itself (`history`).
//!
//! Each output places a [`Group`] of facts at one position, so a new fact
//! shows up next to its kin, in declaration order, everywhere. Facts with
//! structure (the message template and params, `replaced_by`, the retry
//! policy, the status and its lints) are written by hand.

use std::ops::Range;

use serde::Deserialize;

/// A spanned string, as read.
type Str = toml::Spanned<String>;
/// A spanned integer, as read.
type Int = toml::Spanned<i64>;

/// Where a fact belongs; each output puts a group at one position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// How the response is produced (after the fault and the envelope).
    Delivery,
    /// How client code names it (after the solution in Rust and docs).
    Client,
    /// Its history (beside `deprecated`).
    History,
}

/// How a fact is stored and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// A count from 0 to 255, default 0, shown in the docs only when it is
    /// not 0.
    Count,
    /// Optional short text, shown in the docs as inline code.
    Code,
    /// Optional short text, shown in the docs as text.
    Text,
}

/// A fact's value, borrowed from the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// A [`FieldType::Count`].
    Count(u8),
    /// A [`FieldType::Code`] or [`FieldType::Text`].
    Text(Option<&'a str>),
}

/// One declared fact.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Its key in catalog files, its JSON key and its accessor's name.
    pub key: &'static str,
    /// How it is stored and shown.
    pub ty: FieldType,
    /// Where outputs place it.
    pub group: Group,
    /// Whether `[categories.<id>]` may set a default for its codes.
    pub category_default: bool,
    /// The accessor's documentation.
    pub doc: &'static str,
    /// The label of its docs row.
    pub label: &'static str,
    /// For a count: what the number means in the docs row, with `{times}`
    /// for "once", "twice" or "several times".
    pub note: &'static str,
}

impl Value<'_> {
    /// As JSON: a count as a number, text as a string, no text as `null`.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Value::Count(n) => n.into(),
            Value::Text(t) => t.map_or(serde_json::Value::Null, Into::into),
        }
    }

    /// Whether it is its type's default (0, or no text): outputs that list
    /// what is set leave it out.
    pub fn is_default(self) -> bool {
        matches!(self, Value::Count(0) | Value::Text(None))
    }
}

/// The raw value type of each field type.
pub trait RawValue {
    /// As deserialized.
    type Raw;
    /// As lowered.
    type Value: Clone;
}

/// Marker types, one per [`FieldType`], for the declaration macro.
pub mod types {
    /// [`super::FieldType::Count`].
    pub struct Count;
    /// [`super::FieldType::Code`].
    pub struct Code;
    /// [`super::FieldType::Text`].
    pub struct Text;
}

impl RawValue for types::Count {
    type Raw = Int;
    type Value = u8;
}

impl RawValue for types::Code {
    type Raw = Str;
    type Value = Option<String>;
}

impl RawValue for types::Text {
    type Raw = Str;
    type Value = Option<String>;
}

/// A value that does not fit its type: where, which key, what is wrong.
pub type Problem = (Range<usize>, &'static str, &'static str);

trait Lower: RawValue {
    fn lower(raw: &Self::Raw, key: &'static str) -> Result<Self::Value, Problem>;
    fn absent() -> Self::Value;
    fn value(v: &Self::Value) -> Value<'_>;
}

impl Lower for types::Count {
    fn lower(raw: &Int, key: &'static str) -> Result<u8, Problem> {
        u8::try_from(*raw.get_ref()).map_err(|_| (raw.span(), key, "must be between 0 and 255"))
    }
    fn absent() -> u8 {
        0
    }
    fn value(v: &u8) -> Value<'_> {
        Value::Count(*v)
    }
}

fn lower_text(raw: &Str) -> Result<Option<String>, Problem> {
    Ok(Some(raw.get_ref().clone()))
}

impl Lower for types::Code {
    fn lower(raw: &Str, _: &'static str) -> Result<Option<String>, Problem> {
        lower_text(raw)
    }
    fn absent() -> Option<String> {
        None
    }
    fn value(v: &Option<String>) -> Value<'_> {
        Value::Text(v.as_deref())
    }
}

impl Lower for types::Text {
    fn lower(raw: &Str, _: &'static str) -> Result<Option<String>, Problem> {
        lower_text(raw)
    }
    fn absent() -> Option<String> {
        None
    }
    fn value(v: &Option<String>) -> Value<'_> {
        Value::Text(v.as_deref())
    }
}

macro_rules! code_fields {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $ty:ident, $group:ident, category_default: $category:literal,
            docs: $label:literal $(, note: $note:literal)?;
    )*) => {
        /// Every declared fact, in declaration order.
        pub const FIELDS: &[Field] = &[$(
            Field {
                key: stringify!($name),
                ty: FieldType::$ty,
                group: Group::$group,
                category_default: $category,
                doc: concat!($($doc, "\n"),*),
                label: $label,
                note: concat!("" $(, $note)?),
            },
        )*];

        /// The declared facts as written in a code or category table.
        #[derive(Clone, Debug, Default, Deserialize)]
        #[serde(default)]
        pub struct RawFacts {
            $( $(#[doc = $doc])* pub $name: Option<<types::$ty as RawValue>::Raw>, )*
        }

        /// The declared facts of a code, lowered.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Facts {
            $( $(#[doc = $doc])* pub $name: <types::$ty as RawValue>::Value, )*
        }

        /// The defaults a category sets, lowered; `None` where it sets none
        /// (or may not).
        #[derive(Clone, Debug, Default)]
        pub struct CategoryFacts {
            $( $(#[doc = $doc])* pub $name: Option<<types::$ty as RawValue>::Value>, )*
        }

        impl RawFacts {
            /// The keys a table of this kind may hold.
            pub fn keys(category: bool) -> Vec<&'static str> {
                FIELDS
                    .iter()
                    .filter(|f| !category || f.category_default)
                    .map(|f| f.key)
                    .collect()
            }
        }

        impl CategoryFacts {
            /// A category's defaults; each value that does not fit is
            /// reported to `problem` once, here, and left out.
            pub fn lower(raw: &RawFacts, problem: &mut dyn FnMut(Problem)) -> CategoryFacts {
                CategoryFacts {$(
                    $name: raw.$name.as_ref().filter(|_| $category).and_then(|r| {
                        <types::$ty as Lower>::lower(r, stringify!($name))
                            .map_err(|p| problem(p))
                            .ok()
                    }),
                )*}
            }
        }

        impl Facts {
            /// A code's facts: its own values, else its category's, else
            /// the type's default. Every value that does not fit is
            /// reported to `problem`; then there are no facts.
            pub fn lower(
                raw: &RawFacts,
                category: &CategoryFacts,
                problem: &mut dyn FnMut(Problem),
            ) -> Option<Facts> {
                $(
                    let $name = match &raw.$name {
                        Some(r) => <types::$ty as Lower>::lower(r, stringify!($name))
                            .map_err(|p| problem(p))
                            .ok(),
                        None => Some(
                            category.$name.clone().unwrap_or_else(<types::$ty as Lower>::absent),
                        ),
                    };
                )*
                Some(Facts { $( $name: $name?, )* })
            }

            /// The value of `FIELDS[index]`.
            pub fn value(&self, index: usize) -> Value<'_> {
                let mut i = 0;
                $(
                    if i == index {
                        return <types::$ty as Lower>::value(&self.$name);
                    }
                    i += 1;
                )*
                let _ = i;
                Value::Text(None)
            }

            /// Every fact with its value, in declaration order.
            pub fn iter(&self) -> impl Iterator<Item = (&'static Field, Value<'_>)> {
                FIELDS.iter().enumerate().map(|(i, f)| (f, self.value(i)))
            }
        }
    };
}

code_fields! {
    /// How many times the server already retried before answering
    /// with this code (for example, an upstream call).
    server_retries: Count, Delivery, category_default: false,
        docs: "Server retries", note: "the server already retried {times} before answering";
    /// The SDK exception class raised for this code, if any.
    sdk_exception: Code, Client, category_default: true, docs: "SDK exception";
    /// The catalog version that introduced the code, if recorded.
    since: Text, History, category_default: false, docs: "Since";
}

impl Field {
    /// Its key in the clients' data: camelCase (`sdkException`).
    pub fn camel_key(&self) -> String {
        let pascal = crate::ident::pascal_case(self.key);
        let mut chars = pascal.chars();
        chars
            .next()
            .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
            .unwrap_or_default()
    }

    /// Its OpenAPI extension on a code's schema: `x-errcat-sdk-exception`.
    pub fn extension(&self) -> String {
        format!("x-errcat-{}", self.key.replace('_', "-"))
    }

    /// Whether the lock records it: what a code promises its clients, but
    /// its history, which the lock keeps itself (`since`, `deprecated_in`).
    pub fn locked(&self) -> bool {
        self.group != Group::History
    }

    /// Whether `value` is a value of this fact as a lock records it.
    pub fn accepts(&self, value: &serde_json::Value) -> bool {
        match self.ty {
            FieldType::Count => value.as_u64().is_some_and(|n| n <= u64::from(u8::MAX)),
            FieldType::Code | FieldType::Text => value.is_string(),
        }
    }

    /// The fields of `group`, in declaration order.
    pub fn in_group(group: Group) -> impl Iterator<Item = (usize, &'static Field)> {
        FIELDS
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.group == group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_category_keys_are_a_subset() {
        let keys = RawFacts::keys(false);
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(key), "{key} declared twice");
        }
        assert!(RawFacts::keys(true).iter().all(|k| keys.contains(k)));
        assert!(RawFacts::keys(true).contains(&"sdk_exception"));
        assert!(!RawFacts::keys(true).contains(&"since"));
    }

    #[test]
    fn lowering_takes_the_code_then_the_category_then_the_default() {
        let raw = RawFacts {
            since: Some(toml::Spanned::new(0..3, "1.2".into())),
            ..Default::default()
        };
        let category = CategoryFacts {
            sdk_exception: Some(Some("LimitError".into())),
            ..Default::default()
        };
        let facts = Facts::lower(&raw, &category, &mut |p| panic!("{p:?}")).unwrap();
        assert_eq!(facts.since.as_deref(), Some("1.2"));
        assert_eq!(facts.sdk_exception.as_deref(), Some("LimitError"));
        assert_eq!(facts.server_retries, 0);
        let values: Vec<Value<'_>> = facts.iter().map(|(_, v)| v).collect();
        assert_eq!(
            values,
            [
                Value::Count(0),
                Value::Text(Some("LimitError")),
                Value::Text(Some("1.2"))
            ]
        );
    }

    #[test]
    fn each_output_names_a_fact_from_its_key() {
        let field = FIELDS.iter().find(|f| f.key == "sdk_exception").unwrap();
        assert_eq!(field.camel_key(), "sdkException");
        assert_eq!(field.extension(), "x-errcat-sdk-exception");
        assert!(field.locked());
        assert!(!FIELDS.iter().find(|f| f.key == "since").unwrap().locked());
        assert!(field.accepts(&serde_json::json!("ValueError")));
        assert!(!field.accepts(&serde_json::json!(3)));
        let count = FIELDS.iter().find(|f| f.key == "server_retries").unwrap();
        assert!(count.accepts(&serde_json::json!(255)) && !count.accepts(&serde_json::json!(256)));
        assert!(Value::Count(0).is_default() && !Value::Text(Some("")).is_default());
    }

    #[test]
    fn a_value_that_does_not_fit_is_reported_and_gives_no_facts() {
        let raw = RawFacts {
            server_retries: Some(toml::Spanned::new(4..7, 300)),
            ..Default::default()
        };
        let mut problems = Vec::new();
        let facts = Facts::lower(&raw, &CategoryFacts::default(), &mut |p| problems.push(p));
        assert!(facts.is_none());
        assert_eq!(
            problems,
            [(4..7, "server_retries", "must be between 0 and 255")]
        );
    }
}
