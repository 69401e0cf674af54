package org.voterroll.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.voterroll.identity.match.ChineseNames;
import org.voterroll.identity.match.NameFrequency;

/**
 * Counts, over the county's persons, how many bear, sound like or fit the names of the records still to be linked,
 * for the NAME weight's term-frequency adjustment ({@link NameFrequency}). Only the records' own names are kept, so
 * memory follows the records to link, not the county.
 */
public final class NameCounts {
    private final Map<String, int[]> sameName = new HashMap<>();
    private final Map<String, int[]> sameSound = new HashMap<>();
    private final Map<String, int[]> fitting = new HashMap<>();
    /** Length × 64 + position of the unknown character, of every wanted name with one: the patterns worth trying. */
    private final Set<Integer> unknownAt = new HashSet<>();
    private int persons;

    /** A record name whose frequencies will be asked for. */
    public void want(String recordName) {
        if (recordName == null || recordName.isBlank()) return;
        String spelling = spelling(recordName);
        int unknown = unknownCharacters(spelling);
        if (unknown == 0) {
            sameName.computeIfAbsent(spelling, k -> new int[1]);
            sameSound.computeIfAbsent(ChineseNames.phoneticKey(spelling), k -> new int[1]);
        } else if (unknown == 1) {
            fitting.computeIfAbsent(spelling, k -> new int[1]);
            int[] c = spelling.codePoints().toArray();
            for (int i = 0; i < c.length; i++) if (c[i] == '*') unknownAt.add(c.length * 64 + i);
        }
    }

    /** One person of the county, by name. */
    public void count(String personName) {
        persons++;
        if (personName == null || personName.isBlank()) return;
        String spelling = spelling(personName);
        if (unknownCharacters(spelling) > 0) return;
        int[] n = sameName.get(spelling);
        if (n != null) n[0]++;
        if (!sameSound.isEmpty()) {
            int[] s = sameSound.get(ChineseNames.phoneticKey(spelling));
            if (s != null) s[0]++;
        }
        if (!fitting.isEmpty()) {
            // by code point: the unknown character may be one outside the BMP (two chars)
            int[] c = spelling.codePoints().toArray();
            for (int i = 0; i < c.length; i++) {
                if (!unknownAt.contains(c.length * 64 + i)) continue;
                int keep = c[i];
                c[i] = '*';
                int[] f = fitting.get(new String(c, 0, c.length));
                if (f != null) f[0]++;
                c[i] = keep;
            }
        }
    }

    /** The frequencies of a wanted name among the persons counted, or null for a name not wanted or no persons. */
    public NameFrequency of(String recordName) {
        if (persons == 0 || recordName == null || recordName.isBlank()) return null;
        String spelling = spelling(recordName);
        int unknown = unknownCharacters(spelling);
        if (unknown == 0) {
            int[] n = sameName.get(spelling);
            int[] s = sameSound.get(ChineseNames.phoneticKey(spelling));
            return n == null || s == null ? null : new NameFrequency(n[0], s[0], 0, persons);
        }
        int[] f = unknown == 1 ? fitting.get(spelling) : null;
        return f == null ? null : new NameFrequency(0, 0, f[0], persons);
    }

    /** The name as compared: stripped, without middle dots, every unknown character as '*'. */
    static String spelling(String name) {
        String s = name.strip();
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c != ChineseNames.MIDDLE_DOT && c != '?';
        }
        if (plain) return s; // most names: counted a million times a run, without a copy
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ChineseNames.MIDDLE_DOT) continue;
            sb.append(c == '?' ? '*' : c);
        }
        return sb.toString();
    }

    private static int unknownCharacters(String spelling) {
        int n = 0;
        for (int i = 0; i < spelling.length(); i++) if (spelling.charAt(i) == '*') n++;
        return n;
    }
}
