/// A column of strings (one per passage, or per document): plain when just
/// built, compressed in blocks when mapped from an index file.
public enum StringColumn: Sendable, Equatable {
    case plain(StringTable)
    case compressed(CompressedStrings)

    public var count: Int {
        switch self {
        case .plain(let table): return table.count
        case .compressed(let store): return store.count
        }
    }

    /// Bytes of all strings, uncompressed.
    public var byteCount: Int {
        switch self {
        case .plain(let table): return table.bytes.count
        case .compressed(let store): return store.byteCount
        }
    }

    /// How many strings are not empty.
    public var nonEmptyCount: Int {
        switch self {
        case .plain(let table): return (0..<table.count).filter { table.offsets[$0 + 1] > table.offsets[$0] }.count
        case .compressed(let store): return store.nonEmptyCount
        }
    }

    /// Calls `body` with the UTF-8 bytes of string `i` (valid only inside
    /// `body`, which must not read another string of this column).
    @inline(__always)
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .plain(let table): return body(table.utf8(i))
        case .compressed(let store): return store.withBytes(i, body)
        }
    }

    public subscript(i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

    /// Reads strings for one thread going through many of them in order: a
    /// compressed column's blocks are decoded once each, with no lock.
    public enum Reader {
        case plain(StringTable)
        case compressed(CompressedStrings.Reader)

        /// Calls `body` with the UTF-8 bytes of string `i` (valid only inside `body`).
        @inline(__always)
        public mutating func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            switch self {
            case .plain(let table): return body(table.utf8(i))
            case .compressed(var reader):
                let result = reader.withBytes(i, body)
                self = .compressed(reader)
                return result
            }
        }
    }

    public func reader() -> Reader {
        switch self {
        case .plain(let table): return .plain(table)
        case .compressed(let store): return .compressed(store.reader())
        }
    }

    /// The column compressed with blocks laid out as `layout` says (as an
    /// index file stores it): as it is when it already is.
    public func compressed(layout: CompressedStrings.Layout = .strings) -> CompressedStrings {
        switch self {
        case .plain(let table): return CompressedStrings.compress(table, layout: layout)
        case .compressed(let store) where store.layout == layout: return store
        case .compressed: return CompressedStrings.compress(StringTable((0..<count).map { self[$0] }), layout: layout)
        }
    }

    /// Equal strings, however they are stored.
    public static func == (a: StringColumn, b: StringColumn) -> Bool {
        if case .plain(let x) = a, case .plain(let y) = b { return x == y }
        return a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}
