package org.voterroll.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.voterroll.codes.HujiStatus;
import org.voterroll.codes.Source;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;

class RegistrarTest {
    static final LocalDate E = LocalDate.of(2026, 12, 15);
    static final CountyRules COUNTY = new CountyRules("341299", E, LocalDate.of(2021, 11, 15), 12,
            Map.of("341299100201", "D-01", "341299100001", "D-02", "341299201101", "D-03"),
            Map.of("91341299MA0012345K", "U-01"),
            Map.of("D-01", "341299100", "D-02", "341299100", "D-03", "341299201", "U-01", "341299100"));
    final Registrar registrar = new Registrar(COUNTY, 14.0, fp -> Optional.empty());
    long rec = 1;

    Fact huji(String status) { return fact("huji", status, "341299100201", null, null, null, null, null, null, true); }

    /** A record with its values as src_record keeps them (the Chinese of SOURCES.md), read back as the decide step does. */
    Fact fact(String source, String status, String area, String otherArea, LocalDate start, LocalDate end, String kind, String reason,
              String org, boolean certain) {
        Source s = Source.ofPrefix(source).orElseThrow();
        long id = rec++;
        return new Fact(id, s, source + ".csv", (int) rec, "h" + rec, "341299198003120138", "VALID", "张伟", null, area,
                "地址" + rec, Fact.stored(s.statusList(), status, id), null, otherArea, "新地址", start, end,
                Fact.stored(s.kindList(), kind, id), reason, org, certain, certain ? "NUMBER" : "FUZZY", certain ? null : 20.0, true);
    }

    Outcome decide(LocalDate birth, Fact... facts) {
        return registrar.decide(new PersonFacts(1, "k", "341299198003120138", "张伟", 'M', birth, List.of(facts)));
    }

    static final LocalDate ADULT = LocalDate.of(1980, 3, 12);

    @Test
    void eighteenOnElectionDayIsListedOneDayLaterIsNot() {
        assertThat(decide(LocalDate.of(2008, 12, 15), huji("正常")).listed()).isTrue();
        assertThat(decide(LocalDate.of(2008, 12, 16), huji("正常")).reason()).isEqualTo(Reason.UNDER_18);
    }

    @Test
    void bornOn29FebruaryTurns18On28FebruaryInACommonYear() {
        Registrar early = new Registrar(new CountyRules("341299", LocalDate.of(2026, 2, 28), null, 12, COUNTY.districtOfArea(),
                COUNTY.districtOfUnit(), COUNTY.townshipOfDistrict()), 14.0, fp -> Optional.empty());
        assertThat(early.decide(new PersonFacts(1, "k", "x", "张伟", 'M', LocalDate.of(2008, 2, 29), List.of(huji("正常")))).listed()).isTrue();
        Registrar before = new Registrar(new CountyRules("341299", LocalDate.of(2026, 2, 27), null, 12, COUNTY.districtOfArea(),
                COUNTY.districtOfUnit(), COUNTY.townshipOfDistrict()), 14.0, fp -> Optional.empty());
        assertThat(before.decide(new PersonFacts(1, "k", "x", "张伟", 'M', LocalDate.of(2008, 2, 29), List.of(huji("正常")))).reason())
                .isEqualTo(Reason.UNDER_18);
    }

    @Test
    void policeStatusesGiveTheirReasons() {
        assertThat(decide(ADULT, huji("死亡")).reason()).isEqualTo(Reason.DECEASED);
        assertThat(decide(ADULT, huji("迁出")).reason()).isEqualTo(Reason.MOVED_OUT);
        assertThat(decide(ADULT, huji("服兵役")).reason()).isEqualTo(Reason.MILITARY);
        assertThat(decide(ADULT, huji("出国定居")).reason()).isEqualTo(Reason.EMIGRATED);
        assertThat(decide(ADULT, huji("注销")).reason()).isEqualTo(Reason.CANCELLED);
    }

