package org.voterroll.properties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.properties.TinyCounty.Delivered;
import org.voterroll.properties.TinyCounty.Evidence;
import org.voterroll.properties.TinyCounty.Row;
import org.voterroll.run.Run;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold for every county, whatever its mess: each check returns what it found wrong, in words a reader of a
 * failing test understands (empty: it holds). They read the run's tables and files and the generator's truth.
 */
final class Invariants {
    static final Set<String> REMOVALS = Set.of("DECEASED", "DEPRIVED", "SUSPENDED", "UNABLE", "REGISTERED_ELSEWHERE");
    static final Set<String> REMOVING_METHODS = Set.of("NUMBER", "HOUSEHOLD", "DECIDED");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The invariants by name, as the properties and the regression tests call them. */
    enum Name {
        COMPLETES("1 the run completes"),
        ROWS_COUNTED("2 rows read = accepted + rejected"),
        LINKS_UNIQUE("3 one link per record and person, one certain link per record"),
        REMOVAL_BY_NUMBER("4 no removal without a number or household link"),
        DOUBT_RAISED("5 every consequential uncertain record is in a review item naming a candidate"),
        NOT_WRONG_NOT_TWICE("6 不重, and 不错 where the truth is plain"),
        SAME_ROLL_TWICE("7 two nights on one delivery give the same roll"),
        ONE_ITEM_PER_RECORD("8 no record raises two items of overlapping meaning"),
        PREVIOUS_VOTER_KEPT("9 a previous voter never vanishes on uncertain evidence");

        final String title;

        Name(String title) {
            this.title = title;
        }
    }

    private final JdbcTemplate jdbc;

    Invariants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> check(Name name, Delivered d, Run first, Run second) {
        if (name == Name.COMPLETES) return completes(first, second);
        if (first == null || !Run.COMPLETED.equals(first.status())) return List.of(); // invariant 1 speaks for a run that did not finish
        return switch (name) {
            case ROWS_COUNTED -> rowsCounted(d, first);
            case LINKS_UNIQUE -> linksUnique(first);
            case REMOVAL_BY_NUMBER -> removalByNumber(first);
            case DOUBT_RAISED -> doubtRaised(d, first);
            case NOT_WRONG_NOT_TWICE -> notWrongNotTwice(d, first);
            case SAME_ROLL_TWICE -> second == null ? List.of() : sameRoll(first, second);
            case ONE_ITEM_PER_RECORD -> oneItemPerRecord(first);
            case PREVIOUS_VOTER_KEPT -> previousVoterKept(first);
            default -> throw new IllegalArgumentException(name.toString());
        };
    }

    List<String> completes(Run... runs) {
        List<String> wrong = new ArrayList<>();
        for (Run r : runs) {
            if (r == null) continue;
            if (!Run.COMPLETED.equals(r.status()) && !Run.NEEDS_CONFIRMATION.equals(r.status())) {
                wrong.add("run " + r.runId() + " ended " + r.status() + ": " + r.message());
            }
        }
        return wrong;
    }

