import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// A small corpus of every format, with shared and unique words, a file that
/// is skipped and a `.jsonl` line that is malformed (so notices are stored too).
func writeMixedCorpus(_ folder: TemporaryFolder) {
    folder.write("a.md", "# Kettles\n\nA kettle boils water for tea.\n\n## Descaling\n\nVinegar removes limescale from the kettle.\n")
    folder.write("b.txt", "Teapots\n\nA teapot steeps leaves. Porcelain teapots keep heat.\n")
    folder.write(
        "c.html", "<html><head><title>Quokka</title></head><body><h1>Quokka</h1><p>The quokka lives on Rottnest island.</p></body></html>")
    folder.write(
        "d.jsonl",
        "{\"_id\": \"j1\", \"title\": \"Samovar\", \"text\": \"A samovar heats water for tea in Russia.\"}\nnot json\n"
            + "{\"_id\": \"j2\", \"title\": \"Gaiwan\", \"text\": \"A gaiwan is a lidded bowl for tea.\"}\n")
    folder.write("e.txt", "Matcha is whisked, not steeped, in a bowl.\n")
    folder.write("bin.dat", [0x00, 0x01, 0x02, 0xFF])
    folder.write("sub/f.rst", "Cups\n====\n\nCeramic cups hold tea. Glass cups show the colour.\n")
}

/// Asserts that two corpora and indexes are the same in every stored column,
/// and (when `texts`) that each passage's text reads the same from both —
/// from memory, or back from the corpus files.
func expectSame(
    _ a: (corpus: Corpus, index: InvertedIndex), _ b: (corpus: Corpus, index: InvertedIndex), texts: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let (x, y) = (a.index, b.index)
    #expect(Array(x.terms) == Array(y.terms), sourceLocation: sourceLocation)
    #expect(x.postingStart == y.postingStart, sourceLocation: sourceLocation)
    #expect(x.postingPassages == y.postingPassages, sourceLocation: sourceLocation)
    #expect(x.postingFrequency == y.postingFrequency, sourceLocation: sourceLocation)
    #expect(x.positionRuns == y.positionRuns, sourceLocation: sourceLocation)
    #expect(x.passageLength == y.passageLength, sourceLocation: sourceLocation)
    #expect(x.averagePassageLength == y.averagePassageLength, sourceLocation: sourceLocation)
    #expect(Array(x.vocabulary) == Array(y.vocabulary), sourceLocation: sourceLocation)
    #expect(x.vocabularyTerm == y.vocabularyTerm, sourceLocation: sourceLocation)
    #expect(x.documentWords == y.documentWords, sourceLocation: sourceLocation)
    func bare(_ list: PassageList) -> PassageList { list.texts == nil ? list : list.withoutTexts() }
    #expect(bare(a.corpus.passages) == bare(b.corpus.passages), sourceLocation: sourceLocation)
    if texts {
        for p in a.corpus.passages.indices where p < b.corpus.passages.count {
            let x = a.corpus.passageText(p), y = b.corpus.passageText(p)
            #expect(x == y && (try? x.get()) != nil, "passage \(p)", sourceLocation: sourceLocation)
        }
    }
    #expect(a.corpus.documents == b.corpus.documents, sourceLocation: sourceLocation)
    #expect(a.corpus.notices == b.corpus.notices, sourceLocation: sourceLocation)
    #expect(a.corpus.files.map(\.path) == b.corpus.files.map(\.path), sourceLocation: sourceLocation)
}

/// The hits of each question, from an engine over `corpus` and `index`.
func answers(_ corpus: Corpus, _ index: InvertedIndex, _ questions: [String]) -> [[Searcher.Hit]] {
    let engine = AnswerEngine(corpus: corpus, index: index)
    return questions.map { engine.searcher.search($0, top: 10).hits }
}

let teaQuestions = [
    "kettle water tea", "Which bowl has a lid?", "limescale vinegar", "quokka island", "porcelain teapot heat",
    "ceramic glass cups colour", "matcha whisk", "samovar Russia",
]

/// Sets a file's modification time (nanoseconds since the epoch).
func setModificationTime(_ path: String, _ nanoseconds: Int64) {
    var times = [
        timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000)),
        timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000)),
    ]
    utimensat(AT_FDCWD, path, &times, 0)
}

func modificationTime(_ path: String) -> Int64 {
    var st = stat()
    stat(path, &st)
    return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
}
