import Foundation
@testable import FootnoteCore

/// The repository root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seedCorpusPath = repositoryRoot.appendingPathComponent("corpus").path

/// A fresh temporary folder, removed when the value is released by the test.
final class TemporaryFolder {
    let path: String
    init() {
        let template = NSTemporaryDirectory() + "footnote-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = path + "/" + name
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }
}

/// Passages of a text parsed as `format`, through the real loader.
func passages(_ text: String, name: String = "doc.txt", builder: PassageBuilder = PassageBuilder()) throws -> [Passage] {
    let folder = TemporaryFolder()
    folder.write(name, text)
    return try CorpusLoader(passageBuilder: builder).load(folder.path).passages
}
