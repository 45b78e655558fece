//! The weight table of one classifier (see [`Table`]), and the memory its slots live in.

use bytemuck::{Pod, Zeroable};

use super::features::{file_key, key_of_file};
use super::model::{ParseModelError, Reader};
use crate::extract::table_memory::TableMemory as SlotMemory;

/// One slot of a [`Table`] that keeps no bounds (`B` = 0): the key's upper 32 bits (0 for an
/// empty slot) beside its weights, so a lookup usually touches one cache line. Packed (no
/// padding), so the slots can be read straight from the table's memory ([`SlotMemory`]); its
/// fields are read by value.
#[derive(Clone, Copy, Pod, Zeroable)]
#[repr(C, packed)]
struct Slot<const C: usize> {
    check: u32,
    weights: [i16; C],
}

/// The largest magnitude among `weights`.
fn bound_of(weights: &[i16]) -> u16 {
    weights.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0)
}

/// One slot of the index of a table that keeps bounds (`B` = 1, the labeller's): the key's
/// upper 32 bits (0 for an empty slot) and where its row is in `Table::wide`.
#[derive(Clone, Copy, Pod, Zeroable)]
#[repr(C)]
struct Entry {
    check: u32,
    row: u32,
}

/// 16-bit units of a row of a table that keeps bounds: its bound, its weights, zeros to the
/// end of two cache lines (128 bytes; a row must fit: `B + C <= WIDE`).
const WIDE: usize = 64;

/// A row of a table that keeps bounds, as it lies in `Table::wide`: line-aligned, so a row
/// is two cache lines read, where a 120-byte slot lay across three lines more often than not.
/// Its first unit is the row's largest magnitude (its bound, as `u16` bits): rows whose
/// bounds sum to at most `i16::MAX` can be summed in 16-bit lanes without overflow
/// ([`Table::add_scores`]). Narrow tables keep none (`B` = 0): two more bytes a slot made
/// every index a longer multiplication.
type WideRow = [i16; WIDE];

/// Weights of one classifier: `C` 16-bit weights per feature key, in an open-addressing table
/// (linear probing, at most two thirds full) indexed by the key's low bits. Keys are well-mixed
/// hashes already ([`super::features::key`]), so they are used as they are; the file stores
/// them in another form ([`file_key`]), turned back when it is read.
///
/// `B` = 1 keeps each row's bound and sums rows in 16-bit lanes first: the labeller's tables
/// (57 weights a row). It paid nothing for the tagger's 17, and nothing is gained for the
/// moves' 4, so those keep `B` = 0 and sum each row straight into 32 bits.
#[derive(Debug, Clone)]
pub struct Table<const C: usize, const B: usize = 0> {
    /// `B` = 0: the slots ([`Slot`]), key beside weights. `B` = 1: an index of [`Entry`]s
    /// whose rows are in `wide`, one after another: the labeller's rows are 120 bytes, and a
    /// table of them a third full was 15 MB read at random, where the index of the same
    /// slots is 1 MB and the rows themselves 6 MB.
    slots: SlotMemory,
    /// `B` = 1: the rows ([`WideRow`]), in the order they were inserted. Empty for `B` = 0.
    wide: SlotMemory,
    mask: usize,
    len: usize,
    /// The keys in insertion order (sorted), kept for writing the file.
    keys: Vec<u64>,
}

impl<const C: usize, const B: usize> Default for Table<C, B> {
    fn default() -> Self {
        Self::from_rows(std::iter::empty())
    }
}

/// The upper half of a key, never 0 (0 marks an empty slot).
#[inline]
fn check_of(key: u64) -> u32 {
    u32::try_from(key >> 32).unwrap_or(1).max(1)
}

