//! Stage tests for constructions the lead found in stop 37: an answer to someone's act is an
//! act of its own.

use super::tests::kinds;

fn has(
    got: &[(String, String, Option<String>, Vec<String>)],
    category: &str,
    kind: &str,
    source: &str,
    target: Option<&str>,
) -> bool {
    got.iter().any(|(c, k, s, t)| {
        c == category
            && k == kind
            && s.as_deref() == Some(source)
            && t.iter().map(String::as_str).eq(target)
    })
}

#[test]
fn accepting_or_praising_someones_act_is_an_answer_not_that_act() {
    // The noun names the other side's act, of the same category as the answer: the answer is
    // not that act told again ("Pledge: Chile" for Chile's acceptance), it is aimed at whoever
    // made it.
    for (text, answer, answered) in [
        (
            "Chile accepted Peru's promise that the border would stay open.",
            ("AGREE", "acceptance"),
            ("AGREE", "pledge"),
        ),
        (
            "Chile accepted an offer from Peru to mediate.",
            ("AGREE", "acceptance"),
            ("AGREE", "pledge"),
        ),
        (
            "Chile welcomed Peru's backing.",
            ("SUPPORT", "welcome"),
            ("SUPPORT", "endorsement"),
        ),
    ] {
        let got = kinds(text);
        assert!(
            has(&got, answer.0, answer.1, "country:CHL", Some("country:PER")),
            "{text}: {got:?}"
        );
        assert!(
            got.iter().any(|(c, k, s, _)| c == answered.0
                && k == answered.1
                && s.as_deref() == Some("country:PER")),
            "{text}: {got:?}"
        );
        assert!(
            !got.iter()
                .any(|(_, k, s, _)| k == answered.1 && s.as_deref() == Some("country:CHL")),
            "{text}: {got:?}"
        );
    }
    // A noun of the verb's own act is still that act: "provided aid to Peru" is one AID.
    let got = kinds("Chile provided aid to Peru.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].0 == "AID" && got[0].2.as_deref() == Some("country:CHL"),
        "{got:?}"
    );
}