    /** One person with two police rows, whatever their order in the file: a death ends everything, the register in force beats history. */
    @Test
    void theRegisterInForceSpeaksForAPersonWithSeveralPoliceRows() {
        Fact oldRow = fact("huji", "迁出", "341299201101", null, null, null, null, null, null, true);
        Fact newRow = fact("huji", "正常", "341299100201", null, null, null, null, null, null, true);
        Outcome moved = decide(ADULT, oldRow, newRow);
        assertThat(moved.listed()).isTrue();
        assertThat(moved.district()).isEqualTo("D-01");
        assertThat(decide(ADULT, newRow, oldRow).district()).isEqualTo("D-01");
        for (String history : List.of("注销", "服兵役", "出国定居")) {
            Fact h = fact("huji", history, "341299201101", null, null, null, null, null, null, true);
            assertThat(decide(ADULT, h, newRow).district()).as(history).isEqualTo("D-01");
        }
        Fact dead = fact("huji", "死亡", "341299201101", null, null, null, null, null, null, true);
        assertThat(decide(ADULT, newRow, dead).reason()).isEqualTo(Reason.DECEASED);
        assertThat(decide(ADULT, oldRow, fact("huji", "注销", "341299100201", null, null, null, null, null, null, true)).reason())
                .isEqualTo(Reason.MOVED_OUT);
    }

    @Test
    void deprivationEndingOnElectionDayStillCoversIt() {
        Fact onE = fact("xuanwei", null, null, null, LocalDate.of(2024, 3, 1), E, "剥夺政治权利", null, null, true);
        assertThat(decide(ADULT, huji("正常"), onE).reason()).isEqualTo(Reason.DEPRIVED);
        Fact dayBefore = fact("xuanwei", null, null, null, LocalDate.of(2024, 3, 1), E.minusDays(1), "剥夺政治权利", null, null, true);
        assertThat(decide(ADULT, huji("正常"), dayBefore).listed()).isTrue();
        Fact open = fact("xuanwei", null, null, null, LocalDate.of(2024, 3, 1), null, "剥夺政治权利", null, null, true);
        assertThat(decide(ADULT, huji("正常"), open).reason()).isEqualTo(Reason.DEPRIVED);
    }

    @Test
    void restorationCountsOnlyAfterTheDeprivationAndOnOrBeforeElectionDay() {
        Fact deprived = fact("xuanwei", null, null, null, LocalDate.of(2024, 3, 1), null, "剥夺政治权利", null, null, true);
        Fact restoredOnE = fact("xuanwei", null, null, null, E, null, "恢复政治权利", null, null, true);
        assertThat(decide(ADULT, huji("正常"), deprived, restoredOnE).listed()).isTrue();
        Fact restoredAfter = fact("xuanwei", null, null, null, E.plusDays(1), null, "恢复政治权利", null, null, true);
        assertThat(decide(ADULT, huji("正常"), deprived, restoredAfter).reason()).isEqualTo(Reason.DEPRIVED);
        Fact restoredBefore = fact("xuanwei", null, null, null, LocalDate.of(2023, 1, 1), null, "恢复政治权利", null, null, true);
        assertThat(decide(ADULT, huji("正常"), deprived, restoredBefore).reason()).isEqualTo(Reason.DEPRIVED);
    }

    @Test
    void suspendedUnableAndRegisteredElsewhere() {
        assertThat(decide(ADULT, huji("正常"), fact("xuanwei", null, null, null, LocalDate.of(2026, 1, 1), null, "停止行使选举权利", null, null, true))
                .reason()).isEqualTo(Reason.SUSPENDED);
        assertThat(decide(ADULT, huji("正常"), fact("xuanwei", null, null, null, LocalDate.of(2026, 1, 1), null, "不能行使选举权利", null, null, true))
                .reason()).isEqualTo(Reason.UNABLE);
        assertThat(decide(ADULT, huji("正常"), fact("waidi", null, null, "320102", E, null, "已在外地登记", null, null, true)).reason())
                .isEqualTo(Reason.REGISTERED_ELSEWHERE);
        assertThat(decide(ADULT, huji("正常"), fact("waidi", null, null, "320102", E.plusDays(1), null, "已在外地登记", null, null, true)).listed())
                .isTrue();
    }

