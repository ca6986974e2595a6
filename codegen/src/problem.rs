//! What loading and lowering find wrong, as data. Each variant holds what
//! one rule needs to say it; `diagnostics::diagnose` turns every problem
//! into that rule's diagnostic in one pass, beside the lints, so the
//! layers below the rules never call into them. The constructors keep the
//! rules' own names and arguments.

use std::ops::Range;

use crate::diag_code::DiagCode;
use crate::source::FileId;

/// One problem found while reading or lowering the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// bad_allow: see `diagnostics/rules/bad_allow.rs`.
    AllowError {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The diagnostic code it names.
        code: DiagCode,
    },
    /// bad_allow: see `diagnostics/rules/bad_allow.rs`.
    AllowUnknown {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
    },
    /// bad_allow: see `diagnostics/rules/bad_allow.rs`.
    AllowWithoutReason {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
    },
    /// class_prefix: see `diagnostics/rules/class_prefix.rs`.
    BadGeneric {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The generic code named.
        generic: String,
        /// The category.
        category: String,
        /// Whether the category has a prefix.
        has_prefix: bool,
    },
    /// bad_lock: see `diagnostics/rules/bad_lock.rs`.
    BadLock {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// What is wrong, in words.
        problem: String,
    },
    /// bad_retry_value: see `diagnostics/rules/bad_retry_value.rs`.
    BadRetryValue {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key.
        field: String,
        /// What is wrong, in words.
        problem: String,
    },
    /// bad_template: see `diagnostics/rules/bad_template.rs`.
    BadTemplate {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// What is wrong, in words.
        problem: String,
    },
    /// blank_text: see `diagnostics/rules/blank_text.rs`.
    BlankText {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key as written.
        key: String,
    },
    /// not_snake_case: see `diagnostics/rules/not_snake_case.rs`.
    CodeKeyNotSnakeCase {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key as written.
        key: String,
    },
    /// control_character: see `diagnostics/rules/control_character.rs`.
    ControlCharacter {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key as written.
        key: String,
        /// The character.
        c: char,
        /// Its position in the text (0-based, in characters).
        at: usize,
    },
    /// exit_code_out_of_range: see `diagnostics/rules/exit_code_out_of_range.rs`.
    ExitCodeOutOfRange {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The value as written.
        value: i64,
    },
    /// http_in_non_http_catalog: see `diagnostics/rules/http_in_non_http_catalog.rs`.
    HttpInNonHttpCatalog {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// What the entry is, in words.
        what: String,
    },
    /// bad_identity: see `diagnostics/rules/bad_identity.rs`.
    IdentityMismatch {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The identity.
        identity: String,
        /// The identity pattern.
        pattern: String,
        /// Whether it is a token at all.
        token: bool,
    },
    /// invalid_value: see `diagnostics/rules/invalid_value.rs`.
    InvalidValue {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key.
        field: String,
        /// The value as written.
        value: String,
        /// The values it may take.
        allowed: Vec<String>,
    },
    /// invalid_value: see `diagnostics/rules/invalid_value.rs`.
    InvalidValueBecause {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key.
        field: String,
        /// What is wrong, in words.
        problem: String,
    },
    /// bad_allow: see `diagnostics/rules/bad_allow.rs`.
    LintError {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The diagnostic code it names.
        code: DiagCode,
    },
    /// bad_allow: see `diagnostics/rules/bad_allow.rs`.
    LintUnknown {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
    },
    /// max_below_initial: see `diagnostics/rules/max_below_initial.rs`.
    MaxBelowInitial {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// Where the initial delay is.
        initial_span: Range<usize>,
    },
    /// missing_catalog_toml: see `diagnostics/rules/missing_catalog_toml.rs`.
    MissingCatalogToml {
        /// The catalog folder, as shown.
        dir: String,
    },
    /// missing_field: see `diagnostics/rules/missing_field.rs`.
    MissingField {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key.
        field: String,
        /// What the entry is, in words.
        what: String,
    },
    /// missing_field: see `diagnostics/rules/missing_field.rs`.
    MissingStatus {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// What the entry is, in words.
        what: String,
        /// The category.
        category: Option<String>,
    },
    /// missing_field: see `diagnostics/rules/missing_field.rs`.
    MissingStatusEverywhere {
        /// catalog.toml.
        settings: FileId,
        /// The category's key.
        category_key: Range<usize>,
        /// The first code without it.
        first_code: (FileId, Range<usize>),
        /// The category.
        category: String,
        /// How many codes lack it.
        codes: usize,
    },
    /// not_snake_case: see `diagnostics/rules/not_snake_case.rs`.
    NotSnakeCase {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// What the entry is, in words.
        what: String,
        /// The name as written.
        name: String,
        /// The name in snake_case.
        fixed: String,
    },
    /// replaced_by_self: see `diagnostics/rules/replaced_by_self.rs`.
    ReplacedBySelf {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
    },
    /// status_out_of_range: see `diagnostics/rules/status_out_of_range.rs`.
    StatusOutOfRange {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The status as written.
        status: i64,
    },
    /// toml_syntax: see `diagnostics/rules/toml_syntax.rs`.
    TomlSyntax {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The message.
        message: String,
    },
    /// unknown_category: see `diagnostics/rules/unknown_category.rs`.
    UnknownCategory {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
        /// The names it could be.
        known: Vec<String>,
    },
    /// unknown_key: see `diagnostics/rules/unknown_key.rs`.
    UnknownKey {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key as written.
        key: String,
        /// What the entry is, in words.
        what: String,
        /// The names it could be.
        known: Vec<String>,
    },
    /// unknown_param_type: see `diagnostics/rules/unknown_param_type.rs`.
    UnknownParamType {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The type as written.
        ty: String,
        /// The names it could be.
        known: Vec<String>,
    },
    /// unknown_replacement: see `diagnostics/rules/unknown_replacement.rs`.
    UnknownReplacement {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
        /// The names it could be.
        known: Vec<String>,
    },
    /// unknown_retry_policy: see `diagnostics/rules/unknown_retry_policy.rs`.
    UnknownRetryPolicy {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The name as written.
        name: String,
        /// The names it could be.
        known: Vec<String>,
    },
    /// unread_catalog_entry: see `diagnostics/rules/unread_catalog_entry.rs`.
    UnreadCatalogEntry {
        /// The catalog folder, as shown.
        dir: String,
        /// The name as written.
        name: String,
        /// Why.
        reason: String,
    },
    /// wrong_type: see `diagnostics/rules/wrong_type.rs`.
    WrongType {
        /// The file.
        file: FileId,
        /// Where, in that file.
        span: Range<usize>,
        /// The key as written.
        key: String,
        /// The message.
        message: String,
    },
}

