/// The text a reader of a reStructuredText block sees, without its markup:
/// what `RestructuredTextParser` indexes and cites (a block whose text
/// changes is no longer verbatim: it is cut again from the file when shown).
///
/// - Roles: `` :func:`os.path.join` `` → `os.path.join`; `` :ref:`the guide <guide>` ``
///   → `the guide`; a leading `~` or `!` in the target goes.
/// - Literals ``` ``x`` ``` → `x`; links `` `text <url>`_ `` → `text`; `` `word`_ `` and
///   `word_` references → `word`; `*emphasis*` and `**strong**` keep their words.
/// - Field lists: `:param x: the value` → `param x: the value`.
/// - Directives (`.. name:: argument`, its `:option:` lines and body):
///   - dropped whole: comments, targets (`.. _label:`), `index`, `highlight`,
///     `include`, `image`, `raw`, `meta`, `toctree`, `module`, `currentmodule`,
///     `sectionauthor`, `moduleauthor`, `testsetup`, `testcleanup`, `contents`;
///   - an API signature (`function`, `method`, `class`, `attribute`, `data`,
///     `exception`, `decorator`, `option`, `cmdoption`, `envvar`, `describe`,
///     and any `domain:name`) becomes a term (`Block.Kind.term`: its
///     description, the indented block after it, stays with it): `f(x)`;
///   - admonitions and notes keep their text after a label: `Note: …`,
///     `New in version 3.2.`, `Deprecated since version 3.9: …`;
///   - others (`code-block`, `versionadded` …) lose the directive line, keep their body.
enum RestructuredTextMarkup {
    enum Reading: Equatable {
        /// The block's text, cleaned (the same string when it had no markup).
        case text(String)
        /// A signature: a term for the description that follows.
        case term(String)
        /// Nothing a reader sees.
        case dropped
    }

    static let droppedDirectives: Set<String> = [
        "index", "highlight", "include", "image", "raw", "meta", "toctree", "module", "currentmodule", "sectionauthor",
        "moduleauthor", "testsetup", "testcleanup", "contents", "literalinclude", "figure", "only", "tabularcolumns",
        "default-role", "role", "program", "productionlist", "autosummary",
    ]
    static let signatureDirectives: Set<String> = [
        "function", "method", "classmethod", "staticmethod", "class", "attribute", "data", "exception", "decorator",
        "decoratormethod", "option", "cmdoption", "envvar", "describe", "object", "opcode", "pdbcommand", "coroutinefunction",
        "coroutinemethod", "abstractmethod", "property", "type", "macro", "member", "var", "struct",
    ]
    static let labels: [String: String] = [
        "note": "Note:", "warning": "Warning:", "tip": "Tip:", "important": "Important:", "caution": "Caution:",
        "danger": "Danger:", "hint": "Hint:", "attention": "Attention:", "error": "Error:", "seealso": "See also:",
        "versionadded": "New in version", "versionchanged": "Changed in version", "deprecated": "Deprecated since version",
        "deprecated-removed": "Deprecated since version",
    ]

