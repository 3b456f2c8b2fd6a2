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
    /// and a notice for each source passed over.
    static func passingOver(_ entries: [CorpusWalker.Entry]) -> (kept: [CorpusWalker.Entry], passedOver: [CorpusNotice]) {
        let paths = Set(entries.map(\.relativePath))
        var kept: [CorpusWalker.Entry] = [], passedOver: [CorpusNotice] = []
        for entry in entries {
            if let page = renderedPage(of: entry.relativePath), paths.contains(page) {
                passedOver.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "the source of \(page), which is indexed instead"))
            } else {
                kept.append(entry)
            }
        }
        return (kept, passedOver)
    }
}
