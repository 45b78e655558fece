//! From one trigger's reading to a report of an event: the actors in each role, the sense of
//! the trigger, an obligation, a failed agreement or an intent turned into the act it is, the
//! place, who takes part, and the event's key. A trigger that gives no event says why.

use std::ops::Range;

use super::arguments::{PlaceHit, SentenceResolver};
use super::patterns::Role;
use super::reading::{self, Argument, Obligation, PlacesFrom, Reading, Tree};
use super::senses::{self, Effect};
use super::sentence::Article;
use super::{Match, Report, date_in};
use crate::extract::actors::Found;
use crate::extract::lexicon::TriggerEntry;
use crate::extract::parse::Deprel;
use crate::extract::plover::{Plover, QuadClass};
use crate::extract::{EventReading, Mention, Modality, RoleSpan};

/// Why a trigger gives no event: the reason recorded as skipped, or none when the trigger
/// lexicon lacks the kind it would become.
pub(super) type Dropped = Option<String>;

/// One parsed sentence under reading, with what its readings become reports against.
pub(super) struct SentenceCtx<'s, 'a> {
    pub(super) article: &'s Article<'a>,
    /// The sentence's tokens.
    pub(super) tokens: &'s Range<usize>,
    pub(super) tree: &'s Tree<'s>,
    pub(super) resolver: &'s SentenceResolver<'s, 'a, 'a, 's>,
    /// The sentence's trigger matches.
    pub(super) matches: &'s [Match],
}

/// An event being decided from a trigger's reading: its trigger and category as they stand,
/// who takes part in which role, and the patterns that said so.
struct Draft<'a> {
    trigger: &'a TriggerEntry,
    category: Plover,
    source: Option<RoleSpan>,
    co_sources: Vec<RoleSpan>,
    targets: Vec<RoleSpan>,
    parties: Vec<RoleSpan>,
    patterns_used: Vec<String>,
    /// The targets are the other sides of a mutual act named with its source.
    mutual_sides: bool,
}

