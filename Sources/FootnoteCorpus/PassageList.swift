import FootnoteStorage

/// The passages of a corpus, stored column by column in flat arrays so that
/// an index file can hold them as they are and a loaded corpus reads them in
/// place: `Passage` values (and their Strings) are made only for the passages
/// a reader asks for. The string columns are plain when the passages were
/// just read, and compressed in blocks when they come from an index file.
/// The text is kept only until the passages are indexed (`withoutTexts()`):
/// an index file stores none, and `Corpus.passageText(_:)` reads it back.
public struct PassageList: RandomAccessCollection, Sendable, Equatable {
    /// Per passage: `Passage.document`.
    public let documents: FlatArray<Int32>
    /// Per passage: first line, lines after it, first byte, byte count, as
    /// `VarInt`s (a few bytes instead of 24; `bounds(_:)` reads them).
    public let bounds: StringColumn
    /// The passages' text, nil once indexed (`withoutTexts()`).
    public let texts: StringColumn?
    /// The heading path joined by `PassageList.headingSeparator`.
    public let sections: StringColumn
    /// The BEIR `_id`, empty when the passage has none.
    public let ids: StringColumn
    /// Per passage: `hasIDFlag`, `verbatimFlag` and `termFlag`.
    public let flags: FlatArray<UInt8>

    /// The passage has a BEIR `_id` (and a title, not a heading path).
    public static let hasIDFlag: UInt8 = 1
    /// `Passage.isVerbatim`.
    public static let verbatimFlag: UInt8 = 2
    /// `Passage.isTerm`.
    public static let termFlag: UInt8 = 4

    /// Between the headings of a section path (U+001F, the unit separator,
    /// which `Builder` replaces inside headings).
    public static let headingSeparator: UInt8 = 0x1F

    public init(
        documents: FlatArray<Int32>, bounds: StringColumn,
        texts: StringColumn?, sections: StringColumn, ids: StringColumn, flags: FlatArray<UInt8>
    ) {
        self.documents = documents
        self.bounds = bounds
        self.texts = texts
        self.sections = sections
        self.ids = ids
        self.flags = flags
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
        Passage(
            document: Int(documents[i]), id: id(i), section: section(i), text: texts?[i] ?? "",
            lines: bounds(i).lines, bytes: bounds(i).bytes, isVerbatim: isVerbatim(i), anchor: anchor(i), isTerm: isTerm(i))
    }

    /// The `ids` column holds a BEIR passage's `_id` (`hasID`), or a document
    /// passage's anchor (`Passage.anchor`; empty for none).
    public func id(_ i: Int) -> String? { hasID(i) ? ids[i] : nil }
    public func anchor(_ i: Int) -> String? {
        guard !hasID(i) else { return nil }
        let a = ids[i]
        return a.isEmpty ? nil : a
    }
    @inline(__always) public func hasID(_ i: Int) -> Bool { flags[i] & Self.hasIDFlag != 0 }
    @inline(__always) public func isVerbatim(_ i: Int) -> Bool { flags[i] & Self.verbatimFlag != 0 }
    @inline(__always) public func isTerm(_ i: Int) -> Bool { flags[i] & Self.termFlag != 0 }

    /// Passage `i`'s lines (1-based, inclusive) and byte range in its file;
    /// 1...1 and 0..<0 if its record is damaged.
    public func bounds(_ i: Int) -> (lines: ClosedRange<Int>, bytes: Range<Int>) {
        bounds.withBytes(i) { record in
            var at = 0
            guard let line = VarInt.read64(record, at: &at, end: record.count),
                let moreLines = VarInt.read64(record, at: &at, end: record.count),
                let byte = VarInt.read64(record, at: &at, end: record.count),
                let byteCount = VarInt.read64(record, at: &at, end: record.count),
                line <= UInt64(Int.max / 2), moreLines <= UInt64(Int.max / 2), byte <= UInt64(Int.max / 2),
                byteCount <= UInt64(Int.max / 2)
            else { return (1...1, 0..<0) }
            return (Int(line)...(Int(line) + Int(moreLines)), Int(byte)..<(Int(byte) + Int(byteCount)))
        }
    }

    /// How an index file lays out each compressed column's blocks.
    public static let boundsLayout = CompressedStrings.Layout.passageBounds
    public static let sectionLayout = CompressedStrings.Layout.frontCoded
    public static let idLayout = CompressedStrings.Layout.frontCoded

