//! Events: trigger words and phrases typed with PLOVER categories, their participants (the
//! actors of the clause, widened to the sentence and, for "these claims"-style references, to
//! the sentence before), direction, place and date. One event per category and participant set
//! within an article.

use std::collections::BTreeMap;
use std::ops::Range;

use super::actors::{Found, Hit};
use super::doc::Doc;
use super::frame;
use super::lexicon::{CountryForm, Lexicon, Target};
use super::plover::Plover;
use super::{Event, Mention, Modality, slug};

/// Words that point back to something said just before ("these claims", "both sides").
const ANAPHORS: &[&str] = &["these", "those", "such", "both", "the two"];

/// Things that are attacked only in words.
const ABSTRACT_TARGETS: &[&str] = &[
    "plan",
    "plans",
    "policy",
    "policies",
    "proposal",
    "proposals",
    "comments",
    "remarks",
    "record",
    "decision",
    "decisions",
    "budget",
    "bill",
    "stance",
    "idea",
    "ideas",
    "claims",
    "approach",
    "strategy",
    "handling",
    "speech",
    "statement",
    "reforms",
    "views",
    "manifesto",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A participant candidate inside one sentence.
#[derive(Debug, Clone)]
struct Participant {
    key: String,
    token: usize,
    place_only: bool,
    /// The place as written ("Manila"), for places that are not actors.
    place_name: Option<String>,
    /// Taken from the sentence before ("these claims"): it may be acted upon, never the actor.
    borrowed: bool,
    /// The subject of the act, or the actor naming it.
    agent: bool,
}

/// Finds events in every sentence. `hits` must be resolved (keys set); `affiliations` maps
/// actor keys to the country keys they belong to.
pub fn detect(
    doc: &Doc<'_>,
    lex: &Lexicon,
    hits: &[Hit],
    names: &BTreeMap<String, String>,
    article_slug: &str,
    affiliations: &BTreeMap<String, String>,
) -> Vec<Event> {
    let mut by_sentence: Vec<Vec<&Hit>> = vec![Vec::new(); doc.sentences.len()];
    for h in hits {
        by_sentence[h.sentence].push(h);
    }
    let mut covered = vec![false; doc.tokens.len()];
    for h in hits {
        for t in h.tokens.clone() {
            covered[t] = true;
        }
    }
    // Whether each person is a woman (true) or a man, when an honorific anywhere in the article
    // says so ("Mrs Quinn" then "Kimberly Quinn"): "he" and "she" must agree with it.
    let mut female: BTreeMap<&str, bool> = BTreeMap::new();
    for h in hits {
        if !matches!(h.found, Found::Person { .. }) || h.tokens.start == 0 {
            continue;
        }
        let before = doc
            .word(h.tokens.start - 1)
            .trim_end_matches('.')
            .to_lowercase();
        let said = match before.as_str() {
            "mr" | "sir" | "lord" => Some(false),
            "mrs" | "ms" | "miss" | "lady" | "dame" | "baroness" => Some(true),
            _ => None,
        };
        if let Some(f) = said {
            female.entry(h.key.as_str()).or_insert(f);
        }
    }
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.tokens.clone().map(|i| doc.word(i)).collect();
        let clauses = clauses(doc, sentence.tokens.clone());
        let mut governed_by_earlier = false;
        // Built at the sentence's first trigger, then shared by the others.
        let mut sentence_frames: Option<frame::Sentence<'_, '_, '_>> = None;
        let mut i = 0;
        while i < words.len() {
            let Some((len, Target::Trigger(t))) = lex.trigger_table.longest_at(&words, i) else {
                i += 1;
                continue;
            };
            let global = sentence.tokens.start + i;
            if (global..global + len).any(|g| covered[g]) || is_month(&words, i) {
                i += len;
                continue;
            }
            // "called on Hockney to quit", "agreed to reinstate": the act is the first verb's;
            // the infinitive is what was asked or agreed, not a second event. "should not
            // apologise", "never condemned": what did not happen is no event.
            let before = |k: usize| i.checked_sub(k).map(|p| words[p].to_lowercase());
            let infinitive = before(1).as_deref() == Some("to") && governed_by_earlier;
            // The words just before the trigger, up to a break: "has not met", "if we reject",
            // "called for talks", "is set to visit".
            let window: Vec<String> = (1..=4)
                .map_while(&before)
                .take_while(|w| !matches!(w.as_str(), "," | ";" | ":" | "." | "—" | "(" | "\""))
                .collect();
            let near =
                |n: usize, set: &[&str]| window.iter().take(n).any(|w| set.contains(&w.as_str()));
            // What did not happen, or might happen only under a condition, is no event.
            let negated = near(4, &["not", "never", "n't", "no", "without"]);
            // "had he denied the charge": an inverted conditional.
            let inverted = window.len() >= 2
                && matches!(window[1].as_str(), "had" | "were" | "should")
                && matches!(
                    window[0].as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i"
                );
            let conditional = inverted
                || (1..=8)
                    .map_while(&before)
                    .take_while(|w| !matches!(w.as_str(), "," | ";" | ":" | "." | "—"))
                    .any(|w| matches!(w.as_str(), "could" | "might" | "may" | "should"))
                || (0..i)
                    .rev()
                    .take_while(|&k| !matches!(words[k], "," | ";" | ":" | "." | "—" | "\""))
                    .any(|k| {
                        matches!(
                            words[k].to_lowercase().as_str(),
                            "if" | "whether" | "unless"
                        )
                    });
            if infinitive || negated || conditional {
                i += len;
                continue;
            }
            let mut modality = modality_of(&window);
            let mut trigger = &lex.triggers[t];
            // "offered his congratulations", "offers an apology": offering a word of thanks,
            // sympathy or support is saying it; the verb is no proposal of its own, and what
            // is offered is done, not proposed.
            let expressive = |kind: &str| {
                matches!(
                    kind,
                    "congratulation"
                        | "condolence"
                        | "gratitude"
                        | "apology"
                        | "praise"
                        | "support"
                        | "reassurance"
                        | "welcome"
                )
            };
            if trigger.kind == "proposal"
                && words[i].to_lowercase().starts_with("offer")
                && (i + len..words.len().min(i + len + 4))
                    .take_while(|&k| words[k].chars().all(char::is_lowercase))
                    .any(|k| {
                        matches!(
                            lex.trigger_table.longest_at(&words, k),
                            Some((_, Target::Trigger(o))) if expressive(&lex.triggers[o].kind)
                        )
                    })
            {
                i += len;
                continue;
            }
            if modality == Some(Modality::Proposed)
                && expressive(&trigger.kind)
                && window
                    .iter()
                    .take(4)
                    .any(|w| matches!(w.as_str(), "offered" | "offers" | "offer" | "offering"))
            {
                modality = None;
            }
            // "attacked Tory plans", "struck at the government's record": force used on words
            // is criticism.
            if trigger.category == "ASSAULT"
                && words[i + len..words.len().min(i + len + 4)]
                    .iter()
                    .any(|w| ABSTRACT_TARGETS.contains(&w.to_lowercase().as_str()))
                && let Some(criticism) = lex.triggers.iter().find(|t| t.kind == "criticism")
            {
                trigger = criticism;
            }
            // "strike action", "a strike ballot": a strike of workers, not from the air.
            if matches!(words[i].to_lowercase().as_str(), "strike" | "strikes")
                && words.get(i + len).is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "action" | "ballot" | "ballots" | "vote" | "day" | "days" | "threat"
                    )
                })
                && let Some(strike) = lex.triggers.iter().find(|t| t.kind == "strike")
            {
                trigger = strike;
            }
            let Some(mut category) = Plover::from_name(&trigger.category) else {
                log::warn!(
                    "unknown PLOVER category {} in the trigger lexicon",
                    trigger.category
                );
                i += len;
                continue;
            };
            let clause = clauses
                .iter()
                .find(|c| c.contains(&global))
                .cloned()
                .unwrap_or_else(|| sentence.tokens.clone());
            let sentence_hits = &by_sentence[s];
            let frames = &*sentence_frames.get_or_insert_with(|| {
                frame::Sentence::new(doc, sentence_hits, sentence.tokens.clone())
            });
            let fr = frames.frame(global, global + len);
            log::trace!(
                "{:?} at token {global}: {fr:?}; mentions {:?}",
                words[i],
                sentence_hits
                    .iter()
                    .map(|h| (h.key.as_str(), h.tokens.clone()))
                    .collect::<Vec<_>>()
            );
            let acts = |h: &&Hit| {
                !matches!(
                    h.found,
                    Found::Place { .. } | Found::Country { modifier: true, .. }
                )
            };
            if fr.compound {
                i += len;
                continue;
            }
            // "Dr Fox attacked the government": a person's attack in politics is words, and a
            // person "struck a cautious note" or "struck out" at no target.
            // Parties and politicians fight with words ("Dr Fox attacked", "his attack on
            // Labour").
            let org_kind = |h: usize| match &sentence_hits[h].found {
                Found::Organization { key, .. } => lex.organization(key).map(|o| o.kind.as_str()),
                _ => None,
            };
            let is_party = |h: usize| org_kind(h) == Some("party");
            let party_target = (fr.noun || fr.passive) && fr.others.iter().any(|&h| is_party(h));
            let person_acts = party_target
                || (fr.agents.is_empty() && fr.pronoun == Some(true))
                || fr.agents.iter().any(|&h| {
                    matches!(sentence_hits[h].found, Found::Person { .. }) || is_party(h)
                });
            if category == Plover::Assault && person_acts && trigger.kind == "airstrike" {
                i += len;
                continue;
            }
            // "the Scottish Cup clash between the Glasgow clubs", "Commons clashes": a clash
            // is fighting only between states or armed forces.
            // ("the Scottish Cup clash": a country word opening a competition's name is no
            // party to it.)
            let armed = |h: usize| {
                let opens_name = matches!(
                    sentence_hits[h].found,
                    Found::Country {
                        form: CountryForm::Adjective,
                        ..
                    }
                ) && {
                    let next = sentence_hits[h].tokens.end;
                    next < sentence.tokens.end
                        && doc
                            .word(next)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                        && !sentence_hits.iter().any(|o| o.tokens.start == next)
                };
                (matches!(sentence_hits[h].found, Found::Country { .. }) && !opens_name)
                    || matches!(org_kind(h), Some("military" | "armed_group"))
            };
            // "the Public and Commercial Services Union strike": a body with no arms strikes by
            // stopping work.
            let unarmed_body = |h: usize| match &sentence_hits[h].found {
                Found::Organization { key, name, .. } => match lex.organization(key) {
                    Some(o) => matches!(o.kind.as_str(), "party" | "company" | "ngo" | "media"),
                    None => name.rsplit(' ').next().is_some_and(|last| {
                        matches!(last, "Union" | "Unions" | "Association" | "Federation")
                    }),
                },
                _ => false,
            };
            if trigger.kind == "airstrike"
                && !fr.agents.iter().chain(&fr.others).any(|&h| armed(h))
                && fr.agents.iter().any(|&h| unarmed_body(h))
                && let Some(strike) = lex.triggers.iter().find(|t| t.kind == "strike")
                && let Some(protest) = Plover::from_name(&strike.category)
            {
                trigger = strike;
                category = protest;
            }
            if trigger.kind == "clash"
                && !fr.agents.iter().chain(&fr.others).any(|&h| armed(h))
                && !fr.agents.iter().chain(&fr.others).any(|&h| is_party(h))
            {
                i += len;
                continue;
            }
            if category == Plover::Assault
                && matches!(trigger.kind.as_str(), "attack" | "clash")
                && (person_acts
                    || fr.agents.iter().chain(&fr.others).all(|&h| is_party(h))
                        && !fr.agents.is_empty())
                && let Some(criticism) = lex.triggers.iter().find(|t| t.kind == "criticism")
            {
                trigger = criticism;
                category = Plover::Accuse;
            }
            // "he would stand down as leader": a person standing down leaves a post; troops
            // stand down when they are demobilized.
            if trigger.kind == "demobilization"
                && matches!(
                    words[i].to_lowercase().as_str(),
                    "stand" | "stood" | "stands" | "standing"
                )
                && fr
                    .agents
                    .iter()
                    .chain(&fr.others)
                    .all(|&h| matches!(sentence_hits[h].found, Found::Person { .. }) || is_party(h))
                && let Some(resignation) = lex.triggers.iter().find(|t| t.kind == "resignation")
                && let Some(concede) = Plover::from_name(&resignation.category)
            {
                trigger = resignation;
                category = concede;
            }
            // "seizing a poll advantage", "seized the initiative": a gain in a contest is taken
            // from no one by force.
            if trigger.kind == "seizure"
                && (i + len..words.len().min(i + len + 4)).any(|k| {
                    matches!(
                        words[k].to_lowercase().as_str(),
                        "advantage" | "initiative" | "opportunity" | "chance" | "moment" | "lead"
                    )
                })
            {
                i += len;
                continue;
            }
            // "they were denied due process": what was withheld from someone, not a denial.
            if trigger.kind == "denial" && fr.passive && fr.agents.is_empty() {
                i += len;
                continue;
            }
            // "declined to comment", "refused to say who": keeping quiet is no refusal of
            // anything.
            let next = |k: usize| words.get(i + len + k).map(|w| w.to_lowercase());
            if trigger.kind == "refusal"
                && next(0).as_deref() == Some("to")
                && next(1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "comment"
                            | "say"
                            | "speak"
                            | "discuss"
                            | "elaborate"
                            | "confirm"
                            | "speculate"
                            | "reveal"
                            | "name"
                            | "identify"
                            | "answer"
                            | "give"
                            | "be"
                    )
                })
                && (next(1).as_deref() != Some("give")
                    || (2..5).any(|k| {
                        next(k).is_some_and(|w| {
                            matches!(
                                w.as_str(),
                                "view" | "views" | "details" | "reasons" | "name" | "names"
                            )
                        })
                    }))
            {
                i += len;
                continue;
            }
            // "marching up to him": walking, not a protest march.
            if trigger.kind == "demonstration"
                && words[i].to_lowercase().starts_with("march")
                && next(0).is_some_and(|w| {
                    matches!(w.as_str(), "up" | "off" | "out" | "away" | "back" | "over")
                })
            {
                i += len;
                continue;
            }
            // "daily news conferences", "a press conference": briefings, not conferences.
            if trigger.kind == "conference"
                && i > 0
                && matches!(words[i - 1].to_lowercase().as_str(), "news" | "press")
            {
                i += len;
                continue;
            }
            // "dismissed both appeals", "won his appeal": a court appeal is no plea to anyone;
            // an appeal for calm or to the public is.
            if trigger.kind == "appeal"
                && fr.noun
                && !words
                    .get(i + len)
                    .is_some_and(|w| matches!(w.to_lowercase().as_str(), "for" | "to"))
            {
                i += len;
                continue;
            }
            // "he was suspended", "UKIP candidate suspended", "had suspended Mr Houston": a
            // person suspended from a party is discipline, not a pause in anything.
            let is_person = |h: &usize| matches!(sentence_hits[*h].found, Found::Person { .. });
            let person_object =
                (global + len..(global + len + 3).min(sentence.tokens.end)).any(|t| {
                    matches!(
                        doc.word(t).to_lowercase().as_str(),
                        "candidate"
                            | "member"
                            | "members"
                            | "official"
                            | "officials"
                            | "councillor"
                            | "mp"
                            | "officer"
                            | "officers"
                            | "him"
                            | "her"
                            | "them"
                            | "player"
                    )
                });
            if trigger.kind == "suspension"
                && (((fr.passive || fr.noun) && fr.others.iter().chain(&fr.agents).all(is_person))
                    || (!fr.others.is_empty() && fr.others.iter().all(is_person))
                    || person_object)
            {
                i += len;
                continue;
            }
            // "He asked whether ...", "Mr McLetchie asked: ...": a question is no request; a
            // request is made of someone ("asked Warsaw to join").
            let question = (global + len..(global + len + 6).min(sentence.tokens.end)).any(|t| {
                matches!(
                    doc.word(t).to_lowercase().as_str(),
                    "whether" | "if" | "why" | "how" | "what" | "when" | ":" | "\"" | "“"
                )
            });
            if trigger.kind == "request" && !fr.noun && (fr.others.is_empty() || question) {
                i += len;
                continue;
            }
            // "the US terror attacks", "the London terror attack": terrorists act for no state;
            // the country naming the attack is where it struck.
            let mut fr = fr;
            if trigger.kind == "terror_attack" && fr.noun {
                let (countries, rest): (Vec<usize>, Vec<usize>) = fr
                    .agents
                    .iter()
                    .partition(|&&h| matches!(sentence_hits[h].found, Found::Country { .. }));
                fr.agents = rest;
                for h in countries {
                    if !fr.others.contains(&h) {
                        fr.others.push(h);
                    }
                }
            }
            // "Tory leader urges Harry apology", "the unions called for a strike": those asking
            // for an act do not do it; only a name on the noun itself ("a Lords inquiry") does.
            if modality == Some(Modality::CalledFor) && fr.noun {
                fr.agents.retain(|&h| {
                    let end = sentence_hits[h].tokens.end;
                    end <= global
                        && end + 3 >= global
                        && (end..global).all(|t| {
                            !matches!(
                                doc.word(t).to_lowercase().as_str(),
                                "urge"
                                    | "urges"
                                    | "urged"
                                    | "call"
                                    | "calls"
                                    | "called"
                                    | "demand"
                                    | "demands"
                                    | "demanded"
                                    | "seek"
                                    | "seeks"
                                    | "sought"
                                    | "for"
                            )
                        })
                });
            }
            let mut people: Vec<Participant> = Vec::new();
            // "Chinese foreign ministry spokesperson Lin Wenhao accused": a spokesperson acts
            // for the body named in the title.
            let mut bodies: Vec<String> = Vec::new();
            for &h in &fr.agents {
                let agent = sentence_hits[h];
                if !matches!(agent.found, Found::Person { .. }) {
                    continue;
                }
                let start = agent.tokens.start;
                if let Some(body) = sentence_hits.iter().find(|b| {
                    matches!(b.found, Found::Organization { .. })
                        && b.tokens.end <= start
                        && b.tokens.end + 3 >= start
                        && (b.tokens.end..start)
                            .all(|t| doc.word(t).chars().all(char::is_alphabetic))
                }) && !bodies.contains(&body.key)
                {
                    bodies.push(body.key.clone());
                }
            }
            let add = |h: &Hit, agent: bool, borrowed: bool, people: &mut Vec<Participant>| {
                if let Some(mut p) = participant(doc, h, sentence.tokens.start) {
                    p.agent = agent && !p.place_only;
                    p.borrowed = borrowed;
                    if !people
                        .iter()
                        .any(|q| q.key == p.key && q.place_only == p.place_only)
                    {
                        people.push(p);
                    }
                }
            };
            for &h in &fr.agents {
                add(sentence_hits[h], true, false, &mut people);
            }
            for &h in &fr.others {
                add(sentence_hits[h], false, false, &mut people);
            }
            // "he accused", "it would provide": the pronoun stands for the nearest fitting actor
            // before it in the sentence, or else the first one of the sentence before.
            if fr.agents.is_empty()
                && let Some(person) = fr.pronoun
            {
                // "she" is not "Mr Howard", "he" not "Ms Robinson".
                let pronoun_word = frames.subject_pronoun(global);
                let honorific = |h: &Hit| {
                    h.tokens
                        .start
                        .checked_sub(1)
                        .map(|p| doc.word(p).trim_end_matches('.').to_lowercase())
                };
                let gender_clash = |h: &Hit| {
                    matches!(
                        (pronoun_word.as_deref(), honorific(h).as_deref()),
                        (Some("she"), Some("mr" | "sir" | "lord"))
                            | (
                                Some("he"),
                                Some("ms" | "mrs" | "miss" | "lady" | "dame" | "baroness")
                            )
                    ) || matches!(
                        (pronoun_word.as_deref(), female.get(h.key.as_str())),
                        (Some("she"), Some(false)) | (Some("he"), Some(true))
                    )
                };
                let fits = |h: &&Hit| match h.found {
                    Found::Person { .. } => person && !gender_clash(h),
                    Found::Country { modifier, form, .. } => {
                        !person && !modifier && form != CountryForm::Adjective
                    }
                    Found::Organization { .. } => !person,
                    Found::Place { .. } => false,
                };
                // "the Iraq war ... as it discussed": a name used as a modifier is not what a
                // pronoun stands for.
                let attributive = |h: &&Hit| {
                    let next = h.tokens.end;
                    next < sentence.tokens.end
                        && doc.word(next).chars().all(|c| c.is_ascii_lowercase())
                        && !matches!(
                            doc.word(next),
                            "and" | "or" | "said" | "says" | "has" | "was"
                        )
                        && !matches!(h.found, Found::Person { .. })
                };
                // "The Scottish Conservative leader insisted ... the causes he supports": "he"
                // is that unnamed leader, not a name met on the way.
                let unnamed_subject =
                    person && opens_with_unnamed_role(doc, sentence_hits, &sentence.tokens, global);
                // "Blair told Brown he would quit", "promised Ms Hutt she would": the one told
                // hears of the teller's own intention; the pronoun right after is the teller,
                // the subject right before the verb, or no one named.
                let honorific_word = |t: usize| {
                    matches!(
                        doc.word(t).trim_end_matches('.').to_lowercase().as_str(),
                        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "lord" | "lady" | "dame"
                    )
                };
                let told_verb = |h: &Hit| {
                    let mut v = h.tokens.start.checked_sub(1)?;
                    if honorific_word(v) {
                        v = v.checked_sub(1)?;
                    }
                    let telling = v >= sentence.tokens.start
                        && matches!(
                            doc.word(v).to_lowercase().as_str(),
                            "told" | "tells" | "promised" | "promises" | "assured" | "assures"
                        )
                        && (h.tokens.end..global).all(|t| {
                            doc.word(t).chars().all(|c| c.is_ascii_lowercase())
                                || matches!(doc.word(t), "'d" | "’d")
                        })
                        && (h.tokens.end..global)
                            .any(|t| matches!(doc.word(t).to_lowercase().as_str(), "he" | "she"));
                    telling.then_some(v)
                };
                // "He ... said if Lord Dubs' bill passed, he would urge": a pronoun repeating
                // one earlier in the sentence stands for the same person, so only names before
                // the first one can be it.
                let reach = pronoun_word.as_deref().map_or(global, |p| {
                    let own = (sentence.tokens.start..global)
                        .rev()
                        .find(|&t| doc.word(t).eq_ignore_ascii_case(p));
                    own.and_then(|own| {
                        (sentence.tokens.start..own).find(|&t| doc.word(t).eq_ignore_ascii_case(p))
                    })
                    .unwrap_or(global)
                });
                let nearest = sentence_hits
                    .iter()
                    .filter(|h| h.tokens.end <= reach && fits(h) && !attributive(h))
                    .filter(|_| !unnamed_subject)
                    .max_by_key(|h| h.tokens.start);
                let told = nearest.and_then(|h| told_verb(h));
                let earlier = match told {
                    Some(v) => sentence_hits
                        .iter()
                        .find(|h| h.tokens.end == v && fits(h) && told_verb(h).is_none()),
                    None => nearest,
                };
                let unnamed_subject = unnamed_subject || (told.is_some() && earlier.is_none());
                // "he" may reach back a sentence; "it" and "they" only when they open theirs
                // and stand for the subject that opened the one before ("Germany was angry. It
                // condemned ...").
                let opens = pronoun_opens(doc, &sentence.tokens, global);
                let antecedent = earlier.copied().or_else(|| {
                    let prev = s.checked_sub(1).map(|p| &doc.sentences[p])?;
                    if unnamed_subject || prev.block != sentence.block || (!person && !opens) {
                        return None;
                    }
                    by_sentence[s - 1]
                        .iter()
                        .filter(|h| fits(h))
                        .filter(|h| person || h.tokens.start <= prev.tokens.start + 1)
                        .min_by_key(|h| h.tokens.start)
                        .copied()
                });
                if let Some(h) = antecedent {
                    add(h, !fr.passive, false, &mut people);
                }
            }
            // "both sides have agreed", "the two men discussed": the parties named before, in
            // this sentence or the one before.
            if fr.pair_anaphor {
                let mut before: Vec<&Hit> = sentence_hits
                    .iter()
                    .filter(|h| h.tokens.end <= global && acts(h))
                    .copied()
                    .collect();
                if before.len() < 2 && s > 0 && !doc.is_heading(s - 1) {
                    before = by_sentence[s - 1]
                        .iter()
                        .filter(|h| acts(h))
                        .copied()
                        .collect();
                }
                for h in before {
                    add(h, true, false, &mut people);
                }
            }
            // "a statement that drew condemnation from Beijing", "condemned the agreement":
            // a reaction is aimed at whoever made the statement or the agreement.
            if fr.reaction
                && matches!(
                    category,
                    Plover::Reject | Plover::Accuse | Plover::Threaten | Plover::Support
                )
                && people.iter().any(|p| p.agent)
                && !people.iter().any(|p| !p.agent && !p.place_only)
            {
                // "The SNP's Holyrood leader, Nicola Sturgeon, welcomed the move": the body in
                // the speaker's own title is not what the reaction is aimed at.
                let agent_start = people
                    .iter()
                    .filter(|p| p.agent && sentence.tokens.contains(&p.token))
                    .map(|p| p.token)
                    .min()
                    .unwrap_or(global);
                let in_title = |h: usize| {
                    let end = sentence_hits[h].tokens.end;
                    end <= agent_start
                        && agent_start - end <= 8
                        && (end..agent_start).all(|t| {
                            !matches!(
                                doc.word(t).to_lowercase().as_str(),
                                "said" | "says" | "told" | "that" | "which" | "who" | "and" | "but"
                            )
                        })
                };
                let mut earlier: Vec<usize> = frames
                    .opening_subject(global)
                    .into_iter()
                    .filter(|&h| !in_title(h))
                    .collect();
                if earlier.iter().all(|&h| fr.agents.contains(&h)) && s > 0 {
                    let prev = &doc.sentences[s - 1];
                    if prev.block == sentence.block {
                        let prev_frames =
                            frame::Sentence::new(doc, &by_sentence[s - 1], prev.tokens.clone());
                        let subject: Vec<&Hit> = prev_frames
                            .opening_subject(prev.tokens.end)
                            .into_iter()
                            .map(|h| by_sentence[s - 1][h])
                            .collect();
                        for h in subject {
                            add(h, false, true, &mut people);
                        }
                    }
                    earlier.clear();
                }
                for h in earlier {
                    if !fr.agents.contains(&h) {
                        add(sentence_hits[h], false, true, &mut people);
                    }
                }
            }
            // "These claims", "both sides": only to complete a sentence that already names
            // someone, never to invent all the participants.
            let clause_words: Vec<&str> = (clause.start..clause.end).map(|t| doc.word(t)).collect();
            if distinct(&people) == 1 && has_anaphor(&clause_words) && s > 0 {
                let prev = &doc.sentences[s - 1];
                if prev.block == sentence.block {
                    let before = participants(doc, &by_sentence[s - 1], &prev.tokens);
                    if let Some(mut first) = before.into_iter().find(|p| !p.place_only) {
                        first.borrowed = true;
                        if !people.iter().any(|q| q.key == first.key) {
                            people.push(first);
                        }
                    }
                }
            }
            // "Germany will contribute 3.5 billion euros, Brenner told reporters": the official
            // announcing his own country's act takes part in it.
            if let Some(speaker) = attributed_speaker(doc, sentence_hits, &sentence.tokens)
                && let Some(country) = affiliations.get(&speaker.key)
                && people.iter().any(|p| p.agent && &p.key == country)
            {
                add(speaker, false, false, &mut people);
            }
            // "Lin warned that Beijing would take measures": an official's own country is on
            // their side of the act, not its target.
            let own: Vec<&String> = people
                .iter()
                .filter(|p| p.agent)
                .filter_map(|p| affiliations.get(&p.key))
                .collect();
            if !category.is_mutual() {
                people.retain(|p| p.agent || p.place_only || !own.contains(&&p.key));
            }
            // A noun with nobody doing it names an act only of the one it happens to ("the
            // arrest of Tyndall"); "voiced sympathy for Mrs Quinn" says nothing of who.
            let of_party = words
                .get(i + len)
                .is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && fr.others.iter().any(|&h| {
                    let start = sentence_hits[h].tokens.start;
                    start > global + len && start <= global + len + 4
                });
            // "suffered a skin complaint": an ailment, not a grievance anyone made.
            if fr.noun && fr.passive && trigger.kind == "complaint" {
                i += len;
                continue;
            }
            // ("Three managers face charges": the noun of a verb of undergoing has its party.)
            if fr.noun
                && !fr.passive
                && !category.is_mutual()
                && !people.iter().any(|p| p.agent)
                && !of_party
            {
                i += len;
                continue;
            }
            // "are to be offered chances", "was welcomed": with no one named doing it, a
            // cooperative or spoken act done to someone says too little; arrests, attacks,
            // accusations and sanctions done to someone still say what happened.
            if fr.passive
                && !people.iter().any(|p| p.agent)
                && !matches!(
                    category,
                    Plover::Accuse
                        | Plover::Assault
                        | Plover::Coerce
                        | Plover::Sanction
                        | Plover::Threaten
                        | Plover::Reject
                )
            {
                i += len;
                continue;
            }
            // A verb names its act only with someone doing it ("officials criticised" says
            // nothing of who); a passive one ("was condemned") with someone it is done to.
            if !fr.noun && !people.iter().any(|p| p.agent) && (!fr.passive || people.is_empty()) {
                i += len;
                continue;
            }
            // Where it happens: a place named in the clause ("at a ceremony in Manila"), or
            // the one "where" points back to ("flying from the United States, where he met").
            let where_at = (clause.start..global)
                .rev()
                .find(|&t| doc.word(t) == "where");
            if let Some(w) = where_at {
                let before = w.saturating_sub(usize::from(w > 0 && doc.word(w - 1) == ","));
                if let Some(h) = sentence_hits.iter().find(|h| h.tokens.end == before)
                    && let Some(mut p) = participant(doc, h, sentence.tokens.start)
                    && !people.iter().any(|q| q.place_only)
                {
                    p.place_only = true;
                    p.agent = false;
                    people.push(p);
                }
            }
            for p in participants(doc, sentence_hits, &clause) {
                let after_where = where_at.is_none_or(|w| p.token > w);
                if p.place_only && after_where && !people.iter().any(|q| q.place_only) {
                    people.push(p);
                }
            }
            // "the Malaysia meeting", "Geneva talks": a country right before a meeting word is
            // where it happens.
            if category == Plover::Consult {
                for p in &mut people {
                    if p.token + 1 == global
                        && sentence_hits.iter().any(|h| {
                            h.tokens.start == p.token && matches!(h.found, Found::Country { .. })
                        })
                    {
                        p.place_only = true;
                        p.agent = false;
                    }
                }
            }
            let place_hit = people.iter().find(|p| p.place_only);
            let place_key = place_hit.map(|p| p.key.clone());
            let place =
                place_hit.and_then(|p| p.place_name.clone().or_else(|| names.get(&p.key).cloned()));
            // The place is not also a participant ("the Malaysia meeting ... in Malaysia").
            people.retain(|p| p.place_only || Some(&p.key) != place_key.as_ref());
            let mut keys: Vec<String> = Vec::new();
            for p in people.iter().filter(|p| !p.place_only) {
                if !keys.contains(&p.key) {
                    keys.push(p.key.clone());
                }
            }
            log::trace!("  parties {keys:?}");
            // Meeting, agreeing and cooperating take two; one name alone is not that event.
            let needed = if category.is_mutual() { 2 } else { 1 };
            if keys.len() < needed {
                i += len;
                continue;
            }
            let adjective = adjective_before(sentence_hits, global);
            let (source, targets) = direction(category, &people, adjective.as_ref());
            let date = date_in(doc, &sentence.tokens);
            keys.sort();
            let key = format!(
                "event:{article_slug}/{}/{}",
                category.name().to_lowercase(),
                keys.iter()
                    .map(|k| k.split(':').nth(1).unwrap_or(k))
                    .collect::<Vec<_>>()
                    .join("+")
            );
            let span = doc.tokens[global].span.start..doc.tokens[global + len - 1].span.end;
            let asserted = modality.is_none();
            let event = events.entry(key.clone()).or_insert_with(|| Event {
                modality,
                key,
                category,
                kind: trigger.kind.clone(),
                label: String::new(),
                participants: keys.clone(),
                represented: Vec::new(),
                source: None,
                targets: Vec::new(),
                place: None,
                date: None,
                mentions: Vec::new(),
            });
            if event.source.is_none() && (source.is_some() || event.targets.is_empty()) {
                event.source = source;
                event.targets = targets;
            }
            if event.place.is_none() {
                event.place = place;
            }
            // Reported once as done, it was done.
            if asserted {
                event.modality = None;
            }
            for b in bodies {
                if !event.participants.contains(&b) && !event.represented.contains(&b) {
                    event.represented.push(b);
                }
            }
            if event.date.is_none() {
                event.date = date;
            }
            event.mentions.push(Mention { span, sentence: s });
            governed_by_earlier = true;
            i += len;
        }
    }
    let mut out: Vec<Event> = events.into_values().collect();
    for e in &mut out {
        // The same act reported by several articles is one node: the key names the category,
        // the participants and the date when stated, not the article.
        let article_part = format!("event:{article_slug}/");
        if let Some(rest) = e.key.strip_prefix(&article_part) {
            e.key = match &e.date {
                Some(date) => format!("event:{rest}@{date}"),
                None => format!("event:{rest}"),
            };
        }
        e.label = label(lex, e, names);
        // Officials act for their countries: "Japanese Defense Minister Haruto Sakai signed"
        // makes Japan a party too. The key and label keep to the people named.
        let countries: Vec<String> = e
            .participants
            .iter()
            .filter_map(|p| affiliations.get(p))
            .filter(|c| c.starts_with("country:"))
            .cloned()
            .collect();
        for c in countries {
            if !e.participants.contains(&c) && !e.represented.contains(&c) {
                e.represented.push(c);
            }
        }
        e.represented.sort();
    }
    out
}

