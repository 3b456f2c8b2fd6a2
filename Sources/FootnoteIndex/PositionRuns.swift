import FootnoteStorage

/// The body positions of every posting, in posting order, each posting's a
/// self-delimiting run of numbers:
///
///     run = v₁ … v_m,  v_i = g_i · 2 + [i = m]
///     g₁ = first position + 1,  g_i = position_i − position_{i−1}  (i > 1)
///
/// A posting with no body position (heading occurrences only) has the run
/// of the single number 1 (g₁ = 0). Each number is written in base 128,
/// high digits first, the high bit set on every byte but the last — so the
/// last byte holds the number's low bit, and a byte ends a run exactly when
/// `byte & 0x81 == 0x01`. Runs are found by counting run ends, 8 bytes at a
/// time, from `blockStart[k]`, where posting 128k's run starts: no length
/// per posting is stored. On the kernel corpus, 1.42 bytes per posting in
/// all, where LEB128 gaps with a length byte per posting and a checkpoint
/// per 32 took 2.6.
///
/// Readers never trust the bytes: a damaged run yields fewer or wrong
/// positions, never a read out of bounds.
public struct PositionRuns: Sendable, Equatable {
    public static let blockSize = PostingBlock.size

    public let bytes: FlatArray<UInt8>
    /// Where posting 128k's run starts, for k = 0…⌈postings/128⌉ − 1, then `bytes.count`.
    public let blockStart: Offsets

    public init(bytes: FlatArray<UInt8>, blockStart: Offsets) {
        self.bytes = bytes
        self.blockStart = blockStart
    }

    /// The runs in `bytes`, which must hold exactly `postingCount` runs (their
    /// block starts found here by counting run ends).
    public init(bytes: FlatArray<UInt8>, postingCount: Int) {
        let starts = FlatArrayBuilder<Int>(capacity: postingCount / Self.blockSize + 2)
        var at = 0
        for block in stride(from: 0, to: postingCount, by: Self.blockSize) {
            starts.append(at)
            at = Self.skip(min(Self.blockSize, postingCount - block), runsIn: bytes.buffer, from: at)
        }
        precondition(at == bytes.count, "position runs do not fill their bytes")
        starts.append(at)
        self.init(bytes: bytes, blockStart: Offsets(starts.build()))
    }

    /// Runs (in 128s) covered by the block starts.
    public var blockCount: Int { max(blockStart.count - 1, 0) }

    /// Whether `byte` is the last of a run.
    @inline(__always)
    static func endsRun(_ byte: UInt8) -> Bool { byte & 0x81 == 0x01 }

