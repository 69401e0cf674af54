package org.voterroll.identity.match;

import static org.voterroll.identity.match.MatchWeights.Basis.CONDITIONAL;
import static org.voterroll.identity.match.MatchWeights.Basis.POLICY;
import static org.voterroll.identity.match.MatchWeights.Basis.RANDOM_PAIRS;

/**
 * ID_SHAPE: the {@link IdShape} of the two numbers, except: an equal number that fails the check digit is EQUAL_INVALID
 * (placeholders and copied typos repeat); two different numbers that are both valid are DIFFERENT whatever their shape —
 * a valid number identifies a person, and a single wrong digit or adjacent swap always breaks the check digit, so two
 * valid numbers a digit or two apart are two people (typically twins); and one valid number under names that disagree
 * (ONE_CHAR, DIFFERENT; a former name agrees) is EQUAL_OTHER_NAME: the record carries the person's number but names
 * someone else — a number copied from another person's document (a twin's, a spouse's), which identifies nobody for certain.
 */
public final class IdShapeComparison extends Comparison<IdShapeComparison.Level> {

    public enum Level implements Comparison.Level {
        // EQUAL (a valid number): policy. The rules make an equal valid number a certain link
        //   whatever else disagrees; m 0.97, u 1e-27 make EQUAL outweigh every disagreement
        //   combined by far. (The real rate of 重号 is ~1e-10 per pair; shared numbers are found
        //   with MatchScore.totalExcluding(ID_SHAPE), not by this weight.)
        EQUAL(Comparison.weighed("相同", 0.97, 1e-27, POLICY)),                                       // +89.65
        // EQUAL_OTHER_NAME: policy. The same valid number under names that disagree (ONE_CHAR, DIFFERENT): the record
        //   names someone else, so the number was copied from another person's document (a twin's, a spouse's) about as
        //   often as a name was written wholly wrong. Identity resolution never links such a record by its number; as
        //   evidence it is strong but never enough: m 0.01, u 1e-8 (+19.93) with the name's disagreement (-15.0, -20.9)
        //   and what the number itself encodes (sex +0.97, birth +14.30) reaches review (20.2 / 14.3), not a match.
        EQUAL_OTHER_NAME(Comparison.weighed("号码相同、姓名不同", 0.01, 1e-8, POLICY)),                  // +19.93
        // EQUAL_INVALID: the same number failing the check digit on both sides — a typo copied
        //   from one document, or a placeholder (000…). m 0.01, u 1e-6 (placeholders repeat).
        EQUAL_INVALID(Comparison.weighed("同一无效号码", 0.01, 1e-6, CONDITIONAL)),                     // +13.29
        // ONE_DIGIT / ADJACENT_SWAP / NEAR (at least one side invalid): m 1% / 0.5% / 0.4% of true
        //   pairs with both numbers show that typo. u is conditional: a number contains area
        //   (6 digits), birth date (8) and sex (17th digit), so two different people born the same
        //   day in the same county already share 14–15 of the first 17 digits; u is taken among such
        //   pairs (one wrong digit ~3e-4, two digits ~2e-3) so that the number does not count the
        //   birth date and area a second time.
        ONE_DIGIT(Comparison.weighed("一位之差", 0.01, 3e-4, CONDITIONAL)),                            // +5.06
        ADJACENT_SWAP(Comparison.weighed("相邻两位颠倒", 0.005, 1.5e-4, CONDITIONAL)),                  // +5.06
        NEAR(Comparison.weighed("相近", 0.004, 2e-3, CONDITIONAL)),                                    // +1.00
        // DIFFERENT (incl. two different valid numbers): m 0.02 — one person's second number
        //   that belongs to nobody (一人多户), unconverted or badly mistyped numbers; u 0.999.
        DIFFERENT(Comparison.weighed("不同", 0.02, 0.999, RANDOM_PAIRS)),                             // -5.64
        MISSING(Comparison.UNWEIGHED);

        private final Definition definition;

        Level(Definition definition) {
            this.definition = definition;
        }

        @Override public Definition definition() { return definition; }
        @Override public IdShapeComparison comparison() { return MatchModel.ID_SHAPE; }
    }

    IdShapeComparison() {
        super("ID_SHAPE", "身份号码", Level.class);
    }

    @Override
    public Level compare(PartyView a, PartyView b) {
        Level shape = numbers(a.idNumber(), b.idNumber());
        if (shape != Level.EQUAL) return shape;
        return MatchModel.NAME.compare(a, b).disagrees() ? Level.EQUAL_OTHER_NAME : shape;
    }

    /** Two numbers alone (no names to tell a copied number). */
    static Level numbers(String a, String b) {
        IdShape shape = IdShape.of(a, b);
        return switch (shape) {
            case MISSING -> Level.MISSING;
            // a legacy 15-digit number equal to the other's 15-digit form is the same number (RULES.md)
            case EQUAL -> IdNumbers.isValid18(a) || IdShape.isLegacy15(a) && (IdNumbers.isValid18(b) || IdShape.isLegacy15(b))
                    ? Level.EQUAL : Level.EQUAL_INVALID;
            case DIFFERENT -> Level.DIFFERENT;
            case ONE_DIGIT, ADJACENT_SWAP, NEAR -> IdNumbers.isValid18(a) && IdNumbers.isValid18(b) ? Level.DIFFERENT
                    : shape == IdShape.ONE_DIGIT ? Level.ONE_DIGIT : shape == IdShape.ADJACENT_SWAP ? Level.ADJACENT_SWAP : Level.NEAR;
        };
    }
}
