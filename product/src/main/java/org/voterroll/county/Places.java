package org.voterroll.county;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The county's townships and districts by name, as the latest run of each county read them from its xuanqu.csv (table
 * district): pages name 东山镇 and 东山镇第3选区 where they would otherwise show 349901101 and 349901101-03, and accounts
 * are only made for codes that exist.
 */
@Component
public class Places {
    /** A district of the county; {@code townshipName} derived as {@link #townshipName(List)} says. */
    public record District(String code, String name, String townshipCode, String townshipName, String kind) {}

    private final JdbcTemplate jdbc;

    public Places(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every district of every county, as of the county's latest run that read its xuanqu.csv. */
    public List<District> districts() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT d.district_code, d.district_name, d.township_code, d.kind
                FROM district d JOIN run r ON r.run_id = d.run_id
                WHERE r.started_at = (SELECT MAX(r2.started_at) FROM run r2
                                      WHERE r2.county_code = r.county_code
                                        AND EXISTS (SELECT 1 FROM district d2 WHERE d2.run_id = r2.run_id))
                ORDER BY d.district_code""");
        Map<String, List<String>> namesByTownship = new java.util.HashMap<>();
        for (Map<String, Object> r : rows) {
            namesByTownship.computeIfAbsent((String) r.get("township_code"), k -> new java.util.ArrayList<>()).add((String) r.get("district_name"));
        }
        return rows.stream().map(r -> {
            String township = (String) r.get("township_code");
            return new District((String) r.get("district_code"), (String) r.get("district_name"), township,
                    townshipName(namesByTownship.get(township)), (String) r.get("kind"));
        }).toList();
    }

    public Optional<District> district(String code) {
        return districts().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The township's name, if the county has the township. */
    public Optional<String> township(String code) {
        return districts().stream().filter(d -> d.townshipCode().equals(code)).map(District::townshipName).findFirst();
    }

    /** A township's, a district's or a county's name by its code (a page header names the account's scope); null if unknown. */
    public String name(String code) {
        if (code == null) return null;
        for (District d : districts()) {
            if (d.code().equals(code)) return d.name();
            if (d.townshipCode().equals(code) && d.townshipName() != null) return d.townshipName();
        }
        // a county office's scope is the county: named as its latest run's election.yml names it
        if (code.length() == 6) {
            List<String> county = jdbc.queryForList("SELECT county_name FROM run WHERE county_code = ? ORDER BY started_at DESC LIMIT 1", String.class, code);
            if (!county.isEmpty()) return county.get(0);
        }
        return null;
    }

    /** Whether any county's districts were read yet (before the first run nothing can be checked against them). */
    public boolean known() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM district", Integer.class);
        return n != null && n > 0;
    }

    /** The township's name from its districts' names, as {@link TownshipNames} derives it. */
    public static String townshipName(List<String> districtNames) {
        return TownshipNames.of(districtNames);
    }
}
