include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
