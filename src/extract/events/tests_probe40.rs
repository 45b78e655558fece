//! Stage tests for the wire constructions the stop-40 probe found: deals reached or struck,
//! lending halted, a condition hung on the act's object, a strike gone on, forces put on
//! standby, a visitor named in one word, inquiries ordered by someone, outlets shut down,
//! ministers who confer, dismay voiced and work alongside another.

use super::tests::{act, acts, run};

#[test]
fn a_deal_reached_is_an_agreement() {
    // "deal" was no trigger: only the fixed "struck a deal" was read.
    let x = run("Chile and Peru reached a deal on fishing rights.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AGREE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    // The verb, and a quantity, are no agreement (`deal-as-a-verb`, `a-great-deal`).
    let y = run("Chile will deal with the crisis on Monday.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
    let z = run("Chile spent a great deal of money on the border.");
    assert!(
        acts(&z).iter().all(|(c, _, _)| c != "AGREE"),
        "{:?}",
        acts(&z)
    );
}

#[test]
fn a_deal_struck_is_no_airstrike() {
    // "struck a preliminary deal" was an airstrike (`struck-a-deal`); "struck a tone" one
    // too (`struck-a-tone`).
    let x = run("Chile and Peru struck a preliminary deal on fishing rights.");
    let got = acts(&x);
    assert!(
        got.contains(&act("AGREE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    assert!(got.iter().all(|(c, _, _)| c != "FIGHT"), "{got:?}");
    let y = run("The Chilean president struck a conciliatory tone toward Peru.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
}

#[test]
fn lending_halted_is_a_sanction() {
    // "lending" was not among what `relations-suspended` reads as ties cut: a step back.
    let x = run("Norway halted new lending to Peru.");
    let got = acts(&x);
    assert!(
        got.contains(&act("SANCTION", Some("country:NOR"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn a_condition_hung_on_the_object_holds_the_act_out() {
    // The parser hangs "if Peru sent warships" on "the Strait", the nearest noun: the closing
    // was read as only possible; a strait was no crossing that can be closed either.
    let x = run("Chile said it could close the Strait of Magellan if Peru sent warships.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "THREATEN" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}

#[test]
fn a_strike_gone_on_is_its_subject_s_protest() {
    // "went on a hunger strike": the strike had no source (only "went on strike" was a form).
    let x = run("Chilean miners went on a hunger strike on Monday.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, _)| c == "PROTEST" && s.is_some()),
        "{got:?}"
    );
}

#[test]
fn reservists_put_on_standby_are_mobilized() {
    let x = run("Chile put 3,000 reservists on standby.");
    let got = acts(&x);
    assert!(
        got.contains(&act("MOBILIZE", Some("country:CHL"), &[])),
        "{got:?}"
    );
}

#[test]
fn a_minister_named_in_one_word_is_a_visitor_received() {
    // "Peru's foreign minister" is one name to the parser, so `received-no-visitor` found no
    // visitor among the words it knows and dropped the reception.
    let x = run("Chile's president received Peru's foreign minister.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn an_inquiry_ordered_by_someone_is_theirs() {
    // `probed-agent-noun` took "ordered by the parliament" for who is investigated.
    let x =
        run("An inquiry ordered by the Chilean parliament will look into the logging contract.");
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "INVESTIGATE"
            && s.as_deref() == Some("country:CHL")
            && t.is_empty()),
        "{got:?}"
    );
}

#[test]
fn a_newspaper_shut_down_is_coerced() {
    // "shut down" was no trigger; plants shut down stay no act (`shut-no-outlet`).
    let x = run("Chilean authorities shut down the last independent newspaper in Santiago.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COERCE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
    let y = run("Peru shut down two steel plants on Monday.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
}

#[test]
fn ministers_who_confer_consult() {
    // "conferred" was no trigger; a medal conferred on someone is no meeting.
    let x = run("Chilean and Peruvian ministers conferred by video link on Thursday.");
    let got = acts(&x);
    assert!(
        got.contains(&act("CONSULT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("The Chilean president conferred a medal on Ana Ruiz.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
}

#[test]
fn dismay_voiced_is_disapproval() {
    // "voiced concern at" was read; "voiced dismay at" was no trigger.
    let x = run("Chile voiced dismay at Peru's decision to raise tariffs.");
    let got = acts(&x);
    assert!(
        got.contains(&act("DISAPPROVE", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
}

#[test]
fn working_alongside_another_is_cooperation() {
    // "working alongside" was no trigger ("working with" was), and "alongside" introduced no
    // counterpart.
    let x = run("Chilean police, working alongside Peruvian agents, seized a cocaine laboratory.");
    let got = acts(&x);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "COOPERATE" && s.as_deref() == Some("country:CHL")),
        "{got:?}"
    );
}
