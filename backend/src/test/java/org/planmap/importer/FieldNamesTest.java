package org.planmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.planmap.store.Field;

class FieldNamesTest {

    static List<Field> fields(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Field(n, Field.Type.STRING, null)).toList();
    }

    @Test
    void quotesAndCommentMarksAreNamesLikeAnyOther() {
        assertThatCode(() -> FieldNames.check(fields("a\"/*", "*/, \"b", "名称", "x".repeat(63)))).doesNotThrowAnyException();
    }

    @Test
    void namesNoStoreCanHoldAreRefusedByName() {
        for (List<Field> bad : List.of(fields("fid"), fields("Geom"), fields("PLANMAP_ID"), fields(""), fields(" "),
                fields("x".repeat(64)), fields("名".repeat(22)), fields("a\u0000b"), fields("Name", "name"))) {
            String named = bad.get(bad.size() - 1).name();
            assertThatThrownBy(() -> FieldNames.check(bad)).as(bad.toString()).isInstanceOf(ImportException.class)
                    .satisfies(e -> assertThat(((ImportException) e).code()).isEqualTo("field-name-refused"))
                    .satisfies(e -> assertThat(((ImportException) e).messageEn()).contains("“" + named + "”"));
        }
        List<Field> many = new ArrayList<>(IntStream.range(0, FieldNames.MAX_FIELDS + 1).mapToObj(i -> "f" + i)
                .map(n -> new Field(n, Field.Type.STRING, null)).toList());
        assertThatThrownBy(() -> FieldNames.check(many)).hasMessageContaining("1001");
    }
}
