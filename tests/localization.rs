//! The generated catalog in its locales: texts by tag along the fallback
//! chain, errors said in a locale (plural forms included), negotiation, and
//! the default left as it was.

use errcat::{Code, Error, LOCALES};

#[test]
fn the_catalog_declares_its_locales() {
    assert_eq!(LOCALES.tags, ["en", "fr", "pl"]);
    assert_eq!(LOCALES.default_tag(), "en");
    assert_eq!(LOCALES.plurals[0], "one: i = 1 and v = 0");
}

#[test]
fn texts_follow_the_tag_and_its_fallbacks() {
    let code = Code::ProjectNotFound;
    assert_eq!(code.title_in("fr"), "Projet introuvable");
    assert_eq!(code.title_in("fr-CA"), "Projet introuvable");
    assert_eq!(code.title_in("PL"), "Nie znaleziono projektu");
    assert_eq!(code.title_in("de"), code.title());
    assert_eq!(code.title_in("en"), code.title());
    assert_eq!(
        code.message_template_in("pl"),
        "Nie znaleziono projektu „{project}”."
    );
    assert_eq!(
        code.solution_in("fr-BE"),
        Some("Listez vos projets pour voir les identifiants valides.")
    );
    // A text no locale has is nobody's.
    assert_eq!(Code::WorkflowNotFound.solution_in("pl"), None);
}

#[test]
fn errors_are_said_in_a_locale_with_its_plural_forms() {
    let polish = |limit, window| {
        Error::rate_limited(limit, window)
            .localized("pl")
            .localized_message()
            .map(str::to_string)
    };
    assert_eq!(
        polish(1, 1).as_deref(),
        Some("Przekroczono limit żądań: 1 wywołanie na sekundę.")
    );
    assert_eq!(
        polish(3, 2).as_deref(),
        Some("Przekroczono limit żądań: 3 wywołania na 2 sekundy.")
    );
    assert_eq!(
        polish(25, 60).as_deref(),
        Some("Przekroczono limit żądań: 25 wywołań na 60 sekund.")
    );
    let error = Error::rate_limited(100, 60).localized("fr");
    assert_eq!(error.locale(), "fr");
    assert_eq!(
        error.message(),
        "Rate limit exceeded: 100 calls per 60 seconds."
    );
    assert_eq!(
        error.to_json()["error"]["message"],
        "Limite de débit dépassée : 100 appels par tranche de 60 secondes."
    );
    assert_eq!(
        Error::rate_limited(100, 1).message_in("fr-BE"),
        "Limite de débit dépassée : 100 appels par seconde."
    );
}

#[test]
fn negotiation_picks_by_quality_and_falls_back_to_the_default() {
    let said = |header: &str| {
        Error::missing_api_key()
            .negotiated(header)
            .locale()
            .to_string()
    };
    assert_eq!(said("de-DE, pl;q=0.8, fr;q=0.9"), "fr");
    assert_eq!(said("pl-PL"), "pl");
    assert_eq!(said("de, ja"), "en");
    assert_eq!(said(""), "en");
    assert_eq!(said("*"), "en");
}

#[test]
fn given_messages_and_unknown_codes_stay_as_they_are() {
    let given = Error::with_message(Code::InternalError, "disk full").localized("fr");
    assert_eq!(given.localized_message(), None);
    assert_eq!(given.locale(), "en");
    assert_eq!(given.to_json()["error"]["message"], "disk full");
    let unknown = Error::unknown("teapot", 418, "short and stout").localized("pl");
    assert_eq!(unknown.localized_message(), None);
    // A template with params built without them says the title.
    let titled = Error::new(Code::ProjectNotFound).localized("pl");
    assert_eq!(titled.localized_message(), Some("Nie znaleziono projektu"));
}
