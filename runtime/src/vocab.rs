//! Small closed vocabularies shared by every catalog: kinds, faults, params.

use core::fmt;

/// Whether a code reports a failure or a non-error status.
///
/// Most codes are errors. Some APIs (Clarifai's, for one) also give codes to
/// outcomes such as "model trained" or "download pending", so a catalog can
/// describe those too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// The request failed.
    Error,
    /// The request succeeded (possibly only partly).
    Success,
    /// The operation was accepted and is still running.
    Pending,
    /// The request succeeded, with something the caller should know, as a
    /// database's `01xxx` states or a compiler's `W` codes.
    Warning,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [Kind] = &[Kind::Error, Kind::Success, Kind::Pending, Kind::Warning];

    /// The name used in catalog files: `"error"`, `"success"` or `"pending"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Success => "success",
            Kind::Pending => "pending",
            Kind::Warning => "warning",
        }
    }

    /// True for [`Kind::Error`].
    pub const fn is_error(self) -> bool {
        matches!(self, Kind::Error)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who is responsible for an error, as in Smithy's `@error("client")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// The caller sent something wrong; HTTP 4xx.
    Client,
    /// The service failed; HTTP 5xx.
    Server,
    /// Not a fault at all: success or pending statuses.
    None,
}

impl Fault {
    /// Every fault, in declaration order.
    pub const ALL: &'static [Fault] = &[Fault::Client, Fault::Server, Fault::None];

    /// The fault an HTTP status implies: 4xx client, 5xx server, else none
    /// (what a code of a catalog without categories is, unless it says).
    pub const fn of_status(status: u16) -> Fault {
        match status {
            400..=499 => Fault::Client,
            500..=599 => Fault::Server,
            _ => Fault::None,
        }
    }

    /// The name used in catalog files: `"client"`, `"server"` or `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Fault::Client => "client",
            Fault::Server => "server",
            Fault::None => "none",
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The declared type of a message template parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ParamType {
    /// Text (`"string"` in the catalog).
    String,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
}

impl ParamType {
    /// Every parameter type, in declaration order.
    pub const ALL: &'static [ParamType] = &[
        ParamType::String,
        ParamType::U16,
        ParamType::U32,
        ParamType::U64,
        ParamType::I32,
        ParamType::I64,
        ParamType::F64,
        ParamType::Bool,
    ];

    /// The name used in catalog files, e.g. `"u32"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::U16 => "u16",
            ParamType::U32 => "u32",
            ParamType::U64 => "u64",
            ParamType::I32 => "i32",
            ParamType::I64 => "i64",
            ParamType::F64 => "f64",
            ParamType::Bool => "bool",
        }
    }

    /// Parses a catalog type name.
    pub fn from_name(name: &str) -> Option<ParamType> {
        ParamType::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    /// A value of this type from its text, as AIP-193 metadata (which holds
    /// strings) carries it: integers in range, JSON numbers, `true` and
    /// `false`; `None` when the text is not one.
    pub fn value_from_text(self, text: &str) -> Option<serde_json::Value> {
        use serde_json::Value;
        let integer = || {
            let digits = text.strip_prefix('-').unwrap_or(text);
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<i128>().ok())
                .flatten()
        };
        let within = |n: i128, min: i128, max: i128| (min..=max).contains(&n);
        match self {
            ParamType::String => Some(Value::from(text)),
            ParamType::U16 => integer()
                .filter(|&n| within(n, 0, u16::MAX.into()))
                .map(|n| Value::from(n as u64)),
            ParamType::U32 => integer()
                .filter(|&n| within(n, 0, u32::MAX.into()))
                .map(|n| Value::from(n as u64)),
            ParamType::U64 => integer()
                .filter(|&n| within(n, 0, u64::MAX.into()))
                .map(|n| Value::from(n as u64)),
            ParamType::I32 => integer()
                .filter(|&n| within(n, i32::MIN.into(), i32::MAX.into()))
                .map(|n| Value::from(n as i64)),
            ParamType::I64 => integer()
                .filter(|&n| within(n, i64::MIN.into(), i64::MAX.into()))
                .map(|n| Value::from(n as i64)),
            // JSON's number grammar and nothing around it (serde_json would
            // skip whitespace; the clients' readers do not).
            ParamType::F64 if text.trim() != text => None,
            ParamType::F64 => match serde_json::from_str::<Value>(text) {
                Ok(Value::Number(n)) if n.as_f64().is_some_and(f64::is_finite) => {
                    Some(Value::Number(n))
                }
                _ => None,
            },
            ParamType::Bool => match text {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
        }
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parameter of a message template, such as `{limit}` in
/// `"Rate limit exceeded: {limit} calls"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamSpec {
    /// The placeholder name.
    pub name: &'static str,
    /// Its declared type.
    pub ty: ParamType,
}
