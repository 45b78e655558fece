//! PLOVER event categories (Political Language Ontology for Verifiable Event Records) and their
//! quad classes.

use serde::{Deserialize, Serialize};

/// A PLOVER event category.
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
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// Verbal or material, cooperation or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

impl Plover {
    /// All categories, in PLOVER order.
    pub const ALL: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
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
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
        }
    }

    /// Parses an upper-case PLOVER name.
    pub fn from_name(name: &str) -> Option<Plover> {
        Plover::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// The quad class.
    pub fn quad(self) -> QuadClass {
        match self {
            Plover::Agree | Plover::Consult | Plover::Support | Plover::Request => {
                QuadClass::VerbalCooperation
            }
            Plover::Concede | Plover::Cooperate | Plover::Aid | Plover::Retreat => {
                QuadClass::MaterialCooperation
            }
            Plover::Accuse | Plover::Reject | Plover::Threaten => QuadClass::VerbalConflict,
            Plover::Protest
            | Plover::Sanction
            | Plover::Mobilize
            | Plover::Coerce
            | Plover::Assault => QuadClass::MaterialConflict,
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
            Plover::Request => "appealed to",
            Plover::Accuse => "accused",
            Plover::Reject => "condemned",
            Plover::Threaten => "threatened",
            Plover::Protest => "protested against",
            Plover::Sanction => "sanctioned",
            Plover::Mobilize => "mobilized against",
            Plover::Coerce => "coerced",
            Plover::Assault => "attacked",
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
    }

    #[test]
    fn quad_classes_cover_both_axes() {
        assert_eq!(Plover::Consult.quad(), QuadClass::VerbalCooperation);
        assert_eq!(Plover::Aid.quad(), QuadClass::MaterialCooperation);
        assert_eq!(Plover::Reject.quad(), QuadClass::VerbalConflict);
        assert_eq!(Plover::Assault.quad(), QuadClass::MaterialConflict);
    }
}
