/// How a file's bytes became the UTF-8 text that passages are cut from
/// (`CorpusLoader.decode`); what tells `Corpus.passageText` whether a
/// passage's byte range can be read from the file as it is.
public enum TextEncoding: UInt8, Sendable, Equatable {
    /// Valid UTF-8: the text is the file.
    case utf8 = 0
    /// Valid UTF-8 after a byte-order mark: the text is the file less its first 3 bytes.
    case utf8AfterByteOrderMark = 1
    /// Not the file's bytes as they are — decompressed, UTF-16, Windows-1252,
    /// or invalid UTF-8 repaired with replacement characters: the whole file
    /// must be decoded again (`CorpusLoader.decode`).
    case transcoded = 2

    /// Bytes of the file before its text, when the text is the rest of the file as it is.
    public var textOffset: Int? {
        switch self {
        case .utf8: return 0
        case .utf8AfterByteOrderMark: return 3
        case .transcoded: return nil
        }
    }
}
