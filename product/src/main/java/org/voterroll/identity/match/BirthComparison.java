package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.RANDOM_PAIRS;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * BIRTH: SAME_DATE / DAY_OFF (same year and month, other day) when both dates are known; SAME_MONTH when at least one
 * side only knows the month and the months agree; otherwise DIFFERENT. MISSING where only a typo in the numbers says it.
 */
public final class BirthComparison extends Comparison<BirthComparison.Level> {

    public enum Level implements Comparison.Level {
        // SAME_DATE: m 0.93 — day/month swaps, lunar-vs-solar dates of older people and typos
        //   spoil ~7%. u 4.6e-5 ≈ 1/(365 × 60): births spread over ~80 years but unevenly (the
        //   county's age pyramid), which is like ~60 equally likely years.
        SAME_DATE(Comparison.weighed("同年同月同日", 0.93, 4.6e-5, RANDOM_PAIRS)),                    // +14.30
        // SAME_MONTH (one side knows only the month, e.g. tongji 出生年月): m 0.96,
        //   u 1.4e-3 ≈ 1/(12 × 60).
        SAME_MONTH(Comparison.weighed("同年同月", 0.96, 1.4e-3, RANDOM_PAIRS)),                       // +9.42
        // DAY_OFF: m 0.02 — a mistyped day; u 1.35e-3 — same year and month, another day
        //   (1/(12 × 60) − 1/(365 × 60)).
        DAY_OFF(Comparison.weighed("相差一天", 0.02, 1.35e-3, RANDOM_PAIRS)),                         // +3.89
        // DIFFERENT: m 0.05 — wrong year/month, lunar dates; u 0.9986 — nearly all random pairs.
        DIFFERENT(Comparison.weighed("不同", 0.05, 0.9986, RANDOM_PAIRS)),                           // -4.32
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public BirthComparison comparison() { return MatchModel.BIRTH; }
    }

    /** The positions of an 18-character number that encode the birth date (7th to 14th). */
    private static final int BIRTH_FROM = 6, BIRTH_TO = 14;

    BirthComparison() {
        super("BIRTH", "出生日期", Level.class);
    }

    @Override
    public Level compare(PartyView a, PartyView b) {
        if (IdShape.typoIn(a, b, a.birthFromNumber(), b.birthFromNumber(), BIRTH_FROM, BIRTH_TO)) return Level.MISSING;
        return births(a.birthDate(), a.birthMonth(), b.birthDate(), b.birthMonth());
    }

    static Level births(LocalDate da, YearMonth ma, LocalDate db, YearMonth mb) {
        YearMonth xa = da != null ? YearMonth.from(da) : ma;
        YearMonth xb = db != null ? YearMonth.from(db) : mb;
        if (xa == null || xb == null) return Level.MISSING;
        if (da != null && db != null) {
            if (da.equals(db)) return Level.SAME_DATE;
            return xa.equals(xb) ? Level.DAY_OFF : Level.DIFFERENT;
        }
        return xa.equals(xb) ? Level.SAME_MONTH : Level.DIFFERENT;
    }
}