    @Test
    void districtRulesInOrderUnitResettledResidenceHukou() {
        Fact unit = fact("shebao", "参保缴费", null, null, null, null, null, null, "91341299MA0012345K", true);
        Fact resettled = fact("chaiqian", "产权调换", "341299100201", "341299100001", E, null, null, null, null, true);
        Fact residence = fact("liudong", null, "341299201101", "341299100201", LocalDate.of(2024, 1, 1), null, null, null, null, true);
        assertThat(decide(ADULT, huji("正常")).basis()).isEqualTo(Basis.HUKOU);
        Outcome r = decide(ADULT, huji("正常"), residence);
        assertThat(r.district()).isEqualTo("D-03");
        assertThat(r.basis()).isEqualTo(Basis.RESIDENCE);
        Outcome both = decide(ADULT, huji("正常"), residence, resettled);
        assertThat(both.district()).isEqualTo("D-02");
        assertThat(both.basis()).isEqualTo(Basis.RESETTLED);
        assertThat(both.exceptions()).extracting(Raised::code).containsExactly("RESIDENCE_CONFLICT");
        Outcome all = decide(ADULT, huji("正常"), residence, resettled, unit);
        assertThat(all.district()).isEqualTo("U-01");
        assertThat(all.basis()).isEqualTo(Basis.UNIT);
    }

    @Test
    void handoverAfterElectionDayOrPausedInsuranceDoNotMove() {
        Fact lateHandover = fact("chaiqian", "产权调换", "341299100201", "341299100001", E.plusDays(1), null, null, null, null, true);
        Fact paused = fact("shebao", "暂停缴费", null, null, null, null, null, null, "91341299MA0012345K", true);
        Fact ended = fact("liudong", null, "341299201101", "341299100201", LocalDate.of(2024, 1, 1), E, null, null, null, true);
        assertThat(decide(ADULT, huji("正常"), lateHandover, paused, ended).basis()).isEqualTo(Basis.HUKOU);
    }

    @Test
    void noDistrictIsNotListedAndRaised() {
        Fact uncovered = new Fact(9, Source.HUJI, "h.csv", 2, "h9", "341299198003120138", "VALID", "张伟", null, "341299999999", "a", HujiStatus.NORMAL,
                null, null, null, null, null, null, null, null, true, "NUMBER", null, true);
        Outcome o = decide(ADULT, uncovered);
        assertThat(o.listed()).isFalse();
        assertThat(o.reason()).isEqualTo(Reason.NO_DISTRICT);
        assertThat(o.exceptions()).extracting(Raised::code).containsExactly("NO_DISTRICT");
        assertThat(o.exceptions()).extracting(Raised::township).containsExactly((String) null);
    }

    @Test
    void anItemGoesToTheTownshipOfItsAreaOnlyWhereXuanquHasThatTownship() {
        Fact known = fact("huji", "正常", "341299100999", null, null, null, null, null, null, true);
        assertThat(decide(ADULT, known).exceptions()).extracting(Raised::code, Raised::township)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_DISTRICT", "341299100"));
        assertThat(COUNTY.townshipOf("341299100999")).isEqualTo("341299100");
        assertThat(COUNTY.townshipOf("341299999999")).isNull();
        assertThat(COUNTY.townshipOf("3412")).isNull();
        assertThat(COUNTY.townshipOfUnit("91341299MA0012345K")).isEqualTo("341299100");
        assertThat(COUNTY.townshipOfUnit("91341299MA0099999X")).isNull();
    }

