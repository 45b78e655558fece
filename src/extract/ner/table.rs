//! The tagger's emission weights: `L` 16-bit weights per feature key in one flat
//! open-addressing table of cache lines, two slots to a line. A slot holds the whole key
//! beside its weights (32 bytes), so a lookup usually costs the one cache line of the key's
//! home, found or not, and a key matches only itself, as it did in the hash map this replaces.
//! A line also says whether a key that has it as home was put further on, and a small filter
//! of all keys (kept in cache) answers most lookups of keys the model lacks (word pairs,
//! mostly) without a read of the table at all.

use bytemuck::{Pod, Zeroable};

use super::L;
use crate::extract::table_memory::TableMemory;

/// One slot: the key (0 marks an empty slot) and its weights, with no padding, so the table's
/// memory can be viewed as lines ([`TableMemory`], on huge pages).
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
#[repr(C)]
struct Slot {
    key: u64,
    weights: [i16; L],
    /// In a line's first slot: 1 when some key with this line as home is in a later line (in
    /// the room a slot has anyway).
    spilled: u8,
    unused: [u8; 5],
}

/// Two slots, one cache line.
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
#[repr(C, align(64))]
struct Line([Slot; 2]);

const _: () = assert!(
    std::mem::size_of::<Line>() == 64,
    "two slots fill one cache line"
);

/// What a key's home line holds, read ahead of summing ([`EmitTable::home_keys`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Home {
    keys: [u64; 2],
    spilled: bool,
}

/// Emission weights by feature key: linear probing over lines (a key goes to the first free
/// slot from its home line on). Sized for its keys, a table is at most a third full, so most
/// home lines have room and few keys spill past them (at two thirds, the most the table
/// grows to, spilled keys cost a second cache miss often enough to show in `bench extract`).
/// Keys are hashes already, so their low bits pick the home line as they are.
#[derive(Debug, Clone)]
pub struct EmitTable {
    lines: TableMemory,
    mask: usize,
    len: usize,
    /// The weights of key 0, which cannot live in a slot (0 marks an empty one).
    zero: Option<[i16; L]>,
    /// A one-hash Bloom filter of the keys, a bit for every eight lines' worth of slots
    /// (256 KB for the committed model): small enough to stay in the processor's cache, where
    /// the table is not, so most keys the model lacks cost no read of the table.
    filter: Vec<u64>,
}

/// The filter word and bit of `key`, in a filter of `words` words (a power of two): the key's
/// upper bits (its lower ones pick the home line).
#[inline]
fn filter_bit(key: u64, words: usize) -> (usize, u64) {
    #[allow(clippy::cast_possible_truncation, reason = "masked to the filter size")]
    let word = (key >> 40) as usize & (words - 1);
    (word, 1 << ((key >> 34) & 63))
}

impl Default for EmitTable {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl EmitTable {
    /// An empty table sized for `rows` keys (at most a third full).
    pub fn with_capacity(rows: usize) -> Self {
        let lines = (rows * 3 / 2).next_power_of_two().max(8);
        Self {
            lines: TableMemory::zeroed(lines * std::mem::size_of::<Line>()),
            mask: lines - 1,
            len: 0,
            zero: None,
            filter: vec![0; (lines / 4).max(1)],
        }
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let i = key as usize & self.mask;
        i
    }

