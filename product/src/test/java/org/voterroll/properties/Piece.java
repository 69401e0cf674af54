package org.voterroll.properties;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scenario of a generated county: a few people and their records. Its own seed fixes everything of it that is not
 * a running number (the identity numbers' sequence, household and case numbers), so that a county without some of its
 * pieces, or a piece without one of its messes, is the same county otherwise: what shrinking needs.
 */
record Piece(Kind kind, long seed, Set<Mess> mess) {

    enum Kind {
        /** an adult with a clean police record, perhaps insured, surveyed or registered as living in another village */
        RESIDENT,
        /** someone born 2008 or later: under 18 on election day, or just 18 (29 February, the day itself) */
        YOUNG,
        /** a death notice (民政, or social insurance ended by death; sometimes the police register agrees) */
        DEATH,
        /** a rights decision covering election day (剥夺 / 停止 / 不能) */
        RIGHTS,
        /** a notice of registration in another county (已在外地登记) */
        ELSEWHERE,
        /** insured and paying at the works that has a district of its own */
        UNIT,
        /** a demolished household resettled in 新华社区, its case rows with or without numbers (anchored or not) */
        RESETTLED,
        /** two different people with the same name, sex and birth date, each with their own number and household;
         *  perhaps a notice about one of them */
        LOOKALIKE,
        /** twins: one household, one birth date, names one character apart; perhaps a notice about one of them */
        TWINS,
        /** one person in two police households (一人多户), the second number legacy, mistyped or nobody's */
        TWO_HOUSEHOLDS,
        /** two different people under one number (重号) */
        SHARED_NUMBER,
        /** a resident from another county, perhaps with proof of voter qualification from home */
        IN_MIGRANT
    }

    Piece {
        mess = mess.isEmpty() ? EnumSet.noneOf(Mess.class) : EnumSet.copyOf(mess);
    }

    boolean has(Mess m) {
        return mess.contains(m);
    }

    Piece without(Mess m) {
        Set<Mess> less = EnumSet.noneOf(Mess.class);
        less.addAll(mess);
        less.remove(m);
        return new Piece(kind, seed, less);
    }

    /** As Java source, for writing a shrunk case down. */
    String source() {
        String m = mess.isEmpty() ? "EnumSet.noneOf(Mess.class)"
                : "EnumSet.of(" + mess.stream().map(x -> "Mess." + x).collect(Collectors.joining(", ")) + ")";
        return "new Piece(Kind." + kind + ", " + seed + "L, " + m + ")";
    }

    @Override
    public String toString() {
        return kind + "(seed " + seed + ", " + mess + ")";
    }
}
