//! Beam search over the arc-hybrid transitions, and its global training.
//!
//! The greedy parser commits to the best move at each state. The beam keeps the `width`
//! best partial parses instead: at each step every kept parse is extended by each of its
//! valid moves, a parse's score is the sum of its moves' scores, and the `width` best
//! extensions are kept (ties go to the earlier parse, then to the move order SHIFT, LEFT,
//! RIGHT, so a beam of one is the greedy parser). Every parse of `n` words takes `2n` moves,
//! so all the kept parses end together. A move that is the only valid one adds nothing to
//! the score, as the greedy parser does not score it either. Each parse labels its arcs with
//! the labeller when it makes them, as the greedy parser does; the labels do not enter the
//! score.
//!
//! Training is global (a structured perceptron over whole move sequences, Collins and Roark
//! 2004; Zhang and Clark 2008; Huang, Fayong and Guo 2012): the training sentence is parsed
//! with the beam, and the model is corrected when the gold sequence (the static oracle's, on
//! the tree made projective by the oracle) is lost. With the *early* update the search stops
//! at the first step where the gold sequence falls out of the beam, and the gold prefix is
//! rewarded and the best prefix in the beam penalized; with the *max-violation* update the
//! search runs to the end and the update is made at the step where the best prefix leads the
//! gold one by most. Both sequences share their first moves; only the moves after they part
//! are updated, so the update touches only the features of the two sequences' states from
//! there on. Parses keep their history as parent pointers into one list of steps, so a
//! parse's moves and features are not copied when it is extended.

use super::Deprel;
use super::features::{
    LABEL_FEATURES, PARSE_FEATURES, Positions, ROLES, WordInfo, label_features, parse_features,
    parse_state_features, role_positions,
};
use super::model::{ChunkWork, Parser, best_two};
use super::train::Perceptron;
use super::transition::{LEFT, MOVES, RIGHT, SHIFT, State};

/// One kept parse of the decoder.
#[derive(Debug, Clone, Default)]
struct Hyp {
    state: State,
    /// How far each word's first label led the next best.
    margins: Vec<i32>,
    score: i64,
}

/// An extension of a kept parse: its score, the parse's index and the move.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: i64,
    from: u32,
    t: u8,
    /// The features of the parse's state (index into the trainer's list; unused when
    /// decoding).
    feats: u32,
}

/// No features: the move was the only valid one.
const FORCED: u32 = u32::MAX;

/// Best first; ties to the earlier parse, then the earlier move (a beam of one is greedy).
fn sort_candidates(cands: &mut [Candidate]) {
    cands.sort_unstable_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.from.cmp(&b.from))
            .then(a.t.cmp(&b.t))
    });
}

/// The decoder's working memory, reused from chunk to chunk.
#[derive(Debug, Default)]
pub(super) struct BeamWork {
    hyps: Vec<Hyp>,
    next: Vec<Hyp>,
    cands: Vec<Candidate>,
}

