package org.voterroll.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * RULES.md's third certain link: a {@code chaiqian} row without a number that its household is enough to single out —
 * same case as linked members, relation to the head consistent, identical name.
 * <p>
 * Two sisters both called 刘慧 in one household, and the case lists two rows 刘慧 / 女 with nothing else to tell them
 * apart: neither row singles out a sister, yet every way of pairing them gives each sister the same resettlement. Rows of
 * one case alike in everything they state are one row written k times; when exactly k members of the household answer
 * them, each member has one, and they are paired in a fixed order (the rows' by record, the members' by key) so that a
 * rerun pairs them alike. One member answering takes every copy of the row (a case entered twice); any other count leaves
 * the rows to review.
 */
public final class HouseholdRule {
    /** A person of the case's linked members' households (their village, for scoring those only spelt like the row). */
    public record Member(String key, String relation, String name, String area) {}

    private HouseholdRule() {}

    /**
     * @param numbered the row carries a number (mistyped, or another person's): it says it is somebody in particular, so
     *                 its household does not single it out
     * @param alike    the record ids of the case's rows without a number that state exactly what this row states, itself
     *                 included
     * @param others   the members of the case's households who hold no other row of it
     * @return the member the row is certainly linked to
     */
    public static Optional<Member> singledOut(long recId, boolean numbered, String relation, String name, List<Long> alike,
                                              List<Member> others) {
        if (numbered || relation == null || name == null) return Optional.empty();
        List<Member> answering = others.stream().filter(m -> name.equals(m.name()) && relation.equals(m.relation()))
                .sorted(Comparator.comparing(Member::key)).toList();
        // a namesake of another relation is a reason for doubt, not a second answer: the rows stay for review
        boolean namesakeElsewhere = others.stream().anyMatch(m -> name.equals(m.name()) && !relation.equals(m.relation()));
        if (namesakeElsewhere) return Optional.empty();
        // one member answering: the row is theirs, and so is a second copy of it (a case entered twice)
        if (answering.size() == 1) return Optional.of(answering.get(0));
        List<Long> rows = alike.stream().sorted().toList();
        if (answering.size() != rows.size() || !rows.contains(recId)) return Optional.empty();
        return Optional.of(answering.get(rows.indexOf(recId)));
    }
}
