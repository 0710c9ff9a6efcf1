package org.planmap.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planmap.store.Feature;
import org.planmap.store.FeatureSource;
import org.planmap.store.Field;
import org.planmap.store.Field.Type;

/** Which field of a county file the import form offers as the codes, on the 117 real counties. */
class CountyFileFieldsTest {

    static final List<Field> FIELDS = List.of(new Field("OBJECTID", Type.INTEGER, null),
            new Field("PAC", Type.REAL, null), new Field("QHDM", Type.STRING, null),
            new Field("NAME", Type.STRING, null), new Field("NOTE", Type.STRING, null));

    /**
     * The real counties with an object id (small numbers), the 9-digit code as a number in {@code PAC} (as a
     * Shapefile's numeric field reads), the 6-digit code as text in {@code QHDM} but for one unit whose code was
     * written as Hebei's, the name, and a note some rows leave empty.
     */
    static List<Feature> rows() {
        List<Feature> rows = new ArrayList<>();
        int i = 0;
        for (Feature c : BoundaryFiles.fromClasspath().counties()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("OBJECTID", ++i);
            p.put("PAC", Double.parseDouble(c.id() + "000"));
            p.put("QHDM", i == 50 ? "130102" : c.id());
            p.put("NAME", c.properties().get("name"));
            p.put("NOTE", i % 2 == 0 ? "" : "2023年勘界");
            rows.add(new Feature(String.valueOf(i), c.geometry(), p));
        }
        return rows;
    }

    @Test
    void theFieldWhoseEveryValueIsAShanxiCountyCodeIsGuessedAndEachFieldHasAValue() {
        CountyFileFields fields = CountyFileFields.of(FIELDS, FeatureSource.of(rows()));

        assertThat(fields.rows()).isEqualTo(117);
        assertThat(fields.adcodeField()).as("PAC, not QHDM with one code of Hebei").isEqualTo("PAC");
        assertThat(fields.nameField()).isEqualTo("NAME");
        assertThat(fields.fields()).extracting(CountyFileFields.Column::name)
                .containsExactly("OBJECTID", "PAC", "QHDM", "NAME", "NOTE");
        CountyFileFields.Column pac = fields.fields().get(1);
        assertThat(pac.sample()).as("a whole number written whole").matches("14\\d{7}");
        assertThat(pac.countyCodes()).isEqualTo(117);
        assertThat(fields.fields().get(2).countyCodes()).isEqualTo(116);
        assertThat(fields.fields().get(0).countyCodes()).isZero();
        assertThat(fields.fields().get(4).values()).isEqualTo(59);
        assertThat(fields.fields().get(4).sample()).isEqualTo("2023年勘界");
    }

    @Test
    void aFileWithoutShanxiCodesHasNoGuess() {
        List<Feature> rows = rows().stream().map(f -> {
            Map<String, Object> p = new LinkedHashMap<>(f.properties());
            p.remove("PAC");
            p.put("QHDM", "13" + String.valueOf(p.get("QHDM")).substring(2));
            return new Feature(f.id(), f.geometry(), p);
        }).toList();

        CountyFileFields fields = CountyFileFields.of(FIELDS, FeatureSource.of(rows));

        assertThat(fields.adcodeField()).isNull();
        assertThat(fields.fields().get(1).sample()).as("PAC is empty throughout").isNull();
    }
}
