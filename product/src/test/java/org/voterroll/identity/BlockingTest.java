package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BlockingTest {
    private static final YearMonth M = YearMonth.of(1987, 11);

    private static boolean meet(List<String> a, List<String> b) {
        return !Collections.disjoint(a, b);
    }

    @Test
    void homophoneSurnamesMeet() {
        assertTrue(meet(Blocking.keys("单伟", 'M', M), Blocking.keys("善伟", 'M', M)), "单 is read shan as a surname");
        assertTrue(meet(Blocking.keys("曾红", 'F', M), Blocking.keys("增红", 'F', M)));
    }

    @Test
    void differentSurnameSexOrMonthDoNotMeet() {
        assertFalse(meet(Blocking.keys("王伟", 'M', M), Blocking.keys("李伟", 'M', M)));
        assertFalse(meet(Blocking.keys("王伟", 'M', M), Blocking.keys("王伟", 'F', M)));
        assertFalse(meet(Blocking.keys("王伟", 'M', M), Blocking.keys("王伟", 'M', M.plusMonths(1))));
    }

    @Test
    void unknownSexMeetsBoth() {
        List<String> unknown = Blocking.keys("王伟", null, M);
        assertTrue(meet(unknown, Blocking.keys("王伟", 'M', M)));
        assertTrue(meet(unknown, Blocking.keys("王伟", 'F', M)));
    }

    @Test
    void minorityNamesWithAndWithoutTheDotMeetAndWildcardSurnamesHaveTheirOwnBlock() {
        assertEquals(Blocking.keys("买买提·艾力", 'M', M), Blocking.keys("买买提艾力", 'M', M));
        assertTrue(meet(Blocking.keys("*伟", 'M', M), Blocking.keys("?伟", 'M', M)));
    }

    @Test
    void aPersonIsAlsoInTheBlocksOfTheirFormerNameOnceEach() {
        long[] renamed = Blocking.personKeys("李秀英", "张秀英", 'F', M);
        Set<Long> keys = new HashSet<>();
        for (long k : renamed) keys.add(k);
        assertEquals(renamed.length, keys.size(), "each block holds the person once");
        for (String k : Blocking.keys("张秀英", 'F', M)) assertTrue(keys.contains(Blocking.hash(k)), "a record under the former name meets her");
        for (String k : Blocking.keys("李秀英", 'F', M)) assertTrue(keys.contains(Blocking.hash(k)));
        // the same surname: no second block
        assertEquals(Blocking.personKeys("王伟", null, 'M', M).length, Blocking.personKeys("王伟", "王小伟", 'M', M).length);
        assertEquals(Blocking.keys("王伟", 'M', M).stream().map(Blocking::hash).toList(),
                java.util.Arrays.stream(Blocking.personKeys("王伟", null, 'M', M)).boxed().toList());
    }

    @Test
    void noNameOrNoBirthNoBlock() {
        assertTrue(Blocking.keys("王伟", 'M', null).isEmpty());
        assertTrue(Blocking.keys("", 'M', M).isEmpty());
        assertTrue(Blocking.keys(null, 'M', M).isEmpty());
    }

    @Test
    void hashesAreStableAndKeepKeysApart() {
        assertEquals(Blocking.hash("M|1987-11|wang"), Blocking.hash("M|1987-11|wang"));
        Set<Long> seen = new HashSet<>();
        for (String sex : List.of("M", "F")) {
            for (int m = 0; m < 12 * 90; m++) {
                for (String s : List.of("wang", "li", "zhang", "liu", "chen", "shan", "dan")) seen.add(Blocking.hash(sex + "|" + M.minusMonths(m) + "|" + s));
            }
        }
        assertEquals(2 * 12 * 90 * 7, seen.size());
        assertNotEquals(Blocking.hash("M|1987-11|shan"), Blocking.hash("F|1987-11|shan"));
    }
}
