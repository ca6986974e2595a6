//! The error value services build and SDKs parse: a catalog code (or the raw
//! code of one this build does not know), its rendered message and the
//! request context, with conversion to and from every wire shape.

use core::fmt;
use core::time::Duration;

use serde_json::{Map, Value};

use crate::envelope::{
    EnvelopeFormat, EnvelopeStyle, ErrorBody, LocalizedText, Member, OUTER_REQUEST_ID, member_names,
};
use crate::locale::{Locales, Text};
use crate::{GrpcCode, Kind, RetryPolicy};

/// What the runtime needs to know about a generated `Code` enum. Generated
/// code implements it; you should not need to.
pub trait CatalogCode: Copy + Eq + fmt::Debug + 'static {
    /// The catalog's envelope format.
    const ENVELOPE: EnvelopeFormat;
    /// The response header that carries the request id; empty when the
    /// catalog promises none (bodies may still carry it). Parsing reads it
    /// and `X-Request-Id`.
    const REQUEST_ID_HEADER: &'static str = "X-Request-Id";
    /// The wire name.
    fn as_str(self) -> &'static str;
    /// A code by name or alias.
    fn lookup(name: &str) -> Option<Self>;
    /// Whether the code's retry policy retries only idempotent requests
    /// (`idempotent_only` in the catalog): a request that may have taken
    /// effect is then never sent again unless the caller says it is safe.
    fn retry_requires_idempotent(self) -> bool {
        false
    }
    /// A code by identity as a client reads it: [`lookup`](Self::lookup),
    /// else the generic code of the prefix class the identity belongs to
    /// (catalogs with `prefix` categories). What parsing uses.
    fn resolve(name: &str) -> Option<Self> {
        Self::lookup(name)
    }
    /// A code by numeric code.
    fn from_numeric(numeric: u32) -> Option<Self>;
    /// The HTTP status.
    fn http_status(self) -> u16;
    /// Error, success or pending.
    fn kind(self) -> Kind;
    /// The retry policy.
    fn retry(self) -> RetryPolicy;
    /// The envelope `type`.
    fn error_type(self) -> &'static str;
    /// The title.
    fn title(self) -> &'static str;
    /// The message template.
    fn message_template(self) -> &'static str;
    /// The docs URL.
    fn docs_url(self) -> &'static str;
    /// The envelope this code's responses use; the catalog's unless a
    /// category or code overrides the style.
    fn envelope(self) -> EnvelopeFormat {
        Self::ENVELOPE
    }
    /// The declared type of the message param `name`, if the code has one:
    /// what turns AIP-193 metadata, which holds strings, back into values.
    fn param_type(self, name: &str) -> Option<crate::ParamType> {
        self.params().find(|p| p.name == name).map(|p| p.ty)
    }
    /// The declared params of the message template, in order.
    fn params(self) -> impl Iterator<Item = crate::ParamSpec> {
        std::iter::empty()
    }
    /// Every code, in catalog order.
    fn all() -> &'static [Self];
    /// The deprecation note, if the code is deprecated.
    fn deprecated(self) -> Option<&'static str> {
        None
    }
    /// The name and retirement reason of a code the catalog retired, by
    /// any identity it had: what an audit tells a response that still
    /// sends one.
    fn retired(identity: &str) -> Option<(&'static str, Option<&'static str>)> {
        let _ = identity;
        None
    }
    /// The gRPC canonical code; unless the catalog names one, the HTTP
    /// status's ([`GrpcCode::from_http_status`]).
    fn grpc_code(self) -> GrpcCode {
        GrpcCode::from_http_status(self.http_status())
    }
    /// The id of the code's category, when the catalog has categories.
    fn category_id(self) -> Option<&'static str> {
        None
    }
    /// Who is at fault; unless the catalog says, what the status implies.
    fn fault(self) -> crate::Fault {
        crate::Fault::of_status(self.http_status())
    }
    /// The service the catalog's codes belong to (AIP-193's
    /// `ErrorInfo.domain`); empty when the catalog names none.
    fn domain() -> &'static str {
        ""
    }
    /// The catalog's locales, the default first, with their fallbacks and
    /// plural rules.
    const LOCALES: &'static Locales = &Locales::ENGLISH;
    /// The code's `text` in locale `locale` (an index into
    /// [`Self::LOCALES`]), when the catalog has it there; locale 0 is the
    /// default, whose texts are [`title`](Self::title) and
    /// [`message_template`](Self::message_template).
    fn text_in(self, locale: usize, text: Text) -> Option<&'static str> {
        (locale == 0).then(|| match text {
            Text::Title => self.title(),
            Text::Message => self.message_template(),
        })
    }
}

/// Bodies larger than this are not parsed; the error is classified by its
/// HTTP status alone.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// The longest message kept from an unparsable body, and the longest code.
pub const MAX_RAW_MESSAGE_CHARS: usize = 512;
/// The longest message kept from a parsed body.
pub const MAX_MESSAGE_CHARS: usize = MAX_RAW_MESSAGE_CHARS * 8;
/// The longest locale tag kept from a parsed body (BCP 47 tags are far
/// shorter; a longer one is cut, not trusted).
pub const MAX_LOCALE_CHARS: usize = 64;
/// A retry hint in a body shorter than this many milliseconds counts as
/// zero: a floor under the policy's own backoff, never a retry at once
/// (errcat's writer sends whole milliseconds, so it never sends one).
pub const MIN_RETRY_HINT_MS: f64 = 1.0;

