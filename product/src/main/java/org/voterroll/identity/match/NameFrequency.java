package org.voterroll.identity.match;

/**
 * How many of the county's persons one record's name could belong to, for the term-frequency adjustment of the NAME
 * weight (as in Splink): a shared 张伟 says little, a name nobody else in the county bears says much.
 *
 * <p>Every count includes the person the record is compared with whenever their name agrees with it that way.
 *
 * @param sameName  persons whose name is the record's, middle dots aside
 * @param sameSound persons whose name reads like the record's ({@link ChineseNames#phoneticKey})
 * @param fitting   persons whose name fits the record's where it has one unknown character ('*' or '?'); 0 when it
 *                  has none or several
 * @param persons   the county's persons
 */
public record NameFrequency(int sameName, int sameSound, int fitting, int persons) {

    public NameFrequency {
        if (sameName < 0 || sameSound < 0 || fitting < 0 || persons < 1) {
            throw new IllegalArgumentException("counts must be >= 0 and persons >= 1, got " + this);
        }
    }

    /**
     * The persons sharing what a NAME outcome says the two names share, or 0 when the counts do not describe it (the
     * default weight applies). A homophone counts only when both names read alike in their first readings, since the
     * sound count is of those.
     */
    int sharing(NameComparison.Level outcome, String recordName, String otherName) {
        return switch (outcome) {
            case EXACT, DOT_VARIANT -> sameName;
            case HOMOPHONE -> ChineseNames.phoneticKey(recordName).equals(ChineseNames.phoneticKey(otherName)) ? sameSound : 0;
            case WILDCARD -> fitting;
            default -> 0;
        };
    }
}
