//! Diagnostic codes and severities: a leaf every layer may name. The list
//! of rules lives here once, as `for_each_rule!`; this module expands it
//! into [`DiagCode`], and `diagnostics/rules/mod.rs` expands it again into
//! one module per rule and `DiagCode::rule`.

use std::fmt;
use std::ops::Range;

use crate::source::FileId;

/// Calls `$callback!` with every rule: variant, printed code, severity,
/// and the rule's module under `diagnostics/rules/`. Adding a rule is one
/// line here and its file.
macro_rules! for_each_rule {
    ($callback:ident) => {
        $callback! {
            TomlSyntax = "E0001", Error, toml_syntax;
            UnknownKey = "E0002", Error, unknown_key;
            MissingField = "E0003", Error, missing_field;
            WrongType = "E0004", Error, wrong_type;
            DuplicateName = "E0005", Error, duplicate_name;
            DuplicateNumeric = "E0006", Error, duplicate_numeric;
            DuplicateAlias = "E0007", Error, duplicate_alias;
            NotSnakeCase = "E0008", Error, not_snake_case;
            IdentCollision = "E0009", Error, ident_collision;
            NumericOutOfRange = "E0010", Error, numeric_out_of_range;
            RangeOverlap = "E0011", Error, range_overlap;
            StatusOutOfRange = "E0012", Error, status_out_of_range;
            StatusFaultMismatch = "E0013", Error, status_fault_mismatch;
            UnknownCategory = "E0014", Error, unknown_category;
            UnknownRetryPolicy = "E0015", Error, unknown_retry_policy;
            UnknownReplacement = "E0016", Error, unknown_replacement;
            ReplacementCycle = "E0017", Error, replacement_cycle;
            ReplacedBySelf = "E0018", Error, replaced_by_self;
            UndeclaredPlaceholder = "E0019", Error, undeclared_placeholder;
            UnusedParam = "E0020", Error, unused_param;
            BadTemplate = "E0021", Error, bad_template;
            UnknownParamType = "E0022", Error, unknown_param_type;
            BadRetryDelay = "E0023", Error, bad_retry_value;
            MaxBelowInitial = "E0024", Error, max_below_initial;
            RetryableClientError = "W0025", Warning, retryable_client_error;
            RateLimitWithoutHeader = "W0026", Warning, rate_limit_without_header;
            EmptyCatalog = "E0027", Error, empty_catalog;
            EmptyCategory = "E0028", Error, empty_category;
            MissingCatalogToml = "E0029", Error, missing_catalog_toml;
            ExitCodeOutOfRange = "E0030", Error, exit_code_out_of_range;
            ErrorExitsZero = "E0031", Error, error_exits_zero;
            InvalidValue = "E0032", Error, invalid_value;
            Io = "E0033", Error, io;
            ReplacedButNotDeprecated = "E0034", Error, replaced_but_not_deprecated;
            UndeclaredExitCode = "E0035", Error, undeclared_exit_code;
            ReservedPageName = "E0036", Error, reserved_page_name;
            BlankText = "E0037", Error, blank_text;
            ControlCharacter = "E0038", Error, control_character;
            UnreadCatalogEntry = "W0039", Warning, unread_catalog_entry;
            ConstructorRenamed = "N0040", Note, constructor_renamed;
            BookWithoutDocs = "E0041", Error, book_without_docs;
            BadAllow = "E0042", Error, bad_allow;
            CodeDeleted = "E0043", Error, code_deleted;
            TombstoneDropped = "E0044", Error, tombstone_dropped;
            IdentityChanged = "E0045", Error, identity_changed;
            RetiredReused = "E0046", Error, retired_reused;
            AliasDropped = "E0047", Error, alias_dropped;
            RetiredWithoutDeprecation = "E0048", Error, retired_without_deprecation;
            ParamsChanged = "E0049", Error, params_changed;
            ClassChanged = "E0050", Error, class_changed;
            TypeNameChanged = "E0051", Error, type_name_changed;
            CompatibleChange = "W0052", Warning, compatible_change;
            VersionNotBumped = "E0053", Error, version_not_bumped;
            BadLock = "E0054", Error, bad_lock;
            BadIdentity = "E0055", Error, bad_identity;
            ClassPrefix = "E0056", Error, class_prefix;
            HttpInNonHttpCatalog = "E0057", Error, http_in_non_http_catalog;
            UnusedAllow = "W0058", Warning, unused_allow;
            UnknownLocale = "E0059", Error, unknown_locale;
            UnknownTranslation = "E0060", Error, unknown_translation;
            DuplicateTranslation = "E0061", Error, duplicate_translation;
            TranslationParams = "E0062", Error, translation_params;
            PluralForms = "E0063", Error, plural_forms;
            StaleTranslation = "W0064", Warning, stale_translation;
            MissingTranslation = "W0065", Warning, missing_translation;
        }
    };
}
pub(crate) use for_each_rule;

