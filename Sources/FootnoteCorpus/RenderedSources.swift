/// Documentation folders often hold each page twice: as its source and as
/// the HTML rendered from it (git's `git-commit.txt` beside `git-commit.html`,
/// Sphinx's `_sources/library/os.rst.txt` for `library/os.html`). Indexing
/// both puts the same answer twice in every top 3, so the source is passed
/// over when its page is in the corpus: the HTML is the text as its readers
/// see it, without markup, with its anchors and term lists.
enum RenderedSources {
    /// Source extensions that a page is rendered from, longest first.
    static let sourceExtensions = [".rst.txt", ".asciidoc", ".markdown", ".adoc", ".txt", ".rst", ".md"]

    /// The path (relative, as listed) of the page rendered from `path`, if
    /// `path` names a source: the same name with `.html` for the extension,
    /// and without a `_sources` folder for a Sphinx source.
    static func renderedPage(of path: String) -> String? {
        let lower = path.lowercased()
        guard let ext = sourceExtensions.first(where: { lower.hasSuffix($0) }) else { return nil }
        var base = String(path.dropLast(ext.count))
        if ext == ".rst.txt" {
            if base.hasPrefix("_sources/") {
                base.removeFirst("_sources/".count)
            } else if let r = base.range(of: "/_sources/") {
                base.replaceSubrange(r, with: "/")
            }
        }
        return base + ".html"
    }

    /// The entries without the sources whose rendered page is also listed,
    /// nor the AsciiDoc fragments those sources include (`AsciiDocIncludes`),
    /// and a notice for each file passed over. Reads the passed-over AsciiDoc
    /// sources for their include lines only when an AsciiDoc source without
    /// a page is left, which could be a fragment; `read` gives a listed
    /// file's bytes by its entry.
    static func passingOver(
        _ entries: [CorpusWalker.Entry],
        read: (CorpusWalker.Entry) -> [UInt8]? = { entry in
            if case .success(let bytes) = CorpusLoader.readFile(entry.fullPath) { return bytes } else { return nil }
        }
    ) -> (kept: [CorpusWalker.Entry], passedOver: [CorpusNotice]) {
        let paths = Set(entries.map(\.relativePath))
        var kept: [CorpusWalker.Entry] = [], passedOver: [CorpusNotice] = []
        var includers: [String] = []
        for entry in entries {
            if let page = renderedPage(of: entry.relativePath), paths.contains(page) {
                passedOver.append(
                    CorpusNotice(.skipped, path: entry.relativePath, reason: "the source of \(page), which is indexed instead"))
                if AsciiDocIncludes.isSource(entry.relativePath) { includers.append(entry.relativePath) }
            } else {
                kept.append(entry)
            }
        }
        let candidates = Set(kept.lazy.map(\.relativePath).filter(AsciiDocIncludes.isSource))
        guard !includers.isEmpty, !candidates.isEmpty else { return (kept, passedOver) }
        let byPath = Dictionary(entries.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let fragments = AsciiDocIncludes.fragments(of: candidates, includedFrom: includers) { byPath[$0].flatMap(read) }
        guard !fragments.isEmpty else { return (kept, passedOver) }
        for entry in kept {
            if let includer = fragments[entry.relativePath] {
                let through =
                    fragments[includer] != nil ? "itself included in a page" : "whose page \(renderedPage(of: includer) ?? "") is indexed"
                passedOver.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "included by \(includer), \(through)"))
            }
        }
        kept.removeAll { fragments[$0.relativePath] != nil }
        return (kept, passedOver)
    }
}
