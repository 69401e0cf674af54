package org.voterroll.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.voterroll.normalize.IdNumbers;

/** The province fixture makes other people, not other mistakes: validity and the one-digit and swap relations survive. */
class ProvinceFixtureTest {

    @Test
    void aValidNumberStaysValidAndAMistypedOneStaysMistypedTheSameWay() {
        String valid = "341299197710101329", swapped = "341299197710103129";
        assertThat(IdNumbers.isValid(valid)).isTrue();
        assertThat(IdNumbers.isValid(swapped)).isFalse();
        for (int shift = 1; shift < 10; shift++) {
            String v = ProvinceFixture.shift(valid, shift), s = ProvinceFixture.shift(swapped, shift);
            assertThat(v).isNotEqualTo(valid);
            assertThat(IdNumbers.isValid(v)).as(v).isTrue();
            assertThat(IdNumbers.isValid(s)).as(s).isFalse();
            assertThat(s).isEqualTo(v.substring(0, 14) + "31" + v.substring(16));
        }
        // the legacy 15-digit form of a number stays the legacy form of the moved number
        String legacy = "341299800312013";
        String full = IdNumbers.from15(legacy);
        assertThat(IdNumbers.from15(ProvinceFixture.shift(legacy, 3))).isEqualTo(ProvinceFixture.shift(full, 3));
    }

    @Test
    void areaCodesOfTheCountyGetTheNewCodeAndKeptNumbersStay() {
        String line = "320102199203031143,钱雪,女,1992-03-03,320102,城关镇新华社区2栋101,341299100001,341299100-02,341299,91341299MA0012345K";
        assertThat(ProvinceFixture.rewrite(line, "341298", 1, Set.of("320102199203031143")))
                .isEqualTo("320102199203031143,钱雪,女,1992-03-03,320102,城关镇新华社区2栋101,341298100001,341298100-02,341298,91341299MA0012345K");
    }
}
