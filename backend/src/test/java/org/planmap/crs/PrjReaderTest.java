package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PrjReaderTest {

    /** The .prj ogr2ogr writes (ESRI, no AUTHORITY: matched on parameters) and GDAL's OGC WKT1. */
    @ParameterizedTest
    @ValueSource(ints = {4326, 4490, 3857, 4546, 4547, 4525, 4526, 4534, 4554, 4513, 4533})
    void identifiesGdalsPrjFilesInBothFlavours(int code) {
        assertThat(PrjReader.identify(CrsFixtures.prj("esri", String.valueOf(code))).epsg()).isEqualTo(code);
        assertThat(PrjReader.identify(CrsFixtures.prj("ogc", String.valueOf(code))).epsg()).isEqualTo(code);
        assertThat(PrjReader.identify(CrsFixtures.dir().resolve("esri/" + code + ".prj")).epsg()).isEqualTo(code);
    }

    /** OGC WKT without any AUTHORITY (as some tools write it) still matches on parameters, AXIS and all. */
    @ParameterizedTest
    @ValueSource(ints = {4326, 4490, 4546, 4547, 4525, 4526, 3857})
    void ogcWktWithoutAuthorityIsMatchedOnParameters(int code) {
        String stripped = CrsFixtures.prj("ogc", String.valueOf(code))
                .replaceAll(",\\s*AUTHORITY\\[\"EPSG\",\"\\d+\"\\]", "");
        assertThat(stripped).doesNotContain("AUTHORITY");
        assertThat(PrjReader.identify(stripped).epsg()).isEqualTo(code);
    }

    @Test
    void theRootAuthorityWinsOverNamesAndParameters() {
        String misnamed = CrsFixtures.prj("ogc", "4546").replace("CM 111E", "CM 114E");
        assertThat(PrjReader.identify(misnamed).epsg()).isEqualTo(4546);
    }

    @Test
    void namesDoNotMatterOnlyParameters() {
        String wkt = "PROJCS[\"my zone\",GEOGCS[\"whatever\",DATUM[\"D_Unknown_based_on_GRS80_ellipsoid\","
                + "SPHEROID[\"GRS_1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"Degree\",0.017453292519943295]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",38500000],PARAMETER[\"False_Northing\",0],"
                + "PARAMETER[\"Central_Meridian\",114],PARAMETER[\"Scale_Factor\",1],"
                + "PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]";
        assertThat(PrjReader.identify(wkt).epsg()).isEqualTo(4526);
        assertThat(PrjReader.identify(wkt.replace("38500000", "500000")).epsg()).isEqualTo(4547);
        assertThatThrownBy(() -> PrjReader.identify(wkt.replace("38500000", "37500000")))
                .hasMessageContaining("false easting 37500000");
    }

    @Test
    void refusesUtm33NamingWhatItFound() {
        assertRefused("esri", "32633", "Transverse Mercator on the WGS 84 ellipsoid", "central meridian 15",
                "looks like UTM zone 33N");
        assertThatThrownBy(() -> PrjReader.identify(CrsFixtures.prj("ogc", "32633")))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo(CrsException.UNSUPPORTED);
                    assertThat(e.messageEn()).contains("EPSG:32633");
                });
    }

    @Test
    void refusesLambertConformalConics() {
        assertRefused("esri", "2154", "projection Lambert_Conformal_Conic", "central meridian 3");
        assertRefused("esri", "cgcs2000-lcc", "projection Lambert_Conformal_Conic",
                "CGCS2000/GRS80 ellipsoid", "central meridian 105");
    }

    @Test
    void refusesWorldMercatorWhichIsNotWebMercator() {
        assertRefused("esri", "3395", "projection Mercator");
    }

    @Test
    void refusesBeijing1954AndXian1980WithTheAdviceToConvert() {
        assertRefused("esri", "4214", "Krasovsky: Beijing 1954", "convert the data to CGCS2000");
        assertRefused("esri", "2434", "Krasovsky: Beijing 1954");
        assertRefused("esri", "2382", "IAG 1975: Xian 1980");
        assertThatThrownBy(() -> PrjReader.identify(CrsFixtures.prj("esri", "2382")))
                .isInstanceOfSatisfying(CrsException.class,
                        e -> assertThat(e.messageZh()).contains("西安80坐标系", "请先转换到 CGCS2000"));
    }

    @Test
    void refusesSixDegreeZones() {
        assertRefused("esri", "4491", "false easting 13500000", "central meridian 75");
    }

    @Test
    void refusesGarbageAndSaysWhere() {
        for (String garbage : new String[] {"", "hello", "PROJCS[\"x\",GEOGCS[", "PROJCS[\"unterminated]",
                "GEOGCS[\"a\",DATUM[\"b\",SPHEROID[\"c\",6378137,298.257223563]]] trailing"}) {
            assertThatThrownBy(() -> PrjReader.identify(garbage)).as(garbage)
                    .isInstanceOfSatisfying(CrsException.class, e -> {
                        assertThat(e.code()).isEqualTo(CrsException.UNREADABLE);
                        assertThat(e.messageZh()).startsWith("坐标系文件（.prj）不是有效的 WKT");
                        assertThat(e.messageEn()).startsWith("the coordinate system (.prj) is not valid WKT");
                    });
        }
    }

    @Test
    void refusesWkt2AndOtherKinds() {
        assertThatThrownBy(() -> PrjReader.identify("GEOGCRS[\"WGS 84\",ID[\"EPSG\",4326]]"))
                .hasMessageContaining("WKT2");
        assertThatThrownBy(() -> PrjReader.identify("GEOCCS[\"WGS 84\"]")).hasMessageContaining("GEOCCS");
    }

    @Test
    void theTokenizerKeepsQuotedBracketsParenthesesAndBom() {
        Wkt.Node n = Wkt.parse("\uFEFF GEOGCS(\"a [b], \"\"c\"\"\", DATUM(\"d\", SPHEROID(\"e\", 6378137, 298.257223563)),"
                + " AXIS[\"Lat\", NORTH] )");
        assertThat(n.keyword()).isEqualTo("GEOGCS");
        assertThat(n.name()).isEqualTo("a [b], \"c\"");
        assertThat(n.child("DATUM").orElseThrow().child("SPHEROID").orElseThrow().number(2)).isEqualTo(298.257223563);
        assertThat(n.child("AXIS").orElseThrow().args().get(1)).isEqualTo(new Wkt.Word("NORTH"));
    }

    private static void assertRefused(String flavour, String name, String... fragments) {
        assertThatThrownBy(() -> PrjReader.identify(CrsFixtures.prj(flavour, name))).as(name)
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo(CrsException.UNRECOGNISED);
                    assertThat(e.messageEn()).contains(fragments);
                    assertThat(e.messageZh()).contains("无法识别坐标系", "EPSG:4326、4490、3857、4513–4554");
                });
    }
}
