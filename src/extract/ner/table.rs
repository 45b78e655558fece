//! The tagger's emission weights: `L` 16-bit weights per feature key in one flat
//! open-addressing table. A slot holds the whole key beside its weights (32 bytes, two slots
//! to a cache line), so a lookup costs one cache line, found or not, and a key matches only
//! itself, as it did in the hash map this replaces.

use super::L;

/// One slot: the key (0 marks an empty slot) and its weights.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: u64,
    weights: [i16; L],
}

const EMPTY: Slot = Slot {
    key: 0,
    weights: [0; L],
};

/// Emission weights by feature key, linear probing, at most two thirds full. Keys are
/// hashes already, so their low bits index the table as they are.
#[derive(Debug, Clone)]
pub struct EmitTable {
    slots: Vec<Slot>,
    mask: usize,
    len: usize,
    /// The weights of key 0, which cannot live in a slot (0 marks an empty one).
    zero: Option<[i16; L]>,
}

impl Default for EmitTable {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl EmitTable {
    /// An empty table sized for `rows` keys.
    pub fn with_capacity(rows: usize) -> Self {
        let capacity = (rows * 3 / 2).next_power_of_two().max(16);
        Self {
            slots: vec![EMPTY; capacity],
            mask: capacity - 1,
            len: 0,
            zero: None,
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
        if (self.len + 1) * 3 > self.slots.len() * 2 {
            self.grow();
        }
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == 0 {
                *slot = Slot { key, weights };
                self.len += 1;
                return;
            }
            if slot.key == key {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn grow(&mut self) {
        let doubled = vec![EMPTY; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        self.mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.key != 0) {
            let mut i = self.home(slot.key);
            while self.slots[i].key != 0 {
                i = (i + 1) & self.mask;
            }
            self.slots[i] = slot;
        }
    }

    /// The weights of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[i16; L]> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(&slot.weights);
            }
            if slot.key == 0 {
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
            self.slots
                .iter()
                .filter(|s| s.key != 0)
                .map(|s| (s.key, &s.weights)),
        )
    }

    /// Adds the weights of every key of `keys` to `out`. Lookups here are bound by memory,
    /// not arithmetic: the home slots of a batch of keys are read first, in a loop whose
    /// loads do not depend on one another, so the processor fetches their cache lines
    /// together; then the weights are summed (from the same lines, unless a key was probed
    /// past its home).
    #[inline]
    pub fn add_scores(&self, keys: &[u64], out: &mut [i32; L]) {
        const BATCH: usize = 32;
        for chunk in keys.chunks(BATCH) {
            let mut seen = [0u64; BATCH];
            for (s, &k) in seen.iter_mut().zip(chunk) {
                *s = self.slots[self.home(k)].key;
            }
            for (&s, &k) in seen.iter().zip(chunk) {
                let weights = if s == k && k != 0 {
                    &self.slots[self.home(k)].weights
                } else if s == 0 && k != 0 {
                    continue;
                } else {
                    match self.get(k) {
                        Some(w) => w,
                        None => continue,
                    }
                };
                for (o, &q) in out.iter_mut().zip(weights) {
                    *o += i32::from(q);
                }
            }
        }
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
    }
}
