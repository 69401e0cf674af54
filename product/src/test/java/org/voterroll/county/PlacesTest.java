package org.voterroll.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlacesTest {

    @Test
    void aTownshipIsNamedByWhatItsDistrictsNamesBeginWith() {
        assertThat(Places.townshipName(List.of("城关镇第一选区", "城关镇第二选区", "城关镇机械厂选区"))).isEqualTo("城关镇");
        assertThat(Places.townshipName(List.of("河口乡第一选区"))).isEqualTo("河口乡");
        assertThat(Places.townshipName(List.of("新华街道第1选区", "新华街道第2选区"))).isEqualTo("新华街道");
    }

    @Test
    void aShortestMatchIsTakenSoATownshipNamedAfterAVillageIsNotCutShort() {
        // the first 镇/乡/街道 after at least one character: 乡 at the start is part of the name
        assertThat(Places.townshipName(List.of("乡宁镇第1选区", "乡宁镇第2选区"))).isEqualTo("乡宁镇");
    }

    @Test
    void noNameWhereTheDistrictsShareNoTownshipLikeBeginning() {
        assertThat(Places.townshipName(List.of("第一选区", "第二选区"))).isNull();
        assertThat(Places.townshipName(List.of())).isNull();
        assertThat(Places.townshipName(null)).isNull();
    }
}