/// A typed constructor argument: cheap to build, no allocation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text.
    Str(&'a str),
    /// Any unsigned integer.
    U64(u64),
    /// Any signed integer.
    I64(i64),
    /// A float.
    F64(f64),
    /// A boolean.
    Bool(bool),
}

impl Arg<'_> {
    fn to_value(self) -> Value {
        match self {
            Arg::Str(s) => Value::String(s.to_string()),
            Arg::U64(n) => Value::from(n),
            Arg::I64(n) => Value::from(n),
            Arg::F64(n) => Value::from(n),
            Arg::Bool(b) => Value::from(b),
        }
    }
}

/// What a response said, before its code is resolved against a catalog.
/// Kept non-generic so the parser is compiled once, in this crate.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Parsed {
    pub(crate) wire_code: Option<String>,
    /// A second name for the error, tried when `wire_code` is not in the
    /// catalog (an AIP-193 body's `status`, behind its ErrorInfo `reason`).
    pub(crate) fallback_code: Option<String>,
    pub(crate) numeric: Option<u64>,
    pub(crate) message: String,
    pub(crate) param: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) details: Map<String, Value>,
    /// Whether the details are text standing for typed values (AIP-193
    /// metadata), to be read by the code's param types.
    pub(crate) details_as_text: bool,
    /// An AIP-193 `LocalizedMessage`: its locale and message.
    pub(crate) localized: Option<(String, String)>,
}

/// An error of a catalog whose `Code` enum is `C`.
///
/// Generated code wraps this in its own `Error` type with typed
/// constructors; the methods are the same.
#[derive(Clone, Debug, PartialEq)]
pub struct Error<C> {
    code: Option<C>,
    /// The code exactly as received, when it came from the wire.
    wire_code: Option<String>,
    status: u16,
    message: String,
    param: Option<String>,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    details: Map<String, Value>,
    /// Where the message came from, so it can be said in another locale.
    origin: Origin,
    /// The message and title in a locale other than the default, with the
    /// locale's index; set by [`Error::localized`].
    localized: Option<Box<Localized>>,
}

/// Where an error's message came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// The code's template, rendered with the details.
    Template,
    /// The code's title (a template with params, built without them).
    Title,
    /// Given as text (by the caller, or read from a response).
    Given,
}

/// An error's text in one locale.
#[derive(Clone, Debug, PartialEq)]
struct Localized {
    /// The BCP 47 tag of the locale the message is in.
    tag: String,
    /// Whether that is the catalog's default locale (only the title was
    /// said in another).
    default: bool,
    message: String,
    title: Option<String>,
}

impl<C: CatalogCode> Error<C> {
    /// An error of `code` with `message`.
    pub fn with_message(code: C, message: impl Into<String>) -> Self {
        Error {
            code: Some(code),
            wire_code: None,
            status: code.http_status(),
            message: message.into(),
            param: None,
            request_id: None,
            retry_after: None,
            details: Map::new(),
            origin: Origin::Given,
            localized: None,
        }
    }

    /// An error of `code`, its message rendered from the template with
    /// `params` (name, value), which also become the structured details.
    pub fn from_params(code: C, params: &[(&str, Value)]) -> Self {
        let message =
            render_catalog_template(code.message_template(), C::LOCALES.plurals[0], params);
        let mut error = Error::with_message(code, message);
        error.origin = Origin::Template;
        error.details = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        error
    }

