package org.planmap.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.Projection;
import org.planmap.crs.CrsRef.AxisOrder;
import org.planmap.crs.CrsRef.Kind;

class CrsRefTest {

    @Test
    void parsesEveryReferenceForm() {
        assertThat(CrsRef.parse("EPSG:4547").epsg()).isEqualTo(4547);
        assertThat(CrsRef.parse(" epsg:4326 ")).isEqualTo(CrsRef.WGS84);
        assertThat(CrsRef.parse("urn:ogc:def:crs:EPSG::4490")).isEqualTo(CrsRef.CGCS2000);
        assertThat(CrsRef.parse("urn:ogc:def:crs:EPSG:9.8.15:4490")).isEqualTo(CrsRef.CGCS2000);
        assertThat(CrsRef.parse("http://www.opengis.net/def/crs/EPSG/0/4490")).isEqualTo(CrsRef.CGCS2000);
        assertThat(CrsRef.parse("https://www.opengis.net/def/crs/EPSG/0/3857")).isEqualTo(CrsRef.WEB_MERCATOR);
        assertThat(CrsRef.parse("urn:ogc:def:crs:OGC:1.3:CRS84")).isEqualTo(CrsRef.WGS84);
        assertThat(CrsRef.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(CrsRef.WGS84);
        assertThat(CrsRef.WGS84.code()).isEqualTo("EPSG:4326");
        assertThat(CrsRef.parse("EPSG:4546").name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 111E");
        assertThat(CrsRef.parse("EPSG:4525").name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone 37");
    }

    @Test
    void refusesOtherCodesInBothLanguages() {
        assertThatThrownBy(() -> CrsRef.parse("EPSG:32633"))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo(CrsException.UNSUPPORTED);
                    assertThat(e.messageZh()).contains("不支持的坐标系 EPSG:32633", "EPSG:4513–4554");
                    assertThat(e.messageEn()).contains("unsupported coordinate system EPSG:32633");
                });
        assertThatThrownBy(() -> CrsRef.parse("EPSG:4512")).isInstanceOf(CrsException.class);
        assertThatThrownBy(() -> CrsRef.parse("EPSG:4555")).isInstanceOf(CrsException.class);
        assertThatThrownBy(() -> CrsRef.parse("4326")).isInstanceOf(CrsException.class)
                .hasMessageContaining("unrecognised CRS reference '4326'");
        assertThatThrownBy(() -> CrsRef.parse(null)).isInstanceOf(CrsException.class);
    }

    @Test
    void knowsZonesAndTheAxisOrderEpsgDeclares() {
        CrsRef cm111 = CrsRef.of(4546);
        assertThat(cm111.kind()).isEqualTo(Kind.GAUSS_KRUGER);
        assertThat(cm111.centralMeridian()).isEqualTo(111);
        assertThat(cm111.zone()).isEqualTo(37);
        assertThat(cm111.zonePrefixed()).isFalse();
        assertThat(CrsRef.of(4525).zonePrefixed()).isTrue();
        assertThat(CrsRef.of(4525).centralMeridian()).isEqualTo(111);
        assertThat(CrsRef.of(4526).zone()).isEqualTo(38);
        assertThat(CrsRef.gaussKruger(114, false).epsg()).isEqualTo(4547);
        assertThat(CrsRef.gaussKruger(114, true).epsg()).isEqualTo(4526);
        assertThat(CrsRef.of(4513).centralMeridian()).isEqualTo(75);
        assertThat(CrsRef.of(4554).centralMeridian()).isEqualTo(135);
        assertThat(CrsRef.WGS84.declaredAxisOrder()).isEqualTo(AxisOrder.LAT_LON);
        assertThat(CrsRef.CGCS2000.declaredAxisOrder()).isEqualTo(AxisOrder.LAT_LON);
        assertThat(CrsRef.WEB_MERCATOR.declaredAxisOrder()).isEqualTo(AxisOrder.EAST_NORTH);
        assertThat(cm111.declaredAxisOrder()).isEqualTo(AxisOrder.NORTH_EAST);
        assertThat(cm111.nameZh()).isEqualTo("CGCS2000 3度带 第37带，中央经线111°E");
        assertThat(new CrsRef(4546, "another label")).isEqualTo(cm111);
        assertThat(CrsRef.supported()).hasSize(45).startsWith(CrsRef.WGS84, CrsRef.CGCS2000, CrsRef.WEB_MERCATOR)
                .endsWith(CrsRef.of(4554));
    }

    /** Our zone arithmetic against proj4j-epsg's nad/epsg (checked by hand against GDAL 3.6 as well). */
    @Test
    void everyZoneAgreesWithProj4jEpsgDefinitions() {
        CRSFactory factory = new CRSFactory();
        for (int code = 4513; code <= 4554; code++) {
            CrsRef ref = CrsRef.of(code);
            CoordinateReferenceSystem crs = factory.createFromName(ref.code());
            Projection p = crs.getProjection();
            assertThat(p.getProjectionLongitudeDegrees()).as(ref.code())
                    .isCloseTo(ref.centralMeridian(), org.assertj.core.data.Offset.offset(1e-9));
            double fe = ref.zonePrefixed() ? ref.zone() * 1e6 + 500000 : 500000;
            assertThat(p.getFalseEasting()).as(ref.code()).isEqualTo(fe);
            assertThat(p.getScaleFactor()).as(ref.code()).isEqualTo(1.0);
            assertThat(p.getEllipsoid().getA()).isEqualTo(6378137.0);
        }
    }
}