/// How an act is stated, from the words just before its trigger (nearest first): "will
/// visit" is planned, "called for talks" asked for, "cancelled the visit" called off.
fn modality_of(window: &[String]) -> Option<Modality> {
    let within = |n: usize, set: &[&str]| window.iter().take(n).any(|w| set.contains(&w.as_str()));
    if within(
        4,
        &[
            "cancelled",
            "canceled",
            "postponed",
            "scrapped",
            "shelved",
            "off",
        ],
    ) {
        return Some(Modality::Cancelled);
    }
    if within(4, &["denied", "denies", "deny", "denying"]) {
        return Some(Modality::Denied);
    }
    if within(
        4,
        &[
            "proposed",
            "proposes",
            "propose",
            "offered",
            "offers",
            "suggested",
        ],
    ) {
        return Some(Modality::Proposed);
    }
    if within(
        4,
        &[
            "for", "urged", "urges", "demanded", "demands", "sought", "seeks",
        ],
    ) && window.iter().take(4).any(|w| {
        matches!(
            w.as_str(),
            "called"
                | "calls"
                | "call"
                | "calling"
                | "urged"
                | "urges"
                | "demanded"
                | "demands"
                | "sought"
                | "seeks"
        )
    }) {
        return Some(Modality::CalledFor);
    }
    if within(3, &["agreed", "agree", "agrees"]) {
        return Some(Modality::Agreed);
    }
    if within(
        3,
        &[
            "possible",
            "potential",
            "possibility",
            "hypothetical",
            "would",
        ],
    ) {
        return Some(Modality::Hypothetical);
    }
    if within(
        4,
        &[
            "will", "set", "plans", "planned", "planning", "due", "expected", "upcoming", "next",
            "shall", "'ll",
        ],
    ) {
        return Some(Modality::Planned);
    }
    None
}

