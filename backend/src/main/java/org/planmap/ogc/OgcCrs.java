package org.planmap.ogc;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.crs.CrsException;
import org.planmap.crs.CrsRef;
import org.planmap.crs.Reprojector;
import org.planmap.http.ApiException;

/**
 * A coordinate reference system as OGC API – Features Part 2 names it: by URI, with the axis order that URI
 * implies. CRS84 is longitude, latitude; {@code …/EPSG/0/4326} and {@code …/EPSG/0/4490} are latitude,
 * longitude and the Gauss-Krüger zones northing, easting, as EPSG defines them, so positions in those are
 * written y, x ({@link #yFirst}). planmap's geometries are always x = east inside; only the output flips.
 */
public record OgcCrs(String uri, CrsRef crs, boolean yFirst) {

    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, CrsRef.WGS84, false);

    private static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";
    private static final Reprojector REPROJECTOR = new Reprojector();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final List<OgcCrs> SUPPORTED = Stream.concat(Stream.of(CRS84),
            CrsRef.supported().stream().map(OgcCrs::epsg)).toList();

    /** The EPSG URI of {@code crs}, in the axis order EPSG declares. */
    public static OgcCrs epsg(CrsRef crs) {
        return new OgcCrs(EPSG_URI + crs.epsg(), crs, crs.declaredAxisOrder() != CrsRef.AxisOrder.EAST_NORTH);
    }

    /**
     * A box in {@code crs} as a longitude/latitude box. Geographic boxes are taken as they are (CGCS2000 and
     * WGS 84 differ by centimetres); projected ones are reprojected along densified edges, which curve.
     */
    static Envelope toLonLat(Envelope box, CrsRef crs) {
        if (crs.isGeographic()) {
            return box;
        }
        Geometry outline = GEOMETRY.toGeometry(box);
        double step = Math.max(box.getWidth(), box.getHeight()) / 16;
        return REPROJECTOR.toWgs84(step > 0 ? Densifier.densify(outline, step) : outline, crs).getEnvelopeInternal();
    }

    /** CRS84 first (the default), then every EPSG code planmap can reproject to. */
    public static List<OgcCrs> supported() {
        return SUPPORTED;
    }

    /**
     * The CRS a query parameter names: a URI from {@link #supported()}, or the same CRS as {@code EPSG:4490}
     * or a URN; absent means CRS84. Anything else is a 400 naming the parameter.
     */
    static OgcCrs parameter(String name, String value) {
        if (value == null || value.isBlank()) {
            return CRS84;
        }
        String v = value.strip();
        try {
            CrsRef crs = CrsRef.parse(v);
            // CrsRef reads CRS84 as EPSG:4326 (the same datum); here what differs is the axis order.
            return v.toLowerCase(Locale.ROOT).endsWith("crs84") ? CRS84 : epsg(crs);
        } catch (CrsException e) {
            throw ApiException.badParameter(name, e.messageZh(), e.messageEn());
        }
    }
}
