#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names that are not valid UTF-8, kept in Strings and given back to
/// the system byte for byte: each byte of a name that is not part of valid
/// UTF-8 becomes the private-use scalar U+10FF00 + byte (U+10FF80–U+10FFFF),
/// and `withCString` turns such scalars back into their byte — like Python's
/// `surrogateescape`, which Swift Strings cannot hold. A name that really
/// contains those private-use characters is the one it cannot tell apart.
public enum RawPath {
    /// The first escaped byte's scalar, minus 0x80.
    static let escapeBase: UInt32 = 0x10FF00

    /// `bytes` as a String, invalid bytes escaped.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var out = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = array.makeIterator()
        var at = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.append(Unicode.UTF8.decode(encoded))
                at += encoded.count
            case .error(let length):
                for b in array[at..<(at + length)] { out.append(Unicode.Scalar(escapeBase + UInt32(b))!) }
                at += length
            case .emptyInput:
                return String(out)
            }
        }
    }

    /// Whether `scalar` stands for an undecodable byte of a file name.
    public static func isEscapedByte(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= escapeBase + 0x80 && scalar.value <= escapeBase + 0xFF
    }

    /// Calls `body` with `path` as the system's bytes (escaped bytes restored).
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        guard path.unicodeScalars.contains(where: isEscapedByte) else { return path.withCString(body) }
        var bytes: [UInt8] = []
        for scalar in path.unicodeScalars {
            if isEscapedByte(scalar) {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer {
            UnsafeRawPointer($0.baseAddress!).withMemoryRebound(to: CChar.self, capacity: bytes.count, body)
        }
    }
}
