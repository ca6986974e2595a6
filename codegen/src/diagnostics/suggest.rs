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

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

pub(crate) fn suggestion(input: &str, candidates: &[&str]) -> Option<String> {
    did_you_mean(input, candidates.iter().copied()).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
