// The few libxml2 functions Footnote calls (its streaming reader), declared
// here rather than through <libxml/xmlreader.h>: Debian builds libxml2 with
// ICU, so its headers include <unicode/ucnv.h>, whose types clash with the
// ICU copy inside swift-corelibs-foundation ("'UErrorCode' has different
// definitions in different modules"). The prototypes are libxml2's own
// (xmlreader.h, parser.h; stable since 2.6); the option and node-type values
// are xmlParserOption and xmlReaderTypes.
#ifndef FOOTNOTE_CXML2_SHIM_H
#define FOOTNOTE_CXML2_SHIM_H

typedef unsigned char xmlChar;
typedef struct _xmlTextReader *xmlTextReaderPtr;

void xmlInitParser(void);
xmlTextReaderPtr xmlReaderForMemory(const char *buffer, int size, const char *URL, const char *encoding, int options);
void xmlFreeTextReader(xmlTextReaderPtr reader);
int xmlTextReaderRead(xmlTextReaderPtr reader);
int xmlTextReaderNodeType(xmlTextReaderPtr reader);
int xmlTextReaderIsEmptyElement(xmlTextReaderPtr reader);
int xmlTextReaderHasAttributes(xmlTextReaderPtr reader);
int xmlTextReaderMoveToFirstAttribute(xmlTextReaderPtr reader);
int xmlTextReaderMoveToNextAttribute(xmlTextReaderPtr reader);
int xmlTextReaderMoveToElement(xmlTextReaderPtr reader);
const xmlChar *xmlTextReaderConstLocalName(xmlTextReaderPtr reader);
const xmlChar *xmlTextReaderConstNamespaceUri(xmlTextReaderPtr reader);
const xmlChar *xmlTextReaderConstValue(xmlTextReaderPtr reader);
int xmlTextReaderGetParserLineNumber(xmlTextReaderPtr reader);

enum {
    FOOTNOTE_XML_PARSE_NOERROR = 1 << 5,
    FOOTNOTE_XML_PARSE_NOWARNING = 1 << 6,
    FOOTNOTE_XML_PARSE_NONET = 1 << 11,
    FOOTNOTE_XML_PARSE_NOCDATA = 1 << 14,
};

enum {
    FOOTNOTE_XML_READER_TYPE_ELEMENT = 1,
    FOOTNOTE_XML_READER_TYPE_TEXT = 3,
    FOOTNOTE_XML_READER_TYPE_CDATA = 4,
    FOOTNOTE_XML_READER_TYPE_WHITESPACE = 13,
    FOOTNOTE_XML_READER_TYPE_SIGNIFICANT_WHITESPACE = 14,
    FOOTNOTE_XML_READER_TYPE_END_ELEMENT = 15,
};

#endif
