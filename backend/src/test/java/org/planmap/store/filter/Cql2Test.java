package org.planmap.store.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.planmap.store.Feature;
import org.planmap.store.Field;

/**
 * Both CQL2 encodings on examples of the standard (OGC 21-065, annex A and B, with planmap's properties in place of
 * the examples' own), read into the same tree; and the faults each refuses, named with where they are.
 */
class Cql2Test {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final List<Field> FIELDS = List.of(new Field("name", Field.Type.STRING, ""),
            new Field("tier", Field.Type.STRING, ""), new Field("population", Field.Type.INTEGER, ""),
            new Field("areaKm2", Field.Type.REAL, ""), new Field("seat", Field.Type.BOOLEAN, ""),
            new Field("towns", Field.Type.JSON, ""));

    private static Filter.Compare eq(String property, Object value) {
        return new Filter.Compare(property, Filter.Op.EQ, value);
    }

    @Test
    void textAndJsonReadTheSameTree() {
        Map<String, String> pairs = Map.ofEntries(
                Map.entry("tier = 'I型小城市'", "{\"op\":\"=\",\"args\":[{\"property\":\"tier\"},\"I型小城市\"]}"),
                Map.entry("population >= 500000 AND NOT seat = TRUE", "{\"op\":\"and\",\"args\":["
                        + "{\"op\":\">=\",\"args\":[{\"property\":\"population\"},500000]},"
                        + "{\"op\":\"not\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"seat\"},true]}]}]}"),
                Map.entry("name LIKE '孝%' OR tier IS NULL", "{\"op\":\"or\",\"args\":["
                        + "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"孝%\"]},"
                        + "{\"op\":\"isNull\",\"args\":[{\"property\":\"tier\"}]}]}"),
                Map.entry("areaKm2 BETWEEN 100.5 AND 2000", "{\"op\":\"between\",\"args\":[{\"property\":\"areaKm2\"},100.5,2000]}"),
                Map.entry("name IN ('孝义市', '汾阳市')", "{\"op\":\"in\",\"args\":[{\"property\":\"name\"},[\"孝义市\",\"汾阳市\"]]}"),
                Map.entry("S_INTERSECTS(geometry, POINT(111.78 37.14))", "{\"op\":\"s_intersects\",\"args\":["
                        + "{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[111.78,37.14]}]}"),
                Map.entry("S_INTERSECTS(geometry, BBOX(111, 37, 112, 37.5))", "{\"op\":\"s_intersects\",\"args\":["
                        + "{\"property\":\"geometry\"},{\"bbox\":[111,37,112,37.5]}]}"),
                Map.entry("5 < population", "{\"op\":\"<\",\"args\":[5,{\"property\":\"population\"}]}"));
        pairs.forEach((text, json) -> assertThat(Filter.parse(text, null)).as(text)
                .isEqualTo(Filter.parse(json, "cql2-json")));
        assertThat(Cql2Text.parse("5 < population")).isEqualTo(new Filter.Compare("population", Filter.Op.GT, 5L));
    }

    @Test
    void theStandardsTextExamplesRead() {
        assertThat(Cql2Text.parse("city='Toronto'")).isEqualTo(eq("city", "Toronto"));
        assertThat(Cql2Text.parse("\"name\" LIKE 'Smith%'")).isEqualTo(new Filter.Like("name", "Smith%"));
        assertThat(Cql2Text.parse("depth BETWEEN 100.0 AND 150.0")).isEqualTo(new Filter.Between("depth", 100.0, 150.0));
        assertThat(Cql2Text.parse("cityName NOT IN ('Toronto','Frankfurt','Tokyo','New York')")).isEqualTo(new Filter.Not(
                new Filter.In("cityName", List.of("Toronto", "Frankfurt", "Tokyo", "New York"))));
        assertThat(Cql2Text.parse("value IS NOT NULL")).isEqualTo(new Filter.Not(new Filter.IsNull("value")));
        assertThat(Cql2Text.parse("name NOT LIKE 'foo%'")).isEqualTo(new Filter.Not(new Filter.Like("name", "foo%")));
        assertThat(Cql2Text.parse("S_INTERSECTS(geometry,POINT(36.319836 32.288087))")).isEqualTo(
                new Filter.Intersects(GEOMETRIES.createPoint(new Coordinate(36.319836, 32.288087))));
        assertThat(Cql2Text.parse("owner = 'Mrs. Jones'' dog' and floors>-5")).isEqualTo(new Filter.And(List.of(
                eq("owner", "Mrs. Jones' dog"), new Filter.Compare("floors", Filter.Op.GT, -5L))));
        // AND binds tighter than OR; parentheses group
        assertThat(Cql2Text.parse("a = 1 OR b = 2 AND c = 3")).isEqualTo(new Filter.Or(List.of(eq("a", 1L),
                new Filter.And(List.of(eq("b", 2L), eq("c", 3L))))));
        assertThat(Cql2Text.parse("(a = 1 OR b = 2) AND c = 3")).isEqualTo(new Filter.And(List.of(
                new Filter.Or(List.of(eq("a", 1L), eq("b", 2L))), eq("c", 3L))));
        assertThat(Cql2Text.parse("S_INTERSECTS(geometry, POLYGON((110 36, 114 36, 114 40, 110 36)))")).isInstanceOf(
                Filter.Intersects.class);
    }

