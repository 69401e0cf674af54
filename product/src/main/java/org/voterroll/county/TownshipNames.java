package org.voterroll.county;

import java.util.List;

/**
 * A township's name where the reference files give none: xuanqu.csv names districts only, and a residential district is
 * named after its township (东山镇第3选区, 城关镇机械厂选区). The name is the longest common start of its districts'
 * names that ends in 镇, 乡, 街道 or 街道办事处 (新乡镇, not 新乡); none when the districts do not share one.
 */
public final class TownshipNames {
    private TownshipNames() {}

    public static String of(List<String> districtNames) {
        if (districtNames == null || districtNames.isEmpty()) return null;
        String prefix = districtNames.get(0);
        for (String n : districtNames) {
            int i = 0;
            while (i < prefix.length() && i < n.length() && prefix.charAt(i) == n.charAt(i)) i++;
            prefix = prefix.substring(0, i);
        }
        for (int end = prefix.length(); end > 0; end--) {
            String p = prefix.substring(0, end);
            if (p.endsWith("镇") || p.endsWith("乡") || p.endsWith("街道") || p.endsWith("街道办事处")) return p;
        }
        return null;
    }
}
