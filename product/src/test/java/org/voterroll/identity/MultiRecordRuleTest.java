package org.voterroll.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MultiRecordRuleTest {
    static final String NUMBER = "612733199908073202";
    /** another valid-looking number, several places from NUMBER */
    static final String OTHER = "341299198811230140";

    private static PersonSeed police(String key, String number, String name, String household, String address, String formerName) {
        return new PersonSeed(key, number, name, 'F', LocalDate.of(1999, 8, 7), "341299100001", household, "户主", 1, true, null, address,
                null, formerName);
    }

    @Test
    void twoNumbersAgreeingNamesAndNothingElseAreStrangersBornTheSameDay() {
        PersonSeed a = police("hj:1", NUMBER, "王丽", "hj:h1", "东山镇幸福村8组3号", null);
        PersonSeed o = police("hj:2", OTHER, "王丽", "hj:h2", "西河乡8组12号", null);
        assertThat(MultiRecordRule.namesAgree(a, o)).isTrue();
        assertThat(MultiRecordRule.tiedBeyondNameSexAndBirth(a, o)).isFalse();
        assertThat(MultiRecordRule.pairs(a, o)).isFalse();
    }

    @Test
    void twoNumbersAgreeingNamesAndOneTieArePaired() {
        PersonSeed a = police("hj:1", NUMBER, "王丽", "hj:h1", "东山镇幸福村8组3号", null);
        // one household (MultiRecordTie), one dwelling, or a number one typo apart (MultiRecordTie)
        assertThat(MultiRecordRule.pairs(a, police("hj:2", OTHER, "王莉", "hj:h1", null, null))).as("household").isTrue();
        assertThat(MultiRecordRule.pairs(a, police("hj:2", OTHER, "王丽", "hj:h2", "东山镇幸福村8组3号", null))).as("dwelling").isTrue();
        assertThat(MultiRecordRule.pairs(police("hj:2", "612733199908073220", "王丽", "hj:h2", null, null), a)).as("typo").isTrue();
    }

    @Test
    void oneAddressTextInTwoVillagesIsNoTie() {
        // independent6: namesakes of two townships whose register addresses are both 人民路27号
        PersonSeed a = police("hj:1", NUMBER, "马军", "hj:h1", "人民路27号", null);
        PersonSeed o = new PersonSeed("hj:2", OTHER, "马军", 'F', LocalDate.of(1999, 8, 7), "341299101203", "hj:h2", "户主", 2, true, null,
                "人民路27号", null, null);
        assertThat(MultiRecordRule.tiedBeyondNameSexAndBirth(a, o)).isFalse();
        assertThat(MultiRecordRule.pairs(a, o)).isFalse();
    }

    @Test
    void aFormerNameIsBothTheAgreementAndTheTie() {
        PersonSeed a = police("hj:1", NUMBER, "王丽", "hj:h1", null, null);
        PersonSeed o = police("hj:2", OTHER, "王招娣", "hj:h2", null, "王丽");
        assertThat(MultiRecordRule.namesAgree(a, o)).isTrue();
        assertThat(MultiRecordRule.pairs(a, o)).isTrue();
        assertThat(MultiRecordRule.pairs(a, police("hj:2", OTHER, "王招娣", "hj:h2", null, null))).isFalse();
    }

    @Test
    void oneNumberNamesACharacterApartArePairedOnlyInTwoHouseholds() {
        PersonSeed a = police("hj:1", NUMBER, "王建国", "hj:h1", null, null);
        assertThat(MultiRecordRule.pairs(a, police("hj:2", NUMBER, "王建华", "hj:h2", null, null))).isTrue();
        // one number in one household is two people sharing it (ID_SHARED)
        assertThat(MultiRecordRule.pairs(a, police("hj:2", NUMBER, "王建华", "hj:h1", null, null))).isFalse();
        // another surname is another family; two characters apart are other people
        assertThat(MultiRecordRule.pairs(a, police("hj:2", NUMBER, "李建国", "hj:h2", null, null))).isFalse();
        assertThat(MultiRecordRule.pairs(a, police("hj:2", NUMBER, "王志华", "hj:h2", null, null))).isFalse();
    }

    @Test
    void decidedMergesChainIntoTheSmallestKey() {
        Map<String, String> merges = MultiRecordRule.merges(List.of(new String[] {"hj:3", "hj:2"}, new String[] {"hj:2", "hj:1"},
                new String[] {"hj:1", "hj:3"}, new String[] {"hj:9", "hj:8"}));
        assertThat(merges).containsOnly(Map.entry("hj:3", "hj:1"), Map.entry("hj:2", "hj:1"), Map.entry("hj:9", "hj:8"));
        assertThat(MultiRecordRule.merges(List.of())).isEmpty();
    }
}
