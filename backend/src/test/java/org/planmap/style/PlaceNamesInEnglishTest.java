package org.planmap.style;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceNamesInEnglishTest {

    @Test
    void unitsAndCitiesAreProperNameInPinyinAndTheirKindInEnglish() {
        assertThat(PlaceNamesInEnglish.of("孝义市")).isEqualTo("Xiaoyi City");
        assertThat(PlaceNamesInEnglish.of("尖草坪区")).isEqualTo("Jiancaoping District");
        assertThat(PlaceNamesInEnglish.of("吕梁市")).isEqualTo("Lüliang City");
        assertThat(PlaceNamesInEnglish.of("隰县")).isEqualTo("Xi County");
        assertThat(PlaceNamesInEnglish.of("城区")).isEqualTo("Chengqu District");
    }

    @Test
    void placesReadOtherwiseThanTheDictionarysFirstReadingAreSpeltAsTheyAreSaid() {
        assertThat(PlaceNamesInEnglish.of("长子县")).isEqualTo("Zhangzi County");
        assertThat(PlaceNamesInEnglish.of("长治市")).isEqualTo("Changzhi City");
        assertThat(PlaceNamesInEnglish.of("洪洞县")).isEqualTo("Hongtong County");
        assertThat(PlaceNamesInEnglish.of("繁峙县")).isEqualTo("Fanshi County");
        assertThat(PlaceNamesInEnglish.of("尧都区")).isEqualTo("Yaodu District");
    }

    @Test
    void structuresNameTheirKindInEnglishAndTownGroupsSpellEachMember() {
        assertThat(PlaceNamesInEnglish.of("山西中部城市群")).isEqualTo("Shanxi Zhongbu City Cluster");
        assertThat(PlaceNamesInEnglish.of("晋南城镇圈")).isEqualTo("Jinnan Urban Circle");
        assertThat(PlaceNamesInEnglish.of("太原榆次太谷城市核")).isEqualTo("Taiyuan Yuci Taigu Urban Core");
        assertThat(PlaceNamesInEnglish.of("交汾文孝")).isEqualTo("Jiao-Fen-Wen-Xiao");
    }
}
