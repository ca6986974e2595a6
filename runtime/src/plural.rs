//! CLDR plural rules: which plural category (`one`, `few`, `other`, …) a
//! number takes in a locale. The rules are CLDR's own text (codegen ships
//! each catalog locale's rules from Unicode's data), evaluated here; the
//! TypeScript, Python and Go runtimes evaluate the same text the same way,
//! and the conformance cases hold them to this one.
//!
//! A locale's rules are one string, `category: condition` entries joined by
//! `;`, `other` implied: `"one: i = 1 and v = 0"` for English. Conditions
//! are CLDR's syntax without the samples: `or` of `and` of relations
//! `operand [% modulus] (=|!=) ranges`, ranges being `a` or `a..b` joined by
//! commas.

use core::fmt;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`: every locale has it.
    Other,
}

impl Category {
    /// Every category, in CLDR's order.
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// Its CLDR name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category named `name`.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CLDR's operands of a number as written: `n` is its absolute value, `i`
/// the integer digits, `v`/`w` the count of fraction digits with and
/// without trailing zeros, `f`/`t` those digits as an integer. `c`/`e`
/// (compact exponent) are always 0: errcat never writes numbers compactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operands {
    i: u64,
    v: u64,
    w: u64,
    f: u64,
    t: u64,
}

impl Operands {
    /// The operands of `text`, a number as a message shows it: optional
    /// `-`, digits, optional `.` and digits. Anything else (words, an
    /// exponent, more than 18 digits on a side) has none, and takes
    /// `other`.
    pub fn of(text: &str) -> Option<Operands> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || int.len() > 18
            || frac.len() > 18
            || !all_digits(int)
            || !all_digits(frac)
            || (digits.contains('.') && frac.is_empty())
        {
            return None;
        }
        let trimmed = frac.trim_end_matches('0');
        let number = |s: &str| s.parse::<u64>().unwrap_or(0);
        Some(Operands {
            i: number(int),
            v: frac.len() as u64,
            w: trimmed.len() as u64,
            f: number(frac),
            t: number(trimmed),
        })
    }

    /// The value of operand `name`, `None` for `n` when it is not an
    /// integer (a fraction never equals an integer or falls in a range).
    fn get(&self, name: &str, modulus: Option<u64>) -> Result<Option<u64>, RuleError> {
        let value = match name {
            "n" if self.t != 0 => return Ok(None),
            "n" | "i" => self.i,
            "v" => self.v,
            "w" => self.w,
            "f" => self.f,
            "t" => self.t,
            "c" | "e" => 0,
            _ => return Err(RuleError(format!("unknown operand `{name}`"))),
        };
        Ok(Some(match modulus {
            Some(0) => return Err(RuleError("modulus 0".into())),
            Some(m) => value % m,
            None => value,
        }))
    }
}

/// Why a rule text does not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError(pub String);

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The category `number` (as a message shows it) takes under `rules`.
/// Text that is not a plain decimal number takes `other`, as does any
/// number when the rules do not read (codegen checks every rule text it
/// ships with [`check`]).
pub fn category(rules: &str, number: &str) -> Category {
    let Some(operands) = Operands::of(number) else {
        return Category::Other;
    };
    match compiled(rules) {
        Some(compiled) => compiled.category(&operands),
        // Rules that do not read decide as far as they read.
        None => category_of(rules, &operands).unwrap_or(Category::Other),
    }
}

/// How many rule texts each thread keeps read: a process renders in the
/// few locales of its catalogs.
const CACHED_RULES: usize = 16;

/// `rules` read into relations, from this thread's cache: reading rules
/// costs more than rendering a message, and each locale's are few.
fn compiled(rules: &str) -> Option<std::rc::Rc<Compiled>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Cache = RefCell<Vec<(Box<str>, Option<Rc<Compiled>>)>>;
    thread_local! {
        static CACHE: Cache = const { RefCell::new(Vec::new()) };
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, found)) = cache.iter().find(|(text, _)| &**text == rules) {
            return found.clone();
        }
        if cache.len() == CACHED_RULES {
            cache.clear();
        }
        let read = Compiled::read(rules).ok().map(Rc::new);
        cache.push((rules.into(), read.clone()));
        read
    })
}

/// Rules read once: each category's condition, an `or` of `and`s.
#[derive(Debug)]
struct Compiled {
    entries: Vec<(Category, Vec<Vec<Relation>>)>,
}

/// `operand [% modulus] (=|!=) ranges`, read.
#[derive(Debug)]
struct Relation {
    operand: u8,
    modulus: Option<u64>,
    negated: bool,
    ranges: Vec<(u64, u64)>,
}

impl Compiled {
    fn read(rules: &str) -> Result<Compiled, RuleError> {
        let mut entries = Vec::new();
        for entry in rules.split(';').filter(|e| !e.trim().is_empty()) {
            let bad = || RuleError(format!("`{}` does not read", entry.trim()));
            let (name, condition) = entry.split_once(':').ok_or_else(bad)?;
            let category = Category::parse(name.trim()).ok_or_else(bad)?;
            let mut ors = vec![Vec::new()];
            let mut tokens = condition.split_ascii_whitespace();
            loop {
                let operand = match tokens.next().ok_or_else(bad)?.as_bytes() {
                    [b @ (b'n' | b'i' | b'v' | b'w' | b'f' | b't' | b'c' | b'e')] => *b,
                    _ => return Err(bad()),
                };
                let mut op = tokens.next().ok_or_else(bad)?;
                let mut modulus = None;
                if op == "%" {
                    let m: u64 = tokens.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
                    if m == 0 {
                        return Err(bad());
                    }
                    modulus = Some(m);
                    op = tokens.next().ok_or_else(bad)?;
                }
                let negated = match op {
                    "=" => false,
                    "!=" => true,
                    _ => return Err(bad()),
                };
                let mut ranges = Vec::new();
                for range in tokens.next().ok_or_else(bad)?.split(',') {
                    let (low, high) = match range.find('.') {
                        Some(dot) if range[dot..].starts_with("..") => {
                            (&range[..dot], &range[dot + 2..])
                        }
                        _ => (range, range),
                    };
                    ranges.push((
                        low.parse().map_err(|_| bad())?,
                        high.parse().map_err(|_| bad())?,
                    ));
                }
                let relation = Relation {
                    operand,
                    modulus,
                    negated,
                    ranges,
                };
                ors.last_mut().expect("one at least").push(relation);
                match tokens.next() {
                    None => break,
                    Some("and") => {}
                    Some("or") => ors.push(Vec::new()),
                    Some(_) => return Err(bad()),
                }
            }
            entries.push((category, ors));
        }
        Ok(Compiled { entries })
    }

    fn category(&self, o: &Operands) -> Category {
        let holds = |r: &Relation| {
            let value = match r.operand {
                b'n' if o.t != 0 => None,
                b'n' | b'i' => Some(o.i),
                b'v' => Some(o.v),
                b'w' => Some(o.w),
                b'f' => Some(o.f),
                b't' => Some(o.t),
                _ => Some(0),
            };
            let value = value.map(|v| r.modulus.map_or(v, |m| v % m));
            let within = value.is_some_and(|v| r.ranges.iter().any(|&(l, h)| (l..=h).contains(&v)));
            within != r.negated
        };
        self.entries
            .iter()
            .find(|(_, ors)| ors.iter().any(|ands| ands.iter().all(holds)))
            .map_or(Category::Other, |(category, _)| *category)
    }
}

/// The categories `rules` name, `other` included, in CLDR's order.
pub fn categories(rules: &str) -> Vec<Category> {
    let mut found: Vec<Category> = rules
        .split(';')
        .filter_map(|entry| Category::parse(entry.split_once(':')?.0.trim()))
        .collect();
    found.push(Category::Other);
    found.sort();
    found.dedup();
    found
}

/// Whether `rules` read, with every condition evaluated once.
pub fn check(rules: &str) -> Result<(), RuleError> {
    let zero = Operands::of("0").unwrap_or(Operands {
        i: 0,
        v: 0,
        w: 0,
        f: 0,
        t: 0,
    });
    for entry in rules.split(';').filter(|e| !e.trim().is_empty()) {
        let (name, condition) = entry
            .split_once(':')
            .ok_or_else(|| RuleError(format!("`{entry}` has no `category:`")))?;
        match Category::parse(name.trim()) {
            None | Some(Category::Other) => {
                return Err(RuleError(format!("`{}` is not a category", name.trim())));
            }
            Some(_) => {}
        }
        condition_holds(condition, &zero)?;
    }
    Ok(())
}

fn category_of(rules: &str, operands: &Operands) -> Result<Category, RuleError> {
    for entry in rules.split(';') {
        let Some((name, condition)) = entry.split_once(':') else {
            continue;
        };
        if condition_holds(condition, operands)? {
            return Category::parse(name.trim())
                .ok_or_else(|| RuleError(format!("`{name}` is not a category")));
        }
    }
    Ok(Category::Other)
}

/// An `or` of `and`s of relations, read token by token in one pass: every
/// relation is evaluated (so a malformed one is always found), nothing is
/// allocated, and no substring is searched for.
fn condition_holds(condition: &str, operands: &Operands) -> Result<bool, RuleError> {
    let bad = || RuleError(format!("`{}` is not a condition", condition.trim()));
    let mut tokens = condition.split_ascii_whitespace();
    let (mut any, mut all) = (false, true);
    loop {
        let operand = tokens.next().ok_or_else(bad)?;
        let mut op = tokens.next().ok_or_else(bad)?;
        let mut modulus = None;
        if op == "%" {
            let m = tokens.next().ok_or_else(bad)?;
            modulus = Some(m.parse().map_err(|_| bad())?);
            op = tokens.next().ok_or_else(bad)?;
        }
        let ranges = tokens.next().ok_or_else(bad)?;
        let value = operands.get(operand, modulus)?;
        let mut within = false;
        for range in ranges.split(',') {
            let (low, high) = match range.find('.') {
                Some(dot) if range[dot..].starts_with("..") => (&range[..dot], &range[dot + 2..]),
                _ => (range, range),
            };
            let low: u64 = low.parse().map_err(|_| bad())?;
            let high: u64 = high.parse().map_err(|_| bad())?;
            within |= value.is_some_and(|v| (low..=high).contains(&v));
        }
        all &= match op {
            "=" => within,
            "!=" => !within,
            _ => return Err(bad()),
        };
        match tokens.next() {
            None => return Ok(any || all),
            Some("and") => {}
            Some("or") => {
                any |= all;
                all = true;
            }
            Some(_) => return Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "one: i = 1 and v = 0";
    const PL: &str = "one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14; many: v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14";
    const FR: &str =
        "one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5";

    #[test]
    fn english_polish_and_french() {
        let of = |rules, n| category(rules, n).as_str();
        assert_eq!(of(EN, "1"), "one");
        assert_eq!(of(EN, "1.0"), "other");
        assert_eq!(of(EN, "2"), "other");
        assert_eq!(
            ["1", "2", "5", "12", "22", "25", "1.5"].map(|n| of(PL, n)),
            ["one", "few", "many", "many", "few", "many", "other"]
        );
        assert_eq!(
            ["0", "1", "1.5", "2", "1000000", "2000000", "1000001"].map(|n| of(FR, n)),
            ["one", "one", "one", "other", "many", "many", "other"]
        );
    }

    #[test]
    fn operands_follow_the_text() {
        let o = Operands::of("-12.50").unwrap();
        assert_eq!((o.i, o.v, o.w, o.f, o.t), (12, 2, 1, 50, 5));
        for not_a_number in [
            "",
            "-",
            "1.",
            ".5",
            "1e3",
            "one",
            "1 000",
            "12345678901234567890",
        ] {
            assert_eq!(Operands::of(not_a_number), None, "{not_a_number}");
            assert_eq!(category(EN, not_a_number), Category::Other);
        }
    }

    #[test]
    fn n_with_a_fraction_matches_no_integer() {
        assert_eq!(category("one: n = 1", "1.5"), Category::Other);
        assert_eq!(category("one: n = 1", "1.0"), Category::One);
        assert_eq!(category("few: n != 1", "1.5"), Category::Few);
    }

    #[test]
    fn checks_and_categories() {
        for rules in [EN, PL, FR, ""] {
            assert_eq!(check(rules), Ok(()), "{rules}");
        }
        assert!(check("one: x = 1").is_err());
        assert!(check("one: i == 1").is_err());
        assert!(check("lots: i = 1").is_err());
        assert!(check("one: i % 0 = 1").is_err());
        assert_eq!(
            categories(PL),
            [
                Category::One,
                Category::Few,
                Category::Many,
                Category::Other
            ]
        );
        assert_eq!(categories(""), [Category::Other]);
    }
}
