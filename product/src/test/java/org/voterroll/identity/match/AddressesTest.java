package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "东山镇平洲村9组31号|东山镇平洲村9组31号",
            "东山镇平洲村9组31号|平洲村9组31号",                        // the township written by one agency only
            "某某县东山镇平洲村9组31号|东山镇平洲村9组31号",
            "东山镇平洲村9组31号|东山镇平洲村,9组31号",                  // punctuation
            "东山镇平洲村9组31号|'东山镇平洲村\n9组31号'",               // a line break inside the cell
            "东山镇平洲村9组31号|东山镇平洲村9组31号（\"老屋\"）",        // a remark in brackets
            "东山镇平洲村9组31号|东山镇 平洲村 ９组３１号",                // spaces, full-width digits
            "东山镇平洲村9组31号|东山镇平洲村九组三十一号",                // Chinese numerals
            "城关镇新华社区12栋101室|城关镇新华社区十二栋一〇一室",
            "城关镇新华社区23栋105室|城关镇新华社区二十三栋一百零五室",
            "城关镇新华社区20栋2单元|城关镇新华社区二十栋二单元",
            "武康街道东风村5组47号|'武康街道东风村5组47号,院内'",         // a remark after a comma
            "新华社区19幢2单元1202室|新华社区19幢2单元1202室；东侧、临街",  // two remarks
    })
    void oneDwellingWrittenTwoWays(String a, String b) {
        assertThat(Addresses.sameDwelling(a, b)).isTrue();
        assertThat(Addresses.sameDwelling(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource(delimiter = '|', value = {
            "东山镇平洲村9组31号|东山镇平洲村9组32号",                     // the neighbours
            "东山镇平洲村9组31号|东山镇平洲村19组31号",
            "东山镇平洲村9组31号|东山镇红园村9组31号",                     // another village, same numbers
            "东山镇平洲村9组31号|31号",                                   // too short an end to name a dwelling
            "东山镇平洲村|平洲村",                                         // no numbered place at all
            "东山镇三河村3组5号|东山镇河村3组5号",
            "三河村3组5号|河村3组5号",                                     // part of a name left out, not a division
            "东山镇平洲村9组31号|'东山镇平洲村9组31号,32号'",              // after the comma another number: not a remark
            "东山镇平洲村9组31号|'东山镇平洲村9组31号,三组'",
    })
    void differentDwellings(String a, String b) {
        assertThat(Addresses.sameDwelling(a, b)).isFalse();
        assertThat(Addresses.sameDwelling(b, a)).isFalse();
    }

    @Test
    void missingAddressesAreNeverTheSameDwelling() {
        assertThat(Addresses.sameDwelling(null, "东山镇平洲村9组31号")).isFalse();
        assertThat(Addresses.sameDwelling("东山镇平洲村9组31号", " ")).isFalse();
        assertThat(Addresses.sameDwelling("（老屋）", "（老屋）")).isFalse();
        assertThat(Addresses.normalise("（老屋）")).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "三组|3组", "十号|10号", "十二号|12号", "二十号|20号", "二十三栋|23栋", "一百零五室|105室", "三〇二室|302室",
            "两单元|2单元", "三河村|三河村", "十里铺村五组|十里铺村5组", "三五十号|三五十号", "十十号|十十号",
    })
    void chineseNumeralsOfAPlaceBecomeDigits(String in, String out) {
        assertThat(Addresses.numeralsAsDigits(in)).isEqualTo(out);
    }
}
