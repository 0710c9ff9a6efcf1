package org.planmap.importer.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planmap.importer.ImporterFixtures.features;
import static org.assertj.core.api.Assertions.within;
import static org.planmap.importer.ImporterFixtures.file;
import static org.planmap.importer.ImporterFixtures.markAsSymlink;
import static org.planmap.importer.ImporterFixtures.refused;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.crs.CrsRef;
import org.planmap.importer.ImportLimits;
import org.planmap.importer.LimitCounter;
import org.planmap.importer.FileContents;
import org.planmap.store.Feature;
import org.planmap.store.Field;

class ShapefileZipReaderTest {

    @TempDir
    Path work;   // the reader's temporary area: must be empty after every read, refused or not

    @TempDir
    Path in;

    private ShapefileZipReader reader;

    private ShapefileZipReader reader() {
        if (reader == null) {
            reader = new ShapefileZipReader(new GeometryFactory(), work, 20);
        }
        return reader;
    }

    @AfterEach
    void noTemporaryFilesAreLeft() throws IOException {
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void readsGdalsGbkShapefileThroughItsCpg() {
        FileContents data = reader().read(file("shp-gbk-4546.zip"), ImportLimits.DEFAULT);
        assertThat(data.format()).isEqualTo("shapefile");
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.of(4546));
        assertThat(features(data)).extracting(f -> f.properties().get("name")).containsExactly("汾阳市", "孝义市", "介休市");
        assertThat(features(data).get(1).properties()).containsEntry("cityName", "吕梁市").containsEntry("kind", "县级市")
                .containsEntry("code", 141181L);
        assertThat(data.fields()).extracting(Field::type).containsExactly(Field.Type.STRING, Field.Type.STRING,
                Field.Type.STRING, Field.Type.STRING, Field.Type.REAL, Field.Type.INTEGER, Field.Type.INTEGER);
        for (Feature f : features(data)) {
            assertThat(f.geometry().isValid()).isTrue();
            // Gauss-Krüger near its central meridian keeps areas within a fraction of a percent.
            double km2 = ((Number) f.properties().get("areaKm2")).doubleValue();
            assertThat(f.geometry().getArea() / 1e6).isCloseTo(km2, within(km2 * 0.01));
        }
        assertThat(data.notes()).anyMatch(n -> n.contains("GBK"));
    }

    @Test
    void theFeaturesAreReadFromTheZipAsTheStoreTakesThemNotHeld() throws IOException {
        Path copy = Files.copy(file("shp-gbk-4546.zip"), in.resolve("copy.zip"));
        FileContents data = reader().read(copy, ImportLimits.DEFAULT);
        try (var left = Files.list(work)) {
            assertThat(left).as("between passes nothing stays extracted").isEmpty();
        }
        assertThat(features(data)).extracting(f -> f.properties().get("name")).containsExactly("汾阳市", "孝义市", "介休市");
        assertThat(features(data)).as("each pass extracts and reads again").hasSize(3);
        Files.delete(copy);
        assertThatThrownBy(() -> features(data)).as("nothing of it was kept in memory")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void guessesUtf8WithoutCpgAndFindsTheSetInAFolder() {
        FileContents data = reader().read(file("shp-utf8-nocpg.zip"), ImportLimits.DEFAULT);
        assertThat(data.declaredCrs()).isEqualTo(CrsRef.of(4490));
        assertThat(features(data)).extracting(f -> f.properties().get("name")).contains("孝义市");
        assertThat(data.notes()).anyMatch(n -> n.contains("UTF-8") && n.contains(".cpg"));
    }

    @Test
    void guessesGbkWhenTheBytesAreNotUtf8() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        set.remove("counties.cpg");
        FileContents data = reader().read(zip("gbk-nocpg.zip", set), ImportLimits.DEFAULT);
        assertThat(features(data)).extracting(f -> f.properties().get("name")).contains("孝义市");
        assertThat(data.notes()).anyMatch(n -> n.contains("GBK"));
    }

    @Test
    void withoutPrjTheCrsIsUnknown() {
        FileContents data = reader().read(file("shp-noprj.zip"), ImportLimits.DEFAULT);
        assertThat(data.declaredCrs()).isNull();
        assertThat(features(data)).hasSize(3);
        assertThat(data.notes()).anyMatch(n -> n.contains(".prj"));
    }

