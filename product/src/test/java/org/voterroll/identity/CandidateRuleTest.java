package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.voterroll.decisions.DecisionBook.Decision;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.CandidateRule.Candidate;
import org.voterroll.identity.match.Thresholds;

class CandidateRuleTest {
    private static final Thresholds T = new Thresholds(28.4, 14.0);
    private static final Function<String, Optional<Decision>> NONE = fp -> Optional.empty();

    private static List<Link> apply(Function<String, Optional<Decision>> decisions, Candidate... cs) {
        return CandidateRule.apply(7, "row7", true, List.of(cs), T, decisions);
    }

    private static Function<String, Optional<Decision>> decided(String personKey, Verdict v) {
        Map<String, Decision> book = Map.of(Fingerprint.of("LINK", "row7", personKey), new Decision(1, "MATCH_REVIEW", v, null, "t"));
        return fp -> Optional.ofNullable(book.get(fp));
    }

    private static String summary(List<Link> links) {
        return String.join(",", links.stream().map(l -> l.personKey() + ":" + l.method() + (l.certain() ? "!" : "")).toList());
    }

    @Test
    void theOnlyCandidateAboveTheUpperThresholdIsMatchedButNotCertain() {
        var links = apply(NONE, new Candidate("b", 20, "e"), new Candidate("a", 30.1, "e"));
        assertEquals("a:MATCHED,b:FUZZY", summary(links));
        assertFalse(links.get(0).certain(), "RULES.md: a weighted link is never certain");
        assertEquals(7, links.get(0).recId());
        assertEquals(30.1, links.get(0).score());
    }

    @Test
    void twoCandidatesAboveTheUpperThresholdAreBothForReview() {
        assertEquals("a:FUZZY,b:FUZZY", summary(apply(NONE, new Candidate("a", 31, "e"), new Candidate("b", 29, "e"))));
    }

    /** Two namesakes born the same month in one village: the survey row taken at one's home is his, a hundredfold. */
    @Test
    void aCandidateLeadingAnotherAboveTheUpperThresholdByAHundredfoldIsMatched() {
        assertEquals("a:MATCHED,b:FUZZY", summary(apply(NONE, new Candidate("a", 39.5, "e"), new Candidate("b", 30.5, "e"))));
        assertEquals("a:FUZZY,b:FUZZY", summary(apply(NONE, new Candidate("a", 39.5, "e"), new Candidate("b", 33.3, "e"))),
                "twins with names alike in one home: 6.2 bits is not enough");
        assertEquals("a:MATCHED,b:FUZZY", summary(apply(NONE, new Candidate("a", 39.5, "e"), new Candidate("b", 32.8, "e"))));
    }

    @Test
    void theUpperThresholdItselfIsReview() {
        assertEquals("a:FUZZY", summary(apply(NONE, new Candidate("a", 28.4, "e"))));
    }

    @Test
    void belowTheLowerThresholdNothingLinks() {
        assertEquals("a:FUZZY", summary(apply(NONE, new Candidate("a", 14.0, "e"), new Candidate("b", 13.9, "e"))));
    }

    @Test
    void atMostThreeCandidatesTiesByPersonKeyAndEachPersonOnce() {
        var links = apply(NONE, new Candidate("d", 20, "e"), new Candidate("c", 20, "e"), new Candidate("b", 20, "e"),
                new Candidate("a", 15, "e"), new Candidate("c", 20, "e"));
        assertEquals("b:FUZZY,c:FUZZY,d:FUZZY", summary(links));
    }

    @Test
    void aTownshipSaidDifferentSoTheNextOneMayBeMatched() {
        var links = apply(decided("a", Verdict.DIFFERENT), new Candidate("a", 35, "e"), new Candidate("b", 30, "e"), new Candidate("c", 15, "e"));
        assertEquals("b:MATCHED,c:FUZZY", summary(links));
    }

    @Test
    void aTownshipSaidSamePersonSoTheLinkIsCertainAndNothingElseIsMatched() {
        var links = apply(decided("b", Verdict.SAME_PERSON), new Candidate("a", 30, "e"), new Candidate("b", 20, "e"));
        assertEquals("b:DECIDED!,a:FUZZY", summary(links));
        assertTrue(links.get(0).certain());
        assertEquals("b:DECIDED!", summary(apply(decided("b", Verdict.CONFIRM_DEATH), new Candidate("b", 20, "e"))));
    }

