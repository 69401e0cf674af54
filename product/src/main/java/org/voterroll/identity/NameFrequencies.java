package org.voterroll.identity;

import java.util.HashMap;
import java.util.Map;

import org.voterroll.identity.match.ChineseNames;

/**
 * How often each character occurs in the given names of a county's household register, by sex. When
 * the records of a person known only outside the register spell the name differently (a clerk's
 * homophone: 陈霞/陈匣, 李丹慧/李担慧) and no spelling has more records behind it, the spelling made of
 * the characters this county gives its sons or daughters is the likelier one: a slip of the input
 * method picks a rarer character, or one of the other sex (王伟飞/王伟菲).
 */
public final class NameFrequencies {
    private final Map<Integer, Integer> counts = new HashMap<>();

    /** @param sex 'M', 'F' or null; every name also counts towards the figures of unknown sex */
    public void add(String name, Character sex) {
        if (name == null) return;
        givenName(name).codePoints().forEach(c -> {
            counts.merge(key(c, null), 1, Integer::sum);
            if (sex != null) counts.merge(key(c, sex), 1, Integer::sum);
        });
    }

    public int count(int codePoint, Character sex) {
        return counts.getOrDefault(key(codePoint, sex), 0);
    }

    /** Higher for a name whose given-name characters are common for the sex in the register; unknown characters add nothing. */
    public double commonness(String name, Character sex) {
        double s = 0;
        for (int c : givenName(name).codePoints().toArray()) s += Math.log1p(count(c, sex));
        return s;
    }

    private static String givenName(String name) {
        if (name.indexOf(ChineseNames.MIDDLE_DOT) >= 0) return name;
        int surname = ChineseNames.hasCompoundSurname(name) ? 2 : 1;
        return name.length() > surname ? name.substring(surname) : name;
    }

    private static int key(int codePoint, Character sex) {
        int s = sex == null ? 0 : sex == 'M' ? 1 : 2;
        return codePoint * 3 + s;
    }
}