    @Test
    void fuzzyDeathNeverRemovesButRaisesDeathReview() {
        Fact fuzzyDeath = fact("minzheng", null, null, null, LocalDate.of(2026, 8, 1), null, null, null, null, false);
        Outcome o = decide(ADULT, huji("正常"), fuzzyDeath);
        assertThat(o.listed()).isTrue();
        assertThat(o.exceptions()).extracting(Raised::code).containsExactly("DEATH_REVIEW");
    }

    @Test
    void aDeathNoticeWithoutAReadableDateRemovesNobodyAndAsks() {
        Fact undated = fact("minzheng", null, null, null, null, null, null, null, null, true);
        Outcome o = decide(ADULT, huji("正常"), undated);
        assertThat(o.listed()).isTrue();
        assertThat(o.exceptions()).extracting(Raised::code).containsExactly("DEATH_REVIEW");
        assertThat(o.exceptions().get(0).description()).contains("死亡日期无法识别");
        Fact dated = fact("minzheng", null, null, null, LocalDate.of(2026, 8, 1), null, null, null, null, true);
        assertThat(decide(ADULT, huji("正常"), dated).reason()).isEqualTo(Reason.DECEASED);
    }

    @Test
    void certainDeathWhilePoliceSayNormalRemovesAndRaisesConflict() {
        Fact death = fact("shebao", "终止参保", null, null, null, null, null, "死亡", null, true);
        Outcome o = decide(ADULT, huji("正常"), death);
        assertThat(o.reason()).isEqualTo(Reason.DECEASED);
        assertThat(o.exceptions()).extracting(Raised::code).containsExactly("DEATH_CONFLICT");
    }

    @Test
    void uncertainLinkThatWouldMoveSomeoneRaisesMatchReviewAndDoesNotMove() {
        Fact fuzzyUnit = fact("shebao", "参保缴费", null, null, null, null, null, null, "91341299MA0012345K", false);
        Outcome o = decide(ADULT, huji("正常"), fuzzyUnit);
        assertThat(o.basis()).isEqualTo(Basis.HUKOU);
        assertThat(o.exceptions()).extracting(Raised::code).containsExactly("MATCH_REVIEW");
    }

    @Test
    void aDecisionIsAppliedAndNotAskedAgain() {
        Fact fuzzyDeath = fact("minzheng", null, null, null, LocalDate.of(2026, 8, 1), null, null, null, null, false);
        String fp = Fingerprint.of("LINK", fuzzyDeath.rowHash(), "k");
        Registrar decided = new Registrar(COUNTY, 14.0,
                f -> f.equals(fp) ? Optional.of(new Registrar.Decided(Verdict.CONFIRM_DEATH, null)) : Optional.empty());
        Outcome o = decided.decide(new PersonFacts(1, "k", "341299198003120138", "张伟", 'M', ADULT, List.of(huji("正常"), fuzzyDeath)));
        assertThat(o.reason()).isEqualTo(Reason.DECEASED);
        assertThat(o.exceptions()).isEmpty();
    }

    @Test
    void inMigrantsListedWithProofOtherwiseInTheBookAfterTwelveCompletedMonths() {
        Fact since12 = fact("liudong", null, "341299100201", "420106", LocalDate.of(2025, 12, 15), null, null, null, null, true);
        Outcome noProof = decide(ADULT, since12);
        assertThat(noProof.considered()).isFalse();
        assertThat(noProof.inMigrantEntry().months()).isEqualTo(12);
        assertThat(noProof.exceptions()).extracting(Raised::code).containsExactly("INMIGRANT_ELIGIBLE");
        Fact since11 = fact("liudong", null, "341299100201", "420106", LocalDate.of(2025, 12, 16), null, null, null, null, true);
        Outcome young = decide(ADULT, since11);
        assertThat(young.inMigrantEntry().months()).isEqualTo(11);
        assertThat(young.exceptions()).isEmpty();
        Fact proof = fact("waidi", null, null, "420106", LocalDate.of(2026, 10, 1), null, "原选区资格证明", null, null, true);
        Outcome withProof = decide(ADULT, since11, proof);
        assertThat(withProof.listed()).isTrue();
        assertThat(withProof.basis()).isEqualTo(Basis.PROOF);
        assertThat(withProof.district()).isEqualTo("D-01");
    }