    /// An error of `code` from its params' values in declaration order, with
    /// their `names`; what typed constructors call.
    pub fn from_args(code: C, names: &[&str], args: &[Arg<'_>]) -> Self {
        let params: Vec<(&str, Value)> = names
            .iter()
            .copied()
            .zip(args.iter().map(|a| a.to_value()))
            .collect();
        Error::from_params(code, &params)
    }

    /// An error of `code` with no params: its template if it has no
    /// placeholders, otherwise its title.
    pub fn new(code: C) -> Self {
        let template = code.message_template();
        let has_placeholders = template.replace("{{", "").contains('{');
        let (message, origin) = if has_placeholders {
            (code.title().to_string(), Origin::Title)
        } else {
            (
                render_catalog_template(template, C::LOCALES.plurals[0], &[]),
                Origin::Template,
            )
        };
        let mut error = Error::with_message(code, message);
        error.origin = origin;
        error
    }

    /// An error with a code this build does not know, kept as received.
    pub fn unknown(code: impl Into<String>, status: u16, message: impl Into<String>) -> Self {
        let code = code.into();
        Error {
            code: C::resolve(&code),
            wire_code: Some(code),
            status,
            message: message.into(),
            param: None,
            request_id: None,
            retry_after: None,
            details: Map::new(),
            origin: Origin::Given,
            localized: None,
        }
    }

    /// Sets the request parameter at fault.
    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    /// Sets the request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets how long the client should wait before retrying.
    pub fn with_retry_after(mut self, retry_after: Duration) -> Self {
        self.retry_after = Some(retry_after);
        self
    }

    /// Adds a structured detail.
    pub fn with_detail(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.details.insert(key.into(), value.into());
        self
    }

    /// The code, if this build knows it (aliases resolve to their code).
    pub fn code(&self) -> Option<C> {
        self.code
    }

    /// The code as received from the wire, or the known code's name; empty
    /// when a response carried no code at all.
    pub fn code_str(&self) -> &str {
        match (&self.wire_code, self.code) {
            (Some(wire), _) => wire,
            (None, Some(code)) => code.as_str(),
            (None, None) => "",
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The rendered message, in the catalog's default locale (see
    /// [`Error::localized_message`]).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error said in the locale `tag` names (its nearest ancestor
    /// the catalog has, as [`Locales::find`] looks it up): its message and
    /// title from the first locale of the fallback chain (`fr-CH` → `fr`
    /// → default) that has them, the message rendered with its params and
    /// that locale's plural rules. The default-locale message stays
    /// [`Error::message`]; [`Error::body`] and every writer use the
    /// localized text where the envelope has one message, and add it beside
    /// the default one in Google's (`LocalizedMessage`). A message given as
    /// text, or a locale the catalog does not have, leaves the error as it
    /// is.
    pub fn localized(mut self, tag: &str) -> Self {
        self.localized = C::LOCALES
            .find(tag)
            .and_then(|locale| self.localize(locale))
            .map(Box::new);
        self
    }

    /// [`Error::localized`] in the locale an `Accept-Language` header
    /// asks for ([`Locales::negotiate`]; the default when it asks for none
    /// the catalog has).
    pub fn negotiated(mut self, accept_language: &str) -> Self {
        let locale = C::LOCALES.negotiate(accept_language);
        self.localized = self.localize(locale).map(Box::new);
        self
    }

    /// The message in locale `tag`, as [`Error::localized`] would say it.
    pub fn message_in(&self, tag: &str) -> std::borrow::Cow<'_, str> {
        match C::LOCALES.find(tag).and_then(|l| self.localize(l)) {
            Some(localized) => localized.message.into(),
            None => self.message.as_str().into(),
        }
    }

    /// The localized message, when [`Error::localized`] or
    /// [`Error::negotiated`] said it in a locale other than the default.
    pub fn localized_message(&self) -> Option<&str> {
        self.localized
            .as_deref()
            .filter(|l| !l.default)
            .map(|l| l.message.as_str())
    }

    /// The BCP 47 tag of the locale the error's message is in: the
    /// localized one's, else the default locale's.
    pub fn locale(&self) -> &str {
        match self.localized.as_deref() {
            Some(l) => &l.tag,
            None => C::LOCALES.default_tag(),
        }
    }

    /// The text of this error in `locale`; `None` when it would be the
    /// default locale's (the default itself, a given message, an unknown
    /// code, or no translation along the chain).
    fn localize(&self, locale: usize) -> Option<Localized> {
        let code = self.code?;
        let first = |text| {
            C::LOCALES
                .chain(locale)
                .find_map(|at| Some((at, code.text_in(at, text)?)))
        };
        let title = first(Text::Title).filter(|&(at, _)| at != 0);
        let message = match self.origin {
            Origin::Given => return None,
            Origin::Title => title.map(|(at, title)| (at, title.to_string())),
            Origin::Template => {
                first(Text::Message)
                    .filter(|&(at, _)| at != 0)
                    .map(|(at, template)| {
                        let params: Vec<(&str, Value)> = self
                            .details
                            .iter()
                            .map(|(k, v)| (k.as_str(), v.clone()))
                            .collect();
                        let plurals = C::LOCALES.plurals.get(at).copied().unwrap_or_default();
                        (at, render_catalog_template(template, plurals, &params))
                    })
            }
        };
        if title.is_none() && message.is_none() {
            return None;
        }
        // A title said in the locale, over a message only the default has.
        let (at, message) = message.unwrap_or_else(|| (0, self.message.clone()));
        Some(Localized {
            tag: C::LOCALES
                .tags
                .get(at)
                .copied()
                .unwrap_or_default()
                .to_string(),
            default: at == 0,
            message,
            title: title.map(|(_, t)| t.to_string()),
        })
    }

    /// The request parameter at fault, if any.
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// The request id, if known.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How long the server asked the client to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The message params and any other structured details.
    pub fn details(&self) -> &Map<String, Value> {
        &self.details
    }

    /// The retry policy: the code's, or for an unknown code the one its
    /// HTTP status class implies ([`RetryPolicy::for_status`]).
    pub fn retry_policy(&self) -> RetryPolicy {
        match self.code {
            Some(code) => code.retry(),
            None => RetryPolicy::for_status(self.status),
        }
    }

    /// True when the retry policy allows any retry of the call (see
    /// [`Error::requires_idempotent`] for the condition some add).
    pub fn is_retryable(&self) -> bool {
        self.retry_policy().is_retryable()
    }

    /// The telemetry labels of this error, every value from the catalog:
    /// `error.type` is the code (`_OTHER` when the catalog does not know
    /// it), then its category, fault and retryability.
    pub fn telemetry(&self) -> crate::telemetry::Labels {
        crate::telemetry::Labels {
            error_type: self
                .code
                .map_or(crate::telemetry::OTHER_ERROR_TYPE, CatalogCode::as_str),
            category: self.code.and_then(CatalogCode::category_id),
            fault: self
                .code
                .map_or_else(|| crate::Fault::of_status(self.status), CatalogCode::fault),
            retryable: self.is_retryable(),
        }
    }

    /// True when the policy retries only idempotent requests: then
    /// [`Error::retry_delay`] gives up, and [`Error::retry_delay_for`] with
    /// `idempotent: true` retries.
    pub fn requires_idempotent(&self) -> bool {
        self.code
            .is_some_and(CatalogCode::retry_requires_idempotent)
    }

    /// The backoff for retrying the whole operation (a transaction), when
    /// the code's advice is that rather than retrying the call.
    pub fn operation_backoff(&self) -> Option<crate::Backoff> {
        self.retry_policy().operation_backoff()
    }

    /// How long to wait before the next attempt, after `attempt` failed
    /// attempts (1 after the first failure), or `None` to give up. The
    /// request is not known to be idempotent: a policy that retries only
    /// idempotent requests gives up ([`Error::retry_delay_for`]).
    pub fn retry_delay(&self, attempt: u32) -> Option<Duration> {
        self.retry_delay_for(attempt, false)
    }

    /// [`Error::retry_delay`] for a request that is, or is not, idempotent
    /// (a GET, a PUT, or a POST with an idempotency key is).
    pub fn retry_delay_for(&self, attempt: u32, idempotent: bool) -> Option<Duration> {
        self.delay_for(attempt, idempotent, &mut rand::rng())
    }

    /// [`Error::retry_delay`] with an injected random number generator.
    pub fn retry_delay_with<R: rand::Rng + ?Sized>(
        &self,
        attempt: u32,
        rng: &mut R,
    ) -> Option<Duration> {
        self.delay_for(attempt, false, rng)
    }

    fn delay_for<R: rand::Rng + ?Sized>(
        &self,
        attempt: u32,
        idempotent: bool,
        rng: &mut R,
    ) -> Option<Duration> {
        if self.requires_idempotent() && !idempotent {
            return None;
        }
        self.retry_policy()
            .delay_with(attempt, self.retry_after, rng)
    }

    /// The wire-independent body of this error.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code_str().to_string(),
            message: self.message.clone(),
            status: self.status,
            error_type: self.code.map(|c| c.error_type().to_string()),
            title: self.code.map(|c| c.title().to_string()),
            param: self.param.clone(),
            request_id: self.request_id.clone(),
            retry_after: self.retry_after,
            docs_url: self.code.map(|c| c.docs_url().to_string()),
            details: self.details.clone(),
            grpc: Some(self.grpc_code()),
            domain: Some(C::domain())
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            localized: self.localized.as_deref().map(|l| LocalizedText {
                locale: l.tag.clone(),
                message: l.message.clone(),
                title: l.title.clone(),
            }),
        }
    }

