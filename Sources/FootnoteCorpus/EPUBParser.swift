import FootnoteAnalysis

/// Reads EPUB books (EPUB 2 and 3): the chapters in reading order (the
/// package's spine), each chapter's XHTML through `HTMLDocumentParser`. A
/// passage is cited by its chapter (`book.epub ch. 3`, `chs. 3–4`) under
/// the chapter's title and its headings.
///
/// - The package is found through `META-INF/container.xml`; its manifest
///   and spine give the chapters' files (`href`s relative to the package
///   file). The table of contents is left out of the text (the EPUB 3
///   navigation document, `properties="nav"`): it repeats the titles.
/// - Chapter N is the N-th file of the spine that has text (a cover image
///   counts none).
/// - A chapter's title comes from the table of contents (EPUB 3 `nav`, else
///   EPUB 2 `toc.ncx`): it heads the chapter's passages unless the chapter
///   opens with a heading of the same words, and the chapter's own headings
///   go one level under it when they start at level 1.
/// - A book with DRM (`META-INF/encryption.xml` encrypting a chapter; fonts
///   obfuscated by the IDPF or Adobe scheme do not count) is skipped with that reason.
/// Recognized by content too: the uncompressed `mimetype` member that opens
/// the zip (`application/epub+zip`).
struct EPUBParser: DocumentParser {
    var format: DocumentFormat { .epub }
    var extensions: [String] { ["epub"] }
    var input: DocumentInput { .binary }
    var citation: CitationUnit { .chapters }
    var titleTakesNameLine: Bool { false }

    func recognizes(head: ArraySlice<UInt8>) -> Bool {
        head.starts(with: [0x50, 0x4B, 0x03, 0x04]) && head.firstRange(of: Array("mimetypeapplication/epub+zip".utf8)) != nil
    }

