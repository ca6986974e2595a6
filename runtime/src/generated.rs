//! Macros that generated code invokes to define its catalog's `Error` type
//! and the optional integrations. Each integration macro has one definition
//! per state of this crate's cargo feature, so generated code needs no
//! `cfg` of its own.

/// The methods of a generated `Error`; a code whose name equals one of these
/// gets its typed constructor named `<name>_error` instead.
pub const ERROR_METHODS: &[&str] = &[
    "new",
    "with_message",
    "from_params",
    "from_args",
    "__from_values",
    "unknown",
    "from_response",
    "from_body",
    "with_param",
    "with_request_id",
    "with_retry_after",
    "with_detail",
    "code",
    "code_str",
    "status",
    "message",
    "localized",
    "negotiated",
    "message_in",
    "localized_message",
    "locale",
    "param",
    "request_id",
    "retry_after",
    "details",
    "retry_policy",
    "is_retryable",
    "telemetry",
    "requires_idempotent",
    "operation_backoff",
    "retry_delay",
    "retry_delay_for",
    "retry_delay_with",
    "body",
    "envelope",
    "to_json",
    "to_json_in",
    "to_json_string",
    "into_inner",
    "as_inner",
    "status_code",
    "from_http_response",
    "to_http_response",
    "from_reqwest",
    "check_reqwest",
    "to_grpc_status",
    "from_grpc_status",
    "clone",
    "eq",
    "ne",
    "fmt",
    "from",
    "into",
    "to_string",
    "source",
    "description",
    "cause",
    "into_response",
    "type_id",
    "provide",
];

