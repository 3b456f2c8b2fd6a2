import Foundation

/// A column of strings as an index file stores it (headings, BEIR ids, line
/// and byte bounds, each document's word list): runs of `stringsPerBlock`
/// consecutive strings, each run compressed on its own with `Zstd` as the
/// strings' lengths (`VarInt`s) followed by their bytes (or as `Layout` says). Reading one string decodes
/// one block (a few kilobytes); a reader going through them in order decodes
/// each block once; nothing is stored per string outside the blocks.
///
/// Decoded blocks are kept in a direct-mapped cache (block b in slot
/// b mod slots) of about `cacheBudget` bytes, behind a lock: a
/// `CompressedStrings` may be shared between threads. A small column (the
/// ids) fits whole, so writing a run file decodes each block once however
/// the hits fall; a large one keeps the blocks read last.
public final class CompressedStrings: @unchecked Sendable {
    public static let stringsPerBlock = 64

    /// Per block: where its compressed bytes start in `compressed` (`blocks + 1` entries).
    public let blockStart: Offsets
    public let compressed: FlatArray<UInt8>
    /// How many strings; their bytes, uncompressed; how many are not empty.
    public let count: Int
    public let byteCount: Int
    public let nonEmptyCount: Int
    /// How each block lays its strings out before compression.
    public let layout: Layout

    /// How a block's strings are laid out before compression.
    public enum Layout: Sendable, Equatable {
        /// Their lengths (`VarInt`s), then their bytes.
        case strings
        /// Passage bounds records (`PassageList.bounds`: first line, lines
        /// after it, first byte, byte count, as `VarInt`s), stored field by
        /// field, each line and byte counted from where the previous
        /// passage ended (zigzag `VarInt`s): 8.4 → about 3 bytes a passage
        /// after compression on the kernel corpus. A block starts with a byte
        /// saying which layout it has (1: this one; 0: `strings`, for a block
        /// holding anything but such records).
        case passageBounds
        /// Front coding (Witten, Moffat & Bell 1999, "Managing Gigabytes"
        /// §4.1): each string as the length of the prefix it shares with the
        /// string before it in the block, then the rest; all prefix lengths,
        /// then all suffix lengths (`VarInt`s), then the suffixes. For ids
        /// such as "Documentation/ABI/README#1", mostly their predecessor's:
        /// 1.80 → 1.44 MB on the kernel corpus.
        case frontCoded
    }

    /// Decoded bytes the cache aims to hold at most.
    public static let cacheBudget = 8 << 20

    /// A decoded block: its number, its bytes, and where each of its strings
    /// starts in them (k + 1 entries).
    struct Decoded {
        var block = -1
        var bytes: [UInt8] = []
        var offsets: [Int] = []

        /// Calls `body` with the bytes of string `i`, which lies in block `b`:
        /// empty when this is not block `b` decoded.
        func withString<R>(_ i: Int, of b: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let k = i - b * CompressedStrings.stringsPerBlock
            guard block == b, k >= 0, k + 1 < offsets.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            let range = offsets[k]..<offsets[k + 1]
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    private let lock = NSLock()
    /// Used under `lock`.
    private let decompressor = Zstd.Decompressor()
    private var slots: [Decoded]

    /// `cacheBudget`: about how many decoded bytes to keep (at least one block).
    public init(
        blockStart: Offsets, compressed: FlatArray<UInt8>, count: Int, byteCount: Int, nonEmptyCount: Int,
        layout: Layout = .strings, cacheBudget: Int = CompressedStrings.cacheBudget
    ) {
        self.blockStart = blockStart
        self.compressed = compressed
        self.count = count
        self.byteCount = byteCount
        self.nonEmptyCount = nonEmptyCount
        self.layout = layout
        let blocks = max(1, blockStart.count - 1)
        slots = Array(repeating: Decoded(), count: max(1, min(blocks, cacheBudget / max(1, byteCount / blocks))))
    }

    public var blockCount: Int { blockStart.count - 1 }

    /// How many decoded blocks the cache holds.
    public var cachedBlockLimit: Int { slots.count }

    /// Blocks needed for `count` strings.
    public static func blocks(for count: Int) -> Int { blocksNeeded(count, size: stringsPerBlock) }

    /// Calls `body` with the bytes of string `i`; empty when its block does not
    /// decode (a damaged file that passed its checksum: never a crash).
    /// `body` must not read another string of this column.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let b = i / Self.stringsPerBlock
        lock.lock()
        defer { lock.unlock() }
        let slot = b % slots.count
        if slots[slot].block != b { slots[slot] = decode(b, with: decompressor) ?? Decoded() }
        return slots[slot].withString(i, of: b, body)
    }

    /// Reads strings of a column with a decoded block of its own, without
    /// the column's lock or cache: for one thread going through many strings
    /// in order (each block is decoded once).
    public struct Reader {
        let column: CompressedStrings
        private var current = Decoded()
        private let decompressor = Zstd.Decompressor()

