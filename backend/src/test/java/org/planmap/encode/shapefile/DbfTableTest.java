package org.planmap.encode.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import com.linuxense.javadbf.DBFWriter;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planmap.encode.Column;
import org.planmap.store.Feature;
import org.planmap.store.Field;
import org.planmap.store.LayerInfo;

/** The .dbf written through one buffered stream is, byte for byte, what JavaDBF's own file mode writes. */
class DbfTableTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "GBK"})
    void theBufferedTableIsTheFileJavaDbfWrites(String charsetName) throws Exception {
        Charset charset = Charset.forName(charsetName);
        LayerInfo layer = new LayerInfo("t", "t", "MULTIPOLYGON", "EPSG:4326", "", 0, List.of(), List.of(
                new Field("name", Field.Type.STRING, ""), new Field("areaHa", Field.Type.REAL, ""),
                new Field("rank", Field.Type.INTEGER, ""), new Field("official", Field.Type.BOOLEAN, ""),
                new Field("tags", Field.Type.JSON, "")), "v");
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("name", i % 7 == 0 ? null : "永久基本农田（示意）" + "田".repeat(i % 150) + i);
            p.put("areaHa", i % 11 == 0 ? null : -3.5 + i * 0.0125);
            p.put("rank", i % 13 == 0 ? null : (long) i * 997 - 40_000);
            p.put("official", i % 3 == 0 ? null : i % 2 == 0);
            p.put("tags", List.of("示意", i));
            features.add(new Feature("f" + i, null, p));
        }
        Path written = dir.resolve("table.dbf");
        try (DbfTable table = new DbfTable(Column.of(layer), charset, dir.resolve("values"))) {
            for (Feature f : features) {
                table.add(f);
            }
            table.writeDbf(written);
        }

        // JavaDBF's file mode, given the same definitions and the values as the table fitted them
        DBFField[] fields;
        List<Object[]> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(written); DBFReader reader = new DBFReader(in, charset)) {
            fields = new DBFField[reader.getFieldCount()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = reader.getField(i);
            }
            for (Object[] r = reader.nextRecord(); r != null; r = reader.nextRecord()) {
                records.add(r);
            }
        }
        assertThat(records).hasSize(features.size());
        assertThat(records.get(1)[1]).isEqualTo("永久基本农田（示意）田1");
        Path reference = dir.resolve("reference.dbf");
        DBFWriter javaDbf = new DBFWriter(reference.toFile(), charset);
        javaDbf.setFields(fields);
        records.forEach(javaDbf::addRecord);
        javaDbf.close();
        assertThat(Files.readAllBytes(written)).isEqualTo(Files.readAllBytes(reference));
    }
}
