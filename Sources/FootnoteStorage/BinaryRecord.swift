/// Little-endian encoding of the small variable-length records of an index
/// file (its settings, file list and notices): fixed-width integers, floats,
/// and strings as a 32-bit length then UTF-8 bytes.
public struct BinaryRecordWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Float) { write(value.bitPattern) }
    public mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    public mutating func write(_ string: String) {
        let utf8 = Array(string.utf8)
        write(UInt32(utf8.count))
        bytes += utf8
    }
}

/// Reads what `BinaryRecordWriter` wrote; every read is bounds-checked and
/// throws `Truncated` past the end, so a damaged record cannot crash a reader.
public struct BinaryRecordReader {
    public struct Truncated: Error {}

    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(Truncated) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw Truncated() }
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    public mutating func readFloat() throws(Truncated) -> Float { Float(bitPattern: try read(UInt32.self)) }
    public mutating func readBool() throws(Truncated) -> Bool { try read(UInt8.self) != 0 }

    public mutating func readString() throws(Truncated) -> String {
        let count = Int(try read(UInt32.self))
        guard count <= bytes.count - offset else { throw Truncated() }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        offset += count
        return s
    }
}
