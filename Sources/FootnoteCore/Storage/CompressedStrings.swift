import Foundation

/// A column of strings as an index file stores it (passage texts, headings,
/// BEIR ids): runs of `passagesPerBlock` consecutive strings, each run
/// compressed on its own with `Zstd`, so that reading one string decodes one
/// block (a few kilobytes), and a reader going through them in order decodes
/// each block once.
///
/// `offsets` are the strings' byte offsets as if concatenated uncompressed
/// (`count + 1` entries), so block `b` decodes to
/// `offsets[b·B]..<offsets[min((b+1)·B, count)]`. The last decoded block is
/// kept, behind a lock: a `CompressedStrings` may be shared between threads.
public final class CompressedStrings: @unchecked Sendable {
    public static let passagesPerBlock = 64

    public let offsets: FlatArray<Int>
    /// Per block: where its compressed bytes start in `compressed` (`blocks + 1` entries).
    public let blockStart: FlatArray<Int>
    public let compressed: FlatArray<UInt8>

    private let lock = NSLock()
    private var cachedBlock = -1
    private var cache: [UInt8] = []

    public init(offsets: FlatArray<Int>, blockStart: FlatArray<Int>, compressed: FlatArray<UInt8>) {
        self.offsets = offsets
        self.blockStart = blockStart
        self.compressed = compressed
    }

    public var count: Int { offsets.count - 1 }
    public var blockCount: Int { blockStart.count - 1 }
    /// Bytes of all texts, uncompressed.
    public var byteCount: Int { offsets[offsets.count - 1] }

    /// Blocks needed for `count` passages.
    public static func blocks(for count: Int) -> Int { (count + passagesPerBlock - 1) / passagesPerBlock }

    /// Calls `body` with the bytes of text `i`; empty when its block does not
    /// decode (a damaged file that passed its checksum: never a crash).
    /// `body` must not read another text of this store.
    public func withText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let b = i / Self.passagesPerBlock
        lock.lock()
        defer { lock.unlock() }
        if b != cachedBlock {
            let first = b * Self.passagesPerBlock, last = min(first + Self.passagesPerBlock, count)
            cache = [UInt8](repeating: 0, count: offsets[last] - offsets[first])
            let ok = cache.withUnsafeMutableBufferPointer { out in
                Zstd.decompress(UnsafeBufferPointer(rebasing: compressed.buffer[blockStart[b]..<blockStart[b + 1]]), into: out)
            }
            if !ok { cache = [] }
            cachedBlock = ok ? b : -1
        }
        guard cachedBlock == b else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let base = offsets[b * Self.passagesPerBlock]
        return cache.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(offsets[i] - base)..<(offsets[i + 1] - base)])) }
    }

    /// Compresses `texts` block by block, on every core.
    public static func compress(_ texts: StringTable) -> CompressedStrings {
        let n = texts.count, blocks = Self.blocks(for: n)
        final class Box: @unchecked Sendable { var parts: [[UInt8]]; init(_ n: Int) { parts = Array(repeating: [], count: n) } }
        let box = Box(blocks)
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            let first = b * passagesPerBlock, last = min(first + passagesPerBlock, n)
            box.parts[b] = Zstd.compress(UnsafeBufferPointer(rebasing: texts.bytes.buffer[texts.offsets[first]..<texts.offsets[last]]))
        }
        let compressed = FlatArrayBuilder<UInt8>(capacity: max(16, texts.bytes.count / 3))
        var starts = [0]
        for part in box.parts {
            part.withUnsafeBufferPointer { compressed.append(contentsOf: $0) }
            starts.append(compressed.count)
        }
        return CompressedStrings(offsets: texts.offsets, blockStart: FlatArray(starts), compressed: compressed.build())
    }
}