    @Test
    void aRegisterMovedOutOfTheCountyWhosePersonStillLivesHereIsAnInMigrant() {
        Fact movedOut = fact("huji", "迁出", "341299201101", "330106", null, null, null, null, null, true);
        Fact since12 = fact("liudong", null, "341299100201", "330106", LocalDate.of(2025, 12, 15), null, null, null, null, true);
        Outcome noProof = decide(ADULT, movedOut, since12);
        assertThat(noProof.listed()).isFalse();
        assertThat(noProof.reason()).isEqualTo(Reason.MOVED_OUT);
        assertThat(noProof.inMigrantEntry().months()).isEqualTo(12);
        assertThat(noProof.exceptions()).extracting(Raised::code).containsExactly("INMIGRANT_ELIGIBLE");
        Fact proof = fact("waidi", null, null, "330106", LocalDate.of(2026, 10, 1), null, "原选区资格证明", null, null, true);
        Outcome withProof = decide(ADULT, movedOut, since12, proof);
        assertThat(withProof.listed()).isTrue();
        assertThat(withProof.basis()).isEqualTo(Basis.PROOF);
        assertThat(withProof.district()).isEqualTo("D-01");
        // a move within the county is no in-migration: the residence's register is here
        Fact withinCounty = fact("liudong", null, "341299100201", "341299201101", LocalDate.of(2025, 12, 15), null, null, null, null, true);
        assertThat(decide(ADULT, movedOut, withinCounty).inMigrantEntry()).isNull();
        // and nobody moved out without a residence here is in the book
        assertThat(decide(ADULT, movedOut).inMigrantEntry()).isNull();
    }

    @Test
    void awayBookOnlyForAnotherCountyOrAbroad() {
        List<Fact> facts = new ArrayList<>(List.of(huji("正常")));
        facts.add(fact("tongji", "外出", "341299100201", null, null, null, null, "本县", null, true));
        assertThat(registrar.decide(new PersonFacts(1, "k", "n", "张伟", 'M', ADULT, facts)).away()).isNull();
        facts.add(fact("tongji", "外出", "341299100201", null, null, null, null, "境外", null, true));
        assertThat(registrar.decide(new PersonFacts(1, "k", "n", "张伟", 'M', ADULT, facts)).away().destination()).isEqualTo("境外");
    }

    /** The fact as linked by a repaired number (one wrong digit or swap), a certain link by RULES.md's second kind. */
    static Fact repaired(Fact f) {
        return new Fact(f.recId(), f.source(), f.fileName(), f.lineNo(), f.rowHash(), "341299198003120139", "BAD_CHECK", f.name(),
                f.birthDate(), f.areaCode(), f.address(), f.status(), f.statusDate(), f.otherArea(), f.otherAddress(), f.startDate(),
                f.endDate(), f.kind(), f.reason(), f.orgCode(), true, "REPAIRED", null, true);
    }

    /** Issue 18: 264 living people struck off by death notices one digit off. Removal needs the number itself. */
    @Test
    void deathThroughARepairedNumberRemovesNobodyButRaisesDeathReview() {
        Outcome o = decide(ADULT, huji("正常"), repaired(fact("minzheng", null, null, null, LocalDate.of(2026, 8, 1), null, null, null, null, true)));
        assertThat(o.listed()).isTrue();
        assertThat(o.exceptions()).extracting(Raised::code).containsExactly("DEATH_REVIEW");
        assertThat(decide(ADULT, huji("正常"), repaired(fact("shebao", "终止参保", null, null, null, null, null, "死亡", null, true))).listed())
                .isTrue();
    }

