package org.planmap.style;

import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Building and printing the style documents: a DOM, so every name and value is escaped by the library. */
final class StyleXml {

    private StyleXml() {
    }

    static Document document() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A child element of {@code parent} in its namespace (null: none), with {@code text} when not null. */
    static Element child(Element parent, String namespace, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /**
     * The document as indented UTF-8 text; {@code doctypePublic}/{@code doctypeSystem} give it a DOCTYPE (QGIS
     * writes one into every .qml), null for none.
     */
    static String print(Document doc, String doctypePublic, String doctypeSystem) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
            if (doctypePublic != null) {
                t.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, doctypePublic);
                t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, doctypeSystem);
            }
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
