package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

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
        var link = RepairRule.apply(record("shebao", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), null), List.of(DAUGHTER), Set.of());
        assertTrue(link.isPresent());
        assertEquals(Link.Method.REPAIRED, link.get().method());
        assertTrue(RepairRule.apply(record("tongji", "朱杰猛", 'F', null, YearMonth.of(1990, 4)), List.of(DAUGHTER), Set.of()).isPresent());
    }

    @Test
    void aHomophoneIsNoRepair() {
        assertTrue(RepairRule.apply(record("shebao", "朱洁猛", 'F', LocalDate.of(1990, 4, 12), null), List.of(DAUGHTER), Set.of()).isEmpty());
    }

    /** minzheng, waidi, xuanwei and chaiqian rows state no birth: what their mistyped number encodes is no evidence. */
    @Test
    void sexAndBirthOnlyFromTheMistypedNumberAreNoEvidence() {
        assertTrue(RepairRule.apply(record("minzheng", "朱杰猛", 'F', null, null), List.of(DAUGHTER), Set.of()).isEmpty());
        assertTrue(RepairRule.apply(record("waidi", "朱杰猛", null, null, null), List.of(DAUGHTER), Set.of()).isEmpty());
    }

    @Test
    void twoPersonsWithinOneTypoAreNoRepair() {
        PersonSeed other = new PersonSeed("x", "341299199004130213", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), "341299100201", "h2", "女",
                2L, true, null, "地址", null, null);
        assertTrue(RepairRule.apply(record("shebao", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), null), List.of(DAUGHTER, other), Set.of()).isEmpty());
    }

    /**
     * The first independent county at 1,000,000: 杨剑涛's police row carries a mistyped number; the person of the right
     * number is known only from a unit's row 杨剑涛 and a resettlement's 杨建涛, and shows 杨建涛. Without a police record
     * there is no reference spelling, and the unit's row spells him as the police row does: repaired. A police person's
     * name is the reference: another agency's spelling of them does not make a homophone agree.
     */
    @Test
    void aPersonWithoutAPoliceRecordAgreesWithTheSpellingOfAnyOfTheirRecords() {
        PersonSeed known = new PersonSeed("k", NUMBER, "朱洁猛", 'F', LocalDate.of(1990, 4, 12), null, null, null, 3L, false, null, null,
                null, null);
        IdentityRecord police = record("huji", "朱杰猛", 'F', LocalDate.of(1990, 4, 12), null);
        assertTrue(RepairRule.apply(police, List.of(known), Set.of("k")).isPresent());
        assertTrue(RepairRule.apply(police, List.of(known), Set.of()).isEmpty(), "no record of theirs spelt so: a homophone");
        PersonSeed policePerson = new PersonSeed("k", NUMBER, "朱洁猛", 'F', LocalDate.of(1990, 4, 12), "341299100201", "h1", "女", 3L,
                true, null, "地址", null, null);
        assertTrue(RepairRule.apply(police, List.of(policePerson), Set.of("k")).isEmpty(), "the police name is the reference");
    }
}