    static let container = "urn:oasis:names:tc:opendocument:xmlns:container"
    static let package = "http://www.idpf.org/2007/opf"
    static let ncx = "http://www.daisy.org/z3986/2005/ncx/"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let ops = "http://www.idpf.org/2007/ops"
    static let encryption = "http://www.w3.org/2001/04/xmlenc#"
    /// Font obfuscation, not DRM: the IDPF's and Adobe's.
    static let fontObfuscation: Set<String> = ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]

    func parse(_ bytes: [UInt8]) -> DocumentParse { parse(bytes, expandingTo: ZipMembers.defaultLimit) }

    func parse(_ bytes: [UInt8], expandingTo limit: Int) -> DocumentParse {
        let members: [String: [UInt8]]
        switch ZipMembers.read(bytes, limit: limit, wanted: Self.isTextMember) {
        case .failure(let failure): return .skip(failure.reason(kind: "EPUB book"))
        case .success(let found): members = found
        }
        guard let containerXML = members["META-INF/container.xml"], let packagePath = Self.packagePath(containerXML) else {
            return .skip("damaged EPUB book: no package named in META-INF/container.xml")
        }
        guard let packageXML = members[packagePath] else { return .skip("damaged EPUB book: its package \(packagePath) is missing") }
        let book = Self.package(packageXML, at: Self.folder(of: packagePath))
        guard !book.spine.isEmpty else { return .skip("damaged EPUB book: \(packagePath) lists no chapters (an empty spine)") }
        if let encrypted = members["META-INF/encryption.xml"], Self.encryptsText(encrypted, chapters: Set(book.spine)) {
            return .skip("EPUB book with DRM: its chapters are encrypted")
        }
        var titles: [String: String] = [:]
        if let nav = book.navigation, let xml = members[nav] { titles = Self.navigationTitles(xml, at: Self.folder(of: nav)) }
        if titles.isEmpty, let toc = book.ncx, let xml = members[toc] { titles = Self.ncxTitles(xml, at: Self.folder(of: toc)) }

        var out: [Block] = []
        var chapter = 0, offset = 0
        for path in book.spine where path != book.navigation {
            guard let raw = members[path] else { continue }
            let text: [UInt8]
            switch TextDecoding.decode(raw, strict: false) {
            case .text(let decoded, _, _): text = decoded
            default: continue
            }
            var blocks = HTMLDocumentParser.parse(text, readsTitle: false)
            guard blocks.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { continue }
            chapter += 1
            let firstHeading = blocks.first { if case .heading = $0.kind { return true } else { return false } }
            if let title = titles[path], !title.isEmpty,
                firstHeading.map({ NumberedParagraphs.collapsed($0.text).lowercased() != title.lowercased() }) ?? true
            {
                let top = blocks.compactMap { if case .heading(let level) = $0.kind { return level } else { return nil } }.min()
                if top == 1 {
                    for b in blocks.indices { if case .heading(let level) = blocks[b].kind { blocks[b].kind = .heading(level: level + 1) } }
                }
                blocks.insert(Block(kind: .heading(level: 1), text: title, lines: 1...1, bytes: 0..<0, isVerbatim: false), at: 0)
            }
            for var block in blocks {
                let length = block.text.utf8.count
                block.lines = chapter...chapter
                block.bytes = offset..<(offset + length)
                block.sourceMarks = []
                block.anchor = nil
                offset += length + 1
                out.append(block)
            }
        }
        return out.isEmpty ? .skip("EPUB book with no text in its chapters (images only?)") : .blocks(out)
    }

    /// Members read: the XML ones (container, package, table of contents, chapters), not images, fonts or styles.
    static func isTextMember(_ name: String) -> Bool {
        guard let ext = DocumentFormat.fileExtension(name.lowercased()) else { return false }
        return ["xml", "opf", "ncx", "xhtml", "html", "htm", "xht"].contains(ext)
    }

    /// The package file's path, from `META-INF/container.xml`'s first `rootfile`.
    static func packagePath(_ xml: [UInt8]) -> String? {
        var found: String?
        _ = XMLStream.read(xml) { event in
            if found == nil, case .start(let name, let attributes) = event, name.is("rootfile", in: container),
                let path = attributes["full-path"], !path.isEmpty
            {
                found = path
            }
        }
        return found
    }

    struct Package: Equatable {
        /// The chapters' member paths, in reading order.
        var spine: [String] = []
        /// The EPUB 3 navigation document's member path.
        var navigation: String?
        /// The EPUB 2 `toc.ncx`'s member path.
        var ncx: String?
    }

    /// The spine and tables of contents of a package file in folder `folder`.
    static func package(_ xml: [UInt8], at folder: String) -> Package {
        var manifest: [String: (href: String, type: String)] = [:]
        var spineIDs: [String] = []
        var tocID: String?
        var book = Package()
        _ = XMLStream.read(xml) { event in
            guard case .start(let name, let attributes) = event, name.namespace == package else { return }
            switch name.local {
            case "item":
                guard let id = attributes["id"], let href = attributes["href"] else { return }
                let path = resolve(href, in: folder)
                manifest[id] = (path, attributes["media-type"] ?? "")
                if (attributes["properties"] ?? "").split(separator: " ").contains("nav") { book.navigation = path }
            case "spine": tocID = attributes["toc"]
            case "itemref": if let id = attributes["idref"] { spineIDs.append(id) }
            default: break
            }
        }
        book.spine = spineIDs.compactMap { id in
            // XHTML (or HTML, or XML with no better type); not an SVG page or an image.
            guard let item = manifest[id],
                item.type.isEmpty || item.type.contains("html") || item.type == "application/xml" || item.type == "text/xml"
            else { return nil }
            return item.href
        }
        book.ncx = tocID.flatMap { manifest[$0]?.href } ?? manifest.values.first { $0.type == "application/x-dtbncx+xml" }?.href
        return book
    }

    /// Chapter titles by member path from an EPUB 3 navigation document: the
    /// first link to each file in its `toc` `nav`.
    static func navigationTitles(_ xml: [UInt8], at folder: String) -> [String: String] {
        var titles: [String: String] = [:]
        var navDepth = 0, inTOC = false
        var link: (path: String, text: String)?
        _ = XMLStream.read(xml) { event in
            switch event {
            case .start(let name, let attributes) where name.namespace == xhtml:
                if name.local == "nav" {
                    navDepth += 1
                    if navDepth == 1 { inTOC = (attributes["type"] ?? "toc").split(separator: " ").contains("toc") }
                } else if name.local == "a", inTOC, let href = attributes["href"] {
                    link = (resolve(href, in: folder), "")
                }
            case .end(let name) where name.namespace == xhtml:
                if name.local == "nav" { navDepth -= 1; if navDepth == 0 { inTOC = false } }
                if name.local == "a", let l = link {
                    let text = NumberedParagraphs.collapsed(l.text)
                    if titles[l.path] == nil && !text.isEmpty { titles[l.path] = text }
                    link = nil
                }
            case .text(let text):
                link?.text += text
            default: break
            }
        }
        return titles
    }

    /// Chapter titles by member path from an EPUB 2 `toc.ncx`: each
    /// `navPoint`'s label, the first for each file.
    static func ncxTitles(_ xml: [UInt8], at folder: String) -> [String: String] {
        var titles: [String: String] = [:]
        var labels: [String] = []  // one per open navPoint
        var inText = false
        _ = XMLStream.read(xml) { event in
            switch event {
            case .start(let name, let attributes) where name.namespace == ncx:
                switch name.local {
                case "navPoint": labels.append("")
                case "text": inText = true
                case "content":
                    if let src = attributes["src"], let label = labels.last {
                        let path = resolve(src, in: folder), text = NumberedParagraphs.collapsed(label)
                        if titles[path] == nil && !text.isEmpty { titles[path] = text }
                    }
                default: break
                }
            case .end(let name) where name.namespace == ncx:
                if name.local == "navPoint" { _ = labels.popLast() }
                if name.local == "text" { inText = false }
            case .text(let text):
                if inText && !labels.isEmpty { labels[labels.count - 1] += text }
            default: break
            }
        }
        return titles
    }

    /// Whether `META-INF/encryption.xml` encrypts a chapter with something
    /// other than font obfuscation.
    static func encryptsText(_ xml: [UInt8], chapters: Set<String>) -> Bool {
        var algorithm = "", encrypted = false
        _ = XMLStream.read(xml) { event in
            guard case .start(let name, let attributes) = event, name.namespace == encryption else { return }
            if name.local == "EncryptionMethod" { algorithm = attributes["Algorithm"] ?? "" }
            if name.local == "CipherReference", let uri = attributes["URI"], !fontObfuscation.contains(algorithm),
                chapters.contains(resolve(uri, in: ""))
            {
                encrypted = true
            }
        }
        return encrypted
    }

    /// The folder part of a member path, with its slash (`OEBPS/` for `OEBPS/content.opf`), or "".
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The member path an `href` names from `folder`: its fragment dropped,
    /// percent escapes decoded, `.` and `..` steps taken.
    static func resolve(_ href: String, in folder: String) -> String {
        var target = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        target = percentDecoded(target)
        if target.hasPrefix("/") { target.removeFirst() } else { target = folder + target }
        var parts: [Substring] = []
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension DocumentFormat {
    /// An EPUB book: chapters in reading order, each read as HTML.
    public static let epub = DocumentFormat(rawValue: "epub")
}
