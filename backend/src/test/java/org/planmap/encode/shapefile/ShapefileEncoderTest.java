package org.planmap.encode.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.planmap.style.MapStyles;
import org.planmap.crs.CrsRef;
import org.planmap.encode.Gdal;
import org.planmap.layer.FeaturePage;
import org.planmap.store.Feature;
import org.planmap.store.FeatureCursor;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;

/** The hand-written Shapefile read back by GDAL: rings, holes, null shapes, both DBF charsets, cut and replaced text. */
class ShapefileEncoderTest {

    static final Charset GBK = Charset.forName("GBK");
    // GeoJSON orientation on purpose (outer counter-clockwise, hole clockwise): the writer must turn both round.
    static final String WITH_HOLE = "MULTIPOLYGON (((111 37, 112 37, 112 38, 111 38, 111 37), "
            + "(111.2 37.2, 111.2 37.8, 111.8 37.8, 111.8 37.2, 111.2 37.2)), "
            + "((113 37, 113.5 37, 113.5 37.5, 113 37)))";
    static final String QUOTE = "推进以县城为重要载体的城镇化建设".repeat(20);

    @TempDir
    Path dir;

    static FeaturePage page() throws Exception {
        List<Field> fields = List.of(new Field("name", Field.Type.STRING, "名称"),
                new Field("sourceQuote", Field.Type.STRING, "原文"),
                new Field("tierPopulation", Field.Type.STRING, "规模等级人口区间"),
                new Field("tierPopulationRange", Field.Type.STRING, null),
                new Field("countyCount", Field.Type.INTEGER, "县级行政区数"),
                new Field("areaKm2", Field.Type.REAL, "面积"),
                new Field("core", Field.Type.BOOLEAN, "核心"),
                new Field("coreNames", Field.Type.JSON, "核心县区"));
        LayerInfo layer = new LayerInfo("hole-test", "带洞图层", "MULTIPOLYGON", "EPSG:4326", "test", 3, List.of(), fields, "1");
        WKTReader wkt = new WKTReader();
        List<Feature> features = List.of(
                feature("a", wkt.read(WITH_HOLE), "带洞😀𠀀", QUOTE, 13, 21095.53, true, List.of("孝义市", "汾阳市")),
                feature("b", null, "无图形", "短", 0, -0.5, false, List.of()),
                feature("c", wkt.read("MULTIPOLYGON (((110 36, 110.5 36, 110.5 36.5, 110 36)))"), "孝义市", null, 117,
                        156711.0, null, null));
        return new FeaturePage(layer, FeatureCursor.of(features), OptionalLong.empty(), CrsRef.WGS84);
    }

