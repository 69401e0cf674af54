package org.voterroll.identity.match;

/** The fields compared by {@link PairScorer}, in the order they appear in a {@link MatchScore}. */
public enum Field {
    NAME, SEX, BIRTH, ID_SHAPE, AREA, HOUSEHOLD, ADDRESS
}