/// Defines `pub struct Error` for a generated `Code` enum.
#[macro_export]
#[doc(hidden)]
macro_rules! __define_error {
    ($code:ident) => {
        /// An error of this catalog: a [`Code`] (or the raw code of one this
        /// build does not know, kept as received), its rendered message, the
        /// request parameter at fault, the request id, the server's
        /// `Retry-After` and the message params as structured details.
        ///
        /// Services build one with a typed constructor (one per code, from
        /// its message template) and send it with
        #[doc = concat!("[`Error::to_json`]; clients parse one with [`Error::from_response`] ")]
        /// and ask [`Error::retry_delay`] whether and when to try again.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Error($crate::Error<$code>);

        #[allow(deprecated)]
        impl Error {
            /// An error of `code` without params: its message is the
            /// template if that has no placeholders, else the title.
            #[inline]
            pub fn new(code: $code) -> Self {
                Error($crate::Error::new(code))
            }

            /// An error of `code` with a message of your own.
            #[inline]
            pub fn with_message(
                code: $code,
                message: impl ::core::convert::Into<::std::string::String>,
            ) -> Self {
                Error($crate::Error::with_message(code, message))
            }

            /// An error of `code`, its message rendered from the template
            /// with `params`, which also become its details. The typed
            /// constructors call this.
            #[inline]
            pub fn from_params(code: $code, params: &[(&str, $crate::__private::Value)]) -> Self {
                Error($crate::Error::from_params(code, params))
            }

            /// An error of `code` from its params' names and values.
            #[inline]
            pub fn from_args(code: $code, names: &[&str], args: &[$crate::Arg<'_>]) -> Self {
                Error($crate::Error::from_args(code, names, args))
            }

            /// An error of `code` from its params' values in declaration
            /// order; what the typed constructors' helpers call.
            #[doc(hidden)]
            #[inline]
            pub fn __from_values(code: $code, args: &[$crate::Arg<'_>]) -> Self {
                let names: ::std::vec::Vec<&'static str> = code.params().map(|p| p.name).collect();
                Error($crate::Error::from_args(code, &names, args))
            }

            /// An error whose code this build may not know, kept as given.
            #[inline]
            pub fn unknown(
                code: impl ::core::convert::Into<::std::string::String>,
                status: u16,
                message: impl ::core::convert::Into<::std::string::String>,
            ) -> Self {
                Error($crate::Error::unknown(code, status, message))
            }

            /// Parses an HTTP error response leniently (nested envelope in
            /// either case, problem details, `{"detail": ...}`, plain text),
            /// reading `Retry-After` and `X-Request-Id` from the headers.
            /// Never panics; an unparsable or huge body still gives an error
            /// classified by `status`.
            #[inline]
            pub fn from_response<'h>(
                status: u16,
                headers: impl ::core::iter::IntoIterator<Item = (&'h str, &'h str)>,
                body: &[u8],
            ) -> Self {
                Error($crate::Error::from_response(status, headers, body))
            }

            /// Parses a response body alone; see [`Error::from_response`].
            #[inline]
            pub fn from_body(status: u16, body: &[u8]) -> Self {
                Error($crate::Error::from_body(status, body))
            }

            /// Sets the request parameter at fault.
            #[inline]
            pub fn with_param(
                self,
                param: impl ::core::convert::Into<::std::string::String>,
            ) -> Self {
                Error(self.0.with_param(param))
            }

            /// Sets the request id.
            #[inline]
            pub fn with_request_id(
                self,
                request_id: impl ::core::convert::Into<::std::string::String>,
            ) -> Self {
                Error(self.0.with_request_id(request_id))
            }

            /// Sets how long the client should wait before retrying.
            #[inline]
            pub fn with_retry_after(self, retry_after: ::core::time::Duration) -> Self {
                Error(self.0.with_retry_after(retry_after))
            }

            /// Adds a structured detail.
            #[inline]
            pub fn with_detail(
                self,
                key: impl ::core::convert::Into<::std::string::String>,
                value: impl ::core::convert::Into<$crate::__private::Value>,
            ) -> Self {
                Error(self.0.with_detail(key, value))
            }

            /// The code, if this build knows it (aliases resolve).
            #[inline]
            pub fn code(&self) -> ::core::option::Option<$code> {
                self.0.code()
            }

            /// The code as received, or the known code's name; empty if a
            /// response carried none.
            #[inline]
            pub fn code_str(&self) -> &str {
                self.0.code_str()
            }

            /// The HTTP status.
            #[inline]
            pub fn status(&self) -> u16 {
                self.0.status()
            }

            /// The rendered message, in the catalog's default locale.
            #[inline]
            pub fn message(&self) -> &str {
                self.0.message()
            }

            /// The same error said in the locale `tag` names, falling back
            /// along its chain (`fr-CH` → `fr` → default); every writer then
            /// uses the localized text. A given message, or a locale the
            /// catalog lacks, leaves the error as it is.
            #[inline]
            #[must_use]
            pub fn localized(self, tag: &str) -> Self {
                Self(self.0.localized(tag))
            }

            /// [`Self::localized`] in the locale an `Accept-Language` header
            /// asks for (the default when it asks for none the catalog has).
            #[inline]
            #[must_use]
            pub fn negotiated(self, accept_language: &str) -> Self {
                Self(self.0.negotiated(accept_language))
            }

            /// The message in locale `tag`, as [`Self::localized`] says it.
            #[inline]
            pub fn message_in(&self, tag: &str) -> ::std::borrow::Cow<'_, str> {
                self.0.message_in(tag)
            }

            /// The localized message, when the error was localized.
            #[inline]
            pub fn localized_message(&self) -> ::core::option::Option<&str> {
                self.0.localized_message()
            }

            /// The BCP 47 tag of the locale the message is in.
            #[inline]
            pub fn locale(&self) -> &str {
                self.0.locale()
            }

            /// The request parameter at fault, if any.
            #[inline]
            pub fn param(&self) -> ::core::option::Option<&str> {
                self.0.param()
            }

            /// The request id, if known.
            #[inline]
            pub fn request_id(&self) -> ::core::option::Option<&str> {
                self.0.request_id()
            }

            /// How long the server asked the client to wait, if it did.
            #[inline]
            pub fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                self.0.retry_after()
            }

            /// The message params and other structured details.
            #[inline]
            pub fn details(
                &self,
            ) -> &$crate::__private::Map<::std::string::String, $crate::__private::Value> {
                self.0.details()
            }

            /// The code's retry policy, or for an unknown code the one its
            /// HTTP status class implies.
            #[inline]
            pub fn retry_policy(&self) -> $crate::RetryPolicy {
                self.0.retry_policy()
            }

            /// True when any retry is allowed.
            #[inline]
            pub fn is_retryable(&self) -> bool {
                self.0.is_retryable()
            }

            /// The telemetry labels: `error.type` (the code, or `_OTHER`),
            /// category, fault and retryability, all from the catalog.
            #[inline]
            pub fn telemetry(&self) -> $crate::telemetry::Labels {
                self.0.telemetry()
            }

            /// True when the code retries only idempotent requests.
            #[inline]
            pub fn requires_idempotent(&self) -> bool {
                self.0.requires_idempotent()
            }

            /// The backoff for retrying the whole operation, when that,
            /// rather than the call, is what to retry.
            #[inline]
            pub fn operation_backoff(&self) -> ::core::option::Option<$crate::Backoff> {
                self.0.operation_backoff()
            }

            /// How long to wait after `attempt` failed attempts (1 after the
            /// first failure), or `None` to give up; the request is not known
            /// to be idempotent.
            #[inline]
            pub fn retry_delay(
                &self,
                attempt: u32,
            ) -> ::core::option::Option<::core::time::Duration> {
                self.0.retry_delay(attempt)
            }

            /// [`Error::retry_delay`] for a request that is, or is not,
            /// idempotent.
            #[inline]
            pub fn retry_delay_for(
                &self,
                attempt: u32,
                idempotent: bool,
            ) -> ::core::option::Option<::core::time::Duration> {
                self.0.retry_delay_for(attempt, idempotent)
            }

            /// [`Error::retry_delay`] with an injected random number generator.
            #[inline]
            pub fn retry_delay_with<R: $crate::Rng + ?Sized>(
                &self,
                attempt: u32,
                rng: &mut R,
            ) -> ::core::option::Option<::core::time::Duration> {
                self.0.retry_delay_with(attempt, rng)
            }

            /// The shape-independent body.
            #[inline]
            pub fn body(&self) -> $crate::ErrorBody {
                self.0.body()
            }

            /// The envelope format this error is sent in.
            #[inline]
            pub fn envelope(&self) -> $crate::EnvelopeFormat {
                self.0.envelope()
            }

            /// The JSON body in the catalog's envelope format.
            #[inline]
            pub fn to_json(&self) -> $crate::__private::Value {
                self.0.to_json()
            }

            /// The JSON body in any envelope format.
            #[inline]
            pub fn to_json_in(&self, format: $crate::EnvelopeFormat) -> $crate::__private::Value {
                self.0.to_json_in(format)
            }

            /// [`Error::to_json`] as compact text.
            #[inline]
            pub fn to_json_string(&self) -> ::std::string::String {
                self.0.to_json().to_string()
            }

            /// The catalog-generic error inside.
            #[inline]
            pub fn into_inner(self) -> $crate::Error<$code> {
                self.0
            }

            /// The catalog-generic error inside.
            #[inline]
            pub fn as_inner(&self) -> &$crate::Error<$code> {
                &self.0
            }
        }

        impl ::core::fmt::Display for Error {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.0, f)
            }
        }

        impl ::std::error::Error for Error {}

        impl ::core::convert::From<$code> for Error {
            #[inline]
            fn from(code: $code) -> Self {
                Error::new(code)
            }
        }

        impl ::core::convert::From<$crate::Error<$code>> for Error {
            #[inline]
            fn from(inner: $crate::Error<$code>) -> Self {
                Error(inner)
            }
        }

        impl $crate::RetryAdvice for Error {
            #[inline]
            fn retry_delay(&self, attempt: u32) -> ::core::option::Option<::core::time::Duration> {
                self.0.retry_delay(attempt)
            }

            #[inline]
            fn retry_delay_for(
                &self,
                attempt: u32,
                idempotent: bool,
            ) -> ::core::option::Option<::core::time::Duration> {
                self.0.retry_delay_for(attempt, idempotent)
            }
        }

        $crate::__http_impls!($code, Error);
        $crate::__axum_impls!(Error);
        $crate::__reqwest_impls!(Error);
        $crate::__tonic_impls!(Error);
    };
}

