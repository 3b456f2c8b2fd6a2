import FootnoteStorage

/// Which parts of an HTML page are furniture, not content: what
/// `HTMLDocumentParser` drops, and which element holds the main content.
///
/// Taken from the pages documentation generators write, as Debian ships
/// them: Sphinx (`div.sphinxsidebar`, `div.related`, `a.headerlink`,
/// `role="main"`, the general index's `genindextable`), MkDocs
/// (`md-sidebar`, `md-header`, `md-footer`), Read the Docs (`wy-nav-side`,
/// `rst-footer-buttons`), DocBook (`navheader`, `navfooter`, `toc`, the book
/// index's `indexdiv`), asciidoc (`#footer`, `#toc`), Doxygen (`#nav-tree`,
/// `navpath`), Javadoc (`topNav`, `subNav`, `bottomNav`), Node's API pages
/// (`#column2`, `#toc`, `a.mark`), SQLite's (`div.nosearch`, `menu`),
/// Texinfo's (`div.header`, `div.nav-panel`, on pages makeinfo wrote),
/// Publican's (`ul.docnav`, `#banner`; its `div.sidebar` is content, as
/// DocBook's is), the Apache HTTP Server manual's ("Available Languages:
/// en | fr | …", `div.toplang` and `div.bottomlang`) and rustdoc's (each
/// item's "1.0.0 · source · [−]", `span.out-of-band` and `span.rightside`;
/// "Expand description", `summary.hideme`; an example's "Run" link,
/// `a.test-arrow`; the "Notable traits" tooltips).
/// Class names are matched token by token, ids and roles whole, all
/// case-insensitively.
enum HTMLBoilerplate {
    /// A start tag's `class`, `id`, `role`, `href` and `name` values, as byte ranges of the page.
    struct Attributes {
        var `class`: Range<Int>?
        var id: Range<Int>?
        var role: Range<Int>?
        var href: Range<Int>?
        var name: Range<Int>?
        var content: Range<Int>?
    }

    static let classKey = HTMLTagRole.key("class".utf8)
    static let idKey = HTMLTagRole.key("id".utf8)
    static let roleKey = HTMLTagRole.key("role".utf8)
    static let hrefKey = HTMLTagRole.key("href".utf8)
    static let nameKey = HTMLTagRole.key("name".utf8)
    static let contentKey = HTMLTagRole.key("content".utf8)

    /// Elements dropped whatever their attributes: navigation and forms, and
    /// what is drawn or clicked rather than read: an `<svg>` diagram's labels
    /// (SQLite's syntax diagrams spell each keyword of a statement again) and
    /// a `<button>`'s caption ("hide", "copy").
    static let droppedTags: Set<UInt64> = Set(["nav", "aside", "footer", "form", "svg", "button"].map { HTMLTagRole.key($0.utf8) })

    /// Elements with no end tag: never the start of a dropped or main region.
    static let voidTags: Set<UInt64> = Set(
        "area base br col embed hr img input link meta source track wbr param keygen"
            .split(separator: " ").map { HTMLTagRole.key($0.utf8) })

    static let droppedRoles: Set<String> = ["navigation", "search", "banner", "contentinfo", "complementary"]

    static let droppedClasses: Set<String> = [
        "sphinxsidebar", "sphinxsidebarwrapper", "related", "headerlink", "navheader", "navfooter", "navbar",
        "nav", "navigation", "sidebar", "toc", "toctree-wrapper", "table-of-contents", "breadcrumb", "breadcrumbs",
        "footer", "mobile-nav", "menu", "submenu", "searchmenu", "searchbox", "search", "skip-link", "skiplink",
        "version_switcher_placeholder", "language_switcher_placeholder", "nosearch", "md-sidebar", "md-header",
        "md-footer", "md-tabs", "wy-nav-side", "wy-nav-top", "rst-footer-buttons", "prev-next", "topnav", "subnav",
        "bottomnav", "navpath", "permalink", "anchorjs-link", "docnav", "toplang", "bottomlang",
        "out-of-band", "rightside", "srclink", "hideme", "test-arrow", "notable-traits",
        // Generated indexes (Sphinx's genindex and module index, DocBook's
        // bookindex): links to where a word is treated, not its treatment.
        "genindextable", "indextable", "modindextable", "indexdiv",
    ]

    /// Classes dropped only on `<a>`: permalink marks beside headings.
    static let droppedLinkClasses: Set<String> = ["anchor", "mark"]

    static let droppedIDs: Set<String> = [
        "toc", "sidebar", "navigation", "nav", "navbar", "footer", "column2", "searchmenu", "submenu", "search",
        "breadcrumbs", "table-of-contents", "nav-tree", "side-nav", "topnav", "subnav", "bottomnav", "skip-link",
        "banner",
    ]

