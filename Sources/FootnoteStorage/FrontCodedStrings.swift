/// Strings in byte order, front coded (Witten, Moffat & Bell 1999,
/// "Managing Gigabytes" §4.1) in blocks of `blockSize`: a block's first
/// string whole (`VarInt` length, bytes), each next one as the length of
/// the prefix it shares with the one before, the length of the rest, and
/// the rest (`VarInt`, `VarInt`, bytes). `blockStart[b]` is where block b
/// starts. The term dictionary and the completion vocabulary, whose
/// neighbours share most of their bytes ("schedul", "schedule",
/// "scheduler"): about half the bytes and one offset per 16 strings instead
/// of one per string.
///
/// A lookup binary-searches the blocks' first strings in place, then decodes
/// at most one block. Readers never trust the bytes: a damaged block decodes
/// to wrong or empty strings, never reads out of bounds.
public struct FrontCodedStrings: RandomAccessCollection, Sendable, Equatable {
    public static let blockSize = 16

    public let bytes: FlatArray<UInt8>
    /// Where each block starts (`blocks + 1` entries, the last `bytes.count`).
    public let blockStart: Offsets
    public let count: Int

    public init(bytes: FlatArray<UInt8>, blockStart: Offsets, count: Int) {
        self.bytes = bytes
        self.blockStart = blockStart
        self.count = count
    }

    public init() { self.init(bytes: [], blockStart: [0], count: 0) }

    /// Codes `table`, whose strings must ascend in byte order: shared
    /// prefixes and sizes in one pass, the bytes written in place in a second.
    public init(_ table: StringTable) {
        let n = table.count
        var shared = [Int32](repeating: 0, count: n)
        var size = 0
        var starts: [Int] = []
        starts.reserveCapacity(n / Self.blockSize + 2)
        for i in 0..<n {
            let s = table.utf8(i)
            if i % Self.blockSize == 0 {
                starts.append(size)
                size += VarInt.size(UInt32(s.count)) + s.count
            } else {
                let previous = table.utf8(i - 1)
                var k = 0
                while k < s.count && k < previous.count && s[k] == previous[k] { k += 1 }
                shared[i] = Int32(k)
                size += VarInt.size(UInt32(k)) + VarInt.size(UInt32(s.count - k)) + s.count - k
            }
        }
        starts.append(size)
        let (array, out) = FlatArray<UInt8>.allocate(count: size, repeating: 0)
        var at = 0
        for i in 0..<n {
            let s = table.utf8(i), k = Int(shared[i])
            if i % Self.blockSize != 0 { VarInt.write(UInt32(k), to: out, at: &at) }
            VarInt.write(UInt32(s.count - k), to: out, at: &at)
            if s.count > k, let from = s.baseAddress { (out.baseAddress! + at).update(from: from + k, count: s.count - k) }
            at += s.count - k
        }
        self.init(bytes: array, blockStart: Offsets(starts), count: n)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public var blockCount: Int { Swift.max(blockStart.count - 1, 0) }

    public subscript(i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

    public static func == (a: FrontCodedStrings, b: FrontCodedStrings) -> Bool {
        a.count == b.count && a.bytes == b.bytes && a.blockStart.elementsEqual(b.blockStart)
    }

    /// The bytes of block `b`'s first string, in place (empty when damaged).
    @inline(__always)
    func firstOfBlock(_ b: Int) -> UnsafeBufferPointer<UInt8> {
        let buffer = bytes.buffer
        var at = Swift.min(Swift.max(blockStart[b], 0), buffer.count)
        guard let length = VarInt.read64(buffer, at: &at, end: buffer.count), length <= UInt64(buffer.count - at) else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(rebasing: buffer[at..<(at + Int(length))])
    }

    /// Decodes the strings of block `b` in order, calling `body(i, bytes)`
    /// for each (the bytes valid during the call) until it returns false.
    /// Into a buffer on the stack, moved to the heap for a string over 512 bytes.
    func decode(block b: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) {
        guard b >= 0, b < blockCount else { return }
        let buffer = bytes.buffer
        guard let source = buffer.baseAddress else { return }
        var at = Swift.min(Swift.max(blockStart[b], 0), buffer.count)
        let end = Swift.min(Swift.max(blockStart[b + 1], at), buffer.count)
        let first = b * Self.blockSize, last = Swift.min(first + Self.blockSize, count)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { stack in
            var string = stack.baseAddress!, capacity = stack.count, length = 0
            var heap: UnsafeMutablePointer<UInt8>? = nil
            defer { heap?.deallocate() }
            for i in first..<last {
                var shared = 0
                if i > first {
                    guard let s = VarInt.read64(buffer, at: &at, end: end) else { return }
                    shared = Int(Swift.min(s, UInt64(length)))
                }
                guard let r = VarInt.read64(buffer, at: &at, end: end), r <= UInt64(end - at) else { return }
                let rest = Int(r)
                if shared + rest > capacity {
                    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(shared + rest, 2 * capacity))
                    grown.update(from: string, count: shared)
                    heap?.deallocate()
                    heap = grown
                    string = grown
                    capacity = Swift.max(shared + rest, 2 * capacity)
                }
                (string + shared).update(from: source + at, count: rest)
                at += rest
                length = shared + rest
                guard body(i, UnsafeBufferPointer(start: string, count: length)) else { return }
            }
        }
    }

    /// Calls `body` with the bytes of string `i` (empty when damaged).
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var result: R? = nil
        decode(block: i / Self.blockSize) { k, s in
            guard k == i else { return true }
            result = body(s)
            return false
        }
        return result ?? body(UnsafeBufferPointer(start: nil, count: 0))
    }