        init(_ column: CompressedStrings) { self.column = column }

        /// Calls `body` with the bytes of string `i` (empty when its block does not decode).
        public mutating func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let b = i / CompressedStrings.stringsPerBlock
            if current.block != b { current = column.decode(b, with: decompressor) ?? Decoded() }
            return current.withString(i, of: b, body)
        }
    }

    /// A reader of its own for one thread.
    public func reader() -> Reader { Reader(self) }

    /// Block `b` decoded: lengths first, then the bytes they measure; nil when it does not decode.
    func decode(_ b: Int, with decompressor: Zstd.Decompressor) -> Decoded? {
        guard b < blockCount,
            let size = Zstd.decompressedSize(UnsafeBufferPointer(rebasing: compressed.buffer[blockStart[b]..<blockStart[b + 1]])),
            size <= 1 << 34
        else { return nil }
        var block = [UInt8](repeating: 0, count: size)
        let ok = block.withUnsafeMutableBufferPointer { out in
            decompressor.decompress(UnsafeBufferPointer(rebasing: compressed.buffer[blockStart[b]..<blockStart[b + 1]]), into: out)
        }
        guard ok else { return nil }
        let strings = min(Self.stringsPerBlock, count - b * Self.stringsPerBlock)
        var at = 0
        if layout == .frontCoded { return Self.decodeFrontCoded(block, strings: strings, as: b) }
        if layout == .passageBounds {
            guard !block.isEmpty else { return nil }
            if block[0] == 1 { return Self.decodeBounds(block, strings: strings, as: b) }
            guard block[0] == 0 else { return nil }
            at = 1
        }
        var lengths: [Int] = []
        let parsed = block.withUnsafeBufferPointer { buf -> Bool in
            for _ in 0..<strings {
                guard let l = VarInt.read64(buf, at: &at, end: buf.count), l <= UInt64(buf.count) else { return false }
                lengths.append(Int(l))
            }
            return true
        }
        guard parsed else { return nil }
        var offsets = [at]
        for l in lengths {
            guard offsets[offsets.count - 1] + l <= block.count else { return nil }
            offsets.append(offsets[offsets.count - 1] + l)
        }
        guard offsets[offsets.count - 1] == block.count else { return nil }
        return Decoded(block: b, bytes: block, offsets: offsets)
    }

