package org.voterroll.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.voterroll.normalize.IdNumbers;

class MultiRecordTieTest {
    static final String PERSON = "612733199908073202";

    @Test
    void oneMistypedDigitAnywhereIsATie() {
        for (int pos = 0; pos < 17; pos++) {
            char[] c = PERSON.toCharArray();
            c[pos] = c[pos] == '9' ? '0' : (char) (c[pos] + 1);
            String typo = new String(c);
            assertThat(MultiRecordTie.holds(typo, "hj:2", PERSON, "hj:1")).as(typo).isTrue();
        }
    }

    @Test
    void aSwapOfNeighboursIsATieTheXIncluded() {
        assertThat(MultiRecordTie.holds("612733199908073220", "hj:2", PERSON, "hj:1")).isTrue();
        String withX = "11010519491231002X";
        assertThat(IdNumbers.isValid(withX)).isTrue();
        assertThat(MultiRecordTie.holds("1101051949123100X2", "hj:2", withX, "hj:1")).isTrue();
    }

    @Test
    void aStrangerWhoseNumberDiffersInSeveralPlacesIsNoTieUnlessOfTheSameHousehold() {
        assertThat(MultiRecordTie.holds("341299198811239875", "hj:200011", "341299198811230140", "hj:100097")).isFalse();
        assertThat(MultiRecordTie.holds("341299198811239875", "hj:100097", "341299198811230140", "hj:100097")).isTrue();
        assertThat(MultiRecordTie.holds(null, null, PERSON, null)).isFalse();
        assertThat(MultiRecordTie.holds("61273319990807320", "hj:2", PERSON, "hj:1")).as("17 characters").isFalse();
    }
}
