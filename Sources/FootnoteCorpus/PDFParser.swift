import CPoppler

/// Reads PDF through poppler (`libpoppler-glib`): each page's text in
/// reading order (poppler's, as `pdftotext` gives it: columns one after
/// the other), each line with its largest font size, and the outline
/// (bookmarks). `PDFLayout` makes the blocks; a passage cites its pages
/// (`manual.pdf p. 4`, `pp. 4–5`).
///
/// An encrypted PDF (one that needs a password to open) and an image-only
/// one (scanned pages, no text layer) are skipped with that reason.
struct PDFParser: DocumentParser {
    var format: DocumentFormat { .pdf }
    var extensions: [String] { ["pdf"] }
    /// `%PDF-` within the first 1,024 bytes, as PDF readers accept it.
    func recognizes(head: ArraySlice<UInt8>) -> Bool {
        let signature = Array("%PDF-".utf8)
        return head.prefix(1024).firstRange(of: signature) != nil
    }
    var input: DocumentInput { .binary }
    var citation: CitationUnit { .pages }
    var isCostly: Bool { true }

    func parse(_ bytes: [UInt8]) -> DocumentParse {
        switch PDFDocumentText.read(bytes) {
        case .failure(let failure): return .skip(failure.reason)
        case .success(let document):
            guard document.pages.contains(where: { $0.lines.contains { !$0.text.isEmpty } }) else {
                return .skip(
                    "image-only PDF: no text layer (\(document.pages.count) page\(document.pages.count == 1 ? "" : "s"); run OCR on it first, e.g. ocrmypdf)"
                )
            }
            return .blocks(PDFLayout.blocks(document))
        }
    }
}

extension DocumentFormat {
    public static let pdf = DocumentFormat(rawValue: "pdf")
}

/// What poppler gives of a PDF: its pages' lines and its outline.
struct PDFDocumentText: Equatable {
    struct Line: Equatable {
        var text: String
        /// The largest font size on the line, in points (0 when poppler gives none).
        var fontSize: Double
    }
    struct Page: Equatable {
        /// The page's lines in reading order; an empty line separates blocks of text.
        var lines: [Line]
    }
    struct OutlineEntry: Equatable {
        var title: String
        /// 1 for a top-level bookmark.
        var level: Int
        /// 1-based.
        var page: Int
    }
    var pages: [Page]
    var outline: [OutlineEntry]

    struct Failure: Error { var reason: String }

    /// The text of the PDF in `bytes`, or why it cannot be read.
    static func read(_ bytes: [UInt8]) -> Result<PDFDocumentText, Failure> {
        var error: UnsafeMutablePointer<GError>?
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            defer { if error != nil { g_error_free(error) } }
            if let e = error?.pointee, e.domain == poppler_error_quark(), e.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                return .failure(Failure(reason: "encrypted PDF: it needs a password to open"))
            }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unreadable"
            return .failure(Failure(reason: "damaged PDF: \(message)"))
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        var outline: [OutlineEntry] = []
        if let iterator = poppler_index_iter_new(document) {
            Self.walk(iterator, level: 1, document: document, into: &outline)
            poppler_index_iter_free(iterator)
        }
        // Font sizes only make headings when there is no outline: poppler's attribute runs cost a pass of their own.
        var pages: [Page] = []
        let count = Int(poppler_document_get_n_pages(document))
        for i in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(i)) else { pages.append(Page(lines: [])); continue }
            pages.append(Self.page(page, fontSizes: outline.isEmpty))
            g_object_unref(UnsafeMutableRawPointer(page))
        }
        return .success(PDFDocumentText(pages: pages, outline: outline))
    }

    /// A page's lines, each with the largest font size on it when `fontSizes` (else 0).
    /// Works on the UTF-8 bytes poppler gives: its attribute runs count
    /// characters, so a character starts at each byte that is not a continuation byte.
    private static func page(_ page: OpaquePointer, fontSizes: Bool) -> Page {
        guard let raw = poppler_page_get_text(page) else { return Page(lines: []) }
        defer { g_free(raw) }
        let text = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        var runs: [(start: Int, end: Int, size: Double)] = []
        if fontSizes, let list = poppler_page_get_text_attributes(page) {
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                if let a = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee {
                    runs.append((Int(a.start_index), Int(a.end_index), a.font_size))
                }
                node = n.pointee.next
            }
            poppler_page_free_text_attributes(list)
        }
        var lines: [Line] = []
        var start = 0, size = 0.0, character = -1, run = 0
        for i in 0...text.count {
            if i == text.count || text[i] == 0x0A {
                if i > start || i < text.count {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
                    lines.append(Line(text: String(line.trimmingWhitespace()), fontSize: size))
                }
                character += 1  // the line break is a character too
                start = i + 1
                size = 0
                continue
            }
            let byte = text[i]
            guard byte & 0xC0 != 0x80 else { continue }
            character += 1
            guard !runs.isEmpty, byte != 0x20, byte != 0x09 else { continue }
            while run < runs.count && runs[run].end < character { run += 1 }
            if run < runs.count && runs[run].start <= character { size = max(size, runs[run].size) }
        }
        if lines.last?.text.isEmpty == true && text.last == 0x0A { lines.removeLast() }
        return Page(lines: lines)
    }

    /// The outline entries under `iterator` (and their children), in order.
    private static func walk(_ iterator: OpaquePointer, level: Int, document: OpaquePointer, into out: inout [OutlineEntry]) {
        repeat {
            if let action = poppler_index_iter_get_action(iterator) {
                defer { poppler_action_free(action) }
                if action.pointee.type == POPPLER_ACTION_GOTO_DEST, let title = action.pointee.goto_dest.title {
                    var page = 0
                    if let dest = action.pointee.goto_dest.dest {
                        if dest.pointee.type == POPPLER_DEST_NAMED, let name = dest.pointee.named_dest,
                            let found = poppler_document_find_dest(document, name)
                        {
                            page = Int(found.pointee.page_num)
                            poppler_dest_free(found)
                        } else {
                            page = Int(dest.pointee.page_num)
                        }
                    }
                    let name = String(String(cString: title).trimmingWhitespace())
                    if page > 0 && !name.isEmpty { out.append(OutlineEntry(title: name, level: level, page: page)) }
                }
            }
            if level < 6, let child = poppler_index_iter_get_child(iterator) {
                walk(child, level: level + 1, document: document, into: &out)
                poppler_index_iter_free(child)
            }
        } while poppler_index_iter_next(iterator) != 0
    }
}
