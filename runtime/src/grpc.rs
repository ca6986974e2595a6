//! gRPC's 17 canonical status codes (`google.rpc.Code`), and their mapping
//! to and from HTTP statuses, as Google's APIs and grpc-gateway apply it.

use core::fmt;

/// A gRPC canonical status code. The numbers are the wire values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum GrpcCode {
    /// Not an error.
    Ok = 0,
    /// The operation was cancelled, typically by the caller.
    Cancelled = 1,
    /// An error with no better code.
    Unknown = 2,
    /// The client gave an invalid argument.
    InvalidArgument = 3,
    /// The deadline passed before the operation completed.
    DeadlineExceeded = 4,
    /// An entity was not found.
    NotFound = 5,
    /// The entity the client tried to create exists.
    AlreadyExists = 6,
    /// The caller may not run the operation.
    PermissionDenied = 7,
    /// A resource, such as a quota, is exhausted.
    ResourceExhausted = 8,
    /// The system is not in the state the operation needs.
    FailedPrecondition = 9,
    /// The operation was aborted, typically by a concurrency conflict.
    Aborted = 10,
    /// The operation went past the valid range.
    OutOfRange = 11,
    /// The operation is not implemented or supported.
    Unimplemented = 12,
    /// An invariant of the system is broken.
    Internal = 13,
    /// The service is unavailable for now; retrying may succeed.
    Unavailable = 14,
    /// Unrecoverable data loss or corruption.
    DataLoss = 15,
    /// The request has no valid credentials.
    Unauthenticated = 16,
}

impl GrpcCode {
    /// Every code, by number.
    pub const ALL: [GrpcCode; 17] = [
        GrpcCode::Ok,
        GrpcCode::Cancelled,
        GrpcCode::Unknown,
        GrpcCode::InvalidArgument,
        GrpcCode::DeadlineExceeded,
        GrpcCode::NotFound,
        GrpcCode::AlreadyExists,
        GrpcCode::PermissionDenied,
        GrpcCode::ResourceExhausted,
        GrpcCode::FailedPrecondition,
        GrpcCode::Aborted,
        GrpcCode::OutOfRange,
        GrpcCode::Unimplemented,
        GrpcCode::Internal,
        GrpcCode::Unavailable,
        GrpcCode::DataLoss,
        GrpcCode::Unauthenticated,
    ];

    /// Every code's wire name, by number; catalogs' `grpc` accepts these.
    pub const NAMES: [&'static str; 17] = [
        "OK",
        "CANCELLED",
        "UNKNOWN",
        "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "UNAVAILABLE",
        "DATA_LOSS",
        "UNAUTHENTICATED",
    ];

    /// The name on the wire (`google.rpc.Code`), such as `"UNAVAILABLE"`.
    pub const fn as_str(self) -> &'static str {
        GrpcCode::NAMES[self as usize]
    }

    /// The code of a wire name, exactly as spelled.
    pub fn from_name(name: &str) -> Option<GrpcCode> {
        GrpcCode::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The code of a wire number.
    pub fn from_number(number: i32) -> Option<GrpcCode> {
        usize::try_from(number)
            .ok()
            .and_then(|n| GrpcCode::ALL.get(n).copied())
    }

    /// The wire number.
    pub const fn number(self) -> i32 {
        self as i32
    }

    /// The HTTP status Google's APIs answer this code with
    /// (`google/rpc/code.proto`).
    pub const fn http_status(self) -> u16 {
        match self {
            GrpcCode::Ok => 200,
            GrpcCode::Cancelled => 499,
            GrpcCode::Unknown | GrpcCode::Internal | GrpcCode::DataLoss => 500,
            GrpcCode::InvalidArgument | GrpcCode::FailedPrecondition | GrpcCode::OutOfRange => 400,
            GrpcCode::DeadlineExceeded => 504,
            GrpcCode::NotFound => 404,
            GrpcCode::AlreadyExists | GrpcCode::Aborted => 409,
            GrpcCode::PermissionDenied => 403,
            GrpcCode::ResourceExhausted => 429,
            GrpcCode::Unimplemented => 501,
            GrpcCode::Unavailable => 503,
            GrpcCode::Unauthenticated => 401,
        }
    }

    /// The code for an HTTP status, for codes that name none: the inverse
    /// of [`http_status`](Self::http_status) where it is one-to-one, the
    /// most general code of a shared status (400 is `INVALID_ARGUMENT`,
    /// 409 `ABORTED`, 500 `INTERNAL`), and for other statuses the code of
    /// their class, as grpc-gateway reads them.
    pub const fn from_http_status(status: u16) -> GrpcCode {
        match status {
            200..=299 => GrpcCode::Ok,
            400 => GrpcCode::InvalidArgument,
            401 => GrpcCode::Unauthenticated,
            403 => GrpcCode::PermissionDenied,
            404 => GrpcCode::NotFound,
            408 | 504 => GrpcCode::DeadlineExceeded,
            409 => GrpcCode::Aborted,
            412 => GrpcCode::FailedPrecondition,
            416 => GrpcCode::OutOfRange,
            429 => GrpcCode::ResourceExhausted,
            499 => GrpcCode::Cancelled,
            501 => GrpcCode::Unimplemented,
            503 => GrpcCode::Unavailable,
            _ => match status / 100 {
                4 => GrpcCode::FailedPrecondition,
                5 => GrpcCode::Internal,
                _ => GrpcCode::Unknown,
            },
        }
    }
}

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_and_statuses_round_trip() {
        for (n, code) in GrpcCode::ALL.into_iter().enumerate() {
            assert_eq!(code.number(), n as i32);
            assert_eq!(GrpcCode::from_number(n as i32), Some(code));
            assert_eq!(GrpcCode::from_name(code.as_str()), Some(code));
        }
        assert_eq!(GrpcCode::from_number(17), None);
        assert_eq!(GrpcCode::from_number(-1), None);
        assert_eq!(GrpcCode::from_name("unavailable"), None);
        // Every one-to-one status maps back to its code.
        for code in GrpcCode::ALL {
            let back = GrpcCode::from_http_status(code.http_status());
            assert_eq!(back.http_status(), code.http_status(), "{code}");
        }
        assert_eq!(
            GrpcCode::from_http_status(418),
            GrpcCode::FailedPrecondition
        );
        assert_eq!(GrpcCode::from_http_status(502), GrpcCode::Internal);
    }
}
