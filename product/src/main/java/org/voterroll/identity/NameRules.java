package org.voterroll.identity;

import org.voterroll.identity.match.ChineseNames;
import org.voterroll.identity.match.NameAgreement;

/** When two spellings are taken as one person's name for a certain link. */
final class NameRules {
    private NameRules() {}

    /** Equal, or equal but for a wildcard, a middle dot or a homophone; never a one-character difference (siblings). */
    static boolean agree(String a, String b) {
        if (a == null || b == null) return false;
        NameAgreement n = ChineseNames.compare(a, b);
        return n == NameAgreement.EXACT || n == NameAgreement.WILDCARD || n == NameAgreement.DOT_VARIANT || n == NameAgreement.HOMOPHONE;
    }

    /**
     * The same name for a certain repair of a number (RULES.md "name after normalisation"): equal once normalised
     * (traditional forms and spaces are folded by normalize.Names), but for a middle dot or a '*' / '?' standing for one
     * rare character. A homophone is not the same name: 朱洁猛 under a number one digit from 朱杰猛's is a candidate for
     * review, since a mistyped number and a misheard name together point at a stranger as easily as at him.
     */
    static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        NameAgreement n = ChineseNames.compare(a, b);
        return n == NameAgreement.EXACT || n == NameAgreement.WILDCARD || n == NameAgreement.DOT_VARIANT;
    }

    /**
     * The same surname and one character of the given name apart (王建国/王建华, 王伟/王芳). Between strangers born the
     * same day that is common, so it never joins two numbers; under one number it is a clerk's slip about as likely as
     * twins given one number. Another surname (王丽/李丽) is another family: clearly different people.
     */
    static boolean oneGivenCharApart(String a, String b) {
        return a != null && b != null && !a.isEmpty() && !b.isEmpty() && a.charAt(0) == b.charAt(0)
                && ChineseNames.compare(a, b) == NameAgreement.ONE_CHAR;
    }
}