/// "on March 2", "in May": a month name, not a protest march or a modal verb.
fn is_month(words: &[&str], i: usize) -> bool {
    let w = words[i];
    if !MONTHS.contains(&w.to_lowercase().as_str()) {
        return false;
    }
    let capitalized = w.chars().next().is_some_and(char::is_uppercase);
    let number_next = words.get(i + 1).is_some_and(|n| n.parse::<u32>().is_ok());
    let number_before = i > 0 && words[i - 1].parse::<u32>().is_ok();
    (capitalized && i > 0) || number_next || number_before
}

fn distinct(people: &[Participant]) -> usize {
    let mut keys: Vec<&str> = people
        .iter()
        .filter(|p| !p.place_only)
        .map(|p| p.key.as_str())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

fn has_anaphor(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        // "Both the Cardinal and the Archbishop": "both ... and" joins, it refers to no one.
        let joins = lower == "both" && words.iter().skip(i + 1).take(6).any(|n| *n == "and");
        (ANAPHORS.contains(&lower.as_str()) && !joins)
            || (lower == "the"
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.eq_ignore_ascii_case("two")))
    })
}

/// Clauses of a sentence: split at semicolons and dashes used as breaks.
fn clauses(doc: &Doc<'_>, tokens: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = tokens.start;
    for t in tokens.clone() {
        let w = doc.word(t);
        let spaced_hyphen = w == "-"
            && doc.tokens[t].space_before
            && doc.tokens.get(t + 1).is_some_and(|n| n.space_before);
        if w == ";" || w == "—" || w == "–" || spaced_hyphen {
            if t > start {
                out.push(start..t);
            }
            start = t + 1;
        }
    }
    if start < tokens.end {
        out.push(start..tokens.end);
    }
    out
}

