/// A set of short byte strings numbered in order of insertion (0, 1, 2, …),
/// found by open addressing with linear probing (Knuth, TAOCP vol. 3, 6.4,
/// algorithm L). Keys live one after another in a single byte arena, so a
/// lookup hashes the bytes once and compares them with `memcmp` — no
/// `[UInt8]` key, no `Hasher`, no allocation per lookup.
///
/// The table doubles when it is half full, keeping probe sequences short.
public struct ByteKeyTable: Sendable {
    /// All keys' bytes, one after another.
    private var arena: [UInt8] = []
    /// Per key: where its bytes start in `arena` (`count + 1` entries).
    private var keyStart: [Int] = [0]
    /// Per key: its hash (to compare cheaply and to rehash without rehashing bytes).
    private var keyHash: [UInt64] = []
    /// Bucket → key number + 1; 0 is an empty bucket.
    private var buckets: [Int32]
    private var mask: Int

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// A table of `words`' UTF-8 bytes, numbered in their order.
    public init<Words: Collection<String>>(_ words: Words) {
        self.init(capacity: words.count)
        for w in words { _ = insert(Array(w.utf8)) }
    }

    /// Number of keys.
    public var count: Int { keyHash.count }

    /// The bytes of key `k`.
    public func key(_ k: Int) -> ArraySlice<UInt8> { arena[keyStart[k]..<keyStart[k + 1]] }

    /// The key numbers ordered by the keys' bytes (memcmp order, shorter first on a tie).
    ///
    /// Compared first by their first 8 bytes as one big-endian integer (zero
    /// padded: a key that ties there with a longer one is its prefix), so
    /// that most comparisons touch no key bytes.
    public func sortedOrder() -> [Int] {
        arena.withUnsafeBufferPointer { arena in
            var entries = (0..<count).map { k -> (prefix: UInt64, key: Int) in
                let start = keyStart[k], length = Swift.min(8, keyStart[k + 1] - start)
                var prefix: UInt64 = 0
                for i in 0..<length { prefix |= UInt64(arena[start + i]) << (56 - 8 * UInt64(i)) }
                return (prefix, k)
            }
            entries.sort { x, y in
                if x.prefix != y.prefix { return x.prefix < y.prefix }
                let a = x.key, b = y.key
                let sa = keyStart[a], la = keyStart[a + 1] - sa, sb = keyStart[b], lb = keyStart[b + 1] - sb
                let n = Swift.min(la, lb) - 8
                if n > 0 {
                    let c = memcmp(arena.baseAddress! + sa + 8, arena.baseAddress! + sb + 8, n)
                    if c != 0 { return c < 0 }
                }
                return la < lb
            }
            return entries.map(\.key)
        }
    }

    /// The number of `key`, nil when absent.
    @inline(__always)
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: Self.hash(key))
    }

    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var b = Int(truncatingIfNeeded: hash) & mask
        return buckets.withUnsafeBufferPointer { buckets in
            while true {
                let entry = buckets[b]
                if entry == 0 { return nil }
                let k = Int(entry - 1)
                if keyHash[k] == hash && equal(k, key) { return Int32(k) }
                b = (b + 1) & mask
            }
        }
    }

    /// The number of `key`, inserting it (as the next number) when absent.
    @inline(__always)
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int32, inserted: Bool) {
        let hash = Self.hash(key)
        if let k = find(key, hash: hash) { return (k, false) }
        let k = Int32(count)
        arena.append(contentsOf: key)
        keyStart.append(arena.count)
        keyHash.append(hash)
        if count * 2 > buckets.count { grow() } else { place(k, hash) }
        return (k, true)
    }

    public mutating func insert(_ key: [UInt8]) -> (number: Int32, inserted: Bool) {
        key.withUnsafeBufferPointer { insert($0) }
    }

    public func find(_ key: [UInt8]) -> Int32? { key.withUnsafeBufferPointer { find($0) } }

    private mutating func place(_ k: Int32, _ hash: UInt64) {
        var b = Int(truncatingIfNeeded: hash) & mask
        while buckets[b] != 0 { b = (b + 1) & mask }
        buckets[b] = k + 1
    }

    private mutating func grow() {
        buckets = [Int32](repeating: 0, count: buckets.count * 2)
        mask = buckets.count - 1
        for k in 0..<count { place(Int32(k), keyHash[k]) }
    }

    @inline(__always)
    private func equal(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStart[k], length = keyStart[k + 1] - start
        guard length == key.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, length) == 0 }
    }

    /// A multiply–xorshift hash of the bytes, eight at a time (in the manner of
    /// wyhash's and FxHash's word-at-a-time mixing), finished with a
    /// `Checksum` avalanche so that the low bits used for buckets depend on
    /// every byte.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return Checksum.avalanche(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < key.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < key.count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        return Checksum.avalanche(h)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