/// `http` integration: `Code::status_code()` and `Error::status_code()`.
#[cfg(feature = "http")]
#[macro_export]
#[doc(hidden)]
macro_rules! __http_impls {
    ($code:ident, $error:ident) => {
        impl $code {
            /// The HTTP status as an [`http::StatusCode`].
            pub fn status_code(self) -> $crate::__private::http::StatusCode {
                $crate::__private::status_code(self.http_status())
            }
        }

        impl $error {
            /// The HTTP status as an [`http::StatusCode`].
            pub fn status_code(&self) -> $crate::__private::http::StatusCode {
                $crate::__private::status_code(self.status())
            }

            /// The full HTTP response for this error, for any framework built
            /// on the `http` crate: status, content type, `Retry-After`,
            /// `X-Request-Id` and the JSON body.
            pub fn to_http_response(
                &self,
            ) -> $crate::__private::http::Response<::std::vec::Vec<u8>> {
                $crate::__private::http_response(&self.0)
            }

            /// Parses an error from an `http` status, header map and body.
            pub fn from_http_response(
                status: $crate::__private::http::StatusCode,
                headers: &$crate::__private::http::HeaderMap,
                body: &[u8],
            ) -> Self {
                let headers = headers.iter().filter_map(|(k, v)| {
                    ::core::option::Option::Some((k.as_str(), v.to_str().ok()?))
                });
                $error::from_response(status.as_u16(), headers, body)
            }
        }
    };
}

