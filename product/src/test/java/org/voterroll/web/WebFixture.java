package org.voterroll.web;

import org.voterroll.Examples;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The example county (org.voterroll.Examples) laid out as the server's jobs directory, with one more inbox row: a residence
 * registration for 郑浩 (户籍 河口乡, district 341299201-01) whose number fails its check digit and is three digits off his,
 * living in 城关镇 (district 341299100-02). Name, sex and birth date agree, so the link is uncertain and would move him:
 * the run raises a MATCH_REVIEW for township 341299201.
 */
final class WebFixture {
    static final String COUNTY = "341299";
    static final String JOB = "341299";
    static final Charset GB18030 = Charset.forName("GB18030");
    /** Shown on pages and in files, never in a URL: the tests check that. */
    static final String ZHENG_HAO_NUMBER = "341299198304181436";
    static final String REVIEW_ROW = "341299198304187350,郑浩,男,1983-04-18,341299201102,城关镇新华社区12栋101,341299100001,2024-02-01,,务工";

    private static Path root;

    private WebFixture() {}

    static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("voter-roll-web-test");
                Path job = Files.createDirectories(root.resolve("jobs").resolve(JOB));
                Files.copy(Examples.DIR.resolve("county/election.yml"), job.resolve("election.yml"));
                Files.copy(Examples.DIR.resolve("county/xuanqu.csv"), job.resolve("xuanqu.csv"));
                Path inbox = Files.createDirectories(root.resolve("inbox"));
                try (Stream<Path> files = Files.list(Examples.DIR.resolve("inbox"))) {
                    for (Path f : files.toList()) Files.copy(f, inbox.resolve(f.getFileName()));
                }
                // the examples' liudong file is UTF-8: the row is appended in the same encoding
                Files.writeString(inbox.resolve("liudong_20261201.csv"), REVIEW_ROW + "\n", java.nio.charset.StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Files.createDirectories(root.resolve("out"));
                // relative paths in job.yml are taken from the job's directory; county: defaults to the job directory itself
                Files.writeString(job.resolve("job.yml"), "inbox: ../../inbox\nout: ../../out\ncron: \"0 0 2 * * *\"\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return root;
    }

    static Path jobsDir() {
        return root().resolve("jobs");
    }

    static Path jobDir() {
        return jobsDir().resolve(JOB);
    }
}
