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
        /// An element opens, with its attributes (read only during the
        /// call). An empty element (`<w:tab/>`) is followed by its `end` at once.
        case start(Name, attributes: Attributes)
        case end(Name)
        /// Character data: text, CDATA, or whitespace between elements.
        case text(String)
    }

    /// The attributes of the element just opened, by local name (prefixes
    /// and namespaces dropped: `w:val` is `val`), looked up on demand: most
    /// elements' attributes are never asked for, and making a dictionary of
    /// them for each one cost a third of a large Word document's reading.
    /// Valid only during the `read` callback that gives it.
    struct Attributes {
        fileprivate let reader: xmlTextReaderPtr?

        /// The value of the attribute named `local`, nil when it has none.
        subscript(_ local: String) -> String? {
            guard let reader, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
            defer { xmlTextReaderMoveToElement(reader) }
            repeat {
                if let name = xmlTextReaderConstLocalName(reader), XMLStream.equals(name, local) {
                    return xmlTextReaderConstValue(reader).map(XMLStream.string)
                }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            return nil
        }

        /// Every attribute, by local name.
        var all: [String: String] {
            var out: [String: String] = [:]
            guard let reader, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return out }
            defer { xmlTextReaderMoveToElement(reader) }
            repeat {
                if let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) {
                    out[XMLStream.string(name)] = XMLStream.string(value)
                }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            return out
        }
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
        let options = Int32(
            FOOTNOTE_XML_PARSE_NONET | FOOTNOTE_XML_PARSE_NOERROR | FOOTNOTE_XML_PARSE_NOWARNING
                | FOOTNOTE_XML_PARSE_NOCDATA)
        return bytes.withUnsafeBufferPointer { buffer -> Result<Void, Failure> in
            let start = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(start, Int32(buffer.count), nil, nil, options) else {
                return .failure(Failure(reason: "not XML"))
            }
            defer { xmlFreeTextReader(reader) }
            var names = NameCache()
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return .success(()) }
                if status < 0 {
                    return .failure(Failure(reason: "not well-formed XML (line \(xmlTextReaderGetParserLineNumber(reader)))"))
                }
                switch xmlTextReaderNodeType(reader) {
                case Int32(FOOTNOTE_XML_READER_TYPE_ELEMENT):
                    let name = names.name(reader)
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    body(.start(name, attributes: Attributes(reader: xmlTextReaderHasAttributes(reader) == 1 ? reader : nil)))
                    if isEmpty { body(.end(name)) }
                case Int32(FOOTNOTE_XML_READER_TYPE_END_ELEMENT):
                    body(.end(names.name(reader)))
                case Int32(FOOTNOTE_XML_READER_TYPE_TEXT), Int32(FOOTNOTE_XML_READER_TYPE_CDATA),
                    Int32(FOOTNOTE_XML_READER_TYPE_WHITESPACE), Int32(FOOTNOTE_XML_READER_TYPE_SIGNIFICANT_WHITESPACE):
                    if let value = xmlTextReaderConstValue(reader) { body(.text(Self.string(value))) }
                default:
                    break
                }
            }
        }
    }

    /// Element names as Strings, made once per distinct name: libxml2 keeps
    /// each name and namespace URI once in its dictionary, so their pointers
    /// stand for them within one document.
    private struct NameCache {
        var strings: [UnsafeRawPointer: String] = [:]

        mutating func name(_ reader: xmlTextReaderPtr) -> Name {
            Name(namespace: string(xmlTextReaderConstNamespaceUri(reader)), local: string(xmlTextReaderConstLocalName(reader)))
        }

        private mutating func string(_ chars: UnsafePointer<xmlChar>?) -> String {
            guard let chars else { return "" }
            let key = UnsafeRawPointer(chars)
            if let known = strings[key] { return known }
            let made = XMLStream.string(chars)
            strings[key] = made
            return made
        }
    }

    /// Whether the C string `chars` is `text`.
    fileprivate static func equals(_ chars: UnsafePointer<xmlChar>, _ text: String) -> Bool {
        var i = 0
        for byte in text.utf8 {
            if chars[i] != byte { return false }
            i += 1
        }
        return chars[i] == 0
    }

    fileprivate static func string(_ chars: UnsafePointer<xmlChar>) -> String {
        String(cString: UnsafeRawPointer(chars).assumingMemoryBound(to: CChar.self))
    }
}
