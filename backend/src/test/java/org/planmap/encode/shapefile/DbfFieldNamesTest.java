package org.planmap.encode.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbfFieldNamesTest {

    static final Charset GBK = Charset.forName("GBK");

    @Test
    void shortNamesStayLongOnesAreCutAndCollisionsNumbered() {
        List<String> names = DbfFieldNames.assign(List.of("id", "name", "tierSource", "tierPopulation",
                "tierPopulationRange", "TIERPOPULA", "urbanizationRate2025", "area km²"), StandardCharsets.UTF_8);
        assertThat(names).containsExactly("id", "name", "tierSource", "tierPopula", "tierPopu_2", "TIERPOPU_3",
                "urbanizati", "area_km_");
    }

    @Test
    void chineseNamesAreCountedInBytesOfTheFileCharset() {
        List<String> utf8 = DbfFieldNames.assign(List.of("规划人口规模", "规划人口规划"), StandardCharsets.UTF_8);
        assertThat(utf8).containsExactly("规划人", "规划_2");   // 3 bytes a character: 9 bytes, then 6 + 2
        List<String> gbk = DbfFieldNames.assign(List.of("规划人口规模", "规划人口规划"), GBK);
        assertThat(gbk).containsExactly("规划人口规", "规划人口_2");   // 2 bytes a character
        utf8.forEach(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10));
        gbk.forEach(n -> assertThat(n.getBytes(GBK).length).isLessThanOrEqualTo(10));
    }

    @Test
    void theSameFieldsAlwaysGetTheSameNames() {
        List<String> fields = List.of("coreNames", "radiatedNames", "radiatedNamesAll", "memberNames");
        assertThat(DbfFieldNames.assign(fields, GBK)).isEqualTo(DbfFieldNames.assign(fields, GBK))
                .containsExactly("coreNames", "radiatedNa", "radiated_2", "memberName");
    }
}
