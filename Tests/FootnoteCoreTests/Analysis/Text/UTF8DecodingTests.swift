import Testing
@testable import FootnoteAnalysis

@Suite struct UTF8ValidationTests {
    /// Agrees with the standard library's validation on edge cases and on every 1- and 2-byte sequence.
    @Test func agreesWithTheStandardLibrary() {
        var cases: [[UInt8]] = [
            [], Array("plain ASCII text, longer than eight bytes".utf8), Array("naïve café 💡 日本".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x92],
            Array("12345678".utf8) + [0xFF] + Array("abcdefgh".utf8), Array("1234567".utf8) + [0xC3, 0xA9],
        ]
        for a in 0...255 { cases.append([UInt8(a)]); for b in stride(from: 0, through: 255, by: 5) { cases.append([UInt8(a), UInt8(b)]) } }
        for bytes in cases {
            #expect(bytes.withUnsafeBufferPointer(isValidUTF8) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