impl Parser {
    /// The number of parses kept at each step (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam.max(1)
    }

    /// Parses with a beam of `width` parses from now on (1: greedy), whatever width the
    /// model was trained with.
    pub fn set_beam(&mut self, width: usize) {
        self.beam = width.max(1);
    }

    /// [`Parser::parse_chunk`] with a beam of [`Parser::beam`] parses.
    pub(super) fn parse_chunk_beam(
        &self,
        info: &[WordInfo],
        tags: &[u8],
        state: &mut State,
        work: &mut ChunkWork,
    ) {
        self.beam_decode(info, tags, state, work, self.beam.max(1));
    }

    /// Parses one chunk with a beam of `width` parses; the best ends in `state`, its label
    /// margins in `work.margins`.
    pub(super) fn beam_decode(
        &self,
        info: &[WordInfo],
        tags: &[u8],
        state: &mut State,
        work: &mut ChunkWork,
        width: usize,
    ) {
        let n = info.len();
        work.positions.fill(info, tags);
        self.fill_roles(
            &work.positions,
            &mut work.roles,
            &mut work.tag_roles,
            &mut work.word_roles,
        );
        let (positions, roles) = (&work.positions, &work.roles);
        let BeamWork { hyps, next, cands } = &mut work.beam;
        if hyps.is_empty() {
            hyps.push(Hyp::default());
        }
        let first = &mut hyps[0];
        first.state.reset(n);
        first.margins.clear();
        first.margins.resize(n, i32::MAX);
        first.score = 0;
        let mut live = 1;
        let mut label_feats = [0u64; LABEL_FEATURES];
        while !hyps[0].state.is_terminal() {
            cands.clear();
            for (h, hyp) in hyps[..live].iter().enumerate() {
                let from = u32::try_from(h).unwrap_or(u32::MAX);
                let push = |cands: &mut Vec<Candidate>, score: i64, t: usize| {
                    cands.push(Candidate {
                        score,
                        from,
                        t: u8::try_from(t).unwrap_or(0),
                        feats: FORCED,
                    });
                };
                if let Some(t) = hyp.state.only_valid() {
                    push(cands, hyp.score, t);
                    continue;
                }
                let scores = self.move_scores(&hyp.state, positions, roles);
                for t in (0..MOVES).filter(|&t| hyp.state.valid(t)) {
                    push(cands, hyp.score + i64::from(scores[t]), t);
                }
            }
            sort_candidates(cands);
            let keep = cands.len().min(width);
            if next.len() < keep {
                next.resize_with(keep, Hyp::default);
            }
            for (c, to) in cands[..keep].iter().zip(next.iter_mut()) {
                let from = &hyps[c.from as usize];
                to.state.clone_from(&from.state);
                to.margins.clone_from(&from.margins);
                to.score = c.score;
                let t = usize::from(c.t);
                let label =
                    self.label_arc(&to.state, positions, t, &mut to.margins, &mut label_feats);
                to.state.apply(t, label);
            }
            std::mem::swap(hyps, next);
            live = keep;
        }
        state.clone_from(&hyps[0].state);
        work.margins.clone_from(&hyps[0].margins);
    }

    /// The transition scores of `state`: each role's precomputed one-position scores, then
    /// the templates that read more of the state (the greedy parser's scores too).
    #[inline]
    pub(super) fn move_scores(
        &self,
        state: &State,
        positions: &Positions,
        roles: &[[[i32; 4]; ROLES]],
    ) -> [i32; 4] {
        let n = state.len();
        let mut scores = [0i32; 4];
        for (r, x) in role_positions(state).into_iter().enumerate() {
            // No word (`NO`) reads the last row.
            let row = usize::from(x).min(n + 1);
            for (s, &v) in scores.iter_mut().zip(&roles[row][r]) {
                *s += v;
            }
        }
        if self.dense.is_built_for(self.cache_id) {
            let (hashed, dense) = super::dense::split_state_features(state, positions);
            self.dense.add_scores(&dense, &mut scores);
            self.moves.add_scores(&hashed, &mut scores);
        } else {
            self.moves
                .add_scores(&parse_state_features(state, positions), &mut scores);
        }
        scores
    }

    /// The label of the arc move `t` makes in `state` (as the greedy parser labels it), its
    /// margin written to `margins`.
    fn label_arc(
        &self,
        state: &State,
        positions: &Positions,
        t: usize,
        margins: &mut [i32],
        label_feats: &mut [u64; LABEL_FEATURES],
    ) -> u8 {
        debug_assert!(t == SHIFT || t == LEFT || t == RIGHT);
        match state.arc(t) {
            Some((head, _)) if usize::from(head) == state.len() => Deprel::ROOT.0,
            Some((head, dep)) => {
                let scores = self.label_scores(state, positions, (head, dep), label_feats);
                let (l, next) = best_two(&scores, |c| c != Deprel::ROOT.index());
                margins[usize::from(dep)] = scores[l].saturating_sub(scores[next]);
                u8::try_from(l).unwrap_or(Deprel::DEP.0)
            }
            None => u8::MAX,
        }
    }
}

/// How the global training corrects the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// At the first step where the gold sequence falls out of the beam.
    Early,
    /// At the step where the best prefix leads the gold prefix by most.
    MaxViolation,
}

/// One step of a parse in training: the step before it, the move and the features of the
/// state it was made from.
#[derive(Debug, Clone, Copy)]
struct Node {
    parent: u32,
    t: u8,
    feats: u32,
}

/// No step before: the start.
const START: u32 = u32::MAX;

