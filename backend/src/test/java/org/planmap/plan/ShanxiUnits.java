package org.planmap.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.boundary.AdminUnit;

/**
 * The 11 prefecture cities and 117 county-level units of Shanxi with current GB/T 2260 codes, written
 * as the authoritative list reads, so it can be checked against that list by eye. Production boundaries
 * come from the GeoJSON; this fixture keeps the plan tests independent of it.
 */
final class ShanxiUnits {

    private static final String LIST = """
            太原市140100: 小店区140105 迎泽区140106 杏花岭区140107 尖草坪区140108 万柏林区140109 晋源区140110 清徐县140121 阳曲县140122 娄烦县140123 古交市140181
            大同市140200: 新荣区140212 平城区140213 云冈区140214 云州区140215 阳高县140221 天镇县140222 广灵县140223 灵丘县140224 浑源县140225 左云县140226
            阳泉市140300: 城区140302 矿区140303 郊区140311 平定县140321 盂县140322
            长治市140400: 潞州区140403 上党区140404 屯留区140405 潞城区140406 襄垣县140423 平顺县140425 黎城县140426 壶关县140427 长子县140428 武乡县140429 沁县140430 沁源县140431
            晋城市140500: 城区140502 沁水县140521 阳城县140522 陵川县140524 泽州县140525 高平市140581
            朔州市140600: 朔城区140602 平鲁区140603 山阴县140621 应县140622 右玉县140623 怀仁市140681
            晋中市140700: 榆次区140702 太谷区140703 榆社县140721 左权县140722 和顺县140723 昔阳县140724 寿阳县140725 祁县140727 平遥县140728 灵石县140729 介休市140781
            运城市140800: 盐湖区140802 临猗县140821 万荣县140822 闻喜县140823 稷山县140824 新绛县140825 绛县140826 垣曲县140827 夏县140828 平陆县140829 芮城县140830 永济市140881 河津市140882
            忻州市140900: 忻府区140902 定襄县140921 五台县140922 代县140923 繁峙县140924 宁武县140925 静乐县140926 神池县140927 五寨县140928 岢岚县140929 河曲县140930 保德县140931 偏关县140932 原平市140981
            临汾市141000: 尧都区141002 曲沃县141021 翼城县141022 襄汾县141023 洪洞县141024 古县141025 安泽县141026 浮山县141027 吉县141028 乡宁县141029 大宁县141030 隰县141031 永和县141032 蒲县141033 汾西县141034 侯马市141081 霍州市141082
            吕梁市141100: 离石区141102 文水县141121 交城县141122 兴县141123 临县141124 柳林县141125 石楼县141126 岚县141127 方山县141128 中阳县141129 交口县141130 孝义市141181 汾阳市141182
            """;

    private static final Pattern PLACE = Pattern.compile("(\\D+?)(\\d{6})");

    private static final List<PrefectureCity> CITIES = new ArrayList<>();
    private static final List<AdminUnit> UNITS = new ArrayList<>();

    static {
        for (String line : LIST.strip().split("\n")) {
            String[] cityAndUnits = line.split(":", 2);
            Matcher city = PLACE.matcher(cityAndUnits[0].strip());
            if (!city.matches()) {
                throw new IllegalStateException("bad city in fixture: " + line);
            }
            PrefectureCity prefecture = new PrefectureCity(city.group(2), city.group(1));
            CITIES.add(prefecture);
            for (String unit : cityAndUnits[1].strip().split(" ")) {
                Matcher m = PLACE.matcher(unit);
                if (!m.matches()) {
                    throw new IllegalStateException("bad unit in fixture: " + unit);
                }
                UNITS.add(AdminUnit.of(m.group(2), m.group(1), prefecture.adcode(), prefecture.name()));
            }
        }
    }

    private ShanxiUnits() {
    }

    static List<PrefectureCity> cities() {
        return List.copyOf(CITIES);
    }

    static List<AdminUnit> units() {
        return List.copyOf(UNITS);
    }

    static AdminUnit unit(String name, String adcode) {
        return UNITS.stream().filter(u -> u.adcode().equals(adcode) && u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + name + " " + adcode + " in the fixture"));
    }
}
