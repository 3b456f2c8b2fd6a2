#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootnoteStorage
import FootnoteAnalysis
import FootnoteCorpus

/// The on-disk form of a corpus and its index: one file, memory-mapped when
/// loaded so that postings and passages are used in place, never parsed or
/// copied.
///
/// Layout (little-endian, 64-bit):
///
///     0   magic "FOOTNOTE"            8 bytes
///     8   format version              UInt32
///     12  section count               UInt32
///     16  checksum of bytes 24..<64 and of the section table   UInt64
///     24  file length                 UInt64
///     32  byte-order mark 0x0102030405060708                   UInt64
///     40  reserved (zero)             24 bytes
///     64  section table: per section kind UInt32, element size UInt32,
///         offset UInt64, byte length UInt64, checksum UInt64 (32 bytes)
///     ... sections, each starting at a multiple of 8 (an empty one: offset 0)
///
/// Sections (`Section`: number, then what it holds and the type that reads it;
/// "records" are `BinaryRecordWriter` fields, strings length-prefixed; an
/// `Offsets` section's element size, 4 or 8, is in its table entry):
///
///     1   meta                   records: analyzer settings, title and heading weights, corpus path and
///                                absolute path, scan time, fingerprint, passage and term counts,
///                                `PassageBuilder` sizes, file-size limit, archives flag
///     2   documents              records: per `SourceDocument` path, format, sizes, passage count,
///                                `TextEncoding`, text bytes, archive member
///     3   files                  records: per `CorpusFile` path and `FileStamp` (size, mtime, content hash)
///     4   notices                records: per `CorpusNotice` kind, path, reason
///     5   termBytes              `FrontCodedStrings` bytes of the terms, in byte order (blocks of 16)
///     6   termOffsets            `Offsets`: each term block's start in termBytes
///     7   postingStart           `Offsets`: each term's first posting number (terms + 1)
///     8   postingPassageStart    `Offsets`: each term's list in postingPassageBytes
///     31  postingPassageBytes    `PostingPassages`: passage gaps bit-packed per block of 128, VarInt
///                                tail, skip table per list
///     9   frequencyBytes         `PostingFrequencies`: per block of 128, bitmap and bit-packed codes
///     33  frequencyBlockStart    `Offsets`: each block's start in frequencyBytes
///     27  frequencyValue         Float32 × ≤ 255: the codes' values, most common first
///     28  frequencyExceptionPosting  Int64: postings whose value has no code (ascending)
///     29  frequencyExceptionValue    Float32: their values
///     10  positionBytes          `PositionRuns`: self-delimiting runs of position gaps per posting
///     11  positionBlockStart     `Offsets`: where each 128th posting's run starts
///     12  passageLength          zstd of Float32 per passage (BM25F pseudo-length)
///     13  vocabularyBytes        `FrontCodedStrings` of the completion words (folded, unstemmed)
///     14  vocabularyOffsets      `Offsets`: their blocks
///     15  vocabularyTerm         Int32 per completion word: its term
///     16, 30, 32  documentWord…  `DocumentWords` as `CompressedStrings` (block starts, zstd blocks,
///                                counts: strings, bytes, non-empty)
///     17, 18, 19  bounds…        the same for `PassageList.bounds` (first line, more lines, byte, byte
///                                count per passage, stored field by field: `Layout.passageBounds`)
///     20, 21, 22  section…       the same for the passages' heading paths (front coded)
///     23, 24, 25  id…            the same for the passages' ids (BEIR `_id`s; front coded)
///     26  passageFlags           zstd of UInt8 per passage (`PassageList.flags`)
///
/// Changing any of these (or what is indexed into them) needs a new
/// `formatVersion` and its golden file (`IndexFormatGoldenTests`, `make golden-index`).
///
/// Every section carries its own `Checksum.hash`, verified at load; the
/// structure (counts, offsets, passage and term numbers) is checked too, so a
/// damaged or foreign file is reported and rebuilt, never trusted.
/// Writes go to a temporary file in the same folder, are flushed with
/// `fsync`, then renamed over the old file: a reader sees the old index or the
/// new one, never a mixture.
public enum IndexFile {
    public static let formatVersion: UInt32 = 46
    public static let fileName = "index.footnote"
    static let magic: [UInt8] = Array("FOOTNOTE".utf8)
    static let byteOrderMark: UInt64 = 0x0102_0304_0506_0708
    static let headerSize = 64
    static let tableEntrySize = 32

