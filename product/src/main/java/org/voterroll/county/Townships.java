package org.voterroll.county;

import java.util.Set;

/**
 * The township that handles an item about a place: the area code's first nine digits, if xuanqu.csv has a district in
 * that township; otherwise nobody there could handle it and the item goes to the county office (RULES.md "Exceptions").
 */
public final class Townships {
    private Townships() {}

    /** @return the township of {@code areaCode} among {@code townships}, or null for the county office */
    public static String of(String areaCode, Set<String> townships) {
        if (areaCode == null || areaCode.length() < 9) return null;
        String township = areaCode.substring(0, 9);
        return townships.contains(township) ? township : null;
    }
}
