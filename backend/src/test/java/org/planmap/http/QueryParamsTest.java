package org.planmap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class QueryParamsTest {

    @Test
    void aBoxOfXiaoyiIsReadAsLongitudeThenLatitude() {
        assertThat(QueryParams.bbox("111.5,36.9,111.9,37.3")).isEqualTo(new Envelope(111.5, 111.9, 36.9, 37.3));
    }

    /** The box a planner copied from a tool that writes EPSG:4326 latitude first. */
    @Test
    void aBoxWithLatitudeFirstIsRefusedWithTheOrderItShouldHave() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> QueryParams.bbox("36.9,111.5,37.3,111.9"));
        assertThat(e.code()).isEqualTo("invalid-parameter");
        assertThat(e.messageZh()).contains("经纬度似乎写反了", "111.5,36.9,111.9,37.3");
        assertThat(e.messageEn()).contains("look swapped", "111.5,36.9,111.9,37.3");
    }

    @Test
    void aBoxOutOfRangeEitherWayIsRefusedWithoutAHint() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> QueryParams.bbox("100,95,120,200"));
        assertThat(e.messageZh()).contains("纬度须在 -90~90").doesNotContain("写反");
    }
}
