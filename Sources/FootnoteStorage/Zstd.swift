import CZstd

/// Zstandard compression of independent blocks (Collet & Kucherawy, RFC 8878;
/// libzstd from Debian `libzstd-dev`), for the string columns an index file
/// stores (`CompressedStrings`): level 3 compresses at hundreds of MB/s and
/// decompresses at over 1 GB/s, so a block is decoded per citation.
public enum Zstd {
    public static let level: Int32 = 3

    /// A compression context, reused call after call (making one per block
    /// costs more than compressing a small block). One thread at a time.
    public final class Compressor {
        private let context: OpaquePointer

        public init() {
            guard let context = ZSTD_createCCtx() else { fatalError("zstd: out of memory for a compression context") }
            self.context = context
        }

        deinit { ZSTD_freeCCtx(context) }

        /// The compressed form of `bytes`.
        public func compress(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] { compress(UnsafeRawBufferPointer(bytes)) }

        /// The compressed form of raw `bytes`.
        public func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
            let bound = ZSTD_compressBound(bytes.count)
            var out = [UInt8](repeating: 0, count: bound)
            let written = out.withUnsafeMutableBytes { dst in
                ZSTD_compressCCtx(context, dst.baseAddress, bound, bytes.baseAddress, bytes.count, Zstd.level)
            }
            precondition(ZSTD_isError(written) == 0, "zstd could not compress: \(String(cString: ZSTD_getErrorName(written)))")
            out.removeSubrange(written...)
            return out
        }
    }

    /// A decompression context, reused call after call. One thread at a time.
    public final class Decompressor {
        private let context: OpaquePointer

        public init() {
            guard let context = ZSTD_createDCtx() else { fatalError("zstd: out of memory for a decompression context") }
            self.context = context
        }

        deinit { ZSTD_freeDCtx(context) }

        /// Decompresses `compressed` into `output`, which must be exactly the
        /// original size; false when the data is not a whole frame of that size.
        public func decompress(_ compressed: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Bool {
            decompress(compressed, into: UnsafeMutableRawBufferPointer(output))
        }

        /// Decompresses `compressed` into raw memory of exactly the original size.
        public func decompress(_ compressed: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableRawBufferPointer) -> Bool {
            guard let source = compressed.baseAddress else { return output.isEmpty }
            let written = ZSTD_decompressDCtx(context, output.baseAddress, output.count, source, compressed.count)
            return ZSTD_isError(written) == 0 && written == output.count
        }
    }

    /// The size a frame says it decompresses to; nil when it does not say or is not a frame.
    public static func decompressedSize(_ compressed: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let source = compressed.baseAddress else { return nil }
        let size = ZSTD_getFrameContentSize(source, compressed.count)
        guard size != ZSTD_CONTENTSIZE_UNKNOWN, size != ZSTD_CONTENTSIZE_ERROR, size <= UInt64(Int.max) else { return nil }
        return Int(size)
    }
}
