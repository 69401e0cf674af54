package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.voterroll.identity.match.Fixtures.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairScorerTest {

    private final MatchWeights w = MatchWeights.defaults();
    private final PairScorer scorer = new PairScorer(w);

    private MatchScore score(PartyView a, PartyView b) {
        MatchScore ab = scorer.score(a, b);
        MatchScore ba = scorer.score(b, a);
        assertThat(ba.total()).as("symmetry").isCloseTo(ab.total(), within(1e-9));
        assertThat(ba.fields()).isEqualTo(ab.fields());
        assertThat(scorer.total(a, b)).as("total without the field record").isEqualTo(ab.total());
        return ab;
    }

    private String outcome(Comparison<?> f, PartyView a, PartyView b) {
        return score(a, b).outcome(f).name();
    }

    @Nested
    class Structure {

        @Test
        void everyFieldOnceInFieldOrder() {
            MatchScore s = score(wangLi(), wangLi());
            assertThat(s.fields()).extracting(FieldWeight::field).containsExactlyElementsOf(MatchModel.FIELDS);
        }

        @Test
        void totalIsTheSumOfFieldWeightsAndEachWeightComesFromTheTable() {
            PartyView b = wangLi().withName("王莉").withIdNumber(ID_ONE_DIGIT).withAreaCode(VILLAGE_2);
            MatchScore s = score(wangLi(), b);
            assertThat(s.total()).isCloseTo(s.fields().stream().mapToDouble(FieldWeight::weight).sum(), within(1e-9));
            for (FieldWeight f : s.fields()) {
                assertThat(f.weight()).isEqualTo(w.weight(f.outcome()));
            }
            assertThat(s.outcome(MatchModel.NAME).name()).isEqualTo("HOMOPHONE");
            assertThat(s.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("ONE_DIGIT");
            assertThat(s.outcome(MatchModel.AREA).name()).isEqualTo("SAME_TOWNSHIP");
        }

        @Test
        void explainListsEveryFieldAndTheTotal() {
            MatchScore s = score(wangLi(), wangLi().withName("王莉").withSex(null));
            String e = s.explain();
            assertThat(e).startsWith("NAME=HOMOPHONE(+4.3) SEX=MISSING(+0.0) BIRTH=SAME_DATE(+14.3) ");
            for (Comparison<?> f : MatchModel.FIELDS) {
                assertThat(e).contains(f.name() + "=" + s.outcome(f).name() + "(");
            }
            assertThat(e).matches("NAME=\\w+\\([+-]\\d+\\.\\d\\) SEX=\\w+\\([+-]\\d+\\.\\d\\) BIRTH=\\w+\\([+-]\\d+\\.\\d\\) "
                    + "ID_SHAPE=\\w+\\([+-]\\d+\\.\\d\\) AREA=\\w+\\([+-]\\d+\\.\\d\\) HOUSEHOLD=\\w+\\([+-]\\d+\\.\\d\\) ADDRESS=\\w+\\([+-]\\d+\\.\\d\\) "
                    + "total=[+-]\\d+\\.\\d");
            assertThat(e).endsWith("total=" + String.format(java.util.Locale.ROOT, "%+.1f", s.total()));
            assertThat(s.toString()).isEqualTo(e);
        }

        @Test
        void explainOfNothingKnown() {
            MatchScore s = score(PartyView.empty(), PartyView.empty());
            assertThat(s.explain()).isEqualTo("NAME=MISSING(+0.0) SEX=MISSING(+0.0) BIRTH=MISSING(+0.0) "
                    + "ID_SHAPE=MISSING(+0.0) AREA=MISSING(+0.0) HOUSEHOLD=MISSING(+0.0) ADDRESS=MISSING(+0.0) total=+0.0");
            assertThat(s.total()).isZero();
        }

        @Test
        void negativeWeightsAreSignedInExplain() {
            MatchScore s = score(wangLi(), wangLi().withName("王强").withIdNumber(null));
            assertThat(s.explain()).startsWith("NAME=ONE_CHAR(-20.9) ");
        }

        @Test
        void missingOnEitherSideWeighsZeroForEveryField() {
            for (PartyView[] pair : List.of(new PartyView[] {wangLi(), PartyView.empty()},
                    new PartyView[] {PartyView.empty(), wangLi()})) {
                MatchScore s = scorer.score(pair[0], pair[1]);
                assertThat(s.fields()).allSatisfy(f -> {
                    assertThat(f.outcome().name()).isEqualTo("MISSING");
                    assertThat(f.weight()).isZero();
                });
                assertThat(s.total()).isZero();
            }
        }

        @Test
        void blankValuesAreMissing() {
            PartyView blank = new PartyView("  ", " ", null, null, null, "", " ", "户主");
            assertThat(score(wangLi(), blank).fields()).allSatisfy(f -> assertThat(f.outcome().name()).isEqualTo("MISSING"));
        }

        @Test
        void totalExcludingAndFieldAccess() {
            MatchScore s = score(wangLi(), wangLi().withName("李四"));
            assertThat(s.totalExcluding(MatchModel.ID_SHAPE)).isCloseTo(s.total() - s.field(MatchModel.ID_SHAPE).weight(), within(1e-9));
            assertThat(s.totalExcluding()).isCloseTo(s.total(), within(1e-9));
            assertThat(s.totalExcluding(MatchModel.FIELDS.toArray(Comparison<?>[]::new))).isZero();
            assertThat(s.field(MatchModel.NAME).outcome().name()).isEqualTo("DIFFERENT");
            assertThat(MatchScore.of(List.of()).field(MatchModel.NAME)).isNull();
            assertThat(MatchScore.of(List.of()).outcome(MatchModel.NAME)).isNull();
        }

        @Test
        void scoreFieldsAreImmutable() {
            MatchScore s = score(wangLi(), wangLi());
            assertThatThrownBy(() -> s.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void nullViewsRejected() {
            assertThatThrownBy(() -> scorer.score(null, wangLi())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PairScorer(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void usesTheGivenWeights() {
            MatchWeights custom = MatchWeights.builder().set(SexComparison.Level.AGREE, 0.5, 0.5).build();
            MatchScore s = new PairScorer(custom).score(wangLi(), wangLi());
            assertThat(s.field(MatchModel.SEX).weight()).isZero();
            assertThat(new PairScorer(custom).weights()).isSameAs(custom);
        }
    }

    @Nested
    class Name {

        @ParameterizedTest(name = "{0} / {1} -> {2}")
        @CsvSource({"王丽, 王丽, EXACT", "王丽, 王莉, HOMOPHONE", "王丽, 王强, ONE_CHAR", "王丽, 李四强, DIFFERENT",
                "张*明, 张晓明, WILDCARD", "买买提·艾力, 买买提艾力, DOT_VARIANT", "' 王丽 ', 王丽, EXACT"})
        void outcomes(String a, String b, String expected) {
            assertThat(outcome(MatchModel.NAME, nameSexOnly(a, 'F'), nameSexOnly(b, 'F'))).isEqualTo(expected);
        }

        @Test
        void weightsOrdered() {
            double exact = w.weight(NameComparison.Level.EXACT);
            double dot = w.weight(NameComparison.Level.DOT_VARIANT);
            double wild = w.weight(NameComparison.Level.WILDCARD);
            double homo = w.weight(NameComparison.Level.HOMOPHONE);
            assertThat(exact).isGreaterThan(dot);
            assertThat(dot).isGreaterThan(wild);
            assertThat(wild).isGreaterThan(homo);
            assertThat(homo).isPositive();
            assertThat(w.weight(NameComparison.Level.ONE_CHAR)).as("siblings: strongly negative").isLessThan(-10);
            assertThat(w.weight(NameComparison.Level.DIFFERENT)).isNegative();
        }
    }

    @Nested
    class Sex {
        @Test
        void outcomes() {
            assertThat(outcome(MatchModel.SEX, nameSexOnly("王丽", 'F'), nameSexOnly("王丽", 'F'))).isEqualTo("AGREE");
            assertThat(outcome(MatchModel.SEX, nameSexOnly("王丽", 'F'), nameSexOnly("王丽", 'M'))).isEqualTo("DISAGREE");
            assertThat(outcome(MatchModel.SEX, nameSexOnly("王丽", 'f'), nameSexOnly("王丽", 'F'))).isEqualTo("AGREE");
            assertThat(outcome(MatchModel.SEX, nameSexOnly("王丽", 'U'), nameSexOnly("王丽", 'F'))).isEqualTo("MISSING");
            assertThat(outcome(MatchModel.SEX, PartyView.empty(), nameSexOnly("王丽", 'F'))).isEqualTo("MISSING");
            assertThat(w.weight(SexComparison.Level.AGREE)).isPositive();
            assertThat(w.weight(SexComparison.Level.DISAGREE)).isNegative();
        }
    }

    @Nested
    class Birth {
        private PartyView date(int y, int m, int d) {
            return PartyView.empty().withBirthDate(LocalDate.of(y, m, d));
        }

        private PartyView month(int y, int m) {
            return PartyView.empty().withBirthMonth(YearMonth.of(y, m));
        }

        @Test
        void outcomes() {
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), date(1985, 3, 12))).isEqualTo("SAME_DATE");
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), date(1985, 3, 21))).isEqualTo("DAY_OFF");
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), date(1985, 12, 3))).isEqualTo("DIFFERENT");
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), date(1986, 3, 12))).isEqualTo("DIFFERENT");
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), month(1985, 3))).isEqualTo("SAME_MONTH");
            assertThat(outcome(MatchModel.BIRTH, month(1985, 3), month(1985, 3))).isEqualTo("SAME_MONTH");
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), month(1985, 4))).isEqualTo("DIFFERENT");
            assertThat(outcome(MatchModel.BIRTH, month(1985, 3), month(1984, 3))).isEqualTo("DIFFERENT");
            assertThat(outcome(MatchModel.BIRTH, date(1985, 3, 12), PartyView.empty())).isEqualTo("MISSING");
            assertThat(outcome(MatchModel.BIRTH, PartyView.empty(), month(1985, 3))).isEqualTo("MISSING");
        }

        @Test
        void fullDateWinsOverMonth() {
            PartyView both = date(1985, 3, 12).withBirthMonth(YearMonth.of(1990, 1));
            assertThat(outcome(MatchModel.BIRTH, both, date(1985, 3, 12))).isEqualTo("SAME_DATE");
            assertThat(outcome(MatchModel.BIRTH, both, month(1985, 3))).isEqualTo("SAME_MONTH");
        }

        @Test
        void weightsOrdered() {
            assertThat(w.weight(BirthComparison.Level.SAME_DATE)).isGreaterThan(w.weight(BirthComparison.Level.SAME_MONTH));
            assertThat(w.weight(BirthComparison.Level.SAME_MONTH)).isGreaterThan(w.weight(BirthComparison.Level.DAY_OFF));
            assertThat(w.weight(BirthComparison.Level.DAY_OFF)).isPositive();
            assertThat(w.weight(BirthComparison.Level.DIFFERENT)).isNegative();
        }
    }

    @Nested
    class IdNumber {
        private PartyView id(String n) {
            return PartyView.empty().withIdNumber(n);
        }

        @Test
        void outcomes() {
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(ID))).isEqualTo("EQUAL");
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(ID_ONE_DIGIT))).isEqualTo("ONE_DIGIT");
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(IdShapeTest.swap(ID, 9)))).isEqualTo("ADJACENT_SWAP");
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(ID_NEAR))).isEqualTo("NEAR");
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(ID_OTHER_VALID))).isEqualTo("DIFFERENT");
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(null))).isEqualTo("MISSING");
        }

        @Test
        void equalButInvalidNumberIsWeaker() {
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID_ONE_DIGIT), id(ID_ONE_DIGIT))).isEqualTo("EQUAL_INVALID");
            assertThat(outcome(MatchModel.ID_SHAPE, id("000000000000000000"), id("000000000000000000"))).isEqualTo("EQUAL_INVALID");
            assertThat(w.weight(IdShapeComparison.Level.EQUAL_INVALID)).isPositive().isLessThan(w.weight(IdShapeComparison.Level.EQUAL));
        }

        @Test
        void twoValidNumbersCloseTogetherAreTwoPeople() {
            // twins: both numbers valid, NEAR in shape, but a valid number identifies a person
            assertThat(IdShape.of(ID, ID_TWIN)).isEqualTo(IdShape.NEAR);
            assertThat(outcome(MatchModel.ID_SHAPE, id(ID), id(ID_TWIN))).isEqualTo("DIFFERENT");
            // a wrong digit or an adjacent swap always breaks the check digit (MOD 11-2), including a
            // swap of the 17th digit with the check character: such shapes never join two valid numbers
            for (int seq = 0; seq < 1000; seq++) {
                String a = IdShapeTest.valid("33052119850312" + String.format("%03d", seq));
                for (int i = 0; i < 17; i++) {
                    String b = IdShapeTest.swap(a, i);
                    if (!a.equals(b)) {
                        assertThat(IdNumbers.isValid18(b)).as(a + " / " + b).isFalse();
                    }
                    String c = IdShapeTest.setChar(a, i, IdShapeTest.other(a.charAt(i)));
                    assertThat(IdNumbers.isValid18(c)).as(a + " / " + c).isFalse();
                }
            }
        }

        @Test
        void weightsOrdered() {
            double eq = w.weight(IdShapeComparison.Level.EQUAL);
            assertThat(eq).isGreaterThan(w.weight(IdShapeComparison.Level.EQUAL_INVALID));
            assertThat(w.weight(IdShapeComparison.Level.EQUAL_INVALID)).isGreaterThan(w.weight(IdShapeComparison.Level.ONE_DIGIT));
            assertThat(w.weight(IdShapeComparison.Level.ONE_DIGIT)).isGreaterThanOrEqualTo(w.weight(IdShapeComparison.Level.ADJACENT_SWAP));
            assertThat(w.weight(IdShapeComparison.Level.ADJACENT_SWAP)).isGreaterThan(w.weight(IdShapeComparison.Level.NEAR));
            assertThat(w.weight(IdShapeComparison.Level.NEAR)).isPositive();
            assertThat(w.weight(IdShapeComparison.Level.DIFFERENT)).isNegative();
        }
    }

    @Nested
    class Area {
        private PartyView area(String code) {
            return PartyView.empty().withAreaCode(code);
        }

        @ParameterizedTest(name = "{0} / {1} -> {2}")
        @CsvSource({
                "330521101201, 330521101201, SAME_VILLAGE",
                "330521101201, 330521101202, SAME_TOWNSHIP",
                "330521101201, 330521102201, SAME_COUNTY",
                "330521101201, 330522101201, DIFFERENT",
                "330521101201, 330521101, SAME_TOWNSHIP",       // only the township known
                "330521101201, 330521102, SAME_COUNTY",
                "330521101201, 330521, SAME_COUNTY",            // only the county known
                "330521101201, 330522, DIFFERENT",
                "330521101201, 330521101000, SAME_TOWNSHIP",    // 000 village part: a township code
                "330521101201, 330521000000, SAME_COUNTY",      // a county code
                "330521101000, 330521101000, SAME_TOWNSHIP",
                "' 330521101201 ', 330521101201, SAME_VILLAGE",
                "330521101201, 33052, MISSING",
                "330521101201, 3305211012AB, MISSING",           // non-digit codes are unusable
        })
        void outcomes(String a, String b, String expected) {
            assertThat(outcome(MatchModel.AREA, area(a), area(b))).isEqualTo(expected);
        }

        @Test
        void missing() {
            assertThat(outcome(MatchModel.AREA, area(VILLAGE), area(null))).isEqualTo("MISSING");
            assertThat(outcome(MatchModel.AREA, area(VILLAGE), area(""))).isEqualTo("MISSING");
        }

        @Test
        void weightsOrdered() {
            assertThat(w.weight(AreaComparison.Level.SAME_VILLAGE)).isGreaterThan(w.weight(AreaComparison.Level.SAME_TOWNSHIP));
            assertThat(w.weight(AreaComparison.Level.SAME_TOWNSHIP)).isGreaterThan(w.weight(AreaComparison.Level.SAME_COUNTY));
            assertThat(w.weight(AreaComparison.Level.SAME_COUNTY)).isGreaterThan(w.weight(AreaComparison.Level.DIFFERENT));
        }
    }

    @Nested
    class Household {
        private PartyView hh(String key, String rel) {
            return PartyView.empty().withHousehold(key, rel);
        }

        @ParameterizedTest(name = "{0}/{1} vs {2}/{3} -> {4}")
        @CsvSource({
                "chaiqian:DF-017, 户主, chaiqian:DF-017, 户主, SAME_HOUSEHOLD",
                "chaiqian:DF-017, 户主, chaiqian:DF-017, 本人, SAME_HOUSEHOLD",
                "chaiqian:DF-017, 子, chaiqian:DF-017, 长子, SAME_HOUSEHOLD",
                "chaiqian:DF-017, 妻, chaiqian:DF-017, 配偶, SAME_HOUSEHOLD",
                "chaiqian:DF-017, 户主, chaiqian:DF-017, , SAME_HOUSEHOLD",
                "chaiqian:DF-017, 户主, chaiqian:DF-017, 其他, SAME_HOUSEHOLD",
                "chaiqian:DF-017, 户主, chaiqian:DF-017, 子, SAME_HOUSEHOLD_RELATION_CONFLICT",
                "chaiqian:DF-017, 子, chaiqian:DF-017, 女, SAME_HOUSEHOLD_RELATION_CONFLICT",
                "chaiqian:DF-017, 父, chaiqian:DF-017, 母, SAME_HOUSEHOLD_RELATION_CONFLICT",
                "chaiqian:DF-017, 配偶, chaiqian:DF-017, 女儿, SAME_HOUSEHOLD_RELATION_CONFLICT",
                "chaiqian:DF-017, 户主, chaiqian:DF-018, 户主, DIFFERENT",
                "330521000123, 户主, 330521000124, 户主, DIFFERENT",
                "330521000123, 户主, 330521000123, 户主, SAME_HOUSEHOLD",
                "chaiqian:DF-017, 户主, 330521000123, 户主, MISSING",     // case number vs 户号: incomparable
                "chaiqian:DF-017, 户主, , 户主, MISSING",
        })
        void outcomes(String ka, String ra, String kb, String rb, String expected) {
            assertThat(outcome(MatchModel.HOUSEHOLD, hh(ka, ra), hh(kb, rb))).isEqualTo(expected);
        }

        @Test
        void weightsOrdered() {
            assertThat(w.weight(HouseholdComparison.Level.SAME_HOUSEHOLD)).isPositive();
            assertThat(w.weight(HouseholdComparison.Level.SAME_HOUSEHOLD_RELATION_CONFLICT)).isNegative()
                    .isLessThan(w.weight(HouseholdComparison.Level.DIFFERENT));
            assertThat(w.weight(HouseholdComparison.Level.DIFFERENT)).isNegative();
        }

        @Test
        void relationRoles() {
            assertThat(HouseholdRelations.role(" 户主 ")).isEqualTo(HouseholdRelations.Role.HEAD);
            assertThat(HouseholdRelations.role("外孙女")).isEqualTo(HouseholdRelations.Role.GRANDDAUGHTER);
            assertThat(HouseholdRelations.role("非亲属")).isNull();
            assertThat(HouseholdRelations.role(null)).isNull();
            assertThat(HouseholdRelations.conflict("户主", "户主")).isFalse();
            assertThat(HouseholdRelations.conflict("子", "女")).isTrue();
            assertThat(HouseholdRelations.conflict(null, "女")).isFalse();
        }
    }

    @Test
    void lookAlikeStrangersStayBelowUpper() {
        // same name, sex and birth date; different valid numbers and another village
        Thresholds t = Thresholds.defaults();
        for (String otherArea : Arrays.asList(VILLAGE_2, OTHER_TOWNSHIP, OTHER_COUNTY, null)) {
            PartyView stranger = new PartyView(ID_OTHER_VALID, "王丽", 'F', BORN, null, otherArea, "H-2", "户主");
            MatchScore s = score(wangLi(), stranger);
            assertThat(s.outcome(MatchModel.ID_SHAPE).name()).isEqualTo("DIFFERENT");
            assertThat(s.total()).as(s.explain()).isLessThan(t.upper());
            assertThat(t.decide(s)).as(s.explain()).isEqualTo(Thresholds.Decision.REVIEW);
        }
    }

    @Test
    void aSurveyRowTakenAtThePersonsDwellingSinglesOutAHomophone() {
        Thresholds t = Thresholds.defaults();
        PartyView person = wangLi().withAddress("德清县乾元镇东风村3组12号");
        PartyView survey = PartyView.empty().withName("王莉").withSex('F').withBirthMonth(java.time.YearMonth.from(BORN))
                .withAreaCode(VILLAGE);
        MatchScore neighbour = score(person, survey.withAddress("德清县乾元镇东风村3组14号"));
        MatchScore atHome = score(person, survey.withAddress("东风村三组十二号"));
        assertThat(neighbour.outcome(MatchModel.ADDRESS).name()).isEqualTo("MISSING");
        assertThat(atHome.outcome(MatchModel.ADDRESS).name()).isEqualTo("SAME_DWELLING");
        assertThat(t.decide(neighbour)).as(neighbour.explain()).isEqualTo(Thresholds.Decision.REVIEW);
        assertThat(t.decide(atHome)).as(atHome.explain()).isEqualTo(Thresholds.Decision.MATCH);
        assertThat(atHome.total() - neighbour.total()).isCloseTo(w.weight(AddressComparison.Level.SAME_DWELLING), within(1e-9));
    }

    @Test
    void aSurveyRowTakenWhereAPersonSeparatedFromTheirRegisterLivesSinglesOutAHomophone() {
        // 人户分离: registered at home in 东风村, living in another township; surveyed where she lives
        Thresholds t = Thresholds.defaults();
        PartyView registered = wangLi().withAddress("德清县乾元镇东风村3组12号");
        PartyView separated = registered.withOtherPlace(OTHER_TOWNSHIP, "德清县新市镇西河社区五幢二单元301室");
        PartyView survey = PartyView.empty().withName("王莉").withSex('F').withBirthMonth(YearMonth.from(BORN))
                .withAreaCode(OTHER_TOWNSHIP);
        MatchScore whereSheLives = score(separated, survey.withAddress("西河社区5幢2单元301室"));
        MatchScore nextDoor = score(separated, survey.withAddress("西河社区5幢2单元302室"));
        MatchScore notKnownThere = score(registered, survey.withAddress("西河社区5幢2单元301室"));
        assertThat(whereSheLives.outcome(MatchModel.ADDRESS).name()).isEqualTo("SAME_DWELLING");
        assertThat(whereSheLives.outcome(MatchModel.AREA).name()).isEqualTo("SAME_VILLAGE");
        assertThat(t.decide(whereSheLives)).as(whereSheLives.explain()).isEqualTo(Thresholds.Decision.MATCH);
        assertThat(nextDoor.outcome(MatchModel.ADDRESS).name()).isEqualTo("MISSING");
        assertThat(t.decide(nextDoor)).as(nextDoor.explain()).isEqualTo(Thresholds.Decision.REVIEW);
        assertThat(notKnownThere.outcome(MatchModel.ADDRESS).name()).isEqualTo("MISSING");
        assertThat(t.decide(notKnownThere)).as(notKnownThere.explain()).isNotEqualTo(Thresholds.Decision.MATCH);
        // the register's dwelling still counts for a row taken there
        assertThat(score(separated, survey.withAreaCode(VILLAGE).withAddress("东风村三组十二号")).outcome(MatchModel.ADDRESS).name())
                .isEqualTo("SAME_DWELLING");
    }

    @Test
    void aRecordUnderThePersonsFormerNameIsEvidenceButNeverAloneALink() {
        Thresholds t = Thresholds.defaults();
        String home = "德清县乾元镇东风村3组12号";
        PartyView renamed = wangLi().withFormerName("王招娣").withAddress(home);
        PartyView survey = PartyView.empty().withSex('F').withBirthMonth(YearMonth.from(BORN)).withAreaCode(VILLAGE);
        MatchScore atHome = score(renamed, survey.withName("王招娣").withAddress("东风村三组十二号"));
        MatchScore elsewhere = score(renamed, survey.withName("王招娣").withAddress("东风村5组1号"));
        MatchScore stranger = score(wangLi().withAddress(home), survey.withName("王招娣").withAddress(home));
        assertThat(atHome.outcome(MatchModel.NAME).name()).isEqualTo("FORMER_NAME");
        assertThat(atHome.field(MatchModel.NAME).weight()).isCloseTo(w.weight(NameComparison.Level.FORMER_NAME), within(1e-9));
        assertThat(t.decide(atHome)).as(atHome.explain()).isEqualTo(Thresholds.Decision.MATCH);
        assertThat(t.decide(elsewhere)).as(elsewhere.explain()).isEqualTo(Thresholds.Decision.REVIEW);
        assertThat(stranger.outcome(MatchModel.NAME).name()).isEqualTo("DIFFERENT");
        assertThat(t.decide(stranger)).as(stranger.explain()).isEqualTo(Thresholds.Decision.NON_MATCH);
        // spelt alike (a dot, a '*'), not merely sounding alike; the name as it stands comes first
        assertThat(outcome(MatchModel.NAME, renamed, survey.withName("王*娣"))).isEqualTo("FORMER_NAME");
        assertThat(outcome(MatchModel.NAME, renamed, survey.withName("王招弟"))).isEqualTo("DIFFERENT");
        assertThat(outcome(MatchModel.NAME, renamed, survey.withName("王莉"))).isEqualTo("HOMOPHONE");
    }

    @Test
    void siblingsOfOneDwellingStayApart() {
        Thresholds t = Thresholds.defaults();
        String home = "德清县乾元镇东风村3组12号";
        // twins one character apart (蒋经国/蒋纬国): never one person; sisters with homophone names born years apart
        // (blocking by birth month never pairs them): at most a case for review
        PartyView jingguo = new PartyView(null, "蒋经国", 'M', BORN, null, VILLAGE, null, null).withAddress(home);
        PartyView weiguo = new PartyView(null, "蒋纬国", 'M', BORN, null, VILLAGE, null, null).withAddress(home);
        PartyView elder = wangLi().withAddress(home);
        PartyView younger = new PartyView(null, "王莉", 'F', BORN.plusYears(3), null, VILLAGE, null, null).withAddress(home);
        MatchScore twins = score(jingguo, weiguo);
        MatchScore sisters = score(elder, younger);
        assertThat(twins.outcome(MatchModel.ADDRESS).name()).isEqualTo("SAME_DWELLING");
        assertThat(sisters.outcome(MatchModel.ADDRESS).name()).isEqualTo("SAME_DWELLING");
        assertThat(t.decide(twins)).as(twins.explain()).isEqualTo(Thresholds.Decision.NON_MATCH);
        assertThat(t.decide(sisters)).as(sisters.explain()).isNotEqualTo(Thresholds.Decision.MATCH);
    }
}
