package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voterroll.identity.match.Fixtures.*;
import static org.voterroll.identity.match.Thresholds.Decision.MATCH;
import static org.voterroll.identity.match.Thresholds.Decision.REVIEW;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/**
 * The NAME weight adjusted to how common the record's name is in the county ({@link NameFrequency},
 * {@link MatchWeights#nameWeight}), and a person's second place (residence) in the AREA comparison.
 */
class TermFrequencyTest {
    private static final int COUNTY = 1_000_000;

    private final MatchWeights w = MatchWeights.defaults();
    private final Thresholds t = Thresholds.defaults();
    private final PairScorer scorer = new PairScorer(w);

    private static PartyView surveyRow(String name, String area) {
        return new PartyView(null, name, 'F', null, YearMonth.from(BORN), area, null, null);
    }

    @Test
    void aRareNameWeighsMoreAndACommonOneLessThanTheAverage() {
        double average = w.weight(NameComparison.Level.EXACT);
        assertThat(w.nameWeight(NameComparison.Level.EXACT, 1, COUNTY)).isEqualTo(MatchWeights.NAME_TF_MAX);
        assertThat(w.nameWeight(NameComparison.Level.EXACT, 2_000, COUNTY)).isLessThan(average - 2);
        // u = 3e-4 is the table's: 300 bearers in a million weigh what the table says
        assertThat(w.nameWeight(NameComparison.Level.EXACT, 300, COUNTY)).isCloseTo(average, org.assertj.core.data.Offset.offset(0.01));
        assertThat(w.nameWeight(NameComparison.Level.EXACT, 0, COUNTY)).isEqualTo(average);
        assertThat(w.nameWeight(NameComparison.Level.ONE_CHAR, 5, COUNTY)).isEqualTo(w.weight(NameComparison.Level.ONE_CHAR));
    }

    @Test
    void aSmallCountySaysLittleAboutHowRareANameIs() {
        // one bearer among twenty (the spec's example county) or three thousand is not a frequency of 5 % or 0.03 %
        for (NameComparison.Level outcome : new NameComparison.Level[] {NameComparison.Level.EXACT, NameComparison.Level.HOMOPHONE, NameComparison.Level.WILDCARD, NameComparison.Level.DOT_VARIANT}) {
            double table = w.weight(outcome);
            assertThat(w.nameWeight(outcome, 1, 20)).as(outcome.name()).isCloseTo(table, org.assertj.core.data.Offset.offset(0.3));
            assertThat(w.nameWeight(outcome, 1, 3_000)).as(outcome.name()).isCloseTo(table, org.assertj.core.data.Offset.offset(0.6));
        }
        // the county's own count takes over as it grows
        assertThat(w.nameWeight(NameComparison.Level.HOMOPHONE, 1, 100_000)).isGreaterThan(w.nameWeight(NameComparison.Level.HOMOPHONE, 1, 3_000) + 2);
    }

