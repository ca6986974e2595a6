//! errcat's own catalog against its conformance cases
//! (`generated/conformance/cases.json`), as every client must pass them.

include!("support/conformance.rs");

#[test]
fn the_runtime_passes_every_conformance_case() {
    let cases = include_str!("../generated/conformance/cases.json");
    let ran = run_conformance!(errcat, cases);
    assert!(ran > 60, "{ran} cases");
}
