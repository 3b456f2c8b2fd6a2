import Foundation
@_exported import FootnoteTestSupport
@testable import FootnoteCorpus

/// Passages of a text parsed as `format`, through the real loader.
func passages(_ text: String, name: String = "doc.txt", builder: PassageBuilder = PassageBuilder()) throws -> [Passage] {
    let folder = TemporaryFolder()
    folder.write(name, text)
    return Array(try CorpusLoader(passageBuilder: builder).load(folder.path).passages)
}

/// Three one-line passages whose scores are computed by hand in the scoring
/// tests. Analyzed terms: p0 = [cat, sat, mat] (3), p1 = [cat, cat, hat] (3),
/// p2 = [dog, bark, loud, night] (4).
let threeScoredPassages = [
    Passage(document: 0, section: [], text: "The cat sat on the mat.", lines: 1...1, bytes: 0..<1),
    Passage(document: 0, section: [], text: "Cat, cat, hat.", lines: 2...2, bytes: 0..<1),
    Passage(document: 0, section: [], text: "Dogs bark loudly at night.", lines: 3...3, bytes: 0..<1),
]
