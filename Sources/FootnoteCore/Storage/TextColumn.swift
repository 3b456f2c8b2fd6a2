/// A column of strings (one per passage): plain when just read from the
/// corpus, compressed in blocks when mapped from an index file.
public enum TextColumn: Sendable, Equatable {
    case plain(StringTable)
    case compressed(CompressedStrings)

    public var count: Int {
        switch self {
        case .plain(let table): return table.count
        case .compressed(let store): return store.count
        }
    }

    /// The strings' byte offsets as if concatenated (`count + 1` entries).
    public var offsets: FlatArray<Int> {
        switch self {
        case .plain(let table): return table.offsets
        case .compressed(let store): return store.offsets
        }
    }

    /// Bytes of all strings, uncompressed.
    public var byteCount: Int { offsets[offsets.count - 1] }

    /// Byte length of string `i` (no decoding).
    public func length(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

    /// Calls `body` with the UTF-8 bytes of string `i` (valid only inside
    /// `body`, which must not read another string of this column).
    @inline(__always)
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .plain(let table): return body(table.utf8(i))
        case .compressed(let store): return store.withText(i, body)
        }
    }

    public subscript(i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

    /// The column compressed (as an index file stores it).
    public func compressed() -> CompressedStrings {
        switch self {
        case .plain(let table): return CompressedStrings.compress(table)
        case .compressed(let store): return store
        }
    }

    /// Equal strings, however they are stored.
    public static func == (a: TextColumn, b: TextColumn) -> Bool {
        if case .plain(let x) = a, case .plain(let y) = b { return x == y }
        return a.count == b.count && a.offsets == b.offsets && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}