#[cfg(not(feature = "http"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __http_impls {
    ($code:ident, $error:ident) => {};
}

/// `axum` integration: `impl IntoResponse for Error`.
#[cfg(feature = "axum")]
#[macro_export]
#[doc(hidden)]
macro_rules! __axum_impls {
    ($error:ident) => {
        impl $crate::__private::axum::response::IntoResponse for $error {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::into_axum_response(&self.0)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __axum_impls {
    ($error:ident) => {};
}

/// `reqwest` integration: turning a non-2xx response into an `Error`.
#[cfg(feature = "reqwest")]
#[macro_export]
#[doc(hidden)]
macro_rules! __reqwest_impls {
    ($error:ident) => {
        impl $error {
            /// Reads a response (its body bounded in size) into an error.
            /// Use it for non-2xx responses; see [`Error::check_reqwest`].
            pub async fn from_reqwest(response: $crate::__private::reqwest::Response) -> Self {
                $error($crate::__private::from_reqwest(response).await)
            }

            /// Passes a 2xx response through, and turns any other into an
            /// error.
            pub async fn check_reqwest(
                response: $crate::__private::reqwest::Response,
            ) -> ::core::result::Result<$crate::__private::reqwest::Response, Self> {
                if response.status().is_success() {
                    ::core::result::Result::Ok(response)
                } else {
                    ::core::result::Result::Err($error::from_reqwest(response).await)
                }
            }
        }
    };
}

#[cfg(not(feature = "reqwest"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __reqwest_impls {
    ($error:ident) => {};
}

/// `tonic` integration: the error as a `tonic::Status` with rich details,
/// and back.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impls {
    ($error:ident) => {
        impl $error {
            /// The gRPC status of this error: its code's gRPC code, the
            /// message, and ErrorInfo, BadRequest, RetryInfo, RequestInfo
            /// and Help details.
            pub fn to_grpc_status(&self) -> $crate::__private::tonic::Status {
                $crate::__private::to_grpc_status(&self.0)
            }

            /// Reads a gRPC status: ErrorInfo's reason names the code, else
            /// the status code; the details give the params, param, wait
            /// and request id.
            pub fn from_grpc_status(status: &$crate::__private::tonic::Status) -> Self {
                $error($crate::__private::from_grpc_status(status))
            }
        }

        impl ::core::convert::From<$error> for $crate::__private::tonic::Status {
            fn from(error: $error) -> Self {
                error.to_grpc_status()
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impls {
    ($error:ident) => {};
}

#[cfg(test)]
mod tests {
    use super::ERROR_METHODS;

    /// Methods every `Error` has through std traits and derives, which the
    /// macros above do not spell out.
    const TRAIT_METHODS: &[&str] = &[
        "clone",
        "eq",
        "ne",
        "fmt",
        "from",
        "into",
        "to_string",
        "source",
        "description",
        "cause",
        "into_response",
        "type_id",
        "provide",
    ];

    /// Every `fn` the macros in this file define, read from the source.
    fn defined_methods() -> Vec<String> {
        let source = include_str!("generated.rs");
        let macros = &source[..source.find("#[cfg(test)]").unwrap_or(source.len())];
        let mut names = Vec::new();
        for (at, _) in macros.match_indices("fn ") {
            let before = macros[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = macros[at + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    #[test]
    fn error_methods_list_every_method_the_macros_define() {
        let defined = defined_methods();
        assert!(defined.len() > 30, "the scan found the macros: {defined:?}");
        for name in &defined {
            assert!(
                ERROR_METHODS.contains(&name.as_str()),
                "`{name}` is defined on Error but missing from ERROR_METHODS, \
                 so a code named `{name}` would get a clashing constructor"
            );
        }
        for name in ERROR_METHODS {
            assert!(
                defined.iter().any(|d| d == name) || TRAIT_METHODS.contains(name),
                "ERROR_METHODS lists `{name}`, which no macro defines"
            );
        }
    }
}
