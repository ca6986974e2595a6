//! A catalog's locales: BCP 47 tags, each with the locale it falls back to
//! and its CLDR plural rules, and the choice of one from an
//! `Accept-Language` header (RFC 9110 section 12.5.4, matched by RFC 4647's
//! lookup). The TypeScript, Python and Go clients receive the same table
//! as data and choose alike; the conformance cases hold them to it.

/// The most language ranges of one `Accept-Language` header considered:
/// a bound on work for a hostile header, far above what browsers send.
pub const MAX_LANGUAGE_RANGES: usize = 32;

/// A text of a code that a locale may translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The title.
    Title,
    /// The message template.
    Message,
}

/// A catalog's locales, as generated code declares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locales {
    /// Canonical BCP 47 tags, the default locale first.
    pub tags: &'static [&'static str],
    /// For each locale, the index of the locale its missing texts come
    /// from: its nearest ancestor the catalog has (`fr-CH` → `fr`), else
    /// the default. The default's is itself.
    pub parents: &'static [u16],
    /// For each locale, its CLDR plural rules ([`crate::plural`]).
    pub plurals: &'static [&'static str],
}

impl Locales {
    /// English alone, for code written before catalogs had locales.
    pub const ENGLISH: Locales = Locales {
        tags: &["en"],
        parents: &[0],
        plurals: &["one: i = 1 and v = 0"],
    };

    /// The default locale's tag.
    pub fn default_tag(&self) -> &'static str {
        self.tags[0]
    }

    /// The locale `tag` names: the catalog's own spelling of it (tags
    /// compare case-insensitively, `_` read as `-`), else its nearest
    /// ancestor the catalog has (RFC 4647 lookup: `fr-CH-x` → `fr-CH` →
    /// `fr`). `None` when neither is in the catalog.
    pub fn find(&self, tag: &str) -> Option<usize> {
        find_in(self.tags, tag)
    }

    /// The locale to answer an `Accept-Language` header with: the first
    /// range, by quality (then order), that [`find`](Self::find) finds;
    /// `*`, no match, or no header at all gives the default (index 0).
    pub fn negotiate(&self, accept_language: &str) -> usize {
        negotiate_in(self.tags, accept_language)
    }

    /// `locale` and the locales its missing texts come from, ending with
    /// the default.
    pub fn chain(&self, locale: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = Some(locale.min(self.tags.len().saturating_sub(1)));
        core::iter::from_fn(move || {
            let at = next?;
            let parent = usize::from(self.parents.get(at).copied().unwrap_or(0));
            next = (at != 0).then_some(if parent == at { 0 } else { parent });
            Some(at)
        })
    }
}

/// [`Locales::find`] over a list of tags.
pub fn find_in(tags: &[&str], tag: &str) -> Option<usize> {
    let mut tag = tag.trim();
    loop {
        if let Some(at) = tags.iter().position(|t| same_tag(t, tag)) {
            return Some(at);
        }
        let cut = tag.rfind(['-', '_'])?;
        tag = &tag[..cut];
        // A single-letter subtag (`x`, `u`) only introduces the next one,
        // so it goes with it (RFC 4647 section 3.4).
        if let Some(cut) = tag.rfind(['-', '_'])
            && tag.len() - cut == 2
        {
            tag = &tag[..cut];
        }
    }
}

/// [`Locales::negotiate`] over a list of tags, the default first.
pub fn negotiate_in(tags: &[&str], accept_language: &str) -> usize {
    let mut ranges: Vec<(u16, &str)> = accept_language
        .split(',')
        .take(MAX_LANGUAGE_RANGES)
        .filter_map(language_range)
        .filter(|&(q, _)| q > 0)
        .collect();
    // Stable: ranges of equal quality keep the header's order.
    ranges.sort_by_key(|&(q, _)| core::cmp::Reverse(q));
    ranges
        .iter()
        .find_map(|&(_, range)| {
            if range == "*" {
                Some(0)
            } else {
                find_in(tags, range)
            }
        })
        .unwrap_or(0)
}

fn same_tag(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).all(|(x, y)| {
            let norm = |c: u8| {
                if c == b'_' {
                    b'-'
                } else {
                    c.to_ascii_lowercase()
                }
            };
            norm(x) == norm(y)
        })
}

/// One `Accept-Language` element: its quality in thousandths and its range;
/// `None` when it is not one (RFC 9110's `language-range [ weight ]`).
fn language_range(element: &str) -> Option<(u16, &str)> {
    let mut parts = element.split(';');
    let range = parts.next()?.trim();
    let valid = range == "*"
        || (!range.is_empty()
            && range.len() <= 64
            && range.split('-').all(|s| {
                (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
            }));
    if !valid {
        return None;
    }
    let mut quality = 1000;
    for param in parts {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            quality = parse_quality(value.trim())?;
        }
    }
    Some((quality, range))
}

/// RFC 9110's `qvalue`: `0`, `1`, or up to three decimals.
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = frac.bytes().chain(core::iter::repeat(b'0')).take(3);
    let frac: u16 = thousandths.fold(0, |n, b| n * 10 + u16::from(b - b'0'));
    match whole {
        "0" => Some(frac),
        "1" if frac == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCALES: Locales = Locales {
        tags: &["en", "fr", "fr-CH", "pl", "zh-Hant"],
        parents: &[0, 0, 1, 0, 0],
        plurals: &["", "", "", "", ""],
    };

    #[test]
    fn lookup_walks_up_the_tag() {
        assert_eq!(LOCALES.find("fr"), Some(1));
        assert_eq!(LOCALES.find("FR_ch"), Some(2));
        assert_eq!(LOCALES.find("fr-BE"), Some(1));
        assert_eq!(LOCALES.find("fr-CH-x-phonebk"), Some(2));
        assert_eq!(LOCALES.find("zh-Hant-TW"), Some(4));
        assert_eq!(LOCALES.find("zh"), None);
        assert_eq!(LOCALES.find("de"), None);
        assert_eq!(LOCALES.find(""), None);
    }

    #[test]
    fn negotiation_by_quality_then_order() {
        let pick = |h| LOCALES.tags[LOCALES.negotiate(h)];
        assert_eq!(pick("fr-CH, fr;q=0.9, en;q=0.8"), "fr-CH");
        assert_eq!(pick("de-DE, pl;q=0.5, fr;q=0.4"), "pl");
        assert_eq!(pick("en;q=0.5, fr"), "fr");
        assert_eq!(pick("pl;q=0.5, fr;q=0.5"), "pl");
        assert_eq!(pick("de, *;q=0.1"), "en");
        assert_eq!(pick("fr;q=0, pl;q=0.001"), "pl");
        assert_eq!(pick(""), "en");
        assert_eq!(pick("fr;q=2, pl;q=0.5"), "pl");
        assert_eq!(pick("fr;q=0.5000, pl;q=0.1"), "pl");
        assert_eq!(pick("fr;;, pl"), "pl");
        assert_eq!(pick("<script>, fr"), "fr");
        assert_eq!(pick(&"de, ".repeat(100)), "en");
    }

    #[test]
    fn chains_end_at_the_default() {
        let chain = |i| LOCALES.chain(i).collect::<Vec<_>>();
        assert_eq!(chain(2), [2, 1, 0]);
        assert_eq!(chain(3), [3, 0]);
        assert_eq!(chain(0), [0]);
        assert_eq!(chain(99), [4, 0]);
    }
}
