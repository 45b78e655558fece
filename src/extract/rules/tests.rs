//! Every rule's examples, run as tests: a rule that does not fire on its own example, or fires
//! on a counter-example, fails here.

use super::{Action, FILES, Label, Named, NamedSet, RuleSet, Site, Stage};
use crate::extract::lexicon::Lexicon;
use crate::extract::tokenize::tokenize;

fn words(text: &str) -> Vec<&str> {
    tokenize(text).into_iter().map(|t| &text[t.span]).collect()
}

/// The token range of `span` in `sentence`.
fn find(sentence: &[&str], span: &[&str]) -> Option<std::ops::Range<usize>> {
    (0..=sentence.len().checked_sub(span.len())?)
        .find(|&i| sentence[i..i + span.len()] == *span)
        .map(|i| i..i + span.len())
}

#[test]
fn every_rule_decides_its_examples() {
    let lex = Lexicon::embedded();
    let rules = &lex.rules;
    let mut failures = Vec::new();
    let mut positives = 0;
    for rule in rules.rules() {
        assert!(
            rule.examples.iter().any(|e| e.expect.is_some()),
            "rule {} has no example it must fire on",
            rule.id
        );
        for example in &rule.examples {
            let sentence = words(&example.text);
            let span = words(&example.span);
            let Some(range) = find(&sentence, &span) else {
                failures.push(format!(
                    "{}: span {:?} not in {:?}",
                    rule.id, example.span, example.text
                ));
                continue;
            };
            let site = Site {
                words: &sentence,
                start: range.start,
                end: range.end,
                label: example.label,
            };
            let fired = rules.fires(rule, &lex, &site).then_some(rule.action);
            if fired != example.expect {
                failures.push(format!(
                    "{}: on {:?} ({:?}) expected {:?}, got {:?}",
                    rule.id, example.text, example.span, example.expect, fired
                ));
            }
            positives += usize::from(example.expect.is_some());
        }
    }
    assert!(
        failures.is_empty(),
        "rule examples failed:\n{}",
        failures.join("\n")
    );
    assert!(positives >= rules.rules().len());
}

#[test]
fn rule_ids_and_set_names_are_unique_and_stages_run_in_file_order() {
    let rules = RuleSet::embedded();
    let ids: std::collections::BTreeSet<&str> =
        rules.rules().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), rules.rules().len());
    let first = rules
        .rules()
        .iter()
        .position(|r| r.pack == "uk")
        .expect("a uk rule");
    assert!(rules.rules()[..first].iter().all(|r| r.pack == "core"));
}

#[test]
fn switching_a_pack_off_silences_its_rules_and_empties_its_sets() {
    let mut lex = Lexicon::embedded();
    let sentence = words("The MP for Henley spoke.");
    let site = Site {
        words: &sentence,
        start: 3,
        end: 4,
        label: Label::Per,
    };
    let id = lex
        .rules
        .first(Stage::Kind, &lex, &site)
        .expect("member-for fires");
    assert_eq!(lex.rules.rules()[id].id, "member-for");
    assert_eq!(lex.rules.rules()[id].action, Action::Place);
    assert!(lex.rules.set(super::Named::PostNominals).contains("MSP"));
    assert!(lex.rules.set_pack("uk", false));
    assert_eq!(lex.rules.first(Stage::Kind, &lex, &site), None);
    assert!(!lex.rules.set(super::Named::PostNominals).contains("MSP"));
    // The core pack still runs.
    assert!(lex.rules.set(super::Named::PlainHonorifics).contains("Mrs"));
    assert!(!lex.rules.set_pack("no-such-pack", false));
}

fn files_with(name: &str, text: &str) -> impl Fn(&str) -> String {
    let (name, text) = (name.to_string(), text.to_string());
    move |file: &str| {
        if file == name {
            text.clone()
        } else {
            FILES
                .iter()
                .find(|(n, _)| *n == file)
                .map(|(_, t)| (*t).to_string())
                .unwrap_or_default()
        }
    }
}

