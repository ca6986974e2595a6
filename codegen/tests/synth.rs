//! The synthetic catalog generator produces valid catalogs of the size asked.

use errcat_codegen::{Sources, compile, synth};

#[test]
fn synthetic_catalogs_are_valid_and_sized() {
    for n in [1, 10, 200, 1000] {
        let files = synth::catalog(n);
        let sources = Sources::from_memory(
            "catalog",
            files
                .iter()
                .map(|(k, v)| (k.display().to_string(), v.clone())),
        );
        let compiled = compile(&sources).unwrap_or_else(|r| panic!("synth {n}: {}", r.render()));
        assert_eq!(compiled.model.codes.len(), n);
        assert!(
            compiled.warnings.diagnostics().is_empty(),
            "{}",
            compiled.warnings.render()
        );
        assert!(n < 200 || compiled.model.codes.iter().any(|c| !c.params.is_empty()));
        assert_eq!(synth::catalog(n), files, "deterministic");
    }
}
