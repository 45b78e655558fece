//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the root
//! at the end of the buffer, and its dynamic oracle (Goldberg and Nivre 2013).
//!
//! A state is a stack, a buffer (the words from `b` on, then the root) and the arcs so far.
//! SHIFT pushes the buffer's front; LEFT makes the buffer's front the head of the stack's top
//! and pops it; RIGHT makes the second stack item the head of the top and pops it. The root
//! may take a dependent only when the stack holds one word, so every tree has one root. A
//! sentence of `n` words takes exactly `2n` transitions: the parse is linear.

/// No word.
pub const NO: u16 = u16::MAX;
/// Push the buffer's front.
pub const SHIFT: usize = 0;
/// The buffer's front heads the stack's top.
pub const LEFT: usize = 1;
/// The second stack item heads the top.
pub const RIGHT: usize = 2;
/// Number of transitions.
pub const MOVES: usize = 3;

/// A parser state, reused from sentence to sentence (no allocation per word).
#[derive(Debug, Clone, Default)]
pub struct State {
    n: usize,
    stack: Vec<u16>,
    b: usize,
    heads: Vec<u16>,
    labels: Vec<u8>,
    /// The two leftmost children of each word, nearest-first order kept by position.
    left: Vec<[u16; 2]>,
    /// The two rightmost children.
    right: Vec<[u16; 2]>,
    /// Number of left and right children.
    valency: Vec<[u8; 2]>,
}

