import Foundation
import FootnoteStorage

/// The passage numbers of every term's postings, compressed in blocks of
/// `blockSize` postings. Each block stores gaps (passage − previous passage −
/// 1, the first from −1): a full block bit-packed at the width of its largest
/// gap (a width byte, then 128 gaps of that many bits, low bits first:
/// "binary packing", Anh & Moffat 2010; Lemire & Boytsov 2015), a list's
/// last, partial block as `VarInt`s. A list of more than one block starts
/// with a skip table (Moffat & Zobel 1996, "Self-indexing inverted files for
/// fast text retrieval"): for each block but the last, its last passage and
/// where the next block starts. About 1.4 bytes a posting on the kernel
/// corpus instead of 4. A reader walks a list from the start (`decode`), or
/// block by block, passing over blocks it does not need (`BlockReader`).
///
/// Term `t`'s list is `bytes[termByteStart[t] ..< termByteStart[t + 1]]`:
///
///     (blocks − 1) × [last passage UInt32, offset of the next block UInt32]   (when blocks > 1)
///     full blocks: [width UInt8, 16 × width bytes of packed gaps] each
///     the partial block's gaps, VarInt (when the count is not a multiple of 128)
///
/// The offsets count from the end of the skip table. `bytes` ends with
/// `padding` zero bytes after the last list, so that an unpacking read of 8
/// bytes never leaves the array. Readers never trust a list:
/// one that ends early, runs past its bytes, leaves `0..<passageCount`, or
/// disagrees with its skip table yields fewer postings, never a read out of
/// bounds (the index file's checksums catch damage before it gets here).
public struct PostingPassages: Sendable, Equatable {
    /// Postings per block.
    public static let blockSize = PostingBlock.size
    /// Bytes of one skip table entry.
    static let skipEntrySize = 8
    /// Zero bytes after the last list.
    static let padding = 8

    /// `termCount + 1` offsets into `bytes`.
    public let termByteStart: Offsets
    public let bytes: FlatArray<UInt8>

    public init(termByteStart: Offsets, bytes: FlatArray<UInt8>) {
        self.termByteStart = termByteStart
        self.bytes = bytes
    }

