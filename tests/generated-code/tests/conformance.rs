//! The hostile, service and wire_styles fixtures against their conformance cases
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
    let wire = run_conformance!(
        errcat_generated_code_tests::wire_styles,
        include_str!(
            "../../../codegen/tests/fixtures/good/wire_styles/expected/conformance/cases.json"
        )
    );
    assert!(
        hostile >= 3 && service >= 5 && wire >= 10,
        "{hostile} {service} {wire}"
    );
}
