package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voterroll.identity.match.Fixtures.*;
import static org.voterroll.identity.match.Thresholds.Decision.MATCH;
import static org.voterroll.identity.match.Thresholds.Decision.NON_MATCH;
import static org.voterroll.identity.match.Thresholds.Decision.REVIEW;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The calibration of {@link Thresholds#defaults()} against {@link MatchWeights#defaults()}. */
class ThresholdsTest {

    private final Thresholds t = Thresholds.defaults();
    private final MatchWeights w = MatchWeights.defaults();
    private final PairScorer scorer = new PairScorer(w);

    private MatchScore score(PartyView a, PartyView b) {
        return scorer.score(a, b);
    }

    @Test
    void defaultsAreOrdered() {
        assertThat(t.upper()).isGreaterThan(t.lower());
        assertThat(t.lower()).isPositive();
    }

    @Test
    void decisionBoundariesGoToReview() {
        assertThat(t.decide(t.upper() + 0.01)).isEqualTo(MATCH);
        assertThat(t.decide(t.upper())).isEqualTo(REVIEW);
        assertThat(t.decide(t.lower())).isEqualTo(REVIEW);
        assertThat(t.decide(t.lower() - 0.01)).isEqualTo(NON_MATCH);
    }

    @Test
    void invalidThresholdsRejected() {
        assertThatThrownBy(() -> new Thresholds(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ same number

    @Test
    void sameValidNumberOutweighsEveryDisagreementCombined() {
        double worstOfTheRest = 0;
        for (Comparison<?> f : MatchModel.FIELDS) {
            if (f != MatchModel.ID_SHAPE) {
                worstOfTheRest += w.minWeight(f);
            }
        }
        assertThat(w.weight(IdShapeComparison.Level.EQUAL) + worstOfTheRest).isGreaterThan(t.upper() + 20);
    }

    @Test
    void sameValidNumberAndNameWithEverythingElseDisagreeingIsFarAboveUpper() {
        PartyView a = new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "chaiqian:DF-017", "户主");
        List<PartyView> others = List.of(
                new PartyView(ID, "王丽", 'M', LocalDate.of(1950, 1, 1), null, OTHER_COUNTY, "chaiqian:DF-099", "子"),
                new PartyView(ID, "王莉", 'M', LocalDate.of(1950, 1, 1), null, OTHER_COUNTY, "chaiqian:DF-017", "子"),
                new PartyView(ID, null, null, null, null, null, null, null),
                new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "chaiqian:DF-017", "户主"));
        for (PartyView b : others) {
            MatchScore s = score(a, b);
            assertThat(s.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("EQUAL");
            assertThat(s.total()).as(s.explain()).isGreaterThan(t.upper() + 20);
            assertThat(t.decide(s)).isEqualTo(MATCH);
        }
    }

    /**
     * The number of another person's document: the record names someone else (王强, 李四海) or a twin one character apart
     * (王玲). Its sex and birth are often only what that number encodes (a death notice, a rights decision), so they agree
     * by construction. Such a pair is a case for review at most, never a match; with the record's own sex and birth
     * disagreeing it is not even a candidate; and the rest of the score still tells a shared number (重号) from one person.
     */
    @Test
    void sameValidNumberUnderAnotherNameIsACaseForReviewAtMost() {
        PartyView a = new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "chaiqian:DF-017", "户主");
        for (String name : List.of("王强", "李四海", "王玲")) {
            PartyView copied = new PartyView(ID, name, 'F', BORN, null, null, null, null).withFromNumber(true, true);
            MatchScore s = score(copied, a);
            assertThat(s.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("EQUAL_OTHER_NAME");
            assertThat(t.decide(s)).as(s.explain()).isEqualTo(REVIEW);
        }
        MatchScore own = score(new PartyView(ID, "王强", 'M', LocalDate.of(1950, 1, 1), null, OTHER_COUNTY, "chaiqian:DF-099", "子"), a);
        assertThat(own.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("EQUAL_OTHER_NAME");
        assertThat(t.decide(own)).as(own.explain()).isEqualTo(NON_MATCH);
        MatchScore shared = score(a, new PartyView(ID, "李四海", 'M', LocalDate.of(1950, 1, 1), null, OTHER_COUNTY, "chaiqian:DF-099", "子"));
        assertThat(shared.totalExcluding(MatchModel.ID_SHAPE)).isLessThan(t.lower());
        assertThat(score(a, new PartyView(ID, "王丽", 'F', BORN, null, null, null, null).withFormerName("王强")).outcome(MatchModel.ID_SHAPE).name())
                .as("a former name is the person's").isEqualTo("EQUAL");
    }

    /**
     * A death notice knows the birth date only from its number; a typo there must not count twice: the one wrong digit is
     * ID_SHAPE's, and BIRTH says nothing (not "born another month"), so the notice is still a candidate for review.
     */
    @Test
    void aTypoInTheBirthDigitsOfTheOnlyBirthARecordHasIsNotCountedTwice() {
        PartyView person = new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "hj:1", "户主");
        String monthTypo = IdShapeTest.setChar(ID, 13, ID.charAt(13) == '9' ? '1' : '9'); // born on the 19th, by the number
        PartyView notice = new PartyView(monthTypo, "王丽", 'F', org.voterroll.normalize.IdNumbers.birthDate(monthTypo), null, null, null, null)
                .withFromNumber(false, true);
        MatchScore s = score(notice, person);
        assertThat(s.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("ONE_DIGIT");
        assertThat(s.outcome(MatchModel.BIRTH).name()).isEqualTo("MISSING");
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(REVIEW);
        MatchScore ownBirth = score(notice.withFromNumber(false, false), person);
        assertThat(ownBirth.outcome(MatchModel.BIRTH).name()).as("a birth the record states itself disagrees for real").isEqualTo("DAY_OFF");
        String sequenceTypo = IdShapeTest.setChar(ID, 15, ID.charAt(15) == '0' ? '9' : '0');
        PartyView elsewhere = new PartyView(sequenceTypo, "王丽", 'F', BORN, null, null, null, null).withFromNumber(false, true);
        assertThat(score(elsewhere, person).outcome(MatchModel.BIRTH).name()).as("digits the typo did not touch still agree").isEqualTo("SAME_DATE");
    }

    // ------------------------------------------------------------------ no number, month only

    @Test
    void noNumberExactNameSexBirthMonthSameVillageIsAboveUpper() {
        // tongji: no number, birth month only, surveyed village = registered village
        PartyView tongji = new PartyView(null, "王丽", 'F', null, YearMonth.of(1985, 3), VILLAGE, null, null);
        MatchScore s = score(wangLi(), tongji);
        assertThat(s.explain()).startsWith("NAME=EXACT").contains("SEX=AGREE", "BIRTH=SAME_MONTH",
                "ID_SHAPE=MISSING", "AREA=SAME_VILLAGE", "HOUSEHOLD=MISSING");
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(MATCH);
    }

    // ------------------------------------------------------------------ name + sex + date alone

    static Stream<Arguments> nameSexDateWithTheRestMissingOrDifferent() {
        List<Arguments> out = new ArrayList<>();
        for (String id : Arrays.asList(null, ID_OTHER_VALID, "110105194912310021")) {
            for (String area : Arrays.asList(null, OTHER_COUNTY, OTHER_TOWNSHIP, VILLAGE_2, "330521")) {
                for (String hh : Arrays.asList(null, "H-2")) {
                    out.add(Arguments.of(id, area, hh));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "id={0} area={1} household={2}")
    @MethodSource("nameSexDateWithTheRestMissingOrDifferent")
    void nameSexAndBirthDateAloneNeverProveOnePerson(String id, String area, String hh) {
        PartyView b = new PartyView(id, "王丽", 'F', BORN, null, area, hh, hh == null ? null : "户主");
        MatchScore s = score(wangLi(), b);
        assertThat(s.outcome(MatchModel.NAME).name()).isEqualTo("EXACT");
        assertThat(s.outcome(MatchModel.BIRTH).name()).isEqualTo("SAME_DATE");
        assertThat(s.outcome(MatchModel.AREA).name()).isNotEqualTo("SAME_VILLAGE");
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(REVIEW);
    }

    // ------------------------------------------------------------------ siblings and twins

    @Test
    void oneCharNameWithEverythingElseAgreeingIsBelowLower() {
        // a twin: same sex, birth date, village, household and relation; the number missing on one side
        PartyView twin = new PartyView(null, "王莉娟", 'F', BORN, null, VILLAGE, "H-1", "女");
        PartyView me = new PartyView(ID, "王莉娜", 'F', BORN, null, VILLAGE, "H-1", "女");
        MatchScore s = score(me, twin);
        assertThat(s.explain()).contains("NAME=ONE_CHAR", "SEX=AGREE", "BIRTH=SAME_DATE", "AREA=SAME_VILLAGE",
                "HOUSEHOLD=SAME_HOUSEHOLD");
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(NON_MATCH);
        // the same with the twin's own valid number
        MatchScore withNumber = score(me, twin.withIdNumber(ID_TWIN));
        assertThat(t.decide(withNumber)).as(withNumber.explain()).isEqualTo(NON_MATCH);
        // 蒋经国 / 蒋纬国 with everything else agreeing
        MatchScore brothers = score(new PartyView(null, "蒋经国", 'M', BORN, null, VILLAGE, "H-1", "子"),
                new PartyView(null, "蒋纬国", 'M', BORN, null, VILLAGE, "H-1", "子"));
        assertThat(t.decide(brothers)).as(brothers.explain()).isEqualTo(NON_MATCH);
    }

    @Test
    void oneCharNameIsBelowLowerWhateverElseAgreesShortOfTheNumber() {
        // the largest total any ONE_CHAR pair can reach without an equal number
        double best = w.weight(NameComparison.Level.ONE_CHAR);
        for (Comparison<?> f : MatchModel.FIELDS) {
            if (f == MatchModel.NAME) {
                continue;
            }
            double max = 0;
            for (Comparison.Level o : f.levels()) {
                if (!o.name().startsWith("EQUAL")) {
                    max = Math.max(max, w.weight(o));
                }
            }
            best += max;
        }
        // sex + date + ONE_DIGIT + village + household: still not a link
        assertThat(best).isLessThan(t.upper());
        // and the twin case (no number) is below lower
        double twin = w.weight(NameComparison.Level.ONE_CHAR) + w.weight(SexComparison.Level.AGREE) + w.weight(BirthComparison.Level.SAME_DATE)
                + w.weight(AreaComparison.Level.SAME_VILLAGE) + w.weight(HouseholdComparison.Level.SAME_HOUSEHOLD);
        assertThat(twin).isLessThan(t.lower());
    }

    @Test
    void twinsWithDifferentNamesAndValidNumbersAreBelowLower() {
        MatchScore s = score(new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "H-1", "女"),
                new PartyView(ID_TWIN, "王晓燕", 'F', BORN, null, VILLAGE, "H-1", "女"));
        assertThat(s.outcome(MatchModel.NAME).name()).isEqualTo("DIFFERENT");
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(NON_MATCH);
    }

    @Test
    void sameSurnameStrangerBornTheSameDayInTheSameVillageIsBelowLower() {
        MatchScore s = score(wangLi(), new PartyView(null, "王晓燕", 'F', BORN, null, VILLAGE, null, null));
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(NON_MATCH);
    }

    // ------------------------------------------------------------------ homophones

    @Test
    void homophoneSexDateVillageAndNearNumberIsAboveLower() {
        PartyView b = new PartyView(ID_NEAR, "王莉", 'F', BORN, null, VILLAGE, null, null);
        MatchScore s = score(wangLi(), b);
        assertThat(s.explain()).contains("NAME=HOMOPHONE", "SEX=AGREE", "BIRTH=SAME_DATE", "ID_SHAPE=NEAR",
                "AREA=SAME_VILLAGE");
        assertThat(s.total()).as(s.explain()).isGreaterThan(t.lower());
    }

    @Test
    void homophoneSexDateVillageWithoutNumberNeedsReview() {
        MatchScore s = score(wangLi(), new PartyView(null, "王莉", 'F', BORN, null, VILLAGE, null, null));
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(REVIEW);
    }

    // ------------------------------------------------------------------ the rules' certain links

    @Test
    void oneWrongDigitWithNameSexAndBirthAgreeingIsALink() {
        for (String typo : List.of(ID_ONE_DIGIT, IdShapeTest.swap(ID, 9))) {
            PartyView shebao = new PartyView(typo, "王丽", 'F', BORN, null, null, null, null);
            MatchScore s = score(wangLi(), shebao);
            assertThat(t.decide(s)).as(s.explain()).isEqualTo(MATCH);
        }
    }

    @Test
    void oneWrongDigitWithAHomophoneNameOrNoBirthNeedsReview() {
        MatchScore homophone = score(wangLi(), new PartyView(ID_ONE_DIGIT, "王莉", 'F', BORN, null, null, null, null));
        assertThat(t.decide(homophone)).as(homophone.explain()).isEqualTo(REVIEW);
        MatchScore noBirth = score(wangLi(), new PartyView(ID_ONE_DIGIT, "王丽", 'F', null, null, null, null, null));
        assertThat(t.decide(noBirth)).as(noBirth.explain()).isEqualTo(REVIEW);
    }

    @Test
    void chaiqianMemberSingledOutByItsCaseIsALink() {
        // a chaiqian row without number (no sex, no birth in that source) vs the person linked as head of the case
        PartyView person = new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "chaiqian:DF-017", "户主");
        PartyView row = new PartyView(null, "王丽", null, null, null, VILLAGE, "chaiqian:DF-017", "户主");
        MatchScore s = score(person, row);
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(MATCH);
        // relation inconsistent with the person's: not a link
        MatchScore conflict = score(person, row.withHousehold("chaiqian:DF-017", "女"));
        assertThat(conflict.outcome(MatchModel.HOUSEHOLD).name()).isEqualTo("SAME_HOUSEHOLD_RELATION_CONFLICT");
        assertThat(t.decide(conflict)).as(conflict.explain()).isNotEqualTo(MATCH);
        // a different name in the same case: another member
        MatchScore member = score(person, row.withName("王强").withHousehold("chaiqian:DF-017", "子"));
        assertThat(t.decide(member)).as(member.explain()).isEqualTo(NON_MATCH);
    }

    @Test
    void exactNameSexBirthDateAndVillageIsALink() {
        MatchScore s = score(wangLi(), new PartyView(null, "王丽", 'F', BORN, null, VILLAGE, null, null));
        assertThat(t.decide(s)).as(s.explain()).isEqualTo(MATCH);
    }

    @Test
    void disagreeingSexOrBirthPullsALookAlikeDown() {
        MatchScore sex = score(wangLi(), new PartyView(null, "王丽", 'M', BORN, null, null, null, null));
        MatchScore birth = score(wangLi(), new PartyView(null, "王丽", 'F', LocalDate.of(1990, 7, 1), null, null, null, null));
        MatchScore agreeing = score(wangLi(), new PartyView(null, "王丽", 'F', BORN, null, null, null, null));
        // a sex typo (1/2 codes) is possible: review, not a link
        assertThat(t.decide(sex)).as(sex.explain()).isEqualTo(REVIEW);
        assertThat(sex.total()).isLessThan(agreeing.total() - 5);
        assertThat(t.decide(birth)).as(birth.explain()).isEqualTo(NON_MATCH);
    }
}
