import Testing
@testable import FootnoteStorage

@Suite struct VarIntTests {
    @Test func roundTripsAndRefusesRunaways() {
        let values: [UInt32] = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, .max]
        var bytes = [UInt8](repeating: 0, count: values.reduce(0) { $0 + VarInt.size($1) })
        var at = 0
        bytes.withUnsafeMutableBufferPointer { out in for v in values { VarInt.write(v, to: out, at: &at) } }
        #expect(at == bytes.count)
        #expect(values.map(VarInt.size) == [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5])
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            for v in values { #expect(VarInt.read(buf, at: &i, end: buf.count) == v) }
            var j = 0
            #expect(VarInt.read(buf, at: &j, end: 0) == nil)  // nothing to read
        }
        let runaway: [UInt8] = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]
        runaway.withUnsafeBufferPointer { buf in
            var i = 0
            #expect(VarInt.read(buf, at: &i, end: buf.count) == nil)  // 2^42: more than 32 bits
            var k = 0
            #expect(VarInt.read(buf, at: &k, end: 3) == nil)  // cut short
        }
    }
}