    List<String> rowsCounted(Delivered d, Run run) {
        List<String> wrong = new ArrayList<>();
        JsonNode summary;
        try {
            summary = JSON.readTree(Files.readString(Path.of(run.outputPath()).resolve("summary.json")));
        } catch (IOException e) {
            return List.of("summary.json unreadable: " + e);
        }
        Map<String, JsonNode> files = new HashMap<>();
        long read = 0, accepted = 0, rejected = 0;
        for (JsonNode src : summary.get("sources")) {
            long sr = 0, sa = 0, sj = 0;
            for (JsonNode f : src.get("files")) {
                files.put(f.get("file").asString(), f);
                sr += f.get("read").asLong();
                sa += f.get("accepted").asLong();
                sj += f.get("rejected").asLong();
            }
            if (sr != src.get("read").asLong() || sa != src.get("accepted").asLong() || sj != src.get("rejected").asLong()) {
                wrong.add("source " + src.get("source").asString() + ": its figures are not the sum of its files'");
            }
            read += sr;
            accepted += sa;
            rejected += sj;
        }
        for (String file : TinyCounty.FILES) {
            JsonNode f = files.get(file);
            long written = d.rowsOf(file);
            if (f == null) {
                wrong.add(file + ": not in summary.json (" + written + " rows delivered)");
                continue;
            }
            long dbAccepted = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM src_record r JOIN snapshot s ON s.snapshot_id = r.snapshot_id
                    WHERE s.run_id = ? AND r.file_name = ?""", Long.class, run.runId(), file);
            long dbRejected = jdbc.queryForObject("SELECT COUNT(*) FROM reject WHERE run_id = ? AND file_name = ?", Long.class, run.runId(), file);
            long r = f.get("read").asLong(), a = f.get("accepted").asLong(), j = f.get("rejected").asLong();
            if (r != written) wrong.add(file + ": " + written + " rows delivered, summary.json says " + r + " read");
            if (r != a + j) wrong.add(file + ": read " + r + " ≠ accepted " + a + " + rejected " + j);
            if (a != dbAccepted || j != dbRejected) {
                wrong.add(file + ": summary.json accepted " + a + " / rejected " + j + ", the database " + dbAccepted + " / " + dbRejected);
            }
        }
        if (read != d.rows().size()) wrong.add("in total " + d.rows().size() + " rows delivered, " + read + " read");
        if (read != accepted + rejected) wrong.add("in total read " + read + " ≠ accepted " + accepted + " + rejected " + rejected);
        return wrong;
    }

    List<String> linksUnique(Run run) {
        List<String> wrong = new ArrayList<>();
        jdbc.query("""
                SELECT r.file_name, r.line_no, l.person_id, COUNT(*) AS n, MIN(l.method) AS m1, MAX(l.method) AS m2
                FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? GROUP BY r.file_name, r.line_no, l.person_id HAVING COUNT(*) > 1""", rs -> {
            wrong.add(rs.getString(1) + ":" + rs.getInt(2) + " has " + rs.getInt(4) + " links to person " + rs.getLong(3)
                    + " (" + rs.getString(5) + ", " + rs.getString(6) + ")");
        }, run.runId());
        jdbc.query("""
                SELECT r.file_name, r.line_no, COUNT(*), STRING_AGG(l.method || '→' || CAST(l.person_id AS VARCHAR), ', ')
                FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                WHERE l.run_id = ? AND l.certain = TRUE GROUP BY r.file_name, r.line_no HAVING COUNT(*) > 1""", rs -> {
            wrong.add(rs.getString(1) + ":" + rs.getInt(2) + " has " + rs.getInt(3) + " certain links (" + rs.getString(4) + ")");
        }, run.runId());
        return wrong;
    }

    /** The records that could carry a removal reason, as SQL on src_record r. */
    static final String REMOVAL_EVIDENCE = """
            CASE
              WHEN r.source = 'huji' AND r.status = '死亡' THEN 'DECEASED'
              WHEN r.source = 'minzheng' THEN 'DECEASED'
              WHEN r.source = 'shebao' AND r.status = '终止参保' AND r.reason = '死亡' THEN 'DECEASED'
              WHEN r.source = 'xuanwei' AND r.kind = '剥夺政治权利' THEN 'DEPRIVED'
              WHEN r.source = 'xuanwei' AND r.kind = '停止行使选举权利' THEN 'SUSPENDED'
              WHEN r.source = 'xuanwei' AND r.kind = '不能行使选举权利' THEN 'UNABLE'
              WHEN r.source = 'waidi' AND r.kind = '已在外地登记' THEN 'REGISTERED_ELSEWHERE'
            END""";

    List<String> removalByNumber(Run run) {
        List<String> wrong = new ArrayList<>();
        jdbc.query("""
                SELECT g.name, g.id_number, g.reason,
                       (SELECT STRING_AGG(r.file_name || ':' || CAST(r.line_no AS VARCHAR) || ' ' || l.method
                                          || CASE WHEN l.certain THEN ' certain' ELSE ' uncertain' END, '; ')
                        FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                        WHERE l.run_id = g.run_id AND l.person_id = g.person_id AND (%1$s) = g.reason) AS evidence
                FROM registration g
                WHERE g.run_id = ? AND g.listed = FALSE AND g.reason IN ('DECEASED', 'DEPRIVED', 'SUSPENDED', 'UNABLE', 'REGISTERED_ELSEWHERE')
                  AND NOT EXISTS (SELECT 1 FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                                  WHERE l.run_id = g.run_id AND l.person_id = g.person_id AND l.certain = TRUE
                                    AND l.method IN ('NUMBER', 'HOUSEHOLD', 'DECIDED') AND (%1$s) = g.reason)
                ORDER BY g.id_number""".formatted(REMOVAL_EVIDENCE), rs -> {
            wrong.add(rs.getString(1) + " (" + rs.getString(2) + ") not listed as " + rs.getString(3)
                    + " with no number or household link to such evidence; the evidence: " + rs.getString(4));
        }, run.runId());
        return wrong;
    }

    /** A record named in an item's evidence: its file and line. */
    private static final Pattern RECORD = Pattern.compile("([A-Za-z0-9_]+\\.(?:csv|xlsx)(?:#[^:\\s]*)?):([0-9]+)");
    /** The items that speak of one record's doubtful identity: about one record there must be at most one of them. */
    static final Set<String> RECORD_DOUBTS = Set.of("MATCH_REVIEW", "DEATH_REVIEW", "ID_INVALID");

    List<String> oneItemPerRecord(Run run) {
        Map<String, List<String>> byRecord = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT item_no, code, COALESCE(names, ''), COALESCE(evidence, '') FROM exception_item
                WHERE run_id = ? AND code IN ('MATCH_REVIEW', 'DEATH_REVIEW', 'ID_INVALID') ORDER BY item_no""", rs -> {
            java.util.regex.Matcher m = RECORD.matcher(rs.getString(4));
            Set<String> seen = new java.util.HashSet<>();
            while (m.find()) {
                String where = m.group(1) + ":" + m.group(2);
                if (seen.add(where)) {
                    byRecord.computeIfAbsent(where, k -> new ArrayList<>()).add(rs.getString(2) + " #" + rs.getInt(1) + " " + rs.getString(3));
                }
            }
        }, run.runId());
        List<String> wrong = new ArrayList<>();
        byRecord.forEach((where, items) -> {
            if (items.size() > 1) wrong.add(where + " is in " + items.size() + " items: " + items);
        });
        return wrong;
    }

