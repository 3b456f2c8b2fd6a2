/// The well-formed UTF-8 scalar starting at `index` and its length in bytes.
func decodeScalar(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
    let lead = text[index]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
    default: return nil
    }
    guard index + length <= text.count else { return nil }
    for k in 1..<length {
        let byte = text[index + k]
        guard byte & 0xC0 == 0x80 else { return nil }
        value = value << 6 | UInt32(byte & 0x3F)
    }
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
}

/// True when `bytes` are well-formed UTF-8 (the rules `decodeScalar` applies:
/// no overlong forms, no surrogates, nothing past U+10FFFF), checked without
/// making a String: eight ASCII bytes at a time, then scalar by scalar.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    let n = bytes.count
    while i < n {
        if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
            continue
        }
        if bytes[i] < 0x80 { i += 1; continue }
        guard let (_, length) = decodeScalar(bytes, at: i) else { return false }
        i += length
    }
    return true
}
