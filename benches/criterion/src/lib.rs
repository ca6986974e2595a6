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
            pub mod matching {
                include!(concat!(env!("OUT_DIR"), "/match_", $n, ".rs"));
            }
        }
    };
}

size!(n200, "200");
size!(n2000, "2000");
size!(n20000, "20000");
