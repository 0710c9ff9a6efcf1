package org.planmap.ogc.wmts;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A WMTS request refused, as OWS 1.1 says it: an {@code ExceptionReport} with the OWS exception code, the
 * parameter at fault as {@code locator}, and the reason in Chinese, then English (two {@code ExceptionText}s),
 * since WMTS clients show the report's text rather than a problem document.
 */
public final class OwsException extends RuntimeException {

    /** The OWS exception codes WMTS uses here (OGC 07-057r7 table 28, OGC 06-121r3 table 25). */
    public enum Code {
        MissingParameterValue, InvalidParameterValue, TileOutOfRange, OperationNotSupported
    }

    private final Code code;
    private final String locator;
    private final String textZh;
    private final int status;

    private OwsException(Code code, String locator, int status, String textZh, String textEn) {
        super(textEn, null, false, false);
        this.code = code;
        this.locator = locator;
        this.textZh = textZh;
        this.status = status;
    }

    static OwsException missing(String parameter) {
        return new OwsException(Code.MissingParameterValue, parameter, 400, "缺少参数 " + parameter,
                "parameter " + parameter + " is missing");
    }

    static OwsException invalid(String parameter, String textZh, String textEn) {
        return new OwsException(Code.InvalidParameterValue, parameter, 400, "参数 " + parameter + " 无效：" + textZh,
                "invalid parameter " + parameter + ": " + textEn);
    }

    static OwsException notSupported(String operation) {
        return new OwsException(Code.OperationNotSupported, "REQUEST", 400,
                "不支持操作“" + operation + "”（只有 GetCapabilities 和 GetTile）",
                "operation '" + operation + "' is not supported (only GetCapabilities and GetTile)");
    }

    /** @param limits the rows and columns the layer has at that level, as text */
    static OwsException outOfRange(String parameter, String level, long row, long col, String limits) {
        return new OwsException(Code.TileOutOfRange, parameter, 400,
                "第 " + level + " 级没有第 " + row + " 行第 " + col + " 列的瓦片（本图层在该级的行 / 列：" + limits + "）",
                "no tile at row " + row + ", column " + col + " of level " + level + " (this layer's rows / columns there: "
                        + limits + ")");
    }

    /**
     * The same refusal for an address of the RESTful tree: a 404, since such an address names a tile or nothing
     * (and GDAL's WMTS driver, like browsers' tile layers, reads a 404 as "no tile here").
     */
    OwsException asNotFound() {
        return new OwsException(code, locator, 404, textZh, textEn());
    }

    public Code code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    /** The HTTP status: 400 for a bad request, 404 for an address of the RESTful tree that names nothing. */
    public int status() {
        return status;
    }

    public String textZh() {
        return textZh;
    }

    public String textEn() {
        return getMessage();
    }

    /** The {@code ows:ExceptionReport} document, UTF-8. */
    public byte[] report() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = Xml.start(out);
            x.writeStartElement("ows", "ExceptionReport", Xml.OWS);
            x.writeNamespace("ows", Xml.OWS);
            x.writeAttribute("version", "1.0.0");
            x.writeAttribute("xml", Xml.XML, "lang", "zh-CN");
            x.writeStartElement("ows", "Exception", Xml.OWS);
            x.writeAttribute("exceptionCode", code.name());
            if (locator != null) {
                x.writeAttribute("locator", locator);
            }
            Xml.text(x, "ows", "ExceptionText", Xml.OWS, textZh);
            Xml.text(x, "ows", "ExceptionText", Xml.OWS, textEn());
            x.writeEndElement();
            x.writeEndElement();
            Xml.end(x);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
