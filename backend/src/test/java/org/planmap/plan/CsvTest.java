package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String text = "\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n";

        assertThat(Csv.parse(text)).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("", "", ""));
    }

    @Test
    void lastRecordNeedsNoLineBreak() {
        assertThat(Csv.parse("a,b\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void rejectsMalformedQuoting() {
        assertThatThrownBy(() -> Csv.parse("a,\"open\n")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Csv.parse("a,\"x\"y\n")).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> Csv.parse("a,x\"y\n")).hasMessageContaining("inside an unquoted field");
    }

    @Test
    void tableRejectsAnUnexpectedHeaderOrRecordWidth() {
        assertThatThrownBy(() -> CsvTable.read("t.csv", "a,c\n1,2\n", List.of("a", "b")))
                .hasMessageContaining("t.csv: header must be [a, b]");
        assertThatThrownBy(() -> CsvTable.read("t.csv", "a,b\n1\n", List.of("a", "b")))
                .hasMessageContaining("t.csv record 2: 1 fields");
    }
}