/// A [`Problem::AllowError`].
pub fn allow_error(file: FileId, span: Range<usize>, code: DiagCode) -> Problem {
    Problem::AllowError { file, span, code }
}

/// A [`Problem::AllowUnknown`].
pub fn allow_unknown(file: FileId, span: Range<usize>, name: &str) -> Problem {
    Problem::AllowUnknown {
        file,
        span,
        name: name.to_string(),
    }
}

/// A [`Problem::AllowWithoutReason`].
pub fn allow_without_reason(file: FileId, span: Range<usize>, name: &str) -> Problem {
    Problem::AllowWithoutReason {
        file,
        span,
        name: name.to_string(),
    }
}

/// A [`Problem::BadGeneric`].
pub fn bad_generic(
    file: FileId,
    span: Range<usize>,
    generic: &str,
    category: &str,
    has_prefix: bool,
) -> Problem {
    Problem::BadGeneric {
        file,
        span,
        generic: generic.to_string(),
        category: category.to_string(),
        has_prefix,
    }
}

/// A [`Problem::BadLock`].
pub fn bad_lock(file: FileId, span: Range<usize>, problem: &str) -> Problem {
    Problem::BadLock {
        file,
        span,
        problem: problem.to_string(),
    }
}

/// A [`Problem::BadRetryValue`].
pub fn bad_retry_value(file: FileId, span: Range<usize>, field: &str, problem: &str) -> Problem {
    Problem::BadRetryValue {
        file,
        span,
        field: field.to_string(),
        problem: problem.to_string(),
    }
}