    /// The gRPC canonical code: the code's, else the HTTP status's.
    pub fn grpc_code(&self) -> GrpcCode {
        self.code
            .map_or_else(|| GrpcCode::from_http_status(self.status), C::grpc_code)
    }

    /// The JSON body in the code's envelope format (the catalog's, unless
    /// the code's category or the code chooses another style).
    pub fn to_json(&self) -> Value {
        self.body().to_json(self.envelope())
    }

    /// The envelope format this error is sent in.
    pub fn envelope(&self) -> EnvelopeFormat {
        self.code.map_or(C::ENVELOPE, C::envelope)
    }

    /// The JSON body in any envelope format.
    pub fn to_json_in(&self, format: EnvelopeFormat) -> Value {
        self.body().to_json(format)
    }

    /// Parses an HTTP error response, leniently: the nested envelope (snake
    /// or camel case), RFC 9457 problem details, FastAPI-style
    /// `{"detail": ...}`, `{"error": "text"}`, numeric `{"status":
    /// {"code": N}}` and Google's AIP-193 `{"error": {"code": <HTTP
    /// status>, "status": ..., "details": [ErrorInfo]}}` bodies are
    /// understood. `Retry-After` (seconds or an HTTP date) and
    /// `X-Request-Id` are read from the headers, which win over the body. Never panics; an unparsable or oversized body still
    /// gives an error classified by `status`.
    pub fn from_response<'h>(
        status: u16,
        headers: impl IntoIterator<Item = (&'h str, &'h str)>,
        body: &[u8],
    ) -> Self {
        let headers: Vec<(&str, &str)> = headers.into_iter().collect();
        Error::resolve(
            status,
            parse_response(status, &headers, body, C::REQUEST_ID_HEADER),
        )
    }

    /// Parses a response body alone; see [`Error::from_response`].
    pub fn from_body(status: u16, body: &[u8]) -> Self {
        Error::resolve(status, parse_response(status, &[], body, ""))
    }

    /// This error with another HTTP status.
    #[cfg(feature = "tonic")]
    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    pub(crate) fn resolve(status: u16, mut parsed: Parsed) -> Self {
        let code = match (&parsed.wire_code, parsed.numeric) {
            (_, Some(n)) => u32::try_from(n).ok().and_then(C::from_numeric),
            (Some(name), None) => C::resolve(name).or_else(|| {
                let fallback = parsed.fallback_code.take()?;
                let code = C::lookup(&fallback)?;
                // The name the code was found by is the wire code.
                parsed.wire_code = Some(fallback);
                Some(code)
            }),
            (None, None) => None,
        };
        if let (true, Some(code)) = (parsed.details_as_text, code) {
            for (name, value) in parsed.details.iter_mut() {
                let typed = value
                    .as_str()
                    .and_then(|text| code.param_type(name)?.value_from_text(text));
                if let Some(typed) = typed {
                    *value = typed;
                }
            }
        }
        let message = if parsed.message.is_empty() {
            code.map_or_else(|| format!("HTTP {status}"), |c| c.title().to_string())
        } else {
            parsed.message
        };
        Error {
            code,
            wire_code: parsed.wire_code,
            status,
            message,
            param: parsed.param,
            request_id: parsed.request_id,
            retry_after: parsed.retry_after,
            details: parsed.details,
            origin: Origin::Given,
            localized: parsed.localized.map(|(tag, message)| {
                Box::new(Localized {
                    tag,
                    default: false,
                    message,
                    title: None,
                })
            }),
        }
    }
}

