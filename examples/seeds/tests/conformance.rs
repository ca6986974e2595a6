//! Each seed catalog against its own conformance cases
//! (`<seed>/generated/conformance/cases.json`).

include!("../../../tests/support/conformance.rs");

#[test]
fn every_seed_passes_its_conformance_cases() {
    let seeds = [
        (
            "roboflow",
            run_conformance!(
                errcat_seeds::roboflow,
                include_str!("../roboflow/generated/conformance/cases.json")
            ),
        ),
        (
            "vision-api",
            run_conformance!(
                errcat_seeds::vision_api,
                include_str!("../vision-api/generated/conformance/cases.json")
            ),
        ),
        (
            "rotavision",
            run_conformance!(
                errcat_seeds::rotavision,
                include_str!("../rotavision/generated/conformance/cases.json")
            ),
        ),
        (
            "clarifai",
            run_conformance!(
                errcat_seeds::clarifai,
                include_str!("../clarifai/generated/conformance/cases.json")
            ),
        ),
        (
            "promptfloe",
            run_conformance!(
                errcat_seeds::promptfloe,
                include_str!("../promptfloe/generated/conformance/cases.json")
            ),
        ),
    ];
    for (seed, ran) in seeds {
        assert!(ran >= 3, "{seed}: {ran} cases");
    }
}
