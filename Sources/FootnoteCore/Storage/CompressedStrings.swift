import Foundation

/// A column of strings as an index file stores it (passage texts, headings,
/// BEIR ids, line and byte bounds): runs of `passagesPerBlock` consecutive
/// strings, each run compressed on its own with `Zstd` as the strings'
/// lengths (`VarInt`s) followed by their bytes. Reading one string decodes
/// one block (a few kilobytes); a reader going through them in order decodes
/// each block once; nothing is stored per string outside the blocks.
///
/// Decoded blocks are kept in a direct-mapped cache (block b in slot
/// b mod slots) of about `cacheBudget` bytes, behind a lock: a
/// `CompressedStrings` may be shared between threads. A small column (the
/// ids) fits whole, so writing a run file decodes each block once however
/// the hits fall; a large one (the texts) keeps the blocks read last.
public final class CompressedStrings: @unchecked Sendable {
    public static let passagesPerBlock = 64

    /// Per block: where its compressed bytes start in `compressed` (`blocks + 1` entries).
    public let blockStart: FlatArray<Int>
    public let compressed: FlatArray<UInt8>
    /// How many strings; their bytes, uncompressed; how many are not empty.
    public let count: Int
    public let byteCount: Int
    public let nonEmptyCount: Int

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
            let k = i - b * CompressedStrings.passagesPerBlock
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
    public init(blockStart: FlatArray<Int>, compressed: FlatArray<UInt8>, count: Int, byteCount: Int, nonEmptyCount: Int,
                cacheBudget: Int = CompressedStrings.cacheBudget) {
        self.blockStart = blockStart
        self.compressed = compressed
        self.count = count
        self.byteCount = byteCount
        self.nonEmptyCount = nonEmptyCount
        let blocks = max(1, blockStart.count - 1)
        slots = Array(repeating: Decoded(), count: max(1, min(blocks, cacheBudget / max(1, byteCount / blocks))))
    }

    public var blockCount: Int { blockStart.count - 1 }

    /// How many decoded blocks the cache holds.
    public var cachedBlockLimit: Int { slots.count }

    /// Blocks needed for `count` strings.
    public static func blocks(for count: Int) -> Int { (count + passagesPerBlock - 1) / passagesPerBlock }

    /// Calls `body` with the bytes of string `i`; empty when its block does not
    /// decode (a damaged file that passed its checksum: never a crash).
    /// `body` must not read another string of this column.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let b = i / Self.passagesPerBlock
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
            let b = i / CompressedStrings.passagesPerBlock
            if current.block != b { current = column.decode(b, with: decompressor) ?? Decoded() }
            return current.withString(i, of: b, body)
        }
    }

    /// A reader of its own for one thread.
    public func reader() -> Reader { Reader(self) }

    /// Block `b` decoded: lengths first, then the bytes they measure; nil when it does not decode.
    func decode(_ b: Int, with decompressor: Zstd.Decompressor) -> Decoded? {
        guard b < blockCount, let size = Zstd.decompressedSize(UnsafeBufferPointer(rebasing: compressed.buffer[blockStart[b]..<blockStart[b + 1]])),
              size <= 1 << 34 else { return nil }
        var block = [UInt8](repeating: 0, count: size)
        let ok = block.withUnsafeMutableBufferPointer { out in
            decompressor.decompress(UnsafeBufferPointer(rebasing: compressed.buffer[blockStart[b]..<blockStart[b + 1]]), into: out)
        }
        guard ok else { return nil }
        let strings = min(Self.passagesPerBlock, count - b * Self.passagesPerBlock)
        var lengths: [Int] = []
        var at = 0
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

    /// Compresses `strings` block by block, on every core.
    public static func compress(_ strings: StringTable) -> CompressedStrings {
        let n = strings.count, blocks = Self.blocks(for: n)
        // A run of blocks per worker, each with a compression context of its own.
        let workers = max(1, min(blocks, ProcessInfo.processInfo.activeProcessorCount * 4))
        let runs = concurrentMap(workers) { w -> [[UInt8]] in
            let compressor = Zstd.Compressor()
            return (w * blocks / workers..<(w + 1) * blocks / workers).map { b in
                let first = b * passagesPerBlock, last = min(first + passagesPerBlock, n)
                var block: [UInt8] = []
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
        return CompressedStrings(blockStart: FlatArray(starts), compressed: compressed.build(), count: n,
                                 byteCount: strings.bytes.count, nonEmptyCount: nonEmpty)
    }
}