impl<'a> SentenceCtx<'_, 'a> {
    /// The report of the event that match `m` (parse words `range`, of category `category`)
    /// states, read as `r`, or why it states none.
    pub(super) fn report(
        &self,
        m: &Match,
        range: &Range<usize>,
        r: &Reading,
        category: Plover,
        mention: Mention,
    ) -> Result<Report<'a>, Dropped> {
        let lex = self.article.lex;
        // "provided military aid": the noun names the act the verb does.
        let trigger = &lex.triggers[r.named_by.map_or(m.trigger, |k| self.matches[k].trigger)];
        log::debug!("{:?}: {:?}", trigger.kind, r);
        if let Some(why) = r.unreal {
            return Err(Some(why.to_owned()));
        }
        let mut d = Draft {
            trigger,
            category,
            source: None,
            co_sources: Vec::new(),
            targets: Vec::new(),
            parties: Vec::new(),
            patterns_used: Vec::new(),
            mutual_sides: false,
        };
        self.fill_roles(&r.arguments, &mut d);
        // "a statement that drew condemnation from Beijing": a reaction with no target named
        // is aimed at whoever the sentence is about, its main subject.
        if d.targets.is_empty()
            && matches!(
                d.category,
                Plover::Disapprove | Plover::Reject | Plover::Support
            )
        {
            self.reaction_to_subject(range, &mut d);
        }
        let read_as = d.category;
        self.apply_senses(r, range, &mut d)?;
        // "attacked the decision by the court": a sense that makes the act another
        // (an attack in words is criticism) lets that act's patterns fill the roles still
        // empty.
        if d.category != read_as {
            let again = reading::pattern_arguments(
                self.tree,
                &lex.arguments,
                range,
                (d.category, d.trigger.kind.as_str()),
            );
            let new: Vec<Argument> = again
                .into_iter()
                .filter(|a| !r.arguments.iter().any(|b| b.pattern == a.pattern))
                .collect();
            self.fill_roles(&new, &mut d);
        }
        if r.obligation.is_some() {
            self.obligation(r, &mention.span, &mut d)?;
        }
        // An agreement tried for and not reached; what its subject will not give, refused.
        if let Some((kind, why)) = r.read_as
            && let Some(t) = lex.triggers.iter().find(|t| t.kind == kind)
            && let Some(c) = Plover::from_name(&t.category)
        {
            d.patterns_used.push(format!("{why}:{}", d.trigger.kind));
            d.trigger = t;
            d.category = c;
        }
        let acted = (d.category, d.trigger.kind.as_str());
        let modality = self.intent(r, &mut d);
        let (place, places) = self.places(r, &mut d);
        self.place_target(r, acted, &places, (range, &mention.span), &mut d);
        // A mutual act (`mutual_kinds`), as a verb or as the object of one ("held talks",
        // "signed a pact"), with no one else named on them as acted on, not even someone
        // unnamed ("met supporters' representatives"): its subjects are its sides. The
        // object of an agreement or a signing is what is agreed (`mutual_content_kinds`:
        // "signed a trade pact"), not a side.
        let words = &self.tree.parse.words;
        let support = range
            .clone()
            .find(|&w| words[w].deprel == Deprel::OBJ)
            .and_then(|w| words[w].head);
        let on_act = |h: usize| range.contains(&h) || support == Some(h);
        // The act as told, before an intent made it a pledge ("Chile and Peru will hold
        // talks" is a pledge the two make to each other).
        let content = lex.arguments.has("mutual_content_kinds", acted.1);
        let mutual = lex.arguments.has("mutual_kinds", acted.1)
            && (support.is_some()
                || range
                    .clone()
                    .any(|w| self.tree.pos(w) == crate::extract::parse::Upos::Verb))
            && !r.arguments.iter().any(|a| {
                a.role == Role::Target
                    && words[a.word].head.is_some_and(on_act)
                    && !(content && words[a.word].deprel == Deprel::OBJ)
                    // "exchanged fire on the border": a place (`entered_places`) is no side.
                    && !lex.arguments.has("entered_places", &self.tree.lower[a.word])
                    // "Greece and Turkey agreed to resume talks": the sides themselves, lent
                    // back by what they agree to do together, are no one else.
                    && !r
                        .arguments
                        .iter()
                        .any(|b| b.role == Role::Source && b.word == a.word)
            });
        let keys = self.participants(&mut d, mutual)?;
        Ok(self.finish(r, d, keys, (modality, place), mention))
    }

    /// Each role's actors, in the order the patterns gave them; a role the draft already has
    /// is not filled again.
    fn fill_roles(&self, arguments: &[Argument], d: &mut Draft<'_>) {
        let rules = &self.article.lex.arguments;
        let mut filled_by: std::collections::BTreeMap<&'static str, String> =
            std::collections::BTreeMap::new();
        for (slot, filled) in [
            ("source", d.source.is_some()),
            ("target", !d.targets.is_empty()),
            ("party", !d.parties.is_empty()),
        ] {
            if filled {
                filled_by.insert(slot, String::new());
            }
        }
        for a in arguments {
            let slot = match a.role {
                Role::Source => "source",
                Role::Target => "target",
                Role::Party => "party",
            };
            // A role filled by an earlier pattern is not filled again; the conjuncts of
            // the same pattern add up.
            if filled_by.get(slot).is_some_and(|p| *p != a.pattern) {
                continue;
            }
            let not_capitals = rules.reads_no_capitals(&a.pattern);
            if not_capitals && self.resolver.is_capital(a.word) {
                continue;
            }
            let mut found = self.resolver.actors_of(a.word);
            // Nobody acts on themselves: a target that is the source leaves the slot to
            // the next pattern.
            if a.role == Role::Target
                && let Some(src) = &d.source
            {
                found.retain(|(k, _)| *k != src.key);
            }
            if found.is_empty() {
                continue;
            }
            filled_by.insert(slot, a.pattern.clone());
            if !d.patterns_used.contains(&a.pattern) {
                d.patterns_used.push(a.pattern.clone());
            }
            for (key, span) in found {
                let role = RoleSpan {
                    key,
                    span,
                    why: a.why.clone(),
                };
                match a.role {
                    Role::Source => match &d.source {
                        None => d.source = Some(role),
                        Some(first) if first.key != role.key => {
                            if !d.co_sources.iter().any(|c| c.key == role.key) {
                                d.co_sources.push(role);
                            }
                        }
                        Some(_) => {}
                    },
                    Role::Target => {
                        if !d.targets.iter().any(|t| t.key == role.key) {
                            d.targets.push(role);
                        }
                    }
                    Role::Party => {
                        if !d.parties.iter().any(|t| t.key == role.key) {
                            d.parties.push(role);
                        }
                    }
                }
            }
        }
    }

    /// A reaction drawn by the words of the sentence's main subject ("a statement that drew
    /// condemnation") takes that subject as its target. A reaction told in a reported clause
    /// ("X said the company received few complaints") was drawn by that clause's subject,
    /// not by the one who reports it.
    fn reaction_to_subject(&self, range: &Range<usize>, d: &mut Draft<'_>) {
        let (tree, rules) = (self.tree, &self.article.lex.arguments);
        let parse = tree.parse;
        let w = tree.head_of(range);
        let reaction = parse.words[w].deprel.name() == "obj"
            && parse.words[w].head.is_some_and(|h| {
                rules.has("reaction_verbs", &tree.lower[h])
                    && parse.words[h].deprel.name() != "ccomp"
            });
        // "Norway accused Chile of spying, a charge Santiago denied" (or "which Santiago
        // denied"): a reaction set off after a comma, whose subject comes right after "which"
        // or after a noun summing up what came before, answers the main clause's subject.
        let answers_the_clause = || {
            let Some(before) = w.checked_sub(2) else {
                return false;
            };
            let comma_at = |k: Option<usize>| k.is_some_and(|k| tree.text[k] == ",");
            let summed = rules.has("summing_nouns", &tree.lower[before]);
            // ", which Santiago denied", ", charges Santiago denied", ", a charge Santiago denied"
            (tree.lower[before] == "which" || summed) && comma_at(before.checked_sub(1))
                || summed
                    && before >= 2
                    && rules.has("indefinite_articles", &tree.lower[before - 1])
                    && comma_at(Some(before - 2))
        };
        if !reaction && !answers_the_clause() {
            return;
        }
        let Some(root) = parse.root() else {
            return;
        };
        let subject = tree.children[root]
            .iter()
            .copied()
            .find(|&c| parse.words[c].deprel.name() == "nsubj");
        for (key, span) in subject
            .map(|c| self.resolver.actors_of(c))
            .unwrap_or_default()
        {
            if d.source.as_ref().is_none_or(|s| s.key != key) {
                d.patterns_used.push("reaction-to-subject".to_owned());
                d.targets.push(RoleSpan {
                    key,
                    span,
                    why: format!(
                        "main subject of the sentence, whose words drew the '{}'",
                        tree.text[w]
                    ),
                });
            }
        }
    }

    /// A trigger with several senses: its place in the parse and who takes part say which.
    /// The first sense that holds drops the trigger or changes its kind.
    fn apply_senses(
        &self,
        r: &Reading,
        range: &Range<usize>,
        d: &mut Draft<'a>,
    ) -> Result<(), Dropped> {
        let (tree, lex) = (self.tree, self.article.lex);
        let head_word = tree.head_of(range);
        // "ended mediation efforts": the act noun a trigger names the kind of may stand in its
        // place in the sentence.
        let word = &tree.parse.words[head_word];
        let act_noun = word
            .head
            .filter(|&h| word.deprel.name() == "compound" && h < tree.lower.len())
            .filter(|&h| lex.arguments.has("act_nouns", &tree.lower[h]));
        let words_of = |role: Role| -> Vec<usize> {
            r.arguments
                .iter()
                .filter(|a| a.role == role)
                .map(|a| a.word)
                .collect()
        };
        let mut argument_words = senses::ArgumentWords {
            sources: words_of(Role::Source),
            targets: words_of(Role::Target),
            target_kinds: Vec::new(),
            any_target: !d.targets.is_empty(),
            named_targets: Vec::new(),
        };
        argument_words.named_targets = (argument_words.targets.iter().copied())
            .filter(|&w| {
                let s = &tree.parse.words[w].span;
                (d.targets.iter()).any(|t| t.span.start < s.end && s.start < t.span.end)
            })
            .collect();
        // `none`: no one named acts ("plans to allow pubs to open").
        let source_kind = d
            .source
            .as_ref()
            .map_or(Some("none"), |s| actor_kind(lex, &s.key));
        argument_words.target_kinds = d
            .targets
            .iter()
            .filter_map(|t| actor_kind(lex, &t.key))
            .collect();
        for sense in &lex.arguments.senses {
            if !sense.applies_after_reading(&d.trigger.kind, d.category.name())
                || !sense.holds(tree, head_word, &argument_words, source_kind)
                    && !act_noun.is_some_and(|h| sense.holds(tree, h, &argument_words, source_kind))
            {
                continue;
            }
            d.patterns_used.push(sense.id.clone());
            match &sense.effect {
                Effect::Drop => return Err(Some(sense.id.clone())),
                Effect::Kind(k) => {
                    if let Some(t) = lex.triggers.iter().find(|t| &t.kind == k)
                        && let Some(c) = Plover::from_name(&t.category)
                    {
                        d.trigger = t;
                        d.category = c;
                    }
                }
            }
            break;
        }
        Ok(())
    }

    /// "Russia said Sudan must return the helicopter": what one says another must do is a
    /// demand of the speaker's on the one who must act. `span` is the trigger's.
    fn obligation(
        &self,
        r: &Reading,
        span: &Range<usize>,
        d: &mut Draft<'a>,
    ) -> Result<(), Dropped> {
        let lex = self.article.lex;
        let speaker = r
            .reporter
            .and_then(|w| self.resolver.actors_of(w).into_iter().next());
        let Some((speaker, speaker_span)) = speaker else {
            return Err(Some(
                "an obligation no one in the sentence states".to_owned(),
            ));
        };
        // "The government should have acted sooner": a duty not met is a criticism.
        let kind = if r.obligation == Some(Obligation::Unmet) {
            "criticism"
        } else {
            "demand"
        };
        let Some(demand) = lex.triggers.iter().find(|t| t.kind == kind) else {
            return Err(None);
        };
        let Some(c) = Plover::from_name(&demand.category) else {
            return Err(None);
        };
        // A duty of no one named ("it should be clear", "the money should have been
        // used") is an opinion, not a demand on anyone; an act someone must undergo
        // ("sanctions on Iran must be lifted") is demanded for those it touches.
        let obliged: Vec<RoleSpan> = d.source.take().into_iter().collect();
        if obliged.is_empty() && (d.trigger.kind == "demand" || d.targets.is_empty()) {
            return Err(Some("an obligation on no one named".to_owned()));
        }
        d.patterns_used
            .push(format!("obligation:{}", d.trigger.kind));
        if !obliged.is_empty() {
            let verb = self.article.doc.text.get(span.clone()).unwrap_or("");
            let why = if r.obligation == Some(Obligation::Unmet) {
                format!("the one who should have '{verb}'")
            } else {
                format!("the one who must '{verb}'")
            };
            d.targets = obliged
                .into_iter()
                .map(|s| RoleSpan {
                    why: why.clone(),
                    ..s
                })
                .collect();
        }
        d.co_sources.clear();
        d.source = Some(RoleSpan {
            key: speaker,
            span: speaker_span,
            why: if r.obligation == Some(Obligation::Unmet) {
                "who says it should have been done".to_owned()
            } else {
                "who says it must be done".to_owned()
            },
        });
        d.trigger = demand;
        d.category = c;
        Ok(())
    }

    /// Said of the future, a cooperative act is a pledge ("will provide aid", "will visit
    /// Chile": an AGREE of PLOVER's, the intent to cooperate) and a hostile one a threat
    /// ("would blockade Paris": THREATEN). Returns the modality left to the event.
    fn intent(&self, r: &Reading, d: &mut Draft<'a>) -> Option<Modality> {
        let lex = self.article.lex;
        let mut modality = r.modality;
        let category = d.category;
        // A measure its taker declares decided ("announced it would prohibit all aid to the
        // rebels") is the measure, planned: PLOVER's SANCTION, not THREATEN.
        if r.declared
            && !r.ultimatum
            && lex
                .arguments
                .has("declared_measure_categories", category.name())
        {
            d.patterns_used.push(format!("declared:{}", d.trigger.kind));
            return modality;
        }
        // Told in the passive ("would be warmly welcomed by X", "will be attacked by Y"),
        // what will happen is foretold, not promised or threatened by the one who will do it.
        let foretold = d
            .patterns_used
            .iter()
            .any(|p| p == "passive-agent" || p == "passive-subject");
        if r.ultimatum
            || !foretold
                && !r.scheduled
                && matches!(modality, Some(Modality::Planned | Modality::Hypothetical))
        {
            let intent = match category.quad() {
                _ if r.ultimatum && category != Plover::Threaten => Some("threat"),
                QuadClass::VerbalCooperation | QuadClass::MaterialCooperation
                    if category != Plover::Agree =>
                {
                    Some("pledge")
                }
                // Planned exercises and deployments are no threat in themselves.
                QuadClass::MaterialConflict if category != Plover::Mobilize => Some("threat"),
                _ => None,
            };
            if let Some(kind) = intent
                && let Some(t) = lex.triggers.iter().find(|t| t.kind == kind)
                && let Some(c) = Plover::from_name(&t.category)
            {
                d.patterns_used.push(format!("intent:{}", d.trigger.kind));
                d.trigger = t;
                d.category = c;
                modality = None;
            }
        }
        modality
    }

    /// The place: an actor named after "in" or "at" is where it happens, not a party.
    /// ("Turkish authorities imposed a curfew in Turkey": the same country by another word
    /// still acts.) Nobody acts on themselves, and an official's own country is on their
    /// side. Returns the place's name and every place named.
    fn places(&self, r: &Reading, d: &mut Draft<'_>) -> (Option<String>, Vec<PlaceHit>) {
        let rules = &self.article.lex.arguments;
        let mut place: Option<String> = None;
        let mut places = Vec::new();
        let mut territories = None;
        for &w in &r.places {
            let mut found = self.resolver.places_of(w, self.article.names);
            // "reimposed blockades in the West Bank": a territory of one country, named by
            // no actor (the tagger may take it for a place of its own).
            if found.iter().all(|p| !p.country) {
                let (doc, lex) = (self.article.doc, self.article.lex);
                let word = self.tree.parse.words[w].span.clone();
                let within =
                    |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
                let named: Vec<PlaceHit> = territories
                    .get_or_insert_with(|| {
                        crate::extract::issues::territories(doc, lex, self.tokens.clone())
                    })
                    .iter()
                    .filter(|(span, _, _)| {
                        within(span, &word) || found.iter().any(|p| within(span, &p.span))
                    })
                    .map(|(span, key, name)| PlaceHit {
                        key: key.clone(),
                        // (the place as the tagger named it: "Goma", not "Eastern Congo")
                        name: found
                            .iter()
                            .find(|p| within(span, &p.span))
                            .map_or_else(|| (*name).to_owned(), |p| p.name.clone()),
                        span: span.clone(),
                        country: false,
                        capital: false,
                        territory: true,
                    })
                    .collect();
                if !named.is_empty() {
                    found.retain(|p| !named.iter().any(|t| within(&t.span, &p.span)));
                    found.extend(named);
                }
            }
            for hit in found {
                place.get_or_insert_with(|| hit.name.clone());
                places.push(hit);
            }
        }
        // "shelled Kharkiv", "attacked the port of Odesa": a town as the object, which names
        // no actor, is where the act happens (and, for `place_target`, whose town it is). Only
        // the town itself: "the Kyoto treaty" is no place.
        if places.is_empty() {
            let words = &self.tree.parse.words;
            for a in r
                .arguments
                .iter()
                .filter(|a| a.role == Role::Target && words[a.word].deprel == Deprel::OBJ)
            {
                let place_noun = rules.has("place_nouns", &self.tree.lower[a.word]);
                let of = self.tree.children[a.word].iter().copied().filter(|&c| {
                    place_noun
                        && words[c].deprel == Deprel::NMOD
                        && self.tree.case_of(c) == Some("of")
                });
                for w in std::iter::once(a.word).chain(of) {
                    let own = &words[w].span;
                    for hit in self.resolver.places_of(w, self.article.names) {
                        if !hit.country && hit.span.start <= own.start && own.end <= hit.span.end {
                            place.get_or_insert_with(|| hit.name.clone());
                            places.push(hit);
                        }
                    }
                }
            }
        }
        let is_place = |role: &RoleSpan| {
            places.iter().any(|p| {
                p.key == role.key && p.span.start < role.span.end && role.span.start < p.span.end
            })
        };
        if d.source.as_ref().is_some_and(is_place) {
            d.source = None;
        }
        d.targets.retain(|t| !is_place(t));
        d.parties.retain(|t| !is_place(t));
        if let Some(src) = &d.source {
            let own = self.article.affiliations.get(&src.key);
            // "Both Ana Ruiz and Ola Berg welcomed his return": who acts with the source is
            // not acted on either.
            let co = &d.co_sources;
            d.targets.retain(|t| {
                t.key != src.key
                    && !co.iter().any(|c| c.key == t.key)
                    && (Some(&t.key) != own
                        || self.people_of_country(t)
                        || self.non_state_against_government(src, t))
            });
            d.co_sources.retain(|c| c.key != src.key);
        }
        (place, places)
    }

    /// Whether a target is a country's people named by its adjective ("banned Ugandan
    /// opposition candidates", "jailed Nigerian students"), not its state ("the Scottish
    /// Executive", `state_nouns`): an official of that country acts on them all the same.
    fn people_of_country(&self, t: &RoleSpan) -> bool {
        let lex = self.article.lex;
        let doc_text = &self.article.doc.text;
        let Some(text) = doc_text.get(t.span.clone()) else {
            return false;
        };
        let next = word_after(doc_text, &t.span);
        if lex.arguments.has("state_nouns", &next) {
            return false;
        }
        t.key
            .strip_prefix("country:")
            .and_then(|iso| lex.country_by_iso(iso))
            .is_some_and(|c| {
                lex.countries[c]
                    .adjectives
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(text))
            })
    }

    /// Whether `t` is a government ("the government") and `src` does not speak for the
    /// state: a party, a union, a company or a charity (any body whose kind is not in
    /// `state_body_kinds`), or a person whose role names a party or the opposition ("Shadow
    /// Home Secretary", "Tory MP", `opposition_words`). Such a source acts on its own
    /// country's government all the same.
    fn non_state_against_government(&self, src: &RoleSpan, t: &RoleSpan) -> bool {
        let lex = self.article.lex;
        let rules = &lex.arguments;
        let text = &self.article.doc.text;
        let last = text
            .get(t.span.clone())
            .and_then(|text| text.split_whitespace().last())
            .map(str::to_lowercase)
            .unwrap_or_default();
        // "the Nigerian government": the name found may be the adjective alone, with the
        // government noun right after it.
        let next = word_after(text, &t.span);
        let government =
            |w: &str| rules.has("government_nouns", w) || rules.has("government_member_nouns", w);
        if !t.key.starts_with("country:") || !(government(&last) || government(&next)) {
            return false;
        }
        if src.key.starts_with("org:") {
            return !lex
                .organization(&src.key)
                .is_some_and(|o| rules.has("state_body_kinds", &o.kind));
        }
        let src_roles = self
            .article
            .by_sentence
            .iter()
            .flatten()
            .filter_map(|h| match &h.found {
                Found::Person {
                    role: Some(role), ..
                } if h.key == src.key => Some(role.to_lowercase()),
                _ => None,
            });
        let parties: Vec<String> = lex
            .organizations
            .iter()
            .filter(|o| o.kind == "party")
            .flat_map(|o| o.names.iter().map(|n| n.to_lowercase()))
            .collect();
        src_roles.into_iter().any(|role| {
            let words: Vec<&str> = role.split_whitespace().collect();
            words.iter().any(|w| rules.has("opposition_words", w))
                || parties.iter().any(|p| {
                    let n = p.split_whitespace().count();
                    words.windows(n).any(|win| win.join(" ") == *p)
                })
        })
    }

    /// A material act on nobody named is done to the country it happens in ("imposed a
    /// curfew in Lebanon", "arrived in Jordan on a visit"), as event coders read it. `acted`
    /// is the act's category and kind before an intent turned it into a pledge or a threat;
    /// `span` the trigger's.
    fn place_target(
        &self,
        r: &Reading,
        (acted, acted_kind): (Plover, &str),
        places: &[PlaceHit],
        (words, span): (&Range<usize>, &Range<usize>),
        d: &mut Draft<'_>,
    ) {
        let Article {
            lex,
            doc,
            names,
            affiliations,
            ..
        } = *self.article;
        let rules = &lex.arguments;
        // Violence by attackers no one names ("Gunmen attacked a village in Kenya") is
        // done to the country it happens in all the same. Any other act by no one named may
        // be that country's own (police, courts), and an act with no subject (a bombing, a
        // killing in the passive) may have its victims named in another way, so those are
        // done to no one.
        let src = d.source.as_ref();
        if src.is_none()
            && !(rules.has("sourceless_place_target_categories", acted.name())
                && words.clone().any(|w| {
                    self.tree.pos(w) == crate::extract::parse::Upos::Verb
                        && self.tree.children[w].iter().any(|&k| {
                            self.tree.parse.words[k].deprel.name() == "nsubj"
                                && rules.has("unnamed_attacker_nouns", &self.tree.lower[k])
                        })
                }))
        {
            return;
        }
        if !(d.targets.is_empty()
            && d.parties.is_empty()
            && d.co_sources.is_empty()
            && (r.places_from != PlacesFrom::PlainVerb
                && rules.has("place_target_categories", acted.name())
                || matches!(r.places_from, PlacesFrom::Act(c)
                    if rules.has("place_target_categories", c.name()))
                || r.places_from != PlacesFrom::Own
                    && rules.has("content_place_categories", acted.name())))
        {
            return;
        }
        // A people group's own country is where it acts, not whom it acts on ("Egyptian
        // protesters rallied in Cairo").
        let group_country = src.and_then(|s| crate::extract::groups::country_of(&s.key));
        let area_wide = rules.has("area_measure_kinds", acted_kind);
        let own = src
            .and_then(|s| affiliations.get(&s.key))
            .or(group_country.as_ref());
        // The country the actor is of: its own, or itself.
        let actor_country = own.map(String::as_str).or_else(|| {
            src.filter(|s| s.key.starts_with("country:"))
                .map(|s| s.key.as_str())
        });
        // A town's country, when the article names it or it borders the actor's: else the
        // name more likely means a place at home the gazetteer lacks ("visiting constituencies
        // in Somerset" is no act on a town of that name in the United States).
        let town_country_fits = |k: &str| {
            self.article
                .by_sentence
                .iter()
                .flatten()
                .any(|h| h.key == k)
                || affiliations.values().any(|c| c == k)
                || actor_country.is_some_and(|c| {
                    crate::extract::gazetteer::PlaceCountries::shared().borders(
                        c.trim_start_matches("country:"),
                        k.trim_start_matches("country:"),
                    )
                })
        };
        // A capital named as the place stands for its country here; so does a town of
        // another country than the actor's ("fired at targets in Jericho"), never of its own:
        // "the minister visited Leeds" is done to no one.
        let country_key = |p: &PlaceHit| {
            if p.country {
                return Some((p.key.clone(), false));
            }
            // (a territory's name means no other place)
            if p.territory {
                return actor_country
                    .is_some_and(|c| c != p.key)
                    .then(|| (p.key.clone(), true));
            }
            if let Some(c) = lex.country_of_capital(&p.name) {
                // (only a country the article names as an actor)
                return Some(format!("country:{}", c.iso3))
                    .filter(|k| names.contains_key(k))
                    .map(|k| (k, false));
            }
            // "the town of Arica in northern Peru": the text says where the town is.
            if places.iter().any(|q| q.country && !q.capital) {
                return None;
            }
            let k = format!("country:{}", lex.country_of_town(&p.name)?.iso3);
            (actor_country.is_some_and(|c| c != k) && town_country_fits(&k)).then_some((k, true))
        };
        if let Some((p, key)) = places
            .iter()
            .filter_map(|p| country_key(p).map(|(k, town)| (p, k, town)))
            // A city of the actor's own country is still acted on ("the president
            // extended the curfew in the capital"); the country itself is not, but by a
            // measure over a whole area (`area_measure_kinds`: "the president declared a
            // state of siege in Haiti").
            .find(|(p, k, town)| {
                src.is_none_or(|s| k != &s.key)
                    && (Some(k) != own
                        || (!town
                            && group_country.is_none()
                            && (!p.country || p.capital || area_wide)))
            })
            .map(|(p, k, _)| (p, k))
        {
            d.patterns_used.push("place-target".to_owned());
            d.targets.push(RoleSpan {
                key,
                span: p.span.clone(),
                why: format!(
                    "where the '{}' happens",
                    doc.text.get(span.clone()).unwrap_or("")
                ),
            });
        }
    }

    /// Who takes part, source first, then co-sources, targets and parties; none through an
    /// official who already does. A meeting needs two; the parties of a mutual act named
    /// with one side as the subject get a direction.
    fn participants(&self, d: &mut Draft<'_>, mutual: bool) -> Result<Vec<String>, Dropped> {
        let affiliations = self.article.affiliations;
        // A country whose official is a party already takes part through them.
        let party_keys: Vec<String> = d
            .source
            .iter()
            .map(|s| s.key.clone())
            .chain(d.targets.iter().map(|t| t.key.clone()))
            .chain(d.parties.iter().map(|t| t.key.clone()))
            .chain(d.co_sources.iter().map(|c| c.key.clone()))
            .collect();
        let through_official = |k: &str| {
            party_keys
                .iter()
                .any(|n| affiliations.get(n).is_some_and(|c| c == k))
        };
        d.parties.retain(|t| !through_official(&t.key));
        // A town of an official's own country where the act happens is acted on all the
        // same ("the president extended the curfew in the capital").
        let place_target = d.patterns_used.iter().any(|p| p == "place-target");
        let src = d.source.clone();
        d.targets.retain(|t| {
            place_target
                || !through_official(&t.key)
                || self.people_of_country(t)
                || src
                    .as_ref()
                    .is_some_and(|s| self.non_state_against_government(s, t))
        });
        d.co_sources.retain(|c| !through_official(&c.key));
        // "Norway welcomed the agreement between Chile and Peru": a mutual act whose own
        // phrase names both sides is theirs; who welcomes or receives it undergoes nothing.
        if d.parties.len() >= 2
            && d.source.is_none()
            && d.patterns_used
                .iter()
                .any(|p| p == "undergoing-verb-subject")
        {
            d.targets.clear();
        }
        let mut keys: Vec<String> = Vec::new();
        for k in d
            .source
            .iter()
            .map(|s| &s.key)
            .chain(d.co_sources.iter().map(|c| &c.key))
            .chain(d.targets.iter().map(|t| &t.key))
            .chain(d.parties.iter().map(|t| &t.key))
        {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
        if keys.is_empty() {
            return Err(Some("no actor takes part".to_owned()));
        }
        // Meeting and working together take two.
        if matches!(d.category, Plover::Consult | Plover::Cooperate) && keys.len() < 2 {
            return Err(Some("a meeting with one party".to_owned()));
        }
        // "Talks between A and B": the parties of a mutual act have no direction; one
        // side named as the subject still acts on the other ("A met B").
        if !d.parties.is_empty() && d.source.is_none() && d.targets.is_empty() {
            // Undirected: parties only.
        } else if !d.parties.is_empty() && d.source.is_none() {
            d.source = Some(d.parties.remove(0));
        } else if d.targets.is_empty()
            && let Some(src) = &d.source
        {
            // "Norway launched a mediation effort between Chile and Peru": who acts between
            // two sides, and is none of them, acts on both.
            let own = src.key.clone();
            d.targets = d.parties.drain(..).filter(|t| t.key != own).collect();
        }
        // "Chile and Peru agreed a ceasefire", "Ana Ruiz and Ola Berg met": a mutual act
        // whose sides are all its subjects is done between them; the first named acts on the
        // others, as event coders write such a pair.
        if mutual && d.targets.is_empty() && d.source.is_some() {
            d.targets = d
                .co_sources
                .drain(..)
                .map(|c| RoleSpan {
                    why: format!("{}, the other side of a mutual act", c.why),
                    ..c
                })
                .collect();
            d.mutual_sides = !d.targets.is_empty();
        }
        Ok(keys)
    }

    /// The report: who claims it, its date and its key.
    fn finish(
        &self,
        r: &Reading,
        d: Draft<'a>,
        mut keys: Vec<String>,
        (modality, place): (Option<Modality>, Option<String>),
        mention: Mention,
    ) -> Report<'a> {
        let Draft {
            trigger,
            category,
            source,
            targets,
            parties,
            patterns_used,
            mutual_sides,
            ..
        } = d;
        let claimed_by = r
            .reporter
            .and_then(|w| self.resolver.actors_of(w).into_iter().next())
            .map(|(k, _)| k)
            .filter(|k| source.as_ref().is_none_or(|s| &s.key != k));
        let date = date_in(&self.article.lex.arguments, self.article.doc, self.tokens);
        keys.sort();
        // The key names the category and who takes part; with a direction, who acts comes
        // first ("A>B"), so that A's condemnation of B and B's of A stay two acts. With one
        // end only, the arrow still says which ("A>" acts, ">A" is acted on): Brown's praise
        // of a plan and someone's praise of Brown are two acts.
        // A people group keeps its kind ("GBR:rebels"): Welsh extremists blamed and British
        // ministers blamed are two acts, not one act on "GBR". The sides of a mutual act have
        // no order: "Chile and Peru met" and "Peru and Chile met" are one meeting.
        let short = |k: &String| {
            k.split_once(':')
                .map_or(k.as_str(), |(_, id)| id)
                .to_owned()
        };
        let all = |keys: &[String]| keys.iter().map(short).collect::<Vec<_>>().join("+");
        let who = match &source {
            Some(_) if mutual_sides => all(&keys),
            Some(src) if !targets.is_empty() => {
                let rest: Vec<String> = keys.iter().filter(|k| **k != src.key).map(short).collect();
                format!("{}>{}", short(&src.key), rest.join("+"))
            }
            Some(_) if parties.is_empty() => format!("{}>", all(&keys)),
            None if parties.is_empty() && !targets.is_empty() => format!(">{}", all(&keys)),
            _ => all(&keys),
        };
        let key = format!(
            "event:{}/{}/{who}",
            self.article.slug,
            category.name().to_lowercase(),
        );
        Report {
            key,
            category,
            kind: &trigger.kind,
            modality,
            participants: keys,
            place,
            date,
            mention,
            reading: EventReading {
                patterns: patterns_used,
                source,
                targets,
                parties,
                claimed_by,
            },
        }
    }
}

/// The kind of actor `key` is, as sense rules name it: `person`, `party`, `military` or
/// `civil_body` (a union, a charity, a company); none for a country, a people group or a body
/// of the state.
fn actor_kind(lex: &crate::extract::Lexicon, key: &str) -> Option<&'static str> {
    if key.starts_with("person:") {
        Some("person")
    } else if !key.starts_with("org:") {
        None
    } else {
        match lex.organization(key).map(|o| o.kind.as_str()) {
            Some("party") => Some("party"),
            Some("military") => Some("military"),
            Some(
                "armed_group" | "government" | "international" | "agency" | "legislature" | "court",
            ) => None,
            _ => Some("civil_body"),
        }
    }
}

/// The word right after `span` in `text`, lower-cased, without the marks around it ("" at
/// the end): "the Nigerian government" after the adjective's span.
fn word_after(text: &str, span: &Range<usize>) -> String {
    text.get(span.end..)
        .and_then(|rest| rest.split_whitespace().next())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default()
}
