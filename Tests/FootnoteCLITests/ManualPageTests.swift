import Foundation
import Testing
@testable import footnote

/// `Documentation/footnote.1`, made by `make man` from the argument parser
/// and `Documentation/manual-sections.mdoc`: it renders with `man -l`
/// without a warning, and still names every option the parser knows, every
/// `:command` of the session and every JSON field an answer can carry.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/man"), "needs man (make test installs man-db)"))
struct ManualPageTests {
    static let page = repositoryRoot.appendingPathComponent("Documentation/footnote.1").path

    func rendered() throws -> (text: String, warnings: String) {
        let r = try runProgram(
            "/usr/bin/man", ["-l", Self.page], environment: ["MANWIDTH": "100", "MAN_KEEP_FORMATTING": "", "PAGER": "cat"])
        #expect(r.status == 0, "\(r.stderr)")
        // Backspace overstrikes (bold, underline) removed: the words as a reader sees them.
        var text = ""
        for scalar in r.stdout.unicodeScalars {
            if scalar == "\u{08}" { if !text.isEmpty { text.removeLast() } } else { text.unicodeScalars.append(scalar) }
        }
        return (text, r.stderr)
    }

    @Test func rendersWithoutWarnings() throws {
        let (text, warnings) = try rendered()
        #expect(warnings.isEmpty, "\(warnings)")
        for section in [
            "NAME", "SYNOPSIS", "DESCRIPTION", "CONFIGURATION", "PIPED QUESTIONS", "JSON OUTPUT", "ENVIRONMENT", "FILES",
            "EXIT STATUS", "EXAMPLES",
        ] {
            #expect(text.contains("\n" + section + "\n"), "no section \(section)")
        }
    }

    /// A new option, `:command` or JSON field that the page does not name means `make man` was not run.
    @Test func namesEveryOptionCommandAndJSONField() throws {
        let text = try rendered().text
        let dump = try runFootnote(["--experimental-dump-help"])
        let root = try #require(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var names = Set<String>()
        func visit(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    names.insert("--" + (name["name"] as? String ?? ""))
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub) }
        }
        visit(try #require(root["command"] as? [String: Any]))
        #expect(names.count > 20)
        for name in names.sorted() { #expect(text.contains(name), "the man page does not name \(name): run make man") }
        for command in REPL.commands { #expect(text.contains(command.name), "the man page does not name \(command.name): run make man") }

        let f = TemporaryFolder()
        f.write("notes/a.html", "<h1>Kettles</h1><h2 id=\"descale\">Descaling</h2><p>Descale the kettle with citric acid.</p>\n")
        f.write("notes/b.md", "# Kettles\n\n## Descaling\n\nDescale the kettle with citric acid.\n")
        let json = try runFootnote(["-c", f.path + "/notes", "--json"], input: "how do I descale the kettel with citrc acid\n")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        var keys = Set(object.keys)
        for answer in object["answers"] as? [[String: Any]] ?? [] { keys.formUnion(answer.keys) }
        #expect(
            keys.isSuperset(of: [
                "question", "answers", "file", "path", "lines", "anchor", "corrections", "notice", "confidence", "evidence",
            ]),
            "\(keys.sorted())")
        for key in keys.sorted() { #expect(text.contains(key), "the man page does not name the JSON field \(key)") }
    }
}