    /// A section's number is written in the file's table of sections: each is
    /// fixed (a new section takes the next free number; none is ever reused or
    /// renumbered), which `IndexFileTests.sectionNumbersAreFixed` checks.
    enum Section: UInt32, CaseIterable {
        case meta = 1
        case documents = 2
        case files = 3
        case notices = 4
        case termBytes = 5
        case termOffsets = 6
        case postingStart = 7
        case postingPassageStart = 8
        case frequencyBytes = 9
        case positionBytes = 10
        case positionBlockStart = 11
        case passageLength = 12
        case vocabularyBytes = 13
        case vocabularyOffsets = 14
        case vocabularyTerm = 15
        case documentWordBlockStart = 16
        case boundsBlockStart = 17
        case boundsCompressed = 18
        case boundsCounts = 19
        case sectionBlockStart = 20
        case sectionCompressed = 21
        case sectionCounts = 22
        case idBlockStart = 23
        case idCompressed = 24
        case idCounts = 25
        case passageFlags = 26
        case frequencyValue = 27
        case frequencyExceptionPosting = 28
        case frequencyExceptionValue = 29
        case documentWordCompressed = 30
        case postingPassageBytes = 31
        case documentWordCounts = 32
        case frequencyBlockStart = 33
    }

    /// Why an index file was not used, or could not be written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        case unreadable(String)
        case otherVersion(UInt32)
        case damaged(String)
        /// Why it cannot be saved, and whether the disk (or quota) is full.
        case cannotWrite(String, outOfSpace: Bool = false)

        public var description: String {
            switch self {
            case .missing: return "no index yet"
            case .unreadable(let reason): return "cannot read the index (\(reason))"
            case .otherVersion(let v):
                return "the index was written by another version of footnote (format \(v), this one reads \(IndexFile.formatVersion))"
            case .damaged(let reason): return "the index file is damaged (\(reason))"
            case .cannotWrite(let reason, _): return "cannot save the index: \(reason)"
            }
        }

