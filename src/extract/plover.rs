//! PLOVER event categories (Political Language Ontology for Verifiable Event Records) and their
//! quad classes.

use serde::{Deserialize, Serialize};

/// A PLOVER event category. Exports written before the 2026-12 rename used `REQUEST` (now
/// `DEMAND`) and `ACCUSE` (now `DISAPPROVE`); both old names still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs, reason = "the names are the PLOVER categories")]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Investigate,
    #[serde(alias = "REQUEST")]
    Demand,
    #[serde(alias = "ACCUSE")]
    Disapprove,
    Reject,
    Threaten,
    Protest,
    Mobilize,
    Sanction,
    Coerce,
    Assault,
    Fight,
}

/// Verbal or material, cooperation or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuadClass {
    /// Statements of cooperation.
    VerbalCooperation,
    /// Acts of cooperation.
    MaterialCooperation,
    /// Statements of conflict.
    VerbalConflict,
    /// Acts of conflict.
    MaterialConflict,
}

impl QuadClass {
    /// All four, from cooperation to conflict.
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    /// Plain words for labels.
    pub fn label(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }

    /// Tone from cooperation (+1) to conflict (-1), for colour scales and means.
    pub fn tone(self) -> f32 {
        match self {
            QuadClass::VerbalCooperation => 0.5,
            QuadClass::MaterialCooperation => 1.0,
            QuadClass::VerbalConflict => -0.5,
            QuadClass::MaterialConflict => -1.0,
        }
    }
}

impl Plover {
    /// All categories, in PLOVER order (from cooperation to conflict).
    pub const ALL: [Plover; 18] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Investigate,
        Plover::Demand,
        Plover::Disapprove,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Mobilize,
        Plover::Sanction,
        Plover::Coerce,
        Plover::Assault,
        Plover::Fight,
    ];

    /// The upper-case PLOVER name.
    pub fn name(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Concede => "CONCEDE",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Retreat => "RETREAT",
            Plover::Investigate => "INVESTIGATE",
            Plover::Demand => "DEMAND",
            Plover::Disapprove => "DISAPPROVE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Mobilize => "MOBILIZE",
            Plover::Sanction => "SANCTION",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
            Plover::Fight => "FIGHT",
        }
    }

    /// Parses a PLOVER name, in any case; the pre-rename names `REQUEST` and `ACCUSE` (and
    /// PLOVER's modes `ACCUSE`, `CRITICIZE`) map to their current categories.
    pub fn from_name(name: &str) -> Option<Plover> {
        let upper = name.trim().to_ascii_uppercase();
        match upper.as_str() {
            "REQUEST" => return Some(Plover::Demand),
            "ACCUSE" | "CRITICIZE" => return Some(Plover::Disapprove),
            _ => {}
        }
        Plover::ALL.into_iter().find(|p| p.name() == upper)
    }

    /// The quad class. PLOVER orders its categories from cooperation to conflict; the split
    /// into verbal and material follows CAMEO's quad classes for the same acts (a demand, a
    /// disapproval, a rejection and a threat are said; a protest, a mobilization, a sanction,
    /// coercion, an assault and a fight are done).
    pub fn quad(self) -> QuadClass {
        match self {
            Plover::Agree | Plover::Consult | Plover::Support => QuadClass::VerbalCooperation,
            Plover::Concede
            | Plover::Cooperate
            | Plover::Aid
            | Plover::Retreat
            | Plover::Investigate => QuadClass::MaterialCooperation,
            Plover::Demand | Plover::Disapprove | Plover::Reject | Plover::Threaten => {
                QuadClass::VerbalConflict
            }
            Plover::Protest
            | Plover::Mobilize
            | Plover::Sanction
            | Plover::Coerce
            | Plover::Assault
            | Plover::Fight => QuadClass::MaterialConflict,
        }
    }

    /// True when the event has no natural direction (both sides do the same thing).
    pub fn is_mutual(self) -> bool {
        matches!(self, Plover::Agree | Plover::Consult | Plover::Cooperate)
    }

    /// The relation drawn between a source and a target actor, in past tense.
    pub fn relation(self) -> &'static str {
        match self {
            Plover::Agree => "agreed with",
            Plover::Consult => "met",
            Plover::Support => "supported",
            Plover::Concede => "conceded to",
            Plover::Cooperate => "cooperated with",
            Plover::Aid => "aided",
            Plover::Retreat => "withdrew from",
            Plover::Investigate => "investigated",
            Plover::Demand => "called on",
            Plover::Disapprove => "criticized",
            Plover::Reject => "rejected",
            Plover::Threaten => "threatened",
            Plover::Protest => "protested against",
            Plover::Mobilize => "mobilized against",
            Plover::Sanction => "sanctioned",
            Plover::Coerce => "coerced",
            Plover::Assault => "attacked",
            Plover::Fight => "fought",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Plover::ALL {
            assert_eq!(Plover::from_name(p.name()), Some(p));
        }
        assert_eq!(Plover::from_name("nonsense"), None);
        // Names written by older exports.
        assert_eq!(Plover::from_name("REQUEST"), Some(Plover::Demand));
        assert_eq!(Plover::from_name("accuse"), Some(Plover::Disapprove));
        let old: Plover = serde_json::from_str("\"ACCUSE\"").expect("old name reads");
        assert_eq!(old, Plover::Disapprove);
        assert_eq!(
            serde_json::to_string(&Plover::Demand).expect("serializes"),
            "\"DEMAND\""
        );
    }

    #[test]
    fn quad_classes_cover_both_axes() {
        assert_eq!(Plover::Consult.quad(), QuadClass::VerbalCooperation);
        assert_eq!(Plover::Aid.quad(), QuadClass::MaterialCooperation);
        assert_eq!(Plover::Reject.quad(), QuadClass::VerbalConflict);
        assert_eq!(Plover::Assault.quad(), QuadClass::MaterialConflict);
    }
}
