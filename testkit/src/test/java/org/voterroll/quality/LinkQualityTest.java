package org.voterroll.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.voterroll.generate.CountyGenerator;
import org.voterroll.generate.GeneratorOptions;
import org.voterroll.reconcile.ReconcileService;
import org.voterroll.run.Run;

/** Link quality on a small generated county: the SQL figures agree with each other and with a naive pair count in Java. */
@SpringBootTest
@ActiveProfiles("test")
class LinkQualityTest {
    @Autowired ReconcileService service;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void figuresAreConsistentAndPairCountsMatchANaiveCount(@TempDir Path tmp) throws Exception {
        CountyGenerator.generate(new GeneratorOptions(3000, 20261216L, 0, tmp.resolve("county")));
        Path c = tmp.resolve("county");
        Run run = service.reconcile(c.resolve("county"), c.resolve("inbox"), tmp.resolve("out"), c.resolve("previous"));
        assertThat(run.status()).as(run.message()).isEqualTo(Run.COMPLETED);

        LinkQuality.Result r = LinkQuality.measure(dataSource, c.resolve("truth"), run.runId());
        for (String t : org.voterroll.identity.ResolveTasklet.WORKING_TABLES) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + t + " WHERE run_id = ?", Long.class, run.runId()))
                    .as("%s is cleared once the rules have read it", t).isZero();
        }

        // the truth file covers the run's records, and every person row is either read or rejected
        assertThat(r.recordsNotInTruth()).isZero();
        assertThat(r.records()).isEqualTo(r.personRecords() + r.junkRecords());
        assertThat(r.truthRowsNotRead()).isEqualTo(r.truthRowsRejected());
        assertThat(r.personRecords()).isGreaterThan(4000);
        // every record of a person is linked (certain or matched), in the review band, or unlinked
        assertThat(r.correct() + r.wrong()).isEqualTo(r.linked());
        assertThat(r.linked() + r.review() + r.unlinked()).isEqualTo(r.personRecords());
        assertThat(r.reviewWithTruePerson()).isBetween(0L, r.review());
        assertThat(r.matched()).as("survey rows without a number are matched by weighted evidence").isBetween(1L, r.linked());
        assertThat(jdbc.queryForObject("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM link WHERE run_id = ? AND method = 'MATCHED' GROUP BY rec_id) x",
                Long.class, run.runId())).as("one matched person per record at most").isEqualTo(1L);
        assertThat(r.matched()).isLessThanOrEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM link WHERE run_id = ? AND method = 'MATCHED'",
                Long.class, run.runId()));
        // the single best candidate above the upper threshold is a subset of those above the lower one, inside the review band
        assertThat(r.bestCandidates()).hasSize(2);
        LinkQuality.BestCandidate upper = r.bestCandidates().get(0), lower = r.bestCandidates().get(1);
        assertThat(upper.threshold()).isGreaterThan(lower.threshold());
        assertThat(upper.correct() + upper.wrong()).isLessThanOrEqualTo(lower.correct() + lower.wrong());
        assertThat(lower.correct() + lower.wrong()).isLessThanOrEqualTo(r.review());
        assertThat(lower.correct()).as("the generated survey rows mostly find their person").isGreaterThan(0);
        assertThat(r.bySource().stream().mapToLong(LinkQuality.SourceRow::records).sum()).isEqualTo(r.personRecords());
        assertThat(r.bySource().stream().mapToLong(LinkQuality.SourceRow::wrong).sum()).isEqualTo(r.wrong());
        assertThat(r.correctPairs()).isLessThanOrEqualTo(Math.min(r.predictedPairs(), r.truePairs()));
        assertThat(r.wrongExamples()).hasSize((int) Math.min(50, r.wrong()));

        // naive pair count over the same records
        Map<String, String> truth = new HashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(Files.newBufferedReader(c.resolve("truth/records.csv")))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord x : p) {
                truth.put(x.get("文件") + ":" + x.get("行号"), x.get("公民身份号码").isEmpty() ? null : x.get("公民身份号码") + "|" + x.get("姓名"));
            }
        }
        Map<Long, Long> linked = new HashMap<>();
        jdbc.query("SELECT rec_id, MIN(person_id) FROM link WHERE run_id = ? AND (certain OR method = 'MATCHED') GROUP BY rec_id",
                rs -> { linked.put(rs.getLong(1), rs.getLong(2)); }, run.runId());
        List<String> truths = new ArrayList<>();
        List<Long> persons = new ArrayList<>();
        jdbc.query("SELECT s.rec_id, s.file_name, s.line_no FROM src_record s JOIN run_source rs ON rs.run_id = ? AND rs.snapshot_id = s.snapshot_id",
                rs -> {
                    String t = truth.get(rs.getString(2) + ":" + rs.getInt(3));
                    if (t != null) {
                        truths.add(t);
                        persons.add(linked.get(rs.getLong(1)));
                    }
                }, run.runId());
        assertThat((long) truths.size()).isEqualTo(r.personRecords());
        long predicted = 0, truePairs = 0, both = 0;
        for (int i = 0; i < truths.size(); i++) {
            for (int j = i + 1; j < truths.size(); j++) {
                boolean t = truths.get(i).equals(truths.get(j));
                boolean p = persons.get(i) != null && persons.get(i).equals(persons.get(j));
                if (t) truePairs++;
                if (p) predicted++;
                if (t && p) both++;
            }
        }
        assertThat(r.predictedPairs()).isEqualTo(predicted);
        assertThat(r.truePairs()).isEqualTo(truePairs);
        assertThat(r.correctPairs()).isEqualTo(both);
        assertThat(r.precision()).isEqualTo((double) both / predicted);
        assertThat(r.recall()).isEqualTo((double) both / truePairs);
        assertThat(r.linked()).isEqualTo(persons.stream().filter(x -> x != null).count());
        // a person's wrong links: at least those of every true person that is not its majority
        assertThat(r.wrong() == 0).isEqualTo(predicted == both);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LinkQuality.print(r, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("pairwise precision", "review band", "MATCH_REVIEW", "unlinked");
        System.out.println(text);
    }

    @Test
    void masksNumbersAndNames() {
        assertThat(LinkQuality.mask("42010619800101123X|张三丰")).isEqualTo("420106********123X|张**");
        assertThat(LinkQuality.mask(null)).isEqualTo("(none)");
    }
}
