//! E0033: A catalog file could not be read.

use crate::diagnostics::{DiagCode, Diagnostic, Rule};

/// E0033.
pub(crate) const RULE: Rule = Rule {
    summary: "A catalog file could not be read.",
    explanation: "A catalog file or folder could not be read (permissions, a broken link). Nothing can be checked until it can.",
    example: None,
    lint: None,
    history: None,
};


/// E0033.
pub fn io_error(path: &str, error: &std::io::Error) -> Diagnostic {
    Diagnostic::new(DiagCode::Io, format!("cannot read `{path}`: {error}"))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn its_diagnostic_has_the_code() {
        let error = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let d = io_error("catalog", &error);
        assert_eq!(d.code, DiagCode::Io);
        assert!(d.message.contains("cannot read `catalog`"));
    }
}
