//! Weight tables: 16-bit weights per hashed feature key, found through an open-addressing
//! array (linear probing, at most half full) indexed by the key's low bits, the key's upper 32
//! bits kept as a check. Keys are well-mixed hashes already ([`super::features::key`]), so
//! they index as they are. Two layouts:
//!
//! - [`Table`] keeps the weights in the slot beside the check (the parser's 3 moves: 12 bytes
//!   a slot, one cache line a lookup);
//! - [`DenseTable`] keeps 8-byte index slots pointing into dense rows (the tagger's 17 tags,
//!   the labeller's 57 labels): empty slots cost 8 bytes rather than a whole row, which
//!   halves the memory lookups touch.
//!
//! The file holds each table as the class count, the row count, then the rows (key u64, one
//! i16 per class), little-endian, sorted by key.

use super::model::ParseModelError;

/// The upper half of a key, never 0 (0 marks an empty slot).
#[inline]
fn check_of(key: u64) -> u32 {
    u32::try_from(key >> 32).unwrap_or(1).max(1)
}

/// Slots for `rows` keys: a power of two, at most half full, so a key
/// the table lacks is usually known absent at its first slot.
fn capacity(rows: usize) -> usize {
    (rows * 2).next_power_of_two().max(16)
}

/// One slot of a [`Table`]: the key's check (0 for an empty slot) beside its weights.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
struct Slot<const C: usize> {
    check: u32,
    weights: [i16; C],
}

/// Weights of a classifier: the rows kept in the slots.
#[derive(Debug, Clone)]
pub struct Table<const C: usize> {
    slots: Vec<Slot<C>>,
    mask: usize,
    /// The keys in insertion order.
    keys: Vec<u64>,
}

impl<const C: usize> Default for Table<C> {
    fn default() -> Self {
        Self::from_rows(std::iter::empty())
    }
}

impl<const C: usize> Table<C> {
    /// A table from (key, weights) rows; of two keys with the same slot and check, the
    /// first is kept.
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, [i16; C])>) -> Self {
        let rows: Vec<(u64, [i16; C])> = rows.into_iter().collect();
        let size = capacity(rows.len());
        let empty = Slot {
            check: 0,
            weights: [0; C],
        };
        let mut table = Self {
            slots: vec![empty; size],
            mask: size - 1,
            keys: Vec::with_capacity(rows.len()),
        };
        for (key, weights) in rows {
            let check = check_of(key);
            #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
            let mut i = key as usize & table.mask;
            loop {
                let slot = &mut table.slots[i];
                if slot.check == 0 {
                    *slot = Slot { check, weights };
                    table.keys.push(key);
                    break;
                }
                if slot.check == check {
                    break;
                }
                i = (i + 1) & table.mask;
            }
        }
        table
    }

    /// The weights of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[i16; C]> {
        let check = check_of(key);
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.check == check {
                return Some(&slot.weights);
            }
            if slot.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the table has no features.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Sums the weights of `keys` into per-class scores.
    #[inline]
    pub fn scores(&self, keys: &[u64]) -> [i32; C] {
        let mut out = [0; C];
        self.add_scores(keys, &mut out);
        out
    }

    /// Adds the weights of `keys` to `out`.
    #[inline]
    pub fn add_scores(&self, keys: &[u64], out: &mut [i32; C]) {
        for &k in keys {
            if let Some(w) = self.get(k) {
                for (o, &q) in out.iter_mut().zip(w) {
                    *o += i32::from(q);
                }
            }
        }
    }

    pub(super) fn write(&self, out: &mut Vec<u8>) {
        write_rows(&self.keys, |k| self.get(k).copied(), out);
    }

    pub(super) fn read(r: &mut Reader) -> Result<Self, ParseModelError> {
        Ok(Self::from_rows(read_rows(r)?))
    }
}

/// One slot of a [`DenseTable`]'s index: the key's check (0 for an empty slot) and the row
/// of its weights.
#[derive(Debug, Clone, Copy, Default)]
struct IndexSlot {
    check: u32,
    row: u32,
}

/// Weights of a classifier with wide rows (the tagger's 17 tags, the labeller's 57 labels):
/// an index of 8-byte slots, at most half full, points into dense rows. A lookup reads one
/// more cache line than a [`Table`] does when the key is present, but the tables take half
/// the memory, so more of them stays in the caches.
#[derive(Debug, Clone)]
pub struct DenseTable<const C: usize> {
    index: Vec<IndexSlot>,
    weights: Vec<[i16; C]>,
    mask: usize,
    /// The keys in row order, kept for writing the file (never read by lookups).
    keys: Vec<u64>,
}

impl<const C: usize> Default for DenseTable<C> {
    fn default() -> Self {
        Self::from_rows(std::iter::empty())
    }
}

