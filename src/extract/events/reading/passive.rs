//! A reduced passive the parser gives a subject: "the resolution backed by Norway was
//! adopted", "the talks mediated by Peru ended" read as "the resolution backed", a clause
//! whose subject is the noun the participle describes.

use super::Tree;
use crate::extract::parse::{Deprel, Upos};

impl Tree<'_> {
    /// Whether verb `w` is a past participle the parser made a clause of: it ends in "-ed" or
    /// "-en", has a subject before it and a named agent with "by" after it, and no object,
    /// auxiliary, copula or marker. No active verb takes an agent; the subject is what the
    /// act is done to.
    pub(super) fn misread_reduced_passive(&self, w: usize) -> bool {
        let word = self.lower[w].as_ref();
        if !(word.ends_with("ed") || word.ends_with("en")) || self.pos(w) != Upos::Verb {
            return false;
        }
        let children = &self.children[w];
        let rel = |c: usize| self.parse.words[c].deprel;
        let subject = children.iter().any(|&c| c < w && rel(c) == Deprel::NSUBJ);
        let agent = children.iter().any(|&c| {
            c > w
                && rel(c) == Deprel::OBL_AGENT
                // (a name: "conferred by video link" is a means, not an agent)
                && (self.is_name[c] || self.pos(c) == Upos::Pron)
                && self.case_of(c) == Some("by")
        });
        // ("The policy supported by X is one we back": an "object" with a copula of its own
        // is the main clause's predicate, which the parser hung there.)
        let predicate = |c: usize| self.children[c].iter().any(|&k| rel(k) == Deprel::COP);
        let active = children.iter().any(|&c| {
            matches!(
                rel(c).name(),
                "aux" | "aux:pass" | "cop" | "mark" | "iobj" | "ccomp"
            ) || rel(c) == Deprel::OBJ && !predicate(c)
        });
        subject && agent && !active
    }
}
