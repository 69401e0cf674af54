package org.voterroll.province;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.county.Townships;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.rules.Reason;

/**
 * The home county's side of RULES.md's in-migrant rule inside a province run: an in-migrant another county of the run finds
 * resident long enough but without proof ({@code INMIGRANT_ELIGIBLE}) is asked of the county of their household register as
 * a {@code CERTIFICATE_REQUEST} (info), in the township of their register there, naming the asking county and the person,
 * for its clerk to issue the {@code 原选区资格证明} (NoticeExchange sends it) or refuse it with a reason.
 * <p>
 * The home county is the one of the in-migrant book's 户籍地区划代码, or of the number's area when the register area is
 * missing; only counties of the run are asked (others exchange by hand, as RULES.md has it). A person the home county's run
 * does not hold by that number (no record, a number mistyped on one side, 重号) is asked of its county office, saying so:
 * never dropped. A request decided before the province run started is not raised again for the same evidence (the
 * fingerprint holds the asking county's own item, so new evidence there asks again); the cut-off at the start, not the
 * clock, is what makes a restart raise what the uninterrupted run raised.
 */
final class CertificateRequests {
    static final String CODE = "CERTIFICATE_REQUEST";

    /**
     * Every INMIGRANT_ELIGIBLE of a county of the run whose register county is another county of the run, with the person of
     * that number in the home county's run (none, one, or several under one number). Set-based over the counties' runs.
     */
    private static final String ASKED = """
            WITH eligible AS (
                SELECT pc.county_code AS at_county, r.county_name AS at_county_name, pc.run_id AS at_run, e.item_no AS at_item,
                       e.fingerprint AS at_fingerprint, e.evidence AS at_evidence, b.id_number, b.name, b.area_code AS register_area,
                       b.other_area AS residence_area, b.start_date, b.months,
                       CASE WHEN b.area_code IS NOT NULL AND LENGTH(b.area_code) >= 6 THEN SUBSTRING(b.area_code, 1, 6)
                            ELSE SUBSTRING(b.id_number, 1, 6) END AS home_county
                FROM province_county pc
                JOIN run r ON r.run_id = pc.run_id AND r.status = 'COMPLETED'
                JOIN exception_item e ON e.run_id = pc.run_id AND e.code = 'INMIGRANT_ELIGIBLE'
                JOIN book_line b ON b.run_id = e.run_id AND b.book = 'INMIGRANT' AND b.person_id = e.person_id
                WHERE pc.province_run_id = ?
            )
            SELECT el.*, h.run_id AS home_run, g.person_id AS home_person, g.name AS home_name, g.listed, g.district_code, g.basis,
                   g.reason, g.township_code,
                   (SELECT MIN(s.area_code) FROM link k JOIN src_record s ON s.rec_id = k.rec_id
                    WHERE k.run_id = h.run_id AND k.person_id = g.person_id AND k.certain = TRUE AND s.source = 'huji'
                      AND s.area_code LIKE h.county_code || '%') AS huji_area
            FROM eligible el
            JOIN province_county h ON h.province_run_id = ? AND h.county_code = el.home_county AND h.county_code <> el.at_county
            JOIN run hr ON hr.run_id = h.run_id AND hr.status = 'COMPLETED'
            LEFT JOIN registration g ON g.run_id = h.run_id AND g.id_number = el.id_number AND g.in_migrant = FALSE
            ORDER BY el.home_county, el.at_county, el.at_item, g.person_id""";

    private record Found(long personId, String name, boolean listed, String district, String basis, String reason, String township,
                         String hujiArea) {}

    private record Asked(String atCounty, String atCountyName, String atRun, int atItem, String atFingerprint, String atEvidence,
                         String number, String name, String registerArea, String residenceArea, String startDate, Integer months,
                         String homeCounty, String homeRun, List<Found> found) {}

    private CertificateRequests() {
    }

