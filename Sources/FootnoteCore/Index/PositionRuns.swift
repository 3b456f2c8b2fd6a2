/// The body positions of every posting: each posting's positions are a run
/// of `VarInt` gaps (the first from 0) in `bytes`, runs in posting order.
///
/// A run is located without a per-posting offset: `checkpoint[k]` is where
/// posting 32k's run starts, and each posting records its run's length in
/// one byte (255: look it up in `longPosting`/`longLength`), so a lookup adds
/// at most 31 lengths. About 1.06 bytes per posting instead of 4–8.
public struct PositionRuns: Sendable, Equatable {
    public static let checkpointEvery = 32
    /// A one-byte length that means "see the long-run table".
    static let long: UInt8 = 255

    public let bytes: FlatArray<UInt8>
    /// Per posting: its run's length in bytes, or 255.
    public let length: FlatArray<UInt8>
    /// Postings whose runs are 255 bytes or longer (ascending), and their lengths.
    public let longPosting: FlatArray<Int>
    public let longLength: FlatArray<Int>
    /// Start of posting 32k's run, for k = 0…⌈postings/32⌉; the last entry is `bytes.count`.
    public let checkpoint: FlatArray<Int>

    public init(bytes: FlatArray<UInt8>, length: FlatArray<UInt8>, longPosting: FlatArray<Int>, longLength: FlatArray<Int>,
                checkpoint: FlatArray<Int>) {
        self.bytes = bytes
        self.length = length
        self.longPosting = longPosting
        self.longLength = longLength
        self.checkpoint = checkpoint
    }

    /// The runs over `bytes` given each posting's length byte and, for
    /// those that are `long`, the true lengths in posting order (a run's
    /// checkpoints computed here). The lengths must add up to `bytes.count`.
    public init(bytes: FlatArray<UInt8>, length: FlatArray<UInt8>, long: [(posting: Int, length: Int)]) {
        let n = length.count
        let checkpoint = FlatArrayBuilder<Int>(capacity: n / Self.checkpointEvery + 2)
        var total = 0, nextLong = 0
        for p in 0..<n {
            if p % Self.checkpointEvery == 0 { checkpoint.append(total) }
            let l = length[p]
            if l < Self.long {
                total += Int(l)
            } else {
                precondition(nextLong < long.count && long[nextLong].posting == p, "a long position run without its length")
                total += long[nextLong].length
                nextLong += 1
            }
        }
        precondition(total == bytes.count && nextLong == long.count, "position runs do not add up to their bytes")
        checkpoint.append(total)
        self.init(bytes: bytes, length: length, longPosting: FlatArray(long.map(\.posting)),
                  longLength: FlatArray(long.map(\.length)), checkpoint: checkpoint.build())
    }

    public var postingCount: Int { length.count }

    /// The length of posting `p`'s run.
    @inline(__always)
    func runLength(_ p: Int) -> Int {
        let l = length[p]
        if l < Self.long { return Int(l) }
        var lo = 0, hi = longPosting.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if longPosting[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < longPosting.count && longPosting[lo] == p ? longLength[lo] : 0
    }

    /// The bytes holding posting `p`'s positions.
    @inline(__always)
    public func run(_ p: Int) -> Range<Int> {
        let k = p / Self.checkpointEvery
        var start = checkpoint[k]
        var q = k * Self.checkpointEvery
        while q < p { start += runLength(q); q += 1 }
        return start..<(start + runLength(p))
    }

    /// Posting `p`'s positions, decoded.
    public func positions(_ p: Int) -> [Int32] {
        var out: [Int32] = []
        let r = run(p)
        var at = r.lowerBound, position: Int32 = 0
        while at < r.upperBound, let gap = VarInt.read(bytes.buffer, at: &at, end: r.upperBound) {
            position &+= Int32(truncatingIfNeeded: gap)
            out.append(position)
        }
        return out
    }

    /// Collects run lengths in posting order; `build` places the checkpoints
    /// (`init(bytes:length:long:)`).
    public final class Builder {
        let length = FlatArrayBuilder<UInt8>()
        private var long: [(posting: Int, length: Int)] = []

        public init() {}

        /// Records the next posting's run length.
        @inline(__always)
        public func append(length l: Int) {
            if l < Int(PositionRuns.long) {
                length.append(UInt8(l))
            } else {
                long.append((length.count, l))
                length.append(PositionRuns.long)
            }
        }

        /// The runs over `bytes`, whose size must be the sum of the lengths.
        public func build(bytes: FlatArray<UInt8>) -> PositionRuns {
            PositionRuns(bytes: bytes, length: length.build(), long: long)
        }
    }

    /// Whether the runs are consistent: every length accounted for, every
    /// checkpoint where the lengths put it, the whole adding up to `bytes`.
    func isConsistent() -> Bool {
        var total = 0, nextLong = 0
        let n = length.count
        guard longPosting.count == longLength.count,
              checkpoint.count == (n + Self.checkpointEvery - 1) / Self.checkpointEvery + 1 else { return false }
        for p in 0..<n {
            if p % Self.checkpointEvery == 0 && checkpoint[p / Self.checkpointEvery] != total { return false }
            let l = length[p]
            if l < Self.long {
                total += Int(l)
            } else {
                guard nextLong < longPosting.count, longPosting[nextLong] == p, longLength[nextLong] >= Int(Self.long) else { return false }
                total += longLength[nextLong]
                nextLong += 1
            }
        }
        return nextLong == longPosting.count && total == bytes.count && checkpoint[checkpoint.count - 1] == total
    }
}
