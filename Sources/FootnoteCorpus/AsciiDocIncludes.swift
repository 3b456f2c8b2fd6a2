#if canImport(Glibc)
import Glibc
#endif

/// AsciiDoc sources share text through `include::fragment.txt[]` lines. git's
/// documentation ships 50 such fragments beside its pages
/// (`merge-options.txt`, `diff-options.txt`, the `cmds-*.txt` command lists),
/// each without a page of its own: its text is already in every page whose
/// source includes it (`git-merge.html`, `git-pull.html`). Indexed alone, a
/// fragment is one more copy of that text, cited under no page's title,
/// and often the first answer.
///
/// A fragment here is a file of the corpus named by an include line of a
/// source that `RenderedSources` passes over (its page is indexed instead),
/// or of another fragment: its text reaches a reader through that page.
enum AsciiDocIncludes {
    /// Extensions of AsciiDoc sources that may hold include lines.
    static let sourceExtensions = [".txt", ".adoc", ".asciidoc"]

    static func isSource(_ path: String) -> Bool {
        let lower = path.lowercased()
        return sourceExtensions.contains { lower.hasSuffix($0) }
    }

    /// The targets of the include lines of `bytes` (lines starting
    /// `include::`, up to the `[`), as written: relative to the including
    /// file's folder. Targets naming an attribute (`{build_dir}/x.txt`) or an
    /// absolute path are left out: they cannot be resolved here.
    static func targets(in bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { text in
            var found: [String] = []
            guard let base = text.baseAddress else { return found }
            let marker = Array("include::".utf8)
            let n = text.count
            var lineStart = 0
            while lineStart < n {
                let lineEnd = memchr(base + lineStart, 0x0A, n - lineStart).map { UnsafeRawPointer(base).distance(to: $0) } ?? n
                if lineEnd - lineStart > marker.count && base[lineStart] == UInt8(ascii: "i")
                    && text[lineStart..<lineStart + marker.count].elementsEqual(marker)
                {
                    let from = lineStart + marker.count
                    if let bracket = text[from..<lineEnd].firstIndex(of: UInt8(ascii: "[")), bracket > from {
                        let target = String(decoding: text[from..<bracket], as: UTF8.self)
                        if !target.contains("{") && !target.hasPrefix("/") { found.append(target) }
                    }
                }
                lineStart = lineEnd + 1
            }
            return found
        }
    }

    /// `target` resolved against the folder of `includer` (both relative to
    /// the corpus root); nil when it climbs out of the root.
    static func resolve(_ target: String, from includer: String) -> String? {
        var parts = includer.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Of the `candidates` (relative paths of files kept so far), those
    /// included from `includers` (sources passed over for their pages), and
    /// through them from fragments, with the includer that names each.
    /// Reads the includers and the fragments found, nothing else; `read`
    /// gives a file's bytes by relative path (nil when unreadable).
    static func fragments(
        of candidates: Set<String>, includedFrom includers: [String],
        read: (String) -> [UInt8]?
    ) -> [String: String] {
        var found: [String: String] = [:]
        var queue = includers
        var next = 0
        while next < queue.count {
            let includer = queue[next]
            next += 1
            guard let bytes = read(includer) else { continue }
            for target in targets(in: bytes) {
                guard let path = resolve(target, from: includer), candidates.contains(path), found[path] == nil else { continue }
                found[path] = includer
                if isSource(path) { queue.append(path) }
            }
        }
        return found
    }
}
