/// What `HTMLDocumentParser` notes about the text of the block it is reading,
/// beyond the text itself, to recognise two shapes pages give no tag for:
///
/// - **A bold paragraph is a heading.** `<p><b>(19) INSERT is really slow</b></p>`
///   before its answer (SQLite's FAQ, release notes, many hand-written pages):
///   a paragraph whose every word is inside `<b>` or `<strong>`, of at most
///   `maxHeadingWords` words, not ending in `:` (a label such as
///   `Default:` or `Details:` introduces only what follows it), outside tables
///   (a bold row is a table's header), but for the question row of a DocBook
///   FAQ (`<tr class="question">`: "5.2. With Memcheck's memory leak
///   detector, what's the difference between…?"), which may run to
///   `maxQuestionWords` words. It becomes a heading one level below the
///   page's last real heading, so the text after it is cited under it and
///   the next real heading closes it.
/// - **A list of in-page links is a table of contents.** A list whose every
///   item's text is a link to a fragment of the same page (`href="#q19"`), of
///   at least `minContentsItems` items, repeats the headings it points to: the
///   FAQ's question list, a page's "Contents" box without a class to say so.
///   It is dropped, so the headings' words are not counted twice.
struct HTMLBlockEvidence {
    static let maxHeadingWords = 25
    /// A FAQ's question may be longer: "My program uses the C++ STL and string classes. Valgrind reports…" is 28 words.
    static let maxQuestionWords = 60
    static let minContentsItems = 3

    /// Open `<b>`/`<strong>` elements.
    private(set) var boldDepth = 0
    /// Open `<a href="#…">` elements.
    private(set) var localLinkDepth = 0
    /// Open `<table>` elements.
    private(set) var tableDepth = 0
    /// The current block is a FAQ's question row (`<tr class="question">`): bold, it is a heading even in a table.
    var questionRow = false

    /// The current block has text inside bold markup / outside it.
    private var boldText = false
    private var plainText = false
    /// The current list: items begun, and whether any item has text outside an in-page link.
    private var items = 0
    private var textOutsideLocalLinks = false

    static let boldKeys: Set<UInt64> = [HTMLTagRole.key("b".utf8), HTMLTagRole.key("strong".utf8)]
    static let linkKey = HTMLTagRole.key("a".utf8)
    static let tableKey = HTMLTagRole.key("table".utf8)

    /// An inline or block start tag was read; `localHref`: an `<a>` whose href starts with `#`.
    mutating func opened(_ key: UInt64, localHref: Bool) {
        if Self.boldKeys.contains(key) {
            boldDepth += 1
        } else if key == Self.linkKey {
            if localHref || localLinkDepth > 0 { localLinkDepth += 1 }
        } else if key == Self.tableKey {
            tableDepth += 1
        }
    }

    mutating func closed(_ key: UInt64) {
        if Self.boldKeys.contains(key) {
            boldDepth = max(boldDepth - 1, 0)
        } else if key == Self.linkKey {
            localLinkDepth = max(localLinkDepth - 1, 0)
        } else if key == Self.tableKey {
            tableDepth = max(tableDepth - 1, 0)
        }
    }

    /// Text (not whitespace) was added to the current block.
    mutating func sawText() {
        if boldDepth > 0 { boldText = true } else { plainText = true }
        if localLinkDepth == 0 { textOutsideLocalLinks = true }
    }

    /// A list item began.
    mutating func beganItem() { items += 1 }

    /// Whether the paragraph just read, `text`, is a bold heading.
    func isBoldHeading(_ text: [UInt8]) -> Bool {
        guard boldText, !plainText, tableDepth == 0 || questionRow, let last = text.last, last != UInt8(ascii: ":") else { return false }
        var words = 1
        for b in text where b == UInt8(ascii: " ") {
            words += 1
            if words > (questionRow ? Self.maxQuestionWords : Self.maxHeadingWords) { return false }
        }
        return true
    }

    /// Whether the list just read is a table of contents of the page.
    var isLocalContents: Bool { items >= Self.minContentsItems && !textOutsideLocalLinks }

    /// A block was emitted or dropped: the next one starts with no evidence (open tags stay open).
    mutating func endedBlock() {
        questionRow = false
        boldText = false
        plainText = false
        items = 0
        textOutsideLocalLinks = false
    }
}
