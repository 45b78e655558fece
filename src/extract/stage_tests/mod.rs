//! Unit tests of the extraction stages on short texts written for them: actors and their
//! roles, places, resolution, events and their direction, issues.

use std::sync::OnceLock;

use super::actors::is_geographic as is_geographic_name;
use super::{ActorKind, Event, Extraction, Lexicon, Plover, extract};
use crate::ingest::{Format, parse};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::embedded)
}

/// Extraction of a plain-text article whose first line is the title.
fn run(text: &str) -> Extraction {
    let article = parse("test.txt", text.as_bytes(), Format::Text).expect("the text parses");
    extract(&article, lexicon())
}

fn actor<'e>(x: &'e Extraction, key: &str) -> &'e super::Actor {
    x.actors
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("{key} among {:?}", keys(x)))
}

fn keys(x: &Extraction) -> Vec<&str> {
    x.actors.iter().map(|a| a.key.as_str()).collect()
}

fn events_of(x: &Extraction, category: Plover) -> Vec<&Event> {
    x.events.iter().filter(|e| e.category == category).collect()
}

mod claimed;
mod events;
mod honorifics;
mod layout;
mod names;
mod roles;