/// One kept parse in training.
#[derive(Debug, Clone, Default)]
struct TrainHyp {
    state: State,
    score: i64,
    /// Its last step ([`START`] before the first).
    node: u32,
    /// Whether every move so far is the gold one.
    gold: bool,
}

/// A training sentence: words, tags the parser reads, gold heads (`n` for the root) and
/// labels.
pub(super) struct Sentence<'a> {
    pub(super) info: &'a [WordInfo],
    pub(super) tags: &'a [u8],
    pub(super) heads: &'a [u16],
    pub(super) labels: &'a [u8],
}

/// The global trainer's working memory, reused from sentence to sentence.
#[derive(Debug, Default)]
pub(super) struct BeamTrainer {
    /// The sentence's positions as the features read them.
    positions: Positions,
    hyps: Vec<TrainHyp>,
    next: Vec<TrainHyp>,
    cands: Vec<Candidate>,
    nodes: Vec<Node>,
    feats: Vec<[u64; PARSE_FEATURES]>,
    gold_moves: Vec<u8>,
    gold_feats: Vec<u32>,
    /// The gold sequence's score after each step.
    gold_scores: Vec<i64>,
    gold: State,
    path: Vec<u32>,
    /// The last update: the prefix length and the predicted prefix's last step.
    last_update: Option<(usize, u32)>,
}

impl BeamTrainer {
    /// Parses `s` with a beam of `width` and updates `moves` where the gold sequence is lost;
    /// `labels` learns each gold arc's label on the gold sequence's states.
    pub(super) fn train_sentence(
        &mut self,
        s: &Sentence,
        moves: &mut Perceptron,
        labels: &mut Perceptron,
        width: usize,
        update: Update,
    ) {
        self.last_update = None;
        self.feats.clear();
        self.nodes.clear();
        self.positions.fill(s.info, s.tags);
        self.gold_sequence(s, moves, labels);
        let n = s.info.len();
        self.hyps.truncate(1);
        if self.hyps.is_empty() {
            self.hyps.push(TrainHyp::default());
        }
        let first = &mut self.hyps[0];
        first.state.reset(n);
        first.score = 0;
        first.node = START;
        first.gold = true;
        let mut live = 1;
        let mut worst: Option<(i64, usize, u32)> = None;
        for step in 0..2 * n {
            self.cands.clear();
            for (h, hyp) in self.hyps[..live].iter().enumerate() {
                let from = u32::try_from(h).unwrap_or(u32::MAX);
                let to_u8 = |t: usize| u8::try_from(t).unwrap_or(0);
                if let Some(t) = hyp.state.only_valid() {
                    self.cands.push(Candidate {
                        score: hyp.score,
                        from,
                        t: to_u8(t),
                        feats: FORCED,
                    });
                    continue;
                }
                let mut f = [0u64; PARSE_FEATURES];
                parse_features(&hyp.state, &self.positions, &mut f);
                let scores: [i32; 4] = moves.scores(&f);
                let feats = u32::try_from(self.feats.len()).unwrap_or(FORCED);
                self.feats.push(f);
                for t in (0..MOVES).filter(|&t| hyp.state.valid(t)) {
                    self.cands.push(Candidate {
                        score: hyp.score + i64::from(scores[t]),
                        from,
                        t: to_u8(t),
                        feats,
                    });
                }
            }
            sort_candidates(&mut self.cands);
            let keep = self.cands.len().min(width);
            if self.next.len() < keep {
                self.next.resize_with(keep, TrainHyp::default);
            }
            for (c, to) in self.cands[..keep].iter().zip(self.next.iter_mut()) {
                let from = &self.hyps[c.from as usize];
                to.state.clone_from(&from.state);
                to.score = c.score;
                to.gold = from.gold && c.t == self.gold_moves[step];
                let node = u32::try_from(self.nodes.len()).unwrap_or(START);
                self.nodes.push(Node {
                    parent: from.node,
                    t: c.t,
                    feats: c.feats,
                });
                to.node = node;
                let t = usize::from(c.t);
                to.state.apply(t, gold_label(&to.state, s, t));
            }
            std::mem::swap(&mut self.hyps, &mut self.next);
            live = keep;
            let top = &self.hyps[0];
            if top.gold {
                continue;
            }
            match update {
                Update::Early => {
                    if !self.hyps[..live].iter().any(|h| h.gold) {
                        self.update(step + 1, top.node, moves);
                        return;
                    }
                }
                Update::MaxViolation => {
                    let violation = top.score - self.gold_scores[step];
                    if worst.is_none_or(|(v, _, _)| violation >= v) {
                        worst = Some((violation, step + 1, top.node));
                    }
                }
            }
        }
        if self.hyps[0].gold {
            return;
        }
        match (update, worst) {
            (Update::MaxViolation, Some((_, len, node))) => self.update(len, node, moves),
            _ => self.update(2 * n, self.hyps[0].node, moves),
        }
    }