    /// Adds `key` with `weights`; a key already present keeps its first weights.
    pub fn insert(&mut self, key: u64, weights: [i16; L]) {
        if key == 0 {
            if self.zero.is_none() {
                self.zero = Some(weights);
                self.len += 1;
            }
            return;
        }
        if (self.len + 1) * 3 > (self.mask + 1) * 4 {
            self.grow();
        }
        let home = self.home(key);
        let mut i = home;
        loop {
            for slot in &mut self.lines.slots_mut::<Line>()[i].0 {
                if slot.key == 0 {
                    slot.key = key;
                    slot.weights = weights;
                    self.len += 1;
                    let (word, bit) = filter_bit(key, self.filter.len());
                    self.filter[word] |= bit;
                    if i != home {
                        self.lines.slots_mut::<Line>()[home].0[0].spilled = 1;
                    }
                    return;
                }
                if slot.key == key {
                    return;
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    fn grow(&mut self) {
        let lines = (self.mask + 1) * 2;
        let doubled = TableMemory::zeroed(lines * std::mem::size_of::<Line>());
        let old = std::mem::replace(&mut self.lines, doubled);
        self.mask = lines - 1;
        self.filter = vec![0; (lines / 4).max(1)];
        self.len = 0;
        let zero = self.zero.take();
        for slot in old
            .slots::<Line>()
            .iter()
            .flat_map(|l| &l.0)
            .filter(|s| s.key != 0)
        {
            self.insert(slot.key, slot.weights);
        }
        if let Some(w) = zero {
            self.insert(0, w);
        }
    }

    /// The weights of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[i16; L]> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let home = self.home(key);
        let mut i = home;
        loop {
            let line = &self.masked_lines()[i].0;
            for slot in line {
                if slot.key == key {
                    return Some(&slot.weights);
                }
                // Nothing was ever put past a free slot.
                if slot.key == 0 {
                    return None;
                }
            }
            if i == home && line[0].spilled == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Every key with its weights, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &[i16; L])> {
        self.zero.as_ref().map(|w| (0, w)).into_iter().chain(
            self.masked_lines()
                .iter()
                .flat_map(|l| &l.0)
                .filter(|s| s.key != 0)
                .map(|s| (s.key, &s.weights)),
        )
    }

    /// The lines, cut to `mask + 1` (all of them): indexed by a masked key, the compiler can
    /// then see the index is in bounds and leaves out the check.
    #[inline]
    fn masked_lines(&self) -> &[Line] {
        &self.lines.slots::<Line>()[..=self.mask]
    }

    /// The keys of `key`'s home line: read in a first pass over many keys, whose loads do
    /// not depend on one another, so the processor fetches their lines together.
    #[inline]
    fn home_keys(&self, lines: &[Line], key: u64) -> Home {
        let (word, bit) = filter_bit(key, self.filter.len());
        if key != 0 && self.filter[word] & bit == 0 {
            // Not in the table: a home line with a free slot says so without being read.
            return Home::default();
        }
        let line = &lines[self.home(key)].0;
        Home {
            keys: [line[0].key, line[1].key],
            spilled: line[0].spilled != 0,
        }
    }

    /// The weights of `key`, given what its home line holds ([`Self::home_keys`]).
    #[inline]
    fn found<'a>(&'a self, lines: &'a [Line], key: u64, home: Home) -> Option<&'a [i16; L]> {
        if key != 0 {
            let line = &lines[self.home(key)].0;
            if home.keys[0] == key {
                return Some(&line[0].weights);
            }
            if home.keys[1] == key {
                return Some(&line[1].weights);
            }
            if home.keys[0] == 0 || home.keys[1] == 0 || !home.spilled {
                return None;
            }
        }
        self.get(key)
    }

    /// Adds the weights of each group of `keys` to its row of `out`: group `g` is
    /// `keys[ends[g - 1]..ends[g]]` and adds to `out[g]`. The home lines of all keys are read
    /// first (see [`Self::home_keys`]; `seen` is working memory), then the weights summed.
    pub fn add_scores_grouped(
        &self,
        keys: &[u64],
        ends: &[usize],
        seen: &mut Vec<Home>,
        out: &mut [[i32; L]],
    ) {
        // The lines viewed once a call (the view checks its memory's size and alignment).
        let lines = self.masked_lines();
        seen.clear();
        seen.extend(keys.iter().map(|&k| self.home_keys(lines, k)));
        let mut start = 0;
        for (&end, row) in ends.iter().zip(out) {
            // Summed in a local copy, written back once (summed in place, each key's sums
            // went back to memory).
            let mut sums = *row;
            for (&home, &k) in seen[start..end].iter().zip(&keys[start..end]) {
                if let Some(weights) = self.found(lines, k, home) {
                    for (o, &q) in sums.iter_mut().zip(weights) {
                        *o += i32::from(q);
                    }
                }
            }
            *row = sums;
            start = end;
        }
    }

    /// Adds the weights of every key of `keys` to `out`, reading the home lines of up to 32
    /// keys at a time first (as [`Self::add_scores_grouped`]).
    #[inline]
    pub fn add_scores(&self, keys: &[u64], out: &mut [i32; L]) {
        const BATCH: usize = 32;
        let mut sums = *out;
        let lines = self.masked_lines();
        for chunk in keys.chunks(BATCH) {
            let mut seen = [Home::default(); BATCH];
            for (s, &k) in seen.iter_mut().zip(chunk) {
                *s = self.home_keys(lines, k);
            }
            for (&home, &k) in seen.iter().zip(chunk) {
                if let Some(weights) = self.found(lines, k, home) {
                    for (o, &q) in sums.iter_mut().zip(weights) {
                        *o += i32::from(q);
                    }
                }
            }
        }
        *out = sums;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(x: i16) -> [i16; L] {
        [x; L]
    }

    #[test]
    fn keys_find_their_own_weights_and_nothing_else() {
        let mut t = EmitTable::with_capacity(4);
        // Keys sharing their low bits probe past one another.
        let keys = [0x10_u64, 0x1_0000_0010, 0x2_0000_0010, 0, 7];
        for (i, &k) in keys.iter().enumerate() {
            t.insert(k, row(i16::try_from(i).unwrap_or(0) + 1));
        }
        // Growing past two thirds keeps every key.
        for k in 100..200_u64 {
            t.insert(k << 20, row(-1));
        }
        assert_eq!(t.len(), keys.len() + 100);
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(
                t.get(k),
                Some(&row(i16::try_from(i).unwrap_or(0) + 1)),
                "{k:#x}"
            );
        }
        // The batched lookups (through the key filter, rebuilt on growing) find them too.
        for k in keys.iter().copied().chain((100..200_u64).map(|k| k << 20)) {
            let mut sum = [0; L];
            t.add_scores(&[k], &mut sum);
            let expected = t.get(k).map_or([0; L], |w| w.map(i32::from));
            assert_eq!(sum, expected, "{k:#x}");
            assert_ne!(sum, [0; L], "{k:#x}");
        }
        assert_eq!(t.get(0x3_0000_0010), None);
        assert_eq!(t.get(8), None);
        // The first weights of a key stay.
        t.insert(7, row(9));
        assert_eq!(t.get(7), Some(&row(5)));
        assert_eq!(t.iter().count(), t.len());
    }

    #[test]
    fn batched_sums_equal_one_lookup_at_a_time() {
        let mut t = EmitTable::with_capacity(64);
        for k in 0..64_u64 {
            // Every fourth key collides with its neighbour's home slot.
            let key = if k % 4 == 0 {
                (k << 32) | 5
            } else {
                k * 0x9e37_79b9
            };
            let mut w = [0; L];
            for (l, q) in w.iter_mut().enumerate() {
                *q = i16::try_from(k).unwrap_or(0) * 3 - i16::try_from(l).unwrap_or(0);
            }
            t.insert(key, w);
        }
        let queries: Vec<u64> = (0..100_u64)
            .map(|k| {
                if k % 3 == 0 {
                    (k << 32) | 5
                } else {
                    k * 0x9e37_79b9
                }
            })
            .collect();
        let mut batched = [0; L];
        t.add_scores(&queries, &mut batched);
        let mut single = [0; L];
        for k in &queries {
            if let Some(w) = t.get(*k) {
                for (o, &q) in single.iter_mut().zip(w) {
                    *o += i32::from(q);
                }
            }
        }
        assert_eq!(batched, single);
        assert_ne!(batched, [0; L]);
        // In groups: each group's sum, and all groups together the same total.
        let ends = [10, 10, 57, queries.len()];
        let mut rows = [[0; L]; 4];
        t.add_scores_grouped(&queries, &ends, &mut Vec::new(), &mut rows);
        let mut start = 0;
        for (&end, row) in ends.iter().zip(&rows) {
            let mut one = [0; L];
            t.add_scores(&queries[start..end], &mut one);
            assert_eq!(*row, one);
            start = end;
        }
        assert_eq!(rows[1], [0; L]);
    }
}