impl<const C: usize, const B: usize> Table<C, B> {
    /// A table from (key, weights) rows.
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, [i16; C])>) -> Self {
        let rows: Vec<(u64, [i16; C])> = rows.into_iter().collect();
        let mut table = Self::with_room_for(rows.len());
        for (k, w) in rows {
            table.insert(k, w);
        }
        table
    }

    /// An empty table sized for `rows` rows.
    fn with_room_for(rows: usize) -> Self {
        // Between a third and two thirds full: short probes, and half the memory (and
        // cache misses) of a table kept under a third full.
        let capacity = (rows * 3 / 2).next_power_of_two().max(16);
        let (slot_bytes, row_bytes) = if B == 0 {
            (std::mem::size_of::<Slot<C>>(), 0)
        } else {
            const { assert!(B + C <= WIDE, "a row fits two cache lines") };
            (std::mem::size_of::<Entry>(), std::mem::size_of::<WideRow>())
        };
        Self {
            slots: SlotMemory::zeroed(capacity * slot_bytes),
            wide: SlotMemory::zeroed(rows.max(1) * row_bytes),
            mask: capacity - 1,
            len: 0,
            keys: Vec::with_capacity(rows),
        }
    }

    fn insert(&mut self, key: u64, weights: [i16; C]) {
        if B > 0 {
            self.insert_wide(key, weights);
            return;
        }
        let check = check_of(key);
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        loop {
            let slot = &mut self.slots.slots_mut::<Slot<C>>()[i];
            if slot.check == 0 {
                *slot = Slot { check, weights };
                self.len += 1;
                self.keys.push(key);
                return;
            }
            if slot.check == check {
                // Two keys agreeing in their index and upper bits: keep the first.
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// [`Self::insert`] into a table that keeps bounds: the index slot, then the row at the
    /// end of the rows (a table's rows are as many as it was made for: the rows of `B` = 1
    /// tables are only ever inserted by [`Self::from_rows`] and [`Self::read`]).
    fn insert_wide(&mut self, key: u64, weights: [i16; C]) {
        let check = check_of(key);
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        loop {
            let entry = &mut self.slots.slots_mut::<Entry>()[i];
            if entry.check == 0 {
                let row = u32::try_from(self.len).expect("rows stay below 2^32");
                *entry = Entry { check, row };
                let wide = &mut self.wide.slots_mut::<WideRow>()[self.len];
                wide[0] = i16::from_ne_bytes(bound_of(&weights).to_ne_bytes());
                wide[1..=C].copy_from_slice(&weights);
                self.len += 1;
                self.keys.push(key);
                return;
            }
            if entry.check == check {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The row of `key` in a table that keeps bounds.
    #[inline]
    fn wide_row(&self, key: u64) -> Option<&WideRow> {
        let check = check_of(key);
        let index = &self.slots.slots::<Entry>()[..=self.mask];
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        loop {
            let entry = index[i];
            if entry.check == check {
                return self.wide.slots::<WideRow>().get(entry.row as usize);
            }
            if entry.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<[i16; C]> {
        if B > 0 {
            return self.wide_row(key).map(|row| {
                let mut w = [0i16; C];
                w.copy_from_slice(&row[1..=C]);
                w
            });
        }
        let check = check_of(key);
        let slots = self.masked_slots();
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        loop {
            let slot = &slots[i];
            if slot.check == check {
                return Some(slot.weights);
            }
            if slot.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// [`Self::get`] given `home`, the check word already read at the key's home slot: a
    /// key found elsewhere, or missing, is probed for from the slot after it.
    #[inline]
    fn get_from_home<'a>(&self, slots: &'a [Slot<C>], key: u64, home: u32) -> Option<&'a Slot<C>> {
        let check = check_of(key);
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        let mut seen = home;
        loop {
            if seen == check {
                return Some(&slots[i]);
            }
            if seen == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
            seen = slots[i].check;
        }
    }

    /// The slots, cut to `mask + 1` (all of them): indexed by a masked key, the compiler can
    /// then see the index is in bounds and leaves out the check.
    #[inline]
    fn masked_slots(&self) -> &[Slot<C>] {
        &self.slots.slots::<Slot<C>>()[..=self.mask]
    }

    /// The rows (key and weights), in the order they were inserted.
    pub(super) fn rows(&self) -> impl Iterator<Item = (u64, [i16; C])> + '_ {
        self.keys
            .iter()
            .filter_map(|&k| self.get(k).map(|w| (k, w)))
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table has no features.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sums the weights of `keys` into per-class scores.
    #[inline]
    pub fn scores(&self, keys: &[u64]) -> [i32; C] {
        let mut out = [0i32; C];
        self.add_scores(keys, &mut out);
        out
    }

    /// Adds the weights of `keys` to `out`. The lookups are memory-bound: the slots' check
    /// words are read first, in a loop whose loads do not depend on each other, so the
    /// processor fetches their cache lines at the same time instead of one after the other.
    /// The sums are kept in a local copy written to `out` once at the end: summed into `out`
    /// itself, every row's sums went back to memory (the 57 label scores, 14 stores a row).
    #[inline]
    pub fn add_scores(&self, keys: &[u64], out: &mut [i32; C]) {
        if B > 0 {
            self.add_scores_narrow(keys, out);
            return;
        }
        let mut sums = *out;
        self.each_row(keys, |slot| {
            // Each weight read in place (a packed field is read by value, and a copy of
            // the whole row first cost some 50 instructions a label row).
            for (c, o) in sums.iter_mut().enumerate() {
                *o += i32::from(slot.weights[c]);
            }
        });
        *out = sums;
    }

    /// [`Self::add_scores`] for rows that keep their bound (the labeller's 57 scores): first
    /// summed in 16-bit lanes, eight weights to an instruction where widening each to 32 bits
    /// took four, and the lanes are added to the 32-bit sums before the rows' bounds together
    /// could pass `i16::MAX`. No lane ever overflows, so the sums are the same integers.
    #[inline]
    fn add_scores_narrow(&self, keys: &[u64], out: &mut [i32; C]) {
        let limit = u32::from(i16::MAX.unsigned_abs());
        let mut sums = *out;
        let mut narrow = [0i16; C];
        let mut narrow_bound = 0u32;
        self.each_wide_row(keys, |row| {
            let bound = u32::from(u16::from_ne_bytes(row[0].to_ne_bytes()));
            if narrow_bound + bound > limit {
                widen_into(&mut sums, &mut narrow);
                narrow_bound = 0;
            }
            narrow_bound += bound;
            for (o, &q) in narrow.iter_mut().zip(&row[1..=C]) {
                *o = o.wrapping_add(q);
            }
        });
        widen_into(&mut sums, &mut narrow);
        *out = sums;
    }

    /// Calls `add` with the row of each of `keys` a table that keeps bounds holds, in the
    /// order of `keys`: the index slots of a batch read first, loads that do not wait on one
    /// another, as in [`Self::each_row`].
    #[inline]
    fn each_wide_row(&self, keys: &[u64], mut add: impl FnMut(&WideRow)) {
        const BATCH: usize = 32;
        let index = &self.slots.slots::<Entry>()[..=self.mask];
        let rows = self.wide.slots::<WideRow>();
        for chunk in keys.chunks(BATCH) {
            let mut seen = [Entry { check: 0, row: 0 }; BATCH];
            for (s, &k) in seen.iter_mut().zip(chunk) {
                #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
                let i = k as usize & self.mask;
                *s = index[i];
            }
            for (&s, &k) in seen.iter().zip(chunk) {
                if s.check == 0 {
                    continue;
                }
                let row = if s.check == check_of(k) {
                    rows.get(s.row as usize)
                } else {
                    self.wide_row(k)
                };
                if let Some(row) = row {
                    add(row);
                }
            }
        }
    }

    /// Calls `add` with the slot of each of `keys` the table holds, in the order of `keys`.
    #[inline]
    fn each_row(&self, keys: &[u64], mut add: impl FnMut(&Slot<C>)) {
        const BATCH: usize = 32;
        let slots = self.masked_slots();
        for chunk in keys.chunks(BATCH) {
            let mut seen = [0u32; BATCH];
            for (s, &k) in seen.iter_mut().zip(chunk) {
                #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
                let i = k as usize & self.mask;
                *s = slots[i].check;
            }
            for (&s, &k) in seen.iter().zip(chunk) {
                if s == 0 {
                    continue;
                }
                if let Some(slot) = self.get_from_home(slots, k, s) {
                    add(slot);
                }
            }
        }
    }

    /// The table as the model file stores it: its rows sorted by their keys in the file's
    /// form ([`file_key`]).
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u64, u64)> = self.keys.iter().map(|&k| (file_key(k), k)).collect();
        keys.sort_unstable();
        out.extend_from_slice(&u32::try_from(C).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(&u32::try_from(keys.len()).unwrap_or(u32::MAX).to_le_bytes());
        for (stored, k) in keys {
            out.extend_from_slice(&stored.to_le_bytes());
            for q in self.get(k).unwrap_or([0; C]) {
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    pub(super) fn read(r: &mut Reader) -> Result<Self, ParseModelError> {
        let classes = u32::from_le_bytes(r.array()?) as usize;
        if classes != C {
            return Err(ParseModelError::Format);
        }
        let rows = u32::from_le_bytes(r.array()?) as usize;
        let row_bytes = 8 + 2 * C;
        if r.remaining() < rows.saturating_mul(row_bytes) {
            return Err(ParseModelError::Truncated);
        }
        // The rows are read as one block, each straight into its slot: loading is most of
        // the app's start-up, and a list of rows in between doubled the copying.
        let block = r.take(rows * row_bytes)?;
        let mut table = Self::with_room_for(rows);
        for row in block.chunks_exact(row_bytes) {
            let (key, weights) = row.split_at(8);
            let mut k = [0u8; 8];
            k.copy_from_slice(key);
            let mut w = [0i16; C];
            for (q, b) in w.iter_mut().zip(weights.chunks_exact(2)) {
                *q = i16::from_le_bytes([b[0], b[1]]);
            }
            table.insert(key_of_file(u64::from_le_bytes(k)), w);
        }
        Ok(table)
    }
}

/// Adds the 16-bit partial sums `narrow` to `sums` and clears them.
#[inline]
fn widen_into<const C: usize>(sums: &mut [i32; C], narrow: &mut [i16; C]) {
    for (o, &x) in sums.iter_mut().zip(narrow.iter()) {
        *o += i32::from(x);
    }
    *narrow = [0; C];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows with zeros among their weights, keys that share a home slot and a missing key:
    /// the sums, the rows and the file's bytes are what the rows say.
    fn scores_rows_and_bytes<const C: usize, const B: usize>() {
        let rows: Vec<(u64, [i16; C])> = (0..60u64)
            .map(|r| {
                let mut w = [0i16; C];
                for (c, q) in w.iter_mut().enumerate() {
                    if (r + c as u64) % 3 != 1 {
                        *q = i16::try_from((r * 7 + c as u64 * 13) % 200).unwrap_or(0) - 100;
                    }
                }
                // Every fourth key has the home slot of the one before it.
                ((r + 1) << 40 | (r - r % 4), w)
            })
            .collect();
        let table = Table::<C, B>::from_rows(rows.clone());
        let mut keys: Vec<u64> = rows.iter().map(|&(k, _)| k).step_by(3).collect();
        keys.push(99 << 40 | 5);
        keys.extend(rows.iter().map(|&(k, _)| k).take(50));
        let mut plain = [0i32; C];
        for k in &keys {
            if let Some((_, w)) = rows.iter().find(|(key, _)| key == k) {
                for (o, &q) in plain.iter_mut().zip(w) {
                    *o += i32::from(q);
                }
            }
        }
        assert_eq!(table.scores(&keys), plain);
        assert_eq!(table.rows().collect::<Vec<_>>(), rows);
        let mut bytes = Vec::new();
        table.write(&mut bytes);
        let again = Table::<C, B>::read(&mut Reader::new(&bytes)).expect("reads back");
        assert_eq!(again.clone().scores(&keys), plain);
    }

    /// Rows with weights near both ends of `i16`, small rows between them: the 16-bit
    /// partial sums never overflow, and the sums are those of 32-bit arithmetic.
    fn large_weights_sum_exactly<const C: usize, const B: usize>() {
        let rows: Vec<(u64, [i16; C])> = (0..40u64)
            .map(|r| {
                let mut w = [0i16; C];
                for (c, q) in w.iter_mut().enumerate() {
                    *q = match (r + c as u64) % 5 {
                        0 => i16::MAX,
                        1 => i16::MIN,
                        2 => -30_000,
                        _ => i16::try_from((r * 31 + c as u64 * 17) % 4000).unwrap_or(0) - 2000,
                    };
                }
                if r % 3 == 0 {
                    w = w.map(|q| q / 64);
                }
                (((r + 1) << 40) | (r * 2), w)
            })
            .collect();
        let table = Table::<C, B>::from_rows(rows.clone());
        let mut keys: Vec<u64> = rows.iter().map(|&(k, _)| k).collect();
        keys.extend(rows.iter().map(|&(k, _)| k).filter(|k| k % 3 == 0));
        let mut plain = [0i32; C];
        for k in &keys {
            let (_, w) = rows.iter().find(|(key, _)| key == k).expect("a row");
            for (o, &q) in plain.iter_mut().zip(w) {
                *o += i32::from(q);
            }
        }
        assert_eq!(table.scores(&keys), plain);
        let mut start = [7i32; C];
        table.add_scores(&keys[..1], &mut start);
        for (s, (_, w)) in start.iter().zip(rows[0].1.iter().enumerate()) {
            assert_eq!(*s, 7 + i32::from(*w));
        }
    }

    #[test]
    fn weights_near_the_ends_of_16_bits_sum_exactly() {
        large_weights_sum_exactly::<4, 0>();
        large_weights_sum_exactly::<17, 0>();
        large_weights_sum_exactly::<57, 0>();
        large_weights_sum_exactly::<4, 1>();
        large_weights_sum_exactly::<17, 1>();
        large_weights_sum_exactly::<57, 1>();
    }

    #[test]
    fn tables_in_mapped_memory_score_as_their_rows_say() {
        scores_rows_and_bytes::<4, 0>();
        scores_rows_and_bytes::<17, 0>();
        scores_rows_and_bytes::<57, 0>();
        scores_rows_and_bytes::<57, 1>();
    }
}