/// What a client reads from an HTTP response, before the catalog is asked
/// which code it is: the same lenient reading as [`Error::from_response`],
/// for tools that hold a catalog as data (`errcat audit`).
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ReadResponse {
    /// The code as sent, when the body names one.
    pub wire_code: Option<String>,
    /// A second name, tried when `wire_code` is not a code (an AIP-193
    /// body's `status`, behind its ErrorInfo `reason`).
    pub fallback_code: Option<String>,
    /// A numeric code, when the body gives one instead of a name.
    pub numeric: Option<u64>,
    /// The message (the body's text when it is not JSON).
    pub message: String,
    /// The request parameter at fault.
    pub param: Option<String>,
    /// The request id, from the headers or the body.
    pub request_id: Option<String>,
    /// The wait the response asks for, from `Retry-After` or the body.
    pub retry_after: Option<Duration>,
    /// The details (message params), as read.
    pub details: Map<String, Value>,
}

/// Reads an HTTP response as [`Error::from_response`] does, without a
/// catalog: `request_id_header` is the catalog's request id header (or "").
pub fn read_response(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    request_id_header: &str,
) -> ReadResponse {
    let parsed = parse_response(status, headers, body, request_id_header);
    ReadResponse {
        wire_code: parsed.wire_code,
        fallback_code: parsed.fallback_code,
        numeric: parsed.numeric,
        message: parsed.message,
        param: parsed.param,
        request_id: parsed.request_id,
        retry_after: parsed.retry_after,
        details: parsed.details,
    }
}

/// The non-generic parser behind [`Error::from_response`].
fn parse_response(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    request_id_header: &str,
) -> Parsed {
    let mut parsed = Parsed::default();
    if body.len() > MAX_BODY_BYTES {
        parsed.message = format!(
            "HTTP {status}: response body of {} bytes not parsed",
            body.len()
        );
    } else {
        match parse_lenient(body) {
            Some(Value::Object(object)) => parsed.read_object(&object),
            _ => {
                let text = String::from_utf8_lossy(body);
                let text = text.trim();
                parsed.message = if text.is_empty() {
                    format!("HTTP {status}")
                } else {
                    text.chars().take(MAX_RAW_MESSAGE_CHARS).collect()
                };
            }
        }
    }
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("retry-after") {
            if let Some(wait) = parse_retry_after(value, std::time::SystemTime::now()) {
                parsed.retry_after = Some(wait);
            }
        } else if (name.eq_ignore_ascii_case("x-request-id")
            || (!request_id_header.is_empty() && name.eq_ignore_ascii_case(request_id_header)))
            && let Some(id) = clean_request_id(value)
        {
            parsed.request_id = Some(id);
        }
    }
    parsed
}

impl Parsed {
    fn read_object(&mut self, object: &Map<String, Value>) {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        let first = |o: &Map<String, Value>, member: Member| {
            member_names(member).find_map(|k| o.get(k)).cloned()
        };
        let wrapped = |style: EnvelopeStyle| object.get(style.wrapper().unwrap_or_default());
        let listed = first_listed_error(object);
        // JSON:API names the message `detail`, after a `title`.
        let (fields, problem) = if let Some((fields, graphql)) = listed {
            (fields, !graphql)
        } else {
            match (
                wrapped(EnvelopeStyle::Nested),
                wrapped(EnvelopeStyle::Detail),
            ) {
                (Some(Value::Object(inner)), _) => (inner.clone(), false),
                (Some(Value::String(message)), _) => (message_only(message), false),
                // Problem details have a string `detail` and a `status` too.
                (_, Some(Value::Object(inner))) if !object.contains_key("status") => {
                    (inner.clone(), false)
                }
                (_, Some(Value::String(message))) if !object.contains_key("title") => {
                    (message_only(message), false)
                }
                _ => (
                    object.clone(),
                    object.contains_key("title") || object.contains_key("detail"),
                ),
            }
        };
        match fields.get("code") {
            Some(Value::String(code)) if !code.is_empty() => {
                self.wire_code = Some(code.chars().take(MAX_RAW_MESSAGE_CHARS).collect());
            }
            Some(Value::Number(n)) => self.set_numeric(whole_number(n)),
            _ => {}
        }
        if self.wire_code.is_none()
            && let Some(Value::Object(status)) = object.get("status")
        {
            self.set_numeric(
                status
                    .get("code")
                    .and_then(|v| v.as_number())
                    .and_then(whole_number),
            );
            if let Some(description) = text(status.get("description")) {
                self.message = description;
            }
        }
        // Problem details say the most in `detail`, then `title`.
        let message = if problem {
            fields
                .get("detail")
                .or_else(|| fields.get("title"))
                .or_else(|| fields.get("message"))
                .cloned()
        } else {
            first(&fields, Member::Message)
        };
        if let Some(Value::String(message)) = message {
            self.message = message.chars().take(MAX_MESSAGE_CHARS).collect();
        }
        self.param = text(first(&fields, Member::Param).as_ref());
        self.request_id = text(first(&fields, Member::RequestId).as_ref())
            .or_else(|| {
                let outer = [OUTER_REQUEST_ID.snake, OUTER_REQUEST_ID.camel];
                text(outer.iter().find_map(|k| object.get(*k)))
            })
            .and_then(|id| clean_request_id(&id));
        let retry_ms = first(&fields, Member::RetryAfterMs).and_then(|v| v.as_f64());
        // Not errcat's wire format, but what other services send.
        let retry_s = ["retry_after", "retryAfter"]
            .iter()
            .find_map(|k| fields.get(*k))
            .and_then(Value::as_f64);
        self.retry_after = retry_ms
            .map(|ms| ms / 1000.0)
            .or(retry_s)
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(|s| retry_hint(Duration::from_secs_f64(s.min(MAX_RETRY_AFTER_SECS as f64))));
        if let Some(Value::Object(details)) = first(&fields, Member::Details) {
            self.details = details;
        }
        self.read_google_status(&fields);
    }