    /// Where the run after `count` runs from `start` begins (`bytes.count`
    /// at most). Counts run ends a word at a time.
    @inline(__always)
    static func skip(_ count: Int, runsIn bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var left = count, at = start
        let end = bytes.count
        guard left > 0, let base = bytes.baseAddress else { return min(at, end) }
        let low: UInt64 = 0x0101_0101_0101_0101
        while at + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            let ends = word & ~(word >> 7) & low
            let n = ends.nonzeroBitCount
            if n >= left { break }
            left -= n
            at += 8
        }
        while at < end {
            let byte = base[at]
            at += 1
            if endsRun(byte) {
                left -= 1
                if left == 0 { return at }
            }
        }
        return end
    }

    /// The bytes of posting `p`'s run (empty when the runs are damaged there).
    @inline(__always)
    public func run(_ p: Int) -> Range<Int> {
        let k = p / Self.blockSize
        guard p >= 0, k < blockCount else { return 0..<0 }
        let buffer = bytes.buffer
        let start = Self.skip(p - k * Self.blockSize, runsIn: buffer, from: min(max(blockStart[k], 0), buffer.count))
        return start..<Self.endOfRun(startingAt: start, in: buffer)
    }

    /// The bytes of posting `p`'s run, found from the end of the run of
    /// `after` (a posting before `p` whose run ends at `end`) when that is
    /// nearer than `p`'s block start: a walk over ascending postings reads
    /// each byte about once.
    @inline(__always)
    public func run(_ p: Int, after: (posting: Int, end: Int)) -> Range<Int> {
        guard after.posting < p, p - after.posting <= p % Self.blockSize, after.end >= 0 else { return run(p) }
        let buffer = bytes.buffer
        let start = Self.skip(p - after.posting - 1, runsIn: buffer, from: min(after.end, buffer.count))
        return start..<Self.endOfRun(startingAt: start, in: buffer)
    }

    /// Where the run starting at `start` ends (just past its last byte).
    @inline(__always)
    static func endOfRun(startingAt start: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var end = start
        while end < buffer.count {
            end += 1
            if endsRun(buffer[end - 1]) { break }
        }
        return end
    }

    /// Posting `p`'s positions, decoded.
    public func positions(_ p: Int) -> [Int32] {
        var out: [Int32] = []
        var reader = Reader(bytes.buffer, run: run(p))
        while let position = reader.next() { out.append(position) }
        return out
    }

    /// Decodes one run's positions in order.
    public struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at: Int
        let end: Int
        var position: Int32 = -1

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, run: Range<Int>) {
            self.bytes = bytes
            at = run.lowerBound
            end = min(run.upperBound, bytes.count)
        }

        /// The next position; nil at the run's end (or a damaged number).
        @inline(__always)
        public mutating func next() -> Int32? {
            var value: UInt64 = 0
            while at < end {
                let byte = bytes[at]
                at += 1
                value = value << 7 | UInt64(byte & 0x7F)
                guard byte >= 0x80 else {
                    let gap = Int32(truncatingIfNeeded: value >> 1)
                    guard gap > 0, value >> 1 <= UInt64(Int32.max) else { at = end; return nil }
                    position &+= gap
                    if value & 1 == 1 { at = end }
                    return position
                }
                if value > UInt64(UInt32.max) { break }
            }
            at = end
            return nil
        }
    }

    /// Bytes `gap · 2 + 1` takes.
    @inline(__always)
    public static func size(gap: UInt32) -> Int {
        let v = UInt64(gap) << 1 | 1
        return v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5
    }

    /// Writes `gap · 2` (not yet marked last) at `out[at...]`, advancing `at`.
    /// A run is closed by `closeRun`.
    @inline(__always)
    static func write(gap: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        let v = UInt64(gap) << 1
        var digits = 1
        while digits < 5 && v >> (7 * UInt64(digits)) != 0 { digits += 1 }
        for d in stride(from: digits - 1, through: 1, by: -1) {
            out[at] = UInt8(truncatingIfNeeded: v >> (7 * UInt64(d))) & 0x7F | 0x80
            at += 1
        }
        out[at] = UInt8(truncatingIfNeeded: v) & 0x7F
        at += 1
    }

    /// Closes the run written so far, which ends just before `at`: marks its
    /// last number as last, or — when `hasPositions` is false — writes the
    /// empty run (one byte), advancing `at`.
    @inline(__always)
    static func closeRun(hasPositions: Bool, in out: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        if hasPositions {
            out[at - 1] |= 1
        } else {
            out[at] = 1
            at += 1
        }
    }

    /// Collects runs in posting order (the merger copies them whole).
    public final class Builder {
        let bytes = FlatArrayBuilder<UInt8>()
        let starts = FlatArrayBuilder<Int>()
        private var postings = 0

        public init() {}

        /// Appends the next posting's run, whole (its last byte ends it).
        @inline(__always)
        func append(run: UnsafeBufferPointer<UInt8>) {
            if postings % PositionRuns.blockSize == 0 { starts.append(bytes.count) }
            postings += 1
            bytes.append(contentsOf: run)
        }

        public func build() -> PositionRuns {
            starts.append(bytes.count)
            return PositionRuns(bytes: bytes.build(), blockStart: Offsets(starts.build()))
        }
    }

    /// Whether the runs are consistent with `postingCount` postings: one
    /// block start per 128, each where the runs before it end, the last run
    /// ending the bytes.
    func isConsistent(postingCount: Int) -> Bool {
        let blocks = blocksNeeded(postingCount, size: Self.blockSize)
        guard blockStart.count == blocks + 1, blockStart[blocks] == bytes.count else { return false }
        for k in 0..<blocks {
            let count = min(Self.blockSize, postingCount - k * Self.blockSize)
            let start = blockStart[k]
            guard start >= 0, start < bytes.count,
                Self.skip(count, runsIn: bytes.buffer, from: start) == blockStart[k + 1],
                Self.endsRun(bytes[blockStart[k + 1] - 1])
            else { return false }
        }
        return true
    }
}
