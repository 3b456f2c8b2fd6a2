/// Unsigned LEB128 variable-length integers (DWARF 2, 1993; the encoding of
/// protobuf varints): seven bits per byte, low bits first, the high bit set
/// on every byte but the last. Small numbers — the gaps between a term's
/// positions in a passage — take one byte.
public enum VarInt {
    /// Bytes `value` takes.
    @inline(__always)
    public static func size(_ value: UInt32) -> Int {
        value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
    }

    /// Writes `value` at `out[at...]`, advancing `at`.
    @inline(__always)
    public static func write(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        var v = value
        while v >= 0x80 {
            out[at] = UInt8(truncatingIfNeeded: v) | 0x80
            at += 1
            v >>= 7
        }
        out[at] = UInt8(v)
        at += 1
    }

    /// Reads a 32-bit value at `bytes[at]`, advancing `at`; nil when it runs
    /// past `end` or does not fit (damaged data never reads out of bounds).
    @inline(__always)
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int, end: Int) -> UInt32? {
        guard let value = read64(bytes, at: &at, end: end), value <= UInt64(UInt32.max) else { return nil }
        return UInt32(value)
    }
}

extension VarInt {
    /// Appends `value` (up to 64 bits: ten bytes at most) to `out`.
    public static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Reads a value of up to 64 bits at `bytes[at]`, advancing `at`; nil when
    /// it runs past `end` or over ten bytes.
    @inline(__always)
    public static func read64(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int, end: Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < end && shift < 70 {
            let byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
