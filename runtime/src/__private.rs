//! Helpers for generated code only; not a stable API.

pub use crate::generated::ERROR_METHODS;
pub use crate::identity::{IdentityPattern, matches_cached as is_identity};
pub use crate::phf::{Index, hash_bytes, same_bytes};
pub use serde_json::{Map, Value};
pub use std::sync::OnceLock;

#[cfg(feature = "tonic")]
pub use {crate::integrations::from_grpc_status, crate::integrations::to_grpc_status, tonic};
#[cfg(feature = "reqwest")]
pub use {crate::integrations::from_reqwest, reqwest};
#[cfg(feature = "http")]
pub use {crate::integrations::http_response, crate::integrations::status_code, http};
#[cfg(feature = "axum")]
pub use {crate::integrations::into_axum_response, axum};

/// Reads a little-endian `u16` at byte offset `at`.
#[inline]
pub fn read_u16(bytes: &[u8], at: usize) -> u16 {
    let mut word = [0u8; 2];
    word.copy_from_slice(&bytes[at..at + 2]);
    u16::from_le_bytes(word)
}

/// Reads a little-endian `u32` at byte offset `at`.
#[inline]
pub fn read_u32(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(word)
}

/// Reads a little-endian `u64` at byte offset `at`.
#[inline]
pub fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Reads a string that generated code packed as `offset << 32 | len` into its
/// text blob.
#[inline]
pub fn text(blob: &'static str, packed: u64) -> &'static str {
    let start = (packed >> 32) as usize;
    let len = (packed & 0xffff_ffff) as usize;
    &blob[start..start + len]
}

/// `Some(text)` unless the packed reference is the empty sentinel `0`.
#[inline]
pub fn opt_text(blob: &'static str, packed: u64) -> Option<&'static str> {
    (packed != 0).then(|| text(blob, packed))
}

#[cfg(feature = "serde")]
pub use serde;

/// Implements `Serialize`/`Deserialize` for a generated code enum as its
/// string name, when this crate's `serde` feature is on; otherwise nothing.
#[cfg(feature = "serde")]
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_serde_for_code {
    ($code:ident) => {
        impl $crate::__private::serde::Serialize for $code {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $code {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let name =
                    <::std::borrow::Cow<'de, str> as $crate::__private::serde::Deserialize>::deserialize(
                        deserializer,
                    )?;
                $code::lookup(&name).ok_or_else(|| {
                    <D::Error as $crate::__private::serde::de::Error>::custom(::std::format!(
                        "unknown error code `{}`",
                        name
                    ))
                })
            }
        }
    };
}

/// Implements `Serialize`/`Deserialize` for a generated code enum as its
/// string name, when this crate's `serde` feature is on; otherwise nothing.
#[cfg(not(feature = "serde"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_serde_for_code {
    ($code:ident) => {};
}

/// Gives a generated `Code` enum its slice of every code, `Code::COUNT` and
/// an index → code conversion, without listing the variants again.
///
/// An array of N variant paths (or an N-arm `match`) costs rustc time that
/// grows faster than N, since const evaluation validates each enum value; a
/// table of N integers read as the enum costs almost nothing
/// (docs/performance.md). The `unsafe` lives here rather than in generated code so
/// that crates which `forbid(unsafe_code)` can include generated modules.
///
/// Contract: `$code` is fieldless and `repr($repr)`, its variants carry no
/// explicit discriminants (so they are `0..=$last`, in order), and `$last` is
/// the last one. errcat's generator always emits it that way; the assertions
/// check what the compiler can.
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_code_index {
    ($code:ident, $repr:ident, $last:ident) => {
        const _: () = ::core::assert!(
            ::core::mem::size_of::<$code>() == ::core::mem::size_of::<$repr>()
                && ($code::$last as usize) < (<$repr>::MAX as usize)
        );

        #[allow(deprecated)]
        impl $code {
            /// The number of codes in the catalog.
            pub const COUNT: usize = $code::$last as usize + 1;

            /// Every code, in catalog order (the order of the variants).
            pub fn all() -> &'static [$code] {
                static DISCRIMINANTS: [$repr; $code::COUNT] = {
                    let mut table = [0; $code::COUNT];
                    let mut i = 0;
                    while i < table.len() {
                        table[i] = i as $repr;
                        i += 1;
                    }
                    table
                };
                // SAFETY: `$code` is a fieldless `repr($repr)` enum whose
                // discriminants are exactly `0..COUNT` (the macro's contract),
                // so every element of `DISCRIMINANTS` is a valid `$code` of
                // the same size and alignment, and the static lives forever.
                unsafe {
                    ::core::slice::from_raw_parts(
                        DISCRIMINANTS.as_ptr().cast::<$code>(),
                        $code::COUNT,
                    )
                }
            }

            /// The code at `index` in catalog order; panics past the end.
            #[inline]
            fn from_index(index: usize) -> $code {
                $code::all()[index]
            }
        }
    };
}
