package org.voterroll.identity;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.codec.digest.MurmurHash3;
import org.voterroll.identity.match.ChineseNames;

/**
 * Blocking keys: only a record and a person that share a key are compared. Sex × birth month × a
 * surname reading keeps blocks to a few dozen people in a county of a million, and every reading of a
 * polyphonic surname gets its own key so that homophone typos still meet. A name's keys are distinct.
 */
public final class Blocking {
    private Blocking() {}

    public static List<String> keys(String name, Character sex, YearMonth birth) {
        if (name == null || name.isEmpty() || birth == null) return List.of();
        List<String> out = new ArrayList<>(4);
        List<String> surnames = ChineseNames.surnameKeys(name);
        for (char s : sex == null ? new char[] {'M', 'F'} : new char[] {sex}) {
            for (String k : surnames) out.add(s + "|" + birth + "|" + k);
        }
        return out;
    }

    /**
     * A person's hashed keys: their name's and, when they have one, their former name's (a record may be written under
     * it), each once, so that a block holds the person once.
     */
    public static long[] personKeys(String name, String formerName, Character sex, YearMonth birth) {
        List<String> own = keys(name, sex, birth);
        if (formerName == null) return own.stream().mapToLong(Blocking::hash).toArray();
        Set<Long> out = new LinkedHashSet<>();
        for (String k : own) out.add(hash(k));
        for (String k : keys(formerName, sex, birth)) out.add(hash(k));
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * A key as the 64-bit number the blocks are stored and met by: two keys sharing a hash only make one larger block,
     * never a missed pair.
     */
    public static long hash(String key) {
        return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8))[0];
    }

    /**
     * The keys of a record with neither a number nor a birth date, and of every person it is compared with: the surname's
     * readings (no birth month to narrow them), so that a homophone of the surname meets it; a person and such a record
     * sharing one are compared by name ({@code NameRules.agree}), the village narrowing them where too many agree.
     */
    public static List<String> namesakeKeys(String name) {
        if (name == null || name.isEmpty()) return List.of();
        return ChineseNames.surnameKeys(name);
    }
}