    static let linkKey = HTMLTagRole.key("a".utf8)
    static let mainKey = HTMLTagRole.key("main".utf8)
    static let spanKey = HTMLTagRole.key("span".utf8)

    /// Whether the element is Doxygen's badges beside a page's title
    /// ("Json::CharReader Class Reference" + "abstract", which would read "Referenceabstract").
    static func isTitleBadge(_ tag: UInt64, _ attributes: Attributes, in page: UnsafeBufferPointer<UInt8>) -> Bool {
        tag == spanKey && hasClass("mlabels", attributes, in: page)
    }

    static func isVoid(_ tag: UInt64) -> Bool { voidTags.contains(tag) }

    /// The program that wrote a page, where it changes what is furniture
    /// (its `<meta name="generator">`): classes and ids that are furniture
    /// on its pages only, and classes of `droppedClasses` that are content there.
    enum Generator {
        /// Texinfo's makeinfo: its "Next: …, Previous: …, Up: …" bar is a
        /// `div.header` or `div.nav-panel`.
        case makeinfo
        /// DocBook's XSL stylesheets or Publican: a `div.sidebar` is a boxed
        /// aside of the text ("BACK TO BASICS Firewall: A firewall is…" in the
        /// Debian Administrator's Handbook), not a navigation column.
        case docBook
        /// Doxygen: the page's title is a `div.title` ("Json::Reader Class
        /// Reference") and a member's `h2.memtitle` is a level below the
        /// `<h2>` of its group; its `div.summary` ("Classes | Public Types |
        /// …") links to the page's own parts, a member's `p.definition`
        /// ("Definition at line 373 of file json_writer.cpp.") says where its
        /// code is, and `div#top` holds the project's banner, menus and path.
        /// (The title's `span.mlabels` badge, "abstract", is dropped by
        /// `HTMLDocumentParser`; a member's "override virtual" stays: dropping
        /// its lines would cut the member's passage in two at
        /// `PassageBuilder.droppedLinesGap`.)
        case doxygen

        /// Classes and ids that are furniture on this generator's pages, besides the common ones.
        var furniture: (classes: ByteKeyTable, ids: ByteKeyTable) {
            switch self {
            case .makeinfo: return (Tables.makeinfoClasses, Tables.none)
            case .docBook: return (Tables.none, Tables.none)
            case .doxygen: return (Tables.doxygenClasses, Tables.doxygenIDs)
            }
        }

        /// Classes of `droppedClasses` that are content on this generator's pages.
        var contentClasses: ByteKeyTable { self == .docBook ? Tables.docBookContentClasses : Tables.none }
    }

    /// Whether the element opened by tag `tag` with `attributes` is furniture
    /// on a page `generator` wrote (nil: unknown).
    static func drops(
        _ tag: UInt64, _ attributes: Attributes, in page: UnsafeBufferPointer<UInt8>,
        generator: Generator? = nil
    ) -> Bool {
        if let furniture = generator?.furniture {
            if let id = attributes.id, furniture.ids.find(lowered(page, id)) != nil { return true }
            if let classes = attributes.class, anyToken(page, classes, in: furniture.classes) { return true }
        }
        // Sphinx's <aside class="footnote-list"> and each <aside class="footnote"> in it are content.
        if isFootnotes(attributes, in: page) || hasClass("footnote", attributes, in: page) { return false }
        if droppedTags.contains(tag) { return true }
        if let role = attributes.role, Tables.roles.find(lowered(page, role)) != nil { return true }
        if let id = attributes.id, Tables.ids.find(lowered(page, id)) != nil { return true }
        if let classes = attributes.class {
            let content = generator?.contentClasses
            var found = false
            forEachToken(page, classes) { token in
                if content?.find(token) != nil { return }
                if Tables.classes.find(token) != nil || (tag == linkKey && Tables.linkClasses.find(token) != nil) { found = true }
            }
            return found
        }
        return false
    }

    /// Whether a class token of `range` is in `table`.
    private static func anyToken(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in table: ByteKeyTable) -> Bool {
        var found = false
        forEachToken(page, range) { if table.find($0) != nil { found = true } }
        return found
    }

    /// The name sets as byte tables, looked up without making a String per tag.
    enum Tables {
        static let roles = ByteKeyTable(droppedRoles), ids = ByteKeyTable(droppedIDs), classes = ByteKeyTable(droppedClasses)
        static let linkClasses = ByteKeyTable(droppedLinkClasses), footnotes = ByteKeyTable(footnoteNames)
        static let makeinfoClasses = ByteKeyTable(["header", "nav-panel"])
        static let doxygenClasses = ByteKeyTable(["summary", "definition"]), doxygenIDs = ByteKeyTable(["top"])
        static let docBookContentClasses = ByteKeyTable(["sidebar"])
        static let none = ByteKeyTable([])
    }

