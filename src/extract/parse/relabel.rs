//! The second labelling pass: once a sentence's tree is finished, every arc is labelled again
//! with what the first labeller could not see when the arc was made (the head's own head and
//! label, the dependent's siblings on both sides, the head's auxiliaries), reading the first
//! pass's labels of the whole tree. "him" in "gave him the book" is labelled before "book" is
//! attached; here its right sibling, an object, is known, so it can be `iobj`.
//!
//! The pass is trained on trees the parser built for sentences it was not trained on
//! (jackknifed, as the tags are), so it learns when to trust the first labels.

use super::features::{WordInfo, class_at, distance, key, word_tag};

/// Number of features per arc of the second labelling pass.
pub const RELABEL_FEATURES: usize = 34;

/// Label groups read as bits of a word's children ([`child_mask`]).
fn group_bit(label: u8) -> u64 {
    // Indices into `DEPREL_NAMES`.
    match label {
        3 | 27 | 34 | 38 | 39 | 47 | 50 => 1, // subjects and expletives
        6 => 1 << 1,                          // obj
        33 => 1 << 2,                         // iobj
        26 => 1 << 3,                         // aux:pass
        14 => 1 << 4,                         // aux
        15 => 1 << 5,                         // cop
        11 => 1 << 6,                         // mark
        2 => 1 << 7,                          // case
        13 => 1 << 8,                         // cc
        4 | 17 => 1 << 9,                     // det, nmod:poss
        18 | 19 => 1 << 10,                   // xcomp, ccomp
        8 | 28 | 37 | 51 | 52 => 1 << 11,     // obliques
        9 => 1 << 12,                         // conj
        _ => 0,
    }
}

/// The children of every word of a finished tree, in text order, in two flat arrays (no
/// allocation per sentence once grown).
#[derive(Debug, Default, Clone)]
pub struct Children {
    /// `kids[start[h]..start[h + 1]]` are the children of `h` (`h == n`: the root's).
    start: Vec<u32>,
    kids: Vec<u16>,
}

impl Children {
    /// Reads the children off `heads` (`heads[d]` is `d`'s head, `n` for the root).
    pub fn build(&mut self, heads: &[u16]) {
        let n = heads.len();
        self.start.clear();
        self.start.resize(n + 2, 0);
        for &h in heads {
            self.start[usize::from(h).min(n) + 1] += 1;
        }
        for i in 1..self.start.len() {
            self.start[i] += self.start[i - 1];
        }
        self.kids.clear();
        self.kids.resize(n, 0);
        let mut fill: Vec<u32> = self.start[..=n].to_vec();
        for (d, &h) in heads.iter().enumerate() {
            let h = usize::from(h).min(n);
            self.kids[fill[h] as usize] = u16::try_from(d).unwrap_or(u16::MAX);
            fill[h] += 1;
        }
    }