    static Feature feature(String id, Geometry g, String name, String quote, long count, double area, Boolean core,
            List<String> coreNames) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("sourceQuote", quote);
        p.put("tierPopulation", "20—50万人");
        p.put("tierPopulationRange", "I型小城市");
        p.put("countyCount", count);
        p.put("areaKm2", area);
        p.put("core", core);
        p.put("coreNames", coreNames);
        return new Feature(id, g, p);
    }

    Path export(Charset charset) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new ShapefileEncoder(charset, dir.resolve("work"), MapStyles.fromClasspath()).write(page(), zip);
        Path out = Files.createDirectories(dir.resolve(charset.name()));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                Files.write(out.resolve(e.getName()), in.readAllBytes());
            }
        }
        assertThat(names).containsExactly("hole_test.shp", "hole_test.shx", "hole_test.dbf", "hole_test.prj",
                "hole_test.cpg", "hole_test.qml", "hole_test.sld", ShapefileEncoder.MAPPING);
        return out.resolve("hole_test.shp");
    }

    @Test
    void holesMultipolygonsAndNullShapesSurviveGdal() throws Exception {
        Path shp = export(StandardCharsets.UTF_8);
        Gdal.Layer layer = Gdal.layer(shp);
        assertThat(layer.features()).isEqualTo(3);
        List<String> wkt = layer.sql("SELECT AsText(geometry) AS w FROM hole_test ORDER BY id", "w");
        WKTReader reader = new WKTReader();
        assertThat(reader.read(wkt.get(0)).norm().equalsExact(reader.read(WITH_HOLE).norm())).as(wkt.get(0)).isTrue();
        assertThat(wkt.get(1)).isEqualTo("(null)");
        assertThat(layer.invalid()).isZero();
        // GDAL would repair a wrong winding silently, so read the first record's rings ourselves.
        List<Coordinate[]> rings = rings(Files.readAllBytes(shp));
        assertThat(rings).hasSize(3);
        assertThat(Orientation.isCCW(rings.get(0))).as("outer ring clockwise").isFalse();
        assertThat(Orientation.isCCW(rings.get(1))).as("hole counter-clockwise").isTrue();
        assertThat(Orientation.isCCW(rings.get(2))).as("second outer ring clockwise").isFalse();
    }

    @Test
    void chineseTextInBothCharsetsCutAtCharactersAndReplacedWhereGbkCannot() throws Exception {
        for (Charset charset : ShapefileEncoder.CHARSETS) {
            Path shp = export(charset);
            Path folder = shp.getParent();
            assertThat(Files.readString(folder.resolve("hole_test.cpg"))).isEqualTo(charset.name());
            assertThat(Files.readAllBytes(folder.resolve("hole_test.dbf"))[29])
                    .as("language driver id").isEqualTo(charset.equals(GBK) ? (byte) 0x7A : (byte) 0);
            String all = Gdal.ogrinfo(shp, List.of("-al", "-q"));
            assertThat(all).contains("name (String) = 孝义市", "tierPopula (String) = 20—50万人",
                    "tierPopu_2 (String) = I型小城市", "countyCoun (Integer) = 117", "areaKm2 (Real) = 21095.53",
                    "areaKm2 (Real) = -0.50", "core (String) = T", "core (String) = ?", "coreNames (String) = [\"孝义市\",\"汾阳市\"]");
            Gdal.Layer layer = Gdal.layer(shp);
            List<String> quotes = layer.sql("SELECT sourceQuot FROM hole_test WHERE id = 'a'", "sourceQuot");
            assertThat(quotes).containsExactly(QUOTE.substring(0, charset.equals(GBK) ? 127 : 84));
            List<String> names = layer.sql("SELECT name FROM hole_test WHERE id = 'a'", "name");
            assertThat(names).containsExactly(charset.equals(GBK) ? "带洞??" : "带洞😀𠀀");
            String mapping = new String(Files.readAllBytes(folder.resolve(ShapefileEncoder.MAPPING)), StandardCharsets.UTF_8);
            assertThat(mapping).startsWith("\uFEFFDBF字段,属性,说明,DBF类型,备注\r\n")
                    .contains("tierPopula,tierPopulation,规模等级人口区间,C(", "sourceQuot,sourceQuote,原文,C(" + (charset.equals(GBK) ? 254 : 252) + "),",
                            "本文件中已截断 1 个值", "areaKm2,areaKm2,面积,\"N(9,2)\",", "core,core,核心,L,");
            assertThat(mapping.contains("无法表示的 2 个字符已替换")).isEqualTo(charset.equals(GBK));
        }
    }

    /** The rings of the first record of a .shp, straight from the bytes as the specification lays them out. */
    static List<Coordinate[]> rings(byte[] shp) {
        ByteBuffer b = ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN).getInt(0)).isEqualTo(9994);
        assertThat(ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN).getInt(24) * 2).isEqualTo(shp.length);
        int content = 108;
        assertThat(b.getInt(content)).isEqualTo(5);
        int parts = b.getInt(content + 36);
        int points = b.getInt(content + 40);
        int[] starts = new int[parts + 1];
        for (int i = 0; i < parts; i++) {
            starts[i] = b.getInt(content + 44 + 4 * i);
        }
        starts[parts] = points;
        int xy = content + 44 + 4 * parts;
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Coordinate[] ring = new Coordinate[starts[i + 1] - starts[i]];
            for (int k = 0; k < ring.length; k++) {
                int at = xy + 16 * (starts[i] + k);
                ring[k] = new Coordinate(b.getDouble(at), b.getDouble(at + 8));
            }
            rings.add(ring);
        }
        return rings;
    }
}
