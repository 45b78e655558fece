//! Stage tests for the aim of a protest named by a phrase: "staged a hunger strike in protest
//! against X" is one protest, the strike, aimed at X.

use super::tests::{act, acts, run};

#[test]
fn a_protest_phrase_after_a_strike_is_the_strikes_aim() {
    let x = run(
        "Ola Berg staged a hunger strike in prison on Sunday in protest against abuses by Chilean security forces.",
    );
    let got = acts(&x);
    let protests: Vec<_> = got.iter().filter(|a| a.0 == "PROTEST").collect();
    assert!(protests.len() == 1 && !protests[0].2.is_empty(), "{got:?}");
    let y = run("Ola Berg began a hunger strike in protest of the Chilean government's decision.");
    let got = acts(&y);
    assert_eq!(
        got.iter().filter(|a| a.0 == "PROTEST").collect::<Vec<_>>(),
        [&act("PROTEST", Some("person:ola-berg"), &["country:CHL"])],
        "{got:?}"
    );
}
