//! The guarantees every [`Extraction`] makes about the text it was made from, checked in one
//! place: by project files before they trust stored extractions, and by the fuzz harnesses.

use super::Extraction;

fn in_text(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end && text.get(r.clone()).is_some()
}

/// The guarantees of an extraction of `text`: sentences in order inside the text, every
/// mention and role inside the text and (for mentions) inside its own sentence.
///
/// # Errors
/// The first broken guarantee, in words.
pub fn check_extraction(text: &str, x: &Extraction) -> Result<(), String> {
    let mut last = 0;
    for s in &x.sentences {
        if !in_text(text, s) || s.start < last {
            return Err(format!("sentence {s:?} outside the text or out of order"));
        }
        last = s.end;
    }
    let mention = |what: &str, m: &crate::extract::Mention| -> Result<(), String> {
        let sentence = x
            .sentences
            .get(m.sentence)
            .ok_or_else(|| format!("{what} mention {:?} names no sentence", m.span))?;
        if !in_text(text, &m.span) || m.span.start < sentence.start || m.span.end > sentence.end {
            return Err(format!(
                "{what} mention {:?} outside its sentence {sentence:?}",
                m.span
            ));
        }
        Ok(())
    };
    for a in &x.actors {
        for m in &a.mentions {
            mention(&a.key, m)?;
        }
    }
    for e in &x.events {
        for m in &e.mentions {
            mention(&e.key, m)?;
        }
        if e.readings.len() > e.mentions.len() {
            return Err(format!("event {} has more readings than mentions", e.key));
        }
        for r in &e.readings {
            for role in r.source.iter().chain(&r.targets).chain(&r.parties) {
                if !in_text(text, &role.span) {
                    return Err(format!(
                        "role {:?} of {} outside the text",
                        role.span, e.key
                    ));
                }
            }
        }
    }
    for i in &x.issues {
        for m in &i.mentions {
            mention(&i.key, m)?;
        }
    }
    for p in &x.places {
        mention("place", p)?;
    }
    for s in &x.skipped {
        if !in_text(text, &s.span) {
            return Err(format!("skipped trigger {:?} outside the text", s.span));
        }
    }
    Ok(())
}