/// Actors mentioned in `range`: countries that only qualify a person or organization are left
/// out, and a country after "in"/"at" is the place rather than a participant.
fn participants(doc: &Doc<'_>, hits: &[&Hit], range: &Range<usize>) -> Vec<Participant> {
    hits.iter()
        .filter(|h| range.contains(&h.tokens.start))
        .filter_map(|h| participant(doc, h, range.start))
        .collect()
}

/// One mention as a participant; `None` for a country that only qualifies a name.
fn participant(doc: &Doc<'_>, h: &Hit, range_start: usize) -> Option<Participant> {
    if matches!(h.found, Found::Country { modifier: true, .. }) {
        return None;
    }
    let prev = h
        .tokens
        .start
        .checked_sub(1)
        .filter(|&p| p >= range_start)
        .map(|p| doc.word(p).to_lowercase());
    // "Ravi Menon, the MP for Tarnwick and Bedwas, was attacked": a seat says whom someone
    // represents, not where anything happens.
    if matches!(h.found, Found::Place { .. }) {
        // "to fight the Tarnwick Coastal seat": the same, named by what follows.
        if h.tokens.end < doc.tokens.len()
            && matches!(
                doc.word(h.tokens.end),
                "seat" | "seats" | "constituency" | "ward" | "by-election"
            )
        {
            return None;
        }
        let mut k = h.tokens.start;
        while k > range_start + 1 {
            let w = doc.word(k - 1);
            if w == "for" {
                if matches!(
                    doc.word(k - 2),
                    "MP" | "MSP" | "MEP" | "AM" | "MLA" | "member" | "candidate" | "councillor"
                ) {
                    return None;
                }
                break;
            }
            if !(matches!(w, "and" | "," | "-") || w.chars().next().is_some_and(char::is_uppercase))
            {
                break;
            }
            k -= 1;
        }
    }
    let (place_only, place_name) = match &h.found {
        Found::Place { name } => (true, Some(name.clone())),
        Found::Country { .. } => (matches!(prev.as_deref(), Some("in" | "at")), None),
        _ => (false, None),
    };
    Some(Participant {
        key: h.key.clone(),
        token: h.tokens.start,
        place_only,
        place_name,
        borrowed: false,
        agent: false,
    })
}

