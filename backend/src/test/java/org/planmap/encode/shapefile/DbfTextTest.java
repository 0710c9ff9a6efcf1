package org.planmap.encode.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DbfTextTest {

    static final Charset GBK = Charset.forName("GBK");

    @Test
    void longTextIsCutAtACharacterBoundaryInEitherCharset() {
        String quote = "推进以县城为重要载体的城镇化建设".repeat(20);   // 320 characters
        DbfText gbk = DbfText.fit(quote, GBK, 254);
        assertThat(gbk.truncated()).isTrue();
        assertThat(gbk.text()).hasSize(127).isEqualTo(quote.substring(0, 127));
        assertThat(gbk.bytes()).isEqualTo(254).isEqualTo(gbk.text().getBytes(GBK).length);
        DbfText utf8 = DbfText.fit(quote, StandardCharsets.UTF_8, 254);
        assertThat(utf8.text()).hasSize(84);   // 252 bytes: an 85th character would need 255
        assertThat(utf8.bytes()).isEqualTo(252);
        DbfText mixed = DbfText.fit("a" + quote, StandardCharsets.UTF_8, 254);
        assertThat(mixed.bytes()).isEqualTo(253);
        assertThat(new String(mixed.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(mixed.text());
    }

    @Test
    void shortTextIsUntouched() {
        DbfText t = DbfText.fit("孝义市", GBK, 254);
        assertThat(t).isEqualTo(new DbfText("孝义市", 6, false, 0));
    }

    @Test
    void charactersGbkCannotHoldAreReplacedAndCounted() {
        DbfText t = DbfText.fit("吕梁😀𠀀市", GBK, 254);   // an emoji and a CJK Extension B character
        assertThat(t.text()).isEqualTo("吕梁??市");
        assertThat(t.replaced()).isEqualTo(2);
        assertThat(DbfText.fit("吕梁😀𠀀市", StandardCharsets.UTF_8, 254).replaced()).isZero();
        assertThat(DbfText.fit("😀😀", StandardCharsets.UTF_8, 6).text()).isEqualTo("😀");   // never half a pair
    }
}