    @Test
    void noCandidatesNoLinks() {
        assertTrue(apply(NONE).isEmpty());
    }

    /** Issue 18: the household phase and the number phase both found the daughter for one row; one candidate, both evidences. */
    @Test
    void aPersonFoundTwiceForARecordIsOneCandidateWithTheBestScoreAndBothEvidences() {
        var links = apply(NONE, new Candidate("a", 18, "拆迁户内成员 NAME=HOMOPHONE"), new Candidate("a", 22, "ID_SHAPE=ONE_DIGIT"),
                new Candidate("b", 20, "e"));
        assertEquals("a:FUZZY,b:FUZZY", summary(links));
        assertEquals(22, links.get(0).score());
        assertEquals("ID_SHAPE=ONE_DIGIT；拆迁户内成员 NAME=HOMOPHONE", links.get(0).evidence());
        assertEquals("a:MATCHED", summary(apply(NONE, new Candidate("a", 30, "e"), new Candidate("a", 30, "e"))),
                "the same evidence twice is one");
        assertEquals("e", apply(NONE, new Candidate("a", 30, "e"), new Candidate("a", 30, "e")).get(0).evidence());
    }

    @Test
    void twoCandidatesDecidedTheSamePersonGiveOneCertainLink() {
        Map<String, Decision> book = Map.of(
                Fingerprint.of("LINK", "row7", "a"), new Decision(1, "MATCH_REVIEW", Verdict.SAME_PERSON, null, "t"),
                Fingerprint.of("LINK", "row7", "b"), new Decision(2, "MATCH_REVIEW", Verdict.SAME_PERSON, null, "t"));
        assertEquals("a:DECIDED!,b:FUZZY", summary(apply(fp -> Optional.ofNullable(book.get(fp)),
                new Candidate("a", 25, "e"), new Candidate("b", 20, "e"))));
    }

    /** RULES.md: a record linked to nobody still names its likeliest people; the persons one typo from its number. */
    @Test
    void belowTheLowerThresholdThePersonsOneTypoFromTheNumberAreNamedForReview() {
        assertEquals("a:FUZZY", summary(apply(NONE, new Candidate("a", 6.0, "e", true), new Candidate("b", 13.9, "e"))));
        assertEquals("c:FUZZY,a:FUZZY", summary(apply(NONE, new Candidate("a", 6.0, "e", true), new Candidate("c", 15, "e"))),
                "a stranger born on the mistyped day reaches the threshold; the person one typo away is still named");
    }

    /** The persons one typo away are named beside the best three, and never make the best one less of a match. */
    @Test
    void thePersonsOneTypoAwayAreNamedBesideTheBestThree() {
        assertEquals("b:MATCHED,c:FUZZY,d:FUZZY,a:FUZZY", summary(apply(NONE, new Candidate("a", 3.0, "e", true),
                new Candidate("b", 40, "e"), new Candidate("c", 20, "e"), new Candidate("d", 18, "e"), new Candidate("x", 16, "e"))));
        assertEquals("b:FUZZY", summary(apply(NONE, new Candidate("b", 16, "e"), new Candidate("z", 3.0, "e"))),
                "a person not one typo away still needs the lower threshold");
    }

    /** A record without a number names its namesakes only when nobody reaches the threshold (independent2 at 1M: noise). */
    @Test
    void aNumberlessRecordsNamesakesAreNamedOnlyWhenNobodyIsLikelier() {
        assertEquals("c:FUZZY", summary(CandidateRule.apply(7, "row7", false, List.of(new Candidate("a", 6.0, "e", true),
                new Candidate("c", 15, "e")), T, NONE)));
        assertEquals("a:FUZZY,b:FUZZY", summary(CandidateRule.apply(7, "row7", false, List.of(new Candidate("a", 6.0, "e", true),
                new Candidate("b", 5.0, "e", true)), T, NONE)));
        // every namesake named, not the first three by key (independent7: the fourth 付卫东 was the one the decision was about)
        assertEquals("a:FUZZY,b:FUZZY,c:FUZZY,d:FUZZY", summary(CandidateRule.apply(7, "row7", false, List.of(
                new Candidate("d", 12.0, "e", true), new Candidate("c", 12.0, "e", true), new Candidate("b", 12.0, "e", true),
                new Candidate("a", 12.0, "e", true)), T, NONE)));
    }
}
