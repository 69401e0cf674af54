package org.voterroll.generate;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming: 200 000 persons in a JVM limited to 256 MB of heap (the generator keeps only one primitive long set
 * that grows with the population; households are written as they are made).
 */
class MemoryTest {

    @Test
    void twoHundredThousandPersonsIn256MegabytesOfHeap() throws Exception {
        Path out = Files.createTempDirectory("county-mem");
        Path log = Files.createTempFile("county-mem", ".log");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                GeneratorMain.class.getName(), "200000", "5", out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String text = Files.readString(log);
        assertThat(p.exitValue()).as(text).isZero();
        Matcher m = Pattern.compile("maxHeapMB=(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isLessThanOrEqualTo(256);
        long truthRows;
        try (Stream<String> lines = Files.lines(out.resolve("truth/persons.csv"))) {
            truthRows = lines.count() - 1;
        }
        assertThat(truthRows).isGreaterThan(200_000);
        assertThat(Files.size(out.resolve("inbox/shebao_20261201.xlsx"))).isGreaterThan(1_000_000);
    }
}