    @Test
    void holesAreHolesAndAnIslandInAHoleIsItsOwnPolygon() {
        FileContents data = reader().read(file("shp-hole-z.zip"), ImportLimits.DEFAULT);
        Geometry square = features(data).get(0).geometry();
        assertThat(square).isInstanceOf(Polygon.class);
        assertThat(((Polygon) square).getNumInteriorRing()).isEqualTo(1);
        assertThat(square.getArea()).isEqualTo(1_000_000 - 250_000, within(1e-6));
        Geometry multi = features(data).get(1).geometry();
        assertThat(multi).isInstanceOf(MultiPolygon.class);
        assertThat(multi.getNumGeometries()).isEqualTo(3);
        assertThat(multi.isValid()).isTrue();
        assertThat(multi.getArea()).isEqualTo(4e6 - 1e6 + 0.16e6 + 0.01e6, within(1e-6));
        assertThat(multi.getCoordinate().getZ()).isNaN();   // Z was read and dropped
        assertThat(features(data).get(0).properties()).containsEntry("day", "2021-04-30").containsEntry("n", 7L);
        assertThat(features(data).get(1).properties()).containsEntry("n", -3L);
    }

    @Test
    void readsPointsAndLines() {
        FileContents points = reader().read(file("shp-points.zip"), ImportLimits.DEFAULT);
        assertThat(features(points)).extracting(Feature::geometry).hasSize(3).allMatch(g -> g instanceof Point);
        FileContents lines = reader().read(file("shp-lines.zip"), ImportLimits.DEFAULT);
        assertThat(features(lines)).extracting(Feature::geometry).hasSize(3)
                .allMatch(g -> g instanceof LineString || g instanceof MultiLineString);
    }

    @Test
    void logicalFieldsAndACodePageNumberInTheCpg() throws IOException {
        Map<String, byte[]> set = entries(file("shp-points.zip"));
        ByteArrayOutputStream dbf = new ByteArrayOutputStream();
        try (DBFWriter w = new DBFWriter(dbf, Charset.forName("GBK"))) {
            DBFField name = new DBFField("名称", DBFDataType.CHARACTER, 20);
            w.setFields(new DBFField[] {name, new DBFField("ok", DBFDataType.LOGICAL)});
            w.addRecord(new Object[] {"孝义市", true});
            w.addRecord(new Object[] {"汾阳市", false});
            w.addRecord(new Object[] {"介休市", null});
        }
        set.put("points.dbf", dbf.toByteArray());
        set.put("points.cpg", "936".getBytes(StandardCharsets.US_ASCII));
        FileContents data = reader().read(zip("logical.zip", set), ImportLimits.DEFAULT);
        assertThat(data.fields()).extracting(Field::type).containsExactly(Field.Type.STRING, Field.Type.BOOLEAN);
        assertThat(features(data).get(0).properties()).containsEntry("名称", "孝义市").containsEntry("ok", true);
    }

    @Test
    void zipEntryNamesInGbkAreRead() throws IOException {
        Map<String, byte[]> set = new LinkedHashMap<>();
        entries(file("shp-gbk-4546.zip")).forEach((k, v) -> set.put("县界/" + k.replace("counties", "县"), v));
        Path z = in.resolve("gbk-names.zip");
        writeZip(z, set, Charset.forName("GBK"));
        assertThat(features(reader().read(z, ImportLimits.DEFAULT))).hasSize(3);
    }

    @Test
    void refusesATruncatedShp() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        byte[] shp = set.get("counties.shp");
        set.put("counties.shp", java.util.Arrays.copyOf(shp, shp.length - 1000));
        var e = refused(ShapefileZipReader.TRUNCATED, () -> reader().read(zip("cut.zip", set), ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("truncated .shp at record 3");
    }

    @Test
    void refusesLyingRecordLengths() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        byte[] shp = set.get("counties.shp").clone();
        ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN).putInt(104, Integer.MAX_VALUE);   // record 1: 4 GB
        set.put("counties.shp", shp);
        var e = refused(ShapefileZipReader.TRUNCATED, () -> reader().read(zip("huge.zip", set), ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("record 1");

        byte[] shorter = entries(file("shp-gbk-4546.zip")).get("counties.shp");
        ByteBuffer.wrap(shorter).order(ByteOrder.BIG_ENDIAN).putInt(104, 30);   // 60 bytes: fewer than its points
        set.put("counties.shp", shorter);
        e = refused(ShapefileZipReader.BAD_RECORD, () -> reader().read(zip("short.zip", set), ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("record 1");

        byte[] points = entries(file("shp-gbk-4546.zip")).get("counties.shp");
        ByteBuffer.wrap(points).order(ByteOrder.LITTLE_ENDIAN).putInt(108 + 40, 1 << 30);   // numPoints: 2^30
        set.put("counties.shp", points);
        refused(ShapefileZipReader.BAD_RECORD, () -> reader().read(zip("points.zip", set), ImportLimits.DEFAULT));
    }

    @Test
    void refusesACutDbfOrOneThatDoesNotMatchTheShp() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        byte[] dbf = set.get("counties.dbf");
        set.put("counties.dbf", java.util.Arrays.copyOf(dbf, dbf.length - 500));   // the last record(s) gone
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.planmap.importer.ImportException.class,
                () -> reader().read(zip("cutdbf.zip", set), ImportLimits.DEFAULT));
        assertThat(e).isNotNull();   // JavaDBF either fails on the cut record or ends early: both are refusals
        assertThat(e.code()).isIn(ShapefileZipReader.BAD_DBF, ShapefileZipReader.MISMATCH);
        Map<String, byte[]> lines = entries(file("shp-lines.zip"));
        lines.put("lines.shp", entries(file("shp-hole-z.zip")).get("hole.shp"));   // 2 shapes, 3 rows
        lines.put("lines.shx", entries(file("shp-hole-z.zip")).get("hole.shx"));
        refused(ShapefileZipReader.MISMATCH, () -> reader().read(zip("mismatch.zip", lines), ImportLimits.DEFAULT));
    }

    @Test
    void refusesAMultiPatch() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        byte[] shp = set.get("counties.shp");
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(108, 31);
        set.put("counties.shp", shp);
        refused(ShapefileZipReader.UNSUPPORTED_SHAPE, () -> reader().read(zip("mp.zip", set), ImportLimits.DEFAULT));
    }

