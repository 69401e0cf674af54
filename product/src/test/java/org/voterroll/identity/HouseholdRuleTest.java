package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.voterroll.identity.HouseholdRule.Member;

class HouseholdRuleTest {
    private static final Member HUI_A = new Member("p1", "女", "刘慧", null), HUI_B = new Member("p2", "女", "刘慧", null);
    private static final Member SON = new Member("p3", "子", "刘强", null);

    private static Optional<String> linked(long rec, boolean numbered, String relation, String name, List<Long> alike, Member... others) {
        return HouseholdRule.singledOut(rec, numbered, relation, name, alike, List.of(others)).map(Member::key);
    }

    @Test
    void oneMemberOfThatNameAndRelationIsSingledOut() {
        assertEquals(Optional.of("p3"), linked(10, false, "子", "刘强", List.of(10L), HUI_A, SON));
        assertEquals(Optional.empty(), linked(10, false, "女", "刘强", List.of(10L), SON), "the relation disagrees");
        assertEquals(Optional.empty(), linked(10, false, "子", "刘墙", List.of(10L), SON), "a homophone is not the same name");
        assertEquals(Optional.empty(), linked(10, true, "子", "刘强", List.of(10L), SON), "a row with a number says who it is");
        assertEquals(Optional.empty(), linked(10, false, null, "刘强", List.of(10L), SON), "no relation, nothing consistent");
        assertEquals(Optional.empty(), linked(10, false, "子", "刘强", List.of(10L), HUI_A), "nobody of that name");
    }

    @Test
    void twoSistersOfOneNameAndTwoRowsAlikeArePairedInAFixedOrder() {
        assertEquals(Optional.of("p1"), linked(530, false, "女", "刘慧", List.of(531L, 530L), HUI_B, HUI_A));
        assertEquals(Optional.of("p2"), linked(531, false, "女", "刘慧", List.of(531L, 530L), HUI_B, HUI_A));
    }

    @Test
    void countsThatDoNotAnswerEachOtherLeaveTheRowsToReview() {
        assertEquals(Optional.empty(), linked(530, false, "女", "刘慧", List.of(530L), HUI_A, HUI_B),
                "one row, two sisters: whose is it?");
        assertEquals(Optional.empty(), linked(530, false, "女", "刘慧", List.of(530L, 531L, 532L), HUI_A, HUI_B),
                "three rows, two sisters");
        assertEquals(Optional.empty(), linked(530, false, "女", "刘慧", List.of(530L, 531L), HUI_A, HUI_B, new Member("p9", "孙女", "刘慧", null)),
                "a namesake of another relation is a doubt");
    }

    @Test
    void aCaseEnteredTwiceGivesBothCopiesToTheOneMember() {
        assertEquals(Optional.of("p3"), linked(10, false, "子", "刘强", List.of(10L, 11L), SON));
        assertEquals(Optional.of("p3"), linked(11, false, "子", "刘强", List.of(10L, 11L), SON));
    }
}
