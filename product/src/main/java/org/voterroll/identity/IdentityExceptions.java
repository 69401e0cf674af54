package org.voterroll.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.voterroll.codes.Source;
import org.voterroll.decisions.DecisionBook;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;

/**
 * The exceptions that come from identity resolution, not from one person's facts: ID_SHARED, PERSON_MULTI_RECORD and
 * ID_INVALID, read from identity's working tables after the rules have decided every person (they are raised only
 * where the rolls would differ, which the rules know).
 */
public final class IdentityExceptions {
    private final String runId;
    private final String countyCode;
    private final JdbcTemplate jdbc;
    private final DecisionBook book;
    /** the township that handles an item about an area code, or about an insured person's unit; null for the county office */
    private final UnaryOperator<String> townshipOfArea;
    private final UnaryOperator<String> townshipOfUnit;
    private final double lowerThreshold;

    public IdentityExceptions(String runId, String countyCode, JdbcTemplate jdbc, DecisionBook book,
                              UnaryOperator<String> townshipOfArea, UnaryOperator<String> townshipOfUnit, double lowerThreshold) {
        this.runId = runId;
        this.countyCode = countyCode;
        this.jdbc = jdbc;
        this.book = book;
        this.townshipOfArea = townshipOfArea;
        this.townshipOfUnit = townshipOfUnit;
        this.lowerThreshold = lowerThreshold;
    }

    /**
     * The persons of identity resolution's 一人多户 pairs, each not (yet) listed: the rules mark those they list. A pair
     * neither of whom is listed (both dead, both under 18 …) is one person or two without a line of any roll changing.
     */
    public Map<Long, Boolean> pairPersons() {
        Map<Long, Boolean> pairListed = new HashMap<>();
        jdbc.query("""
                SELECT p.person_id FROM person_pair pp JOIN person p ON p.county_code = ? AND p.person_key IN (pp.key_a, pp.key_b)
                WHERE pp.run_id = ?""", (RowCallbackHandler) rs -> { pairListed.put(rs.getLong(1), false); }, countyCode, runId);
        return pairListed;
    }

