package org.voterroll.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The packaged jars (issue 19): the product's holds no generator, truth check or link quality; the test kit's does. */
class ProductJarIT {
    static final Path PRODUCT = Path.of(System.getProperty("voter-roll.jar", "target/voter-roll.jar"));
    static final Path TEST_KIT = Path.of(System.getProperty("voter-roll-testkit.jar", "target/voter-roll-testkit.jar"));

    static List<String> entries(Path jar) throws Exception {
        assertThat(jar).exists();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theProductHoldsNoTestKit() throws Exception {
        List<String> product = entries(PRODUCT);
        assertThat(product).contains("BOOT-INF/classes/org/voterroll/VoterRollApplication.class");
        assertThat(product).noneMatch(e -> e.matches(".*org/voterroll/(generate|quality|testkit)/.*") || e.contains("testkit"));
    }

    @Test
    void theTestKitRunsOnTheProduct() throws Exception {
        List<String> kit = entries(TEST_KIT);
        assertThat(kit).contains("BOOT-INF/classes/org/voterroll/testkit/TestKit.class", "BOOT-INF/classes/org/voterroll/generate/Generation.class");
        assertThat(kit).anyMatch(e -> e.matches("BOOT-INF/lib/voter-roll-[0-9].*\\.jar"));
        Process p = new ProcessBuilder("java", "-jar", TEST_KIT.toString(), "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("generate", "check-truth", "check-province", "link-quality").doesNotContain("Runs the nightly reconciliation");
        assertThat(Files.size(PRODUCT)).isPositive();
    }
}