    /**
     * Every person of the previous roll that the run knows by number, whose police record is linked to them only
     * uncertainly, is considered (kept, listed or not listed for a reason): never dropped from every book on doubt.
     */
    List<String> previousVoterKept(Run run) {
        return jdbc.queryForList("""
                SELECT DISTINCT pv.id_number || ' ' || pv.name FROM previous_line pv
                JOIN person_run pr ON pr.run_id = pv.run_id AND pr.id_number = pv.id_number
                WHERE pv.run_id = ?
                  AND NOT EXISTS (SELECT 1 FROM registration g WHERE g.run_id = pv.run_id AND g.person_id = pr.person_id)
                  AND EXISTS (SELECT 1 FROM link l JOIN src_record r ON r.rec_id = l.rec_id
                              WHERE l.run_id = pv.run_id AND l.person_id = pr.person_id AND l.certain = FALSE AND r.source = 'huji')
                ORDER BY 1""", String.class, run.runId()).stream()
                .map(p -> p + ": on the previous roll, its police record only an uncertain link, and on no book now").toList();
    }

    private record Item(String code, String numbers, String names, String evidence) {}

    List<String> doubtRaised(Delivered d, Run run) {
        List<String> wrong = new ArrayList<>();
        List<Item> items = jdbc.query("""
                SELECT code, id_numbers, names, evidence FROM exception_item
                WHERE run_id = ? AND level = 'blocking' AND code IN ('MATCH_REVIEW', 'DEATH_REVIEW')""",
                (rs, i) -> new Item(rs.getString(1), nz(rs.getString(2)), nz(rs.getString(3)), nz(rs.getString(4))), run.runId());
        // a record's certain links with the number of the person each goes to: only a link to its owner acts on it (a
        // mistyped 15-digit number converts to a well-formed number of nobody, a person of its own who votes nowhere)
        Map<String, List<String[]>> certain = new HashMap<>();
        jdbc.query("""
                SELECT r.file_name || ':' || CAST(r.line_no AS VARCHAR), l.method, pr.id_number FROM link l
                JOIN src_record r ON r.rec_id = l.rec_id
                JOIN person_run pr ON pr.run_id = l.run_id AND pr.person_id = l.person_id
                WHERE l.run_id = ? AND l.certain = TRUE""", rs -> {
            certain.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
        }, run.runId());
        for (Row row : d.rows()) {
            Citizen owner = d.owner(row);
            if (!consequential(d, row, owner)) continue;
            List<String> methods = certain.getOrDefault(row.where(), List.of()).stream()
                    .filter(m -> owner.numbers.contains(m[1])).map(m -> m[0]).toList();
            boolean removal = row.evidence == Evidence.DEATH || row.evidence == Evidence.RIGHTS || row.evidence == Evidence.ELSEWHERE;
            boolean actedOn = removal ? methods.stream().anyMatch(REMOVING_METHODS::contains) : !methods.isEmpty();
            if (actedOn) continue;
            if (!accepted(run, row)) continue; // a rejected row is in the reject report, with its reason
            Set<Citizen> candidates = candidates(d, row, owner);
            Pattern here = Pattern.compile(Pattern.quote(row.where()) + "(?![0-9])");
            boolean raised = items.stream().anyMatch(it -> here.matcher(it.evidence).find()
                    && candidates.stream().anyMatch(c -> it.numbers.contains(c.number) || it.names.contains(c.name)));
            if (!raised) {
                wrong.add(row.where() + " (" + row.evidence + " of " + owner + (methods.isEmpty() ? ", linked to nobody for certain"
                        : ", linked only " + methods) + ") is in no blocking MATCH_REVIEW / DEATH_REVIEW naming one of " + candidates
                        + "; items on it: " + items.stream().filter(it -> here.matcher(it.evidence).find()).toList()
                        + "; other items: " + jdbc.queryForList("SELECT code || ' ' || COALESCE(names, '') FROM exception_item WHERE run_id = ? AND evidence LIKE ?",
                        String.class, run.runId(), "%" + row.where() + "%"));
            }
        }
        return wrong;
    }

