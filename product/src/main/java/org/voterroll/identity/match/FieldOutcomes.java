package org.voterroll.identity.match;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Classification of each field of a pair into its outcome string. Shared by {@link PairScorer}
 * and {@link MatchWeights#reestimateU}, so that scoring and estimation use the same outcomes.
 */
final class FieldOutcomes {

    static final String MISSING = "MISSING";

    // SEX
    static final String AGREE = "AGREE";
    static final String DISAGREE = "DISAGREE";
    // BIRTH
    static final String SAME_DATE = "SAME_DATE";
    static final String SAME_MONTH = "SAME_MONTH";
    static final String DAY_OFF = "DAY_OFF";
    static final String DIFFERENT = "DIFFERENT";
    // ID_SHAPE (besides the IdShape names)
    static final String EQUAL_INVALID = "EQUAL_INVALID";
    static final String EQUAL_OTHER_NAME = "EQUAL_OTHER_NAME";
    // AREA
    static final String SAME_VILLAGE = "SAME_VILLAGE";
    static final String SAME_TOWNSHIP = "SAME_TOWNSHIP";
    static final String SAME_COUNTY = "SAME_COUNTY";
    // HOUSEHOLD
    static final String SAME_HOUSEHOLD = "SAME_HOUSEHOLD";
    static final String SAME_HOUSEHOLD_RELATION_CONFLICT = "SAME_HOUSEHOLD_RELATION_CONFLICT";
    // ADDRESS
    static final String SAME_DWELLING = "SAME_DWELLING";

    /** NAME: the names differ, but one side's is the other's 曾用名 (spelt alike, a dot or a '*' apart). */
    static final String FORMER_NAME = "FORMER_NAME";

    /** Every outcome of every field except MISSING (whose weight is always 0). */
    static final Map<Field, List<String>> OUTCOMES = new EnumMap<>(Field.class);

    static {
        OUTCOMES.put(Field.NAME, List.of("EXACT", "WILDCARD", "DOT_VARIANT", "HOMOPHONE", FORMER_NAME, "ONE_CHAR", "DIFFERENT"));
        OUTCOMES.put(Field.SEX, List.of(AGREE, DISAGREE));
        OUTCOMES.put(Field.BIRTH, List.of(SAME_DATE, SAME_MONTH, DAY_OFF, DIFFERENT));
        OUTCOMES.put(Field.ID_SHAPE, List.of("EQUAL", EQUAL_OTHER_NAME, EQUAL_INVALID, "ONE_DIGIT", "ADJACENT_SWAP", "NEAR", DIFFERENT));
        OUTCOMES.put(Field.AREA, List.of(SAME_VILLAGE, SAME_TOWNSHIP, SAME_COUNTY, DIFFERENT));
        OUTCOMES.put(Field.HOUSEHOLD, List.of(SAME_HOUSEHOLD, SAME_HOUSEHOLD_RELATION_CONFLICT, DIFFERENT));
        OUTCOMES.put(Field.ADDRESS, List.of(SAME_DWELLING));
    }

    private FieldOutcomes() {
    }

    static String outcome(Field f, PartyView a, PartyView b) {
        return switch (f) {
            case NAME -> name(a, b);
            case SEX -> typoIn(a, b, a.sexFromNumber(), b.sexFromNumber(), SEX_DIGITS) ? MISSING : sex(a.sex(), b.sex());
            case BIRTH -> typoIn(a, b, a.birthFromNumber(), b.birthFromNumber(), BIRTH_DIGITS)
                    ? MISSING : birth(a.birthDate(), a.birthMonth(), b.birthDate(), b.birthMonth());
            case ID_SHAPE -> id(a, b);
            case AREA -> area(a, b);
            case HOUSEHOLD -> household(a.householdKey(), a.relation(), b.householdKey(), b.relation());
            case ADDRESS -> address(a, b);
        };
    }

    /**
     * Only agreement is evidence: one person's address differs between agencies (moves, 人户分离, each agency's way of
     * writing it) about as often as two strangers' do, so a difference counts as nothing known. A person separated from
     * their register is also at home where they live (otherAddress), like {@link #area(PartyView, PartyView)}.
     */
    static String address(PartyView a, PartyView b) {
        boolean same = Addresses.sameDwelling(a.address(), b.address())
                || a.otherAddress() != null && Addresses.sameDwelling(a.otherAddress(), b.address())
                || b.otherAddress() != null && Addresses.sameDwelling(a.address(), b.otherAddress());
        return same ? SAME_DWELLING : MISSING;
    }

    /**
     * The names compared; when they disagree (ONE_CHAR, DIFFERENT), a record written under the other side's former
     * name (曾用名, from the police register) is FORMER_NAME. A homophone of a former name is not: two steps from the
     * person's name as it stands.
     */
    static String name(PartyView a, PartyView b) {
        String now = name(a.name(), b.name());
        if (!now.equals("ONE_CHAR") && !now.equals(DIFFERENT)) return now;
        return spelledAlike(a.formerName(), b.name()) || spelledAlike(a.name(), b.formerName()) ? FORMER_NAME : now;
    }

    private static boolean spelledAlike(String x, String y) {
        if (isBlank(x) || isBlank(y)) return false;
        String o = ChineseNames.compare(x.strip(), y.strip()).name();
        return o.equals("EXACT") || o.equals("DOT_VARIANT") || o.equals("WILDCARD");
    }

    static String name(String a, String b) {
        if (isBlank(a) || isBlank(b)) {
            return MISSING;
        }
        return ChineseNames.compare(a.strip(), b.strip()).name();
    }

    static String sex(Character a, Character b) {
        Character x = normSex(a);
        Character y = normSex(b);
        if (x == null || y == null) {
            return MISSING;
        }
        return x.equals(y) ? AGREE : DISAGREE;
    }

    private static Character normSex(Character c) {
        if (c == null) {
            return null;
        }
        char u = Character.toUpperCase(c);
        return (u == 'M' || u == 'F') ? u : null;
    }

    /**
     * SAME_DATE / DAY_OFF (same year and month, other day) when both dates are known; SAME_MONTH
     * when at least one side only knows the month and the months agree; otherwise DIFFERENT.
     */
    static String birth(LocalDate da, YearMonth ma, LocalDate db, YearMonth mb) {
        YearMonth xa = da != null ? YearMonth.from(da) : ma;
        YearMonth xb = db != null ? YearMonth.from(db) : mb;
        if (xa == null || xb == null) {
            return MISSING;
        }
        if (da != null && db != null) {
            if (da.equals(db)) {
                return SAME_DATE;
            }
            return xa.equals(xb) ? DAY_OFF : DIFFERENT;
        }
        return xa.equals(xb) ? SAME_MONTH : DIFFERENT;
    }

    /**
     * The IdShape name, except: an equal number that fails the check digit is EQUAL_INVALID
     * (placeholders and copied typos repeat), and two different numbers that are both valid are
     * DIFFERENT whatever their shape — a valid number identifies a person, and a single wrong
     * digit or adjacent swap always breaks the check digit, so two valid numbers a digit or two
     * apart are two people (typically twins: same area, birth date, neighbouring sequence numbers).
     */
    /** Positions of an 18-character number that encode the birth date (7th to 14th) and the sex (17th). */
    private static final int[] BIRTH_DIGITS = {6, 14};
    private static final int[] SEX_DIGITS = {16, 17};

    /**
     * A side knows its sex or birth only from its number, and the two numbers are a typo apart there (one digit, a swap,
     * two digits): the field then repeats that digit's disagreement, which ID_SHAPE already weighs, so it says nothing
     * of its own (a death notice whose number has its birth month mistyped is not "born another month" too).
     */
    static boolean typoIn(PartyView a, PartyView b, boolean aFromNumber, boolean bFromNumber, int[] digits) {
        if (!aFromNumber && !bFromNumber) return false;
        String x = IdShape.clean(a.idNumber());
        String y = IdShape.clean(b.idNumber());
        if (x == null || y == null || x.length() != 18 || y.length() != 18) return false;
        IdShape shape = IdShape.of(x, y);
        if (shape != IdShape.ONE_DIGIT && shape != IdShape.ADJACENT_SWAP && shape != IdShape.NEAR) return false;
        for (int i = digits[0]; i < digits[1]; i++) {
            if (x.charAt(i) != y.charAt(i)) return true;
        }
        return false;
    }

    /**
     * {@link #id(String, String)}, except that one valid number under names that disagree (ONE_CHAR, DIFFERENT; a former
     * name agrees) is EQUAL_OTHER_NAME: the record carries the person's number but names someone else — a number
     * copied from another person's document (a twin's, a spouse's), which identifies nobody for certain.
     */
    static String id(PartyView a, PartyView b) {
        String shape = id(a.idNumber(), b.idNumber());
        if (!shape.equals("EQUAL")) return shape;
        String names = name(a, b);
        return names.equals("ONE_CHAR") || names.equals(DIFFERENT) ? EQUAL_OTHER_NAME : shape;
    }

    static String id(String a, String b) {
        IdShape shape = IdShape.of(a, b);
        switch (shape) {
            case MISSING:
                return MISSING;
            case EQUAL:
                return IdNumbers.isValid18(a) ? "EQUAL" : EQUAL_INVALID;
            case DIFFERENT:
                return DIFFERENT;
            default:
                return IdNumbers.isValid18(a) && IdNumbers.isValid18(b) ? DIFFERENT : shape.name();
        }
    }

    /** The closest agreement between any place of one side and any place of the other (areaCode and otherArea). */
    static String area(PartyView a, PartyView b) {
        String best = area(a.areaCode(), b.areaCode());
        if (a.otherArea() != null) best = closer(best, area(a.otherArea(), b.areaCode()));
        if (b.otherArea() != null) best = closer(best, area(a.areaCode(), b.otherArea()));
        return best;
    }

    /** Of two AREA outcomes the closer one; MISSING only when both are. */
    private static String closer(String x, String y) {
        return areaRank(y) > areaRank(x) ? y : x;
    }

    private static int areaRank(String outcome) {
        return switch (outcome) {
            case SAME_VILLAGE -> 4;
            case SAME_TOWNSHIP -> 3;
            case SAME_COUNTY -> 2;
            case DIFFERENT -> 1;
            default -> 0;
        };
    }

    /**
     * Compares area codes at the most precise level both sides know. A 12-digit code ending in
     * 000 is a township code, a 9-digit one ending in 000 a county code. Codes that are not all
     * digits or shorter than 6 digits are missing.
     */
    static String area(String a, String b) {
        String x = areaPrefix(a);
        String y = areaPrefix(b);
        if (x == null || y == null) {
            return MISSING;
        }
        if (!x.regionMatches(0, y, 0, 6)) {
            return DIFFERENT;
        }
        int common = Math.min(x.length(), y.length());
        if (common < 9 || !x.regionMatches(0, y, 0, 9)) {
            return SAME_COUNTY;
        }
        if (common < 12 || !x.regionMatches(0, y, 0, 12)) {
            return SAME_TOWNSHIP;
        }
        return SAME_VILLAGE;
    }

    /** The significant prefix of an area code: 12, 9 or 6 digits, or null. */
    static String areaPrefix(String code) {
        if (code == null) {
            return null;
        }
        String s = code.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int len = s.length() >= 12 ? 12 : s.length() >= 9 ? 9 : s.length() >= 6 ? 6 : 0;
        if (len == 0) {
            return null;
        }
        if (len == 12 && s.startsWith("000", 9)) {
            len = 9;
        }
        if (len == 9 && s.startsWith("000", 6)) {
            len = 6;
        }
        return s.substring(0, len);
    }

    /**
     * Household keys are only comparable within one namespace (the part before the first ':',
     * e.g. "chaiqian"; empty for a bare huji 户号): keys of different namespaces count as MISSING,
     * since a chaiqian case number and a 户号 never coincide even for one person.
     */
    static String household(String ka, String ra, String kb, String rb) {
        if (isBlank(ka) || isBlank(kb)) {
            return MISSING;
        }
        String x = ka.strip();
        String y = kb.strip();
        if (!namespace(x).equals(namespace(y))) {
            return MISSING;
        }
        if (!x.equals(y)) {
            return DIFFERENT;
        }
        return HouseholdRelations.conflict(ra, rb) ? SAME_HOUSEHOLD_RELATION_CONFLICT : SAME_HOUSEHOLD;
    }

    static String namespace(String key) {
        int i = key.indexOf(':');
        return i < 0 ? "" : key.substring(0, i);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