    /**
     * Raises the items into {@code exc}, numbered on from {@code itemNo[0]}; {@code reviewed} are the records already in
     * a review item naming their candidates.
     */
    public void raise(BufferedCopy exc, int[] itemNo, Map<Long, Boolean> pairListed, Set<Long> reviewed) throws SQLException {
        String id = runId;
        // two persons under one number that may be one (names a character apart, two households) are a
        // PERSON_MULTI_RECORD pair below, not people "clearly different" (RULES.md ID_SHARED) — until a township
        // decides they are two people
        Set<List<String>> maybeOne = new HashSet<>();
        jdbc.query("SELECT key_a, key_b FROM person_pair WHERE run_id = ?", (RowCallbackHandler) rs -> {
            var d = book.find(Fingerprint.of("PERSON_MULTI_RECORD", rs.getString(1), rs.getString(2)));
            if (d.isPresent() && d.get().verdict() == Verdict.DIFFERENT) return;
            maybeOne.add(List.of(rs.getString(1), rs.getString(2)));
            maybeOne.add(List.of(rs.getString(2), rs.getString(1)));
        }, id);
        // the persons of each number held by more than one
        record Holder(String name, String areaCode, String personKey, long personId) {}
        GroupingReader<String, String, Holder> shared = GroupingReader.byKey(rs -> rs.getString(1),
                rs -> new Holder(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)), (number, holders) -> {
            List<String> names = holders.stream().map(Holder::name).toList();
            List<String> keys = holders.stream().map(Holder::personKey).toList();
            String fp = Fingerprint.of("ID_SHARED", keys.toArray(String[]::new));
            if (!maybeOne.contains(keys) && book.find(fp).isEmpty()) {
                exc.add(id, ++itemNo[0], "ID_SHARED", "blocking", townshipOfArea.apply(holders.get(0).areaCode()), null,
                        String.join(";", java.util.Collections.nCopies(names.size(), number)), String.join(";", names),
                        "同一号码由" + names.size() + "个明显不同的人使用（重号），均按各自情况列入，请公安核查 (one number, different people)",
                        "户籍", fp, holders.get(0).personId());
            }
        });
        shared.read(jdbc, """
                SELECT pr.id_number, pr.name, pr.area_code, pr.person_key, pr.person_id FROM person_run pr
                WHERE pr.run_id = ? AND pr.id_number IN
                  (SELECT id_number FROM person_run WHERE run_id = ? GROUP BY id_number HAVING COUNT(*) > 1)
                ORDER BY pr.id_number, pr.person_key""", id, id);
        jdbc.query("""
                SELECT pp.key_a, pp.key_b, pp.score, pp.evidence, a.id_number, a.name, a.area_code, b.id_number, b.name, pa.person_id,
                       pb.person_id
                FROM person_pair pp
                JOIN person pa ON pa.county_code = ? AND pa.person_key = pp.key_a
                JOIN person pb ON pb.county_code = ? AND pb.person_key = pp.key_b
                JOIN person_run a ON a.run_id = pp.run_id AND a.person_id = pa.person_id
                JOIN person_run b ON b.run_id = pp.run_id AND b.person_id = pb.person_id
                WHERE pp.run_id = ? ORDER BY pp.key_a, pp.key_b""", rs -> {
            String fp = Fingerprint.of("PERSON_MULTI_RECORD", rs.getString(1), rs.getString(2));
            if (book.find(fp).isPresent()) return;
            if (!pairListed.getOrDefault(rs.getLong(10), false) && !pairListed.getOrDefault(rs.getLong(11), false)) return;
            try {
                exc.add(id, ++itemNo[0], "PERSON_MULTI_RECORD", "blocking", townshipOfArea.apply(rs.getString(7)), null,
                        rs.getString(5) + ";" + rs.getString(8), rs.getString(6) + ";" + rs.getString(9),
                        "两条户籍记录可能是同一人（一人多户）：出生、性别相同，号码不同而姓名相符，或号码相同、姓氏相同而名字仅差一字；未合并，两人各按本人记录处理，请核实 (possibly one person in two households)",
                        String.format("%.1f ", rs.getDouble(3)) + rs.getString(4), fp, rs.getLong(10));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, countyCode, countyCode, id);
        jdbc.query("""
                SELECT r.id_number, r.id_raw, r.name, r.area_code, r.source, r.file_name, r.line_no, r.row_hash, r.id_status, r.rec_id,
                       r.org_code, b.id_number, b.name, b.person_key, b.evidence, b.file_name, b.line_no, b.person_id,
                       r.household_key, b.household_key
                FROM pending p JOIN src_record r ON r.rec_id = p.rec_id
                -- a police record's likeliest person by an uncertain link, where that person holds a police record
                LEFT JOIN (SELECT l.rec_id, pr.id_number, pr.name, pr.person_key, l.evidence, pr.person_id, h.file_name, h.line_no,
                                  pr.household_key,
                                  ROW_NUMBER() OVER (PARTITION BY l.rec_id ORDER BY l.score DESC NULLS LAST, l.person_id) AS link_rank
                           FROM link l JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                           JOIN src_record h ON h.rec_id = pr.primary_rec_id AND h.source = '%3$s'
                           WHERE l.run_id = ? AND NOT l.certain) b ON b.rec_id = r.rec_id AND b.link_rank = 1 AND r.source = '%3$s'
                WHERE p.run_id = ?
                  AND (r.id_status <> 'EMPTY' AND r.id_raw IS NOT NULL OR r.id_status = 'EMPTY' AND r.source NOT IN ('%1$s', '%2$s')
                       -- a resettlement to a new place could move someone's district: never dropped without an item
                       OR r.id_status = 'EMPTY' AND r.source = '%2$s' AND r.other_area IS NOT NULL)
                  AND (r.source = '%3$s' OR NOT EXISTS (SELECT 1 FROM link l WHERE l.run_id = p.run_id AND l.rec_id = p.rec_id
                                                          AND (l.score IS NULL OR l.score >= ?)))
                ORDER BY r.rec_id""".formatted(Source.TONGJI.prefix(), Source.CHAIQIAN.prefix(), Source.HUJI.prefix()), rs -> {
            // a record already in a review item naming its candidates is not raised a second time as a bare ID_INVALID
            // (issue 18: one doubtful record, one item); that item says its number failed validation
            if (reviewed.contains(rs.getLong(10))) return;
            if (rs.getString(14) != null && MultiRecordTie.holds(rs.getString(1), rs.getString(19), rs.getString(12), rs.getString(20))) {
                multiRecord(exc, itemNo, rs);
                return;
            }
            String fp = Fingerprint.of("ID_INVALID", rs.getString(8));
            if (book.find(fp).isPresent()) return;
            String shown = rs.getString(1) != null ? rs.getString(1) : rs.getString(2);
            try {
                // a record without an area code may still name its place: an insured person's unit district
                String township = townshipOfArea.apply(rs.getString(4));
                if (township == null) township = townshipOfUnit.apply(rs.getString(11));
                exc.add(id, ++itemNo[0], "ID_INVALID", "blocking", township, null, shown, rs.getString(3),
                        unlinkedNumber(rs.getString(9), rs.getString(5)),
                        rs.getString(5) + " " + rs.getString(6) + ":" + rs.getInt(7), fp, null);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, id, id, lowerThreshold);
    }

    /**
     * A police record linked only uncertainly to a person who holds another police record, with a tie beyond name, sex and
     * birth ({@link MultiRecordTie}): one person in two households whose merge is not certain (RULES.md
     * PERSON_MULTI_RECORD), not a number nobody can place. The fingerprint is the link's, so a
     * township's "same person" makes it certain and "different people" leaves the record to ID_INVALID.
     */
    private void multiRecord(BufferedCopy exc, int[] itemNo, ResultSet rs) throws SQLException {
        String fp = Fingerprint.of("LINK", rs.getString(8), rs.getString(14));
        if (book.find(fp).isPresent()) return;
        String shown = rs.getString(1) != null ? rs.getString(1) : rs.getString(2);
        exc.add(runId, ++itemNo[0], "PERSON_MULTI_RECORD", "blocking", townshipOfArea.apply(rs.getString(4)), null,
                rs.getString(12) + ";" + shown, rs.getString(13) + ";" + rs.getString(3),
                "两条户籍记录可能是同一人（一人多户）：后一条号码" + (rs.getString(9).equals("VALID") ? "与姓名等不符" : "校验不通过")
                        + "，按姓名、出生、号码等比对与前一人相近但不能确定；未合并，前一人按本人记录处理，请核实是否同一人"
                        + " (possibly one person in two police records; not merged)",
                rs.getString(16) + ":" + rs.getInt(17) + "; " + rs.getString(5) + " " + rs.getString(6) + ":" + rs.getInt(7)
                        + "; " + rs.getString(15), fp, rs.getLong(18));
    }

    /** What ID_INVALID says of a record linked to nobody for certain, by what its number is. */
    static String unlinkedNumber(String idStatus, String source) {
        return switch (idStatus) {
            case "EMPTY" -> "没有号码，按姓名等也无法确定关联到任何人 (" + source + ")，请核对 (no number, and linked to nobody by the other fields)";
            case "VALID" -> "号码有效，但与本记录的姓名、性别或出生不符（疑抄错他人号码），无法确定关联到任何人 (" + source
                    + ")，请核对 (the number is valid but another person's: it disagrees with the record's name, sex or birth; linked to nobody for certain)";
            // a 15-digit number has no check digit: pending because it names someone else, or because it is nobody's and
            // one typo from a resident's (NumberPhase#legacyStrays)
            case "LEGACY15" -> "15位旧号码与本记录的姓名、性别或出生不符，或不属于本县户籍人员而与某人号码仅差一位；无法确定关联到任何人 (" + source
                    + ")，请核对号码 (a 15-digit number that names someone else, or nobody's and one typo from a resident's; linked to nobody for certain)";
            default -> "号码校验不通过且无法确定关联到任何人 (" + source + ")，请核对号码 (invalid number, linked to nobody for certain)";
        };
    }
}
