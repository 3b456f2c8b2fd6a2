import FootnoteStorage

/// The pseudo-frequency of every posting, coded and bit-packed. Exact:
/// every value reads back bit for bit.
///
/// Values are few and skewed (the kernel corpus: 110 distinct values over
/// 6.9 million postings, 80% of them 1.0), so each posting has a code: an
/// index into `values`, the (at most 255) most common values, most common
/// first — or `exception` for any other value, which is then found in a
/// table of (posting, value) pairs. Codes are stored in blocks of 128
/// consecutive postings (posting p in block p / 128), each
///
///     width        UInt8: w, the bits of each packed code (0…8)
///     presence     128 bits (two little-endian UInt64): bit i set when
///                  posting i of the block has a code other than 0
///     packed       the present postings' codes − 1, in order, w bits each,
///                  low bits first, ⌈present · w / 8⌉ bytes
///
/// `blockStart[k]` is where block k starts; `bytes` ends with 8 zero bytes
/// so that every code is read with one 8-byte load. About 0.23 bytes per
/// posting on the kernel corpus, against 1 for a code byte (Lucene packs its
/// frequencies in blocks of 128 likewise; the presence bitmap is the patch
/// for the dominant value, as in PForDelta's exceptions: Zukowski et al.
/// 2006, "Super-scalar RAM-CPU cache compression").
public struct PostingFrequencies: RandomAccessCollection, Sendable, Equatable {
    /// Postings per block.
    public static let blockSize = PostingBlock.size
    /// The code of a posting whose value is in the exception table.
    public static let exception: UInt8 = 255
    /// Bytes of a block before its packed codes.
    static let headerSize = 17
    /// Zero bytes after the last block.
    static let padding = 8

    /// The blocks, then `padding` zero bytes.
    public let bytes: FlatArray<UInt8>
    /// Where each block starts.
    public let blockStart: Offsets
    /// The coded values, most common first (at most 255).
    public let values: FlatArray<Float>
    /// The postings coded `exception` (ascending), and their values.
    public let exceptionPosting: FlatArray<Int>
    public let exceptionValue: FlatArray<Float>
    /// Postings.
    public let count: Int
    /// `values` by code, 0 for codes past it (a damaged code) and for
    /// `exception`; 257 entries, as a damaged width-8 code reads as 256.
    private let lookup: [Float]

