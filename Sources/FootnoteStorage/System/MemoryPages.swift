#if canImport(Glibc)
import Glibc
#endif

/// Gives memory back to the system before its buffer is freed.
public enum MemoryPages {
    /// Gives the whole memory pages inside `range` of the bytes at `base` back
    /// to the system (`madvise(MADV_DONTNEED)`): they read as zeros afterwards.
    /// Partial pages at either end are kept, so a neighbour's bytes are never
    /// touched. The caller must own the bytes and never read them again.
    public static func release(_ base: UnsafeRawPointer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base + range.lowerBound) + page - 1) / page * page
        let end = Int(bitPattern: base + range.upperBound) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(pointer, end - start, MADV_DONTNEED)
    }
}