    /// Google's API errors (AIP-193): `{"error": {"code": 429, "status":
    /// "RESOURCE_EXHAUSTED", "details": [{"@type": ".../google.rpc.ErrorInfo",
    /// "reason": ...}]}}`. There `code` is the HTTP status, not a numeric
    /// code of the catalog; the error is named by ErrorInfo's `reason`, or
    /// else by `status`, and ErrorInfo's `metadata` are its details;
    /// `BadRequest`, `RetryInfo` and `RequestInfo` give the param, the wait
    /// and the request id.
    fn read_google_status(&mut self, fields: &Map<String, Value>) {
        let (Some(Value::Number(http)), Some(Value::String(status))) =
            (fields.get("code"), fields.get("status"))
        else {
            return;
        };
        if !http.as_u64().is_some_and(|n| (100..=599).contains(&n)) || status.is_empty() {
            return;
        }
        let typed = |ty: &str| {
            fields
                .get("details")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .find(|d| {
                    d.get("@type")
                        .and_then(Value::as_str)
                        .and_then(|t| t.strip_suffix(ty))
                        .is_some_and(|t| t.ends_with("google.rpc."))
                })
        };
        let info = typed("ErrorInfo");
        let reason = info
            .and_then(|i| i.get("reason"))
            .and_then(Value::as_str)
            .filter(|r| !r.is_empty());
        let clip = |s: &str| s.chars().take(MAX_RAW_MESSAGE_CHARS).collect::<String>();
        self.numeric = None;
        self.wire_code = Some(clip(reason.unwrap_or(status)));
        self.fallback_code = reason.map(|_| clip(status));
        if let Some(Value::Object(metadata)) = info.and_then(|i| i.get("metadata")) {
            self.details = metadata.clone();
            self.details_as_text = true;
        }
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        let violation = typed("BadRequest")
            .and_then(|b| b.get("fieldViolations"))
            .and_then(Value::as_array)
            .and_then(|v| v.first());
        if let Some(field) = text(violation.and_then(|v| v.get("field"))).filter(|f| !f.is_empty())
        {
            self.param = Some(field);
        }
        if let Some(wait) = text(typed("RetryInfo").and_then(|r| r.get("retryDelay")))
            .and_then(|d| crate::envelope::parse_proto_duration(&d))
        {
            self.retry_after = Some(retry_hint(wait));
        }
        if let Some(id) = text(typed("RequestInfo").and_then(|r| r.get("requestId")))
            .and_then(|id| clean_request_id(&id))
        {
            self.request_id = Some(id);
        }
        // The message for users, beside the developer's: kept, bounded.
        let localized = typed("LocalizedMessage");
        if let (Some(locale), Some(message)) = (
            text(localized.and_then(|l| l.get("locale"))).filter(|l| !l.is_empty()),
            text(localized.and_then(|l| l.get("message"))).filter(|m| !m.is_empty()),
        ) {
            let locale = locale.chars().take(MAX_LOCALE_CHARS).collect();
            let message = message.chars().take(MAX_MESSAGE_CHARS).collect();
            self.localized = Some((locale, message));
        }
    }

    fn set_numeric(&mut self, numeric: Option<u64>) {
        if let Some(n) = numeric {
            self.numeric = Some(n);
            self.wire_code = Some(n.to_string());
        }
    }
}

