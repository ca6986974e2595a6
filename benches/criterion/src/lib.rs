//! errcat's generated module and the two baselines, at three sizes.
#![allow(missing_docs)]

macro_rules! size {
    ($module:ident, $n:literal) => {
        pub mod $module {
            pub mod errcat {
                include!(concat!(env!("OUT_DIR"), "/errcat_", $n, ".rs"));
            }
            pub mod phf_tables {
                include!(concat!(env!("OUT_DIR"), "/phf_", $n, ".rs"));
            }
            #[allow(dead_code)]
            pub mod matching {
                include!(concat!(env!("OUT_DIR"), "/match_", $n, ".rs"));
            }
            pub mod quickphf_table {
                include!(concat!(env!("OUT_DIR"), "/quickphf_", $n, ".rs"));
            }
            /// What most people write first: a std `HashMap` with a fast
            /// hasher, built on first use.
            pub mod foldhash_map {
                use std::collections::HashMap;
                use std::sync::LazyLock;

                pub static BY_NAME: LazyLock<
                    HashMap<&'static str, u32, foldhash::fast::FixedState>,
                > = LazyLock::new(|| {
                    let keys = super::phf_tables::BY_NAME.entries();
                    let mut map = HashMap::with_capacity_and_hasher(keys.len(), Default::default());
                    map.extend(keys.map(|(k, v)| (*k, *v)));
                    map
                });

                #[inline]
                pub fn lookup(name: &str) -> Option<u32> {
                    BY_NAME.get(name).copied()
                }
            }
        }
    };
}

size!(n200, "200");
size!(n2000, "2000");
size!(n20000, "20000");
