import Foundation
@_exported import FootnoteTestSupport
@testable import FootnoteCore

/// Passages of a text parsed as `format`, through the real loader.
func passages(_ text: String, name: String = "doc.txt", builder: PassageBuilder = PassageBuilder()) throws -> [Passage] {
    let folder = TemporaryFolder()
    folder.write(name, text)
    return Array(try CorpusLoader(passageBuilder: builder).load(folder.path).passages)
}
