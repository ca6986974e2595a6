//! The interned string blob of generated Rust: every string of the crate
//! in one `&str`, deduplicated, referred to by packed offset and length.

use foldhash::HashMap;

/// All strings of a generated crate in one blob, deduplicated. Each string is
/// referred to as `offset << 32 | len`; `0` stands for "none". Keys borrow
/// the interned text (the model's, the names', the docs sections'), so
/// interning allocates nothing per string.
#[derive(Default)]
pub struct TextBlob<'a> {
    blob: String,
    seen: HashMap<&'a str, u64>,
}

impl<'a> TextBlob<'a> {
    /// An empty blob with room for `bytes` of text.
    pub fn with_capacity(bytes: usize) -> Self {
        TextBlob {
            blob: String::with_capacity(bytes),
            seen: HashMap::default(),
        }
    }

    /// The packed reference to `s`; the empty string packs to `0`.
    pub fn intern(&mut self, s: &'a str) -> u64 {
        if s.is_empty() {
            return 0;
        }
        // Short strings (names, titles, types) repeat; long ones (docs
        // sections) practically never do, and hashing them costs more than
        // it saves.
        let dedup = s.len() <= 256;
        if dedup && let Some(&packed) = self.seen.get(s) {
            return packed;
        }
        let packed = ((self.blob.len() as u64) << 32) | s.len() as u64;
        self.blob.push_str(s);
        if dedup {
            self.seen.insert(s, packed);
        }
        packed
    }

    /// `intern` for optional text.
    pub fn intern_opt(&mut self, s: Option<&'a str>) -> u64 {
        s.map_or(0, |s| self.intern(s))
    }

    /// The blob.
    pub fn into_string(self) -> String {
        self.blob
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_dedups_and_reserves_zero() {
        let mut b = TextBlob::default();
        let a = b.intern("abc");
        assert_ne!(a, 0);
        assert_eq!(b.intern("abc"), a);
        assert_eq!(b.intern(""), 0);
        let c = b.intern("de");
        assert_eq!(c, (3 << 32) | 2);
    }
}
