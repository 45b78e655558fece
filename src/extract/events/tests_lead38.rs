//! Stage tests for constructions the lead found in stop 38: agreements ended, sides that plan
//! to meet, plural pronouns for conjoined sides, prepositions the treebank lacks.

use super::tests::kinds;

/// Whether `got` has an event of `category` from `source` aimed at `target` alone.
fn has(
    got: &[(String, String, Option<String>, Vec<String>)],
    category: &str,
    source: &str,
    target: &str,
) -> bool {
    got.iter()
        .any(|(c, _, s, t)| c == category && s.as_deref() == Some(source) && t == &[target])
}

#[test]
fn an_agreement_suspended_frozen_cancelled_or_quit_is_reneged_on() {
    // The verb of ending is no step back (RETREAT) of its own, and the agreement's noun no
    // agreement made: the two read together as reneging on the other side.
    for text in [
        "Peru suspended the fishing agreement with Chile on Monday.",
        "Peru froze the fishing agreement with Chile.",
        "Peru quit the arms treaty with Chile.",
        "Peru cancelled its trade deal with Chile.",
    ] {
        let got = kinds(text);
        assert_eq!(
            got,
            [(
                "REJECT".to_owned(),
                "reneging".to_owned(),
                Some("country:PER".to_owned()),
                vec!["country:CHL".to_owned()]
            )],
            "{text}"
        );
    }
    // Suspending what is no agreement stays as it was.
    let got = kinds("Peru suspended flights to Chile on Monday.");
    assert!(
        has(&got, "SANCTION", "country:PER", "country:CHL"),
        "{got:?}"
    );
}

#[test]
fn sides_that_will_meet_pledge_it_to_each_other() {
    // Said of the future, talks are a pledge; the two sides named as its subjects are still
    // each other's counterparts, as they are when the talks were held.
    for text in [
        "Chile and Peru will hold talks on Friday.",
        "Chile and Peru will meet next month.",
    ] {
        let got = kinds(text);
        assert_eq!(
            got,
            [(
                "AGREE".to_owned(),
                "pledge".to_owned(),
                Some("country:CHL".to_owned()),
                vec!["country:PER".to_owned()]
            )],
            "{text}"
        );
    }
}

#[test]
fn their_stands_for_every_side_named_together() {
    // "their" owns the talks; it stands for both sides of the conjoined subject, so the
    // meeting has its two parties (it was dropped as a meeting with one).
    let got = kinds("Chile and Peru held their first talks in years.");
    assert_eq!(
        got,
        [(
            "CONSULT".to_owned(),
            "talks".to_owned(),
            Some("country:CHL".to_owned()),
            vec!["country:PER".to_owned()]
        )],
    );
}

#[test]
fn amid_is_read_as_a_preposition() {
    // Read as a noun, "amid" made "curfew amid protests" one noun phrase: Peru "protested"
    // and imposed nothing.
    let got = kinds("Peru imposed a curfew amid protests in Lima.");
    assert!(
        got.iter()
            .any(|(c, _, s, _)| c == "COERCE" && s.as_deref() == Some("country:PER")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(c, ..)| c == "PROTEST"), "{got:?}");
    let got = kinds("Chile closed its border with Peru amidst protests.");
    assert!(
        got.iter().any(|(c, k, s, t)| c == "SANCTION"
            && k == "closing"
            && s.as_deref() == Some("country:CHL")
            && t == &["country:PER"]),
        "{got:?}"
    );
}

#[test]
fn forces_put_on_the_highest_alert_are_mobilized() {
    for text in [
        "Norway put its navy on maximum alert.",
        "Peru placed its army on the highest alert after the incident.",
    ] {
        let got = kinds(text);
        assert!(
            got.iter().any(|(c, k, s, _)| c == "MOBILIZE"
                && k == "alert"
                && s.as_deref().is_some_and(|s| s.starts_with("country:"))),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn who_acts_in_support_of_someone_supports_them() {
    // "in support of X" is done by the clause's subject for X; X was read as the supporter.
    for text in [
        "Norway sent warships to the region in support of Chile.",
        "Norway voted in support of Chile on Monday.",
    ] {
        let got = kinds(text);
        assert!(
            has(&got, "SUPPORT", "country:NOR", "country:CHL"),
            "{text}: {got:?}"
        );
        assert!(
            !got.iter()
                .any(|(_, _, s, _)| s.as_deref() == Some("country:CHL")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn who_is_killed_in_an_attack_is_hit_by_its_maker() {
    // The killing had no source and the strike no target; each now names both.
    let got = kinds("A Chilean soldier was killed in a Peruvian drone strike on Monday.");
    for category in ["ASSAULT", "FIGHT"] {
        assert!(
            has(&got, category, "country:PER", "country:CHL"),
            "{category}: {got:?}"
        );
    }
    let got = kinds("Two Chilean soldiers were wounded in an attack by Peru.");
    assert!(
        has(&got, "ASSAULT", "country:PER", "country:CHL"),
        "{got:?}"
    );
}

#[test]
fn the_delivery_of_arms_approved_is_aid_to_whom_it_goes() {
    let got = kinds("Norway approved the delivery of tanks to Chile.");
    assert!(has(&got, "AID", "country:NOR", "country:CHL"), "{got:?}");
    // The delivery of anything else is no aid.
    let got = kinds("Norway improved the delivery of public services in Chile.");
    assert!(!got.iter().any(|(c, ..)| c == "AID"), "{got:?}");
}

#[test]
fn force_used_against_someone_is_aimed_at_them_and_a_reported_clause_keeps_its_subject() {
    // The parser hung "ships" on "said" with "Lima", so the water cannon had no one using it.
    let got =
        kinds("Chilean coast guard ships used water cannon against a Peruvian vessel, Lima said.");
    assert!(has(&got, "COERCE", "country:CHL", "country:PER"), "{got:?}");
}