    /// The generator a `<meta>` with `attributes` names, when it is one that
    /// matters (`name="Generator" content="makeinfo"`: a Texinfo manual's
    /// node; `content="DocBook XSL Stylesheets V1.79.2"` or `"publican v4.3.2"`).
    static func generator(_ attributes: Attributes, in page: UnsafeBufferPointer<UInt8>) -> Generator? {
        guard let name = attributes.name, let content = attributes.content,
            lowered(page, name).elementsEqual("generator".utf8)
        else { return nil }
        let value = lowered(page, content)
        if value.starts(with: "makeinfo".utf8) { return .makeinfo }
        if value.starts(with: "docbook xsl".utf8) || value.starts(with: "publican".utf8) { return .docBook }
        if value.starts(with: "doxygen".utf8) { return .doxygen }
        return nil
    }

    /// Whether `page` is a generated listing of source code rather than
    /// documentation, whose doc comments repeat the pages documenting that
    /// code: rustdoc's `src/…/*.rs.html` pages (`<body class="rustdoc
    /// source">`, `"rustdoc src"` in later versions; in Debian's rust-doc 607
    /// pages, 76 MB of 456, cited for "What is the difference between String
    /// and &str?"), javadoc's `src-html/` pages (`<body class="source-page">`,
    /// cited first for "What does StringUtils.abbreviate do?") and Doxygen's
    /// `*_source.html` (numbered lines, the first anchored `l00001`). Looks at
    /// the first `sniffBytes` bytes only.
    static func isSourceListing(_ page: [UInt8]) -> Bool {
        page.withUnsafeBufferPointer { all in
            let head = UnsafeBufferPointer(rebasing: all.prefix(sniffBytes))
            return sourceListingBodies.contains { contains(head, $0) }
        }
    }
    static let sniffBytes = 16_384
    static let sourceListingBodies: [StaticString] = [
        "<body class=\"rustdoc source\"", "<body class=\"rustdoc src\"",
        "<body class=\"source-page\"", "<div class=\"line\"><a name=\"l00001\">",
        "<div class=\"line\"><a id=\"l00001\" name=\"l00001\">",
    ]

    /// `page[range]` lowercased (ASCII), at most 64 bytes (longer values match no name).
    private static func lowered(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        guard range.count <= 64 else { return [] }
        return page[range].map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
    }

    /// Calls `body` with each whitespace-separated token of `page[range]`, lowercased.
    private static func forEachToken(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
    {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var n = 0
            func flush() {
                if n > 0 && n <= 64 { body(UnsafeBufferPointer(rebasing: buffer[0..<n])) }
                n = 0
            }
            for k in range {
                let b = page[k]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C { flush(); continue }
                if n < 64 { buffer[n] = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }
                n += 1
            }
            flush()
        }
    }

    static let footnoteNames: Set<String> = ["footnotes", "footnote-list"]

    static func hasClass(_ name: String, _ attributes: Attributes, in page: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let classes = attributes.class else { return false }
        let wanted = Array(name.utf8)
        var found = false
        forEachToken(page, classes) { if $0.elementsEqual(wanted) { found = true } }
        return found
    }

    /// Whether the element is a page's footnotes (`div.footnotes` of DocBook,
    /// `#footnotes` of asciidoc, Sphinx's `aside.footnote-list`): they are
    /// read under a heading of their own, not the page's last section.
    static func isFootnotes(_ attributes: Attributes, in page: UnsafeBufferPointer<UInt8>) -> Bool {
        if let id = attributes.id, Tables.footnotes.find(lowered(page, id)) != nil { return true }
        guard let classes = attributes.class else { return false }
        var found = false
        forEachToken(page, classes) { if Tables.footnotes.find($0) != nil { found = true } }
        return found
    }

    /// Whether the element opened by `tag` with `attributes` is the page's main content.
    static func isMain(_ tag: UInt64, _ attributes: Attributes, in page: UnsafeBufferPointer<UInt8>) -> Bool {
        if tag == mainKey { return true }
        if let role = attributes.role { return lowered(page, role) == Array("main".utf8) }
        return false
    }

    /// Whether the page marks its main content: a `<main` tag or a `role="main"` attribute anywhere.
    static func marksMain(_ page: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(page, "<main>") || contains(page, "<main ") || contains(page, "role=\"main\"") || contains(page, "role='main'")
            || contains(page, "role=main")
    }

    /// Whether `literal` occurs in `page` (ASCII letters compared case-insensitively).
    private static func contains(_ page: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount, pattern = literal.utf8Start
        guard page.count >= count else { return false }
        let first = pattern[0]
        var k = 0
        while k <= page.count - count {
            if page[k] == first {
                var j = 1
                while j < count && (page[k + j] | 0x20) == (pattern[j] | 0x20) { j += 1 }
                if j == count { return true }
            }
            k += 1
        }
        return false
    }
}
