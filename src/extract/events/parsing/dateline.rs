//! Wire datelines ("MOSCOW, March 3 (Reuters) -") left out of the parse.

use super::list_test;
use crate::extract::events::patterns::ArgumentRules;

/// "MOSCOW, March 3 (Reuters) - Turkey signed ...", "KYIV (AP) — ...": a wire dateline says
/// where the story was filed and by whom, and is no part of the clause after it. Read with
/// the clause, it gave the parser a subject ("Reuters signed") or none at all. Its words (a
/// place, a date, an agency in brackets, up to the dash) are left out of the parse. A prefix
/// counts as a dateline only when every word of it is capitalised, a number or a comma or
/// bracket, and it either ends with the agency's closing bracket or opens with a place in
/// capitals.
pub(super) fn hide_dateline(rules: &ArgumentRules, forms: &[&str], hidden: &mut [bool]) {
    const LONGEST: usize = 12;
    let is_dash = list_test(rules, "dateline_dashes");
    let Some(dash) = (1..forms.len().min(LONGEST + 1)).find(|&k| is_dash(forms[k])) else {
        return;
    };
    if dash + 1 >= forms.len() {
        return;
    }
    let prefix = &forms[..dash];
    let dateline_word = |w: &&str| {
        matches!(*w, "," | "(" | ")" | ".")
            || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    let capitals = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    let agency = prefix.last() == Some(&")") && prefix.contains(&"(");
    // A place in capitals ("NEW YORK") is followed by the dash, a comma or a bracket, not by
    // more of a name ("NATO Secretary General Jens Stoltenberg - ...").
    let place_words = prefix.iter().take_while(|w| capitals(w)).count();
    let place = prefix[0].chars().count() >= 3
        && place_words > 0
        && prefix
            .get(place_words)
            .is_none_or(|w| matches!(*w, "," | "("));
    if prefix.iter().all(dateline_word) && (agency || place) {
        hidden[..=dash].fill(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_dateline_before_a_dash_is_left_out() {
        let rules = &crate::extract::events::tests::lexicon().arguments;
        let hidden = |text: &str| {
            let forms: Vec<&str> = text.split(' ').collect();
            let mut hidden = vec![false; forms.len()];
            hide_dateline(rules, &forms, &mut hidden);
            hidden.iter().filter(|&&h| h).count()
        };
        assert_eq!(hidden("LIMA , March 3 ( Reuters ) - Norway signed"), 8);
        assert_eq!(hidden("Lima ( AP ) \u{2014} Norway signed"), 5);
        assert_eq!(hidden("OSLO - Norway signed"), 2);
        assert_eq!(hidden("NEW YORK , May 2 - Norway signed"), 6);
        assert_eq!(
            hidden("NATO Secretary General Ola Berg - a Norwegian - said"),
            0
        );
        // A name and an aside, a lower-case word before the dash, or nothing after it.
        assert_eq!(hidden("Norway - a close partner - signed"), 0);
        assert_eq!(hidden("Talks ( again ) - Norway signed"), 0);
        assert_eq!(hidden("LIMA -"), 0);
    }
}