impl State {
    /// Starts a sentence of `n` words (at most `u16::MAX - 1`).
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        self.heads.clear();
        self.heads.resize(n + 1, NO);
        // One entry past the root's for no word (read at `n + 1`, never attached to), so
        // the features read a position's children, label and valency without a branch.
        self.labels.clear();
        self.labels.resize(n + 2, u8::MAX);
        self.left.clear();
        self.left.resize(n + 2, [NO; 2]);
        self.right.clear();
        self.right.resize(n + 2, [NO; 2]);
        self.valency.clear();
        self.valency.resize(n + 2, [0; 2]);
    }

    /// Number of words (the root is word `n`).
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Whether the parse is complete.
    pub fn is_terminal(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// The `i`th stack item from the top, or [`NO`].
    #[inline]
    pub fn stack_at(&self, i: usize) -> u16 {
        self.stack
            .len()
            .checked_sub(i + 1)
            .map_or(NO, |j| self.stack[j])
    }

    /// The `i`th buffer item (the root after the words), or [`NO`].
    #[inline]
    pub fn buffer_at(&self, i: usize) -> u16 {
        let x = self.b + i;
        if x <= self.n {
            u16::try_from(x).unwrap_or(NO)
        } else {
            NO
        }
    }

    /// Where position `x` (a word, the root, or [`NO`]) is kept in the per-position lists.
    #[inline]
    fn slot(&self, x: u16) -> usize {
        usize::from(x).min(self.n + 1)
    }

    /// The `k`th leftmost child (0 or 1) of `x`, or [`NO`].
    #[inline]
    pub fn left_child(&self, x: u16, k: usize) -> u16 {
        self.left[self.slot(x)][k]
    }

    /// The `k`th rightmost child (0 or 1) of `x`, or [`NO`].
    #[inline]
    pub fn right_child(&self, x: u16, k: usize) -> u16 {
        self.right[self.slot(x)][k]
    }

    /// The label of the arc into `x` (`u8::MAX` when none yet).
    #[inline]
    pub fn label(&self, x: u16) -> u8 {
        self.labels[self.slot(x)]
    }

    /// Numbers of left and right children of `x`.
    #[inline]
    pub fn valency(&self, x: u16) -> (u64, u64) {
        let [l, r] = self.valency[self.slot(x)];
        (u64::from(l), u64::from(r))
    }

    /// The head found for word `i` (`n` is the root; [`NO`] until attached).
    pub fn head(&self, i: usize) -> u16 {
        self.heads[i]
    }

    /// Whether `t` can be applied.
    pub fn valid(&self, t: usize) -> bool {
        match t {
            SHIFT => self.b < self.n,
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            RIGHT => self.stack.len() >= 2,
            _ => false,
        }
    }

    /// The one valid transition, when no other is valid (the stack empty with words left:
    /// SHIFT; the buffer down to the root: RIGHT, or LEFT for the last stack word). The
    /// parser takes it without scoring: the scores could not change the choice.
    pub fn only_valid(&self) -> Option<usize> {
        let mut valid = (0..MOVES).filter(|&t| self.valid(t));
        let first = valid.next()?;
        valid.next().is_none().then_some(first)
    }

    /// The arc `t` would add, as (head, dependent); `None` for SHIFT.
    pub fn arc(&self, t: usize) -> Option<(u16, u16)> {
        match t {
            LEFT => Some((self.buffer_at(0), self.stack_at(0))),
            RIGHT => Some((self.stack_at(1), self.stack_at(0))),
            _ => None,
        }
    }

    /// Applies a valid transition; arcs get `label`.
    pub fn apply(&mut self, t: usize, label: u8) {
        if t == SHIFT {
            self.stack.push(u16::try_from(self.b).unwrap_or(NO));
            self.b += 1;
            return;
        }
        if let Some((head, dep)) = self.arc(t) {
            self.stack.pop();
            self.attach(head, dep, label);
        }
    }

    fn attach(&mut self, head: u16, dep: u16, label: u8) {
        let (h, d) = (usize::from(head), usize::from(dep));
        self.heads[d] = head;
        self.labels[d] = label;
        if d < h {
            let l = &mut self.left[h];
            if l[0] == NO || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NO || dep < l[1] {
                l[1] = dep;
            }
            self.valency[h][0] = self.valency[h][0].saturating_add(1);
        } else {
            let r = &mut self.right[h];
            if r[0] == NO || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NO || dep > r[1] {
                r[1] = dep;
            }
            self.valency[h][1] = self.valency[h][1].saturating_add(1);
        }
    }

    /// The dynamic oracle: for each transition, how many gold arcs it makes unreachable
    /// (`u32::MAX` when it is not valid). `gold[i]` is the head of word `i` (`n` for the
    /// root). Exact for projective trees.
    pub fn costs(&self, gold: &[u16]) -> [u32; MOVES] {
        let mut out = [u32::MAX; MOVES];
        let n = self.n;
        let stack = &self.stack;
        let b = self.b;
        // Words in the buffer (the root is never a dependent).
        let buffer = b..n;
        let heads_here =
            |x: u16, range: std::ops::Range<usize>| range.filter(|&d| gold[d] == x).count();
        let count = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        if self.valid(SHIFT) {
            let b0 = u16::try_from(b).unwrap_or(NO);
            let top = stack.len().saturating_sub(1);
            let lost_head = stack[..top].contains(&gold[b]);
            let lost_children = stack
                .iter()
                .filter(|&&s| gold[usize::from(s)] == b0)
                .count();
            out[SHIFT] = count(usize::from(lost_head) + lost_children);
        }
        if let Some(&s0) = stack.last() {
            let g = gold[usize::from(s0)];
            let children = heads_here(s0, buffer.clone());
            if self.valid(LEFT) {
                let b0 = u16::try_from(b).unwrap_or(NO);
                let s1 = self.stack_at(1);
                let lost_head =
                    g != b0 && ((s1 != NO && g == s1) || (usize::from(g) > b && g != NO));
                out[LEFT] = count(usize::from(lost_head) + children);
            }
            if self.valid(RIGHT) {
                let s1 = self.stack_at(1);
                let lost_head = g != s1 && usize::from(g) >= b && g != NO;
                out[RIGHT] = count(usize::from(lost_head) + children);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the oracle (the cheapest valid move, SHIFT last on ties) to the end.
    fn oracle_parse(gold: &[u16]) -> Vec<u16> {
        let n = gold.len();
        let mut s = State::default();
        s.reset(n);
        let mut steps = 0;
        while !s.is_terminal() {
            let c = s.costs(gold);
            let best = [LEFT, RIGHT, SHIFT]
                .into_iter()
                .filter(|&t| c[t] != u32::MAX)
                .min_by_key(|&t| c[t])
                .expect("a non-terminal state has a valid move");
            s.apply(best, 0);
            steps += 1;
        }
        assert_eq!(steps, 2 * n, "arc-hybrid takes 2n steps");
        (0..n).map(|i| s.head(i)).collect()
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // Heads with the root as `n`.
        let trees: [&[u16]; 5] = [
            // "Ministers met today ." : met is the root.
            &[1, 4, 1, 1],
            // "The talks in Geneva ended ."
            &[1, 4, 3, 1, 6, 4],
            // a chain to the right: "a b c d" each headed by the one before.
            &[4, 0, 1, 2],
            // a chain to the left.
            &[1, 2, 3, 4],
            // one word.
            &[1],
        ];
        for gold in trees {
            assert_eq!(oracle_parse(gold), gold, "tree {gold:?}");
        }
    }

    #[test]
    fn gold_moves_cost_nothing_and_wrong_moves_cost() {
        // "Ministers met today": 0 <- 1 -> 2, root is 1.
        let gold = [1, 3, 1];
        let mut s = State::default();
        s.reset(3);
        s.apply(SHIFT, 0);
        let c = s.costs(&gold);
        assert_eq!(c[LEFT], 0);
        assert!(c[SHIFT] > 0, "shifting 'met' loses the arc to 'Ministers'");
        assert_eq!(c[RIGHT], u32::MAX);
    }

    #[test]
    fn the_root_takes_one_dependent() {
        let mut s = State::default();
        s.reset(2);
        s.apply(SHIFT, 0);
        s.apply(SHIFT, 0);
        assert!(!s.valid(SHIFT));
        assert!(!s.valid(LEFT), "two words on the stack: the root must wait");
        assert!(s.valid(RIGHT));
        s.apply(RIGHT, 0);
        assert!(s.valid(LEFT));
        s.apply(LEFT, 0);
        assert!(s.is_terminal());
        assert_eq!((s.head(0), s.head(1)), (2, 0));
    }

    #[test]
    fn a_state_with_one_valid_move_names_it() {
        let mut s = State::default();
        s.reset(3);
        assert_eq!(s.only_valid(), Some(SHIFT), "an empty stack");
        s.apply(SHIFT, 0);
        assert_eq!(s.only_valid(), None, "SHIFT or LEFT");
        s.apply(SHIFT, 0);
        assert_eq!(s.only_valid(), None, "SHIFT, LEFT or RIGHT");
        s.apply(SHIFT, 0);
        assert_eq!(s.only_valid(), Some(RIGHT), "the buffer down to the root");
        s.apply(RIGHT, 0);
        s.apply(RIGHT, 0);
        assert_eq!(s.only_valid(), Some(LEFT), "one word left for the root");
        s.apply(LEFT, 0);
        assert_eq!(s.only_valid(), None, "terminal");
    }
}
