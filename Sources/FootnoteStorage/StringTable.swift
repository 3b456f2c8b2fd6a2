#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A list of strings stored as one UTF-8 byte blob and an offsets array:
/// element `i` is `bytes[offsets[i]..<offsets[i + 1]]`. Strings are made only
/// when an element is read as one; searching and analysis use the bytes.
public struct StringTable: RandomAccessCollection, Sendable, Equatable {
    public let bytes: FlatArray<UInt8>
    /// `count + 1` ascending byte offsets, the first 0.
    public let offsets: Offsets

    public init(bytes: FlatArray<UInt8>, offsets: Offsets) {
        self.bytes = bytes
        self.offsets = offsets.isEmpty ? [0] : offsets
    }

    public init<S: Sequence>(_ strings: S) where S.Element == String {
        var builder = Builder()
        for s in strings { builder.append(s) }
        self = builder.build()
    }

    public init() { self.init(bytes: [], offsets: [0]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count - 1 }

    public subscript(i: Int) -> String { String(decoding: utf8(i), as: UTF8.self) }

    /// The bytes of element `i` (valid while this table is alive).
    @inline(__always)
    public func utf8(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = offsets[i], end = offsets[i + 1]
        return UnsafeBufferPointer(start: bytes.base.map { $0 + start }, count: end - start)
    }

    /// Byte-wise three-way comparison of element `i` with `key`.
    @inline(__always)
    public func compare(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        StringTable.compare(utf8(i), key)
    }

    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = Swift.min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// For a table sorted by bytes: the first element not below `key`.
    /// - Complexity: O(log n) comparisons.
    public func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(mid, key) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// For a table sorted by bytes: the position of `key`, nil when absent.
    public func sortedIndex(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { k in
            let i = lowerBound(k)
            return i < count && compare(i, k) == 0 ? i : nil
        }
    }

    /// Appends strings and builds the table (in place: `build` copies nothing).
    /// Holds references: do not copy a builder and use both.
    public struct Builder {
        private let bytes = FlatArrayBuilder<UInt8>()
        private let offsets: FlatArrayBuilder<Int> = {
            let o = FlatArrayBuilder<Int>()
            o.append(0)
            return o
        }()

        public init() {}

        public var count: Int { offsets.count - 1 }

        public mutating func append(_ s: String) {
            var s = s
            s.withUTF8 { append($0) }
        }

        public mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: utf8)
            offsets.append(bytes.count)
        }

        public mutating func append<C: Collection>(_ utf8: C) where C.Element == UInt8 {
            if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                for b in utf8 { bytes.append(b) }
            }
            offsets.append(bytes.count)
        }

        /// Appends elements `rows` of `table` with one copy of their bytes.
        public mutating func append(rows: Range<Int>, of table: StringTable) {
            guard !rows.isEmpty else { return }
            let from = table.offsets[rows.lowerBound], to = table.offsets[rows.upperBound]
            let shift = bytes.count - from
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table.bytes.buffer[from..<to]))
            for i in (rows.lowerBound + 1)...rows.upperBound { offsets.append(table.offsets[i] + shift) }
        }

        public func build() -> StringTable { StringTable(bytes: bytes.build(), offsets: Offsets(offsets.build())) }
    }
}
