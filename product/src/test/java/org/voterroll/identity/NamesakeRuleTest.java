package org.voterroll.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.voterroll.identity.NamesakeRule.Namesake;

class NamesakeRuleTest {
    /** a death notice without number or birth: a name, a sex, a village and an address */
    static final IdentityRecord NOTICE = new IdentityRecord(7, "minzheng", null, "EMPTY", "孙炜", 'M', null, null, "341299100001",
            null, null, "h7", "siwang.csv", 3, null, "东山镇幸福村8组3号", null);

    private static NamesakeRule.Person person(long id, String spelling, String sex, String area, String address) {
        return new NamesakeRule.Person(id, spelling, sex, area, null, address, null);
    }

    @Test
    void aNamesakeIsANameReadAsTheRecordsOfItsSex() {
        assertThat(NamesakeRule.of(NOTICE, person(1, "孙伟", "M", "341299100002", null)))
                .contains(new Namesake(1, false, false, false));
        assertThat(NamesakeRule.of(NOTICE, person(2, "孙炜", "M", "341299100001", "幸福村8组3号")))
                .contains(new Namesake(2, true, true, true));
        assertThat(NamesakeRule.of(NOTICE, person(3, "孙伟", "F", "341299100001", null))).as("another sex").isEmpty();
        assertThat(NamesakeRule.of(NOTICE, person(4, "孙玮珍", "M", "341299100001", null))).as("another name").isEmpty();
        assertThat(NamesakeRule.of(NOTICE, person(5, "孙伟", null, null, null))).as("no sex known").isPresent();
    }

    @Test
    void aPersonMetUnderTwoSpellingsIsTheRecordsVeryNameIfEitherIs() {
        assertThat(new Namesake(1, false, true, false).and(new Namesake(1, true, false, true))).isEqualTo(new Namesake(1, true, true, false));
    }

    private static List<Namesake> many(int n, boolean dwelling, boolean village, boolean name, long from) {
        List<Namesake> out = new ArrayList<>();
        for (long i = 0; i < n; i++) out.add(new Namesake(from + i, name, village, dwelling));
        return out;
    }

    @Test
    void fewNamesakesAreNamedAllAndManyAreNarrowedByDwellingVillageThenName() {
        assertThat(NamesakeRule.named(many(10, false, false, false, 1))).contains(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
        List<Namesake> crowd = many(30, false, false, false, 100);
        crowd.addAll(many(2, true, true, true, 1));
        crowd.addAll(many(3, false, true, true, 10));
        assertThat(NamesakeRule.named(crowd)).as("dwelling").contains(List.of(1L, 2L));
        crowd.removeIf(Namesake::sameDwelling);
        assertThat(NamesakeRule.named(crowd)).as("village").contains(List.of(10L, 11L, 12L));
        crowd.removeIf(Namesake::sameVillage);
        crowd.addAll(many(4, false, false, true, 20));
        assertThat(NamesakeRule.named(crowd)).as("very name").contains(List.of(20L, 21L, 22L, 23L));
        assertThat(NamesakeRule.named(many(11, false, false, true, 1))).as("too many of the very name").isEmpty();
    }

    @Test
    void aCrowdedCaseRowNamesTheNamesakesWhoseHouseholdHoldsMostOfItsCase() {
        Set<String> caseNames = Set.of("孙大海", "李秀英");
        Map<Long, List<String>> households = Map.of(1L, List.of("孙大海"), 2L, List.of("孙大海", "李秀英"), 3L, List.of("王五"),
                4L, List.of("李秀英", "孙大海", "孙小妹"));
        assertThat(NamesakeRule.byCaseHousehold(List.of(1L, 2L, 3L, 4L, 5L), caseNames, households)).contains(List.of(2L, 4L));
        assertThat(NamesakeRule.byCaseHousehold(List.of(3L, 5L), caseNames, households)).as("no other name there").isEmpty();
        assertThat(NamesakeRule.byCaseHousehold(List.of(1L), Set.of("孙大妈"), households)).as("names agree, not one character apart")
                .isEqualTo(Optional.empty());
    }
}
