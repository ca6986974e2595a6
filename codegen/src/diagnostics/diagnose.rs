//! Problems become diagnostics: one pass over what loading and lowering
//! found, each problem handed to its rule's constructor.

use super::Diagnostic;
use super::rules;
use crate::problem::Problem;

fn strs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

/// The diagnostic of one problem, as its rule words it.
pub fn diagnose(problem: Problem) -> Diagnostic {
    match problem {
        Problem::AllowError { file, span, code } => rules::allow_error(file, span, code),
        Problem::AllowUnknown { file, span, name } => rules::allow_unknown(file, span, &name),
        Problem::AllowWithoutReason { file, span, name } => {
            rules::allow_without_reason(file, span, &name)
        }
        Problem::BadGeneric {
            file,
            span,
            generic,
            category,
            has_prefix,
        } => rules::bad_generic(file, span, &generic, &category, has_prefix),
        Problem::BadLock {
            file,
            span,
            problem,
        } => rules::bad_lock(file, span, &problem),
        Problem::BadRetryValue {
            file,
            span,
            field,
            problem,
        } => rules::bad_retry_value(file, span, &field, &problem),
        Problem::BadTemplate {
            file,
            span,
            problem,
        } => rules::bad_template(file, span, &problem),
        Problem::BlankText { file, span, key } => rules::blank_text(file, span, &key),
        Problem::CodeKeyNotSnakeCase { file, span, key } => {
            rules::code_key_not_snake_case(file, span, &key)
        }
        Problem::ControlCharacter {
            file,
            span,
            key,
            c,
            at,
        } => rules::control_character(file, span, &key, c, at),
        Problem::ExitCodeOutOfRange { file, span, value } => {
            rules::exit_code_out_of_range(file, span, value)
        }
        Problem::HttpInNonHttpCatalog { file, span, what } => {
            rules::http_in_non_http_catalog(file, span, &what)
        }
        Problem::IdentityMismatch {
            file,
            span,
            identity,
            pattern,
            token,
        } => rules::identity_mismatch(file, span, &identity, &pattern, token),
        Problem::InvalidValue {
            file,
            span,
            field,
            value,
            allowed,
        } => rules::invalid_value(file, span, &field, &value, &strs(&allowed)),
        Problem::InvalidValueBecause {
            file,
            span,
            field,
            problem,
        } => rules::invalid_value_because(file, span, &field, &problem),
        Problem::LintError { file, span, code } => rules::lint_error(file, span, code),
        Problem::LintUnknown { file, span, name } => rules::lint_unknown(file, span, &name),
        Problem::MaxBelowInitial {
            file,
            span,
            initial_span,
        } => rules::max_below_initial(file, span, initial_span),
        Problem::MissingCatalogToml { dir } => rules::missing_catalog_toml(&dir),
        Problem::MissingField {
            file,
            span,
            field,
            what,
        } => rules::missing_field(file, span, &field, &what),
        Problem::MissingStatus {
            file,
            span,
            what,
            category,
        } => rules::missing_status(file, span, &what, category.as_deref()),
        Problem::MissingStatusEverywhere {
            settings,
            category_key,
            first_code,
            category,
            codes,
        } => rules::missing_status_everywhere(settings, category_key, first_code, &category, codes),
        Problem::NotSnakeCase {
            file,
            span,
            what,
            name,
            fixed,
        } => rules::not_snake_case(file, span, &what, &name, &fixed),
        Problem::ReplacedBySelf { file, span, name } => rules::replaced_by_self(file, span, &name),
        Problem::StatusOutOfRange { file, span, status } => {
            rules::status_out_of_range(file, span, status)
        }
        Problem::TomlSyntax {
            file,
            span,
            message,
        } => rules::toml_syntax(file, span, &message),
        Problem::UnknownCategory {
            file,
            span,
            name,
            known,
        } => rules::unknown_category(file, span, &name, &strs(&known)),
        Problem::UnknownKey {
            file,
            span,
            key,
            what,
            known,
        } => rules::unknown_key(file, span, &key, &what, &strs(&known)),
        Problem::UnknownParamType {
            file,
            span,
            ty,
            known,
        } => rules::unknown_param_type(file, span, &ty, &strs(&known)),
        Problem::UnknownReplacement {
            file,
            span,
            name,
            known,
        } => rules::unknown_replacement(file, span, &name, &strs(&known)),
        Problem::UnknownRetryPolicy {
            file,
            span,
            name,
            known,
        } => rules::unknown_retry_policy(file, span, &name, &strs(&known)),
        Problem::UnreadCatalogEntry { dir, name, reason } => {
            rules::unread_catalog_entry(&dir, &name, &reason)
        }
        Problem::WrongType {
            file,
            span,
            key,
            message,
        } => rules::wrong_type(file, span, &key, &message),
    }
}
