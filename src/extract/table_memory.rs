//! Memory for the weight tables ([`TableMemory`]).

use bytemuck::Pod;

/// The memory of a weight table's slots: an anonymous mapping, zero-filled, that the kernel is
/// asked to back with huge pages (2 MB on x86-64). The parser's and the NER's tables are some
/// 45 MB read at random: with 4 kB pages nearly every look-up also misses the address translation cache
/// and walks the page tables; with huge pages their translations fit in it.
pub(crate) struct TableMemory {
    map: memmap2::MmapMut,
}

impl TableMemory {
    /// `len` zero bytes.
    ///
    /// # Panics
    /// When the memory cannot be mapped (out of memory, as for a `Vec`).
    pub(crate) fn zeroed(len: usize) -> Self {
        let map = memmap2::MmapOptions::new()
            .len(len.max(1))
            .map_anon()
            .expect("memory for a weight table");
        // Only advice: without huge pages the table works the same, more slowly.
        #[cfg(target_os = "linux")]
        let _ = map.advise(memmap2::Advice::HugePage);
        Self { map }
    }

    /// The memory as slots (a mapping starts on a page boundary, aligned for any slot type).
    #[inline]
    pub(crate) fn slots<S: Pod>(&self) -> &[S] {
        bytemuck::cast_slice(&self.map[..])
    }

    #[inline]
    pub(crate) fn slots_mut<S: Pod>(&mut self) -> &mut [S] {
        bytemuck::cast_slice_mut(&mut self.map[..])
    }
}

impl Clone for TableMemory {
    fn clone(&self) -> Self {
        let mut copy = Self::zeroed(self.map.len());
        copy.map.copy_from_slice(&self.map);
        copy
    }
}

impl std::fmt::Debug for TableMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TableMemory({} bytes)", self.map.len())
    }
}