/// Whether the sentence opens with a definite description of an office holder that names no
/// one ("The Scottish Conservative leader had insisted"), before `trigger`.
fn opens_with_unnamed_role(
    doc: &Doc<'_>,
    hits: &[&Hit],
    range: &Range<usize>,
    trigger: usize,
) -> bool {
    const ROLE_HEADS: &[&str] = &[
        "leader",
        "minister",
        "secretary",
        "chancellor",
        "spokesman",
        "spokeswoman",
        "chairman",
        "chairwoman",
        "president",
        "chief",
        "official",
        "head",
        "director",
        "mayor",
        "premier",
        "ambassador",
        "envoy",
        "commissioner",
        "governor",
        "senator",
        "judge",
    ];
    if !doc.word(range.start).eq_ignore_ascii_case("the") {
        return false;
    }
    let end = trigger.min(range.start + 7).min(range.end);
    for t in range.start + 1..end {
        if hits
            .iter()
            .any(|h| h.tokens.contains(&t) && matches!(h.found, Found::Person { .. }))
        {
            return false;
        }
        let w = doc.word(t);
        if ROLE_HEADS.contains(&w.to_lowercase().as_str()) {
            let next = doc.word(t + 1);
            return t + 1 < range.end
                && next.chars().all(|c| c.is_ascii_lowercase())
                && next != "of";
        }
        if w == "," {
            return false;
        }
    }
    false
}

