import Testing
@testable import FootnoteCorpus

/// The XML reader under the Office and EPUB parsers: events in order,
/// names by namespace, and untrusted input refused without harm.
@Suite struct XMLStreamTests {
    static func events(_ xml: String) -> (events: [String], result: Result<Void, XMLStream.Failure>) {
        var out: [String] = []
        let result = XMLStream.read(Array(xml.utf8)) { event in
            switch event {
            case .start(let name, let attributes):
                out.append("<\(name.local)" + attributes.all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
            case .end(let name): out.append("</\(name.local)>")
            case .text(let text): out.append(text)
            }
        }
        return (out, result)
    }

    @Test func eventsInDocumentOrderWithEmptyElementsClosed() {
        let (events, result) = Self.events(#"<a x="1"><b>one<![CDATA[ & two]]></b><c/> <d y='&amp;'/></a>"#)
        #expect(events == ["<a x=1>", "<b>", "one & two", "</b>", "<c>", "</c>", " ", "<d y=&>", "</d>", "</a>"])
        guard case .success = result else { Issue.record("\(result)"); return }
    }

    /// Names are by namespace URI, whatever prefix the file uses; attributes by local name.
    @Test func namesByNamespaceNotPrefix() {
        var names: [XMLStream.Name] = []
        _ = XMLStream.read(Array(#"<x:doc xmlns:x="urn:one" xmlns="urn:two"><x:p x:val="v"/><p/></x:doc>"#.utf8)) { event in
            if case .start(let name, let attributes) = event {
                names.append(name)
                if name.local == "p" && name.namespace == "urn:one" {
                    #expect(
                        attributes.all == ["val": "v"] && attributes["val"] == "v" && attributes["va"] == nil && attributes["vall"] == nil)
                }
            }
        }
        #expect(
            names == [
                XMLStream.Name(namespace: "urn:one", local: "doc"), XMLStream.Name(namespace: "urn:one", local: "p"),
                XMLStream.Name(namespace: "urn:two", local: "p"),
            ])
        #expect(names[1].is("p", in: "urn:one") && !names[2].is("p", in: "urn:one"))
    }

    /// Broken XML fails with the line of the error.
    @Test func malformedXMLFailsWithItsLine() {
        let (_, result) = Self.events("<a>\n<b>text</c>\n</a>")
        guard case .failure(let failure) = result else { Issue.record("read as well-formed"); return }
        #expect(failure.reason.hasPrefix("not well-formed XML (line 2"), "\(failure.reason)")
        guard case .failure = Self.events("").result else { Issue.record("empty input read"); return }
    }

    /// Entities are not expanded: a "billion laughs" gives no text, and an
    /// external entity (a local file) is not read.
    @Test func entitiesAreNotExpanded() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><l>&d;</l>
            """
        #expect(!Self.events(laughs).events.joined().contains("lol"))
        let external = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>"#
        #expect(!Self.events(external).events.joined().contains("root:"))
    }
}
