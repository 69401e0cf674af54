package org.voterroll.identity;

import java.util.List;

/**
 * The blocking rules of the fuzzy phase (FuzzyPhase), declared in one list in the order they are applied: only a
 * record and a person that a rule pairs are compared, as Splink declares its blocking rules. The pairs of a scored rule
 * are kept when they reach the lower threshold; those of a named rule are the record's likeliest people and kept
 * whatever they score, up to {@link #most} persons a record. Every rule's pairs of a record are one set of candidates
 * (CandidateRule), so two rules that pair the same record and person give one link. The household phase
 * (HouseholdPhase, HouseholdRule) runs before these rules and is not one of them: it pairs a resettlement row with the
 * members of its case's linked household, a pairing by case rather than by key, and stages its uncertain pairs into the
 * same set of candidates.
 */
enum BlockingRule {
    /**
     * Sex × birth month × a reading of the surname ({@link Blocking#keys}; a person's former name's keys too): a few
     * dozen people a block in a county of a million, and a homophone of a polyphonic surname still meets.
     */
    BIRTH_MONTH_SURNAME(false, Integer.MAX_VALUE),
    /** The persons whose number is one digit or swap from the record's, even when its birth disagrees. */
    NEAR_NUMBER(true, Integer.MAX_VALUE),
    /** The holders of a record's very number, for another agency's record whose name, sex or birth disagrees with it. */
    NUMBER_HOLDER(true, Integer.MAX_VALUE),
    /** A record with neither a number nor a birth: its namesakes ({@link Blocking#namesakeKeys}, {@link NamesakeRule}). */
    NAMESAKE(true, NamesakeRule.NAMED);

    /** The rules in the order FuzzyPhase applies them (their candidates are staged in this order). */
    static final List<BlockingRule> IN_ORDER = List.of(values());

    /** the pairs are the record's likeliest people, kept whatever they score */
    final boolean named;
    /** the most persons the rule names for one record; a record with more is skipped */
    final int most;

    BlockingRule(boolean named, int most) {
        this.named = named;
        this.most = most;
    }
}