    private boolean accepted(Run run, Row row) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM src_record r JOIN snapshot s ON s.snapshot_id = r.snapshot_id
                WHERE s.run_id = ? AND r.file_name = ? AND r.line_no = ?""", Long.class, run.runId(), row.file, row.line) > 0;
    }

    /**
     * A record whose acting on would change its person's listing or district (RULES.md: MATCH_REVIEW "when acting on it
     * would change someone's listing or district"): its person would be listed without it.
     */
    static boolean consequential(Delivered d, Row row, Citizen owner) {
        if (owner == null || row.evidence == Evidence.NONE || row.evidence == Evidence.RESIDENCE) return false;
        if (row.file.equals(TinyCounty.HUJI) || row.file.equals(TinyCounty.LIUDONG)) return false;
        if (!owner.adultOn(TinyCounty.ELECTION_DAY) || !"正常".equals(owner.status) || owner.cleanRemoval || owner.inMigrant) return false;
        if (row.evidence == Evidence.RESETTLE) {
            return !owner.cleanUnit && !owner.village.equals(TinyCounty.RESETTLED_VILLAGE);
        }
        return true;
    }

    /** RULES.md's likeliest people: the record's person, those one typo or swap away, of the same case, of the same name and birth. */
    static Set<Citizen> candidates(Delivered d, Row row, Citizen owner) {
        Set<Citizen> c = new HashSet<>();
        c.add(owner);
        for (Citizen other : d.citizens()) {
            if (other.name.equals(owner.name) && other.birth.equals(owner.birth)) c.add(other);
            if (row.file.equals(TinyCounty.CHAIQIAN) && other.household.equals(owner.household)) c.add(other);
        }
        return c;
    }

    List<String> notWrongNotTwice(Delivered d, Run run) {
        List<String> wrong = new ArrayList<>();
        jdbc.query("""
                SELECT person_id, COUNT(*), STRING_AGG(district_code, ', ') FROM roll_line WHERE run_id = ? AND person_id IS NOT NULL
                GROUP BY person_id HAVING COUNT(*) > 1""", rs -> {
            wrong.add("重: person " + rs.getLong(1) + " has " + rs.getInt(2) + " roll lines (" + rs.getString(3) + ")");
        }, run.runId());
        Map<String, Integer> lines = new TreeMap<>();
        Map<String, String> where = new HashMap<>();
        jdbc.query("SELECT id_number, district_code, name FROM roll_line WHERE run_id = ?", rs -> {
            lines.merge(rs.getString(1), 1, Integer::sum);
            where.merge(rs.getString(1), rs.getString(2) + " " + rs.getString(3), (a, b) -> a + ", " + b);
        }, run.runId());
        // 一人多户 under a legacy number is one person (the same 18 characters); 重号 is two, who may both be listed
        Map<String, Integer> holders = new HashMap<>();
        for (Citizen c : d.citizens()) for (String n : c.numbers) holders.merge(n, 1, Integer::sum);
        lines.forEach((n, k) -> {
            if (k > holders.getOrDefault(n, 1)) wrong.add("重: " + n + " is on the rolls " + k + " times (" + where.get(n) + ")");
        });
        Set<String> listed = new HashSet<>(lines.keySet());
        for (Citizen c : d.citizens()) {
            if (c.plainlyListed(TinyCounty.ELECTION_DAY) && !listed.contains(c.number)) {
                String outcome = jdbc.queryForList("SELECT COALESCE(reason, '') || ' ' || COALESCE(district_code, '') FROM registration WHERE run_id = ? AND id_number = ?",
                        String.class, run.runId(), c.number).toString();
                wrong.add("漏/错: " + c + ", a living adult with a clean police record and no notice, is not listed (registration: " + outcome + ")");
            }
            if (c.cleanRemoval && !c.tangled && listed.contains(c.number)) {
                wrong.add("错: " + c + " is listed although a notice with their own number and name removes them");
            }
        }
        return wrong;
    }

    List<String> sameRoll(Run first, Run second) {
        List<String> wrong = new ArrayList<>();
        Map<String, byte[]> a = rolls(first), b = rolls(second);
        if (!a.keySet().equals(b.keySet())) wrong.add("roll files " + a.keySet() + " the first night, " + b.keySet() + " the second");
        for (String f : a.keySet()) {
            if (b.containsKey(f) && !java.util.Arrays.equals(a.get(f), b.get(f))) {
                wrong.add("rolls/" + f + " differs between the nights:\n" + new String(a.get(f), java.nio.charset.Charset.forName("GB18030"))
                        + "--- second night ---\n" + new String(b.get(f), java.nio.charset.Charset.forName("GB18030")));
            }
        }
        return wrong;
    }

    private static Map<String, byte[]> rolls(Run run) {
        Map<String, byte[]> m = new TreeMap<>();
        Path dir = Path.of(run.outputPath()).resolve("rolls");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) m.put(f.getFileName().toString(), Files.readAllBytes(f));
        } catch (IOException e) {
            m.put("(unreadable: " + e + ")", new byte[0]);
        }
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
