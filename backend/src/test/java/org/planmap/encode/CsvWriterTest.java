package org.planmap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Formula injection (issue 15 finding 4): text that Excel would run is written as text; numbers stay numbers. */
class CsvWriterTest {

    static String csv(String... cells) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvWriter(out).row(List.of(cells)).flush();
        return out.toString(StandardCharsets.UTF_8).substring(1); // without the byte-order mark
    }

    @Test
    void formulaStartsAreNeutralisedAndQuoted() throws Exception {
        assertThat(csv("=HYPERLINK(\"http://evil.example\",\"点我\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"\r\n");
        assertThat(csv("+cmd|' /C calc'!A0", "-1+2", "@SUM(A1)", "\t=1", "\r=1"))
                .isEqualTo("\"'+cmd|' /C calc'!A0\",\"'-1+2\",\"'@SUM(A1)\",\"'\t=1\",\"'\r=1\"\r\n");
    }

    @Test
    void numbersAndOrdinaryTextAreUnchanged() throws Exception {
        assertThat(csv("-3.5", "+7", "-1e-3", "12", "太原市", "a-b", "", "POLYGON ((1 2, 3 4))"))
                .isEqualTo("-3.5,+7,-1e-3,12,太原市,a-b,,\"POLYGON ((1 2, 3 4))\"\r\n");
    }
}
