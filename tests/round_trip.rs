//! Every code of the catalog round-trips through its name, numeric code and
//! aliases, and lookups of anything else miss.

use errcat::{Category, Code, Kind};

#[test]
fn by_name() {
    for &code in Code::all() {
        assert_eq!(Code::lookup(code.as_str()), Some(code));
        assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        assert_eq!(code.to_string(), code.as_str());
    }
}

#[test]
fn by_numeric() {
    let mut seen = std::collections::HashSet::new();
    for &code in Code::all() {
        let n = code
            .numeric()
            .expect("every code of errcat's catalog has a numeric code");
        assert!(seen.insert(n), "numeric {n} is used twice");
        assert_eq!(Code::from_numeric(n), Some(code));
        let (first, last) = code
            .category()
            .numeric_range()
            .expect("every category has a range");
        assert!(
            (first..=last).contains(&n),
            "{code} ({n}) is outside {}",
            code.category()
        );
    }
}

#[test]
fn by_alias() {
    let mut aliases = 0;
    for &code in Code::all() {
        for alias in code.aliases() {
            aliases += 1;
            assert_eq!(Code::lookup(alias), Some(code), "alias {alias}");
            assert_eq!(alias.parse::<Code>(), Ok(code));
        }
    }
    assert!(
        aliases >= 10,
        "the catalog keeps the seeds' upper-case names as aliases"
    );
    assert_eq!("RATE_LIMIT_ERROR".parse::<Code>(), Ok(Code::RateLimited));
    assert_eq!(Code::lookup("TIMEOUT"), Some(Code::GatewayTimeout));
}

#[test]
fn misses() {
    for miss in [
        "",
        "rate_limite",
        "Rate_Limited",
        "rate_limited\0",
        "11005",
        " ok",
        "ok ",
    ] {
        assert_eq!(Code::lookup(miss), None, "{miss:?}");
    }
    let err = "rate_limted".parse::<Code>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown error code `rate_limted` in the `errcat` catalog"
    );
    for miss in [0, 9999, 10003, 11007, 99999, u32::MAX] {
        assert_eq!(Code::from_numeric(miss), None, "{miss}");
    }
}

#[test]
fn categories_partition_all_codes_in_order() {
    let flattened: Vec<Code> = Category::ALL
        .iter()
        .flat_map(|c| c.codes().iter().copied())
        .collect();
    assert_eq!(flattened, Code::all());
    for &category in Category::ALL {
        assert_eq!(Category::lookup(category.as_str()), Some(category));
        assert!(category.codes().iter().all(|c| c.category() == category));
    }
}

#[test]
fn catalog_covers_the_seeds_union() {
    assert!(Code::all().len() >= 50);
    assert!(Category::ALL.len() >= 8);
    let statuses: std::collections::BTreeSet<u16> =
        Code::all().iter().map(|c| c.http_status()).collect();
    for status in [
        200, 201, 204, 400, 401, 402, 403, 404, 409, 413, 422, 423, 429, 500, 502, 503, 504,
    ] {
        assert!(statuses.contains(&status), "no code uses HTTP {status}");
    }
    let exits: std::collections::BTreeSet<u8> = Code::all().iter().map(|c| c.exit_code()).collect();
    assert_eq!(exits, [0, 1, 2, 3].into());
    assert!(Code::all().iter().any(|c| c.kind() == Kind::Pending));
    assert!(Code::all().iter().any(|c| c.kind() == Kind::Success));
}

#[test]
fn explain_is_the_docs_section() {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/generated/docs/rate_limit.md"
    ))
    .unwrap();
    for &code in Category::RateLimit.codes() {
        let explain = code.explain();
        assert!(explain.starts_with(&format!("## {}\n", code.as_str())));
        assert!(
            docs.contains(explain),
            "{code}: explain() is not the section of the docs page"
        );
    }
    for &code in Code::all() {
        assert!(code.explain().contains(code.title()));
    }
}