#[test]
fn a_broken_rule_file_is_refused_with_its_name_and_the_rule() {
    let unknown_set = r#"{"format": "newsgraph-rules", "pack": "uk", "description": "",
        "rules": [{"id": "x", "description": "", "stage": "kind", "labels": ["PER"],
        "after": [{"set": "no_such_set"}], "action": "place", "examples": []}]}"#;
    let err = RuleSet::from_texts(&files_with("rules/uk.json", unknown_set)).unwrap_err();
    assert_eq!(err.file, "rules/uk.json");
    assert!(
        err.message.contains("rule x") && err.message.contains("no_such_set"),
        "{err}"
    );

    let bad_action = r#"{"format": "newsgraph-rules", "pack": "uk", "description": "",
        "rules": [{"id": "x", "description": "", "stage": "kind", "labels": ["PER"],
        "action": "explode", "examples": []}]}"#;
    let err = RuleSet::from_texts(&files_with("rules/uk.json", bad_action)).unwrap_err();
    assert!(err.to_string().contains("rules/uk.json"), "{err}");

    let no_sets = r#"{"format": "newsgraph-word-sets", "sets": []}"#;
    let err = RuleSet::from_texts(&files_with("rules/word_sets.json", no_sets)).unwrap_err();
    assert!(err.message.contains("is missing"), "{err}");
}

#[test]
fn every_named_set_sits_at_its_own_place_and_is_defined() {
    let rules = RuleSet::embedded();
    for (i, (named, name)) in Named::ALL.iter().enumerate() {
        assert_eq!(*named as usize, i, "{name} is out of order in Named::ALL");
        assert!(
            rules
                .word_sets()
                .any(|(n, _, _, size)| n == *name && size > 0),
            "{name} is defined and holds words"
        );
    }
    let speaker = rules.set(Named::SpeakerContractions);
    assert!(speaker.ends_one("I'm") && speaker.ends_one("we’re"));
    assert!(!speaker.ends_one("'m") && !speaker.ends_one("Jim"));
}

#[test]
fn a_word_set_finds_what_a_plain_look_up_finds() {
    let words = ["un", "wife", "son", "prime minister", "é", "naïve", ""];
    let queries = [
        "un",
        "UN",
        "Un",
        "uN",
        "wife",
        "Wife",
        "WIFE",
        "wifes",
        "Son",
        "so",
        "s",
        "",
        "Prime Minister",
        "prime  minister",
        "É",
        "é",
        "NAÏVE",
        "naïve",
        "İ",
        "x",
        "sun",
    ];
    for ignore_case in [true, false] {
        let set = NamedSet::new(
            "test".into(),
            String::new(),
            "core".into(),
            ignore_case,
            words.iter().map(|w| (*w).to_owned()).collect(),
        );
        for q in queries {
            let lowered = if ignore_case {
                q.to_lowercase()
            } else {
                q.to_owned()
            };
            assert_eq!(
                set.contains(q),
                words.contains(&lowered.as_str()),
                "{q} (ignore case: {ignore_case})"
            );
        }
    }
}

#[test]
fn the_first_rule_is_the_first_of_all_rules_of_the_stage_that_fires() {
    // `first` tries only the rules indexed under the stage and the site's label: on every
    // example, each stage gives the rule a walk over all the rules gives.
    let lex = Lexicon::embedded();
    let rules = &lex.rules;
    for rule in rules.rules() {
        for example in &rule.examples {
            let sentence = words(&example.text);
            let Some(span) = find(&sentence, &words(&example.span)) else {
                continue;
            };
            for label in [Label::Per, Label::Org, Label::Loc, Label::Misc] {
                let site = Site {
                    words: &sentence,
                    start: span.start,
                    end: span.end,
                    label,
                };
                for stage in [Stage::Trim, Stage::Context, Stage::Kind] {
                    let walked = (rules.rules().iter())
                        .position(|r| r.stage == stage && rules.fires(r, &lex, &site));
                    assert_eq!(rules.first(stage, &lex, &site), walked, "{}", example.text);
                }
            }
        }
    }
}
