//! Input pages given back to the system once read (issue 22).

/// Gives the pages of the mapped file that the rows have been read from
/// back to the system as reading goes (`MADV_DONTNEED`): they stay in the
/// page cache, but no longer count in the process's resident memory, which
/// otherwise holds the whole input until the end (docs/PERFORMANCE.md).
pub struct Release<'a> {
    map: Option<&'a memmap2::Mmap>,
    /// Where the text being split starts in the map (after a BOM).
    offset: usize,
    /// The map's bytes before this are given back.
    done: usize,
}

impl<'a> Release<'a> {
    /// Given back at least this many bytes at a time.
    pub const STEP: usize = 4 << 20;

    /// For `text`, split from `map` (or from another buffer: then nothing
    /// is given back) from `start` on: the pages before are not touched
    /// (another thread may be reading them).
    pub fn new(map: Option<&'a memmap2::Mmap>, text: &[u8], start: usize) -> Release<'a> {
        let map = map.filter(|m| within(text, m));
        let offset = map.map_or(0, |m| text.as_ptr() as usize - m.as_ptr() as usize);
        let done = (offset + start).next_multiple_of(0x10000);
        Release { map, offset, done }
    }

    /// The text up to `pos` is read and no longer borrowed.
    #[inline]
    pub fn upto(&mut self, pos: usize) {
        let Some(map) = self.map else { return };
        // Whole 64 KiB blocks: a multiple of every page size.
        let end = (self.offset + pos).min(map.len()) & !0xffff;
        if end >= self.done.saturating_add(Self::STEP) {
            #[cfg(unix)]
            // SAFETY: the map is a read-only map of a file, and no row
            // borrows bytes before `end` (the splitter copies each record
            // into its own buffer; counting a chunk's lines reads its range
            // only and keeps nothing of it); read again, a page comes back
            // from the file as it was. A file changed or cut by another
            // process while it is read is outside what kehoach promises
            // (docs/DECISIONS.md).
            let _ = unsafe {
                map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, self.done, end - self.done)
            };
            self.done = end;
        }
    }
}

/// Whether `part` lies within `whole`'s bytes.
fn within(part: &[u8], whole: &[u8]) -> bool {
    let (p, w) = (part.as_ptr_range(), whole.as_ptr_range());
    p.start >= w.start && p.end <= w.end
}
