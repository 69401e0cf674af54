package org.voterroll.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The household register's people born on one day in one household under different names: twins (and triplets). Twins
 * are often given names that read alike (李明 / 李鸣), so a record spelt exactly as one twin under the other's number is a
 * homophone of the number's person and names the other twin at the same time: which of them it is, the number cannot
 * tell (issue 18). Only such households are held, a few in a thousand, not the register.
 */
public final class Twins {
    private final Map<String, List<Twin>> names = new HashMap<>();

    private record Twin(String name, Character sex) {}

    /** One police record of a household whose people include two names born on one day. */
    public void add(String householdKey, LocalDate birthDate, String name, Character sex) {
        if (householdKey == null || birthDate == null || name == null) return;
        List<Twin> born = names.computeIfAbsent(key(householdKey, birthDate), k -> new ArrayList<>(2));
        if (born.stream().noneMatch(t -> t.name().equals(name))) born.add(new Twin(name, sex));
    }

    /**
     * Whether {@code name}, not spelt as {@code person}, names someone else of the household born that day: exactly
     * (李鸣 under 李明's number) or read alike (胡鑫 under 胡辛's number, her twin 胡馨: a death notice that names either
     * twin, and the number alone cannot say whose death it is). A twin of the other sex than the record states is not
     * named by it (梁红, a woman at a unit under 梁虹's number, is not her brother 梁宏).
     *
     * @param sex the sex the record itself states, null when it states none
     */
    public boolean isTwinOf(String householdKey, LocalDate birthDate, String person, String name, Character sex) {
        if (householdKey == null || birthDate == null || name == null) return false;
        for (Twin t : names.getOrDefault(key(householdKey, birthDate), List.of())) {
            String n = t.name();
            if (sex != null && t.sex() != null && !sex.equals(t.sex())) continue;
            if (!n.equals(person) && NameRules.agree(n, name) && !NameRules.same(person, name)) return true;
        }
        return false;
    }

    private static String key(String householdKey, LocalDate birthDate) {
        return householdKey + '|' + birthDate;
    }
}
