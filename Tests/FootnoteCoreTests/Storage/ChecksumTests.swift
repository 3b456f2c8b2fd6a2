import Testing
@testable import FootnoteStorage

/// `Checksum` is XXH64: checked against the reference implementation's
/// outputs (python-xxhash 3.x, `xxhash.xxh64(data, seed).hexdigest()`).
@Suite struct ChecksumTests {
    @Test func matchesReferenceXXH64() {
        #expect(Checksum.hash([UInt8]()) == 0xef46db3751d8e999)
        #expect(Checksum.hash("abc") == 0x44bc2cf5ad770999)
        #expect(Checksum.hash((0..<100).map { UInt8($0) }) == 0x6ac1e58032166597)  // stripes, 8-, 4- and 1-byte tails
        #expect(Checksum.hash("Nobody inspects the spammish repetition", seed: 7) == 0x26f1aeb39b9b1f5f)
    }

    @Test func everySingleBitFlipChangesTheHash() {
        let bytes = (0..<77).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let original = Checksum.hash(bytes)
        for i in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[i] ^= 1 << bit
                #expect(Checksum.hash(flipped) != original, "byte \(i) bit \(bit)")
            }
        }
    }
}