#[test]
fn denying_or_admitting_links_to_someone_is_not_aimed_at_them() {
    // What a denial or an admission is about is no one it is made to: "links to the rebels"
    // names the rebels as the links' other end (`association_nouns`).
    for (text, category) in [
        ("Peru denied links to Chilean rebels.", "REJECT"),
        ("Peru admitted ties to Chilean rebels.", "CONCEDE"),
    ] {
        let got = kinds(text);
        assert!(
            got.iter().any(|(c, _, s, t)| c == category
                && s.as_deref() == Some("country:PER")
                && t.is_empty()),
            "{text}: {got:?}"
        );
    }
    // Whom a denial refuses something to is still its target.
    let got = kinds("Norway denied entry to Chilean trawlers.");
    assert!(
        got.iter().any(|(c, _, s, t)| c == "REJECT"
            && s.as_deref() == Some("country:NOR")
            && !t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn aid_given_to_help_someone_is_aimed_at_them() {
    // The purpose clause names who is helped: the aid or pledge is aimed at them, whether
    // "to help" hangs on the act, on what is given, or helps them do something.
    for text in [
        "Norway sent aid to help Chile.",
        "Norway gave ten million euros to help rebuild Chile.",
        "Norway pledged 200 million dollars to help Chile recover from the floods.",
    ] {
        let got = kinds(text);
        assert!(
            got.iter().any(|(c, _, s, t)| (c == "AID" || c == "AGREE")
                && s.as_deref() == Some("country:NOR")
                && t == &["country:CHL".to_owned()]),
            "{text}: {got:?}"
        );
    }
    // Helping to do something to someone is not helping them.
    let got = kinds("Norway gave ten million euros to help fight Chilean rebels.");
    assert!(
        got.iter()
            .any(|(c, _, s, t)| c == "AID" && s.as_deref() == Some("country:NOR") && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn who_is_accused_of_an_act_is_said_to_do_it() {
    // "accused Peru of expelling ...": the parse hangs the act on the accused, whom the
    // accusation says did it (a claim of the accuser's).
    let got = kinds("Chile accused Peru of expelling Chilean workers.");
    assert!(
        has(
            &got,
            "DISAPPROVE",
            "accusation",
            "country:CHL",
            Some("country:PER")
        ),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, _, s, _)| c == "SANCTION" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
    // What a risk or an idea is of has no one acting in it.
    let got = kinds("Peru faces the risk of attacking Chile.");
    assert!(got.iter().all(|(_, _, s, _)| s.is_none()), "{got:?}");
}

#[test]
fn sides_that_agree_to_act_together_agree_with_each_other() {
    // What they agree to do lends them back as who is to do it: that names no one else, so
    // the agreement is still theirs, between them.
    let got = kinds("Chile and Peru agreed to resume talks on fishing rights.");
    assert!(
        has(
            &got,
            "AGREE",
            "agreement",
            "country:CHL",
            Some("country:PER")
        ),
        "{got:?}"
    );
}

#[test]
fn a_past_form_read_as_a_noun_before_a_reporting_verb_is_the_verb() {
    // "…, the army said" after a clause with no verb the tagger saw: the past form between
    // two nouns is the reported clause's verb, as it is in a sentence of its own.
    let got = kinds("Chilean jets struck targets in Tacna overnight, the army said.");
    assert!(
        got.iter().any(|(c, _, s, t)| c == "FIGHT"
            && s.as_deref() == Some("country:CHL")
            && t == &["country:PER".to_owned()]),
        "{got:?}"
    );
}

#[test]
fn goods_banned_from_a_country_are_a_sanction_on_it() {
    // "from Peru" after traded goods says where they come from: a ban on them is a sanction
    // on Peru, not a ban keeping someone from doing something.
    let got = kinds("Chile banned imports from Peru.");
    assert!(
        got.iter().any(|(c, _, s, t)| c == "SANCTION"
            && s.as_deref() == Some("country:CHL")
            && t == &["country:PER".to_owned()]),
        "{got:?}"
    );
    let got = kinds("Chile banned Peruvian candidates from standing in the election.");
    assert!(
        got.iter()
            .any(|(c, _, s, _)| c == "COERCE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn aid_one_will_not_give_is_refused() {
    // "will not deliver missiles to Peru": what one says one will not give is a refusal
    // aimed at whom it was for (`refusable_categories`), as "will not accept" is.
    let got = kinds("Chile will not deliver missiles to Peru, the president said.");
    assert!(
        has(
            &got,
            "REJECT",
            "refusal",
            "country:CHL",
            Some("country:PER")
        ),
        "{got:?}"
    );
    // Aid not given, with no refusing modal, is no event.
    assert!(kinds("Chile did not provide aid to Peru.").is_empty());
}

#[test]
fn a_sense_that_holds_whatever_the_parse_is_known_before_it() {
    // "sent" with none of the words a dispatch of aid needs anywhere in the sentence is
    // dropped before the sentence is parsed; with one of them, the parse decides.
    let senses = &super::tests::lexicon().arguments.senses;
    let sent = senses
        .iter()
        .find(|s| s.id == "sent-no-aid")
        .expect("the sense sent-no-aid");
    assert!(sent.before_reading);
    assert!(sent.holds_without_a_parse("norway sent a letter to peru.", Some("a")));
    assert!(!sent.holds_without_a_parse("norway sent food and tents to peru.", Some("food")));
    // A sense with a condition on anything but absent children needs the parse.
    let other = senses
        .iter()
        .find(|s| !s.before_reading)
        .expect("a sense read with the parse");
    assert!(!other.holds_without_a_parse("", None));
    // And the events are the same as with the parse.
    assert!(kinds("Norway sent a letter to Peru on Monday.").is_empty());
}
