package org.planmap.ogc.wmts;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The JDK's StAX writer with the namespaces of WMTS documents. */
final class Xml {

    static final String WMTS = "http://www.opengis.net/wmts/1.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XML = XMLConstants.XML_NS_URI;
    static final String MEDIA_TYPE = "application/xml;charset=UTF-8";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Xml() {
    }

    static XMLStreamWriter start(OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        return x;
    }

    static void end(XMLStreamWriter x) throws XMLStreamException {
        x.writeEndDocument();
        x.flush();
        x.close();
    }

    /** {@code <prefix:name>text</prefix:name>}; the writer escapes the text. */
    static void text(XMLStreamWriter x, String prefix, String name, String namespace, String text)
            throws XMLStreamException {
        x.writeStartElement(prefix, name, namespace);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
