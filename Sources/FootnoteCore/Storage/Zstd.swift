import CZstd

/// Zstandard compression of independent blocks (Collet & Kucherawy, RFC 8878;
/// libzstd from Debian `libzstd-dev`), for the passage text an index file
/// stores: level 3 compresses English text about threefold at hundreds of
/// MB/s and decompresses at over 1 GB/s, so a block is decoded per answer.
public enum Zstd {
    public static let level: Int32 = 3

    /// The compressed form of `bytes`.
    public static func compress(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let bound = ZSTD_compressBound(bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = out.withUnsafeMutableBytes { dst in
            ZSTD_compress(dst.baseAddress, bound, bytes.baseAddress, bytes.count, level)
        }
        precondition(ZSTD_isError(written) == 0, "zstd could not compress: \(String(cString: ZSTD_getErrorName(written)))")
        out.removeSubrange(written...)
        return out
    }

    /// The size a frame says it decompresses to; nil when it does not say or is not a frame.
    public static func decompressedSize(_ compressed: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let source = compressed.baseAddress else { return nil }
        let size = ZSTD_getFrameContentSize(source, compressed.count)
        guard size != ZSTD_CONTENTSIZE_UNKNOWN, size != ZSTD_CONTENTSIZE_ERROR, size <= UInt64(Int.max) else { return nil }
        return Int(size)
    }

    /// Decompresses `compressed` into `output`, which must be exactly the
    /// original size; false when the data is not a whole frame of that size.
    public static func decompress(_ compressed: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        guard let source = compressed.baseAddress else { return output.isEmpty }
        let written = ZSTD_decompress(output.baseAddress, output.count, source, compressed.count)
        return ZSTD_isError(written) == 0 && written == output.count
    }
}