macro_rules! define_codes {
    ($( $variant:ident = $code:literal, $severity:ident, $module:ident; )*) => {
        /// A stable diagnostic code. Codes are never reused or renumbered.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum DiagCode { $( #[doc = $code] $variant, )* }

        impl DiagCode {
            /// Every code, in numeric order.
            pub const ALL: &'static [DiagCode] = &[$(DiagCode::$variant),*];

            /// The code as printed, e.g. `"E0005"`.
            pub fn as_str(self) -> &'static str {
                match self { $(DiagCode::$variant => $code,)* }
            }

            /// The severity a problem of this code has.
            pub fn severity(self) -> Severity {
                match self { $(DiagCode::$variant => Severity::$severity,)* }
            }

            /// The rule's name, e.g. `"status_fault_mismatch"` (its module).
            pub fn name(self) -> &'static str {
                match self { $(DiagCode::$variant => stringify!($module),)* }
            }
        }
    };
}

for_each_rule!(define_codes);

impl DiagCode {
    /// The code printed as `s` (`"E0049"`, any letter case).
    pub fn parse(s: &str) -> Option<DiagCode> {
        DiagCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for DiagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Information: something errcat did on the catalog's behalf.
    Note,
    /// Shown, but generation goes on (unless warnings are denied).
    Warning,
    /// Generation stops; nothing is written.
    Error,
}

impl Severity {
    /// `"note"`, `"warning"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

// Lint levels a catalog sets (`[lints]`): lowering reads them, and
// `diagnostics::levels::apply` applies them to every problem found.

/// What a level does to a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintLevel {
    /// Not reported.
    Allow,
    /// Reported as a warning; generation goes on.
    Warn,
    /// Reported as an error; nothing is generated.
    Deny,
}

impl LintLevel {
    /// The values `[lints]` takes, in order.
    pub const NAMES: &'static [&'static str] = &["allow", "warn", "deny"];

    /// The level a value names.
    pub fn parse(name: &str) -> Option<LintLevel> {
        match name {
            "allow" => Some(LintLevel::Allow),
            "warn" => Some(LintLevel::Warn),
            "deny" => Some(LintLevel::Deny),
            _ => None,
        }
    }

    /// Its name in `[lints]`.
    pub fn as_str(self) -> &'static str {
        LintLevel::NAMES[self as usize]
    }
}

/// What a `[lints]` key sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One rule.
    Rule(DiagCode),
    /// Every rule whose problems are warnings.
    Warnings,
}

/// The group name of every warning.
pub const WARNINGS: &str = "warnings";

impl Target {
    /// The rule or group a key names: a rule's name (`compatible_change`),
    /// its code (`W0052`) or `warnings`.
    pub fn parse(key: &str) -> Option<Target> {
        if key == WARNINGS {
            return Some(Target::Warnings);
        }
        DiagCode::parse(key)
            .or_else(|| DiagCode::ALL.iter().copied().find(|c| c.name() == key))
            .map(Target::Rule)
    }

    /// Every name a key may take, for suggestions: the group, then each
    /// warning's and note's rule name.
    pub fn names() -> Vec<&'static str> {
        std::iter::once(WARNINGS)
            .chain(
                DiagCode::ALL
                    .iter()
                    .filter(|c| c.severity() != Severity::Error)
                    .map(|c| c.name()),
            )
            .collect()
    }
}

/// The levels of one catalog, each with where it was set.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    set: Vec<(Target, LintLevel, FileId, Range<usize>)>,
}

impl Levels {
    /// Whether no level is set.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Sets `target` to `level`, written at `span` of `file`.
    pub fn set(&mut self, target: Target, level: LintLevel, file: FileId, span: Range<usize>) {
        self.set.push((target, level, file, span));
    }

    /// The level of `code` and where it was set: the rule's own, else its
    /// group's. `None` leaves the rule at its severity.
    pub fn of(&self, code: DiagCode) -> Option<(LintLevel, FileId, &Range<usize>)> {
        let own = self
            .set
            .iter()
            .rev()
            .find(|(t, ..)| *t == Target::Rule(code));
        let group = || {
            (code.severity() == Severity::Warning)
                .then(|| self.set.iter().rev().find(|(t, ..)| *t == Target::Warnings))
                .flatten()
        };
        own.or_else(group)
            .map(|(_, level, file, span)| (*level, *file, span))
    }
}
