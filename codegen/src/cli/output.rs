//! What a command returns: text and JSON on success, or a failure with its
//! exit code.

use crate::Report;
use serde_json::Value;

/// Invalid catalog, stale files or another failure.
pub const EXIT_FAILURE: u8 = 1;
/// The command line is wrong.
pub const EXIT_USAGE: u8 = 2;
/// No catalog, or no such code.
pub const EXIT_NOT_FOUND: u8 = 3;

/// A failure: its exit code and what to print.
#[derive(Debug)]
pub struct Failure {
    pub exit: u8,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    pub file: Option<String>,
    pub report: Option<Box<Report>>,
}

impl Failure {
    pub fn new(exit: u8, code: &'static str, message: impl Into<String>) -> Self {
        Failure {
            exit,
            code,
            message: message.into(),
            hint: None,
            file: None,
            report: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The file the failure is about.
    pub fn file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }
}

/// A successful command's output.
pub struct Output {
    /// For people.
    pub text: String,
    /// With `--json`.
    pub json: Value,
    /// The exit code: 0, or 1 when the output itself is the failure
    /// (`diff` finding breaking changes).
    pub exit: u8,
}
