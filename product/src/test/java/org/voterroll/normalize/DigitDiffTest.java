package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.voterroll.normalize.DigitDiff.Part;

class DigitDiffTest {
    @Test
    void oneWrongDigitIsMarkedAlone() {
        assertThat(DigitDiff.of("341299198304181436", "341299198304187350")).containsExactly(
                new Part("34129919830418", false), new Part("1436", true));
        assertThat(DigitDiff.of("341299198304181436", "341299198304181426")).containsExactly(
                new Part("3412991983041814", false), new Part("3", true), new Part("6", false));
        assertThat(DigitDiff.count("341299198304181436", "341299198304181426")).isEqualTo(1);
    }

    @Test
    void aSwapOfAdjacentDigitsMarksBoth() {
        assertThat(DigitDiff.of("341299198304181436", "341299189304181436")).containsExactly(
                new Part("3412991", false), new Part("98", true), new Part("304181436", false));
    }

    @Test
    void equalNumbersAndLowerCaseXAgree() {
        assertThat(DigitDiff.of("33052119800101123X", "33052119800101123x")).containsExactly(new Part("33052119800101123X", false));
        assertThat(DigitDiff.count("33052119800101123X", "33052119800101123x")).isZero();
    }

    @Test
    void positionsPastTheShorterNumberDiffer() {
        assertThat(DigitDiff.of("123456", "123")).containsExactly(new Part("123", false), new Part("456", true));
        assertThat(DigitDiff.of("123", "123456")).containsExactly(new Part("123", false));
        assertThat(DigitDiff.count("123", "123456")).isEqualTo(3);
    }

    @Test
    void nothingToCompare() {
        assertThat(DigitDiff.of(null, "1")).isEmpty();
        assertThat(DigitDiff.of("341299", null)).isEqualTo(List.of(new Part("341299", false)));
    }
}