/// Whether the sentence opens with a pronoun that is the subject of the trigger at `trigger`
/// (nothing but auxiliaries and adverbs between).
fn pronoun_opens(doc: &Doc<'_>, range: &Range<usize>, trigger: usize) -> bool {
    let first = doc.word(range.start).to_lowercase();
    matches!(first.as_str(), "it" | "they")
        && (range.start + 1..trigger).all(|t| {
            let w = doc.word(t).to_lowercase();
            matches!(
                w.as_str(),
                "has"
                    | "have"
                    | "had"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "also"
                    | "then"
                    | "later"
                    | "will"
                    | "would"
                    | "said"
                    | "says"
            ) || (w.len() > 4 && w.ends_with("ly"))
        })
}

/// The person a sentence is attributed to: the one who "said", "told" or "announced", named
/// just before the reporting verb ("Brenner told reporters", "the delegation, led by Robert
/// Haines, said") or right after it ("said Malkov").
fn attributed_speaker<'h>(
    doc: &Doc<'_>,
    hits: &[&'h Hit],
    range: &Range<usize>,
) -> Option<&'h Hit> {
    let person = |h: &&&Hit| matches!(h.found, Found::Person { .. });
    range.clone().find_map(|t| {
        let w = doc.word(t).to_lowercase();
        if !matches!(w.as_str(), "said" | "says" | "told" | "added" | "announced") {
            return None;
        }
        hits.iter()
            .filter(person)
            .filter(|h| h.tokens.end <= t && h.tokens.end + 8 >= t)
            .max_by_key(|h| h.tokens.end)
            .or_else(|| {
                hits.iter()
                    .filter(person)
                    .find(|h| h.tokens.start > t && h.tokens.start <= t + 2)
            })
            .copied()
    })
}

