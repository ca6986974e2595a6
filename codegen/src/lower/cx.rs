//! The lowering context: where diagnostics go, and the small value checks
//! every part of lowering shares.

use foldhash::HashSet;

use crate::ident;
use crate::model::{EnvelopeStyle, Kind};
use crate::problem::{self as diag, Problem};
use crate::raw::{Entry, Int, Str};
use crate::source::{FileId, Sources};

/// The largest numeric code (`u32::MAX` is kept free as a sentinel).
pub const MAX_NUMERIC: i64 = u32::MAX as i64 - 1;

pub(super) use crate::raw::values::{FAULTS, GRPC_CODES, KINDS, STYLES};

pub(super) struct Cx<'a> {
    pub sources: &'a Sources,
    pub problems: &'a mut Vec<Problem>,
    /// `code_case = "upper"`: codes go on the wire as `RATE_LIMITED`.
    pub upper_wire_names: bool,
    /// The catalog's envelope style, which categories and codes may override.
    pub catalog_style: EnvelopeStyle,
    /// Retry policies and categories that are declared but invalid: they
    /// are reported once, and references to them are not errors again.
    pub broken: HashSet<String>,
    /// Codes of the category file being lowered that have no `status` and
    /// no category default: reported once for the category when it is all
    /// of them, else one by one (`lower::report_missing_status`).
    pub missing_status: Vec<(FileId, std::ops::Range<usize>, String)>,
    /// `[catalog] identity_pattern`, anchored: code keys are identities
    /// matching it instead of snake_case names.
    pub identity_pattern: Option<errcat_runtime::identity::IdentityPattern>,
    /// `[catalog] http`: false for catalogs that are not HTTP APIs.
    pub http: bool,
    /// `[catalog] cli`, as written.
    pub cli: Option<bool>,
    /// Whether some category or code names its `grpc` code.
    pub grpc_named: bool,
    /// Whether some category or code says `fault`.
    pub fault_said: bool,
    /// `[envelope] request_id_header` as written and valid: `Some(None)`
    /// for `""`.
    pub request_id_header: Option<Option<String>>,
}

impl Cx<'_> {
    pub fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    pub fn check_snake(&mut self, file: FileId, name: &Str, what: &str) -> bool {
        let ok = ident::is_snake_case(name.get_ref());
        if !ok {
            let fixed = ident::to_snake_case(name.get_ref());
            self.push(diag::not_snake_case(
                file,
                name.span(),
                what,
                name.get_ref(),
                &fixed,
            ));
        }
        ok
    }

    pub fn required_str<T>(
        &mut self,
        file: FileId,
        entry: &Entry<T>,
        value: &Option<Str>,
        field: &str,
        what: &str,
    ) -> Option<String> {
        match value {
            Some(v) => Some(v.get_ref().clone()),
            None => {
                if !entry.is_broken(field) {
                    self.push(diag::missing_field(file, entry.key.span(), field, what));
                }
                None
            }
        }
    }

    /// The index of `value` in `allowed`, reporting E0032 if it is not there.
    pub fn choice(
        &mut self,
        file: FileId,
        value: &Option<Str>,
        field: &str,
        allowed: &[&str],
    ) -> Option<usize> {
        let value = value.as_ref()?;
        let found = allowed.iter().position(|a| a == value.get_ref());
        if found.is_none() {
            self.push(diag::invalid_value(
                file,
                value.span(),
                field,
                value.get_ref(),
                allowed,
            ));
        }
        found
    }

    pub fn kind(&mut self, file: FileId, value: &Option<Str>) -> Option<Kind> {
        self.choice(file, value, "kind", KINDS)
            .map(|k| Kind::ALL[k])
    }

    pub fn status(&mut self, file: FileId, value: &Int) -> Option<u16> {
        let v = *value.get_ref();
        if (100..=599).contains(&v) {
            Some(v as u16)
        } else {
            self.push(diag::status_out_of_range(file, value.span(), v));
            None
        }
    }

    pub fn policy(&mut self, file: FileId, name: &Str, known: &[&str]) -> Option<usize> {
        let found = known.iter().position(|k| k == name.get_ref());
        if found.is_none() && !self.broken.contains(&format!("retry.{}", name.get_ref())) {
            self.push(diag::unknown_retry_policy(
                file,
                name.span(),
                name.get_ref(),
                known,
            ));
        }
        found
    }

    /// Reports a declared fact whose value does not fit its type.
    pub fn fact_problem(&mut self, file: FileId, (span, key, problem): crate::fields::Problem) {
        self.push(diag::invalid_value_because(file, span, key, problem));
    }

    pub fn exit_code(&mut self, file: FileId, value: &Int) -> Option<u8> {
        if self.cli == Some(false) {
            self.push(diag::invalid_value_because(
                file,
                value.span(),
                "exit_code",
                "the catalog says `cli = false`: its codes are not exit codes",
            ));
            return None;
        }
        match u8::try_from(*value.get_ref()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.push(diag::exit_code_out_of_range(
                    file,
                    value.span(),
                    *value.get_ref(),
                ));
                None
            }
        }
    }
}

/// The text of an optional value.
pub(super) fn text(value: &Option<Str>) -> Option<String> {
    value.as_ref().map(|v| v.get_ref().clone())
}
