package org.planmap.importer.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.planmap.importer.ImportException;

class RingAssemblerTest {

    private final List<String> notes = new ArrayList<>();
    private final RingAssembler rings = new RingAssembler(new GeometryFactory(), notes);

    @Test
    void clockwiseShellsOwnTheCounterClockwiseHolesInsideThem() {
        // Listed out of order: the hole of the second shell comes first.
        Geometry g = rings.polygon(List.of(ccw(12, 2, 2), cw(0, 0, 4), cw(10, 0, 6), ccw(1, 1, 1)), 1);
        assertThat(g).isInstanceOf(MultiPolygon.class);
        assertThat(g.isValid()).isTrue();
        assertThat(g.getArea()).isEqualTo(16 - 1 + 36 - 4, within(1e-9));
        assertThat(notes).isEmpty();
    }

    @Test
    void aHoleGoesToTheSmallestShellContainingIt() {
        // big shell, its hole, an island in the hole, a hole in the island
        Geometry g = rings.polygon(List.of(cw(0, 0, 10), ccw(2, 2, 6), cw(3, 3, 4), ccw(4, 4, 2)), 1);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.isValid()).isTrue();
        assertThat(g.getArea()).isEqualTo(100 - 36 + 16 - 4, within(1e-9));
    }

    @Test
    void allCounterClockwiseRingsAreToldApartByNesting() {
        Geometry g = rings.polygon(List.of(ccw(0, 0, 10), ccw(2, 2, 6)), 7);
        assertThat(g).isInstanceOf(Polygon.class);
        assertThat(((Polygon) g).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.getArea()).isEqualTo(64, within(1e-9));
        assertThat(notes).singleElement().asString().contains("record 7");
    }

    @Test
    void anOrphanHoleIsKeptAsAnOuterRingAndAnUnclosedRingIsClosed() {
        Coordinate[] open = java.util.Arrays.copyOf(cw(0, 0, 2), 4);
        Geometry g = rings.polygon(List.of(open, ccw(5, 5, 1)), 3);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getArea()).isEqualTo(5, within(1e-9));
        assertThat(notes).anyMatch(n -> n.contains("record 3"));
    }

    @Test
    void aRingOfTwoPointsIsRefused() {
        Coordinate[] twoPoints = {new Coordinate(0, 0), new Coordinate(1, 1)};
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ImportException.class,
                () -> rings.polygon(List.<Coordinate[]>of(twoPoints), 9)).code()).isEqualTo(ShpReader.BAD_RECORD);
    }

    /** A square, clockwise as shapefile outer rings are. */
    private static Coordinate[] cw(double x, double y, double size) {
        return new Coordinate[] {new Coordinate(x, y), new Coordinate(x, y + size), new Coordinate(x + size, y + size),
            new Coordinate(x + size, y), new Coordinate(x, y)};
    }

    private static Coordinate[] ccw(double x, double y, double size) {
        return new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
            new Coordinate(x, y + size), new Coordinate(x, y)};
    }
}
