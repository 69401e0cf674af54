package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RULES.md's second certain link, and what it is not (issue 18). */
class RepairRuleTest {
    static final String NUMBER = "341299199004120222";
    /** one birth digit off (0412 → 0413): fails its check digit */
    static final String TYPO = "341299199004130222";
    static final PersonSeed DAUGHTER = new PersonSeed(NUMBER, NUMBER, "朱杰猛", 'F', LocalDate.of(1990, 4, 12), "341299100201", "h1", "女",
            1L, true, null, "地址", null, null);

    static IdentityRecord record(String source, String name, Character sex, LocalDate birth, YearMonth month) {
        return new IdentityRecord(9, source, TYPO, "BAD_CHECK", name, sex, birth, month, "341299100201", null, null, "row9", "f.csv", 2,
                null, null, null);
    }

    @Test
    void aNumberOneDigitOffWithTheRecordsOwnNameSexAndBirthIsRepaired() {
        var link = RepairRule.apply(record("shebao", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), null), List.of(DAUGHTER));
        assertTrue(link.isPresent());
        assertEquals(Link.Method.REPAIRED, link.get().method());
        assertTrue(RepairRule.apply(record("tongji", "朱杰猛", 'F', null, YearMonth.of(1990, 4)), List.of(DAUGHTER)).isPresent());
    }

    @Test
    void aHomophoneIsNoRepair() {
        assertTrue(RepairRule.apply(record("shebao", "朱洁猛", 'F', LocalDate.of(1990, 4, 12), null), List.of(DAUGHTER)).isEmpty());
    }

    /** minzheng, waidi, xuanwei and chaiqian rows state no birth: what their mistyped number encodes is no evidence. */
    @Test
    void sexAndBirthOnlyFromTheMistypedNumberAreNoEvidence() {
        assertTrue(RepairRule.apply(record("minzheng", "朱杰猛", 'F', null, null), List.of(DAUGHTER)).isEmpty());
        assertTrue(RepairRule.apply(record("waidi", "朱杰猛", null, null, null), List.of(DAUGHTER)).isEmpty());
    }

    @Test
    void twoPersonsWithinOneTypoAreNoRepair() {
        PersonSeed other = new PersonSeed("x", "341299199004130213", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), "341299100201", "h2", "女",
                2L, true, null, "地址", null, null);
        assertTrue(RepairRule.apply(record("shebao", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), null), List.of(DAUGHTER, other)).isEmpty());
    }
}
