import FootnoteAnswer

/// One answer as one line of JSON (the `--json` schema in the README):
/// `{"question", "answers": [{"rank", "file" (relative to the corpus), "path" (openable from the current folder), "lines" (or "pages" for a PDF, "paragraphs" for .docx/.odt, "chapters" for .epub), "section"[, "id"], "score",
/// "excerpt", "highlights"}][, "corrections": [{"word", "searched"}]][, "unknown": [word]][, "reading"][, "carried": [word]]
/// [, "carried_weights": {word: weight}][, "replaced": [word]][, "context_tried": true],
/// "notice", "confidence"[, "evidence": {"coverage", "matched", "known", "corrected", "unknown_names", "heading"}]}`
/// (the optional lists only when not empty; "evidence", what the confidence was
/// calibrated from, when a passage matched).
/// Strings are escaped per RFC 8259 (all controls as `\uXXXX` or short forms),
/// so no corpus byte reaches the terminal raw.
enum JSONAnswerWriter {
    /// `"lines":[first,last]`, or `"pages"` for a PDF, `"paragraphs"` for a
    /// Word or OpenDocument file, `"chapters"` for an EPUB book.
    static func span(_ citation: Citation) -> String {
        let key: String
        switch citation.unit {
        case .lines: key = "lines"
        case .pages: key = "pages"
        case .paragraphs: key = "paragraphs"
        case .chapters: key = "chapters"
        }
        return "\"\(key)\":[\(citation.lines.lowerBound),\(citation.lines.upperBound)]"
    }

    /// - Parameter paths: how `"path"` names each file (openable from the current folder); `"file"` is relative to the corpus.
    static func line(for answer: Answer, paths: OpenablePaths = .asCited, extra: [(String, String)] = []) -> String {
        var out = "{"
        for (key, rawJSON) in extra { out += quote(key) + ":" + rawJSON + "," }
        out += "\"question\":" + quote(answer.question) + ",\"answers\":["
        for (n, item) in answer.items.enumerated() {
            if n > 0 { out += "," }
            out += "{\"rank\":\(item.rank),\"file\":" + quote(item.citation.file) + ",\"path\":" + quote(paths.path(item.citation.file))
            out += "," + span(item.citation)
            out += ",\"section\":" + quote(item.citation.section)
            if let id = item.citation.id { out += ",\"id\":" + quote(id) }
            if let anchor = item.citation.anchor { out += ",\"anchor\":" + quote(anchor) }
            out += ",\"score\":" + number(item.score)
            out += ",\"excerpt\":" + quote(item.excerpt.text)
            out += ",\"highlights\":[" + item.excerpt.highlights.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
            if !item.alsoIn.isEmpty {
                out +=
                    ",\"also_in\":["
                    + item.alsoIn.map {
                        "{\"file\":" + quote($0.file) + "," + span($0) + "}"
                    }.joined(separator: ",") + "]"
            }
            out += "}"
        }
        out += "]"
        if !answer.corrections.isEmpty {
            out +=
                ",\"corrections\":["
                + answer.corrections.map { "{\"word\":" + quote($0.word) + ",\"searched\":" + quote($0.replacement) + "}" }
                .joined(separator: ",") + "]"
        }
        if !answer.unknownWords.isEmpty { out += ",\"unknown\":[" + answer.unknownWords.map(quote).joined(separator: ",") + "]" }
        if let asked = answer.askedBytes { out += ",\"asked_bytes\":\(asked)" }
        if let reading = answer.reading { out += ",\"reading\":" + quote(reading.rawValue) }
        if !answer.carriedWords.isEmpty { out += ",\"carried\":[" + answer.carriedWords.map(quote).joined(separator: ",") + "]" }
        if !answer.carried.isEmpty {
            out +=
                ",\"carried_weights\":{"
                + answer.carried.map { quote($0.term.word.isEmpty ? $0.term.text : $0.term.word) + ":" + number($0.weight) }
                .joined(separator: ",") + "}"
        }
        if !answer.replacedWords.isEmpty { out += ",\"replaced\":[" + answer.replacedWords.map(quote).joined(separator: ",") + "]" }
        if answer.contextTried { out += ",\"context_tried\":true" }
        out += ",\"notice\":" + (answer.notice.map { quote($0.message) } ?? "null")
        out += ",\"confidence\":" + number(answer.confidence)
        if let e = answer.evidence {
            out += ",\"evidence\":{\"coverage\":" + number(e.coverage) + ",\"matched\":" + number(e.matchedShare)
            out +=
                ",\"known\":" + number(e.knownTerms) + ",\"corrected\":\(e.corrected),\"unknown_names\":\(e.unknownNames),\"heading\":"
                + number(e.headingMatch) + "}"
        }
        return out + "}"
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A score with 4 decimals (finite by construction).
    static func number(_ x: Float) -> String {
        guard x.isFinite else { return "0" }
        let scaled = (Double(x) * 10000).rounded() / 10000
        return "\(scaled)"
    }
}
