//! W0039: Something in the catalog folder is not read.

use crate::diagnostics::{DiagCode, Diagnostic, Rule};

/// W0039.
pub(crate) const RULE: Rule = Rule {
    summary: "Something in the catalog folder is not read.",
    explanation: "errcat reads the files named `<name>.toml` directly in the catalog folder. Anything else there (a file ending in `.TOML`, a hidden file, a folder, a FIFO, a link that cannot be followed) would be ignored, and the codes it was meant to hold would silently be missing. Rename or move it. The warning has no example here: it is about files on disk, not catalog text.",
    example: None,
    lint: None,
    history: None,
};

/// W0039.
pub(crate) fn unread_catalog_entry(dir: &str, name: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::UnreadCatalogEntry,
        format!("`{dir}/{name}` is not read: {reason}"),
    )
    .help("rename it to `<category>.toml`, or move it out of the catalog folder")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_names_the_entry_and_why() {
        let d = unread_catalog_entry("catalog", "upload.TOML", "catalog files end in lower-case `.toml`");
        assert_eq!(d.code, DiagCode::UnreadCatalogEntry);
        assert!(d.message.contains("`catalog/upload.TOML` is not read"));
    }
}