    /// The last block whose first string is below `key` (−1: none).
    @inline(__always)
    private func lastBlock(below key: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0, hi = blockCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if StringTable.compare(firstOfBlock(mid), key) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// The first string not below `key` (`count` when none).
    /// - Complexity: O(log(count / 16)) comparisons in place, then one block decoded.
    public func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let b = lastBlock(below: key)
        guard b >= 0 else { return 0 }
        var found = Swift.min((b + 1) * Self.blockSize, count)
        decode(block: b) { i, s in
            guard StringTable.compare(s, key) < 0 else { found = i; return false }
            return true
        }
        return found
    }

    /// The position of `key`, nil when absent (one block decoded at most).
    public func sortedIndex(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { k in
            let b = lastBlock(below: k)
            if b + 1 < blockCount && StringTable.compare(firstOfBlock(b + 1), k) == 0 { return (b + 1) * Self.blockSize }
            guard b >= 0 else { return nil }
            var found: Int? = nil
            decode(block: b) { i, s in
                let c = StringTable.compare(s, k)
                if c == 0 { found = i }
                return c < 0
            }
            return found
        }
    }

    /// Calls `body(i, bytes)` for strings `from`, `from + 1`, … in order
    /// until it returns false or the strings end.
    public func forEach(from start: Int = 0, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) {
        guard start >= 0 else { return }
        var going = true
        var b = start / Self.blockSize
        while going && b < blockCount {
            decode(block: b) { i, s in
                guard i >= start else { return true }
                going = body(i, s)
                return going
            }
            b += 1
        }
    }

    /// All strings, in order, as one plain table.
    public func table() -> StringTable {
        var out = StringTable.Builder()
        forEach { _, s in
            out.append(s); return true
        }
        return out.build()
    }

    /// Whether the structure holds: one block start per 16 strings,
    /// ascending from 0 to `bytes.count`.
    public func isConsistent() -> Bool {
        let blocks = blocksNeeded(count, size: Self.blockSize)
        guard count >= 0, blockStart.count == blocks + 1, blockStart[0] == 0, blockStart[blocks] == bytes.count else { return false }
        return zip(blockStart, blockStart.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
