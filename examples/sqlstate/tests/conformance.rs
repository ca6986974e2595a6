//! The catalog against its own conformance cases, the unknown identities
//! of each class included.

include!("../../../tests/support/conformance.rs");

#[test]
fn every_case_passes() {
    let ran = run_conformance!(
        errcat_example_sqlstate,
        include_str!("../generated/conformance/cases.json")
    );
    assert!(ran > 40, "{ran} cases");
}
