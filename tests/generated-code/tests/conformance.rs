//! The hostile and service fixtures against their conformance cases
//! (`codegen/tests/fixtures/good/<fixture>/expected/conformance/cases.json`).

include!("../../support/conformance.rs");

#[test]
fn fixtures_pass_their_conformance_cases() {
    let hostile = run_conformance!(
        errcat_generated_code_tests::hostile,
        include_str!(
            "../../../codegen/tests/fixtures/good/hostile/expected/conformance/cases.json"
        )
    );
    let service = run_conformance!(
        errcat_generated_code_tests::service,
        include_str!(
            "../../../codegen/tests/fixtures/good/service/expected/conformance/cases.json"
        )
    );
    assert!(hostile >= 3 && service >= 5, "{hostile} {service}");
}
