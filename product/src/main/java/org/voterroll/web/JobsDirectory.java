package org.voterroll.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.voterroll.county.CountyConfigException;
import org.voterroll.ops.JobSpec;

/**
 * The counties the server may reconcile: {@code <jobs-dir>/<name>/job.yml}, the same job configuration the nightly
 * scheduler and {@code run-job} read ({@link JobSpec}: county directory, inbox, out, previous).
 */
@Component
public class JobsDirectory {
    public record Job(String name, Path countyDir, Path inbox, Path out, Path previous, String problem) {}

    private final Path dir;

    public JobsDirectory(@Value("${voter-roll.jobs-dir:jobs}") String dir) {
        this.dir = Path.of(dir);
    }

    public Path dir() {
        return dir;
    }

    public List<Job> all() {
        if (!Files.isDirectory(dir)) return List.of();
        List<Job> jobs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve("job.yml"))) jobs.add(read(p));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return jobs;
    }

    public Optional<Job> find(String name) {
        return all().stream().filter(j -> j.name().equals(name)).findFirst();
    }

    /** The job as {@link JobSpec} reads job.yml for the nightly runs; a job.yml it refuses is shown with its problem. */
    static Job read(Path jobDir) {
        String name = jobDir.getFileName().toString();
        try {
            JobSpec spec = JobSpec.load(jobDir);
            return new Job(name, spec.county(), spec.inbox(), spec.out(), spec.previous(), null);
        } catch (CountyConfigException e) {
            return new Job(name, jobDir, null, null, null, e.getMessage());
        }
    }
}