    /// The same passages with their text as it is and their other string
    /// columns compressed (as an index file stores them).
    public func withCompressedColumns() -> PassageList {
        PassageList(
            documents: documents, bounds: .compressed(bounds.compressed(layout: Self.boundsLayout)), texts: texts,
            sections: .compressed(sections.compressed(layout: Self.sectionLayout)), ids: .compressed(ids.compressed(layout: Self.idLayout)),
            flags: flags)
    }

    /// The same passages without their text (what an index keeps), their
    /// other string columns compressed (as an index file stores them).
    public func withoutTexts() -> PassageList {
        PassageList(
            documents: documents, bounds: .compressed(bounds.compressed(layout: Self.boundsLayout)), texts: nil,
            sections: .compressed(sections.compressed(layout: Self.sectionLayout)), ids: .compressed(ids.compressed(layout: Self.idLayout)),
            flags: flags)
    }

    public func section(_ i: Int) -> [String] {
        sections.withBytes(i) { bytes in
            guard !bytes.isEmpty else { return [] }
            return bytes.split(separator: Self.headingSeparator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Bytes of headings, each followed by a line break (as `anchors.py`
    /// counts title + "\n" + text): `Corpus.textByteCount` less the text.
    public var headingByteCount: Int { sections.byteCount + sections.nonEmptyCount }

    /// Collects passages column by column.
    public struct Builder {
        let documents = FlatArrayBuilder<Int32>()
        var bounds = StringTable.Builder()
        var texts = StringTable.Builder()
        /// Rows were appended from a list without text: the result has none.
        var withoutTexts = false
        var sections = StringTable.Builder()
        var ids = StringTable.Builder()
        let flags = FlatArrayBuilder<UInt8>()

        public init() {}

        public var count: Int { documents.count }

        public mutating func append(_ p: Passage) {
            append(
                document: p.document, id: p.id, section: p.section, text: p.text, lines: p.lines, bytes: p.bytes,
                isVerbatim: p.isVerbatim, anchor: p.anchor, isTerm: p.isTerm)
        }

        /// Appends a passage given by its parts (no `Passage` value made).
        public mutating func append(
            document: Int, id: String?, section: [String], text: String,
            lines: ClosedRange<Int>, bytes: Range<Int>, isVerbatim: Bool = false, anchor: String? = nil,
            isTerm: Bool = false
        ) {
            documents.append(Int32(document))
            var record: [UInt8] = []
            VarInt.append(UInt64(Swift.max(0, lines.lowerBound)), to: &record)
            VarInt.append(UInt64(Swift.max(0, lines.upperBound - lines.lowerBound)), to: &record)
            VarInt.append(UInt64(Swift.max(0, bytes.lowerBound)), to: &record)
            VarInt.append(UInt64(Swift.max(0, bytes.count)), to: &record)
            bounds.append(record)
            texts.append(text)
            appendSection(section)
            ids.append(id ?? anchor ?? "")
            flags.append(
                (id == nil ? 0 : PassageList.hasIDFlag) | (isVerbatim ? PassageList.verbatimFlag : 0)
                    | (isTerm ? PassageList.termFlag : 0))
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
            appendColumns(rows: rows, of: list)
        }

        /// Appends passages `rows` of `list` as they are, in bulk, each in its
        /// document's number plus `documentOffset` (a run of whole documents
        /// that keep their order).
        public mutating func append(rows: Range<Int>, of list: PassageList, documentOffset: Int32) {
            for p in rows { documents.append(list.documents[p] + documentOffset) }
            appendColumns(rows: rows, of: list)
        }

        private mutating func appendColumns(rows: Range<Int>, of list: PassageList) {
            Self.append(rows: rows, of: list.bounds, to: &bounds)
            if let listTexts = list.texts, !withoutTexts { Self.append(rows: rows, of: listTexts, to: &texts) } else { withoutTexts = true }
            Self.append(rows: rows, of: list.sections, to: &sections)
            Self.append(rows: rows, of: list.ids, to: &ids)
            flags.append(contentsOf: UnsafeBufferPointer(rebasing: list.flags.buffer[rows]))
        }

        /// Copies strings `rows` of a column: in one piece when it is plain.
        private static func append(rows: Range<Int>, of column: StringColumn, to builder: inout StringTable.Builder) {
            if case .plain(let table) = column {
                builder.append(rows: rows, of: table)
            } else {
                var reader = column.reader()  // each block decoded once, no lock
                for i in rows { reader.withBytes(i) { builder.append($0) } }
            }
        }

        public func build() -> PassageList {
            PassageList(
                documents: documents.build(), bounds: .plain(bounds.build()),
                texts: withoutTexts ? nil : .plain(texts.build()), sections: .plain(sections.build()), ids: .plain(ids.build()),
                flags: flags.build())
        }
    }
}