/// A [`Problem::BadTemplate`].
pub fn bad_template(file: FileId, span: Range<usize>, problem: &str) -> Problem {
    Problem::BadTemplate {
        file,
        span,
        problem: problem.to_string(),
    }
}

/// A [`Problem::BlankText`].
pub fn blank_text(file: FileId, span: Range<usize>, key: &str) -> Problem {
    Problem::BlankText {
        file,
        span,
        key: key.to_string(),
    }
}

/// A [`Problem::CodeKeyNotSnakeCase`].
pub fn code_key_not_snake_case(file: FileId, span: Range<usize>, key: &str) -> Problem {
    Problem::CodeKeyNotSnakeCase {
        file,
        span,
        key: key.to_string(),
    }
}

/// A [`Problem::ControlCharacter`].
pub fn control_character(
    file: FileId,
    span: Range<usize>,
    key: &str,
    c: char,
    at: usize,
) -> Problem {
    Problem::ControlCharacter {
        file,
        span,
        key: key.to_string(),
        c,
        at,
    }
}

/// A [`Problem::ExitCodeOutOfRange`].
pub fn exit_code_out_of_range(file: FileId, span: Range<usize>, value: i64) -> Problem {
    Problem::ExitCodeOutOfRange { file, span, value }
}

/// A [`Problem::HttpInNonHttpCatalog`].
pub fn http_in_non_http_catalog(file: FileId, span: Range<usize>, what: &str) -> Problem {
    Problem::HttpInNonHttpCatalog {
        file,
        span,
        what: what.to_string(),
    }
}

/// A [`Problem::IdentityMismatch`].
pub fn identity_mismatch(
    file: FileId,
    span: Range<usize>,
    identity: &str,
    pattern: &str,
    token: bool,
) -> Problem {
    Problem::IdentityMismatch {
        file,
        span,
        identity: identity.to_string(),
        pattern: pattern.to_string(),
        token,
    }
}

/// A [`Problem::InvalidValue`].
pub fn invalid_value(
    file: FileId,
    span: Range<usize>,
    field: &str,
    value: &str,
    allowed: &[&str],
) -> Problem {
    Problem::InvalidValue {
        file,
        span,
        field: field.to_string(),
        value: value.to_string(),
        allowed: allowed.iter().map(|s| s.to_string()).collect(),
    }
}

/// A [`Problem::InvalidValueBecause`].
pub fn invalid_value_because(
    file: FileId,
    span: Range<usize>,
    field: &str,
    problem: &str,
) -> Problem {
    Problem::InvalidValueBecause {
        file,
        span,
        field: field.to_string(),
        problem: problem.to_string(),
    }
}

/// A [`Problem::LintError`].
pub fn lint_error(file: FileId, span: Range<usize>, code: DiagCode) -> Problem {
    Problem::LintError { file, span, code }
}

/// A [`Problem::LintUnknown`].
pub fn lint_unknown(file: FileId, span: Range<usize>, name: &str) -> Problem {
    Problem::LintUnknown {
        file,
        span,
        name: name.to_string(),
    }
}

/// A [`Problem::MaxBelowInitial`].
pub fn max_below_initial(file: FileId, span: Range<usize>, initial_span: Range<usize>) -> Problem {
    Problem::MaxBelowInitial {
        file,
        span,
        initial_span,
    }
}

/// A [`Problem::MissingCatalogToml`].
pub fn missing_catalog_toml(dir: &str) -> Problem {
    Problem::MissingCatalogToml {
        dir: dir.to_string(),
    }
}

/// A [`Problem::MissingField`].
pub fn missing_field(file: FileId, span: Range<usize>, field: &str, what: &str) -> Problem {
    Problem::MissingField {
        file,
        span,
        field: field.to_string(),
        what: what.to_string(),
    }
}

/// A [`Problem::MissingStatus`].
pub fn missing_status(
    file: FileId,
    span: Range<usize>,
    what: &str,
    category: Option<&str>,
) -> Problem {
    Problem::MissingStatus {
        file,
        span,
        what: what.to_string(),
        category: category.map(str::to_string),
    }
}

