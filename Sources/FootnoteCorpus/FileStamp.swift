import FootnoteStorage

/// What a corpus file looked like when it was read: enough to tell at the next
/// start whether it changed without reading it again.
public struct FileStamp: Sendable, Equatable {
    public var size: Int64
    /// Modification time, nanoseconds since the epoch.
    public var modified: Int64
    /// `Checksum.hash` of the file's bytes as read.
    public var contentHash: UInt64

    public init(size: Int64, modified: Int64, contentHash: UInt64) {
        self.size = size
        self.modified = modified
        self.contentHash = contentHash
    }

    /// How close to a scan a modification must be for size and time not to
    /// prove a file unchanged: a file written in the same instant as it was read
    /// (or on a file system with coarse timestamps) can change again without its
    /// size or time changing (git's "racily clean" entries). Those are compared
    /// by content.
    public static let ambiguityWindow: Int64 = 2_000_000_000
}

/// A regular file found in the corpus and its stamp, whether it became a
/// document or was skipped.
public struct CorpusFile: Sendable, Equatable {
    /// Path relative to the corpus root.
    public var path: String
    public var stamp: FileStamp

    public init(path: String, stamp: FileStamp) {
        self.path = path
        self.stamp = stamp
    }
}

extension Corpus {
    /// Hash of the files' paths, sizes and modification times, in order:
    /// recorded in an index file's meta section.
    public var fingerprint: UInt64 {
        var w = BinaryRecordWriter()
        for f in files { w.write(f.path); w.write(f.stamp.size); w.write(f.stamp.modified) }
        return Checksum.hash(w.bytes)
    }
}
