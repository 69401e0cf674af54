package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodesTest {

    @Test
    void villageCode() {
        Normalized<AreaCodes.Area> n = AreaCodes.parse("341299100201");
        AreaCodes.Area a = n.value();
        assertThat(a.code()).isEqualTo("341299100201");
        assertThat(a.level()).isEqualTo(AreaCodes.Level.VILLAGE);
        assertThat(a.county()).isEqualTo("341299");
        assertThat(a.township()).isEqualTo("341299100");
        assertThat(n.repairs()).isEmpty();
    }

    @Test
    void twelveDigitsEndingInZerosStayTwelve() {
        AreaCodes.Area a = AreaCodes.parse("341299100000").value();
        assertThat(a.code()).isEqualTo("341299100000");
        assertThat(a.level()).isEqualTo(AreaCodes.Level.VILLAGE);
        assertThat(a.township()).isEqualTo("341299100");
        AreaCodes.Area b = AreaCodes.parse("341299000000").value();
        assertThat(b.code()).isEqualTo("341299000000");
        assertThat(b.level()).isEqualTo(AreaCodes.Level.VILLAGE);
    }

    @Test
    void townshipCode() {
        AreaCodes.Area a = AreaCodes.parse("341299100").value();
        assertThat(a.code()).isEqualTo("341299100");
        assertThat(a.level()).isEqualTo(AreaCodes.Level.TOWNSHIP);
        assertThat(a.county()).isEqualTo("341299");
        assertThat(a.township()).isEqualTo("341299100");
    }

    @Test
    void countyCode() {
        AreaCodes.Area a = AreaCodes.parse("341299").value();
        assertThat(a.code()).isEqualTo("341299");
        assertThat(a.level()).isEqualTo(AreaCodes.Level.COUNTY);
        assertThat(a.county()).isEqualTo("341299");
        assertThat(a.township()).isNull();
    }

    @Test
    void surroundingSpacesAreTrimmedSilently() {
        Normalized<AreaCodes.Area> n = AreaCodes.parse("  341299100201\u3000");
        assertThat(n.value().code()).isEqualTo("341299100201");
        assertThat(n.repairs()).isEmpty();
    }

    @Test
    void innerSpacesAreRemoved() {
        Normalized<AreaCodes.Area> n = AreaCodes.parse("341299 100 201");
        assertThat(n.value().code()).isEqualTo("341299100201");
        assertThat(n.repairs()).containsExactly("去除空格");
    }

    @Test
    void fullWidthDigits() {
        Normalized<AreaCodes.Area> n = AreaCodes.parse("３４１２９９１００２０１");
        assertThat(n.value().code()).isEqualTo("341299100201");
        assertThat(n.value().level()).isEqualTo(AreaCodes.Level.VILLAGE);
        assertThat(n.repairs()).containsExactly("全角数字转半角");
        assertThat(AreaCodes.parse("３４１２９９ 100").repairs()).containsExactly("去除空格", "全角数字转半角");
    }

    @ParameterizedTest
    @ValueSource(strings = {"34129", "3412991", "34129910", "3412991002", "34129910020", "3412991002011", "341299100201000", "1"})
    void wrongLengthIsInvalid(String raw) {
        assertThatThrownBy(() -> AreaCodes.parse(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("区划代码")
                .hasMessageContaining(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"34129910020A", "341299-100201", "3412991002O1", "341299.100201", "341299100201.0", "安徽省", "3.41299E+11"})
    void nonDigitsAreInvalid(String raw) {
        assertThatThrownBy(() -> AreaCodes.parse(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("区划代码");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\t"})
    void blankIsNull(String raw) {
        assertThat(AreaCodes.parse(raw)).isNull();
    }

    @Test
    void levelLengths() {
        assertThat(AreaCodes.Level.COUNTY.length()).isEqualTo(6);
        assertThat(AreaCodes.Level.TOWNSHIP.length()).isEqualTo(9);
        assertThat(AreaCodes.Level.VILLAGE.length()).isEqualTo(12);
    }

    @Test
    void areaRejectsACodeThatDoesNotMatchItsLevel() {
        assertThatThrownBy(() -> new AreaCodes.Area("341299", AreaCodes.Level.VILLAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AreaCodes.Area("34129A", AreaCodes.Level.COUNTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AreaCodes.Area(null, AreaCodes.Level.COUNTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AreaCodes.Area("341299", AreaCodes.Level.COUNTY).county()).isEqualTo("341299");
    }

    @Test
    void areasAreValues() {
        assertThat(AreaCodes.parse("341299100201").value()).isEqualTo(AreaCodes.parse(" ３４１２９９１００２０１ ").value());
    }
}
