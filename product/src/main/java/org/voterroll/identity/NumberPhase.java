package org.voterroll.identity;

import static org.voterroll.identity.ResolveStore.EFFECTIVE;
import static org.voterroll.identity.ResolveStore.NEW_PERSON_COLUMNS;
import static org.voterroll.identity.ResolveStore.NUMBER_LINK_COLUMNS;
import static org.voterroll.identity.ResolveStore.PERSON_COLUMNS;
import static org.voterroll.identity.ResolveStore.done;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.voterroll.normalize.IdNumbers;
import org.voterroll.store.BackgroundCopy;
import org.voterroll.store.BufferedCopy;
import org.voterroll.store.GroupingReader;
import org.voterroll.store.SessionTuning;

/** Phase (A) of identity resolution: the records grouped by usable number (NumberGroupResolver). */
final class NumberPhase {
    private final ResolveStore store;
    private final String runId;
    private final String countyCode;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final String byteOrder;

    NumberPhase(ResolveStore store) {
        this.store = store;
        this.runId = store.runId;
        this.countyCode = store.countyCode;
        this.jdbc = store.jdbc;
        this.streaming = store.streaming;
        this.dataSource = store.dataSource;
        this.byteOrder = store.byteOrder;
    }

    /** (A) one group per usable number: the run's persons, with their stable ids, and their number links. */
    void run(Connection c) throws SQLException {
        // The register's names are read on a second connection while PostgreSQL sorts the records by number (both read
        // what the load step committed); the groups need them only from the sort's first row on.
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "resolve-names"));
        Future<Register> registerNames = reader.submit(() -> {
            NameFrequencies frequencies = new NameFrequencies();
            streaming.query("SELECT r.name, r.sex FROM " + EFFECTIVE + " WHERE r.source = 'huji'", rs -> {
                String sex = rs.getString(2);
                frequencies.add(rs.getString(1), sex == null ? null : sex.charAt(0));
            }, runId);
            Twins twins = new Twins();
            streaming.query(TWINS, rs -> {
                String sex = rs.getString(4);
                twins.add(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), sex == null ? null : sex.charAt(0));
            }, runId);
            return new Register(frequencies, twins);
        });
        reader.shutdown();
        // persons and number links are inserted on a connection of their own (BackgroundCopy), committed at the end of
        // this phase: a rerun of the step deletes them there first
        try (BackgroundCopy personWriter = BackgroundCopy.open(dataSource, "resolve-persons");
             BackgroundCopy linkWriter = BackgroundCopy.open(dataSource, "resolve-links");
             PersonIds personIds = new PersonIds(dataSource, jdbc, countyCode, byteOrder)) {
            personWriter.update("DELETE FROM person_run WHERE run_id = ?", runId);
            linkWriter.update("DELETE FROM link WHERE run_id = ?", runId);
            groupByNumber(c, registerNames, legacyStrays(), personIds, personWriter, linkWriter);
            personWriter.commit();
            linkWriter.commit();
        }
    }

    /**
     * The legacy numbers that only other agencies' records carry and that are one wrong digit or one swap from a number
     * the police hold. A 15-digit number has no check digit: one typed wrong converts to a well-formed number of nobody
     * (孙子轩's unit row, a death notice one sequence digit off), which would otherwise be a person of its own whom no
     * rule ever compares with the resident it was meant for. Their records are linked like any mistyped number
     * (RepairPhase, FuzzyPhase), so that they name their likeliest people (RULES.md "What these words mean").
     */
    private Set<String> legacyStrays() {
        List<String> orphans = jdbc.queryForList("SELECT DISTINCT r.id_number FROM " + EFFECTIVE + """
                WHERE r.id_status = 'LEGACY15' AND r.source <> 'huji' AND NOT EXISTS (
                    SELECT 1 FROM src_record h JOIN run_source hs ON hs.snapshot_id = h.snapshot_id AND hs.run_id = ?
                    WHERE h.id_number = r.id_number AND h.source = 'huji')""", String.class, runId, runId);
        Map<String, List<String>> strayOf = new HashMap<>();
        for (String n : orphans) {
            for (String k : IdNumbers.legacyRepairCandidates(n)) strayOf.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
        }
        Set<String> strays = new HashSet<>();
        List<String> neighbours = new ArrayList<>(strayOf.keySet());
        for (int from = 0; from < neighbours.size(); from += NEIGHBOURS_PER_QUERY) {
            List<String> some = neighbours.subList(from, Math.min(neighbours.size(), from + NEIGHBOURS_PER_QUERY));
            List<Object> args = new ArrayList<>(some.size() + 1);
            args.add(runId);
            args.addAll(some);
            jdbc.query("SELECT DISTINCT r.id_number FROM " + EFFECTIVE + " WHERE r.source = 'huji' AND r.id_number IN ("
                    + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")",
                    rs -> { strays.addAll(strayOf.get(rs.getString(1))); }, args.toArray());
        }
        return strays;
    }

    private static final int NEIGHBOURS_PER_QUERY = 500;

    /** What number grouping needs of the whole household register. */
    private record Register(NameFrequencies frequencies, Twins twins) {}

    /**
     * The police records of the households where two records share a birth date (Twins), in one scan: a join of the
     * records with their grouped households ran as a nested loop on PostgreSQL (minutes at 20,000 persons).
     */
    private static final String TWINS = """
            SELECT household_key, birth_date, name, sex FROM (
                SELECT r.household_key, r.birth_date, r.name, r.sex, COUNT(*) OVER (PARTITION BY r.household_key, r.birth_date) AS born
                FROM\s""" + EFFECTIVE + """
                WHERE r.source = 'huji' AND r.household_key IS NOT NULL AND r.birth_date IS NOT NULL) t
            WHERE born > 1""";

    private void groupByNumber(Connection c, Future<Register> registerNames, Set<String> strays, PersonIds personIds,
                               BackgroundCopy personWriter, BackgroundCopy linkWriter) throws SQLException {
        NumberGroupResolver[] resolver = {null};
        try (BufferedCopy newPersons = personWriter.into("person", NEW_PERSON_COLUMNS);
             BufferedCopy persons = personWriter.into("person_run", PERSON_COLUMNS);
             BufferedCopy links = linkWriter.into("link", NUMBER_LINK_COLUMNS);
             BufferedCopy pending = new BufferedCopy(c, "pending", List.of("run_id", "rec_id", "phase"))) {
            GroupingReader<String, String, IdentityRecord> numbers = GroupingReader.byKey(rs -> rs.getString("id_number"),
                    IdentityRecord::read, (number, g) -> {
                if (strays.contains(number)) {
                    for (IdentityRecord r : g) pending.add(runId, r.recId(), "A");
                    return;
                }
                if (resolver[0] == null) {
                    Register register = done(registerNames, "reading the register's names");
                    resolver[0] = new NumberGroupResolver(register.frequencies(), register.twins());
                }
                NumberGroupResolver.Result res = resolver[0].resolve(number, g);
                Map<String, Long> ids = personIds.known(number);
                for (PersonSeed p : res.persons()) {
                    Long id = ids.get(p.personKey());
                    if (id == null) {
                        id = personIds.next();
                        ids.put(p.personKey(), id);
                        newPersons.add(countyCode, id, p.personKey(), p.idNumber(), runId);
                    }
                    store.writePerson(persons, id, p);
                }
                for (Link l : res.links()) {
                    Long id = ids.get(l.personKey());
                    if (id == null) throw new IllegalStateException("a number link to a person outside its number's group: " + l);
                    links.add(runId, l.recId(), id, l.method().name(), l.certain(), l.score(), l.evidence());
                }
                for (IdentityRecord r : res.pending()) pending.add(runId, r.recId(), "A");
            });
            SessionTuning.forWideSort(jdbc, () -> streaming.query("SELECT " + IdentityRecord.GROUPING_COLUMNS + " FROM " + EFFECTIVE
                    + " WHERE r.id_status IN ('VALID', 'LEGACY15') ORDER BY r.id_number" + byteOrder + """
                     , CASE WHEN r.source = 'huji' THEN 0 ELSE 1 END, CASE WHEN r.id_status = 'VALID' THEN 0 ELSE 1 END, r.rec_id""",
                    numbers, runId));
            numbers.finish();
            done(registerNames, "reading the register's names"); // finished, and its failure seen, even without groups
        }
    }
}