/// The key of a country adjective right before the trigger ("Chinese military drills").
fn adjective_before(hits: &[&Hit], trigger: usize) -> Option<String> {
    hits.iter()
        .find(|h| {
            h.tokens.end == trigger
                && matches!(
                    h.found,
                    Found::Country {
                        form: CountryForm::Adjective,
                        ..
                    }
                )
        })
        .map(|h| h.key.clone())
}

/// Source and targets for directed categories: the first agent of the frame (a country
/// adjective naming the act first: "a Chinese invasion") acts on everyone else; with no
/// agent, the others are acted upon by someone unnamed.
fn direction(
    category: Plover,
    people: &[Participant],
    adjective_before: Option<&String>,
) -> (Option<String>, Vec<String>) {
    if category.is_mutual() {
        return (None, Vec::new());
    }
    let actors: Vec<&Participant> = people.iter().filter(|p| !p.place_only).collect();
    // "Japanese, Philippine and Australian warships will hold drills": acting together, no one
    // of them acts on the others.
    let mut agents: Vec<&str> = actors
        .iter()
        .filter(|p| p.agent && !p.borrowed)
        .map(|p| p.key.as_str())
        .collect();
    agents.sort_unstable();
    agents.dedup();
    if agents.len() > 1 {
        return (None, Vec::new());
    }
    let adjective = adjective_before.filter(|key| actors.iter().any(|p| p.agent && &p.key == *key));
    let source = adjective.cloned().or_else(|| {
        actors
            .iter()
            .filter(|p| p.agent && !p.borrowed)
            .min_by_key(|p| p.token)
            .map(|p| p.key.clone())
    });
    // "Mr Tarrant was jailed", "three managers face charges": with no one named doing it,
    // the parties are those it is done to.
    let Some(source) = source else {
        let mut targets: Vec<String> = actors
            .iter()
            .filter(|p| !p.agent && !p.borrowed)
            .map(|p| p.key.clone())
            .collect();
        targets.sort();
        targets.dedup();
        return (None, targets);
    };
    let mut targets: Vec<String> = actors
        .iter()
        .filter(|p| p.key != source)
        .map(|p| p.key.clone())
        .collect();
    targets.sort();
    targets.dedup();
    (Some(source), targets)
}

