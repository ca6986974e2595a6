//! Telemetry labels from the catalog: `error.type` is the code or `_OTHER`,
//! with category, fault and retryability, as `tracing` fields and
//! OpenTelemetry attributes.

use std::sync::{Arc, Mutex};

use errcat_generated_code_tests::service::{Code, Error};
use errcat_runtime::Fault;
use errcat_runtime::telemetry::{self, Labels};

#[test]
fn labels_come_from_the_catalog_and_unknown_codes_are_other() {
    let error = Error::from_body(503, br#"{"error":{"code":"unavailable","message":"down"}}"#);
    assert_eq!(error.code(), Some(Code::Unavailable));
    let labels = error.telemetry();
    assert_eq!(
        labels,
        Labels {
            error_type: "unavailable",
            category: Some("server"),
            fault: Fault::Server,
            retryable: true,
        }
    );
    let pairs: Vec<_> = labels.pairs().collect();
    assert_eq!(
        pairs,
        [
            ("error.type", "unavailable"),
            ("errcat.category", "server"),
            ("errcat.fault", "server"),
            ("errcat.retryable", "true"),
        ]
    );
    // Whatever a server sends, the label stays within the catalog.
    let unknown = Error::from_body(
        418,
        br#"{"error":{"code":"teapot_overflow","message":"?"}}"#,
    );
    let labels = unknown.telemetry();
    assert_eq!(
        (labels.error_type, labels.category),
        (telemetry::OTHER_ERROR_TYPE, None)
    );
    assert_eq!(labels.fault, Fault::Client);
    for (status, fault) in [(503, Fault::Server), (600, Fault::None), (302, Fault::None)] {
        let unknown = Error::from_body(
            status,
            br#"{"error":{"code":"teapot_overflow","message":"?"}}"#,
        );
        assert_eq!(unknown.telemetry().fault, fault, "{status}");
    }
}

#[test]
fn opentelemetry_attributes_and_counter() {
    use opentelemetry::{Key, Value};
    let error = Error::from_body(503, br#"{"error":{"code":"unavailable","message":"down"}}"#);
    let attributes = error.telemetry().attributes();
    let keys: Vec<&Key> = attributes.iter().map(|kv| &kv.key).collect();
    assert_eq!(
        keys,
        [
            &Key::from("error.type"),
            &Key::from("errcat.category"),
            &Key::from("errcat.fault"),
            &Key::from("errcat.retryable")
        ]
    );
    assert_eq!(attributes[3].value, Value::Bool(true));
    // Without an SDK the global meter records nothing; the counter still
    // builds and counts without failing.
    let meter = opentelemetry::global::meter("errcat-test");
    telemetry::ErrorCounter::new(&meter).add(&error.telemetry());
}

/// A subscriber that keeps each event's fields as text.
#[derive(Default, Clone)]
struct Fields(Arc<Mutex<Vec<(String, String)>>>);

impl tracing::Subscriber for Fields {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        struct Visit<'a>(&'a mut Vec<(String, String)>);
        impl tracing::field::Visit for Visit<'_> {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                self.0
                    .push((field.name().to_string(), format!("{value:?}")));
            }
            fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
                self.0.push((field.name().to_string(), value.to_string()));
            }
            fn record_bool(&mut self, field: &tracing::field::Field, value: bool) {
                self.0.push((field.name().to_string(), value.to_string()));
            }
        }
        event.record(&mut Visit(&mut self.0.lock().unwrap()));
        self.0
            .lock()
            .unwrap()
            .push(("level".into(), event.metadata().level().to_string()));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn a_tracing_event_carries_the_labels_as_fields() {
    let fields = Fields::default();
    let error = Error::from_body(503, br#"{"error":{"code":"unavailable","message":"down"}}"#);
    tracing::subscriber::with_default(fields.clone(), || {
        error.telemetry().trace("upstream call failed")
    });
    let seen = fields.0.lock().unwrap().clone();
    for (name, value) in [
        ("error.type", "unavailable"),
        ("errcat.category", "server"),
        ("errcat.fault", "server"),
        ("errcat.retryable", "true"),
        ("level", "ERROR"),
    ] {
        assert!(
            seen.contains(&(name.to_string(), value.to_string())),
            "{name}: {seen:?}"
        );
    }
}