    /// Zigzag coding (protobuf's): small magnitudes of either sign as small unsigned numbers.
    @inline(__always) static func zigzag(_ n: Int64) -> UInt64 { UInt64(bitPattern: (n << 1) ^ (n >> 63)) }
    @inline(__always) static func unzigzag(_ u: UInt64) -> Int64 { Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1) }

    /// A block of bounds records field by field (`Layout.passageBounds`),
    /// after its layout byte; nil when a string is not exactly four `VarInt`s.
    static func encodeBounds(_ strings: StringTable, _ rows: Range<Int>) -> [UInt8]? {
        var fields = [[UInt64]](repeating: [], count: 4)
        let bytes = strings.bytes.buffer
        for i in rows {
            var at = strings.offsets[i]
            let end = strings.offsets[i + 1]
            for f in 0..<4 {
                guard let v = VarInt.read64(bytes, at: &at, end: end), v <= UInt64(Int64.max / 4) else { return nil }
                fields[f].append(v)
            }
            guard at == end else { return nil }
        }
        var out: [UInt8] = [1]
        var previousEnd: Int64 = 0
        for k in fields[0].indices {  // first line, from the previous passage's last
            VarInt.append(zigzag(Int64(fields[0][k]) - previousEnd), to: &out)
            previousEnd = Int64(fields[0][k] + fields[1][k])
        }
        for v in fields[1] { VarInt.append(v, to: &out) }
        previousEnd = 0
        for k in fields[2].indices {  // first byte, from the previous passage's end
            VarInt.append(zigzag(Int64(fields[2][k]) - previousEnd), to: &out)
            previousEnd = Int64(fields[2][k] + fields[3][k])
        }
        for v in fields[3] { VarInt.append(v, to: &out) }
        return out
    }

    /// Block `b` of `strings` bounds records from its field-by-field form (after the layout byte).
    static func decodeBounds(_ block: [UInt8], strings: Int, as b: Int) -> Decoded? {
        var fields = [[UInt64]](repeating: [], count: 4)
        var at = 1
        let parsed = block.withUnsafeBufferPointer { buf -> Bool in
            for f in 0..<4 {
                for _ in 0..<strings {
                    guard let v = VarInt.read64(buf, at: &at, end: buf.count) else { return false }
                    fields[f].append(v)
                }
            }
            return at == buf.count
        }
        guard parsed else { return nil }
        var bytes: [UInt8] = [], offsets = [0]
        var lineEnd: Int64 = 0, byteEnd: Int64 = 0
        for k in 0..<strings {
            let line = lineEnd + unzigzag(fields[0][k]), first = byteEnd + unzigzag(fields[2][k])
            let more = fields[1][k], count = fields[3][k]
            guard line >= 0, first >= 0, more <= UInt64(Int64.max / 4), count <= UInt64(Int64.max / 4),
                line <= Int64.max / 4, first <= Int64.max / 4
            else { return nil }
            VarInt.append(UInt64(line), to: &bytes)
            VarInt.append(more, to: &bytes)
            VarInt.append(UInt64(first), to: &bytes)
            VarInt.append(count, to: &bytes)
            offsets.append(bytes.count)
            lineEnd = line + Int64(more)
            byteEnd = first + Int64(count)
        }
        return Decoded(block: b, bytes: bytes, offsets: offsets)
    }

    /// Strings `rows` front coded (`Layout.frontCoded`).
    static func encodeFrontCoded(_ strings: StringTable, _ rows: Range<Int>) -> [UInt8] {
        var shared: [Int] = [], out: [UInt8] = []
        var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        for i in rows {
            let s = strings.utf8(i)
            var k = 0
            while k < s.count && k < previous.count && s[k] == previous[k] { k += 1 }
            shared.append(k)
            previous = s
        }
        for k in shared { VarInt.append(UInt64(k), to: &out) }
        for (i, k) in zip(rows, shared) { VarInt.append(UInt64(strings.utf8(i).count - k), to: &out) }
        for (i, k) in zip(rows, shared) { out.append(contentsOf: UnsafeBufferPointer(rebasing: strings.utf8(i)[k...])) }
        return out
    }

    /// Block `b` of `strings` front-coded strings; nil when it does not parse.
    static func decodeFrontCoded(_ block: [UInt8], strings: Int, as b: Int) -> Decoded? {
        var shared: [Int] = [], rest: [Int] = []
        var at = 0
        let parsed = block.withUnsafeBufferPointer { buf -> Bool in
            for _ in 0..<(2 * strings) {
                guard let v = VarInt.read64(buf, at: &at, end: buf.count), v <= UInt64(buf.count) + (1 << 32) else { return false }
                if shared.count < strings { shared.append(Int(v)) } else { rest.append(Int(v)) }
            }
            return true
        }
        guard parsed else { return nil }
        var bytes: [UInt8] = [], offsets = [0]
        var previous = 0..<0
        for k in 0..<strings {
            guard shared[k] <= previous.count, rest[k] <= block.count - at else { return nil }
            let start = bytes.count
            bytes.append(contentsOf: bytes[previous.lowerBound..<(previous.lowerBound + shared[k])])
            bytes.append(contentsOf: block[at..<(at + rest[k])])
            at += rest[k]
            previous = start..<bytes.count
            offsets.append(bytes.count)
        }
        guard at == block.count else { return nil }
        return Decoded(block: b, bytes: bytes, offsets: offsets)
    }

    /// Compresses `strings` block by block, on every core, laid out as `layout` says.
    public static func compress(_ strings: StringTable, layout: Layout = .strings) -> CompressedStrings {
        let n = strings.count, blocks = Self.blocks(for: n)
        // A run of blocks per worker, each with a compression context of its own.
        let workers = max(1, min(blocks, ProcessInfo.processInfo.activeProcessorCount * 4))
        let runs = concurrentMap(workers) { w -> [[UInt8]] in
            let compressor = Zstd.Compressor()
            return (w * blocks / workers..<(w + 1) * blocks / workers).map { b in
                let first = b * stringsPerBlock, last = min(first + stringsPerBlock, n)
                if layout == .passageBounds, let block = encodeBounds(strings, first..<last) {
                    return block.withUnsafeBufferPointer { compressor.compress($0) }
                }
                if layout == .frontCoded {
                    return encodeFrontCoded(strings, first..<last).withUnsafeBufferPointer { compressor.compress($0) }
                }
                var block: [UInt8] = layout == .passageBounds ? [0] : []
                for i in first..<last { VarInt.append(UInt64(strings.offsets[i + 1] - strings.offsets[i]), to: &block) }
                block.append(contentsOf: strings.bytes.buffer[strings.offsets[first]..<strings.offsets[last]])
                return block.withUnsafeBufferPointer { compressor.compress($0) }
            }
        }
        let parts = runs.joined()
        let compressed = FlatArrayBuilder<UInt8>(capacity: max(16, strings.bytes.count / 3))
        var starts = [0]
        for part in parts {
            part.withUnsafeBufferPointer { compressed.append(contentsOf: $0) }
            starts.append(compressed.count)
        }
        var nonEmpty = 0
        for i in 0..<n where strings.offsets[i + 1] > strings.offsets[i] { nonEmpty += 1 }
        return CompressedStrings(
            blockStart: Offsets(starts), compressed: compressed.build(), count: n,
            byteCount: strings.bytes.count, nonEmptyCount: nonEmpty, layout: layout)
    }
}