    /// The cores `init(_:postingStart:)` encodes `postings` postings on:
    /// one per 100,000 postings, at least one, at most the machine's.
    public static func encodingParts(postings: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, postings / 100_000))
    }

    /// Encodes `passages`, whose term `t` holds `passages[postingStart[t] ..< postingStart[t + 1]]`
    /// (ascending): runs of terms of about equal postings on every core, joined in order.
    init(_ passages: UnsafeBufferPointer<Int32>, postingStart: Offsets) {
        let terms = max(0, postingStart.count - 1), postings = terms > 0 ? postingStart[terms] : 0
        let parts = Self.encodingParts(postings: postings)
        var bounds = [0]
        for t in 0..<terms where bounds.count < parts && postingStart[t] * parts >= postings * bounds.count { bounds.append(t) }
        bounds.append(terms)
        let runBounds = bounds
        let runs = concurrentMap(runBounds.count - 1) { r -> (starts: [Int], bytes: FlatArray<UInt8>) in
            var builder = Builder()  // its lists, without the padding `build` would add
            for t in runBounds[r]..<runBounds[r + 1] {
                builder.append(UnsafeBufferPointer(rebasing: passages[postingStart[t]..<postingStart[t + 1]]))
            }
            return (Array(builder.starts.build()), builder.bytes.build())
        }
        let starts = FlatArrayBuilder<Int>(capacity: terms + 1),
            bytes = FlatArrayBuilder<UInt8>(capacity: runs.reduce(0) { $0 + $1.bytes.count } + Self.padding)
        starts.append(0)
        for run in runs {
            let base = bytes.count
            for x in run.starts.dropFirst() { starts.append(base + x) }
            bytes.append(contentsOf: run.bytes.buffer)
        }
        for _ in 0..<Self.padding { bytes.append(0) }
        self.init(termByteStart: Offsets(starts.build()), bytes: bytes.build())
    }

    /// Blocks of a list of `count` postings. (`blocksNeeded`'s arithmetic,
    /// written here: calling that storage-target function kept `BlockReader.init`
    /// from inlining into `forEachBlock`, and the kernel corpus's start-up took
    /// 96 ms instead of 89.)
    @inline(__always)
    static func blocks(_ count: Int) -> Int { (count + blockSize - 1) / blockSize }

    /// Where the blocks of term `t`'s list of `count` postings start (after its skip table).
    @inline(__always)
    func blocksStart(term t: Int, count: Int) -> Int { termByteStart[t] + max(0, Self.blocks(count) - 1) * Self.skipEntrySize }

    /// Offsets ascend from 0 to the padding at the end of `bytes`, one list per term.
    public func isConsistent(termCount: Int) -> Bool {
        guard termByteStart.count == termCount + 1, termByteStart[0] == 0,
            termByteStart[termCount] + Self.padding == bytes.count
        else { return false }
        var previous = 0
        for x in termByteStart {
            guard x >= previous else { return false }
            previous = x
        }
        return true
    }

    /// Term `t`'s list as it was encoded, `count` postings (its document
    /// frequency), all decoded; stops early at damage.
    public func passages(term t: Int, count: Int, passageCount: Int = Int(Int32.max)) -> [Int32] {
        var out = [Int32](repeating: 0, count: count)
        let decoded = out.withUnsafeMutableBufferPointer {
            decode(term: t, count: count, passageCount: passageCount, into: $0.baseAddress!)
        }
        out.removeLast(count - decoded)
        return out
    }

    /// Decodes term `t`'s `count` passages into `out` (room for `count`);
    /// returns how many were decoded (fewer only when the list is damaged).
    @inline(__always)
    func decode(term t: Int, count: Int, passageCount: Int, into out: UnsafeMutablePointer<Int32>) -> Int {
        let gapsStart = blocksStart(term: t, count: count), end = termByteStart[t + 1]
        guard gapsStart <= end else { return 0 }
        var at = gapsStart, previous = -1, done = 0
        let buffer = bytes.buffer
        while count - done >= Self.blockSize {
            guard Self.unpack(buffer, at: &at, end: end, previous: &previous, limit: passageCount, into: out + done) else { return done }
            done += Self.blockSize
        }
        return done
            + Self.decodeGaps(buffer, at: &at, end: end, previous: previous, count: count - done, limit: passageCount, into: out + done)
    }

    /// Unpacks the full block at `bytes[at..<end]` after passage `previous`
    /// into `out` (room for `blockSize`), advancing `at` and `previous`;
    /// false, what it wrote not to be used, when the block is damaged (a
    /// width over 32, bytes past `end`, a passage at or past `limit`).
    @inline(__always)
    static func unpack(
        _ bytes: UnsafeBufferPointer<UInt8>, at: inout Int, end: Int, previous: inout Int, limit: Int,
        into out: UnsafeMutablePointer<Int32>
    ) -> Bool {
        guard let base = bytes.baseAddress, at < end else { return false }
        let width = Int(base[at])
        let size = 1 + width * (blockSize / 8)
        guard width <= 32, size <= end - at, at + size + padding <= bytes.count else { return false }
        let data = UnsafeRawPointer(base + at + 1)
        // One copy of the loop per width, so that each one's shifts and
        // offsets are constants (the compiler unrolls every 8 gaps: w bytes).
        var passage = previous
        switch width {
        case 0: for k in 0..<blockSize { out[k] = Int32(truncatingIfNeeded: passage + 1 + k) }; passage += blockSize
        case 1: unpack(data, width: 1, &passage, out)
        case 2: unpack(data, width: 2, &passage, out)
        case 3: unpack(data, width: 3, &passage, out)
        case 4: unpack(data, width: 4, &passage, out)
        case 5: unpack(data, width: 5, &passage, out)
        case 6: unpack(data, width: 6, &passage, out)
        case 7: unpack(data, width: 7, &passage, out)
        case 8: unpack(data, width: 8, &passage, out)
        case 9: unpack(data, width: 9, &passage, out)
        case 10: unpack(data, width: 10, &passage, out)
        case 11: unpack(data, width: 11, &passage, out)
        case 12: unpack(data, width: 12, &passage, out)
        case 13: unpack(data, width: 13, &passage, out)
        case 14: unpack(data, width: 14, &passage, out)
        case 15: unpack(data, width: 15, &passage, out)
        case 16: unpack(data, width: 16, &passage, out)
        case 17: unpack(data, width: 17, &passage, out)
        case 18: unpack(data, width: 18, &passage, out)
        case 19: unpack(data, width: 19, &passage, out)
        case 20: unpack(data, width: 20, &passage, out)
        default: unpack(data, width: width, &passage, out)
        }
        guard passage < limit else { return false }  // ascending: the last is the largest
        at += size
        previous = passage
        return true
    }

    /// Unpacks 128 gaps of `width` bits at `data`, adding each (+1) to `passage`
    /// and writing the passages to `out`: 16 groups of 8 gaps, each group
    /// `width` bytes.
    @inline(__always)
    private static func unpack(_ data: UnsafeRawPointer, width: Int, _ passage: inout Int, _ out: UnsafeMutablePointer<Int32>) {
        let mask = (UInt64(1) << UInt64(width)) &- 1
        var p = passage
        for group in 0..<(blockSize / 8) {
            let groupData = data + group * width
            for k in 0..<8 {
                let bit = k * width
                let word = (groupData + (bit >> 3)).loadUnaligned(as: UInt64.self)
                p += Int((word >> UInt64(bit & 7)) & mask) + 1
                out[group * 8 + k] = Int32(truncatingIfNeeded: p)
            }
        }
        passage = p
    }

    /// Decodes up to `count` `VarInt` gaps at `bytes[at..<end]` after passage
    /// `previous` into `out`, each passage below `limit`; returns how many.
    /// Eight one-byte gaps are decoded at once when a word holds no continuation bit.
    @inline(__always)
    static func decodeGaps(
        _ bytes: UnsafeBufferPointer<UInt8>, at: inout Int, end: Int, previous: Int, count: Int, limit: Int,
        into out: UnsafeMutablePointer<Int32>
    ) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var passage = previous, i = 0
        while i < count {
            if i + 8 <= count && at + 8 <= end {
                let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    var w = word
                    for k in 0..<8 {
                        passage += Int(w & 0xFF) + 1
                        out[i + k] = Int32(truncatingIfNeeded: passage)
                        w >>= 8
                    }
                    at += 8
                    i += 8
                    if passage >= limit { return Self.firstAtOrAbove(limit, out, i) }
                    continue
                }
            }
            guard at < end else { return i }
            var gap = Int(base[at])
            at += 1
            if gap >= 0x80 {
                gap &= 0x7F
                var shift = 7
                while true {
                    guard at < end, shift < 35 else { return i }
                    let b = Int(base[at])
                    at += 1
                    gap |= (b & 0x7F) << shift
                    if b < 0x80 { break }
                    shift += 7
                }
            }
            passage += gap + 1
            guard passage < limit else { return i }
            out[i] = Int32(truncatingIfNeeded: passage)
            i += 1
        }
        return i
    }

    /// How many of `out[0..<count]` (ascending) are below `limit`.
    private static func firstAtOrAbove(_ limit: Int, _ out: UnsafeMutablePointer<Int32>, _ count: Int) -> Int {
        var n = count
        while n > 0 && Int(out[n - 1]) >= limit { n -= 1 }
        return n
    }

    /// Reads one term's list a block at a time, decoding only the blocks asked for.
    public struct BlockReader {
        let bytes: UnsafeBufferPointer<UInt8>
        let skipStart: Int, gapsStart: Int, end: Int
        let count: Int, limit: Int
        public let blockCount: Int
        /// The block `decode` reads next (0 first).
        public private(set) var block = 0
        /// Where that block's gaps start, and the passage before it.
        var at: Int
        var previous = -1

        /// Term `t`'s list of `count` postings, passages below `passageCount`.
        public init(_ lists: PostingPassages, term t: Int, count: Int, passageCount: Int) {
            bytes = lists.bytes.buffer
            limit = passageCount
            blockCount = PostingPassages.blocks(count)
            skipStart = lists.termByteStart[t]
            end = lists.termByteStart[t + 1]
            let blocksStart = lists.blocksStart(term: t, count: count)
            gapsStart = min(end, blocksStart)
            self.count = blocksStart <= end ? count : 0  // a skip table past the list's end: nothing to read
            at = gapsStart
        }

        /// Postings in block `b`.
        @inline(__always)
        public func postings(inBlock b: Int) -> Int {
            b < blockCount - 1 ? PostingPassages.blockSize : count - (blockCount - 1) * PostingPassages.blockSize
        }

        /// Block `b`'s skip entry (b < blockCount − 1): its last passage, and
        /// where the next block's gaps start; nil when out of range.
        @inline(__always)
        func skipEntry(_ b: Int) -> (last: Int, next: Int)? {
            let entry = skipStart + b * PostingPassages.skipEntrySize
            guard let base = bytes.baseAddress, entry + PostingPassages.skipEntrySize <= gapsStart else { return nil }
            let last = Int(UnsafeRawPointer(base + entry).loadUnaligned(as: UInt32.self).littleEndian)
            let next = gapsStart + Int(UnsafeRawPointer(base + entry + 4).loadUnaligned(as: UInt32.self).littleEndian)
            guard next <= end else { return nil }
            return (last, next)
        }

        /// The last passage of block `b` when the skip table holds it (every block but the last).
        public func lastPassage(ofBlock b: Int) -> Int? { skipEntry(b)?.last }

        /// Moves past the current block without decoding it; false at the end
        /// of the list (or of its skip table).
        public mutating func skipBlock() -> Bool {
            guard block < blockCount - 1, let entry = skipEntry(block) else { return false }
            at = entry.next
            previous = entry.last
            block += 1
            return true
        }

        /// Decodes the current block into `out` (room for `blockSize`) and
        /// moves to the next; returns the passages decoded (0 at the end).
        mutating func decode(into out: UnsafeMutablePointer<Int32>) -> Int {
            guard block < blockCount else { return 0 }
            let n = postings(inBlock: block)
            let expected = skipEntry(block)
            if n == PostingPassages.blockSize {
                guard PostingPassages.unpack(bytes, at: &at, end: end, previous: &previous, limit: limit, into: out) else {
                    block = blockCount
                    return 0
                }
            } else {
                let decoded = PostingPassages.decodeGaps(bytes, at: &at, end: end, previous: previous, count: n, limit: limit, into: out)
                if decoded < n { block = blockCount; return decoded }
                previous = Int(out[n - 1])
            }
            if let expected, expected.last != previous || expected.next != at { block = blockCount; return 0 }  // disagrees: stop
            block += 1
            return n
        }
    }

    /// Collects lists term by term.
    public struct Builder {
        let starts = FlatArrayBuilder<Int>()
        let bytes = FlatArrayBuilder<UInt8>(capacity: 1 << 16)
        private var gaps: [UInt8] = []
        private var skips: [UInt8] = []
        private var blockGaps: [UInt64] = []

        public init() { starts.append(0) }

        /// Appends the next term's list (ascending, non-negative passages).
        mutating func append(_ passages: UnsafeBufferPointer<Int32>) {
            gaps.removeAll(keepingCapacity: true)
            skips.removeAll(keepingCapacity: true)
            let size = PostingPassages.blockSize
            var previous = -1, first = 0
            while first < passages.count {
                if first > 0 {  // a block starts: note the previous one's end
                    Self.appendLittleEndian(UInt32(truncatingIfNeeded: previous), to: &skips)
                    Self.appendLittleEndian(UInt32(truncatingIfNeeded: gaps.count), to: &skips)
                }
                let block = passages[first..<min(passages.count, first + size)]
                blockGaps.removeAll(keepingCapacity: true)
                for p in block {
                    precondition(Int(p) > previous, "postings must ascend")
                    blockGaps.append(UInt64(Int(p) - previous - 1))
                    previous = Int(p)
                }
                if block.count == size {
                    // Passages are below 2³¹: a width is at most 31, and the
                    // buffer holds under 8 + 31 bits between flushes.
                    let width = 64 - blockGaps.reduce(0, |).leadingZeroBitCount  // the widest gap's
                    gaps.append(UInt8(width))
                    var buffer: UInt64 = 0, filled = 0
                    for g in blockGaps {
                        buffer |= g << UInt64(filled)
                        filled += width
                        while filled >= 8 {
                            gaps.append(UInt8(truncatingIfNeeded: buffer))
                            buffer >>= 8
                            filled -= 8
                        }
                    }
                } else {
                    for g in blockGaps { VarInt.append(g, to: &gaps) }
                }
                first += block.count
            }
            skips.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            gaps.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            starts.append(bytes.count)
        }

        private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
            bytes.append(UInt8(truncatingIfNeeded: value))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
            bytes.append(UInt8(truncatingIfNeeded: value >> 16))
            bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        }

        public func build() -> PostingPassages {
            for _ in 0..<PostingPassages.padding { bytes.append(0) }
            return PostingPassages(termByteStart: Offsets(starts.build()), bytes: bytes.build())
        }
    }
}
