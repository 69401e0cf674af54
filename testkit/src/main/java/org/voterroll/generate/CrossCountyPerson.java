package org.voterroll.generate;

import java.time.LocalDate;

/**
 * A person planted by the province generator: household register (户籍) in the home county, living in another county of
 * the province by an active {@code liudong} registration there. What each county must decide follows from the kind alone
 * (RULES.md "Who is considered", {@code REGISTERED_ELSEWHERE}, "Inside a province run").
 *
 * @param number      the person's identity number (of the home county's region)
 * @param homeVillage 12-digit code of the registered address, in the home county
 * @param liveVillage 12-digit code of the address lived at, in the county lived in
 * @param since       the liudong registration's date
 * @param proofDate   the {@code 原选区资格证明} in the county lived in; null for {@link Kind#UNCERTIFIED}
 * @param noticeDate  the {@code 已在外地登记} in the home county; only for {@link Kind#CERTIFIED_NOTIFIED}
 */
public record CrossCountyPerson(String number, String name, String surname, boolean male, LocalDate birth, String homeCounty,
                                String homeVillage, String liveCounty, String liveVillage, Kind kind, LocalDate since,
                                LocalDate proofDate, LocalDate noticeDate) {

    /** The three planted cases of issue 21. */
    public enum Kind {
        /** (a) a certificate where they live, no notice at home: both counties list them, CROSS_COUNTY_DUPLICATE in both */
        CERTIFIED("a"),
        /** (b) no certificate: only the home county lists them; the county lived in has them in its in-migrant book */
        UNCERTIFIED("b"),
        /** (c) a certificate where they live and the home county told of it (已在外地登记): only the county lived in lists them */
        CERTIFIED_NOTIFIED("c");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        public boolean listedAtHome() {
            return this != CERTIFIED_NOTIFIED;
        }

        public boolean listedWhereTheyLive() {
            return this != UNCERTIFIED;
        }

        /** on two counties' rolls at once: the province check must raise it, in both */
        public boolean duplicate() {
            return listedAtHome() && listedWhereTheyLive();
        }

        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no kind '" + label + "'");
        }
    }
}
