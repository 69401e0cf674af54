package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voterroll.identity.match.Fixtures.*;

import org.junit.jupiter.api.Test;

/** {@link Matching#violations()}: what a county may not set, checked against the scorer itself. */
class MatchingTest {

    @Test
    void theDefaultsKeepTheRules() {
        assertThat(Matching.defaults().violations()).isEmpty();
    }

    /**
     * The check's bound is a real pair: a stranger's record with the person's name (as rare as a name can weigh), sex
     * and birth date, and a number two digits off theirs, scores exactly what violations() adds up. An upper threshold
     * below it would match strangers; at it the pair is only reviewed.
     */
    @Test
    void theBoundIsWhatAStrangerWithNameSexBirthAndANearNumberScores() {
        Matching m = Matching.defaults();
        PairScorer scorer = new PairScorer(m.weights());
        PartyView person = new PartyView(ID, "张伟", 'M', BORN, null, null, null, null);
        PartyView stranger = new PartyView(ID_NEAR, "张伟", 'M', BORN, null, null, null, null);
        MatchScore s = scorer.score(stranger, person, new NameFrequency(1, 1, 0, 1_000_000));
        assertThat(s.explain()).contains("NAME=EXACT", "SEX=AGREE", "BIRTH=SAME_DATE", "ID_SHAPE=NEAR");

        Matching atTheBound = new Matching(m.weights(), new Thresholds(s.total(), m.thresholds().lower()));
        assertThat(atTheBound.violations()).isEmpty();
        assertThat(atTheBound.thresholds().decide(s)).isEqualTo(Thresholds.Decision.REVIEW);
        Matching below = new Matching(m.weights(), new Thresholds(s.total() - 0.01, m.thresholds().lower()));
        assertThat(below.violations()).singleElement().asString().contains("never prove one person");
        assertThat(below.thresholds().decide(s)).isEqualTo(Thresholds.Decision.MATCH);
    }

    @Test
    void aPositiveLowerThresholdIsRequired() {
        Matching m = new Matching(MatchWeights.defaults(), new Thresholds(28.4, -1));
        assertThat(m.violations()).singleElement().asString().contains("lower threshold -1.00 must be above 0");
    }
}
