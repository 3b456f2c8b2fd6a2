import CXML2

/// Reads XML held in memory as a stream of events, through libxml2's
/// `xmlTextReader`: the XML inside Word, OpenDocument and EPUB files.
///
/// The reader is set for untrusted input: no network access, no external
/// DTD, entities not substituted (an entity reference gives no text, so an
/// "XML bomb" of nested entities cannot expand), libxml2's own limits on
/// depth and text size kept, and its error reports silenced (the caller
/// reports a failure as a skip reason).
enum XMLStream {
    /// An element's name: its namespace URI (empty for none) and local name;
    /// the prefix a file happens to use (`w:`, `text:`) is not part of it.
    struct Name: Equatable {
        var namespace: String
        var local: String

        func `is`(_ local: String, in namespace: String) -> Bool { self.local == local && self.namespace == namespace }
    }

    enum Event {
        /// An element opens. Its attributes by local name (prefixes and
        /// namespaces dropped: `w:val` is `val`). An empty element
        /// (`<w:tab/>`) is followed by its `end` at once.
        case start(Name, attributes: [String: String])
        case end(Name)
        /// Character data: text, CDATA, or whitespace between elements.
        case text(String)
    }

    struct Failure: Error, Equatable {
        /// libxml2's message, or why the bytes were not read.
        var reason: String
    }

    /// libxml2 made ready for use from several threads, once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Calls `body` with each event of the XML in `bytes`, in document
    /// order. Fails when the bytes are not well-formed XML (with the line of
    /// the error; the events before it may or may not have been given, as
    /// libxml2 reads ahead), or larger than libxml2 reads at once (2 GiB).
    static func read(_ bytes: [UInt8], _ body: (Event) -> Void) -> Result<Void, Failure> {
        _ = initialized
        guard bytes.count < Int(Int32.max) else { return .failure(Failure(reason: "too large")) }
        let options = Int32(FOOTNOTE_XML_PARSE_NONET | FOOTNOTE_XML_PARSE_NOERROR | FOOTNOTE_XML_PARSE_NOWARNING
            | FOOTNOTE_XML_PARSE_NOCDATA)
        return bytes.withUnsafeBufferPointer { buffer -> Result<Void, Failure> in
            let start = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(start, Int32(buffer.count), nil, nil, options) else {
                return .failure(Failure(reason: "not XML"))
            }
            defer { xmlFreeTextReader(reader) }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return .success(()) }
                if status < 0 {
                    return .failure(Failure(reason: "not well-formed XML (line \(xmlTextReaderGetParserLineNumber(reader)))"))
                }
                switch xmlTextReaderNodeType(reader) {
                case Int32(FOOTNOTE_XML_READER_TYPE_ELEMENT):
                    let name = Self.name(reader)
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    var attributes: [String: String] = [:]
                    if xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 {
                        repeat {
                            if let local = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) {
                                attributes[Self.string(local)] = Self.string(value)
                            }
                        } while xmlTextReaderMoveToNextAttribute(reader) == 1
                        xmlTextReaderMoveToElement(reader)
                    }
                    body(.start(name, attributes: attributes))
                    if isEmpty { body(.end(name)) }
                case Int32(FOOTNOTE_XML_READER_TYPE_END_ELEMENT):
                    body(.end(Self.name(reader)))
                case Int32(FOOTNOTE_XML_READER_TYPE_TEXT), Int32(FOOTNOTE_XML_READER_TYPE_CDATA),
                     Int32(FOOTNOTE_XML_READER_TYPE_WHITESPACE), Int32(FOOTNOTE_XML_READER_TYPE_SIGNIFICANT_WHITESPACE):
                    if let value = xmlTextReaderConstValue(reader) { body(.text(Self.string(value))) }
                default:
                    break
                }
            }
        }
    }

    private static func name(_ reader: xmlTextReaderPtr) -> Name {
        Name(namespace: xmlTextReaderConstNamespaceUri(reader).map(string) ?? "",
             local: xmlTextReaderConstLocalName(reader).map(string) ?? "")
    }

    private static func string(_ chars: UnsafePointer<xmlChar>) -> String {
        String(cString: UnsafeRawPointer(chars).assumingMemoryBound(to: CChar.self))
    }
}
