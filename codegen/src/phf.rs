//! Builds the perfect-hash tables that generated lookups probe; the probing
//! side lives in `errcat_runtime::phf`, which this reuses for hashing.

use errcat_runtime::phf::{bucket, hash_bytes, hash_u64, mix, pilot_value, slot};

/// Marks a free slot while a table is built; finished tables hold key 0
/// there instead (see `try_seed`).
const EMPTY: u32 = u32::MAX;

/// A built table: see [`errcat_runtime::phf::Index`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhfTable {
    /// Hash seed.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// Key index per slot; slots without a key hold key 0.
    pub slots: Vec<u32>,
}

impl PhfTable {
    /// The pilots as generated tables store them: each one's value
    /// (`errcat_runtime::phf::pilot_value`), as a little-endian `u32`.
    pub fn pilot_bytes(&self) -> Vec<u8> {
        self.pilots
            .iter()
            .flat_map(|&p| pilot_value(p).to_le_bytes())
            .collect()
    }
}

/// Average keys per bucket: smaller builds faster, larger is more compact.
const KEYS_PER_BUCKET: usize = 4;
/// Seeds tried at one table size before the table grows.
const SEEDS_PER_SIZE: u64 = 64;

/// A table over string keys. Keys must be distinct.
pub fn build_str<S: AsRef<str>>(keys: &[S]) -> PhfTable {
    build(keys.len(), |seed| {
        keys.iter()
            .map(|k| hash_bytes(k.as_ref().as_bytes(), seed))
            .collect()
    })
}

/// A table over integer keys. Keys must be distinct.
pub fn build_u64(keys: &[u64]) -> PhfTable {
    build(keys.len(), |seed| {
        keys.iter().map(|&k| hash_u64(k, seed)).collect()
    })
}

/// Searches seeds, and then table sizes, until every key gets its own slot.
/// Deterministic: the same keys always give the same table.
fn build(n: usize, hashes_for: impl Fn(u64) -> Vec<u64>) -> PhfTable {
    if n == 0 {
        return PhfTable {
            seed: 0,
            pilots: Vec::new(),
            slots: Vec::new(),
        };
    }
    let buckets = n.div_ceil(KEYS_PER_BUCKET);
    let mut slots = n + n / 4 + 1;
    let mut attempt = 0u64;
    loop {
        for _ in 0..SEEDS_PER_SIZE {
            let seed = mix(attempt.wrapping_add(0x5eed));
            attempt += 1;
            if let Some(table) = try_seed(seed, &hashes_for(seed), buckets, slots) {
                return table;
            }
        }
        slots += slots / 4 + 1;
    }
}

fn try_seed(seed: u64, hashes: &[u64], bucket_count: usize, slot_count: usize) -> Option<PhfTable> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
    for (key, &h) in hashes.iter().enumerate() {
        members[bucket(h, bucket_count)].push(key);
    }
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));

    let mut pilots = vec![0u16; bucket_count];
    let mut table = vec![EMPTY; slot_count];
    let mut positions = Vec::with_capacity(KEYS_PER_BUCKET * 4);
    for b in order {
        if members[b].is_empty() {
            break;
        }
        let found = (0..=u16::MAX).find(|&pilot| {
            positions.clear();
            members[b].iter().all(|&key| {
                let at = slot(hashes[key], pilot_value(pilot), slot_count);
                let free = table[at] == EMPTY && !positions.contains(&at);
                positions.push(at);
                free
            })
        })?;
        pilots[b] = found;
        for (&key, &at) in members[b].iter().zip(&positions) {
            table[at] = key as u32;
        }
    }
    // Slots no key hashes to name key 0. A missing key that lands there is
    // rejected by the caller's comparison like any other, so a probe never
    // branches on emptiness and misses take the same path as hits.
    for at in &mut table {
        if *at == EMPTY {
            *at = 0;
        }
    }
    Some(PhfTable {
        seed,
        pilots,
        slots: table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use errcat_runtime::phf::Index;

    /// The index over `t` and the key index a probe finds in each slot.
    fn probe(t: &PhfTable) -> impl Fn(Option<usize>) -> Option<usize> + '_ {
        move |slot| slot.map(|s| t.slots[s] as usize)
    }

    fn index(t: &PhfTable) -> Index {
        let pilots: Vec<u8> = t.pilot_bytes();
        Index {
            seed: t.seed,
            pilots: Box::leak(pilots.into()),
            slots: t.slots.len(),
        }
    }

    #[test]
    fn every_key_finds_itself_and_misses_find_nothing_else() {
        for n in [0usize, 1, 2, 3, 7, 100, 5000] {
            let keys: Vec<String> = (0..n).map(|i| format!("code_{i}")).collect();
            let table = build_str(&keys);
            let (index, key_in) = (index(&table), probe(&table));
            for (i, k) in keys.iter().enumerate() {
                assert_eq!(key_in(index.slot_str(k)), Some(i), "n={n} key={k}");
            }
            for miss in ["", "nope", "code_", "code_99999999"] {
                if let Some(c) = key_in(index.slot_str(miss)) {
                    assert_ne!(keys[c], miss);
                }
            }
        }
    }

    #[test]
    fn integer_tables_and_determinism() {
        let keys: Vec<u64> = (0..3000).map(|i| 10_000 + i * 7).collect();
        let a = build_u64(&keys);
        assert_eq!(a, build_u64(&keys));
        let (index, key_in) = (index(&a), probe(&a));
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(key_in(index.slot_u64(k)), Some(i));
        }
    }
}
