//! Every argument pattern's examples, run through the whole pipeline: the pattern must fire on
//! its example and give the roles the example names.

use std::sync::OnceLock;

use crate::extract::{Extraction, Lexicon, extract};
use crate::ingest::{Format, parse};

pub(super) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::embedded)
}

pub(super) fn run(text: &str) -> Extraction {
    let article = parse(
        "example.txt",
        format!("Report\n\n{text}\n").as_bytes(),
        Format::Text,
    )
    .expect("the example parses");
    extract(&article, lexicon())
}

/// The events of `text` as (category, kind, source, targets).
pub(super) fn kinds(text: &str) -> Vec<(String, String, Option<String>, Vec<String>)> {
    run(text)
        .events
        .into_iter()
        .map(|e| (e.category.name().to_owned(), e.kind, e.source, e.targets))
        .collect()
}

pub(super) fn name_of(x: &Extraction, key: &str) -> Vec<String> {
    x.actors
        .iter()
        .filter(|a| a.key == key)
        .flat_map(|a| std::iter::once(a.name.clone()).chain(a.aliases.iter().cloned()))
        .collect()
}

#[test]
fn every_pattern_fires_on_its_examples() {
    let lex = lexicon();
    let mut failures = Vec::new();
    for p in &lex.arguments.patterns {
        for ex in &p.examples {
            let x = run(&ex.text);
            let text = format!("Report\n\n{}\n", ex.text);
            // The report of the event whose trigger is the example's trigger words.
            let found = x.events.iter().find_map(|e| {
                e.mentions
                    .iter()
                    .zip(&e.readings)
                    .find(|(m, _)| text.get(m.span.clone()) == Some(ex.trigger.as_str()))
                    .map(|(_, r)| r)
            });
            let Some(r) = found else {
                failures.push(format!(
                    "{}: no event on '{}' in {:?}; events {:?}",
                    p.id,
                    ex.trigger,
                    ex.text,
                    x.events.iter().map(|e| &e.label).collect::<Vec<_>>()
                ));
                continue;
            };
            if !r.patterns.contains(&p.id) {
                failures.push(format!(
                    "{}: did not fire on {:?} (fired: {:?})",
                    p.id, ex.text, r.patterns
                ));
            }
            let named = |key: &str, want: &str| name_of(&x, key).iter().any(|n| n == want);
            if let Some(want) = &ex.source
                && !r.source.as_ref().is_some_and(|s| named(&s.key, want))
            {
                failures.push(format!(
                    "{}: source of {:?} is {:?}, not {want}",
                    p.id, ex.text, r.source
                ));
            }
            if let Some(want) = &ex.target
                && !r.targets.iter().any(|t| named(&t.key, want))
            {
                failures.push(format!(
                    "{}: targets of {:?} are {:?}, not {want}",
                    p.id, ex.text, r.targets
                ));
            }
            for want in &ex.parties {
                let all = r.parties.iter().chain(&r.source).chain(&r.targets);
                if !all.clone().any(|t| named(&t.key, want)) {
                    failures.push(format!("{}: {want} is no party in {:?}", p.id, ex.text));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_sense_rule_decides_its_examples() {
    let lex = lexicon();
    let mut failures = Vec::new();
    for sense in &lex.arguments.senses {
        for ex in &sense.examples {
            let x = run(&ex.text);
            let text = format!("Report\n\n{}\n", ex.text);
            let fired = x
                .events
                .iter()
                .flat_map(|e| &e.readings)
                .any(|r| r.patterns.contains(&sense.id));
            if let Some(want) = &ex.category {
                let ok = x.events.iter().any(|e| e.category.name() == want);
                if !ok || !fired {
                    failures.push(format!(
                        "{}: {:?} gave {:?}",
                        sense.id,
                        ex.text,
                        x.events
                            .iter()
                            .map(|e| (&e.label, &e.readings))
                            .collect::<Vec<_>>()
                    ));
                }
            }
            if let Some(word) = &ex.no_event {
                let at = x.events.iter().any(|e| {
                    e.mentions.iter().any(|m| {
                        text.get(m.span.clone())
                            .is_some_and(|t| t.contains(word.as_str()))
                    })
                });
                if at {
                    failures.push(format!(
                        "{}: {:?} still gives an event on '{word}'",
                        sense.id, ex.text
                    ));
                }
                // The trigger was found and dropped by this rule, not missed.
                let dropped_here = x.skipped.iter().any(|k| {
                    k.reason == sense.id
                        && text
                            .get(k.span.clone())
                            .is_some_and(|t| t.contains(word.as_str()))
                });
                if !dropped_here {
                    failures.push(format!(
                        "{}: {:?} was not dropped by it: {:?}",
                        sense.id, ex.text, x.skipped
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The events of `x` as (category, source, targets) triples, for stage tests.
/// One act as [`acts`] lists it: category, source and targets.
pub(super) fn act(
    category: &str,
    source: Option<&str>,
    targets: &[&str],
) -> (String, Option<String>, Vec<String>) {
    (
        category.to_owned(),
        source.map(str::to_owned),
        targets.iter().map(|t| (*t).to_owned()).collect(),
    )
}

pub(super) fn acts(x: &Extraction) -> Vec<(String, Option<String>, Vec<String>)> {
    x.events
        .iter()
        .map(|e| {
            (
                e.category.name().to_owned(),
                e.source.clone(),
                e.targets.clone(),
            )
        })
        .collect()
}

#[test]
fn an_act_done_unless_another_acts_is_a_threat() {
    let x = run("Norway will withdraw its troops from Chile unless Peru ends the blockade.");
    let got = acts(&x);
    assert!(
        got.contains(&(
            "THREATEN".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:CHL".to_owned()]
        )),
        "{got:?}"
    );
    // With nothing else to aim at, a threat is aimed at whoever must act to avoid it.
    let y = run("Iceland threatened to halt the fishing talks unless Latvia paid its debts.");
    let threats: Vec<_> = acts(&y)
        .into_iter()
        .filter(|(c, ..)| c == "THREATEN")
        .collect();
    assert_eq!(
        threats,
        vec![(
            "THREATEN".to_owned(),
            Some("country:ISL".to_owned()),
            vec!["country:LVA".to_owned()]
        )]
    );
    // The condition is not an act of its own.
    assert!(
        !got.iter().any(|(c, ..)| c == "CONCEDE" || c == "COERCE"),
        "{got:?}"
    );
}

#[test]
fn what_one_says_another_must_do_is_a_demand_whatever_the_verb() {
    let x = run("Norway said Chile must return the fishing boat.");
    let got = acts(&x);
    assert_eq!(
        got,
        vec![(
            "DEMAND".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:CHL".to_owned()]
        )]
    );
    // Without a speaker there is no demand, only a statement.
    let y = run("Chile must return the fishing boat, a newspaper wrote.");
    assert!(
        acts(&y).iter().all(|(_, s, _)| s.is_none()),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn an_answer_is_aimed_at_who_made_the_offer() {
    let x = run("Bolivia on Monday rejected an offer from Ecuador to hold border talks.");
    let got = acts(&x);
    assert!(
        got.contains(&(
            "REJECT".to_owned(),
            Some("country:BOL".to_owned()),
            vec!["country:ECU".to_owned()]
        )),
        "{got:?}"
    );
}

#[test]
fn the_holder_of_a_role_named_before_is_the_one_meant() {
    let x = run(
        "Chancellor Owen Pryce spoke first. Later Ravi Menon praised the chancellor for his work.",
    );
    let praise = x
        .events
        .iter()
        .find(|e| e.category.name() == "SUPPORT")
        .expect("the praise is an event");
    assert_eq!(praise.source.as_deref(), Some("person:ravi-menon"));
    assert_eq!(praise.targets, vec!["person:owen-pryce".to_owned()]);
    // With two people of the same role, "the chancellor" is left unresolved.
    let y = run(
        "Chancellor Owen Pryce met Chancellor Ana Ruiz. Later Ravi Menon praised the chancellor.",
    );
    let praise = y
        .events
        .iter()
        .find(|e| e.category.name() == "SUPPORT")
        .expect("the praise is still an event");
    assert!(praise.targets.is_empty(), "{:?}", praise.targets);
    // "The secretary" may be a "Home Secretary", but "the mayor" is never the deputy mayor.
    let z = run(
        "Deputy Mayor Ann Tarrow spoke first. Home Secretary Owen Pryce spoke next. Later Ravi Menon praised the secretary, and the mayor condemned Peru.",
    );
    let praise = z
        .events
        .iter()
        .find(|e| e.category.name() == "SUPPORT")
        .expect("the praise is an event");
    assert_eq!(praise.targets, vec!["person:owen-pryce".to_owned()]);
    assert!(
        z.events
            .iter()
            .all(|e| e.source.as_deref() != Some("person:ann-tarrow")),
        "{:?}",
        z.events
    );
}

#[test]
fn a_name_right_after_a_noun_act_and_its_preposition_is_its_target() {
    let x = run(
        "Relations soured following increased Norwegian support for Chile and Peru's assertive actions at sea.",
    );
    let support = x
        .events
        .iter()
        .find(|e| e.category.name() == "SUPPORT")
        .expect("the support is an event");
    assert_eq!(support.source.as_deref(), Some("country:NOR"));
    assert_eq!(support.targets, vec!["country:CHL".to_owned()]);
}

#[test]
fn a_name_before_a_verb_without_subject_acts() {
    let x = run("Last month the Norwegian Coast Guard accused Chilean vessels of ramming a boat.");
    let accusation = x
        .events
        .iter()
        .find(|e| e.category.name() == "DISAPPROVE")
        .expect("the accusation is an event");
    assert_eq!(accusation.source.as_deref(), Some("org:nor-coast-guard"));
    // A bare time word between the name and the verb.
    let y = run("Norwegian Prime Minister Ravi Menon today accused Chile of fraud.");
    let accusation = y
        .events
        .iter()
        .find(|e| e.category.name() == "DISAPPROVE")
        .expect("the accusation is an event");
    assert_eq!(accusation.source.as_deref(), Some("person:ravi-menon"));
    assert!(
        accusation.targets.iter().any(|t| t == "country:CHL"),
        "{:?}",
        accusation.targets
    );
}

#[test]
fn people_of_a_place_are_that_countrys_people() {
    let x =
        run("Rebels in Chile on Wednesday rejected an appeal from Peru to lay down their arms.");
    let got = acts(&x);
    assert!(
        got.contains(&(
            "REJECT".to_owned(),
            Some("group:CHL:rebels".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{got:?}"
    );
    // A meeting "in" a city is a place, not the city's people.
    let y = run("Norway and Peru held talks in Chile.");
    assert!(
        acts(&y)
            .iter()
            .all(|(_, s, t)| s.as_deref() != Some("country:CHL")
                && !t.iter().any(|k| k == "country:CHL")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_material_act_on_no_one_named_is_done_to_the_country_it_happens_in() {
    let x = run("Chilean authorities imposed a curfew in the town of Arica in northern Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&(
            "COERCE".to_owned(),
            Some("country:CHL".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{got:?}"
    );
    // The country that acts in its own land still acts, with no one acted on.
    let y = run("Peruvian authorities imposed a curfew in the town of Arica in northern Peru.");
    let got = acts(&y);
    assert!(
        got.contains(&("COERCE".to_owned(), Some("country:PER".to_owned()), vec![])),
        "{got:?}"
    );
    // Words are said somewhere; the place is no target of them.
    let z = run("Norway condemned the plan in a speech in Chile.");
    let got = acts(&z);
    assert!(
        got.contains(&(
            "DISAPPROVE".to_owned(),
            Some("country:NOR".to_owned()),
            vec![]
        )),
        "{got:?}"
    );
}

#[test]
fn an_act_tried_and_not_done_is_no_act_and_a_failed_agreement_a_rejection() {
    let x = run("Norway failed to attack Peru.");
    assert!(
        x.events.is_empty() && x.skipped.iter().any(|s| s.reason == "tried and not done"),
        "{:?} {:?}",
        acts(&x),
        x.skipped
    );
    let y = run("Norway and Peru failed to reach an agreement on fishing.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "REJECT" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "AGREE"), "{got:?}");
    // Reached, it is an agreement.
    let z = run("Norway and Peru reached an agreement on fishing.");
    assert!(
        acts(&z).iter().any(|(c, _, _)| c == "AGREE"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_duty_of_no_one_named_is_no_demand_and_a_nested_condition_names_the_threatened() {
    let x = run("Norway said the money should have been used to reduce poverty.");
    assert!(
        x.skipped
            .iter()
            .any(|s| s.reason == "an obligation on no one named"),
        "{:?} {:?}",
        acts(&x),
        x.skipped
    );
    assert!(
        acts(&x).iter().all(|(c, _, _)| c != "DEMAND"),
        "{:?}",
        acts(&x)
    );
    // Someone named must act: a demand on them.
    let y = run("Norway said Peru must return the helicopter.");
    assert!(
        acts(&y).contains(&(
            "DEMAND".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{:?}",
        acts(&y)
    );
    // The condition hangs from what the threatened act is about.
    let z = run(
        "Norway has threatened to stop negotiations to reduce fishing quotas if Peru goes ahead with the plan.",
    );
    assert!(
        acts(&z).contains(&(
            "THREATEN".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_negated_verb_that_is_no_act_negates_the_act_it_governs() {
    let x = run("Norway does not need to attack Peru.");
    assert!(
        acts(&x).is_empty() && x.skipped.iter().any(|s| s.reason == "negated"),
        "{:?} {:?}",
        acts(&x),
        x.skipped
    );
    let y = run("Norway needs to attack Peru.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "ASSAULT" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_noun_naming_its_verbs_act_is_that_act_and_what_is_agreed_lends_its_target() {
    // One act, named by the noun, done by the verb's subject.
    let x = run("Norway provided military aid to Peru.");
    let got = acts(&x);
    assert_eq!(
        got,
        vec![(
            "AID".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    assert!(
        x.events.iter().any(|e| e.label.starts_with("Military aid")),
        "{:?}",
        x.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    // What is agreed, however the parse hangs it, gives the agreement its targets.
    let y = run("Norway agreed on Friday to provide 20 million dollars of aid for Peru and Chile.");
    assert_eq!(
        acts(&y),
        vec![(
            "AGREE".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned(), "country:CHL".to_owned()]
        )]
    );
    // What a demand follows is not what it asks for.
    let z = run("Norway called for sanctions against Peru in the wake of the attack on Chile.");
    assert!(
        acts(&z).contains(&(
            "DEMAND".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{:?}",
        acts(&z)
    );
    assert!(
        acts(&z)
            .iter()
            .all(|(c, _, t)| c != "DEMAND" || !t.contains(&"country:CHL".to_owned())),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_day_named_anywhere_is_left_out_of_the_parse_and_a_quantity_names_whom_it_counts() {
    let x = run(
        "Tens of thousands of students throughout Norway staged demonstrations Saturday to demand reforms by the government of Peru.",
    );
    assert_eq!(
        acts(&x),
        vec![(
            "PROTEST".to_owned(),
            Some("group:NOR:students".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    assert!(
        x.skipped.iter().any(|s| s.reason == "the aim of a protest"),
        "{:?}",
        x.skipped
    );
    // The day still dates the event.
    let y = run("Norway on Friday night expelled two Peruvian diplomats, on 3 March 2026.");
    assert_eq!(
        acts(&y),
        vec![(
            "SANCTION".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    assert_eq!(y.events[0].date.as_deref(), Some("2026-03-03"));
}

#[test]
fn a_numbers_approximation_is_left_out_of_the_parse() {
    // Read as a preposition, "Up to" made the crowd a phrase of its own, with no one acting.
    let x = run("Up to 100 Norwegian fishermen demonstrated in Lima against Peru.");
    assert_eq!(
        acts(&x),
        vec![(
            "PROTEST".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
}

#[test]
fn a_count_of_people_is_left_out_of_the_parse_and_the_people_act() {
    // Read whole, "Thousands of ... marched" made "marched" a clause describing the count, so
    // nobody marched; the count (however many are chained) is left out of the parse.
    let x = run("Tens of thousands of Norwegian students marched in Oslo against Peru.");
    assert_eq!(
        acts(&x),
        vec![(
            "PROTEST".to_owned(),
            Some("group:NOR:students".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    // The last count stays where nothing is counted after it, and a counted object is still
    // the one acted on (troops killing: a military attack).
    let y = run("Norwegian troops killed hundreds of thousands of Peruvians.");
    assert_eq!(
        acts(&y),
        vec![(
            "FIGHT".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
}

#[test]
fn fixed_adverbials_and_acts_reached_through_a_plain_verb() {
    // "in principle" read word by word hung the infinitive on "principle".
    let x = run("Norway agreed in principle to provide aid for Peru and Chile.");
    assert_eq!(
        acts(&x),
        vec![(
            "AGREE".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned(), "country:CHL".to_owned()]
        )]
    );
    // What is promised through a verb that is no act itself ("continue") is what the promise
    // is about: one pledge, by the one who promised, aimed where the aid goes.
    let y = run("Norway has promised to continue military aid to Peru.");
    assert_eq!(
        acts(&y),
        vec![(
            "AGREE".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
}

#[test]
fn providing_is_aid_only_when_what_is_provided_is_help() {
    let x = run("Norway supplied food and medicine to Peru.");
    assert_eq!(
        acts(&x),
        vec![(
            "AID".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    let y = run("Norway provided a detailed report on the talks to Peru.");
    assert!(
        !acts(&y)
            .iter()
            .any(|(c, _, t)| c == "AID" && t.contains(&"country:PER".to_owned())),
        "{:?}",
        acts(&y)
    );
    assert!(
        y.skipped
            .iter()
            .any(|k| k.reason == "provision-of-other-things"),
        "{:?}",
        y.skipped
    );
}

#[test]
fn a_noun_said_of_someone_describes_them_and_reports_no_act() {
    let x = run("Norway is now the real threat to Peru.");
    assert!(acts(&x).is_empty(), "{:?}", acts(&x));
    assert!(
        x.skipped
            .iter()
            .any(|k| k.reason == "a description, not an act"),
        "{:?}",
        x.skipped
    );
    // The same noun as an act is one.
    let y = run("Norway made a threat to Peru.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("country:NOR")),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_capital_where_an_act_is_aimed_brings_its_country_in() {
    // "Lima" alone is a place; the visit is to Peru, which becomes an actor for it.
    let x = run("Ola Berg arrived in Lima on a visit on Wednesday.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, _, t)| c == "CONSULT" && t == &vec!["country:PER".to_owned()]),
        "{:?}",
        acts(&x)
    );
    let peru = x.actors.iter().find(|a| a.key == "country:PER");
    assert!(
        peru.is_some_and(|a| a.name == "Peru" && a.mentions.len() == 1),
        "{:?}",
        x.actors
    );
    // A capital named only as where something is said brings in nothing.
    let y = run("Ola Berg spoke to reporters in Lima on Wednesday.");
    assert!(
        !y.actors.iter().any(|a| a.key == "country:PER"),
        "{:?}",
        y.actors
    );
    assert!(
        y.actors.iter().any(|a| a.name == "Ola Berg"),
        "{:?}",
        y.actors
    );
}

#[test]
fn a_countrys_office_named_without_a_person_acts_for_the_country() {
    let x = run("Norway's foreign minister condemned Peru on Monday.");
    assert_eq!(
        acts(&x),
        vec![(
            "DISAPPROVE".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    // With the person's name, the person acts.
    let y = run("Norway's foreign minister Ola Berg condemned Peru on Monday.");
    assert!(
        acts(&y)
            .iter()
            .any(|(c, s, _)| c == "DISAPPROVE"
                && s.as_deref().is_some_and(|s| s.starts_with("person:"))),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_year_is_left_out_of_the_parse_and_still_dates_the_event() {
    let x = run("The 2019 visit by Ola Berg to Peru angered Chile.");
    assert!(
        acts(&x)
            .iter()
            .any(|(c, _, t)| c == "CONSULT" && t.contains(&"country:PER".to_owned())),
        "{:?}",
        acts(&x)
    );
    let y = run("Norway condemned Peru in 2019.");
    assert_eq!(
        acts(&y),
        vec![(
            "DISAPPROVE".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )]
    );
    assert!(
        y.events
            .iter()
            .any(|e| e.date.as_deref().is_some_and(|d| d.starts_with("2019"))),
        "{:?}",
        y.events.iter().map(|e| &e.date).collect::<Vec<_>>()
    );
}

#[test]
fn neither_nor_negates_both_acts() {
    let x = run("Norway neither condemned nor praised Peru.");
    assert!(acts(&x).is_empty(), "{:?}", acts(&x));
    assert_eq!(
        x.skipped.iter().filter(|k| k.reason == "negated").count(),
        2,
        "{:?}",
        x.skipped
    );
    let y = run("Norway condemned Peru and praised Chile.");
    assert!(
        acts(&y).contains(&(
            "DISAPPROVE".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{:?}",
        acts(&y)
    );
}

#[test]
fn a_sentence_cut_off_after_a_case_word_is_read_without_a_panic() {
    // The long fuzz run found it: a noun trigger and a case word (and "the"), then nothing:
    // the word after the case was looked up past the end of the parse.
    for text in ["The talks with", "Peace talks with the"] {
        assert!(run(text).events.is_empty(), "{text}");
    }
    let x = run("Norway announced an embargo on");
    assert!(
        x.actors.iter().any(|a| a.key == "country:NOR"),
        "{:?}",
        x.actors
    );
}

#[test]
fn outlawing_reneging_pressure_and_retaking_ground_are_acts_between_their_parties() {
    let cases = [
        (
            "Norway outlawed the Peruvian Workers Party on Monday.",
            "COERCE",
            "country:NOR",
        ),
        (
            "Norway has reneged on its promise to Peru.",
            "REJECT",
            "country:NOR",
        ),
        (
            "Norway has been pressuring Peru to end the dispute.",
            "DEMAND",
            "country:NOR",
        ),
        (
            "Norwegian troops retook the border town from Peru on Monday.",
            "FIGHT",
            "country:NOR",
        ),
        (
            "Norway and Peru reached a consensus on fishing quotas.",
            "AGREE",
            "country:NOR",
        ),
    ];
    for (text, category, source) in cases {
        let x = run(text);
        let got = acts(&x);
        let involved = got.iter().any(|(c, s, t)| {
            c == category && (s.as_deref() == Some(source) || t.iter().any(|t| t == source))
        });
        assert!(
            involved,
            "{text}: {category} by or with {source}; got {got:?}"
        );
    }
}

#[test]
fn the_government_is_the_one_the_article_named_last() {
    let x = run("The Sudanese government met aid agencies on Monday. \
         Amnesty International accused the government of abuses.");
    assert!(
        acts(&x).contains(&(
            "DISAPPROVE".to_owned(),
            Some("org:amnesty".to_owned()),
            vec!["country:SDN".to_owned()]
        )),
        "{:?}",
        acts(&x)
    );
    // No government named before: the accusation stands, aimed at no one.
    let x = run("Amnesty International accused the government of abuses.");
    assert!(
        acts(&x).contains(&(
            "DISAPPROVE".to_owned(),
            Some("org:amnesty".to_owned()),
            Vec::new()
        )),
        "{:?}",
        acts(&x)
    );
}

#[test]
fn providing_someone_with_goods_is_aid_and_with_figures_is_not() {
    let x = run("Norway provided Peru with food and medicine on Monday.");
    assert!(
        acts(&x).contains(&(
            "AID".to_owned(),
            Some("country:NOR".to_owned()),
            vec!["country:PER".to_owned()]
        )),
        "{:?}",
        acts(&x)
    );
    let x = run("Norway provided Peru with the latest figures on Monday.");
    assert!(
        !acts(&x).iter().any(|(c, _, _)| c == "AID"),
        "{:?}",
        acts(&x)
    );
    assert!(x.actors.iter().any(|a| a.key == "country:PER"));
}
