package org.voterroll.roll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void lineBreaksTabsAndFullWidthSpacesBecomeOneSpace() {
        assertThat(Cells.fold("城关镇东风村\r\n3组12号")).isEqualTo("城关镇东风村 3组12号");
        assertThat(Cells.fold("城关镇\n\n\t东风村　　3组  12号")).isEqualTo("城关镇 东风村 3组 12号");
        assertThat(Cells.fold("  \u3000张伟\t")).isEqualTo("张伟");
        assertThat(Cells.fold("买买提·艾力")).isEqualTo("买买提·艾力");
        assertThat(Cells.fold("\n\t ")).isEmpty();
        assertThat(Cells.fold(null)).isNull();
    }

    @Test
    void textWithoutWhitespaceIsReturnedAsItIs() {
        String s = "341299100-02";
        assertThat(Cells.fold(s)).isSameAs(s);
    }
}
