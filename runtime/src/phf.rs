//! The perfect hash shared by errcat-codegen (which builds tables) and
//! generated code (which probes them).
//!
//! The scheme is PTHash-like: a key's 64-bit hash picks a bucket; each bucket
//! has a small "pilot" chosen at build time so that every key lands in its
//! own slot; slots no key lands in hold a copy of key 0. Generated tables
//! keep each key's record in its slot, so a lookup costs one hash, two
//! dependent reads (the pilot, then the record) and one comparison, and
//! takes the same branches whether the key is present or not.

const K0: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0xd6e8_feb8_6659_fd93;
const K2: u64 = 0xa076_1d64_78bd_642f;
const K3: u64 = 0xe703_7ed1_a0b4_28db;

/// A 64-bit hash of `bytes`, seeded. Stable across platforms and releases of
/// this crate's 0.x line, since generated tables depend on it.
///
/// Keys are short names, so up to 32 bytes it reads at most four
/// overlapping words (no loop, no variable-length copy) and mixes them with
/// folded 128-bit multiplies, as wyhash and rapidhash do. The two halves of
/// a 17 to 32 byte key are multiplied independently, so every key up to 32
/// bytes costs two multiplies in sequence.
#[inline]
pub fn hash_bytes(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let (lo, hi) = if len <= 16 {
        let (a, b) = if len >= 8 {
            (word(bytes, 0), word(bytes, len - 8))
        } else if len >= 4 {
            (u64::from(half(bytes, 0)), u64::from(half(bytes, len - 4)))
        } else if len > 0 {
            let spread = u64::from(bytes[0]) << 16
                | u64::from(bytes[len / 2]) << 8
                | u64::from(bytes[len - 1]);
            (spread, 0)
        } else {
            (0, 0)
        };
        multiply(a ^ K1, b ^ seed)
    } else if len <= 32 {
        last_32(bytes, seed)
    } else {
        let mut state = seed;
        let mut rest = bytes;
        while rest.len() > 32 {
            state = fold(word(rest, 0) ^ K1, word(rest, 8) ^ state);
            rest = &rest[16..];
        }
        last_32(rest, state)
    };
    fold(lo ^ K0 ^ len as u64, hi ^ K1)
}

/// The last 17 to 32 bytes, as two 16-byte halves multiplied independently.
#[inline]
fn last_32(bytes: &[u8], state: u64) -> (u64, u64) {
    let len = bytes.len();
    (
        fold(word(bytes, 0) ^ K1, word(bytes, 8) ^ state),
        fold(
            word(bytes, len - 16) ^ K2,
            word(bytes, len - 8) ^ state ^ K3,
        ),
    )
}

/// True when two byte strings are equal. Lookup keys are mostly 8 to 32
/// bytes: those are compared as overlapping words, without the call and
/// length dispatch of `memcmp`.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    let differ = |at: usize| word(a, at) ^ word(b, at);
    match len {
        8..=16 => differ(0) | differ(len - 8) == 0,
        17..=32 => differ(0) | differ(8) | differ(len - 16) | differ(len - 8) == 0,
        _ => a == b,
    }
}

/// The little-endian `u64` at `at`.
#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The little-endian `u32` at `at`.
#[inline]
fn half(bytes: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(w)
}

/// The full 128-bit product, as its low and high halves.
#[inline]
const fn multiply(a: u64, b: u64) -> (u64, u64) {
    let product = (a as u128).wrapping_mul(b as u128);
    (product as u64, (product >> 64) as u64)
}

/// Multiplies to 128 bits and folds the halves together: every input bit
/// reaches the middle output bits in one multiply.
#[inline]
const fn fold(a: u64, b: u64) -> u64 {
    let (lo, hi) = multiply(a, b);
    lo ^ hi
}

/// A 64-bit hash of an integer key, seeded.
#[inline]
pub fn hash_u64(key: u64, seed: u64) -> u64 {
    mix(key ^ seed.rotate_left(17) ^ 0x2545_f491_4f6c_dd1d)
}

