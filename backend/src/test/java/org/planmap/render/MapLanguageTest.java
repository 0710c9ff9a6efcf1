package org.planmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.planmap.encode.CachedLayersTest;
import org.planmap.layer.LayerPublisher;
import org.planmap.layer.LayerService;
import org.planmap.layer.LayerWriter;
import org.planmap.style.MapStyles;
import org.planmap.style.MapStyles.LayerStyle;
import org.planmap.store.gpkg.GeoPackageStore;

/**
 * Map images in English (issue 17): the names the renderer decided to draw are pinyin, the legend and scale speak
 * English from the style file, and every word of the style file has its English. No OCR: the label list the
 * renderer returns and the legend rows it builds are what is checked.
 */
class MapLanguageTest {

    static final MapStyles STYLES = MapStyles.fromClasspath();
    static final Envelope SHANXI = new Envelope(110.2, 114.6, 34.5, 40.8);
    static final List<String> LAYERS = List.of("counties", "cities", "province", "town-groups", MapImage.LABELS);
    static GeoPackageStore store;
    static MapImage maps;

    @BeforeAll
    static void publish(@TempDir Path dir) {
        store = GeoPackageStore.open(dir);
        LayerPublisher publisher = new LayerPublisher(new LayerWriter(store));
        CachedLayersTest.ownLayers().forEach(publisher::publish);
        LayerService layers = new LayerService(store);
        maps = new MapImage(new MapRenderer(layers, STYLES), layers);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<String> labels(MapLanguage language) {
        Viewport view = Viewport.fitting(SHANXI, 1200, 900);
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            return maps.draw(g, view, MapLayers.current(LAYERS), language.word(STYLES, MapImage.TITLE), language, null).labels();
        } finally {
            g.dispose();
        }
    }

    @Test
    void anEnglishMapNamesThePlacesInPinyinWhereTheChineseOneUsesCharacters() {
        List<String> chinese = labels(MapLanguage.CHINESE);
        List<String> english = labels(MapLanguage.ENGLISH);
        assertThat(chinese).contains("太原市", "大同市", "运城市");
        assertThat(english).contains("Taiyuan", "Datong", "Yuncheng")
                .noneMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        // The town groups' names are longer in pinyin, so fewer of them find room; the cities, ranked first, all do.
        assertThat(english.stream().filter(n -> !n.contains(" ") && !n.contains("-")).count()).isEqualTo(11);
    }

    @Test
    void theLegendScaleAndTitleSpeakEnglish() {
        LayerStyle counties = STYLES.layer("counties").orElseThrow();
        List<Legend.Row> rows = Legend.rows(counties, List.of(), false, "", chinese -> MapLanguage.ENGLISH.word(STYLES, chinese));
        assertThat(rows).extracting(Legend.Row::text).containsExactly("2025 city-size tiers (Box 3)", "Type I large city",
                "Type II large city", "Medium city", "Type I small city", "Type II small city");
        LayerStyle farmland = STYLES.layer("permanent-basic-farmland").orElseThrow();
        assertThat(Legend.rows(farmland, List.of(), true, "", chinese -> MapLanguage.ENGLISH.word(STYLES, chinese)))
                .extracting(Legend.Row::text).containsExactly("Permanent basic farmland (demonstration data, not official)");
        assertThat(MapLanguage.ENGLISH.word(STYLES, MapImage.TITLE)).isEqualTo("Shanxi 14th Five-Year New Urbanisation Plan");
        assertThat(MapLanguage.ENGLISH.word(STYLES, MapImage.CREDIT)).doesNotContain("（", "）", "边界");
        assertThat(MapLanguage.CHINESE.word(STYLES, "图例")).isEqualTo("图例");
    }

    /** A layer added to the style file without its English would put Chinese into an English map. */
    @Test
    void everyWordOfTheStyleFileHasItsEnglishWithAsciiBrackets() {
        List<String> words = new ArrayList<>(List.of(MapImage.TITLE, MapImage.CREDIT, "图例", "公里", "米", "（示意数据，非官方）"));
        for (LayerStyle style : STYLES.layers().values()) {
            words.add(style.title());
            Stream.of(style.legend(), style.fillBy() == null ? null : style.fillBy().title(),
                    style.dashBy() == null ? null : style.dashBy().title()).filter(w -> w != null).forEach(words::add);
            Stream.of(style.fillBy(), style.strokeBy()).filter(by -> by != null).forEach(by -> words.addAll(by.values().keySet()));
        }
        assertThat(words).allSatisfy(word -> assertThat(STYLES.english()).containsKey(word));
        assertThat(STYLES.english().values()).noneMatch(english -> english.contains("（") || english.contains("）"));
    }
}
