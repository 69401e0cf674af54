package org.voterroll.identity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.voterroll.identity.match.AddressComparison;

/**
 * 一人多户 not provable from numbers (RULES.md PERSON_MULTI_RECORD): which two police persons of one birth date and sex
 * may be one person registered twice, and how a township's "same person" verdicts merge them.
 */
final class MultiRecordRule {
    private MultiRecordRule() {}

    /**
     * Two police persons of one birth date and sex (MultiRecordPhase blocks them so) in different households, and either
     * agreeing names under two valid numbers with a tie beyond them, or one surname and one given-name character apart
     * under one number (otherwise 重号, ID_SHARED; but such names are not "clearly different people").
     */
    static boolean pairs(PersonSeed a, PersonSeed o) {
        // under one number two persons' names never agree (NumberGroupResolver made them one)
        boolean oneNumber = a.idNumber().equals(o.idNumber());
        // one number in one household, names a character apart, is two people sharing it (ID_SHARED)
        if (oneNumber && a.householdKey() != null && a.householdKey().equals(o.householdKey())) return false;
        if (oneNumber ? !NameRules.oneGivenCharApart(a.name(), o.name()) : !namesAgree(a, o)) return false;
        return oneNumber || tiedBeyondNameSexAndBirth(a, o);
    }

    /**
     * RULES.md's PERSON_MULTI_RECORD "seems": under two valid numbers, a tie beyond name, sex and birth date — one
     * dwelling, numbers one typo apart, or one's former name the other's name. Two records with nothing else in common
     * are two people: at 1M, 2,575 of 2,999 such items were strangers born the same day (issue 18).
     */
    static boolean tiedBeyondNameSexAndBirth(PersonSeed a, PersonSeed o) {
        // one household counts (RULES.md: "same dwelling or household"): until 2026-12-07 such pairs were skipped as no
        // 一人多户, and both were listed without an item
        if (MultiRecordTie.holds(a.idNumber(), a.householdKey(), o.idNumber(), o.householdKey())) return true;
        if (AddressComparison.oneDwelling(a.address(), a.areaCode(), o.address(), o.areaCode())) return true;
        return formerNameIsTheOthersName(a, o);
    }

    /**
     * The names of two police persons under two valid numbers agree: their names, or one's former name and the other's
     * name (a second huji row written under the name a person used before: RULES.md counts a former name as a tie).
     */
    static boolean namesAgree(PersonSeed a, PersonSeed o) {
        return NameRules.agree(a.name(), o.name()) || formerNameIsTheOthersName(a, o);
    }

    private static boolean formerNameIsTheOthersName(PersonSeed a, PersonSeed o) {
        return (a.formerName() != null && NameRules.agree(a.formerName(), o.name()))
                || (o.formerName() != null && NameRules.agree(o.formerName(), a.name()));
    }

    /**
     * The decided pairs (person keys) as merges, each merged person's key to the key it goes into. Decided merges may
     * chain (a = b, b = c): each person goes into the smallest key of its chain.
     */
    static Map<String, String> merges(List<String[]> decided) {
        Map<String, String> into = new HashMap<>();
        for (String[] m : decided) {
            String a = chainEnd(into, m[0]), b = chainEnd(into, m[1]);
            if (a.equals(b)) continue;
            if (a.compareTo(b) < 0) into.put(b, a);
            else into.put(a, b);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String from : into.keySet()) out.put(from, chainEnd(into, from));
        return out;
    }

    private static String chainEnd(Map<String, String> into, String key) {
        while (into.containsKey(key)) key = into.get(key);
        return key;
    }
}