    @Test
    void noNameAloneWithSexAndBirthDateReachesTheUpperThresholdHoweverRare() {
        PartyView record = new PartyView(null, "王丽", 'F', BORN, null, null, null, null);
        MatchScore s = scorer.score(record, wangLi(), new NameFrequency(1, 1, 0, COUNTY));
        assertThat(s.outcome(MatchModel.NAME).name()).isEqualTo("EXACT");
        assertThat(s.field(MatchModel.NAME).weight()).isEqualTo(MatchWeights.NAME_TF_MAX);
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(REVIEW);
        // nor with the weakest corroborations: a number two digits off, the same township
        MatchScore near = scorer.score(record.withIdNumber(ID_NEAR), wangLi(), new NameFrequency(1, 1, 0, COUNTY));
        assertThat(near.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("NEAR");
        assertThat(t.decide(near)).as(near.explain()).isEqualTo(REVIEW);
        MatchScore township = scorer.score(record.withAreaCode(VILLAGE_2), wangLi(), new NameFrequency(1, 1, 0, COUNTY));
        assertThat(township.outcome(MatchModel.AREA).name()).isEqualTo("SAME_TOWNSHIP");
        assertThat(t.decide(township)).as(township.explain()).isEqualTo(REVIEW);
    }

    @Test
    void aSurveyRowWithAHomophoneOfARareNameInTheVillageIsLinked() {
        PartyView row = surveyRow("王莉", VILLAGE);
        MatchScore average = scorer.score(row, wangLi());
        MatchScore rare = scorer.score(row, wangLi(), new NameFrequency(0, 3, 0, COUNTY));
        MatchScore common = scorer.score(row, wangLi(), new NameFrequency(0, 5_000, 0, COUNTY));
        assertThat(average.outcome(MatchModel.NAME).name()).isEqualTo("HOMOPHONE");
        assertThat(t.decide(average)).as(average.explain()).isEqualTo(REVIEW);
        assertThat(t.decide(rare)).as(rare.explain()).isEqualTo(MATCH);
        assertThat(t.decide(common)).as(common.explain()).isEqualTo(REVIEW);
        assertThat(common.total()).isLessThan(average.total());
    }

    @Test
    void aHomophoneCountsOnlyWhenBothNamesReadAlikeInTheirFirstReadings() {
        // 乐 reads le and yue: 王乐/王越 agree only through its second reading, which the sound count does not cover
        PartyView row = surveyRow("王越", VILLAGE);
        PartyView person = wangLi().withName("王乐");
        NameFrequency f = new NameFrequency(0, 1, 0, COUNTY);
        MatchScore s = scorer.score(row, person, f);
        assertThat(s.outcome(MatchModel.NAME).name()).isEqualTo("HOMOPHONE");
        assertThat(s.field(MatchModel.NAME).weight()).isEqualTo(w.weight(NameComparison.Level.HOMOPHONE));
    }

    @Test
    void aWildcardNameFittingFewPersonsWeighsMoreThanTheAverage() {
        PartyView row = surveyRow("王*", VILLAGE);
        MatchScore few = scorer.score(row, wangLi(), new NameFrequency(0, 0, 2, COUNTY));
        MatchScore many = scorer.score(row, wangLi(), new NameFrequency(0, 0, 40_000, COUNTY));
        assertThat(few.outcome(MatchModel.NAME).name()).isEqualTo("WILDCARD");
        assertThat(few.field(MatchModel.NAME).weight()).isGreaterThan(w.weight(NameComparison.Level.WILDCARD));
        assertThat(many.field(MatchModel.NAME).weight()).isLessThan(w.weight(NameComparison.Level.WILDCARD));
        assertThat(t.decide(few)).isEqualTo(MATCH);
        assertThat(t.decide(many)).isEqualTo(REVIEW);
    }

    @Test
    void totalAgreesWithScore() {
        PartyView row = surveyRow("王莉", VILLAGE);
        NameFrequency f = new NameFrequency(0, 7, 0, COUNTY);
        assertThat(scorer.total(row, wangLi(), f)).isEqualTo(scorer.score(row, wangLi(), f).total());
    }

    @Test
    void frequenciesAreChecked() {
        assertThatThrownBy(() -> new NameFrequency(-1, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NameFrequency(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSurveyRowWhereThePersonLivesMatchesTheirResidence() {
        PartyView row = surveyRow("王丽", OTHER_TOWNSHIP);
        PartyView registeredOnly = wangLi();
        PartyView livingThere = new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "H-1", "户主").withOtherPlace(OTHER_TOWNSHIP, null);
        assertThat(scorer.score(row, registeredOnly).outcome(MatchModel.AREA).name()).isEqualTo("SAME_COUNTY");
        MatchScore s = scorer.score(row, livingThere);
        assertThat(s.outcome(MatchModel.AREA).name()).isEqualTo("SAME_VILLAGE");
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(MATCH);
        // symmetric, and the closer of the two places wins whichever side holds them
        assertThat(scorer.score(livingThere, row).outcome(MatchModel.AREA).name()).isEqualTo("SAME_VILLAGE");
        assertThat(scorer.score(surveyRow("王丽", VILLAGE), livingThere).outcome(MatchModel.AREA).name()).isEqualTo("SAME_VILLAGE");
        assertThat(scorer.score(surveyRow("王丽", VILLAGE_2), livingThere).outcome(MatchModel.AREA).name()).isEqualTo("SAME_TOWNSHIP");
        assertThat(scorer.score(surveyRow("王丽", OTHER_COUNTY), livingThere).outcome(MatchModel.AREA).name()).isEqualTo("DIFFERENT");
        assertThat(scorer.score(surveyRow("王丽", null), livingThere).outcome(MatchModel.AREA).name()).isEqualTo("MISSING");
    }

    @Test
    void withersKeepTheSecondPlace() {
        PartyView p = new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "H-1", "户主").withOtherPlace(OTHER_TOWNSHIP, null);
        assertThat(p.withName("王莉").withSex('F').withIdNumber(null).withBirthDate(BORN).withBirthMonth(null)
                .withAreaCode(VILLAGE_2).withHousehold("H-2", "子").otherArea()).isEqualTo(OTHER_TOWNSHIP);
    }
}
