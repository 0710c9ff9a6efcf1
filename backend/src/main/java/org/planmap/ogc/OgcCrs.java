package org.planmap.ogc;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
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
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final List<OgcCrs> SUPPORTED = Stream.concat(Stream.of(CRS84),
            CrsRef.supported().stream().map(OgcCrs::epsg)).toList();

    /** The EPSG URI of {@code crs}, in the axis order EPSG declares. */
    public static OgcCrs epsg(CrsRef crs) {
        return new OgcCrs(EPSG_URI + crs.epsg(), crs, crs.declaredAxisOrder() != CrsRef.AxisOrder.EAST_NORTH);
    }

    /**
     * A box in {@code crs} as a longitude/latitude box. Geographic boxes are taken as they are (CGCS2000 and
     * WGS 84 differ by centimetres); projected ones are reprojected along densified edges, which curve. A box is a
     * question, not data, so the import's plausibility checks (a zone prefix matching the zone) do not apply: a box
     * reaching beyond its zone is answered with what the projection's formulas give there.
     *
     * @throws IllegalArgumentException when some point of the box has no longitude and latitude
     */
    static Envelope toLonLat(Envelope box, CrsRef crs) {
        if (crs.isGeographic()) {
            return box;
        }
        Geometry outline = GEOMETRY.toGeometry(box);
        double step = Math.max(box.getWidth(), box.getHeight()) / 16;
        Envelope lonLat = new Envelope();
        for (Coordinate c : (step > 0 ? Densifier.densify(outline, step) : outline).getCoordinates()) {
            double[] p = Reprojector.transform(c.x, c.y, crs, CrsRef.WGS84);
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException("no longitude and latitude at " + c + " in " + crs.code());
            }
            lonLat.expandToInclude(p[0], p[1]);
        }
        return lonLat;
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
