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
}