    /** The requests of the run, numbered from {@code firstNo}, in the order of home county, asking county and its item. */
    static List<CrossCountyCheck.Item> raise(JdbcTemplate jdbc, ProvinceRun run, int firstNo) {
        String id = run.provinceRunId();
        Map<String, Asked> asked = new LinkedHashMap<>();
        jdbc.query(ASKED, rs -> {
            String key = rs.getString("at_county") + "|" + rs.getInt("at_item");
            Asked a = asked.get(key);
            if (a == null) {
                Object months = rs.getObject("months");
                a = new Asked(rs.getString("at_county"), rs.getString("at_county_name"), rs.getString("at_run"), rs.getInt("at_item"),
                        rs.getString("at_fingerprint"), rs.getString("at_evidence"), rs.getString("id_number"), rs.getString("name"),
                        rs.getString("register_area"), rs.getString("residence_area"), rs.getString("start_date"),
                        months == null ? null : ((Number) months).intValue(), rs.getString("home_county"), rs.getString("home_run"),
                        new ArrayList<>());
                asked.put(key, a);
            }
            long person = rs.getLong("home_person");
            if (!rs.wasNull()) {
                a.found().add(new Found(person, rs.getString("home_name"), rs.getBoolean("listed"), rs.getString("district_code"),
                        rs.getString("basis"), rs.getString("reason"), rs.getString("township_code"), rs.getString("huji_area")));
            }
        }, id, id);
        Set<String> decided = new HashSet<>(jdbc.queryForList("""
                SELECT d.county_code || '|' || d.fingerprint FROM decision d
                WHERE d.code = ? AND d.decided_at <= ?
                  AND d.county_code IN (SELECT county_code FROM province_county WHERE province_run_id = ?)""", String.class,
                CODE, java.sql.Timestamp.valueOf(run.startedAt()), id));
        Map<String, Set<String>> townships = new LinkedHashMap<>();
        List<CrossCountyCheck.Item> items = new ArrayList<>();
        for (Asked a : asked.values()) {
            String fp = Fingerprint.of(CODE, a.number(), a.homeCounty(), a.atCounty(), a.atFingerprint());
            if (decided.contains(a.homeCounty() + "|" + fp)) continue;
            Set<String> homeTownships = townships.computeIfAbsent(a.homeRun(), r -> new HashSet<>(
                    jdbc.queryForList("SELECT DISTINCT township_code FROM district WHERE run_id = ?", String.class, r)));
            Found one = a.number() != null && a.found().size() == 1 ? a.found().get(0) : null;
            String township = one == null ? null : townshipOf(one, homeTownships);
            String where = a.atCountyName() + "（" + a.atCounty() + "）";
            String stay = "在" + where + "居住" + (a.months() == null ? "" : "满 " + a.months() + " 个月") + "（居住地 " + nz(a.residenceArea())
                    + (a.startDate() == null ? "" : "，" + a.startDate() + " 起") + "），尚无原选区资格证明";
            String description;
            if (one != null) {
                description = "户籍在本县的" + one.name() + stay + "，" + a.atCountyName() + "请本县出具原选区资格证明；本县" + status(one)
                        + "。出具后由省级运行送交" + a.atCountyName() + "，其在当地登记后本县收到已在外地登记通知并将其除名（一人一处登记）";
            } else if (a.number() == null) {
                description = a.atCountyName() + "的流入人员" + a.name() + stay + "，户籍地区划代码 " + nz(a.registerArea())
                        + " 属本县，但其没有有效的公民身份号码，无法在本县查找，也不能据此出具证明：请县选举委员会核实后处理";
            } else if (a.found().isEmpty()) {
                description = a.atCountyName() + "的流入人员" + a.name() + stay + "，户籍地区划代码 " + nz(a.registerArea())
                        + (a.registerArea() == null || a.registerArea().isBlank() ? "（按公民身份号码所属地区）" : "")
                        + " 属本县，但本县本次运行没有此公民身份号码的户籍人员：请县选举委员会核实（号码有误、已迁出或户籍在别县）后决定是否出具原选区资格证明";
            } else {
                description = a.atCountyName() + "的流入人员" + a.name() + stay + "，本县有 " + a.found().size()
                        + " 人使用此公民身份号码（重号）：请县选举委员会核实是哪一人后决定是否出具原选区资格证明";
            }
            String evidence = "省级运行 " + id + "：" + a.atCountyName() + "运行 " + a.atRun() + " 异常 " + a.atItem() + "（流入人员可登记）"
                    + (a.atEvidence() == null ? "" : " " + a.atEvidence()) + "；本县运行 " + a.homeRun()
                    + (one == null ? "" : " 人员 " + one.personId());
            items.add(new CrossCountyCheck.Item(firstNo + items.size(), CODE, "info", a.homeCounty(), a.homeRun(), township,
                    one != null && one.listed() ? one.district() : null, a.number(), one != null ? one.name() : a.name(), description, evidence, fp,
                    a.atCounty(), a.atRun()));
        }
        return items;
    }

    /** The township of the person's register (their certain huji record), else the one their registration names, if the county has it. */
    private static String townshipOf(Found f, Set<String> townships) {
        String ofRegister = Townships.of(f.hujiArea(), townships);
        return ofRegister != null ? ofRegister : Townships.of(f.township(), townships);
    }

    private static String status(Found f) {
        if (f.listed()) return "名单列于 " + f.district() + "，登记依据：" + nz(f.basis());
        String reason;
        try {
            reason = Reason.valueOf(f.reason()).label();
        } catch (RuntimeException unknown) {
            reason = nz(f.reason());
        }
        return "名单未列入：" + reason;
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "无" : s;
    }
}
