package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.planmap.crs.CrsRef;
import org.planmap.encode.ExportException;
import org.planmap.http.ApiException;
import org.planmap.http.LayerSelection;
import org.planmap.store.LayerInfo;
import org.planmap.style.MapStyles;

/** The export's parameters, file name and cache key, judged without a server. */
class ExportRequestTest {

    static final MapStyles STYLES = MapStyles.fromClasspath();
    static final LayerInfo COUNTIES = new LayerInfo("counties", "县级行政区/划", "MULTIPOLYGON", "EPSG:4326", "test", 117,
            List.of(), List.of(), "v7");

    static ExportRequest parse(String format, String crs, String bbox, String adcode, String encoding, String filter,
            String version) {
        return ExportRequest.parse("counties", new LayerSelection(version, bbox, adcode, filter, null), format, crs,
                encoding, Path.of("exports"), STYLES);
    }

    @Test
    void aShapefileOfOneCitysCountiesInAGaussKrugerZoneIsNamedForWhatItHolds() {
        ExportRequest r = parse("shapefile", "EPSG:4546", "111,37,112,38", "1411", "gbk", null, "2");
        assertThat(r.encoder().format()).isEqualTo("shapefile");
        assertThat(r.charset()).isEqualTo(Charset.forName("GBK"));
        assertThat(r.crs()).isEqualTo(CrsRef.parse("EPSG:4546"));
        assertThat(r.query().layerId()).isEqualTo("counties");
        assertThat(r.query().version()).isEqualTo(2);
        assertThat(r.query().adcodePrefix()).isEqualTo("1411");
        assertThat(r.query().bbox()).isEqualTo(new Envelope(111, 112, 37, 38));
        assertThat(r.fileSuffix()).isEqualTo("-v2-1411-bbox-EPSG4546.zip");
        assertThat(r.attachment(COUNTIES)).contains("filename=\"counties-v2-1411-bbox-EPSG4546.zip\"")
                .as("a title's slash is no path").contains(URLEncoder.encode("县级行政区_划-v2-1411", StandardCharsets.UTF_8))
                .doesNotContain("%2F");
    }

    @Test
    void theDefaultsAreUtf8InWgs84AndTheKeyFollowsTheLayersVersion() {
        ExportRequest r = parse("csv", null, null, null, null, "tier = 'I型小城市'", null);
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(r.crs()).isEqualTo(CrsRef.WGS84);
        assertThat(r.fileSuffix()).isEqualTo("-filter-EPSG4326.csv");
        assertThat(r.key(COUNTIES)).isEqualTo(parse("csv", "", "", "", "UTF-8", "tier = 'I型小城市'", "").key(COUNTIES));
        LayerInfo imported = new LayerInfo("counties", "县级行政区", "MULTIPOLYGON", "EPSG:4326", "test", 117, List.of(),
                List.of(), "v8");
        assertThat(r.key(imported)).as("a new version misses the kept file").isNotEqualTo(r.key(COUNTIES));
    }

    @Test
    void badParametersAreRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> parse("dwg", null, null, null, null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("shapefile, gpkg, kml, csv, geojson");
        assertThatThrownBy(() -> parse(null, null, null, null, null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> parse("shapefile", null, null, null, "latin1", null, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("GBK");
        assertThatThrownBy(() -> parse("kml", "EPSG:4546", null, null, null, null, null))
                .isInstanceOf(ExportException.class).hasMessageContaining("KML");
        assertThatThrownBy(() -> parse("csv", null, "1,2,3", null, null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("bbox");
        assertThatThrownBy(() -> parse("csv", null, null, null, null, null, "zero")).isInstanceOf(ApiException.class)
                .hasMessageContaining("version");
    }
}