/// A year ("2022") or a day and month ("2 March 2026", "March 2, 2026") stated in the range.
fn date_in(doc: &Doc<'_>, tokens: &Range<usize>) -> Option<String> {
    let words: Vec<&str> = tokens.clone().map(|t| doc.word(t)).collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if let Some(m) = MONTHS.iter().position(|&m| m == lower) {
            let day_before = i.checked_sub(1).and_then(|p| words[p].parse::<u32>().ok());
            let day_after = words.get(i + 1).and_then(|n| n.parse::<u32>().ok());
            let day = day_before.or(day_after).filter(|d| (1..=31).contains(d));
            let year = words[i + 1..words.len().min(i + 4)]
                .iter()
                .find_map(|n| n.parse::<u32>().ok().filter(|y| (1900..2100).contains(y)));
            let month = m + 1;
            return match (year, day) {
                (Some(y), Some(d)) => Some(format!("{y}-{month:02}-{d:02}")),
                (Some(y), None) => Some(format!("{y}-{month:02}")),
                _ => None,
            };
        }
    }
    words
        .iter()
        .filter(|w| w.len() == 4)
        .find_map(|w| w.parse::<u32>().ok().filter(|y| (1900..2100).contains(y)))
        .map(|y| y.to_string())
}

fn label(lex: &Lexicon, e: &Event, names: &BTreeMap<String, String>) -> String {
    let kind = lex
        .triggers
        .iter()
        .find(|t| t.kind == e.kind)
        .map_or_else(|| e.kind.replace('_', " "), |t| t.label.clone());
    let name = |k: &String| names.get(k).cloned().unwrap_or_else(|| k.clone());
    let who = if let Some(source) = &e.source {
        let targets: Vec<String> = e.targets.iter().map(name).collect();
        if targets.is_empty() {
            name(source)
        } else {
            format!("{} → {}", name(source), join_names(&targets))
        }
    } else {
        join_names(&e.participants.iter().map(name).collect::<Vec<_>>())
    };
    let mut out = match e.modality {
        Some(m) => format!("{kind} ({}): {who}", m.label()),
        None => format!("{kind}: {who}"),
    };
    if let Some(place) = &e.place {
        out.push_str(" in ");
        out.push_str(place);
    }
    if let Some(date) = &e.date {
        out.push_str(" (");
        out.push_str(date);
        out.push(')');
    }
    out
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Slug of an article title, for event keys.
pub fn article_slug(title: &str) -> String {
    let s = slug(title);
    let cut: String = s.split('-').take(6).collect::<Vec<_>>().join("-");
    if cut.is_empty() {
        "article".into()
    } else {
        cut
    }
}