    @Test
    void faultsAreNamedWithWhereTheyAre() {
        assertThatThrownBy(() -> Cql2Text.parse("name = '孝义市")).isInstanceOf(FilterException.class)
                .hasMessageContaining("at character 8").hasMessageContaining("closing quote");
        assertThatThrownBy(() -> Cql2Text.parse("name = 1 name")).hasMessageContaining("at character 10");
        assertThatThrownBy(() -> Cql2Text.parse("name == 1")).hasMessageContaining("expected a property or a value");
        assertThatThrownBy(() -> Cql2Text.parse("S_WITHIN(geometry, POINT(1 2))")).hasMessageContaining("S_WITHIN");
        assertThatThrownBy(() -> Cql2Text.parse("built > DATE('2020-01-01')")).hasMessageContaining("temporal");
        assertThatThrownBy(() -> Cql2Text.parse("name = tier")).hasMessageContaining("not two properties");
        assertThatThrownBy(() -> Cql2Text.parse("S_INTERSECTS(geometry, POINT(1))")).hasMessageContaining("not valid WKT");
        assertThatThrownBy(() -> Cql2Text.parse("S_INTERSECTS(shape, POINT(1 2))")).hasMessageContaining("not shape");
        assertThatThrownBy(() -> Filter.parse("{\"op\":\"=\",\"args\":[{\"property\":\"a\"}]}", "cql2-json"))
                .hasMessageContaining("= takes 2 arguments, not 1");
        assertThatThrownBy(() -> Filter.parse("{\"op\":", "cql2-json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Filter.parse("{\"op\":\"=\",\"args\":[{\"property\":\"tier\"}", "cql2-json"))
                .hasMessageContaining("line 1, column ").hasMessageNotContaining("Source:");
        assertThatThrownBy(() -> Filter.parse("a = 1", "ecql")).hasMessageContaining("not ecql");
        FilterException fault = (FilterException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Cql2Text.parse("name = '孝义市"));
        assertThat(fault.code()).isEqualTo("invalid-filter");
        assertThat(fault.messageZh()).contains("第 8 个字符处").contains("单引号");
    }

    @Test
    void propertiesAndValuesAreCheckedAgainstTheLayersFields() {
        Queryables.check(Cql2Text.parse("tier = 'I型小城市' AND population > 10 AND areaKm2 < 5 AND seat = FALSE"), FIELDS);
        assertThatThrownBy(() -> Queryables.check(Cql2Text.parse("tire = 'I型小城市'"), FIELDS))
                .hasMessageContaining("no queryable property tire").hasMessageContaining("name, tier, population");
        assertThatThrownBy(() -> Queryables.check(Cql2Text.parse("towns IS NULL"), FIELDS))
                .hasMessageContaining("no queryable property towns");
        assertThatThrownBy(() -> Queryables.check(Cql2Text.parse("population = '10'"), FIELDS))
                .hasMessageContaining("population compares with a number");
        assertThatThrownBy(() -> Queryables.check(Cql2Text.parse("population LIKE '1%'"), FIELDS))
                .hasMessageContaining("LIKE applies to text");
        assertThatThrownBy(() -> Queryables.check(Cql2Text.parse("seat < TRUE"), FIELDS))
                .hasMessageContaining("only with = or <>");
        assertThatThrownBy(() -> Queryables.check(Cql2Text.parse("geometry IS NULL"), FIELDS))
                .hasMessageContaining("only for S_INTERSECTS");
        assertThatThrownBy(() -> Queryables.check(new Filter.Like("name", "a\\"), FIELDS))
                .hasMessageContaining("lone escape");
    }

    /** LIKE is CQL2's: case-sensitive, % and _ wildcards, backslash escapes; null is unknown, and NOT keeps it so. */
    @Test
    void theJavaEvaluationFollowsSql() {
        Feature a = new Feature("a", null, new java.util.HashMap<>(Map.of("name", "Ab_c%", "population", 7L)));
        Feature nameless = new Feature("b", null, new java.util.HashMap<>(Map.of("population", 7L)));
        assertThat(FilterPredicate.of(Cql2Text.parse("name LIKE 'Ab\\_c\\%'"))).accepts(a);
        assertThat(FilterPredicate.of(Cql2Text.parse("name LIKE 'ab%'"))).rejects(a);
        assertThat(FilterPredicate.of(Cql2Text.parse("name LIKE 'A__c_'"))).accepts(a);
        assertThat(FilterPredicate.of(Cql2Text.parse("NOT name = 'x'"))).accepts(a).rejects(nameless);
        assertThat(FilterPredicate.of(Cql2Text.parse("NOT name = 'x' OR population = 7"))).accepts(a, nameless);
        assertThat(FilterPredicate.of(Cql2Text.parse("population BETWEEN 6.5 AND 7"))).accepts(a, nameless);
        assertThat(FilterPredicate.of(Cql2Text.parse("S_INTERSECTS(geometry, POINT(1 1))"))).rejects(a);
        assertThat(FilterPredicate.of(Cql2Text.parse("NOT S_INTERSECTS(geometry, POINT(1 1))"))).accepts(a);
    }
}