    /// The static oracle's moves for `s` (the cheapest by the dynamic oracle's costs,
    /// LEFT before RIGHT before SHIFT), their features and the running score; the labeller
    /// learns on the way.
    fn gold_sequence(&mut self, s: &Sentence, moves: &Perceptron, labels: &mut Perceptron) {
        let n = s.info.len();
        self.gold_moves.clear();
        self.gold_feats.clear();
        self.gold_scores.clear();
        self.gold.reset(n);
        let mut score = 0i64;
        let mut label_feats = [0u64; LABEL_FEATURES];
        while !self.gold.is_terminal() {
            let costs = self.gold.costs(s.heads);
            let t = [LEFT, RIGHT, SHIFT]
                .into_iter()
                .filter(|&t| costs[t] != u32::MAX)
                .min_by_key(|&t| costs[t])
                .unwrap_or(SHIFT);
            if self.gold.only_valid().is_some() {
                self.gold_feats.push(FORCED);
            } else {
                let mut f = [0u64; PARSE_FEATURES];
                parse_features(&self.gold, &self.positions, &mut f);
                let scores: [i32; 4] = moves.scores(&f);
                score += i64::from(scores[t]);
                self.gold_feats
                    .push(u32::try_from(self.feats.len()).unwrap_or(FORCED));
                self.feats.push(f);
            }
            self.gold_moves.push(u8::try_from(t).unwrap_or(0));
            self.gold_scores.push(score);
            if let Some((head, dep)) = self.gold.arc(t)
                && usize::from(head) != n
                && s.heads[usize::from(dep)] == head
            {
                label_features(&self.gold, &self.positions, head, dep, &mut label_feats);
                let scores: [i32; Deprel::COUNT] = labels.scores(&label_feats);
                let guess = super::model::best(&scores, |c| c != Deprel::ROOT.index());
                let right = usize::from(s.labels[usize::from(dep)]);
                if guess != right {
                    labels.update(&label_feats, right, guess);
                }
            }
            let label = gold_label(&self.gold, s, t);
            self.gold.apply(t, label);
        }
    }

    /// Rewards the gold sequence's first `len` moves and penalizes the predicted prefix
    /// ending at `node`, from the first move where they differ.
    fn update(&mut self, len: usize, node: u32, moves: &mut Perceptron) {
        self.last_update = Some((len, node));
        self.path.clear();
        let mut at = node;
        while at != START {
            self.path.push(at);
            at = self.nodes[at as usize].parent;
        }
        self.path.reverse();
        debug_assert_eq!(self.path.len(), len);
        let Some(parted) =
            (0..len).find(|&i| self.nodes[self.path[i] as usize].t != self.gold_moves[i])
        else {
            return;
        };
        for i in parted..len {
            let gold = self.gold_feats[i];
            if gold != FORCED {
                moves.add(
                    &self.feats[gold as usize],
                    usize::from(self.gold_moves[i]),
                    1,
                );
            }
            let Node { t, feats, .. } = self.nodes[self.path[i] as usize];
            if feats != FORCED {
                moves.add(&self.feats[feats as usize], usize::from(t), -1);
            }
        }
    }
}

/// The label an arc gets in training: the dependent's gold label (whether or not the head
/// is right, as in greedy training), `root` for the root's arc.
fn gold_label(state: &State, s: &Sentence, t: usize) -> u8 {
    match state.arc(t) {
        Some((head, _)) if usize::from(head) == state.len() => Deprel::ROOT.0,
        Some((_, dep)) => s.labels[usize::from(dep)],
        None => u8::MAX,
    }
}

#[cfg(test)]
#[path = "tests_beam.rs"]
mod tests;
