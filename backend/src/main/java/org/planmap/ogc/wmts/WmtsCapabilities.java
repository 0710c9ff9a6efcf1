package org.planmap.ogc.wmts;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.planmap.ogc.wmts.TileMatrixSet.TileMatrix;
import org.planmap.render.TileGrid.TileRange;
import org.planmap.render.WebMercator;
import org.planmap.store.LayerInfo;

/**
 * The WMTS 1.0.0 capabilities document: the service in Chinese and English, GetCapabilities and GetTile in KVP,
 * every tiled layer with its extent, style, format, the zooms and tiles it has ({@code TileMatrixSetLimits})
 * and its RESTful tile template, then the tile matrix sets.
 */
final class WmtsCapabilities {

    static final String TITLE_ZH = "山西省新型城镇化规划图层（WMTS 瓦片服务）";
    static final String TITLE_EN = "Shanxi new-urbanization plan layers (WMTS)";
    static final String FORMAT = "image/png";
    static final String STYLE = "default";

    private WmtsCapabilities() {
    }

    /**
     * @param root   the service's address, {@code http://host:port/wmts}
     * @param layers the layers served as tiles, each with a non-empty longitude/latitude bounding box
     */
    static byte[] write(String root, List<LayerInfo> layers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = Xml.start(out);
            x.setDefaultNamespace(Xml.WMTS);
            x.setPrefix("ows", Xml.OWS);
            x.setPrefix("xlink", Xml.XLINK);
            x.writeStartElement("", "Capabilities", Xml.WMTS);
            x.writeDefaultNamespace(Xml.WMTS);
            x.writeNamespace("ows", Xml.OWS);
            x.writeNamespace("xlink", Xml.XLINK);
            x.writeAttribute("version", "1.0.0");
            serviceIdentification(x);
            operations(x, root);
            x.writeStartElement(Xml.WMTS, "Contents");
            for (LayerInfo layer : layers) {
                layer(x, root, layer);
            }
            for (TileMatrixSet set : TileMatrixSet.ALL) {
                tileMatrixSet(x, set);
            }
            x.writeEndElement();
            x.writeEmptyElement(Xml.WMTS, "ServiceMetadataURL");
            x.writeAttribute("xlink", Xml.XLINK, "href", root + "/1.0.0/WMTSCapabilities.xml");
            x.writeEndElement();
            Xml.end(x);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void serviceIdentification(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement(Xml.OWS, "ServiceIdentification");
        // Clients show the first title; planners read Chinese.
        title(x, TITLE_ZH, "zh-CN");
        title(x, TITLE_EN, "en");
        Xml.text(x, "ows", "Abstract", Xml.OWS, "《山西省新型城镇化规划（2021—2025年）》的图层，"
                + "以 256 像素 PNG 瓦片提供：Web 墨卡托（EPSG:3857，GoogleMapsCompatible，与 planmap 地图上的瓦片相同）"
                + "和 CGCS2000 经纬度（EPSG:4490，与天地图 c 相同的切片方案）。");
        Xml.text(x, "ows", "ServiceType", Xml.OWS, "OGC WMTS");
        Xml.text(x, "ows", "ServiceTypeVersion", Xml.OWS, "1.0.0");
        x.writeEndElement();
    }

    private static void operations(XMLStreamWriter x, String root) throws XMLStreamException {
        x.writeStartElement(Xml.OWS, "OperationsMetadata");
        for (String operation : List.of("GetCapabilities", "GetTile")) {
            x.writeStartElement(Xml.OWS, "Operation");
            x.writeAttribute("name", operation);
            x.writeStartElement(Xml.OWS, "DCP");
            x.writeStartElement(Xml.OWS, "HTTP");
            x.writeStartElement(Xml.OWS, "Get");
            x.writeAttribute("xlink", Xml.XLINK, "href", root + "?");
            x.writeStartElement(Xml.OWS, "Constraint");
            x.writeAttribute("name", "GetEncoding");
            x.writeStartElement(Xml.OWS, "AllowedValues");
            Xml.text(x, "ows", "Value", Xml.OWS, "KVP");
            for (int i = 0; i < 6; i++) { // AllowedValues, Constraint, Get, HTTP, DCP, Operation
                x.writeEndElement();
            }
        }
        x.writeEndElement();
    }

    private static void layer(XMLStreamWriter x, String root, LayerInfo layer) throws XMLStreamException {
        List<Double> b = layer.bbox();
        x.writeStartElement(Xml.WMTS, "Layer");
        title(x, layer.title(), "zh-CN");
        Xml.text(x, "ows", "Abstract", Xml.OWS, layer.source());
        x.writeStartElement(Xml.OWS, "WGS84BoundingBox");
        Xml.text(x, "ows", "LowerCorner", Xml.OWS, number(b.get(0)) + " " + number(b.get(1)));
        Xml.text(x, "ows", "UpperCorner", Xml.OWS, number(b.get(2)) + " " + number(b.get(3)));
        x.writeEndElement();
        Xml.text(x, "ows", "Identifier", Xml.OWS, layer.id());
        x.writeStartElement(Xml.WMTS, "Style");
        x.writeAttribute("isDefault", "true");
        title(x, "默认样式（与地图相同）", "zh-CN");
        Xml.text(x, "ows", "Identifier", Xml.OWS, STYLE);
        x.writeEndElement();
        Xml.text(x, "", "Format", Xml.WMTS, FORMAT);
        for (TileMatrixSet set : TileMatrixSet.ALL) {
            x.writeStartElement(Xml.WMTS, "TileMatrixSetLink");
            Xml.text(x, "", "TileMatrixSet", Xml.WMTS, set.id());
            x.writeStartElement(Xml.WMTS, "TileMatrixSetLimits");
            for (TileMatrix m : set.matrices()) {
                Optional<TileRange> range = set.grid().range(b, m.zoom());
                if (range.isPresent()) {
                    limits(x, m, range.get());
                }
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEmptyElement(Xml.WMTS, "ResourceURL");
        x.writeAttribute("format", FORMAT);
        x.writeAttribute("resourceType", "tile");
        x.writeAttribute("template", root + "/1.0.0/" + URLEncoder.encode(layer.id(), StandardCharsets.UTF_8)
                + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png");
        x.writeEndElement();
    }

    private static void limits(XMLStreamWriter x, TileMatrix m, TileRange r) throws XMLStreamException {
        x.writeStartElement(Xml.WMTS, "TileMatrixLimits");
        Xml.text(x, "", "TileMatrix", Xml.WMTS, m.id());
        Xml.text(x, "", "MinTileRow", Xml.WMTS, String.valueOf(r.minY()));
        Xml.text(x, "", "MaxTileRow", Xml.WMTS, String.valueOf(r.maxY()));
        Xml.text(x, "", "MinTileCol", Xml.WMTS, String.valueOf(r.minX()));
        Xml.text(x, "", "MaxTileCol", Xml.WMTS, String.valueOf(r.maxX()));
        x.writeEndElement();
    }

    private static void tileMatrixSet(XMLStreamWriter x, TileMatrixSet set) throws XMLStreamException {
        x.writeStartElement(Xml.WMTS, "TileMatrixSet");
        title(x, set.titleZh(), "zh-CN");
        Xml.text(x, "ows", "Identifier", Xml.OWS, set.id());
        Envelope world = set.grid().world();
        x.writeStartElement(Xml.OWS, "BoundingBox");
        x.writeAttribute("crs", set.crs());
        Xml.text(x, "ows", "LowerCorner", Xml.OWS, corner(set, world.getMinX(), world.getMinY()));
        Xml.text(x, "ows", "UpperCorner", Xml.OWS, corner(set, world.getMaxX(), world.getMaxY()));
        x.writeEndElement();
        Xml.text(x, "ows", "SupportedCRS", Xml.OWS, set.crs());
        if (set.wellKnownScaleSet() != null) {
            Xml.text(x, "", "WellKnownScaleSet", Xml.WMTS, set.wellKnownScaleSet());
        }
        for (TileMatrix m : set.matrices()) {
            x.writeStartElement(Xml.WMTS, "TileMatrix");
            Xml.text(x, "ows", "Identifier", Xml.OWS, m.id());
            Xml.text(x, "", "ScaleDenominator", Xml.WMTS, number(m.scaleDenominator()));
            Xml.text(x, "", "TopLeftCorner", Xml.WMTS, corner(set, set.grid().left(), set.grid().top()));
            Xml.text(x, "", "TileWidth", Xml.WMTS, String.valueOf(WebMercator.TILE_SIZE));
            Xml.text(x, "", "TileHeight", Xml.WMTS, String.valueOf(WebMercator.TILE_SIZE));
            Xml.text(x, "", "MatrixWidth", Xml.WMTS, String.valueOf(m.columns()));
            Xml.text(x, "", "MatrixHeight", Xml.WMTS, String.valueOf(m.rows()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void title(XMLStreamWriter x, String text, String lang) throws XMLStreamException {
        x.writeStartElement(Xml.OWS, "Title");
        x.writeAttribute("xml", Xml.XML, "lang", lang);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** A point of the set's plane (x = easting or longitude) in the axis order of its CRS. */
    private static String corner(TileMatrixSet set, double x, double y) {
        return set.northFirst() ? number(y) + " " + number(x) : number(x) + " " + number(y);
    }

    /** The shortest decimal that reads back as the same double, never in exponent form (5.59E8). */
    static String number(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