    public init(
        bytes: FlatArray<UInt8>, blockStart: Offsets, values: FlatArray<Float>,
        exceptionPosting: FlatArray<Int>, exceptionValue: FlatArray<Float>, count: Int
    ) {
        self.bytes = bytes
        self.blockStart = blockStart
        self.values = values
        self.exceptionPosting = exceptionPosting
        self.exceptionValue = exceptionValue
        self.count = count
        var lookup = [Float](repeating: 0, count: 257)
        for (c, v) in values.enumerated() where c < Int(Self.exception) { lookup[c] = v }
        self.lookup = lookup
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public static func == (a: Self, b: Self) -> Bool {
        a.bytes == b.bytes && a.blockStart == b.blockStart && a.values == b.values && a.count == b.count
            && a.exceptionPosting == b.exceptionPosting && a.exceptionValue == b.exceptionValue
    }

    @inline(__always)
    private static func load64(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// The code of posting `p` (0 ≤ p < count): 0 when its presence bit is
    /// clear, else 1 + its packed value (`exception` included; up to 256 when damaged).
    @inline(__always)
    func code(_ p: Int) -> Int {
        let block = bytes.buffer.baseAddress! + Int(blockStart[p >> 7])
        let i = p & 127
        let present = Self.load64(block, 1 + (i >> 6) << 3)
        guard present >> UInt64(i & 63) & 1 != 0 else { return 0 }
        let rank =
            (i >= 64 ? Self.load64(block, 1).nonzeroBitCount : 0)
            + (present & ((1 << UInt64(i & 63)) - 1)).nonzeroBitCount
        let width = Int(block[0])
        let bit = rank * width
        let word: UInt64 = Self.load64(block + Self.headerSize, bit >> 3) >> UInt64(bit & 7)
        let mask: UInt64 = (1 << UInt64(width)) - 1
        return 1 + Int(word & mask)
    }

    /// The frequency of posting `p` (0 ≤ p < count).
    @inline(__always)
    public subscript(p: Int) -> Float {
        let code = code(p)
        return code != Int(Self.exception) ? lookup[code] : exceptional(p)
    }

    /// The frequencies of postings `range`, into `out[0..<range.count]`.
    /// Each block's present codes are read in order, the rest filled with
    /// the most common value.
    @inline(__always)
    func decode(_ range: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        let base = bytes.buffer.baseAddress!
        let common = lookup[0]
        var p = range.lowerBound
        while p < range.upperBound {
            let k = p >> 7, first = k << 7
            let end = Swift.min(first + Self.blockSize, range.upperBound)
            Self.fill(out + (p - range.lowerBound), count: end - p, with: common)
            let block = base + Int(blockStart[k])
            let width = UInt64(block[0]), mask: UInt64 = (1 << width) - 1
            let packed = block + Self.headerSize
            for half in 0..<2 {
                let low = first + half * 64
                guard low < end && low + 64 > p else { continue }
                var present = Self.load64(block, 1 + half * 8)
                // Codes before p count towards the rank, none after `end` are read.
                var rank = half == 1 ? Self.load64(block, 1).nonzeroBitCount : 0
                if p > low {
                    let below = present & ((1 << UInt64(p - low)) - 1)
                    rank += below.nonzeroBitCount
                    present &= ~below
                }
                if end - low < 64 { present &= (1 << UInt64(end - low)) - 1 }
                let at = out + (low - range.lowerBound)
                while present != 0 {
                    let i = present.trailingZeroBitCount
                    present &= present &- 1
                    let bit = rank &* Int(width)
                    rank &+= 1
                    let code = 1 &+ Int(truncatingIfNeeded: Self.load64(packed, bit &>> 3) &>> UInt64(bit & 7) & mask)
                    at[i] = code != Int(Self.exception) ? lookup[code] : exceptional(low &+ i)
                }
            }
            p = end
        }
    }

    /// Sets `out[0..<count]` to `value`, 8 at a time.
    @inline(__always)
    private static func fill(_ out: UnsafeMutablePointer<Float>, count: Int, with value: Float) {
        let eight = SIMD8<Float>(repeating: value)
        var i = 0
        while i &+ 8 <= count {
            UnsafeMutableRawPointer(out + i).storeBytes(of: eight, as: SIMD8<Float>.self)
            i &+= 8
        }
        while i < count { out[i] = value; i &+= 1 }
    }

    /// The value of a posting coded `exception`, by binary search (0 when missing: a damaged table).
    private func exceptional(_ p: Int) -> Float {
        var lo = 0, hi = exceptionPosting.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if exceptionPosting[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < exceptionPosting.count && exceptionPosting[lo] == p ? exceptionValue[lo] : 0
    }

    /// Codes `frequencies`: the table holds the 255 most common values, most
    /// common first (ties to the smaller value). Counted and coded on every core.
    init(_ frequencies: UnsafeBufferPointer<Float>) {
        let n = frequencies.count
        let blocks = (n + Self.blockSize - 1) / Self.blockSize
        let parts = n < 1 << 16 ? 1 : 8
        let bounds = (0...parts).map { Swift.min($0 * ((blocks + parts - 1) / parts) * Self.blockSize, n) }
        // Counts by bit pattern (values are exact; small whole numbers, the most common, in an array).
        let smallLimit = 1024
        /// `v` when it is a whole number below `smallLimit` (not −0, not NaN), else nil.
        @inline(__always) func whole(_ v: Float) -> Int? {
            v >= 0 && v < Float(smallLimit) && v.bitPattern == Float(Int(v)).bitPattern ? Int(v) : nil
        }
        let counted = concurrentMap(parts) { k -> (small: [Int], other: [UInt32: Int]) in
            var small = [Int](repeating: 0, count: smallLimit), other: [UInt32: Int] = [:]
            for p in bounds[k]..<bounds[k + 1] {
                let v = frequencies[p]
                if let w = whole(v) { small[w] += 1 } else { other[v.bitPattern, default: 0] += 1 }
            }
            return (small, other)
        }
        var count: [UInt32: Int] = [:]
        for (small, other) in counted {
            for (v, c) in small.enumerated() where c > 0 { count[Float(v).bitPattern, default: 0] += c }
            for (v, c) in other { count[v, default: 0] += c }
        }
        let chosen = count.sorted { a, b in
            a.value != b.value ? a.value > b.value : Float(bitPattern: a.key) < Float(bitPattern: b.key)
        }.prefix(Int(Self.exception)).map { Float(bitPattern: $0.key) }
        var code: [UInt32: UInt8] = [:]
        var smallCode = [UInt8](repeating: Self.exception, count: smallLimit)
        for (c, v) in chosen.enumerated() {
            code[v.bitPattern] = UInt8(c)
            if let w = whole(v) { smallCode[w] = UInt8(c) }
        }
        // Each part's blocks, with their starts relative to the part, and its exceptions.
        let encoded = concurrentMap(parts) { k -> (bytes: [UInt8], starts: [Int], exceptions: [(posting: Int, value: Float)]) in
            var out: [UInt8] = [], starts: [Int] = [], found: [(posting: Int, value: Float)] = []
            var codes = [UInt8](repeating: 0, count: Self.blockSize)
            var p = bounds[k]
            while p < bounds[k + 1] {
                let end = Swift.min(p + Self.blockSize, n)
                var present: (UInt64, UInt64) = (0, 0), largest = 0
                for q in p..<end {
                    let v = frequencies[q]
                    let c = whole(v).map { smallCode[$0] } ?? code[v.bitPattern] ?? Self.exception
                    codes[q - p] = c
                    if c == Self.exception { found.append((q, v)) }
                    if c != 0 {
                        let i = q - p
                        if i < 64 { present.0 |= 1 << UInt64(i) } else { present.1 |= 1 << UInt64(i - 64) }
                        largest = Swift.max(largest, Int(c) - 1)
                    }
                }
                let width = largest == 0 ? 0 : Int.bitWidth - largest.leadingZeroBitCount
                starts.append(out.count)
                out.append(UInt8(width))
                for half in [present.0, present.1] { withUnsafeBytes(of: half.littleEndian) { out.append(contentsOf: $0) } }
                var bits: UInt64 = 0, held = 0
                for q in p..<end where codes[q - p] != 0 {
                    bits |= UInt64(codes[q - p] - 1) << UInt64(held)
                    held += width
                    while held >= 8 { out.append(UInt8(truncatingIfNeeded: bits)); bits >>= 8; held -= 8 }
                }
                if held > 0 { out.append(UInt8(truncatingIfNeeded: bits)) }
                p = end
            }
            return (out, starts, found)
        }
        let total = encoded.reduce(Self.padding) { $0 + $1.bytes.count }
        let (bytesArray, bytes) = FlatArray<UInt8>.allocate(count: total, repeating: 0)
        var starts: [Int] = []
        starts.reserveCapacity(blocks + 1)
        var at = 0
        for part in encoded {
            for s in part.starts { starts.append(at + s) }
            _ = UnsafeMutableBufferPointer(rebasing: bytes[at..<(at + part.bytes.count)]).initialize(from: part.bytes)
            at += part.bytes.count
        }
        starts.append(at)
        let all = encoded.flatMap { part in part.exceptions }
        self.init(
            bytes: bytesArray, blockStart: Offsets(starts), values: FlatArray(chosen),
            exceptionPosting: FlatArray(all.map { e in e.posting }), exceptionValue: FlatArray(all.map { e in e.value }), count: n)
    }

    /// Whether the blocks are well formed — one per 128 postings, each as
    /// long as its width and presence bits say, widths at most 8, none
    /// present past the last posting, the padding in place — and the tables
    /// too: at most 255 values, distinct; exceptions ascending and in range.
    /// What `subscript` and `decode` rely on to stay in bounds; linear in
    /// the blocks, not the postings.
    func isStructurallyConsistent() -> Bool {
        let blocks = blocksNeeded(count, size: Self.blockSize)
        guard count >= 0, blockStart.count == blocks + 1, Int(blockStart[blocks]) + Self.padding == bytes.count,
            values.count <= Int(Self.exception), Set(values.map(\.bitPattern)).count == values.count,
            exceptionPosting.count == exceptionValue.count,
            // Pseudo-frequencies are counts, some weighted: finite and positive.
            values.allSatisfy({ $0.isFinite && $0 > 0 }), exceptionValue.buffer.allSatisfy({ $0.isFinite && $0 > 0 })
        else { return false }
        for i in exceptionPosting.indices
        where exceptionPosting[i] < 0 || exceptionPosting[i] >= count
            || (i > 0 && exceptionPosting[i - 1] >= exceptionPosting[i])
        { return false }
        guard let base = bytes.buffer.baseAddress else { return blocks == 0 }
        for k in 0..<blocks {
            let start = Int(blockStart[k]), end = Int(blockStart[k + 1])
            guard start + Self.headerSize <= end, base[start] <= 8 else { return false }
            let postings = Swift.min(Self.blockSize, count - k * Self.blockSize)
            let present = (Self.load64(base, start + 1), Self.load64(base, start + 9))
            let valid: (UInt64, UInt64) = (
                postings >= 64 ? ~0 : (1 << UInt64(postings)) - 1,
                postings >= 128 ? ~0 : postings <= 64 ? 0 : (1 << UInt64(postings - 64)) - 1
            )
            guard present.0 & ~valid.0 == 0 && present.1 & ~valid.1 == 0 else { return false }
            let set = present.0.nonzeroBitCount + present.1.nonzeroBitCount
            guard end - start == Self.headerSize + (set * Int(base[start]) + 7) / 8 else { return false }
        }
        return true
    }

    /// Whether, besides the structure, every code names a value and the
    /// exceptions are exactly the postings coded so (linear in the postings).
    func isConsistent() -> Bool {
        guard isStructurallyConsistent() else { return false }
        var exceptions = 0
        let limit = values.count
        for p in 0..<count {
            let code = code(p)
            if code == Int(Self.exception) {
                guard exceptions < exceptionPosting.count, exceptionPosting[exceptions] == p else { return false }
                exceptions += 1
            } else if code >= limit {  // code 0 too, when there are no values
                return false
            }
        }
        return exceptions == exceptionPosting.count
    }
}