/// A [`Problem::MissingStatusEverywhere`].
pub fn missing_status_everywhere(
    settings: FileId,
    category_key: Range<usize>,
    first_code: (FileId, Range<usize>),
    category: &str,
    codes: usize,
) -> Problem {
    Problem::MissingStatusEverywhere {
        settings,
        category_key,
        first_code,
        category: category.to_string(),
        codes,
    }
}

/// A [`Problem::NotSnakeCase`].
pub fn not_snake_case(
    file: FileId,
    span: Range<usize>,
    what: &str,
    name: &str,
    fixed: &str,
) -> Problem {
    Problem::NotSnakeCase {
        file,
        span,
        what: what.to_string(),
        name: name.to_string(),
        fixed: fixed.to_string(),
    }
}

/// A [`Problem::ReplacedBySelf`].
pub fn replaced_by_self(file: FileId, span: Range<usize>, name: &str) -> Problem {
    Problem::ReplacedBySelf {
        file,
        span,
        name: name.to_string(),
    }
}

/// A [`Problem::StatusOutOfRange`].
pub fn status_out_of_range(file: FileId, span: Range<usize>, status: i64) -> Problem {
    Problem::StatusOutOfRange { file, span, status }
}

/// A [`Problem::TomlSyntax`].
pub fn toml_syntax(file: FileId, span: Range<usize>, message: &str) -> Problem {
    Problem::TomlSyntax {
        file,
        span,
        message: message.to_string(),
    }
}

/// A [`Problem::UnknownCategory`].
pub fn unknown_category(file: FileId, span: Range<usize>, name: &str, known: &[&str]) -> Problem {
    Problem::UnknownCategory {
        file,
        span,
        name: name.to_string(),
        known: known.iter().map(|s| s.to_string()).collect(),
    }
}

/// A [`Problem::UnknownKey`].
pub fn unknown_key(
    file: FileId,
    span: Range<usize>,
    key: &str,
    what: &str,
    known: &[&str],
) -> Problem {
    Problem::UnknownKey {
        file,
        span,
        key: key.to_string(),
        what: what.to_string(),
        known: known.iter().map(|s| s.to_string()).collect(),
    }
}

/// A [`Problem::UnknownParamType`].
pub fn unknown_param_type(file: FileId, span: Range<usize>, ty: &str, known: &[&str]) -> Problem {
    Problem::UnknownParamType {
        file,
        span,
        ty: ty.to_string(),
        known: known.iter().map(|s| s.to_string()).collect(),
    }
}

/// A [`Problem::UnknownReplacement`].
pub fn unknown_replacement(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Problem {
    Problem::UnknownReplacement {
        file,
        span,
        name: name.to_string(),
        known: known.iter().map(|s| s.to_string()).collect(),
    }
}

/// A [`Problem::UnknownRetryPolicy`].
pub fn unknown_retry_policy(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Problem {
    Problem::UnknownRetryPolicy {
        file,
        span,
        name: name.to_string(),
        known: known.iter().map(|s| s.to_string()).collect(),
    }
}

/// A [`Problem::UnreadCatalogEntry`].
pub fn unread_catalog_entry(dir: &str, name: &str, reason: &str) -> Problem {
    Problem::UnreadCatalogEntry {
        dir: dir.to_string(),
        name: name.to_string(),
        reason: reason.to_string(),
    }
}

/// A [`Problem::WrongType`].
pub fn wrong_type(file: FileId, span: Range<usize>, key: &str, message: &str) -> Problem {
    Problem::WrongType {
        file,
        span,
        key: key.to_string(),
        message: message.to_string(),
    }
}

/// E0038 if `value` holds a character text may not hold.
pub fn control_character_in(
    file: FileId,
    key: &str,
    value: &str,
    span: Range<usize>,
) -> Option<Problem> {
    let (at, c) = value
        .chars()
        .enumerate()
        .find(|&(_, c)| crate::raw::values::is_forbidden_char(c))?;
    Some(control_character(file, span, key, c, at))
}

/// E0037 if `value` is blank where `key` is meant to hold text.
pub fn blank_text_in(file: FileId, key: &str, value: &str, span: Range<usize>) -> Option<Problem> {
    (crate::raw::values::TEXT_KEYS.contains(&key) && value.trim().is_empty())
        .then(|| blank_text(file, span, key))
}
