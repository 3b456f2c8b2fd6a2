import CArchive

/// Reads the members of a zip file held in memory, through libarchive: the
/// container of Word (`.docx`), OpenDocument (`.odt`) and EPUB files.
///
/// The size limit counts the members' bytes once uncompressed, checked
/// while inflating: a small zip whose members expand without end (a "zip
/// bomb") stops at the limit and never holds more than it in memory.
enum ZipMembers {
    enum Failure: Error, Equatable {
        /// Not a zip, or a damaged one: libarchive's message.
        case damaged(String)
        /// The members read would be more than the limit once uncompressed.
        case tooLarge(limit: Int)
        /// A member needed is encrypted (a password-protected zip): its name.
        case encrypted(String)

        /// The skip notice's reason for a container of `kind` ("Word document",
        /// "zip archive") that failed so.
        func reason(kind: String) -> String {
            switch self {
            case .damaged(let why): return "damaged \(kind): \(why)"
            case .encrypted(let name): return "encrypted \(kind) (\(name)): it needs a password to open"
            case .tooLarge(let limit):
                return "larger than --max-file-size once uncompressed (\(kind), over \(CorpusLoader.describe(bytes: Int64(limit)))); "
                    + "pass --max-file-size with a larger size, or 0, to index it"
            }
        }
    }

    /// The default limit on what one container's members expand to: 256 MiB,
    /// as `--max-file-size`'s default.
    static let defaultLimit = 256 << 20

    struct Member: Equatable {
        /// Its path in the zip, as the zip spells it (`word/document.xml`).
        var name: String
        var bytes: [UInt8]
    }

    /// The members of the zip in `bytes` whose names `wanted` accepts (its
    /// folders never), by name (`word/document.xml`), at most `limit` bytes
    /// in all once uncompressed (0: no limit).
    static func read(_ bytes: [UInt8], limit: Int, wanted: (String) -> Bool) -> Result<[String: [UInt8]], Failure> {
        members(bytes, limit: limit, wanted: wanted).map { found in
            Dictionary(found.map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// `read`'s members in the zip's order (a name stored twice, twice).
    static func members(_ bytes: [UInt8], limit: Int, wanted: (String) -> Bool) -> Result<[Member], Failure> {
        guard let archive = archive_read_new() else { return .failure(.damaged("out of memory")) }
        defer { archive_read_free(archive) }
        archive_read_support_format_zip(archive)
        return bytes.withUnsafeBytes { input -> Result<[Member], Failure> in
            guard archive_read_open_memory(archive, input.baseAddress, input.count) == ARCHIVE_OK else {
                return .failure(.damaged(message(archive)))
            }
            var members: [Member] = []
            var total = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var entry: OpaquePointer?
            while true {
                let status = archive_read_next_header(archive, &entry)
                if status == ARCHIVE_EOF { return .success(members) }
                guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { return .failure(.damaged(message(archive))) }
                guard let raw = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry) else { continue }
                let name = String(cString: raw)
                guard !name.hasSuffix("/"), wanted(name) else { continue }
                if archive_entry_is_encrypted(entry) != 0 { return .failure(.encrypted(name)) }
                var data: [UInt8] = []
                while true {
                    let n = chunk.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                    if n < 0 { return .failure(.damaged(message(archive))) }
                    if n == 0 { break }
                    total += n
                    if limit > 0 && total > limit { return .failure(.tooLarge(limit: limit)) }
                    data.append(contentsOf: chunk[0..<n])
                }
                members.append(Member(name: name, bytes: data))
            }
        }
    }

    /// The names of the zip's members (folders too), read from its
    /// directory without inflating anything; nil when it is not a readable zip.
    static func names(_ bytes: [UInt8]) -> [String]? {
        guard let archive = archive_read_new() else { return nil }
        defer { archive_read_free(archive) }
        archive_read_support_format_zip(archive)
        return bytes.withUnsafeBytes { input -> [String]? in
            guard archive_read_open_memory(archive, input.baseAddress, input.count) == ARCHIVE_OK else { return nil }
            var names: [String] = []
            var entry: OpaquePointer?
            while true {
                let status = archive_read_next_header(archive, &entry)
                if status == ARCHIVE_EOF { return names }
                guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { return nil }
                if let raw = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry) { names.append(String(cString: raw)) }
                guard archive_read_data_skip(archive) == ARCHIVE_OK else { return nil }
            }
        }
    }

    private static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unreadable zip"
    }
}
