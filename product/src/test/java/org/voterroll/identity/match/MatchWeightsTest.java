package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchWeightsTest {

    private final MatchWeights d = MatchWeights.defaults();

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void everyOutcomeOfEveryFieldHasAnEntryAndWeightIsLog2MOverU() {
        for (Comparison<?> f : MatchModel.FIELDS) {
            assertThat(f.levels().stream().map(Enum::name)).isNotEmpty().doesNotContain("MISSING");
            for (Comparison.Level o : f.levels()) {
                MatchWeights.Entry e = d.entry(o);
                assertThat(e.field()).isEqualTo(f);
                assertThat(e.level()).isEqualTo(o);
                assertThat(e.m()).isBetween(0.0, 1.0);
                assertThat(e.u()).isBetween(0.0, 1.0);
                assertThat(d.weight(o)).isCloseTo(log2(e.m() / e.u()), within(1e-12));
                assertThat(d.m(o)).isEqualTo(e.m());
                assertThat(d.u(o)).isEqualTo(e.u());
            }
            assertThat(d.weight(f.missing())).isZero();
        }
        assertThat(d.entries()).hasSize(7 + 2 + 4 + 7 + 4 + 3 + 1);
    }

    @Test
    void outcomesMatchTheEnums() {
        // how two names agree, and FORMER_NAME: one is the other side's 曾用名
        assertThat(MatchModel.NAME.levels().stream().map(Enum::name)).containsExactlyInAnyOrder(java.util.stream.Stream.concat(
                java.util.Arrays.stream(NameAgreement.values()).map(Enum::name), java.util.stream.Stream.of("FORMER_NAME"))
                .toArray(String[]::new));
        for (IdShape s : IdShape.values()) {
            if (s != IdShape.MISSING) {
                assertThat(MatchModel.ID_SHAPE.levels().stream().map(Enum::name)).contains(s.name());
            }
        }
    }

    @Test
    void documentedDefaultValues() {
        // the brief's guidance: u of an exact name in a county of a million 1e-4..1e-3,
        // u of birth-date agreement about 1/(365*80)..1/(365*50)
        assertThat(d.u(NameComparison.Level.EXACT)).isBetween(1e-4, 1e-3);
        assertThat(d.u(BirthComparison.Level.SAME_DATE)).isBetween(1.0 / (365 * 80), 1.0 / (365 * 50));
        assertThat(d.u(SexComparison.Level.AGREE)).isEqualTo(0.5);
        assertThat(d.u(AreaComparison.Level.SAME_VILLAGE)).isEqualTo(1.0 / 400);
        assertThat(d.weight(NameComparison.Level.EXACT)).isCloseTo(11.61, within(0.01));
        assertThat(d.weight(BirthComparison.Level.SAME_DATE)).isCloseTo(14.30, within(0.01));
    }

    @Test
    void unknownOutcomesAreRejected() {
        assertThat(MatchModel.NAME.level("SAME_VILLAGE")).isEmpty();
        assertThatThrownBy(() -> d.entry(NameComparison.Level.MISSING)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MatchModel.SEX.level("MAYBE")).isEmpty();
        assertThatThrownBy(() -> MatchWeights.builder().set(SexComparison.Level.MISSING, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void probabilitiesMustLieInZeroOne() {
        assertThatThrownBy(() -> MatchWeights.builder().set(SexComparison.Level.AGREE, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchWeights.builder().set(SexComparison.Level.AGREE, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchWeights.builder().set(SexComparison.Level.AGREE, 1.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchWeights.builder().set(SexComparison.Level.AGREE, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderOverridesWithoutTouchingDefaults() {
        MatchWeights w = MatchWeights.builder()
                .set(NameComparison.Level.EXACT, 0.9, 1e-3)
                .m(SexComparison.Level.AGREE, 0.99)
                .u(AreaComparison.Level.SAME_VILLAGE, 1.0 / 170)
                .build();
        assertThat(w.weight(NameComparison.Level.EXACT)).isCloseTo(log2(900), within(1e-9));
        assertThat(w.m(SexComparison.Level.AGREE)).isEqualTo(0.99);
        assertThat(w.u(SexComparison.Level.AGREE)).isEqualTo(0.5);
        assertThat(w.u(AreaComparison.Level.SAME_VILLAGE)).isEqualTo(1.0 / 170);
        assertThat(w.entry(NameComparison.Level.EXACT).basis()).isEqualTo(MatchWeights.Basis.RANDOM_PAIRS);
        assertThat(d.u(NameComparison.Level.EXACT)).isEqualTo(3e-4);
        assertThat(MatchWeights.defaults()).isSameAs(d);
        // toBuilder round trip
        assertThat(w.toBuilder().build().entries()).isEqualTo(w.entries());
    }

    @Test
    void minAndMaxWeights() {
        assertThat(d.minWeight(MatchModel.NAME)).isEqualTo(d.weight(NameComparison.Level.ONE_CHAR));
        assertThat(d.maxWeight(MatchModel.NAME)).isEqualTo(d.weight(NameComparison.Level.EXACT));
        assertThat(d.maxWeight(MatchModel.ID_SHAPE)).isEqualTo(d.weight(IdShapeComparison.Level.EQUAL));
        assertThat(d.minWeight(MatchModel.HOUSEHOLD)).isEqualTo(d.weight(HouseholdComparison.Level.SAME_HOUSEHOLD_RELATION_CONFLICT));
    }

    @Test
    void tableListsEveryEntry() {
        String table = d.table();
        assertThat(table.lines()).hasSize(d.entries().size() + 1);
        assertThat(table).contains("ONE_CHAR").contains("POLICY").contains("SAME_HOUSEHOLD_RELATION_CONFLICT");
        assertThat(d.toString()).isEqualTo(table);
    }

    // ------------------------------------------------------------------ re-estimation

    private static PartyView sexOnly(char s) {
        return PartyView.empty().withSex(s);
    }

    @Test
    void reestimateUFromExplicitPairsWithHalfPseudoCounts() {
        List<MatchWeights.Pair> pairs = List.of(
                new MatchWeights.Pair(sexOnly('M'), sexOnly('M')),
                new MatchWeights.Pair(sexOnly('F'), sexOnly('F')),
                new MatchWeights.Pair(sexOnly('F'), sexOnly('F')),
                new MatchWeights.Pair(sexOnly('F'), sexOnly('M')),
                new MatchWeights.Pair(sexOnly('F'), PartyView.empty()));   // missing: not counted
        MatchWeights w = d.reestimateU(pairs);
        assertThat(w.u(SexComparison.Level.AGREE)).isCloseTo((3 + 0.5) / (4 + 1.0), within(1e-12));
        assertThat(w.u(SexComparison.Level.DISAGREE)).isCloseTo((1 + 0.5) / (4 + 1.0), within(1e-12));
        // m untouched
        assertThat(w.m(SexComparison.Level.AGREE)).isEqualTo(d.m(SexComparison.Level.AGREE));
        // fields never comparable keep their u
        for (Comparison<?> f : List.of(MatchModel.NAME, MatchModel.BIRTH, MatchModel.ID_SHAPE, MatchModel.AREA, MatchModel.HOUSEHOLD)) {
            for (Comparison.Level o : f.levels()) {
                assertThat(w.u(o)).as(f + "=" + o).isEqualTo(d.u(o));
            }
        }
    }

    @Test
    void reestimateUFromRandomPairsOfASyntheticCounty() {
        Random rnd = new Random(7);
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
        String[] given = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"};
        List<PartyView> county = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String name = surnames[rnd.nextInt(surnames.length)] + given[rnd.nextInt(given.length)];
            char sex = rnd.nextBoolean() ? 'M' : 'F';
            LocalDate born = LocalDate.of(1940, 1, 1).plusDays(rnd.nextInt(365 * 60));
            String village = "330521" + String.format("%03d", 100 + rnd.nextInt(20)) + String.format("%03d", 200 + rnd.nextInt(20));
            county.add(new PartyView(null, name, sex, born, null, village, null, null));
        }
        List<MatchWeights.Pair> pairs = MatchWeights.randomPairs(county, 50_000, 42);
        assertThat(pairs).hasSize(50_000).allSatisfy(p -> assertThat(p.a()).isNotSameAs(p.b()));
        assertThat(MatchWeights.randomPairs(county, 10, 42)).isEqualTo(pairs.subList(0, 10));

        MatchWeights w = d.reestimateU(pairs);
        assertThat(w.u(SexComparison.Level.AGREE)).isCloseTo(0.5, within(0.02));
        // 20 townships x 20 villages here: 1/400 the same village, 1/20 the same township
        assertThat(w.u(AreaComparison.Level.SAME_VILLAGE)).isCloseTo(1.0 / 400, within(0.001));
        assertThat(w.u(AreaComparison.Level.SAME_TOWNSHIP)).isCloseTo(1.0 / 20 - 1.0 / 400, within(0.006));
        // 10 surnames x 15 given names, uniform: 1/150 exact
        assertThat(w.u(NameComparison.Level.EXACT)).isCloseTo(1.0 / 150, within(0.002));
        // no ID numbers, no households: kept
        assertThat(w.u(IdShapeComparison.Level.DIFFERENT)).isEqualTo(d.u(IdShapeComparison.Level.DIFFERENT));
        assertThat(w.u(HouseholdComparison.Level.DIFFERENT)).isEqualTo(d.u(HouseholdComparison.Level.DIFFERENT));
        // an outcome never seen (no one has a month only) still gets a small positive u
        assertThat(w.u(BirthComparison.Level.SAME_MONTH)).isPositive().isLessThan(1e-4);
        // with names this crowded, an exact name is worth much less than the county default
        assertThat(w.weight(NameComparison.Level.EXACT)).isLessThan(d.weight(NameComparison.Level.EXACT) - 3);
    }

    @Test
    void reestimationKeepsConditionalAndPolicyEntries() {
        PartyView a = new PartyView(Fixtures.ID, "王强", 'M', Fixtures.BORN, null, Fixtures.VILLAGE, "H-1", "户主");
        PartyView b = new PartyView(Fixtures.ID, "王伟", 'M', Fixtures.BORN, null, Fixtures.VILLAGE, "H-1", "户主");
        MatchWeights w = d.reestimateU(List.of(new MatchWeights.Pair(a, b), new MatchWeights.Pair(a, b)));
        for (MatchWeights.Entry e : d.entries()) {
            if (e.basis() != MatchWeights.Basis.RANDOM_PAIRS) {
                assertThat(w.entry(e.level())).as(e.toString()).isEqualTo(e);
            }
        }
        assertThat(d.entry(IdShapeComparison.Level.EQUAL).basis()).isEqualTo(MatchWeights.Basis.POLICY);
        assertThat(d.entry(NameComparison.Level.ONE_CHAR).basis()).isEqualTo(MatchWeights.Basis.POLICY);
        assertThat(d.entry(HouseholdComparison.Level.SAME_HOUSEHOLD).basis()).isEqualTo(MatchWeights.Basis.CONDITIONAL);
        // RANDOM_PAIRS entries did move
        assertThat(w.u(SexComparison.Level.AGREE)).isNotEqualTo(d.u(SexComparison.Level.AGREE));
    }

    @Test
    void randomPairsNeedTwoRecords() {
        assertThatThrownBy(() -> MatchWeights.randomPairs(List.of(PartyView.empty()), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
