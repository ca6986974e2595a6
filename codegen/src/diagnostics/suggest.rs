//! Did-you-mean suggestions: the closest known name by edit distance.

/// The closest candidate to `input` by edit distance, if any is close enough
/// to be a likely typo. Letter case counts least: `22p02` suggests `22P02`,
/// and of two candidates as close, the one in the same case wins.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (input.chars().count() / 3).max(1);
    let folded = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let blind = edit_distance(&folded, &c.to_lowercase());
            ((blind, edit_distance(input, c)), c)
        })
        .filter(|&((d, exact), _)| d <= limit && exact > 0)
        .min()
        .map(|(_, c)| c)
}

/// Edits from `a` to `b`: insertions, deletions, substitutions, and
/// swapping two neighbours (`titel` is one edit from `title`), each once
/// (optimal string alignment).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back for the swap, one back, and this one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let substitute = last[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitute.min(last[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("title", "title"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(did_you_mean("titel", ["title", "message"]), Some("title"));
    }

    #[test]
    fn case_counts_least() {
        assert_eq!(did_you_mean("22p02", ["22P02", "22P03"]), Some("22P02"));
        assert_eq!(
            did_you_mean("RATE_LIMITD", ["rate_limited", "RATE_LIMITED"]),
            Some("RATE_LIMITED")
        );
        assert_eq!(
            did_you_mean("rate_limted", ["rate_limited"]),
            Some("rate_limited")
        );
        assert_eq!(
            did_you_mean("same", ["same"]),
            None,
            "an exact match is not a suggestion"
        );
        assert_eq!(did_you_mean("zzzzzz", ["rate_limited"]), None);
    }
}