        /// Freeing disk space would let it be saved.
        public var isOutOfSpace: Bool {
            if case .cannotWrite(_, let outOfSpace) = self { return outOfSpace }
            return false
        }
    }

    // MARK: Writing

    /// Why a file cannot be made in `folder`, by the folder's fault where it
    /// is one: "no permission to write in the folder /x (Permission denied)",
    /// "the folder /x does not exist", "the folder /x is on a read-only file system";
    /// else `file: <strerror>`.
    public static func folderProblem(_ folder: String, errno code: Int32, file: String) -> String {
        let reason = String(cString: strerror(code))
        switch code {
        case EACCES, EPERM: return "no permission to write in the folder \(folder) (\(reason))"
        case ENOENT: return "the folder \(folder) does not exist"
        case EROFS: return "the folder \(folder) is on a read-only file system"
        case ENOTDIR: return "\(folder) is not a folder (part of its path is a file)"
        default: return "\(file): \(reason)"
        }
    }

    /// Whether an errno says the disk (or quota, or file-size limit) is full: freeing space helps.
    public static func isOutOfSpace(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }

    /// Writes `corpus` and `index` to `path` atomically (temporary file,
    /// fsync, rename, fsync of the folder).
    public static func write(_ corpus: Corpus, _ index: InvertedIndex, to path: String) throws(Failure) {
        var meta = BinaryRecordWriter()
        meta.write(index.analyzerSettings.removeStopWords)
        meta.write(index.analyzerSettings.stem)
        meta.write(UInt32(index.analyzerSettings.maxTokenBytes))
        meta.write(index.titleWeight)
        meta.write(index.headingWeight)
        meta.write(corpus.path)
        meta.write(corpus.absolutePath)
        meta.write(corpus.scannedAt)
        meta.write(corpus.fingerprint)
        meta.write(UInt64(corpus.passages.count))
        meta.write(UInt64(index.termCount))
        meta.write(UInt64(corpus.passageBuilder.sectionWords))
        meta.write(UInt64(corpus.passageBuilder.maxWords))
        meta.write(UInt64(corpus.passageBuilder.minWords))
        meta.write(UInt64(corpus.passageBuilder.overlapWords))
        meta.write(UInt64(corpus.maxFileBytes))
        meta.write(UInt64(corpus.readsArchives ? 1 : 0))

        var documents = BinaryRecordWriter()
        documents.write(UInt64(corpus.documents.count))
        for d in corpus.documents {
            documents.write(d.path); documents.write(d.format.rawValue)
            documents.write(Int64(d.byteCount)); documents.write(Int64(d.passageCount)); documents.write(d.encoding.rawValue);
            documents.write(Int64(d.textBytes))
            documents.write(d.member ?? "")
        }
        var files = BinaryRecordWriter()
        files.write(UInt64(corpus.files.count))
        for f in corpus.files {
            files.write(f.path); files.write(f.stamp.size); files.write(f.stamp.modified); files.write(f.stamp.contentHash)
        }
        var notices = BinaryRecordWriter()
        notices.write(UInt64(corpus.notices.count))
        for n in corpus.notices {
            notices.write(UInt8(n.kind == .skipped ? 0 : 1)); notices.write(n.path); notices.write(n.reason)
        }

        let p = corpus.passages
        // Each passage's document is not stored: passages come document by
        // document, so the documents' passage counts say it. Checked here.
        var row = 0
        for (d, document) in corpus.documents.enumerated() {
            for _ in 0..<document.passageCount {
                guard row < p.count, p.documents[row] == Int32(d) else {
                    throw .cannotWrite("passage \(row) is not in document order (an internal error); the index was not saved")
                }
                row += 1
            }
        }
        guard row == p.count else {
            throw .cannotWrite("the documents' passage counts disagree with the passages (an internal error); the index was not saved")
        }
        let headings = p.sections.compressed(layout: PassageList.sectionLayout), ids = p.ids.compressed(layout: PassageList.idLayout)
        let bounds = p.bounds.compressed(layout: PassageList.boundsLayout)
        /// A compressed column's counts section: strings, bytes, non-empty strings.
        func counts(_ c: CompressedStrings) -> FlatArray<Int> { FlatArray([c.count, c.byteCount, c.nonEmptyCount]) }
        let documentWords = index.documentWords.compressed()
        let boundsCounts = counts(bounds), sectionCounts = counts(headings), idCounts = counts(ids),
            documentWordCounts = counts(documentWords)
        // Read only when loading, in order: compressed whole (lengths are mostly small whole numbers, flags mostly alike).
        let compressor = Zstd.Compressor()
        let lengthBytes = compressor.compress(index.passageLength.rawBytes)
        let flagBytes = compressor.compress(p.flags.buffer)
        let sections: [SectionBytes] = [
            SectionBytes(.meta, meta.bytes), SectionBytes(.documents, documents.bytes), SectionBytes(.files, files.bytes),
            SectionBytes(.notices, notices.bytes),
            SectionBytes(.termBytes, index.terms.bytes), SectionBytes(.termOffsets, index.terms.blockStart),
            SectionBytes(.postingStart, index.postingStart),
            SectionBytes(.postingPassageStart, index.postingPassages.termByteStart),
            SectionBytes(.postingPassageBytes, index.postingPassages.bytes),
            SectionBytes(.frequencyBytes, index.postingFrequency.bytes),
            SectionBytes(.frequencyBlockStart, index.postingFrequency.blockStart),
            SectionBytes(.positionBytes, index.positionRuns.bytes), SectionBytes(.positionBlockStart, index.positionRuns.blockStart),
            SectionBytes(.passageLength, lengthBytes),
            SectionBytes(.vocabularyBytes, index.vocabulary.bytes), SectionBytes(.vocabularyOffsets, index.vocabulary.blockStart),
            SectionBytes(.vocabularyTerm, index.vocabularyTerm),
            SectionBytes(.documentWordBlockStart, documentWords.blockStart),
            SectionBytes(.documentWordCompressed, documentWords.compressed), SectionBytes(.documentWordCounts, documentWordCounts),
            SectionBytes(.boundsBlockStart, bounds.blockStart), SectionBytes(.boundsCompressed, bounds.compressed),
            SectionBytes(.boundsCounts, boundsCounts),
            SectionBytes(.sectionBlockStart, headings.blockStart), SectionBytes(.sectionCompressed, headings.compressed),
            SectionBytes(.sectionCounts, sectionCounts),
            SectionBytes(.idBlockStart, ids.blockStart), SectionBytes(.idCompressed, ids.compressed), SectionBytes(.idCounts, idCounts),
            SectionBytes(.passageFlags, flagBytes),
            SectionBytes(.frequencyValue, index.postingFrequency.values),
            SectionBytes(.frequencyExceptionPosting, index.postingFrequency.exceptionPosting),
            SectionBytes(.frequencyExceptionValue, index.postingFrequency.exceptionValue),
        ]
        // The borrowed sections point into `index`, `documentWords` and the
        // compressed columns, all alive until this call returns.
        try withExtendedLifetime(
            (
                index, documentWords, bounds, headings, ids, boundsCounts, sectionCounts, idCounts,
                documentWordCounts
            )
        ) { () throws(Failure) in
            try writeSections(sections, to: path)
        }
    }

    /// One section to write: its kind, element size and bytes, either owned
    /// (records and whole-compressed columns made for the write) or borrowed
    /// from storage the caller keeps alive (the index's columns).
    struct SectionBytes {
        let kind: Section
        let elementSize: Int
        private let owned: [UInt8]
        private let borrowed: UnsafeRawBufferPointer?

        /// Bytes made for the write (records, a column compressed whole).
        init(_ kind: Section, _ bytes: [UInt8]) {
            (self.kind, elementSize, owned, borrowed) = (kind, 1, bytes, nil)
        }

        /// A column of the index, written as it is held, elements of its stride.
        init<T>(_ kind: Section, _ column: FlatArray<T>) {
            (self.kind, elementSize, owned, borrowed) = (kind, MemoryLayout<T>.stride, [], column.rawBytes)
        }

        /// Offsets, 4 or 8 bytes each as they are held.
        init(_ kind: Section, _ offsets: Offsets) {
            (self.kind, elementSize, owned, borrowed) = (kind, offsets.elementSize, [], offsets.rawBytes)
        }

        var count: Int { borrowed?.count ?? owned.count }

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            if let borrowed { return body(borrowed) }
            return owned.withUnsafeBytes(body)
        }
    }

    private static func writeSections(_ sections: [SectionBytes], to path: String) throws(Failure) {
        // Lay out: header, table, then each section 8-aligned.
        var table = BinaryRecordWriter()
        var offset = headerSize + sections.count * tableEntrySize
        var placed: [(offset: Int, section: SectionBytes)] = []
        for section in sections {
            // An empty section takes no room (offset 0), so the file ends with the last non-empty one.
            let count = section.count
            if count > 0 { offset = (offset + 7) & ~7 }
            let at = count == 0 ? 0 : offset
            table.write(section.kind.rawValue); table.write(UInt32(section.elementSize))
            table.write(UInt64(at)); table.write(UInt64(count))
            table.write(section.withBytes { Checksum.hash($0) })
            if count > 0 { placed.append((at, section)) }
            offset += count
        }
        let fileLength = offset
        var header = BinaryRecordWriter()
        header.write(UInt64(fileLength))
        header.write(byteOrderMark)
        for _ in 0..<3 { header.write(UInt64(0)) }
        let checked = header.bytes + table.bytes
        var head = BinaryRecordWriter()
        for b in magic { head.write(b) }
        head.write(formatVersion)
        head.write(UInt32(sections.count))
        head.write(Checksum.hash(checked))
        let prefix = head.bytes + checked

        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let temporary = "\(path).tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(folderProblem(folder.isEmpty ? "." : folder, errno: errno, file: temporary)) }
        var ok = false
        defer {
            if !ok { close(fd); unlink(temporary) }
        }
        var written = 0
        /// Writes all of `bytes`; 0, or the errno of the failure.
        func put(_ bytes: UnsafeRawBufferPointer) -> Int32 {
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, min(bytes.count - done, 1 << 26))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            written += bytes.count
            return 0
        }
        let zeros = [UInt8](repeating: 0, count: 8)
        var failure = prefix.withUnsafeBytes { put($0) }
        for (at, section) in placed where failure == 0 {
            let pad = at - written
            if pad > 0 { failure = zeros.withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[0..<pad])) } }
            if failure == 0 { failure = section.withBytes { put($0) } }
        }
        guard failure == 0 else {
            throw .cannotWrite("\(temporary): \(String(cString: strerror(failure)))", outOfSpace: isOutOfSpace(failure))
        }
        guard fsync(fd) == 0 else {
            throw .cannotWrite("\(temporary): fsync: \(String(cString: strerror(errno)))", outOfSpace: isOutOfSpace(errno))
        }
        guard close(fd) == 0 else {
            let code = errno
            ok = true
            unlink(temporary)
            throw .cannotWrite("\(temporary): \(String(cString: strerror(code)))", outOfSpace: isOutOfSpace(code))
        }
        ok = true
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite("\(path): \(reason)")
        }
        let dirfd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    /// `bytes` with the header's file length and every checksum recomputed
    /// for what the bytes now hold (as far as the section table can be read):
    /// a damaged file that the checksums cannot catch, to prove that the
    /// structural checks do (fuzzing, tests).
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        guard out.count >= headerSize else { return out }
        func put(_ value: UInt64, at offset: Int) {
            for i in 0..<8 { out[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        func get(_ offset: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(out[offset + $1]) << (8 * UInt64($1)) } }
        let sectionCount = Int(UInt32(out[12]) | UInt32(out[13]) << 8 | UInt32(out[14]) << 16 | UInt32(out[15]) << 24)
        let tableEnd = headerSize + min(sectionCount, 1000) * tableEntrySize
        guard tableEnd <= out.count else { return out }
        put(UInt64(out.count), at: 24)
        for entry in stride(from: headerSize, to: tableEnd, by: tableEntrySize) {
            let offset = get(entry + 8), length = get(entry + 16)
            guard offset <= UInt64(out.count), length <= UInt64(out.count) - offset else { continue }
            let sum = out.withUnsafeBytes { Checksum.hash(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)])) }
            put(sum, at: entry + 24)
        }
        put(out.withUnsafeBytes { Checksum.hash(UnsafeRawBufferPointer(rebasing: $0[24..<tableEnd])) }, at: 16)
        return out
    }

    // MARK: Reading

    /// What an index file holds.
    public struct Contents: Sendable {
        public var corpus: Corpus
        public var index: InvertedIndex
        /// The corpus fingerprint recorded when it was built.
        public var fingerprint: UInt64
        /// The mapped file (its identity tells whether it was replaced since).
        public var file: MappedFile
    }

    /// Maps and verifies the index file at `path`.
    public static func read(_ path: String) throws(Failure) -> Contents {
        let file: MappedFile
        do throws(MappedFile.Failure) { file = try MappedFile(path: path) } catch {
            if error == .missing { throw .missing }
            throw .unreadable(error.description)
        }
        let bytes = file.bytes
        guard bytes.count >= headerSize else { throw .damaged("\(bytes.count) bytes, shorter than its header") }
        guard Array(bytes[0..<8]) == magic else { throw .damaged("not a footnote index") }
        var head = BinaryRecordReader(bytes)
        do {
            _ = try head.read(UInt64.self)
            let version = try head.read(UInt32.self)
            guard version == formatVersion else { throw Failure.otherVersion(version) }
            let sectionCount = Int(try head.read(UInt32.self))
            let checksum = try head.read(UInt64.self)
            let tableEnd = headerSize + sectionCount * tableEntrySize
            guard sectionCount <= 1000, tableEnd <= bytes.count else { throw Failure.damaged("truncated section table") }
            guard Checksum.hash(UnsafeRawBufferPointer(rebasing: bytes[24..<tableEnd])) == checksum else {
                throw Failure.damaged("header checksum mismatch")
            }
            let fileLength = try head.read(UInt64.self)
            guard fileLength == UInt64(bytes.count) else {
                throw Failure.damaged("\(bytes.count) bytes where the header says \(fileLength): truncated or extended")
            }
            guard try head.read(UInt64.self) == byteOrderMark else { throw Failure.damaged("written on a machine of another byte order") }

            var table = BinaryRecordReader(UnsafeRawBufferPointer(rebasing: bytes[headerSize..<tableEnd]))
            var found: [Section: (size: Int, offset: Int, count: Int)] = [:]
            for _ in 0..<sectionCount {
                let kind = try table.read(UInt32.self), size = Int(try table.read(UInt32.self))
                let offset = try table.read(UInt64.self), length = try table.read(UInt64.self), sum = try table.read(UInt64.self)
                // This format version writes no other kind: the table is damaged.
                guard let section = Section(rawValue: kind) else { throw Failure.damaged("unknown section \(kind)") }
                guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset, offset % 8 == 0, size > 0,
                    Int(length) % size == 0
                else {
                    throw Failure.damaged("section \(kind) lies outside the file")
                }
                guard Checksum.hash(UnsafeRawBufferPointer(rebasing: bytes[Int(offset)..<Int(offset + length)])) == sum else {
                    throw Failure.damaged("checksum mismatch in section \(kind)")
                }
                found[section] = (size, Int(offset), Int(length) / size)
            }
            for s in Section.allCases where found[s] == nil { throw Failure.damaged("section \(s.rawValue) is missing") }
            // Every byte is covered: the sections follow the table and each
            // other, separated only by zero padding to 8-byte boundaries.
            var covered = tableEnd
            for (_, f) in found.sorted(by: { $0.value.offset < $1.value.offset }) where f.count > 0 {
                guard f.offset >= covered, f.offset - covered < 8,
                    bytes[covered..<f.offset].allSatisfy({ $0 == 0 })
                else { throw Failure.damaged("bytes outside every section") }
                covered = f.offset + f.count * f.size
            }
            guard covered == bytes.count else { throw Failure.damaged("bytes after the last section") }
            return try decode(file, found)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .damaged("truncated record")
        }
    }

    private static func decode(_ file: MappedFile, _ found: [Section: (size: Int, offset: Int, count: Int)]) throws -> Contents {
        func raw(_ s: Section) -> UnsafeRawBufferPointer {
            let f = found[s]!
            return UnsafeRawBufferPointer(rebasing: file.bytes[f.offset..<(f.offset + f.count * f.size)])
        }
        func array<T: BitwiseCopyable>(_ s: Section, _: T.Type) throws(Failure) -> FlatArray<T> {
            let f = found[s]!
            guard f.size == MemoryLayout<T>.stride else { throw .damaged("section \(s.rawValue) has \(f.size)-byte elements") }
            return file.array(of: T.self, at: f.offset, count: f.count)
        }
        /// A section compressed whole (`Zstd`), decompressed: `count` elements, or the file is damaged.
        func decompressed<T: BitwiseCopyable>(_ s: Section, count: Int, _: T.Type) throws(Failure) -> FlatArray<T> {
            let compressed = try array(s, UInt8.self).buffer
            guard count > 0 else { return FlatArray() }
            guard Zstd.decompressedSize(compressed) == count * MemoryLayout<T>.stride else {
                throw .damaged("section \(s.rawValue) disagrees")
            }
            let (array, bytes) = FlatArray<T>.allocateUninitialized(count: count)
            guard Zstd.Decompressor().decompress(compressed, into: bytes) else {
                throw .damaged("section \(s.rawValue) does not decompress")
            }
            return array
        }
        /// Offsets of 4 or 8 bytes each, as the section says.
        func offsets(_ s: Section) throws(Failure) -> Offsets {
            found[s]!.size == 4 ? Offsets(narrow: try array(s, UInt32.self)) : Offsets(wide: try array(s, Int.self))
        }
        /// Front-coded strings from their bytes and block starts, checked.
        func frontCoded(_ bytes: Section, _ starts: Section, count: Int) throws(Failure) -> FrontCodedStrings {
            let strings = FrontCodedStrings(bytes: try array(bytes, UInt8.self), blockStart: try offsets(starts), count: count)
            guard strings.isConsistent() else { throw .damaged("front-coded strings (section \(starts.rawValue)) disagree") }
            return strings
        }

        /// A compressed string column from its three sections, checked (a
        /// block that does not decode reads as empty strings, never a crash).
        func column(
            _ blockStart: Section, _ bytes: Section, _ counts: Section,
            layout: CompressedStrings.Layout = .strings
        ) throws(Failure) -> StringColumn {
            let c = try array(counts, Int.self), starts = try offsets(blockStart), compressed = try array(bytes, UInt8.self)
            guard c.count == 3, c[0] >= 0, c[1] >= 0, c[2] >= 0, c[2] <= c[0],
                starts.count == CompressedStrings.blocks(for: c[0]) + 1
            else {
                throw .damaged("string column (section \(counts.rawValue)) disagrees")
            }
            try ascending(starts, from: 0, to: compressed.count, what: "string blocks (section \(blockStart.rawValue))")
            return .compressed(
                CompressedStrings(
                    blockStart: starts, compressed: compressed, count: c[0], byteCount: c[1],
                    nonEmptyCount: c[2], layout: layout))
        }
        /// Checks that `values` is non-empty, starts at `first`, never falls and (when given) ends at `last`.
        func ascending<C: RandomAccessCollection>(
            _ values: C, from first: Int, to last: Int? = nil,
            what: String
        ) throws(Failure) where C.Element == Int, C.Index == Int {
            guard values.count >= 1, values[0] == first, last == nil || values[values.count - 1] == last else {
                throw .damaged("\(what) disagree")
            }
            var previous = first
            for x in values {
                guard x >= previous else { throw .damaged("\(what) out of order") }
                previous = x
            }
        }

        var meta = BinaryRecordReader(raw(.meta))
        let settings = Analyzer.Settings(
            removeStopWords: try meta.readBool(), stem: try meta.readBool(),
            maxTokenBytes: Int(try meta.read(UInt32.self)))
        let titleWeight = try meta.readFloat(), headingWeight = try meta.readFloat()
        let path = try meta.readString(), absolutePath = try meta.readString()
        let scannedAt = try meta.read(Int64.self)
        let fingerprint = try meta.read(UInt64.self)
        let passageCount = Int(clamping: try meta.read(UInt64.self)), termCount = Int(clamping: try meta.read(UInt64.self))
        let shape = try (0..<4).map { _ in Int(clamping: try meta.read(UInt64.self)) }
        let passageBuilder = PassageBuilder(sectionWords: shape[0], maxWords: shape[1], minWords: shape[2], overlapWords: shape[3])
        let maxFileBytes = Int64(clamping: try meta.read(UInt64.self))
        let readsArchives = try meta.read(UInt64.self) != 0
        // Settings that size buffers or weigh scores: within what any build writes.
        guard (1...65536).contains(settings.maxTokenBytes), titleWeight.isFinite, titleWeight >= 0,
            headingWeight.isFinite, headingWeight >= 0,
            shape.allSatisfy({ (0...(1 << 30)).contains($0) }), shape[1] >= 1
        else {
            throw Failure.damaged("analysis or passage settings out of range")
        }

        var documents: [SourceDocument] = []
        var r = BinaryRecordReader(raw(.documents))
        for _ in 0..<min(Int(clamping: try r.read(UInt64.self)), 1 << 40) {
            let docPath = try r.readString(), format = DocumentFormat(rawValue: try r.readString())
            let byteCount = Int(try r.read(Int64.self)), documentPassages = Int(try r.read(Int64.self))
            guard let encoding = TextEncoding(rawValue: try r.read(UInt8.self)) else { throw Failure.damaged("unknown text encoding") }
            let textBytes = Int(try r.read(Int64.self)), member = try r.readString()
            documents.append(
                SourceDocument(
                    path: docPath, format: format, byteCount: byteCount, passageCount: documentPassages,
                    encoding: encoding, textBytes: textBytes, member: member.isEmpty ? nil : member))
        }
        var files: [CorpusFile] = []
        r = BinaryRecordReader(raw(.files))
        for _ in 0..<min(Int(clamping: try r.read(UInt64.self)), 1 << 40) {
            let filePath = try r.readString()
            files.append(
                CorpusFile(
                    path: filePath,
                    stamp: FileStamp(
                        size: try r.read(Int64.self), modified: try r.read(Int64.self),
                        contentHash: try r.read(UInt64.self))))
        }
        var notices: [CorpusNotice] = []
        r = BinaryRecordReader(raw(.notices))
        for _ in 0..<min(Int(clamping: try r.read(UInt64.self)), 1 << 40) {
            let kind: CorpusNotice.Kind = try r.read(UInt8.self) == 0 ? .skipped : .warning
            let noticePath = try r.readString()
            notices.append(CorpusNotice(kind, path: noticePath, reason: try r.readString()))
        }

        // Each passage's document, from the documents' passage counts (which must add up,
        // to a passage count the bounds column's blocks bear out: nothing is allocated on a count's word).
        guard passageCount >= 0, passageCount <= found[.boundsBlockStart]!.count * CompressedStrings.stringsPerBlock else {
            throw Failure.damaged("passage count disagrees")
        }
        var passageTotal = 0
        for d in documents {
            guard d.passageCount >= 0, d.passageCount <= passageCount - passageTotal else {
                throw Failure.damaged("documents' passage counts disagree")
            }
            passageTotal += d.passageCount
        }
        guard passageTotal == passageCount else { throw Failure.damaged("documents' passage counts disagree") }
        let (passageDocument, fill) = FlatArray<Int32>.allocate(count: passageCount, repeating: 0)
        var at = 0
        for (d, document) in documents.enumerated() {
            fill[at..<(at + document.passageCount)].update(repeating: Int32(d))
            at += document.passageCount
        }
        let passages = PassageList(
            documents: passageDocument,
            bounds: try column(.boundsBlockStart, .boundsCompressed, .boundsCounts, layout: PassageList.boundsLayout),
            texts: nil,
            sections: try column(.sectionBlockStart, .sectionCompressed, .sectionCounts, layout: PassageList.sectionLayout),
            ids: try column(.idBlockStart, .idCompressed, .idCounts, layout: PassageList.idLayout),
            flags: try decompressed(.passageFlags, count: passageCount, UInt8.self))
        let postingStart = try offsets(.postingStart)
        let index = InvertedIndex(
            analyzerSettings: settings, titleWeight: titleWeight, headingWeight: headingWeight,
            terms: try frontCoded(.termBytes, .termOffsets, count: termCount),
            postingStart: postingStart,
            postingPassages: PostingPassages(
                termByteStart: try offsets(.postingPassageStart),
                bytes: try array(.postingPassageBytes, UInt8.self)),
            postingFrequency: PostingFrequencies(
                bytes: try array(.frequencyBytes, UInt8.self),
                blockStart: try offsets(.frequencyBlockStart),
                values: try array(.frequencyValue, Float.self),
                exceptionPosting: try array(.frequencyExceptionPosting, Int.self),
                exceptionValue: try array(.frequencyExceptionValue, Float.self),
                count: postingStart.isEmpty ? 0 : max(postingStart[postingStart.count - 1], 0)),
            positionRuns: PositionRuns(
                bytes: try array(.positionBytes, UInt8.self),
                blockStart: try offsets(.positionBlockStart)),
            passageLength: try decompressed(.passageLength, count: passageCount, Float.self),
            vocabulary: try frontCoded(.vocabularyBytes, .vocabularyOffsets, count: found[.vocabularyTerm]!.count),
            vocabularyTerm: try array(.vocabularyTerm, Int32.self),
            documentWords: DocumentWords(
                lists: try column(
                    .documentWordBlockStart, .documentWordCompressed,
                    .documentWordCounts)))
        try validate(index, passages, documents: documents, passageCount: passageCount, termCount: termCount)
        let corpus = Corpus(
            path: path, absolutePath: absolutePath, documents: documents, passages: passages,
            notices: notices, files: files, scannedAt: scannedAt, passageBuilder: passageBuilder,
            maxFileBytes: maxFileBytes, readsArchives: readsArchives)
        return Contents(corpus: corpus, index: index, fingerprint: fingerprint, file: file)
    }

    /// The structural promises search relies on: every count agrees, offsets
    /// ascend, and every passage, term and document number is in range.
    private static func validate(
        _ index: InvertedIndex, _ passages: PassageList, documents: [SourceDocument],
        passageCount: Int, termCount: Int
    ) throws(Failure) {
        func check(_ ok: Bool, _ what: @autoclosure () -> String) throws(Failure) { if !ok { throw .damaged(what()) } }
        let n = passageCount
        try check(
            passages.count == n && index.passageLength.count == n && passages.bounds.count == n
                && passages.sections.count == n
                && passages.ids.count == n && passages.flags.count == n, "passage columns disagree")
        try check(index.terms.count == termCount && index.postingStart.count == termCount + 1, "term count disagrees")
        try check(index.passageLength.buffer.allSatisfy { $0.isFinite && $0 >= 0 }, "passage lengths out of range")
        let postings = index.postingCount
        try check(index.postingPassages.isConsistent(termCount: termCount), "posting lists disagree")
        try check(index.postingStart[0] == 0 && index.postingStart[termCount] == postings, "posting ranges disagree")
        var previous = 0
        for x in index.postingStart { try check(x >= previous, "posting ranges out of order"); previous = x }
        try check(index.positionRuns.isConsistent(postingCount: postings), "position runs disagree")
        try check(index.postingFrequency.isStructurallyConsistent(), "posting frequency codes disagree")
        for d in passages.documents.buffer { try check(d >= 0 && Int(d) < documents.count, "passage names document \(d)") }
        try check(index.vocabularyTerm.count == index.vocabulary.count, "vocabulary columns disagree")
        try check(index.documentWords.isConsistent(documentCount: documents.count), "document word lists disagree")
        for t in index.vocabularyTerm.buffer { try check(t >= 0 && Int(t) < termCount, "vocabulary names term \(t)") }
    }
}