    /// How a reader sees `block` (a paragraph or list chunk of a reST file).
    static func reading(_ block: String) -> Reading {
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return .text(block) }
        let head = first.trimmingWhitespace()
        if head.hasPrefix("..") {
            guard let (name, argument) = directive(head) else { return .dropped }  // a comment or a target
            if droppedDirectives.contains(name) { return .dropped }
            lines.removeFirst()
            // The directive's options, then its body.
            while let next = lines.first, next.trimmingWhitespace().hasPrefix(":"), next.first == " " || next.first == "\t" {
                lines.removeFirst()
            }
            let body = lines.map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }.joined(separator: "\n")
            let bare = name.split(separator: ":").last.map(String.init) ?? name
            if signatureDirectives.contains(bare) && !argument.isEmpty {
                let signature = inline(argument)
                return body.isEmpty ? .term(signature) : .term(signature + "\n" + inline(body))
            }
            if let label = labels[bare] {
                let text =
                    ([label] + (argument.isEmpty ? [] : [argument + (label.hasSuffix(":") ? "" : ":")]) + (body.isEmpty ? [] : [body]))
                    .joined(separator: " ")
                return .text(inline(text))
            }
            return body.isEmpty ? (argument.isEmpty ? .dropped : .text(inline(argument))) : .text(inline(body))
        }
        let cleaned = lines.map { line -> String in
            // A field list item: `:param x: text` → `param x: text`.
            let trimmed = line.trimmingWhitespace()
            if let name = fieldName(trimmed) {
                let indent = line.prefix(while: { $0 == " " || $0 == "\t" })
                return indent + name + ":" + trimmed[trimmed.index(after: name.endIndex)...]
            }
            return line
        }.joined(separator: "\n")
        return .text(inline(cleaned))
    }

    /// The name of the field item `line` opens (`:param x: text` → `param x`), or nil.
    static func fieldName(_ line: Substring) -> Substring? {
        guard line.hasPrefix(":"), let close = line.dropFirst().firstIndex(of: ":"), close > line.index(after: line.startIndex) else {
            return nil
        }
        return line[line.index(after: line.startIndex)..<close]
    }

    /// `.. name:: argument` → (name, argument); nil for a comment or target.
    static func directive(_ line: Substring) -> (String, String)? {
        let rest = line.dropFirst(2).trimmingWhitespace()
        guard let marker = rest.range(of: "::") else { return nil }
        let name = rest[..<marker.lowerBound]
        guard !name.isEmpty, !name.contains(" "), !name.hasPrefix("_"), !name.hasPrefix("|"), !name.hasPrefix("[") else { return nil }
        return (String(name).lowercased(), String(rest[marker.upperBound...].trimmingWhitespace()))
    }

    /// The inline markup of `text` resolved to what it displays.
    static func inline(_ text: String) -> String {
        var out = ""
        var s = Substring(text)
        while let c = s.first {
            // A role: `:name:` then a backquoted target.
            if c == ":", let (shown, after) = role(s) {
                out += shown
                s = after
                continue
            }
            if s.hasPrefix("``"), let close = s.dropFirst(2).range(of: "``") {
                out += s[s.index(s.startIndex, offsetBy: 2)..<close.lowerBound]
                s = s[close.upperBound...]
                continue
            }
            if c == "`", let close = s.dropFirst().firstIndex(of: "`") {
                out += shown(s[s.index(after: s.startIndex)..<close])
                s = s[s.index(after: close)...]
                while s.first == "_" { s = s.dropFirst() }
                continue
            }
            if (c == "*") && (out.last.map { $0 == " " || $0 == "\n" || $0 == "(" } ?? true) {
                let stars = s.prefix(while: { $0 == "*" }).count
                if stars <= 2, let close = s.dropFirst(stars).range(of: String(repeating: "*", count: stars)),
                    close.lowerBound > s.index(s.startIndex, offsetBy: stars), !s[s.index(s.startIndex, offsetBy: stars)].isWhitespace
                {
                    out += s[s.index(s.startIndex, offsetBy: stars)..<close.lowerBound]
                    s = s[close.upperBound...]
                    continue
                }
            }
            // `word_`: a reference; the underscore goes.
            if c == "_", let last = out.last, last.isLetter || last.isNumber,
                s.dropFirst().first.map({ $0 == " " || $0 == "\n" || $0 == "," || $0 == "." || $0 == ")" }) ?? true
            {
                s = s.dropFirst()
                continue
            }
            out.append(c)
            s = s.dropFirst()
        }
        return out
    }

    /// `:name:`target`` at the start of `s`: what it shows and the rest.
    static func role(_ s: Substring) -> (String, Substring)? {
        var i = s.index(after: s.startIndex)
        while i < s.endIndex,
            s[i].isLetter || s[i].isNumber || s[i] == "-" || s[i] == ":" && s.index(after: i) < s.endIndex && s[s.index(after: i)] != "`"
        {
            i = s.index(after: i)
        }
        guard i < s.endIndex, s[i] == ":", i > s.index(after: s.startIndex) else { return nil }
        let tick = s.index(after: i)
        guard tick < s.endIndex, s[tick] == "`", let close = s[s.index(after: tick)...].firstIndex(of: "`") else { return nil }
        return (shown(s[s.index(after: tick)..<close]), s[s.index(after: close)...])
    }

    /// A role's or link's target as displayed: `title <target>` → title; `~a.b` → `a.b`.
    static func shown(_ target: Substring) -> String {
        var t = target
        if t.hasSuffix(">"), let open = t.lastIndex(of: "<"), open > t.startIndex { t = t[..<open].trimmingWhitespace() }
        while t.first == "~" || t.first == "!" { t = t.dropFirst() }
        return String(t)
    }
}