/// The murmur3 finaliser: every input bit affects every output bit.
#[inline]
pub const fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Maps `x` uniformly onto `0..n` without a division (Lemire's reduction).
#[inline]
pub const fn reduce(x: u32, n: usize) -> usize {
    ((x as u64 * n as u64) >> 32) as usize
}

/// The bucket of a hash among `buckets` buckets.
#[inline]
pub const fn bucket(hash: u64, buckets: usize) -> usize {
    reduce((hash >> 32) as u32, buckets)
}

/// What a bucket's pilot (its number among the displacements tried at build
/// time) contributes to its keys' slots. Tables store this value, not the
/// pilot, so that a probe spends no multiply on it.
#[inline]
pub const fn pilot_value(pilot: u16) -> u32 {
    (pilot as u64 + 1).wrapping_mul(K0) as u32
}

/// The slot of a hash among `slots` slots, given its bucket's pilot value.
#[inline]
pub const fn slot(hash: u64, pilot_value: u32, slots: usize) -> usize {
    // One multiply by an odd constant (a bijection whose high bits depend on
    // every input bit) is enough here: the key's hash is already mixed.
    let displaced = (hash ^ pilot_value as u64).wrapping_mul(K1);
    reduce((displaced >> 32) as u32, slots)
}

/// A perfect-hash index over a set of keys, as generated by errcat-codegen.
/// It maps a key's hash to the one slot that key can occupy; what a slot
/// holds (the key's record, so that a probe reads it straight away) is the
/// generated code's table, indexed by the slot. Tables are little-endian
/// byte strings, so generated code holds each as one literal rather than
/// thousands of array elements.
#[derive(Debug)]
pub struct Index {
    /// The seed passed to the hash function.
    pub seed: u64,
    /// One `u32` pilot value per bucket (see [`pilot_value`]).
    pub pilots: &'static [u8],
    /// How many slots the table has.
    pub slots: usize,
}

impl Index {
    /// The only slot a key with this hash can be in (`None` only for an
    /// index without keys). The caller must compare the key stored there,
    /// since a missing key also maps to some slot.
    #[inline]
    pub fn slot(&self, hash: u64) -> Option<usize> {
        if self.slots == 0 {
            return None;
        }
        let pilot =
            crate::__private::read_u32(self.pilots, 4 * bucket(hash, self.pilots.len() / 4));
        Some(slot(hash, pilot, self.slots))
    }

    /// The slot for a string key.
    #[inline]
    pub fn slot_str(&self, key: &str) -> Option<usize> {
        self.slot(hash_bytes(key.as_bytes(), self.seed))
    }

    /// The slot for an integer key.
    #[inline]
    pub fn slot_u64(&self, key: u64) -> Option<usize> {
        self.slot(hash_u64(key, self.seed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_length_hashes_and_every_byte_counts() {
        let text: Vec<u8> = (0..64u8).map(|i| b'a' + i % 26).collect();
        for len in 0..=text.len() {
            let base = hash_bytes(&text[..len], 7);
            assert_ne!(
                base,
                hash_bytes(&text[..len], 8),
                "seed ignored at len {len}"
            );
            for at in 0..len {
                let mut changed = text[..len].to_vec();
                changed[at] ^= 1;
                assert_ne!(base, hash_bytes(&changed, 7), "byte {at} of {len} ignored");
            }
        }
    }

    #[test]
    fn similar_names_spread_over_buckets_and_fingerprints() {
        // Names like generated ones: shared prefixes and suffixes.
        let keys: Vec<String> = (0..100_000)
            .map(|i| format!("resource_{i}_not_found"))
            .collect();
        let hashes: Vec<u64> = keys.iter().map(|k| hash_bytes(k.as_bytes(), 1)).collect();
        assert_eq!(hashes.iter().collect::<HashSet<_>>().len(), keys.len());
        let fingerprints: HashSet<u32> = hashes.iter().map(|&h| h as u32).collect();
        assert!(
            fingerprints.len() > keys.len() - 10,
            "{}",
            fingerprints.len()
        );
        // 1,000 buckets of ~100 keys each: none far from the mean.
        let mut buckets = vec![0u32; 1000];
        let count = buckets.len();
        for &h in &hashes {
            buckets[bucket(h, count)] += 1;
        }
        let (min, max) = (buckets.iter().min(), buckets.iter().max());
        assert!(min >= Some(&55) && max <= Some(&150), "{min:?}..{max:?}");
    }
}