    @Test
    void refusesZipSlipAbsolutePathsAndSymlinks() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        set.put("../../evil.txt", new byte[] {1});
        refused(ShapefileZipReader.UNSAFE_ENTRY, () -> reader().read(zip("slip.zip", set), ImportLimits.DEFAULT));
        set.remove("../../evil.txt");
        set.put("/etc/evil.txt", new byte[] {1});
        refused(ShapefileZipReader.UNSAFE_ENTRY, () -> reader().read(zip("abs.zip", set), ImportLimits.DEFAULT));
        set.remove("/etc/evil.txt");
        set.put("link.txt", "/etc/passwd".getBytes(StandardCharsets.US_ASCII));
        Path z = zip("link.zip", set);
        Files.write(z, markAsSymlink(Files.readAllBytes(z), "link.txt"));
        var e = refused(ShapefileZipReader.UNSAFE_ENTRY, () -> reader().read(z, ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("symbolic link");
    }

    @Test
    void refusesAZipBombCountingRealBytes() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        set.put("zeros.bin", new byte[64 << 20]);   // 64 MB of zeros deflate to ~64 KB
        Path z = zip("bomb.zip", set);
        assertThat(Files.size(z)).isLessThan(1 << 20);
        refused(ShapefileZipReader.ZIP_TOO_LARGE,
                () -> reader().read(z, new ImportLimits(1 << 20, 10 << 20, 1000, 1_000_000)));
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        for (int i = 0; i < 30; i++) {
            set.put("junk" + i + ".txt", new byte[1]);
        }
        refused(ShapefileZipReader.TOO_MANY_ENTRIES, () -> reader().read(zip("many.zip", set), ImportLimits.DEFAULT));
    }

    @Test
    void refusesMissingPartsSeveralShapefilesAndNoShapefile() throws IOException {
        Map<String, byte[]> set = entries(file("shp-gbk-4546.zip"));
        set.remove("counties.dbf");
        var e = refused(ShapefileZipReader.MISSING_PART, () -> reader().read(zip("nodbf.zip", set), ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains(".dbf");

        Map<String, byte[]> two = entries(file("shp-gbk-4546.zip"));
        entries(file("shp-points.zip")).forEach((k, v) -> two.put("b/" + k, v));
        e = refused(ShapefileZipReader.SEVERAL, () -> reader().read(zip("two.zip", two), ImportLimits.DEFAULT));
        assertThat(e.messageEn()).contains("counties.shp").contains("b/points.shp");

        refused(ShapefileZipReader.NO_SHAPEFILE, () -> reader().read(zip("none.zip", Map.of("a.txt", new byte[1])),
                ImportLimits.DEFAULT));
    }

    @Test
    void refusesWhatIsNotAZip() throws IOException {
        Path notZip = Files.writeString(in.resolve("x.zip"), "这不是压缩包 not a zip");
        refused(ShapefileZipReader.INVALID_ZIP, () -> reader().read(notZip, ImportLimits.DEFAULT));
    }

    @Test
    void refusesMoreFeaturesOrVerticesThanAllowed() {
        refused(LimitCounter.TOO_MANY_FEATURES,
                () -> reader().read(file("shp-gbk-4546.zip"), new ImportLimits(1 << 20, 1 << 20, 2, 1_000_000)));
        refused(LimitCounter.TOO_MANY_VERTICES,
                () -> reader().read(file("shp-gbk-4546.zip"), new ImportLimits(1 << 20, 1 << 20, 100, 100)));
    }

    @Test
    void acceptsZipNames() {
        assertThat(reader().accepts("红线.ZIP")).isTrue();
        assertThat(reader().accepts("红线.shp")).isFalse();
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), z.readAllBytes());
                }
            }
        }
        return out;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path z = in.resolve(name);
        writeZip(z, entries, StandardCharsets.UTF_8);
        return z;
    }

    private static void writeZip(Path z, Map<String, byte[]> entries, Charset names) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z), names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