    @Test
    void rightsAndRegistrationElsewhereThroughARepairedNumberRemoveNobodyButRaiseMatchReview() {
        for (String kind : List.of("剥夺政治权利", "停止行使选举权利", "不能行使选举权利")) {
            Outcome o = decide(ADULT, huji("正常"), repaired(fact("xuanwei", null, null, null, LocalDate.of(2024, 1, 1), null, kind, null, null, true)));
            assertThat(o.listed()).as(kind).isTrue();
            assertThat(o.exceptions()).as(kind).extracting(Raised::code).containsExactly("MATCH_REVIEW");
        }
        Outcome elsewhere = decide(ADULT, huji("正常"), repaired(fact("waidi", null, null, "320102", LocalDate.of(2026, 11, 2), null, "已在外地登记", null, null, true)));
        assertThat(elsewhere.listed()).isTrue();
        assertThat(elsewhere.exceptions()).extracting(Raised::code).containsExactly("MATCH_REVIEW");
    }

    @Test
    void theSameEvidenceByTheNumberItselfRemoves() {
        assertThat(decide(ADULT, huji("正常"), fact("xuanwei", null, null, null, LocalDate.of(2024, 1, 1), null, "剥夺政治权利", null, null, true))
                .reason()).isEqualTo(Reason.DEPRIVED);
        assertThat(decide(ADULT, huji("正常"), fact("waidi", null, null, "320102", LocalDate.of(2026, 11, 2), null, "已在外地登记", null, null, true))
                .reason()).isEqualTo(Reason.REGISTERED_ELSEWHERE);
    }

    /** What a repaired number links and what removes nobody are apart: a repaired unit record still moves the person. */
    @Test
    void aRepairedRecordThatRemovesNobodyIsActedOn() {
        Outcome o = decide(ADULT, huji("正常"), repaired(fact("shebao", "参保缴费", null, null, null, null, null, null, "91341299MA0012345K", true)));
        assertThat(o.basis()).isEqualTo(Basis.UNIT);
        assertThat(o.exceptions()).isEmpty();
    }
    /**
     * Issue 18: doubt keeps the voter. A person of the previous roll (D-02) whose only police record is an uncertain link
     * stays in the previous district, and the MATCH_REVIEW about that record says so; without the previous line, or
     * with a certain police record, nothing is kept.
     */
    @Test
    void aPreviousVoterWhoseOnlyPoliceRecordIsUncertainIsKeptInThePreviousDistrict() {
        Fact uncertainHuji = fact("huji", "正常", "341299100201", null, null, null, null, null, null, false);
        Fact insurance = fact("shebao", "参保缴费", "341299100201", null, null, null, null, null, "91341299MA0099999X", true);
        Outcome kept = registrar.decide(new PersonFacts(1, "k", "341299198003120138", "张伟", 'M', ADULT, List.of(uncertainHuji, insurance), "D-02"));
        assertThat(kept.listed()).isTrue();
        assertThat(kept.district()).isEqualTo("D-02");
        assertThat(kept.basis()).isEqualTo(Basis.HUKOU);
        assertThat(kept.exceptions()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("MATCH_REVIEW");
            assertThat(r.description()).contains("暂按上届名册保留于 D-02");
            assertThat(r.recId()).isEqualTo(uncertainHuji.recId());
        });

        Outcome notOnThePreviousRoll = registrar.decide(new PersonFacts(1, "k", "341299198003120138", "张伟", 'M', ADULT,
                List.of(uncertainHuji, insurance), null));
        assertThat(notOnThePreviousRoll.considered()).isFalse();
        assertThat(notOnThePreviousRoll.listed()).isFalse();
        Outcome districtGone = registrar.decide(new PersonFacts(1, "k", "341299198003120138", "张伟", 'M', ADULT,
                List.of(uncertainHuji, insurance), "D-09"));
        assertThat(districtGone.listed()).isFalse();
        Outcome certain = registrar.decide(new PersonFacts(1, "k", "341299198003120138", "张伟", 'M', ADULT, List.of(huji("正常")), "D-02"));
        assertThat(certain.district()).as("the rules decide; the previous line is only the fallback of doubt").isEqualTo("D-01");
    }
}
