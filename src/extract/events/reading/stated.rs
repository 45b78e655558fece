//! How a trigger's act is stated, read off the trigger's own dependents and its governors:
//! negated or tried and not done, under a condition or a modal, the content of another act,
//! planned, or someone's report. The stages of [`super::read`] after the roles and places.

use super::{Argument, Governed, Reading, Tree, has_child_word};
use crate::extract::Modality;
use crate::extract::events::patterns::{ArgumentRules, Role};
use crate::extract::parse::{Deprel, Upos};
use crate::extract::plover::Plover;

/// A trigger under reading: its head word `w`, the verb of its clause, its category and the
/// categories of every trigger of the sentence (by match index). Each stage of [`super::read`] is a
/// method; a stage that finds the act not stated as happening sets the reading's `unreal`.
#[derive(Clone, Copy)]
pub(super) struct Site<'a, 't> {
    pub(super) tree: &'a Tree<'t>,
    pub(super) rules: &'a ArgumentRules,
    pub(super) w: usize,
    pub(super) verb: usize,
    pub(super) category: Plover,
    pub(super) categories: &'a [Option<Plover>],
}

#[allow(
    clippy::many_single_char_names,
    reason = "tree walks: r the reading, w the trigger word, x the walker, h a head"
)]
impl Site<'_, '_> {
    /// An act named only as what someone wants or lacks, if so why it is not done.
    fn wanted_or_lacking(&self) -> Option<&'static str> {
        let Self { tree, rules, w, .. } = *self;
        if !matches!(tree.pos(w), Upos::Noun) {
            return None;
        }
        let head_in = |list: &str| {
            tree.head(w)
                .is_some_and(|h| tree.trigger_of[h].is_none() && rules.has(list, &tree.lower[h]))
        };
        // "wants a public inquiry", "was considering a new treaty": an act named as what
        // someone wants, weighs, favours or needs (`wanted_act_verbs`) is not done.
        if tree.rel(w) == Deprel::OBJ && head_in("wanted_act_verbs") {
            return Some("wanted, not done");
        }
        // "support from Chile has been lacking", "Peru's aid was missing", "lacked Chile's
        // backing": an act said to be absent (`absence_words`) is not done.
        if matches!(tree.rel(w).name(), "nsubj" | "obj") && head_in("absence_words") {
            return Some("said to be lacking");
        }
        None
    }

    /// "ended without an agreement", "left without signing the deal": whether the trigger or
    /// its verb is introduced by a word of `privative_marks`, which says the act did not happen.
    fn introduced_by_without(&self) -> bool {
        let Self {
            tree,
            rules,
            w,
            verb,
            ..
        } = *self;
        [w, verb]
            .into_iter()
            .any(|x| has_child_word(tree, rules, x, &["case", "mark"], "privative_marks"))
    }

    /// Negated, a description or a kind of thing rather than an act, tried and not done (an
    /// agreement not reached is read as such instead), or only something someone is able to do.
    pub(super) fn negation_and_failure(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            w,
            verb,
            category,
            ..
        } = *self;
        // Negation on the trigger or on the verb that carries it ("did not hold talks", "no
        // talks", "neither support nor oppose": "nor" joins a negated conjunct).
        let negated = |x: usize| {
            has_child_word(
                tree,
                rules,
                x,
                &["advmod", "det", "neg", "cc:preconj", "cc"],
                "negations",
            )
        };
        // "do not need to attack", "does not want to discuss": a negated verb that is no act
        // of its own negates the act it governs.
        let negated_governor = tree.rel(verb) == Deprel::XCOMP
            && tree
                .head(verb)
                .is_some_and(|h| tree.trigger_of[h].is_none() && negated(h));
        // "would not condemn Chile or recall its ambassador": an alternative joined to a
        // negated verb (`alternative_marks`) is negated with it.
        let negated_alternative = || {
            super::auxiliaries_shared_with(tree, verb).is_some_and(|h| {
                negated(h) && has_child_word(tree, rules, verb, &["cc"], "alternative_marks")
            })
        };
        if negated(w)
            || negated(verb)
            || negated_governor
            || negated_alternative()
            || self.introduced_by_without()
        {
            // "will not accept", "would not meet their demands": what one will not give is
            // refused, a rejection.
            let refusing = [w, verb]
                .into_iter()
                .any(|x| negated(x) && has_child_word(tree, rules, x, &["aux"], "refusal_modals"));
            if refusing && rules.has("refusable_categories", category.name()) {
                r.read_as = Some(("refusal", "refused"));
                return;
            }
            r.unreal = Some("negated");
            return;
        }
        // "Norway is the real threat to Peru", "a close ally of Chile": a noun said to be what
        // someone is describes them; it reports no act.
        if matches!(tree.pos(w), Upos::Noun) && tree.children_named(w, &["cop"]).next().is_some() {
            r.unreal = Some("a description, not an act");
            return;
        }
        // 'an "explosion" of quangos', 'a "war" on motorists': a noun set alone in quotation
        // marks is the speaker's figure of speech, not an act the writer reports.
        let quote = |k: usize| matches!(tree.text[k], "\"" | "“" | "”" | "'" | "‘" | "’");
        if matches!(tree.pos(w), Upos::Noun)
            && w >= 1
            && w + 1 < tree.text.len()
            && quote(w - 1)
            && quote(w + 1)
        {
            r.unreal = Some("a word in quotation marks");
            return;
        }
        // "aid charities", "protest groups": a noun that says what kind of thing another is
        // reports no act; one that says what kind of act ("mediation mission", "strike
        // action") still does.
        if matches!(tree.pos(w), Upos::Noun)
            && tree.rel(w) == Deprel::COMPOUND
            && tree.head(w).is_some_and(|h| {
                tree.pos(h) == Upos::Noun
                    && tree.trigger_of[h].is_none()
                    && !rules.has("act_nouns", &tree.lower[h])
            })
        {
            r.unreal = Some("a kind of thing, not an act");
            return;
        }
        // "failed to reach an agreement", "unable to attack": tried and not done.
        let failed = |x: usize| {
            (matches!(tree.rel(x).name(), "xcomp" | "acl")
                || tree.rel(x).name() == "advcl" && tree.is_infinitive(x))
                && tree
                    .head(x)
                    .is_some_and(|h| rules.has("failure_words", &tree.lower[h]))
        };
        if failed(w) || failed(verb) {
            if category != Plover::Agree {
                r.unreal = Some("tried and not done");
                return;
            }
            r.read_as = Some(("failed_agreement", "failed"));
        }
        // "would be able to reject proposals", "hackers capable of launching attacks": what
        // someone can do is not done.
        if self.hangs_under(&["xcomp", "acl", "advcl"], "ability_words") {
            r.unreal = Some("an ability, not an act");
            return;
        }
        if let Some(why) = self.wanted_or_lacking() {
            r.unreal = Some(why);
            return;
        }
        // "no plans to attack Chile", "no intention of attacking", "abandoned plans for
        // sanctions", "ruled out an invasion": an act that a plan denied or given up is about
        // (a noun of `intent_nouns` with a negation, or the object of a verb of
        // `dropping_verbs` or of "rule out"), or that is itself ruled out, is not done. (An
        // act dropped is not: "dropped bombs".)
        let object_of = |x: usize, list: &str| {
            tree.rel(x) == Deprel::OBJ
                && tree.head(x).is_some_and(|h| {
                    tree.trigger_of[h].is_none() && rules.has(list, &tree.lower[h])
                })
        };
        let ruled_out = |x: usize| {
            matches!(tree.rel(x), Deprel::OBJ | Deprel::OBL)
                && tree.head(x).is_some_and(|h| {
                    rules.has("ruling_verbs", &tree.lower[h])
                        && tree
                            .children_named(h, &["compound:prt"])
                            .chain(tree.children_named(x, &["case"]))
                            .any(|k| tree.lower[k] == "out")
                })
        };
        let given_up = [w, verb].into_iter().any(|x| {
            matches!(tree.rel(x).name(), "acl" | "nmod")
                && tree.head(x).is_some_and(|p| {
                    rules.has("intent_nouns", &tree.lower[p])
                        && (negated(p) || object_of(p, "dropping_verbs") || ruled_out(p))
                })
        });
        if given_up || matches!(tree.pos(w), Upos::Noun) && ruled_out(w) {
            r.unreal = Some("given up or ruled out, not done");
            return;
        }
        if self.held_back() {
            r.unreal = Some("avoided or put off, not done");
            return;
        }
        if self.rumoured() {
            r.unreal = Some("rumoured, not reported as done");
        }
    }

    /// "amid speculation he will be offered the job", "rumours of a rift": whether the act is
    /// rumoured, which is not reported as done.
    fn rumoured(&self) -> bool {
        let Self {
            tree, rules, verb, ..
        } = *self;
        if self.hangs_under(&["acl", "ccomp", "nmod", "acl:relcl"], "rumour_nouns") {
            return true;
        }
        // (The same where the parser hangs the clause elsewhere: its subject's first word
        // comes right after the rumour noun, or after "that" after one.)
        let subject_start = tree
            .children_named(verb, &["nsubj", "nsubj:pass"])
            .next()
            .map(|s| leftmost(tree, s));
        let Some(mut k) = subject_start.and_then(|first| first.checked_sub(1)) else {
            return false;
        };
        if tree.lower[k] == "that"
            && let Some(before) = k.checked_sub(1)
        {
            k = before;
        }
        rules.has("rumour_nouns", &tree.lower[k])
    }

    /// "refrained from attacking Chile", "avoided criticising", "postponed talks", "put off its
    /// visit", "held off on sanctions", "stopped short of imposing sanctions": whether the
    /// trigger or its verb names an act avoided, put off or stopped short of, which has not
    /// happened. (Not "held off the attack", which was repelled, nor "avoided war by
    /// negotiating", which took place.)
    fn held_back(&self) -> bool {
        let Self {
            tree,
            rules,
            w,
            verb,
            ..
        } = *self;
        let held_back = |x: usize| {
            let Some(h) = tree.head(x) else {
                return false;
            };
            let rel = tree.rel(x).name();
            let opened_by = |word: &str| {
                tree.children_named(x, &["case", "mark"])
                    .any(|k| tree.lower[k] == word)
            };
            let off = || {
                tree.children_named(h, &["compound:prt"])
                    .any(|k| tree.lower[k] == "off")
            };
            let head = &tree.lower[h];
            if rules.has("avoiding_verbs", head) {
                matches!(rel, "obj" | "xcomp" | "nsubj:pass")
                    || matches!(rel, "advcl" | "obl") && opened_by("from")
            } else if rules.has("putting_off_verbs", head) {
                matches!(rel, "obj" | "nsubj:pass") && off()
            } else if rules.has("holding_off_verbs", head) {
                matches!(rel, "advcl" | "obl") && opened_by("on") && off()
            } else {
                rules.has("short_words", head) && matches!(rel, "advcl" | "obl") && opened_by("of")
            }
        };
        [w, verb].into_iter().any(held_back)
    }

    /// Whether the trigger or its verb hangs by one of `rels` from a word of `list`.
    fn hangs_under(&self, rels: &[&str], list: &str) -> bool {
        let Self {
            tree,
            rules,
            w,
            verb,
            ..
        } = *self;
        [w, verb].into_iter().any(|x| {
            rels.contains(&tree.rel(x).name())
                && tree
                    .head(x)
                    .is_some_and(|h| rules.has(list, &tree.lower[h]))
        })
    }

    /// Judged improbable, or asked about: "Chile is unlikely to attack Peru", "asked who
    /// ordered the raid".
    pub(super) fn doubted_or_asked(&self, r: &mut Reading) {
        let Self {
            tree, rules, verb, ..
        } = *self;
        // "Chile is unlikely to attack Peru", "it was doubtful that Chile would sign": what is
        // judged improbable (`doubt_words`) is not done.
        if self.hangs_under(
            &["xcomp", "ccomp", "csubj", "parataxis", "advcl"],
            "doubt_words",
        ) {
            r.unreal = Some("doubted, not done");
            return;
        }
        // "worrying about who has provided them", "asked who ordered the raid": a clause
        // whose subject is a question word after a verb, preposition or adjective asks who
        // acts; it states no act ("Norway, who ..." is a relative clause: a noun comes before).
        let asks_who = tree
            .children_named(verb, &["nsubj", "nsubj:pass"])
            .any(|s| {
                rules.has("question_words", &tree.lower[s])
                    && s.checked_sub(1).is_none_or(|b| {
                        matches!(
                            tree.pos(b),
                            Upos::Verb | Upos::Adp | Upos::Sconj | Upos::Adj | Upos::Aux
                        )
                    })
            });
        if asks_who {
            r.unreal = Some("a question, not an act");
        }
    }

    /// Whether the act is an ultimatum, and for a threat or an ultimatum, the subjects of its
    /// conditions as its targets.
    pub(super) fn conditions_on_the_target(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            w,
            verb,
            category,
            ..
        } = *self;
        // A noun whose verb is another trigger ("halt the talks unless ...") leaves the
        // condition to that verb's act.
        let own_verb = verb == w || tree.trigger_of[verb].is_none();
        let carriers: &[usize] = if own_verb { &[w, verb] } else { &[w] };
        r.ultimatum = carriers.iter().any(|&x| {
            tree.children_named(x, &["advcl"])
                .any(|c| has_child_word(tree, rules, c, &["mark"], "ultimatum_marks"))
        });
        // A threat or an ultimatum is aimed at whoever must act to avoid it: the subject of
        // its "unless" or "if" clause ("threatened to stop the talks if the United States goes
        // ahead").
        if !(r.ultimatum || category == Plover::Threaten) {
            return;
        }
        // The condition may hang from the threatened act or from what that act is about
        // ("threatened to stop talks to cut arms if the United States goes ahead").
        let mut heads: Vec<usize> = carriers.to_vec();
        let mut k = 0;
        while k < heads.len() && heads.len() < 8 {
            let x = heads[k];
            // "threatened to stop negotiations to reduce quotas if ...": through the
            // threatened act's object and the infinitive that qualifies it too; "warned that
            // it would use force if ...": through the clause that says what is threatened.
            for c in tree.children_named(x, &["xcomp", "advcl", "obj", "acl", "ccomp"]) {
                let infinitive = matches!(tree.rel(c), Deprel::XCOMP | Deprel::OBJ | Deprel::CCOMP)
                    || tree.is_infinitive(c);
                if infinitive && !heads.contains(&c) {
                    heads.push(c);
                }
            }
            k += 1;
        }
        for &x in &heads {
            for c in tree.children_named(x, &["advcl"]) {
                if !has_child_word(tree, rules, c, &["mark"], "conditionals") {
                    continue;
                }
                for subject in tree.children_named(c, &["nsubj"]) {
                    r.arguments.push(Argument {
                        role: Role::Target,
                        word: subject,
                        pattern: "condition-subject".to_owned(),
                        why: format!(
                            "subject of the condition '{}', the one the threat is aimed at",
                            tree.text[c]
                        ),
                    });
                }
            }
        }
    }

    /// An obligation ("must return"); only possible ("might attack"); or under a condition
    /// anywhere above the trigger.
    pub(super) fn modals_and_conditions(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            w,
            verb,
            ..
        } = *self;
        let aux = |list: &str| {
            has_child_word(tree, rules, verb, &["aux"], list)
                || has_child_word(tree, rules, w, &["aux"], list)
        };
        r.obligation = aux("obligation_modals").then(|| {
            if aux("perfect_auxiliaries") {
                super::Obligation::Unmet
            } else {
                super::Obligation::Due
            }
        });
        if has_child_word(tree, rules, verb, &["aux"], "doubtful_modals")
            || has_child_word(tree, rules, w, &["aux"], "doubtful_modals")
        {
            // "could impose sanctions on Peru if the law is passed": a possible act made to
            // hang on a condition is held out, as "would impose" is (a threat, or a pledge),
            // not merely possible. "can" and "may" without a condition stay possibilities.
            // (The parse may hang the condition on the verb of saying the act is told by:
            // "could impose sanctions if the law is passed, an official said"; or on the act's
            // object, the nearest noun: "could close the strait if Peru sent warships".)
            let reporter = (tree.rel(verb) == Deprel::CCOMP)
                .then(|| tree.head(verb))
                .flatten()
                .filter(|&h| rules.has("reporting_verbs", &tree.lower[h]));
            let objects: Vec<usize> = tree.children_named(verb, &["obj"]).collect();
            let held_out = aux("conditional_offer_modals")
                && [Some(w), Some(verb), reporter]
                    .into_iter()
                    .flatten()
                    .chain(objects)
                    .any(|x| {
                        tree.children_named(x, &["advcl"])
                            .any(|c| has_child_word(tree, rules, c, &["mark"], "conditionals"))
                    });
            if !held_out {
                r.unreal = Some("only possible");
                return;
            }
            r.modality = Some(Modality::Hypothetical);
        }
        // A condition anywhere above the trigger ("if Norway attacked Chile, ...").
        let mut x = w;
        let mut hops = 0;
        loop {
            if has_child_word(tree, rules, x, &["mark"], "conditionals") {
                r.unreal = Some("conditional");
                return;
            }
            match tree.head(x) {
                Some(h) if hops < 12 => {
                    x = h;
                    hops += 1;
                }
                _ => break,
            }
        }
    }

    /// The content of another act: "agreed to lift sanctions", "accused Y of attacking Z",
    /// "called for talks". Verbal complements of acts of saying are what is said; nominal ones
    /// of demands, agreements, rejections and threats are what is asked, agreed, refused or
    /// threatened.
    pub(super) fn content_of_another_act(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            w,
            categories,
            ..
        } = *self;
        let governor = |x: usize| -> Option<Plover> {
            let h = tree.head(x)?;
            let t = tree.trigger_of[h]?;
            (tree.trigger_of[x] != Some(t)).then_some(())?;
            categories.get(t).copied().flatten()
        };
        let verbal = self.verbal();
        // "accused Y of attacking Z", "warned Y against supplying arms": an adverbial clause
        // is content only after such a marker (`content_clause_marks`).
        let marked_of = tree.children[w].iter().any(|&c| {
            tree.rel(c) == Deprel::MARK && rules.has("content_clause_marks", &tree.lower[c])
        });
        // "agreed on Saturday to provide aid": an infinitive the parse hung as an adverbial
        // clause is what is agreed all the same; "calls for him to resign": an infinitive
        // clause of an act's noun is what that act asks.
        let infinitive =
            matches!(tree.rel(w), Deprel::ADVCL | Deprel::ACL) && tree.is_infinitive(w);
        let content_rels: &[&str] = if verbal && (marked_of || infinitive) {
            &["xcomp", "ccomp", "advcl", "acl", "csubj"]
        } else if verbal {
            &["xcomp", "ccomp", "csubj"]
        } else {
            &[
                "obj",
                "obl",
                "xcomp",
                "nmod",
                "ccomp",
                "advcl",
                "nsubj:pass",
            ]
        };
        // "urged the men to step down": an infinitive the parse hung from the object of an
        // act, not from the act, is what that act asks all the same.
        if verbal
            && tree.rel(w).name() == "acl"
            && tree.is_infinitive(w)
            && let Some(n) = tree.head(w)
            && matches!(tree.rel(n).name(), "obj" | "iobj")
            && let Some(g) = governor(n)
            && rules.has("content_categories", g.name())
        {
            r.unreal = Some("the content of another act");
            r.governor = tree.head(n);
            return;
        }
        // "denied claims that Chile attacked Peru", "rejected the idea Chile posed a threat":
        // a clause stating what a claim denied or looked into says is not established.
        // The parser often labels such a clause a relative one; a relative clause whose
        // subject is the relative word ("claims which angered Peru") is no content.
        let clause = if verbal { w } else { self.verb };
        let own_subject = tree
            .children_named(clause, &["nsubj", "nsubj:pass"])
            .any(|c| !rules.has("reflexive_or_relative", &tree.lower[c]));
        if (matches!(tree.rel(clause).name(), "acl" | "ccomp")
            || tree.rel(clause).name() == "acl:relcl" && own_subject)
            && let Some(n) = tree.head(clause)
            && rules.has("doubted_claim_nouns", &tree.lower[n])
            && matches!(tree.rel(n).name(), "obj" | "nsubj:pass")
            && let Some(g) = governor(n)
            && rules.has("doubting_categories", g.name())
        {
            r.unreal = Some("the content of another act");
            r.governor = tree.head(n);
            return;
        }
        let mut up = w;
        for _ in 0..2 {
            if !content_rels.contains(&tree.rel(up).name()) {
                break;
            }
            // "called for sanctions", "talks on the lifting of sanctions" are about them; "in
            // the wake of the execution" is not.
            if !verbal
                && matches!(tree.rel(up).name(), "obl" | "nmod")
                && !tree
                    .case_of(up)
                    .is_some_and(|k| rules.has("nominal_content_cases", k))
            {
                break;
            }
            if let Some(g) = governor(up) {
                // "promised to continue military aid": reached through a verb, what hangs from
                // the act is a clause, whatever the trigger's own part of speech.
                let list = if verbal || up != w && tree.pos(up) == Upos::Verb {
                    "content_categories"
                } else {
                    "nominal_content_categories"
                };
                if rules.has(list, g.name()) {
                    r.unreal = Some("the content of another act");
                    r.governor = tree.head(up);
                    return;
                }
                break;
            }
            match tree.head(up) {
                Some(h) => up = h,
                None => break,
            }
        }
    }

    /// Whether the trigger is a verb, an adjective or an auxiliary rather than a noun.
    fn verbal(&self) -> bool {
        matches!(self.tree.pos(self.w), Upos::Verb | Upos::Adj | Upos::Aux)
    }

    /// "provide aid to Romania", "launched an attack on X": a noun naming the act its verb
    /// does (a trigger of the same category) is that verb's act; its roles go to the verb.
    /// An answer is never the act it answers: "accepted Peru's offer", "praised Peru's
    /// support" (`answering_verbs`) are acts of their own on whoever made the offer.
    pub(super) fn same_act_as_its_verb(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            w,
            category,
            categories,
            ..
        } = *self;
        if self.verbal() {
            return;
        }
        let mut x = w;
        for _ in 0..2 {
            if !matches!(tree.rel(x).name(), "obj" | "nmod" | "compound") {
                break;
            }
            let Some(h) = tree.head(x) else { break };
            if let Some(t) = tree.trigger_of[h]
                && tree.trigger_of[w] != Some(t)
                && matches!(tree.pos(h), Upos::Verb)
                && categories.get(t).copied().flatten() == Some(category)
                && !rules.has("answering_verbs", &tree.lower[h])
            {
                r.unreal = Some("the same act as its verb");
                r.governor = Some(h);
                r.governed_as = Governed::SameAct;
                return;
            }
            x = h;
        }
    }

    /// "marched demanding his resignation", "staged demonstrations to demand reforms", "began
    /// a hunger strike to protest against the decision": a demand or protest made by
    /// protesting is the protest's aim (`protest_aim_categories`); the protest is the event
    /// and takes its target.
    pub(super) fn aim_of_a_protest(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            verb,
            category,
            categories,
            ..
        } = *self;
        if !rules.has("protest_aim_categories", category.name()) {
            return;
        }
        // "staged a hunger strike in protest against the abuses": the phrase names the strike's
        // aim, as "to protest against" does.
        let aim_phrase = |x: usize| {
            matches!(tree.rel(x).name(), "obl" | "nmod")
                && tree.pos(x) == Upos::Noun
                && tree
                    .children_named(x, &["case"])
                    .any(|c| rules.has("protest_aim_cases", &tree.lower[c]))
        };
        if !matches!(tree.rel(verb).name(), "advcl" | "xcomp" | "acl") && !aim_phrase(verb) {
            return;
        }
        let protest = |x: usize| {
            tree.trigger_of[x]
                .and_then(|t| categories.get(t).copied().flatten())
                .is_some_and(|c| c == Plover::Protest)
        };
        let Some(h) = tree.head(verb) else { return };
        // What is protested goes to the protest the aim is of: the head or the head's object
        // (a phrase's own protest word, unlike a verb, is no trigger's head).
        let mut objects = tree.children_named(h, &["obj"]);
        let governor = if protest(h) {
            Some(h)
        } else if aim_phrase(verb) {
            objects.find(|&o| protest(o))
        } else {
            objects.any(protest).then_some(h)
        };
        if governor.is_some() {
            r.unreal = Some("the aim of a protest");
            r.governor = governor;
        }
    }

    /// Modality from the verb's auxiliaries and from a governing verb of intention.
    pub(super) fn modality(&self, r: &mut Reading) {
        let Self {
            tree,
            rules,
            w,
            verb,
            ..
        } = *self;
        if has_child_word(tree, rules, verb, &["aux"], "future_modals")
            || has_child_word(tree, rules, w, &["aux"], "future_modals")
        {
            r.modality = Some(Modality::Planned);
        } else if has_child_word(tree, rules, verb, &["aux"], "hypothetical_modals") {
            r.modality = Some(Modality::Hypothetical);
        }
        // "July's G8 summit will use the report": an act named as the subject of what will
        // happen is itself to come, on the calendar, no one's pledge or threat.
        if r.modality.is_some()
            && w != verb
            && matches!(tree.rel(w).name(), "nsubj" | "nsubj:pass")
            && tree.head(w) == Some(verb)
        {
            r.scheduled = true;
        }
        // "would probably discuss the ruling", "will likely strike": foretold, not promised
        // nor threatened.
        if r.modality.is_some()
            && has_child_word(tree, rules, verb, &["advmod"], "foretelling_adverbs")
        {
            r.scheduled = true;
        }
        // "announced on Wednesday it would prohibit all aid": what will be done, declared.
        r.declared = r.modality.is_some()
            && tree.rel(verb) == Deprel::CCOMP
            && tree
                .head(verb)
                .is_some_and(|h| rules.has("declaring_verbs", &tree.lower[h]));
        // "challenged Ola Berg to deny the reports", "told the council to act": asked of
        // another, who has not done it (the parse may hang the clause as a purpose).
        // ("called on Chile to halt …": the one called on is an oblique with "on".)
        let called_on = |h: usize| {
            rules.has("calling_verbs", &tree.lower[h])
                && tree.children_named(h, &["obl"]).any(|o| {
                    o < verb
                        && tree
                            .children_named(o, &["case"])
                            .any(|c| tree.lower[c] == "on")
                })
        };
        // "ordered the army to deploy": troops, police or ships ordered to act do the act of
        // whoever commands them (`commanding_verbs`, `deployable_nouns`); no one else is asked.
        let own_forces = |h: usize| {
            rules.has("commanding_verbs", &tree.lower[h])
                && tree
                    .children_named(h, &["obj"])
                    .any(|o| rules.has("deployable_nouns", &tree.lower[o]))
        };
        if let Some(h) = tree.head(verb)
            && !own_forces(h)
            && (rules.has("persuading_verbs", &tree.lower[h])
                && tree.children_named(h, &["obj", "iobj"]).next().is_some()
                || called_on(h))
            && (tree.rel(verb) == Deprel::XCOMP
                || tree.rel(verb) == Deprel::ADVCL
                    && tree
                        .children_named(verb, &["mark"])
                        .any(|m| tree.lower[m] == "to"))
        {
            r.unreal = Some("asked of another");
            r.governor = Some(h);
            return;
        }
        let mut x = verb;
        for _ in 0..2 {
            if tree.rel(x) != Deprel::XCOMP {
                break;
            }
            let Some(h) = tree.head(x) else { break };
            // "want the government to withdraw the rules": wished of another, who has
            // neither done it nor pledged it.
            if rules.has("wishing_verbs", &tree.lower[h])
                && tree.children_named(h, &["obj", "iobj"]).next().is_some()
            {
                r.unreal = Some("wished of another");
                r.governor = Some(h);
                return;
            }
            if rules.has("planning_verbs", &tree.lower[h]) {
                r.modality = Some(Modality::Planned);
                // "decided to impose sanctions": decided, not merely intended.
                r.declared = rules.has("decision_verbs", &tree.lower[h]);
                r.scheduled = rules.has("scheduling_words", &tree.lower[h]);
                break;
            }
            x = h;
        }
    }

    /// Reported speech: the nearest verb of saying above the trigger's clause, or one hanging
    /// from it as an aside ("..., officials said").
    pub(super) fn reporter(&self, r: &mut Reading) {
        let Self {
            tree, rules, verb, ..
        } = *self;
        let mut x = verb;
        for _ in 0..4 {
            if let Some(c) = tree
                .children_named(x, &["parataxis", "ccomp"])
                .find(|&c| rules.has("reporting_verbs", &tree.lower[c]) && c > x)
            {
                r.reporter = nearest_subject(tree, c);
                break;
            }
            if !matches!(
                tree.rel(x).name(),
                "ccomp" | "parataxis" | "conj" | "xcomp" | "advcl"
            ) {
                break;
            }
            let Some(h) = tree.head(x) else { break };
            if rules.has("reporting_verbs", &tree.lower[h]) {
                r.reporter = nearest_subject(tree, h);
                break;
            }
            x = h;
        }
    }
}

/// The first word of the subtree of word `w`.
fn leftmost(tree: &Tree<'_>, w: usize) -> usize {
    let mut first = w;
    let mut stack = vec![w];
    while let Some(x) = stack.pop() {
        first = first.min(x);
        stack.extend(tree.children[x].iter().copied());
    }
    first
}

/// The subject of verb `v`. "… away from demonising media chief Alastair Campbell, Peter
/// Mandelson has said" may give "said" two subjects: the speaker is the later one when a comma
/// sets its phrase off from the earlier; otherwise ("Rabbi Marvin Hier, founder of the
/// Simon Wiesenthal Center said") the first.
fn nearest_subject(tree: &Tree<'_>, v: usize) -> Option<usize> {
    let subjects: Vec<usize> = tree.children_named(v, &["nsubj"]).collect();
    let (&first, &last) = (subjects.first()?, subjects.last()?);
    // The first word of the later subject's phrase.
    let mut start = last;
    let mut stack = vec![last];
    while let Some(w) = stack.pop() {
        start = start.min(w);
        stack.extend(tree.children[w].iter().copied());
    }
    let set_off = start > first + 1 && tree.lower[start - 1] == ",";
    Some(if set_off { last } else { first })
}
