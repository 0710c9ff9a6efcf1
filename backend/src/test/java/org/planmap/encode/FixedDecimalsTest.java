package org.planmap.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.store.Feature;

class FixedDecimalsTest {

    /** What the formatter promises: the double's exact value rounded half away from zero, no trailing zeros. */
    private static String reference(double v, int decimals) {
        BigDecimal rounded = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    @Test
    void agreesWithBigDecimalOnRandomCoordinatesAndMagnitudes() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int decimals = 0; decimals <= 9; decimals++) {
            FixedDecimals f = new FixedDecimals(decimals);
            for (int i = 0; i < 40_000; i++) {
                double v = switch (i % 4) {
                    case 0 -> random.nextDouble(-180, 180);                       // degrees
                    case 1 -> random.nextDouble(-4e7, 4e7);                       // projected metres
                    case 2 -> Math.scalb(random.nextDouble(1, 2), random.nextInt(-60, 70))
                            * (random.nextBoolean() ? 1 : -1);                    // any magnitude
                    default -> Double.longBitsToDouble(random.nextLong()) % 1e6;  // arbitrary bit patterns
                };
                if (Double.isFinite(v)) {
                    assertThat(f.format(v)).as("%s to %d decimals", v, decimals).isEqualTo(reference(v, decimals));
                }
            }
        }
    }

    @Test
    void roundsHalvesAwayFromZeroAndCasesWithinAnUlpOfAHalfExactly() {
        FixedDecimals six = new FixedDecimals(6);
        assertThat(new FixedDecimals(0).format(2.5)).isEqualTo("3");
        assertThat(new FixedDecimals(0).format(-2.5)).isEqualTo("-3");
        assertThat(new FixedDecimals(2).format(0.125)).isEqualTo("0.13");   // exactly representable half
        assertThat(new FixedDecimals(2).format(-0.125)).isEqualTo("-0.13");
        // 1.0000005 is stored a hair above its decimal text, 0.0000005 a hair below: the exact value decides.
        assertThat(six.format(1.0000005)).isEqualTo("1.000001");
        assertThat(six.format(0.0000005)).isEqualTo("0");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 30_000; i++) {
            // k + 0.5 units of the last decimal, and its neighbouring doubles: the fast path's borderline.
            double half = (random.nextLong(-180_000_000L, 180_000_000L) + 0.5) / 1e6;
            for (double v : new double[] {half, Math.nextUp(half), Math.nextDown(half)}) {
                assertThat(six.format(v)).as("%s", v).isEqualTo(reference(v, 6));
            }
        }
    }

    @Test
    void writesNoNegativeZeroNoTrailingZerosAndLargeValuesInFull() {
        FixedDecimals six = new FixedDecimals(6);
        assertThat(six.format(-0.0)).isEqualTo("0");
        assertThat(six.format(0.0)).isEqualTo("0");
        assertThat(six.format(-0.0000004)).isEqualTo("0");
        assertThat(six.format(112.0)).isEqualTo("112");
        assertThat(six.format(111.35978)).isEqualTo("111.35978");
        assertThat(six.format(-37.1000001)).isEqualTo("-37.1");
        assertThat(six.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(six.format(-Double.MAX_VALUE)).isEqualTo(reference(-Double.MAX_VALUE, 6));
        assertThat(six.format(Double.MIN_VALUE)).isEqualTo("0");
        assertThat(six.format(4503599627.370497)).isEqualTo(reference(4503599627.370497, 6)); // past the fast limit
        assertThatThrownBy(() -> six.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> six.format(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geoJsonWriterPutsTheseNumbersInItsPositionsInEitherAxisOrder() {
        GeometryFactory gf = new GeometryFactory();
        Feature point = new Feature("p", gf.createPoint(new Coordinate(111.3597804, -0.00000049)), Map.of());
        Feature far = new Feature("q", gf.createPoint(new Coordinate(1e20, 37.5)), Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(out, 6, Map.of())) {
            w.write(point).write(far);
        }
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"coordinates\":[111.35978,0]").contains("\"coordinates\":[100000000000000000000,37.5]");
        ByteArrayOutputStream yx = new ByteArrayOutputStream();
        GeoJsonWriter.writeFeature(yx, 6, true, point, Map.of());
        assertThat(yx.toString(StandardCharsets.UTF_8)).contains("\"coordinates\":[0,111.35978]");
    }
}
