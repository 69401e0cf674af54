package org.voterroll.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TownshipNamesTest {
    @Test
    void theCommonStartEndingInATownshipWord() {
        assertThat(TownshipNames.of(List.of("东山镇第1选区", "东山镇第2选区", "东山镇第12选区"))).isEqualTo("东山镇");
        assertThat(TownshipNames.of(List.of("城关镇第一选区", "城关镇第二选区", "城关镇机械厂选区"))).isEqualTo("城关镇");
        assertThat(TownshipNames.of(List.of("河口乡第一选区"))).isEqualTo("河口乡");
        assertThat(TownshipNames.of(List.of("武康街道第1选区", "武康街道第2选区"))).isEqualTo("武康街道");
        assertThat(TownshipNames.of(List.of("武康街道办事处第1选区"))).isEqualTo("武康街道办事处");
        assertThat(TownshipNames.of(List.of("新乡镇第1选区", "新乡镇第2选区"))).isEqualTo("新乡镇");
    }

    @Test
    void noNameWhenTheDistrictsShareNone() {
        assertThat(TownshipNames.of(List.of("机械厂选区", "东山镇第1选区"))).isNull();
        assertThat(TownshipNames.of(List.of())).isNull();
        assertThat(TownshipNames.of(null)).isNull();
    }
}