impl<C: CatalogCode> fmt::Display for Error<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code_str() {
            "" => write!(f, "HTTP {}: {}", self.status, self.message)?,
            code => write!(f, "{code}: {}", self.message)?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl<C: CatalogCode> std::error::Error for Error<C> {}

impl<C: CatalogCode> From<C> for Error<C> {
    fn from(code: C) -> Self {
        Error::new(code)
    }
}

/// `{"message": text}`, for bodies whose error is a bare string.
/// The first error of a JSON:API or GraphQL `errors` list, with the members
/// of its `meta`, `extensions` and `source` read as its own (its own win),
/// and whether it is GraphQL's (it has `extensions`, or only a `message`).
fn first_listed_error(object: &Map<String, Value>) -> Option<(Map<String, Value>, bool)> {
    let Some(Value::Object(first)) = object.get("errors")?.as_array()?.first() else {
        return None;
    };
    let graphql = first.contains_key("extensions")
        || !["code", "detail", "title", "status"]
            .iter()
            .any(|k| first.contains_key(*k));
    let mut fields = first.clone();
    for parent in ["extensions", "meta", "source"] {
        if let Some(Value::Object(sub)) = first.get(parent) {
            for (key, value) in sub {
                // A JSON:API source says where with a pointer, a query
                // parameter or a header; each is the param.
                let key = match (parent, key.as_str()) {
                    ("source", "pointer" | "parameter" | "header") => "param",
                    _ => key.as_str(),
                };
                if !fields.contains_key(key) {
                    fields.insert(key.to_string(), value.clone());
                }
            }
        }
    }
    Some((fields, graphql))
}

fn message_only(message: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("message".into(), Value::String(message.to_string()));
    m
}

/// Renders a template ([`crate::template`]) with `params`, choosing plural
/// arms by `plurals` (the CLDR rules of the template's locale,
/// [`Locales::plurals`]). A placeholder without a value is kept as written.
pub fn render_template(template: &str, plurals: &str, params: &[(&str, Value)]) -> String {
    crate::template::render(template, plurals, param_text(params))
}

/// [`render_template`] for a template of the catalog, which the codegen
/// checked ([`crate::template::render_parsed`]: the arms a choice does not
/// take are skipped, not checked again).
pub(crate) fn render_catalog_template(
    template: &str,
    plurals: &str,
    params: &[(&str, Value)],
) -> String {
    crate::template::render_parsed(template, plurals, param_text(params))
}

/// What a template shows for each of `params`, by name; `false` for a name
/// without a value.
fn param_text<'p>(params: &'p [(&str, Value)]) -> impl FnMut(&str, &mut String) -> bool + 'p {
    move |name, out| {
        match params.iter().find(|(k, _)| *k == name) {
            Some((_, Value::String(s))) => out.push_str(s),
            // A whole number held as a float reads as the integer it is, as
            // every client prints it (JavaScript cannot tell `3.0` from `3`).
            Some((_, Value::Number(n))) if whole_float(n).is_some() => {
                let whole = whole_float(n).unwrap_or_default();
                let _ = fmt::Write::write_fmt(out, format_args!("{whole}"));
            }
            // Anything else as compact JSON: `true`, `null`, `2.5`, `[1,2]`.
            Some((_, value)) => {
                let _ = fmt::Write::write_fmt(out, format_args!("{value}"));
            }
            None => return false,
        }
        true
    }
}

/// Floats below this magnitude that are whole render as integers (2^53:
/// every such float is exactly an integer in every client's numbers).
const WHOLE_FLOATS: f64 = 9_007_199_254_740_992.0;

/// The integer a float param holds, when it is whole and below
/// [`WHOLE_FLOATS`]; `None` for integers and other floats.
fn whole_float(n: &serde_json::Number) -> Option<i64> {
    let f = n.as_f64().filter(|_| n.is_f64())?;
    (f.fract() == 0.0 && f.abs() < WHOLE_FLOATS).then_some(f as i64)
}

/// Parses a `Retry-After` value: delay-seconds, or an HTTP date relative to
/// `now` (a past date means "now", which retry policies treat as "back off
/// as usual"). A number of seconds too large to represent counts as the
/// longest wait, so it always exceeds a policy's `max_wait`.
pub fn parse_retry_after(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let secs = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(secs.min(MAX_RETRY_AFTER_SECS)));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The longest wait a response can ask for, in seconds: a longer
/// `Retry-After` or retry hint counts as this (so it always exceeds a
/// policy's `max_wait`).
pub const MAX_RETRY_AFTER_SECS: u64 = u32::MAX as u64;

/// The longest request id kept from a response.
pub const MAX_REQUEST_ID_CHARS: usize = 256;

/// A request id as received, made safe to log: control characters (CR and
/// LF among them) are dropped and it is cut to [`MAX_REQUEST_ID_CHARS`].
/// A wait a response hints at, as clients take it: below
/// [`MIN_RETRY_HINT_MS`] it is zero (a floor under the policy's backoff,
/// never a retry at once), and the longest is [`MAX_RETRY_AFTER_SECS`].
pub(crate) fn retry_hint(wait: Duration) -> Duration {
    if wait.as_secs_f64() * 1000.0 < MIN_RETRY_HINT_MS {
        Duration::ZERO
    } else {
        wait.min(Duration::from_secs(MAX_RETRY_AFTER_SECS))
    }
}

pub(crate) fn clean_request_id(raw: &str) -> Option<String> {
    let id: String = raw
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_REQUEST_ID_CHARS)
        .collect();
    let id = id.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// A JSON number that is a whole number a numeric code can be: `17000`,
/// and `17000.0` as some servers write it (as JavaScript reads it).
fn whole_number(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < u64::MAX as f64)
            .map(|f| f as u64)
    })
}

/// Nesting deeper than this inside a body is replaced by `null` before a
/// second parse, so a deep `details` cannot hide the code.
pub const MAX_KEPT_DEPTH: usize = 64;

/// Parses a body as JSON as far as it can be read. A body that does not
/// parse is mended once and parsed again ([`mend`]), the same way the
/// TypeScript and Python clients mend it, so no stray value hides the code.
fn parse_lenient(body: &[u8]) -> Option<Value> {
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        return Some(value);
    }
    serde_json::from_str(&mend(&String::from_utf8_lossy(body), MAX_KEPT_DEPTH)).ok()
}

