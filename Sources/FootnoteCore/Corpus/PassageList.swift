/// The passages of a corpus, stored column by column in flat arrays so that
/// an index file can hold them as they are and a loaded corpus reads them in
/// place: `Passage` values (and their Strings) are made only for the passages
/// a reader asks for. The string columns are plain when the passages were
/// just read, and compressed in blocks when they come from an index file.
public struct PassageList: RandomAccessCollection, Sendable, Equatable {
    /// Per passage: `Passage.document`.
    public let documents: FlatArray<Int32>
    /// Per passage: first and last line (two entries each).
    public let lineBounds: FlatArray<Int32>
    /// Per passage: byte range start and end (two entries each).
    public let byteBounds: FlatArray<Int>
    public let texts: TextColumn
    /// The heading path joined by `PassageList.headingSeparator`.
    public let sections: TextColumn
    /// The BEIR `_id`, empty when `hasID` is 0.
    public let ids: TextColumn
    public let hasID: FlatArray<UInt8>

    /// Between the headings of a section path (U+001F, the unit separator,
    /// which `Builder` replaces inside headings).
    public static let headingSeparator: UInt8 = 0x1F

    public init(documents: FlatArray<Int32>, lineBounds: FlatArray<Int32>, byteBounds: FlatArray<Int>,
                texts: TextColumn, sections: TextColumn, ids: TextColumn, hasID: FlatArray<UInt8>) {
        self.documents = documents
        self.lineBounds = lineBounds
        self.byteBounds = byteBounds
        self.texts = texts
        self.sections = sections
        self.ids = ids
        self.hasID = hasID
    }

    public init<S: Sequence>(_ passages: S) where S.Element == Passage {
        var builder = Builder()
        for p in passages { builder.append(p) }
        self = builder.build()
    }

    public init() { self.init([Passage]()) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { documents.count }

    public subscript(i: Int) -> Passage {
        Passage(document: Int(documents[i]), id: id(i), section: section(i), text: text(i),
                lines: Int(lineBounds[2 * i])...Int(lineBounds[2 * i + 1]),
                bytes: byteBounds[2 * i]..<byteBounds[2 * i + 1])
    }

    public func id(_ i: Int) -> String? { hasID[i] != 0 ? ids[i] : nil }


    /// Calls `body` with the UTF-8 bytes of passage `i`'s text (valid only
    /// inside `body`, which must not read another passage's text).
    public func withText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { texts.withBytes(i, body) }

    public func text(_ i: Int) -> String { texts[i] }

    /// The same passages with their string columns compressed (as an index file stores them).
    public func compressed() -> PassageList {
        PassageList(documents: documents, lineBounds: lineBounds, byteBounds: byteBounds, texts: .compressed(texts.compressed()),
                    sections: .compressed(sections.compressed()), ids: .compressed(ids.compressed()), hasID: hasID)
    }

    public func section(_ i: Int) -> [String] {
        sections.withBytes(i) { bytes in
            guard !bytes.isEmpty else { return [] }
            return bytes.split(separator: Self.headingSeparator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Bytes of text and headings: the corpus size the timings report.
    /// (Body, plus the headings each followed by a line break, as `anchors.py`
    /// counts title + "\n" + text.)
    public var textByteCount: Int {
        var total = texts.byteCount + sections.byteCount
        for i in 0..<sections.count where sections.length(i) > 0 { total += 1 }
        return total
    }

    /// Collects passages column by column.
    public struct Builder {
        let documents = FlatArrayBuilder<Int32>()
        let lineBounds = FlatArrayBuilder<Int32>()
        let byteBounds = FlatArrayBuilder<Int>()
        var texts = StringTable.Builder()
        var sections = StringTable.Builder()
        var ids = StringTable.Builder()
        let hasID = FlatArrayBuilder<UInt8>()

        public init() {}

        public var count: Int { documents.count }

        public mutating func append(_ p: Passage) {
            append(document: p.document, id: p.id, section: p.section, text: p.text, lines: p.lines, bytes: p.bytes)
        }

        /// Appends a passage given by its parts (no `Passage` value made).
        public mutating func append(document: Int, id: String?, section: [String], text: String,
                                    lines: ClosedRange<Int>, bytes: Range<Int>) {
            documents.append(Int32(document))
            lineBounds.append(Int32(clamping: lines.lowerBound))
            lineBounds.append(Int32(clamping: lines.upperBound))
            byteBounds.append(bytes.lowerBound)
            byteBounds.append(bytes.upperBound)
            texts.append(text)
            appendSection(section)
            ids.append(id ?? "")
            hasID.append(id == nil ? 0 : 1)
        }

        private mutating func appendSection(_ section: [String]) {
            if section.isEmpty { sections.append(UnsafeBufferPointer<UInt8>(start: nil, count: 0)); return }
            if section.count == 1, !section[0].utf8.contains(PassageList.headingSeparator) { sections.append(section[0]); return }
            var joined: [UInt8] = []
            for (k, heading) in section.enumerated() {
                if k > 0 { joined.append(PassageList.headingSeparator) }
                joined += heading.utf8.map { $0 == PassageList.headingSeparator ? 0x20 : $0 }
            }
            sections.append(joined)
        }

        /// Appends passages `rows` of `list` as they are, in bulk, as part of document `document`.
        public mutating func append(rows: Range<Int>, of list: PassageList, document: Int32) {
            for _ in rows { documents.append(document) }
            lineBounds.append(contentsOf: UnsafeBufferPointer(rebasing: list.lineBounds.buffer[(2 * rows.lowerBound)..<(2 * rows.upperBound)]))
            byteBounds.append(contentsOf: UnsafeBufferPointer(rebasing: list.byteBounds.buffer[(2 * rows.lowerBound)..<(2 * rows.upperBound)]))
            Self.append(rows: rows, of: list.texts, to: &texts)
            Self.append(rows: rows, of: list.sections, to: &sections)
            Self.append(rows: rows, of: list.ids, to: &ids)
            hasID.append(contentsOf: UnsafeBufferPointer(rebasing: list.hasID.buffer[rows]))
        }

        /// Copies strings `rows` of a column: in one piece when it is plain.
        private static func append(rows: Range<Int>, of column: TextColumn, to builder: inout StringTable.Builder) {
            if case .plain(let table) = column {
                builder.append(rows: rows, of: table)
            } else {
                for i in rows { column.withBytes(i) { builder.append($0) } }
            }
        }

        public func build() -> PassageList {
            PassageList(documents: documents.build(), lineBounds: lineBounds.build(), byteBounds: byteBounds.build(),
                        texts: .plain(texts.build()), sections: .plain(sections.build()), ids: .plain(ids.build()),
                        hasID: hasID.build())
        }
    }
}
