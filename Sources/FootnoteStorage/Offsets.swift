/// Non-negative offsets (into bytes, postings, ...), stored 4 bytes each
/// when the largest fits in 32 bits and 8 otherwise: an index's tables of
/// term, word and posting-list starts take half the space on any corpus
/// below 4 GB of them, and stay flat arrays read in place from the file.
public struct Offsets: RandomAccessCollection, Sendable, Equatable {
    /// The offsets when 4 bytes each (empty otherwise).
    public let narrow: FlatArray<UInt32>
    /// The offsets when 8 bytes each (empty otherwise).
    public let wide: FlatArray<Int>
    public let isWide: Bool

    public init(narrow: FlatArray<UInt32>) {
        self.narrow = narrow
        wide = []
        isWide = false
    }

    public init(wide: FlatArray<Int>) {
        narrow = []
        self.wide = wide
        isWide = true
    }

    /// `values` (non-negative), narrowed when they fit.
    public init<C: Collection>(_ values: C) where C.Element == Int {
        if values.allSatisfy({ $0 >= 0 && $0 <= Int(UInt32.max) }) {
            self.init(narrow: FlatArray(values.map { UInt32($0) }))
        } else {
            self.init(wide: FlatArray(Array(values)))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { isWide ? wide.count : narrow.count }

    @inline(__always)
    public subscript(i: Int) -> Int { isWide ? wide[i] : Int(narrow[i]) }

    /// Bytes per offset: 4 or 8.
    public var elementSize: Int { isWide ? 8 : 4 }

    /// The offsets' bytes (for writing to a file).
    public var rawBytes: UnsafeRawBufferPointer { isWide ? wide.rawBytes : narrow.rawBytes }

    public static func == (a: Offsets, b: Offsets) -> Bool { a.elementsEqual(b) }
}

extension Offsets: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Int...) { self.init(elements) }
}