    /// The children of `h`, in text order.
    pub fn of(&self, h: usize) -> &[u16] {
        match (self.start.get(h), self.start.get(h + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The label groups of `h`'s children other than `except`, as bits.
fn child_mask(children: &Children, labels: &[u8], h: usize, except: usize) -> u64 {
    children
        .of(h)
        .iter()
        .filter(|&&c| usize::from(c) != except)
        .fold(0, |m, &c| m | group_bit(labels[usize::from(c)]))
}

/// The first child of `h` whose label is one of `wanted`, if any.
fn child_labelled(children: &Children, labels: &[u8], h: usize, wanted: &[u8]) -> Option<usize> {
    children
        .of(h)
        .iter()
        .map(|&c| usize::from(c))
        .find(|&c| wanted.contains(&labels[c]))
}

/// The second pass's features for word `d` of a finished tree: `heads[d]` is its head (`n`
/// for the root), `labels` the first pass's labels, `children` read off `heads`.
#[allow(
    clippy::similar_names,
    reason = "positions named as in the parsing literature"
)]
pub fn relabel_features(
    words: &[WordInfo],
    tags: &[u8],
    heads: &[u16],
    labels: &[u8],
    children: &Children,
    d: usize,
    out: &mut [u64; RELABEL_FEATURES],
) {
    let n = words.len();
    let h = usize::from(heads[d]).min(n);
    let pos = |x: usize| u16::try_from(x).unwrap_or(u16::MAX);
    let wt = |x: usize| word_tag(words, tags, n, pos(x));
    let (dw, dp) = wt(d);
    let (hw, hp) = wt(h);
    let dir = u64::from(h < d);
    let dist = distance(h, d);
    let label = |x: usize| u64::from(labels.get(x).copied().unwrap_or(u8::MAX));
    let l1 = label(d);
    // The head's own arc: its label and its head's tag (the root's are stand-ins).
    let (hl, gp) = if h == n {
        (u64::from(u8::MAX - 1), u64::from(u8::MAX))
    } else {
        (label(h), wt(usize::from(heads[h]).min(n)).1)
    };
    // The nearest siblings on each side.
    let siblings = children.of(h);
    let at = siblings
        .iter()
        .position(|&c| usize::from(c) == d)
        .unwrap_or(0);
    let left = at
        .checked_sub(1)
        .and_then(|i| siblings.get(i))
        .map(|&c| usize::from(c));
    let right = siblings.get(at + 1).map(|&c| usize::from(c));
    let side = |s: Option<usize>| s.map_or((u64::from(u8::MAX), 0x6e6f), |s| (label(s), wt(s).1));
    let (ll, lp) = side(left);
    let (rl, rp) = side(right);
    let sib_mask = if h == n {
        0
    } else {
        child_mask(children, labels, h, d)
    };
    let dep_mask = child_mask(children, labels, d, usize::MAX);
    // The dependent's marker ("by", "to", "that") and the head's auxiliary ("was", "been").
    let marker =
        child_labelled(children, labels, d, &[2, 11]).map_or(0x6e6f_6e65, |c| words[c].form);
    let auxiliary = if h == n {
        0x6e6f_6e65
    } else {
        child_labelled(children, labels, h, &[14, 26, 15]).map_or(0x6e6f_6e65, |c| words[c].form)
    };
    let suffix = |x: usize| words.get(x).map_or(0x726f_6f74, |w| w.suffix3);
    let (_, prev) = d.checked_sub(1).map_or((0, 0x6e6f), wt);
    let (_, next) = if d + 1 < n { wt(d + 1) } else { (0, 0x6e6f) };
    let c = |x: usize, level: usize| class_at(words, n, pos(x), level);
    *out = [
        key(0, &[dw]),
        key(1, &[dp]),
        key(2, &[dw, dp]),
        key(3, &[hw]),
        key(4, &[hp]),
        key(5, &[hw, hp]),
        key(6, &[dp, hp, dir]),
        key(7, &[dw, hp, dir]),
        key(8, &[dp, hw, dir]),
        key(9, &[dp, hp, dist, dir]),
        key(10, &[l1]),
        key(11, &[l1, dp, hp, dir]),
        key(12, &[l1, dw]),
        key(13, &[l1, hw]),
        key(14, &[hl, dp, hp, dir]),
        key(15, &[hl, l1]),
        key(16, &[gp, hp, dp, dir]),
        key(17, &[sib_mask, dp, dir]),
        key(18, &[sib_mask, l1]),
        key(19, &[ll, lp, dp, dir]),
        key(20, &[rl, rp, dp, dir]),
        key(21, &[dep_mask, dp]),
        key(22, &[dep_mask, l1]),
        key(23, &[marker, dp, hp]),
        key(24, &[marker, hw]),
        key(25, &[auxiliary, dp, dir]),
        key(26, &[auxiliary, l1]),
        key(27, &[suffix(h), hp, dp, dir]),
        key(28, &[suffix(d), dp, l1]),
        key(29, &[c(d, 1), hp, dir]),
        key(30, &[dp, c(h, 1), dir]),
        key(31, &[dw, hw]),
        key(32, &[dp, prev, next, dir]),
        key(33, &[dep_mask, sib_mask, dir]),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clusters::WordClasses;
    use crate::extract::parse::Deprel;

    #[test]
    fn children_are_read_off_the_heads_in_text_order() {
        // "Ministers met today ." : met (1) is the root (n = 4).
        let heads = [1, 4, 1, 1];
        let mut c = Children::default();
        c.build(&heads);
        assert_eq!(c.of(1), &[0, 2, 3]);
        assert_eq!(c.of(4), &[1]);
        assert!(c.of(0).is_empty());
        assert!(c.of(9).is_empty());
    }

    #[test]
    fn groups_name_the_labels_they_mean() {
        let bit = |name: &str| {
            let l = Deprel::from_name(name).expect("a UD label");
            group_bit(u8::try_from(l.index()).expect("few labels"))
        };
        assert_eq!(bit("nsubj"), bit("nsubj:pass"));
        assert_eq!(bit("obj"), 1 << 1);
        assert_eq!(bit("iobj"), 1 << 2);
        assert_eq!(bit("aux:pass"), 1 << 3);
        assert_eq!(bit("aux"), 1 << 4);
        assert_eq!(bit("cop"), 1 << 5);
        assert_eq!(bit("mark"), 1 << 6);
        assert_eq!(bit("case"), 1 << 7);
        assert_eq!(bit("obl:agent"), bit("obl"));
        assert_eq!(bit("obl:tmod"), bit("obl"));
        assert_eq!(bit("obl:unmarked"), bit("obl"));
        assert_eq!(bit("expl"), bit("nsubj"));
        assert_eq!(bit("csubj"), bit("nsubj"));
        assert_eq!(bit("det"), bit("nmod:poss"));
        assert_eq!(bit("xcomp"), bit("ccomp"));
        assert_eq!(bit("cc"), 1 << 8);
        assert_eq!(bit("conj"), 1 << 12);
        assert_eq!(bit("punct"), 0);
        assert_eq!(bit("nmod"), 0);
    }

    #[test]
    fn a_right_sibling_changes_the_features() {
        // "gave him the book" with and without "book" labelled as the object.
        let classes = WordClasses::embedded();
        let words: Vec<WordInfo> = ["gave", "him", "the", "book"]
            .iter()
            .map(|w| WordInfo::new(w, &classes, &mut String::new()))
            .collect();
        let tags = [15, 10, 5, 7];
        let heads = [4, 0, 3, 0];
        let mut c = Children::default();
        c.build(&heads);
        let obj = u8::try_from(Deprel::OBJ.index()).expect("few labels");
        let det = u8::try_from(Deprel::DET.index()).expect("few labels");
        let with_object = [0, obj, det, obj];
        let with_other = [0, obj, det, u8::try_from(Deprel::OBL.index()).expect("few")];
        let mut a = [0; RELABEL_FEATURES];
        let mut b = [0; RELABEL_FEATURES];
        relabel_features(&words, &tags, &heads, &with_object, &c, 1, &mut a);
        relabel_features(&words, &tags, &heads, &with_other, &c, 1, &mut b);
        assert_eq!(a[..17], b[..17], "the arc's own features agree");
        assert_ne!(a[17], b[17], "the sibling mask differs");
        assert_ne!(a[20], b[20], "the right sibling's label differs");
    }
}
