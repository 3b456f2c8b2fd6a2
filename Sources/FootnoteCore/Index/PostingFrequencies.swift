/// The pseudo-frequency of every posting in one byte: a code into a table of
/// the (at most 255) most common values, or `exception` for any other value,
/// which is then found in a table of (posting, value) pairs. Exact: every
/// value reads back bit for bit. Pseudo-frequencies are few and skewed (the
/// kernel corpus: 110 distinct values over 6.9 million postings, 80% of them
/// 1.0), so this takes a quarter of the space of a `Float` per posting and
/// stays a flat array the query loops index directly.
public struct PostingFrequencies: RandomAccessCollection, Sendable, Equatable {
    /// The code of a posting whose value is in the exception table.
    public static let exception: UInt8 = 255

    /// Per posting: an index into `values`, or `exception`.
    public let codes: FlatArray<UInt8>
    /// The coded values, ascending (at most 255).
    public let values: FlatArray<Float>
    /// The postings coded `exception` (ascending), and their values.
    public let exceptionPosting: FlatArray<Int>
    public let exceptionValue: FlatArray<Float>

    public init(codes: FlatArray<UInt8>, values: FlatArray<Float>, exceptionPosting: FlatArray<Int>, exceptionValue: FlatArray<Float>) {
        self.codes = codes
        self.values = values
        self.exceptionPosting = exceptionPosting
        self.exceptionValue = exceptionValue
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }

    /// The frequency of posting `p`.
    @inline(__always)
    public subscript(p: Int) -> Float {
        let code = codes[p]
        return code != Self.exception ? values[Int(code)] : exceptional(p)
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

    /// Codes `frequencies`: the table holds the 255 most common values (ties
    /// to the smaller value), in ascending order. Counted and coded on every core.
    public init(_ frequencies: UnsafeBufferPointer<Float>) {
        let n = frequencies.count
        let parts = n < 1 << 16 ? 1 : 8
        let bounds = (0...parts).map { $0 * n / parts }
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
        }.prefix(Int(Self.exception)).map { Float(bitPattern: $0.key) }.sorted()
        var code: [UInt32: UInt8] = [:]
        var smallCode = [UInt8](repeating: Self.exception, count: smallLimit)
        for (c, v) in chosen.enumerated() {
            code[v.bitPattern] = UInt8(c)
            if let w = whole(v) { smallCode[w] = UInt8(c) }
        }
        let (codesArray, codes) = FlatArray<UInt8>.allocate(count: n, repeating: 0)
        let exceptions = concurrentMap(parts) { k -> [(posting: Int, value: Float)] in
            var found: [(posting: Int, value: Float)] = []
            for p in bounds[k]..<bounds[k + 1] {
                let v = frequencies[p]
                let c = whole(v).map { smallCode[$0] } ?? code[v.bitPattern] ?? Self.exception
                codes[p] = c
                if c == Self.exception { found.append((p, v)) }
            }
            return found
        }
        let all = exceptions.joined()
        self.init(codes: codesArray, values: FlatArray(chosen), exceptionPosting: FlatArray(all.map(\.posting)),
                  exceptionValue: FlatArray(all.map(\.value)))
    }

    /// Whether the tables are well formed: at most 255 values, ascending;
    /// every code in range; the exceptions exactly the postings coded so, in order.
    func isConsistent() -> Bool {
        guard values.count <= Int(Self.exception), exceptionPosting.count == exceptionValue.count else { return false }
        for i in values.indices.dropFirst() where !(values[i - 1] < values[i]) { return false }
        let limit = UInt8(values.count)
        var exceptions = 0
        for p in 0..<codes.count {
            let c = codes[p]
            if c == Self.exception {
                guard exceptions < exceptionPosting.count, exceptionPosting[exceptions] == p else { return false }
                exceptions += 1
            } else if c >= limit {
                return false
            }
        }
        return exceptions == exceptionPosting.count
    }
}
