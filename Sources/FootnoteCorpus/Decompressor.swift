import CArchive

/// Reads compressed files (gzip, bzip2, xz, zstd, and Unix `compress`)
/// through libarchive: the one file inside, whatever format its name says
/// (`changelog.Debian.gz` is text, `git-commit.1.gz` a man page).
///
/// The size limit is the uncompressed size, checked while decompressing: a
/// small file that expands without end (a "zip bomb") stops at the limit
/// and never holds more than it in memory.
public enum Decompressor {
    /// File-name suffixes of the compressions read (lowercased, no dot).
    static let suffixes: Set<String> = ["gz", "bz2", "xz", "zst", "z"]

    /// The compression suffix of a lowercased file name (`gz` for
    /// `changelog.gz`), nil when it has none or is nothing but the suffix.
    static func suffix(of name: String) -> String? {
        guard let ext = DocumentFormat.fileExtension(name), suffixes.contains(ext), name.count > ext.count + 1 else { return nil }
        return ext
    }

    /// The lowercased name of the file `path` names, without its compression
    /// suffix (`changelog.debian` for `doc/changelog.Debian.gz`): the name of the file inside.
    public static func innerName(of path: String) -> String {
        var name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        if let suffix = suffix(of: name) { name.removeLast(suffix.count + 1) }
        return name
    }

    /// The compression a file's first bytes announce (gzip, bzip2, xz, zstd,
    /// compress), nil for none.
    static func compression(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(6))
        if head.starts(with: [0x1F, 0x8B]) { return "gzip" }
        if head.starts(with: [0x42, 0x5A, 0x68]) && head.count > 3 && (0x31...0x39).contains(head[3]) { return "bzip2" }
        if head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz" }
        if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return "zstd" }
        if head.starts(with: [0x1F, 0x9D]) { return "compress" }
        return nil
    }

    enum Outcome: Equatable {
        case bytes([UInt8])
        /// More than the limit once decompressed.
        case tooLarge
        /// The stream is damaged or truncated: libarchive's message.
        case damaged(String)
    }

    /// The decompressed content of `bytes` (one compressed stream), at most
    /// `limit` bytes (0: no limit).
    static func decompress(_ bytes: [UInt8], limit: Int) -> Outcome {
        guard let archive = archive_read_new() else { return .damaged("out of memory") }
        defer { archive_read_free(archive) }
        archive_read_support_filter_all(archive)
        archive_read_support_format_raw(archive)
        return bytes.withUnsafeBytes { input -> Outcome in
            guard archive_read_open_memory(archive, input.baseAddress, input.count) == ARCHIVE_OK else { return .damaged(message(archive)) }
            var entry: OpaquePointer?
            guard archive_read_next_header(archive, &entry) == ARCHIVE_OK else { return .damaged(message(archive)) }
            // Its filter, not none: a stream too short for libarchive to know reads as the bytes themselves.
            guard archive_filter_count(archive) > 1 else { return .damaged("too short to be a whole compressed stream") }
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count * 4, limit > 0 ? limit : Int.max))
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                if n < 0 { return .damaged(message(archive)) }
                if n == 0 { return .bytes(out) }
                if limit > 0 && out.count + n > limit { return .tooLarge }
                out.append(contentsOf: chunk[0..<n])
            }
        }
    }

    private static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unreadable compressed data"
    }
}