/// `text` (a body that did not parse) with what JSON parsers disagree on
/// made plain JSON: a leading byte-order mark dropped; `NaN`, `Infinity`
/// and numbers too large for a double become `null`; a lone surrogate
/// escape becomes U+FFFD; arrays and objects nested deeper than `limit`
/// become `null`. Strings are skipped exactly, so valid JSON stays valid.
pub fn mend(text: &str, limit: usize) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut depth, mut at, mut copied) = (0usize, 0usize, 0usize);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let end = skip_string(bytes, at);
                let string = &text[at..end];
                if string.contains("\\u") {
                    out.push_str(&text[copied..at]);
                    mend_surrogates(string, &mut out);
                    copied = end;
                }
                at = end;
            }
            b'{' | b'[' if depth == limit => {
                out.push_str(&text[copied..at]);
                out.push_str("null");
                at = skip_nested(bytes, at);
                copied = at;
            }
            b'{' | b'[' => {
                depth += 1;
                at += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b'-' | b'0'..=b'9' | b'N' | b'I' => {
                let end = at
                    + bytes[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                        .count();
                let token = &text[at..end];
                let unreadable = token.trim_start_matches('-').starts_with(['N', 'I'])
                    || token.parse::<f64>().is_ok_and(|f| !f.is_finite());
                if unreadable {
                    out.push_str(&text[copied..at]);
                    out.push_str("null");
                    copied = end;
                }
                at = end.max(at + 1);
            }
            _ => at += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A quoted JSON string with every lone surrogate escape (`\uD800` with no
/// low half after it, or a low half alone) written as `\uFFFD`.
fn mend_surrogates(string: &str, out: &mut String) {
    let unit = |at: usize| -> Option<u16> {
        let hex = string.get(at + 2..at + 6)?;
        (string.get(at..at + 2) == Some("\\u"))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let mut at = 0;
    let mut copied = 0;
    let bytes = string.as_bytes();
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        match unit(at) {
            Some(high @ 0xD800..=0xDBFF)
                if unit(at + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) =>
            {
                let _ = high;
                at += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&string[copied..at]);
                out.push_str("\\uFFFD");
                at += 6;
                copied = at;
            }
            Some(_) => at += 6,
            None => at += 2,
        }
    }
    out.push_str(&string[copied..]);
}

/// The index just past the string starting at `bytes[at]` (a `"`).
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The index just past the array or object starting at `bytes[at]`.
fn skip_nested(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0usize;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at = skip_string(bytes, at);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_render_as_every_client_renders_them() {
        let params = [
            ("w", serde_json::json!(3.0)),
            ("f", serde_json::json!(2.5)),
            ("t", serde_json::json!(true)),
            ("n", serde_json::Value::Null),
            ("o", serde_json::json!({"k": [1, "two"]})),
        ];
        assert_eq!(
            render_template("{w} {f} {t} {n} {o} {x} {a{b} {}", "", &params),
            "3 2.5 true null {\"k\":[1,\"two\"]} {x} {a{b} {}"
        );
        // Past 2^53 a float is written as JSON writes it.
        assert_eq!(
            render_template("{big}", "", &[("big", serde_json::json!(1e20))]),
            "1e+20"
        );
    }

    fn parsed(headers: &[(&str, &str)], body: &[u8]) -> Parsed {
        parse_response(429, headers, body, "")
    }

    #[test]
    fn invalid_utf8_keeps_the_code() {
        let body = b"{\"error\": {\"code\": \"rate_limited\", \"message\": \"caf\xe9\"}}";
        let p = parsed(&[], body);
        assert_eq!(p.wire_code.as_deref(), Some("rate_limited"));
        assert_eq!(p.message, "caf\u{fffd}");
    }

    #[test]
    fn deep_details_keep_the_code() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let body = format!(
            "{{\"error\": {{\"code\": \"rate_limited\", \"details\": {{\"x\": {deep}, \"s\": \"a]{{\\\"b\"}}}}}}"
        );
        let p = parsed(&[], body.as_bytes());
        assert_eq!(p.wire_code.as_deref(), Some("rate_limited"));
        assert_eq!(p.details["s"], "a]{\"b");
        let pruned: Value = serde_json::from_str(&mend(&deep, 3)).unwrap();
        assert_eq!(pruned.to_string(), "[[[null]]]");
    }

    #[test]
    fn request_ids_cannot_inject_lines_and_are_capped() {
        let p = parsed(&[("X-Request-Id", "req_1\r\nX-Evil: 1")], b"{}");
        assert_eq!(p.request_id.as_deref(), Some("req_1X-Evil: 1"));
        let long = "r".repeat(10_000);
        let body = format!("{{\"error\": {{\"code\": \"x\", \"request_id\": \"{long}\\n\"}}}}");
        let p = parsed(&[], body.as_bytes());
        assert_eq!(p.request_id.map(|r| r.len()), Some(MAX_REQUEST_ID_CHARS));
        assert_eq!(parsed(&[("x-request-id", "\r\n")], b"{}").request_id, None);
    }

    #[test]
    fn retry_after_overflow_is_the_longest_wait_not_absent() {
        let now = std::time::SystemTime::now();
        let longest = Some(Duration::from_secs(u64::from(u32::MAX)));
        assert_eq!(parse_retry_after("99999999999999999999", now), longest);
        assert_eq!(parse_retry_after("18446744073709551615", now), longest);
        assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::ZERO)
        );
    }
}
