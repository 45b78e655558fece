//! Stage tests for the families the stop-36 probe left: strikes that kill (one act, not a
//! killing beside an airstrike), "by" after the deed an inquiry looks into, calls ignored
//! and sites inspected.

use super::tests::{act, acts, run};

#[test]
fn strikes_that_kill_are_one_attack_on_the_victims() {
    // "Chilean airstrikes killed ten Peruvian soldiers" gave an ASSAULT killing aimed at
    // Peru and a FIGHT airstrike with no target: two events for one act.
    let x = run("Chilean airstrikes killed ten Peruvian soldiers.");
    let got = acts(&x);
    assert_eq!(
        got,
        vec![act("FIGHT", Some("country:CHL"), &["country:PER"])],
        "{got:?}"
    );
    let y = run("Norwegian shelling killed three people in Chile on Monday.");
    let got = acts(&y);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "FIGHT", "{got:?}");
    assert!(got[0].2.iter().any(|k| k == "country:CHL"), "{got:?}");
}

#[test]
fn by_after_the_deed_an_inquiry_looks_into_names_the_suspect() {
    // "an investigation into crimes by Chilean officials": the parser hangs "by" on the
    // investigation, so Chile investigated and no one was looked into.
    let x = run(
        "Prosecutors in Oslo opened an investigation into alleged war crimes by Chilean officials.",
    );
    let got = acts(&x);
    assert!(
        got.iter().any(|(c, s, t)| c == "INVESTIGATE"
            && s.as_deref() != Some("country:CHL")
            && t.iter().any(|k| k == "country:CHL")),
        "{got:?}"
    );
    // "by" before "into" still names who holds the inquiry.
    let y = run("An inquiry by Norway into abuses in Chile began on Monday.");
    let got = acts(&y);
    assert!(
        got.iter()
            .any(|(c, s, _)| c == "INVESTIGATE" && s.as_deref() == Some("country:NOR")),
        "{got:?}"
    );
}

#[test]
fn the_deed_an_inquiry_looks_into_is_no_event_of_its_own() {
    // With the suspect found, "alleged war crimes by Chilean soldiers" became an ASSAULT by
    // Chile beside the inquiry: what an inquiry looks into is not established.
    let x = run(
        "Prosecutors in Oslo opened an investigation into alleged war crimes by Chilean officials.",
    );
    let got = acts(&x);
    assert!(got.iter().all(|(c, _, _)| c == "INVESTIGATE"), "{got:?}");
}

#[test]
fn ignoring_calls_refuses_them_and_inspecting_looks_into() {
    // Neither "ignored" nor "inspect" was a trigger.
    let x = run("Chile has ignored repeated calls by Peru to resume talks.");
    let got = acts(&x);
    assert!(
        got.contains(&act("REJECT", Some("country:CHL"), &["country:PER"])),
        "{got:?}"
    );
    let y = run("Chilean officials ignored the problem for years.");
    assert!(acts(&y).is_empty(), "{:?}", acts(&y));
    let z = run("United Nations experts inspected Peru's nuclear site on Monday.");
    let got = acts(&z);
    assert!(
        got.iter()
            .any(|(c, _, t)| c == "INVESTIGATE" && t.iter().any(|k| k == "country:PER")),
        "{got:?}"
    );
}