impl<const C: usize> DenseTable<C> {
    /// A table from (key, weights) rows; of two keys with the same slot and check, the
    /// first is kept.
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, [i16; C])>) -> Self {
        let rows: Vec<(u64, [i16; C])> = rows.into_iter().collect();
        let size = capacity(rows.len());
        let mut table = Self {
            index: vec![IndexSlot::default(); size],
            weights: Vec::with_capacity(rows.len()),
            mask: size - 1,
            keys: Vec::with_capacity(rows.len()),
        };
        for (key, weights) in rows {
            let check = check_of(key);
            #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
            let mut i = key as usize & table.mask;
            loop {
                let slot = &mut table.index[i];
                if slot.check == 0 {
                    let row = u32::try_from(table.weights.len()).unwrap_or(u32::MAX);
                    *slot = IndexSlot { check, row };
                    table.weights.push(weights);
                    table.keys.push(key);
                    break;
                }
                if slot.check == check {
                    break;
                }
                i = (i + 1) & table.mask;
            }
        }
        table
    }

    /// The weights of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[i16; C]> {
        let check = check_of(key);
        #[allow(clippy::cast_possible_truncation, reason = "masked to the table size")]
        let mut i = key as usize & self.mask;
        loop {
            let slot = self.index[i];
            if slot.check == check {
                return self.weights.get(slot.row as usize);
            }
            if slot.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the table has no features.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Sums the weights of `keys` into per-class scores.
    #[inline]
    pub fn scores(&self, keys: &[u64]) -> [i32; C] {
        let mut out = [0; C];
        for &k in keys {
            if let Some(w) = self.get(k) {
                for (o, &q) in out.iter_mut().zip(w) {
                    *o += i32::from(q);
                }
            }
        }
        out
    }

    pub(super) fn write(&self, out: &mut Vec<u8>) {
        write_rows(&self.keys, |k| self.get(k).copied(), out);
    }

    pub(super) fn read(r: &mut Reader) -> Result<Self, ParseModelError> {
        Ok(Self::from_rows(read_rows(r)?))
    }
}

/// Writes the class count, the row count and the rows sorted by key.
fn write_rows<const C: usize>(
    keys: &[u64],
    get: impl Fn(u64) -> Option<[i16; C]>,
    out: &mut Vec<u8>,
) {
    let mut keys = keys.to_vec();
    keys.sort_unstable();
    out.extend_from_slice(&u32::try_from(C).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&u32::try_from(keys.len()).unwrap_or(u32::MAX).to_le_bytes());
    for k in keys {
        out.extend_from_slice(&k.to_le_bytes());
        for q in get(k).unwrap_or([0; C]) {
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
}

/// Reads what [`write_rows`] wrote.
fn read_rows<const C: usize>(r: &mut Reader) -> Result<Vec<(u64, [i16; C])>, ParseModelError> {
    let classes = u32::from_le_bytes(r.array()?) as usize;
    if classes != C {
        return Err(ParseModelError::Format);
    }
    let rows = u32::from_le_bytes(r.array()?) as usize;
    if r.remaining() < rows.saturating_mul(8 + 2 * C) {
        return Err(ParseModelError::Truncated);
    }
    let mut out = Vec::with_capacity(rows);
    for _ in 0..rows {
        let k = u64::from_le_bytes(r.array()?);
        let mut w = [0i16; C];
        for q in &mut w {
            *q = i16::from_le_bytes(r.array()?);
        }
        out.push((k, w));
    }
    Ok(out)
}

/// Reads little-endian values from a byte slice.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, pos: 0 }
    }

    /// The next `n` bytes.
    pub(super) fn take(&mut self, n: usize) -> Result<&[u8], ParseModelError> {
        let end = self.pos.checked_add(n).ok_or(ParseModelError::Truncated)?;
        let slice = self
            .bytes
            .get(self.pos..end)
            .ok_or(ParseModelError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ParseModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    /// Bytes not read yet.
    pub(super) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows<const C: usize>(n: u64) -> Vec<(u64, [i16; C])> {
        (1..=n)
            .map(|i| {
                let key = i.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                #[allow(clippy::cast_possible_truncation, reason = "small test values")]
                let w = [i as i16; C];
                (key, w)
            })
            .collect()
    }

    #[test]
    fn wide_and_narrow_tables_find_what_they_hold_and_nothing_else() {
        let wide = Table::<57>::from_rows(rows(1000));
        let small = Table::<3>::from_rows(rows(1000));
        let dense = DenseTable::<57>::from_rows(rows(1000));
        assert_eq!((wide.len(), small.len(), dense.len()), (1000, 1000, 1000));
        for (k, w) in rows::<57>(1000) {
            assert_eq!(wide.get(k), Some(&w));
            assert_eq!(dense.get(k), Some(&w));
            assert_eq!(small.get(k).map(|s| s[0]), Some(w[0]));
        }
        for missing in [3_u64, 0xdead_beef_0000_0001, u64::MAX] {
            assert_eq!(wide.get(missing), None);
            assert_eq!(dense.get(missing), None);
            assert_eq!(small.get(missing), None);
        }
        // Scores sum the rows of the keys present.
        let keys: Vec<u64> = rows::<57>(20).iter().map(|r| r.0).chain([3]).collect();
        assert_eq!(wide.scores(&keys), [210; 57]);
        assert_eq!(dense.scores(&keys), [210; 57]);
        let mut s = [1; 3];
        small.add_scores(&keys, &mut s);
        assert_eq!(s, [211; 3]);
    }

    #[test]
    fn tables_round_trip_through_bytes() {
        let table = Table::<5>::from_rows(rows(300));
        let mut bytes = Vec::new();
        table.write(&mut bytes);
        let again = Table::<5>::read(&mut Reader::new(&bytes)).expect("reads its own bytes");
        assert_eq!(again.len(), 300);
        assert_eq!(again.get(rows::<5>(7)[6].0), Some(&[7; 5]));
        assert!(Table::<4>::read(&mut Reader::new(&bytes)).is_err());
        assert!(Table::<5>::read(&mut Reader::new(&bytes[..bytes.len() - 1])).is_err());
        // Both layouts write the same bytes and read each other's.
        let dense = DenseTable::<5>::read(&mut Reader::new(&bytes)).expect("same format");
        let mut again_bytes = Vec::new();
        dense.write(&mut again_bytes);
        assert_eq!(again_bytes, bytes);
    }
}
