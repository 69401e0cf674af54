package org.voterroll.identity.match;

/**
 * How two (already normalised) names agree, best first. {@link ChineseNames#compare} returns the
 * first applicable category in this order.
 *
 * <p>Middle dots (U+00B7) are separators of minority names, not characters: every category after
 * {@link #EXACT} compares the names with their dots removed.
 */
public enum NameAgreement {
    /** The two strings are identical and contain no unknown character ('*' / '?'). */
    EXACT,
    /**
     * Same length; every position is equal or holds an unknown character ('*' / '?', one rare
     * character that could not be typed) on at least one side. 张*明 / 张晓明.
     */
    WILDCARD,
    /** Equal once the middle dots are removed: 买买提·艾力 / 买买提艾力. */
    DOT_VARIANT,
    /**
     * Same length, and every differing character shares a toneless pinyin reading with its
     * counterpart (王丽/王莉, 单/善 through the surname reading shan). Polyphones count with every
     * reading. Unknown characters count as agreeing.
     */
    HOMOPHONE,
    /**
     * Same length and exactly one differing character that is not a homophone (other positions
     * equal, homophone or unknown): 蒋经国/蒋纬国 — typically siblings, i.e. different people.
     */
    ONE_CHAR,
    /** Anything else, including different lengths. */
    DIFFERENT
}
