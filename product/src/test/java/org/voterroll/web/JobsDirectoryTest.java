package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web application starts the jobs the nightly scheduler runs, read the same way. */
class JobsDirectoryTest {

    @Test
    void theSampleJobPointsAtSampleData() {
        JobsDirectory.Job job = JobsDirectory.read(Path.of("jobs", "sample"));
        assertThat(job.problem()).isNull();
        assertThat(job.countyDir()).isEqualTo(Path.of("sample-data", "county"));
        assertThat(job.inbox()).isEqualTo(Path.of("sample-data", "inbox"));
        assertThat(job.previous()).isEqualTo(Path.of("sample-data", "previous"));
        assertThat(Files.isRegularFile(job.countyDir().resolve("election.yml"))).isTrue();
    }

    @Test
    void aJobWithoutInboxIsShownWithItsProblem(@TempDir Path dir) throws Exception {
        Path job = Files.createDirectories(dir.resolve("341299"));
        Files.writeString(job.resolve("job.yml"), "out: /tmp/out\n");
        JobsDirectory.Job read = JobsDirectory.read(job);
        assertThat(read.problem()).contains("inbox");
        assertThat(new JobsDirectory(dir.toString()).all()).extracting(JobsDirectory.Job::name).containsExactly("341299");
    }
}
