package org.voterroll.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The counties the server may reconcile: {@code <jobs-dir>/<name>/} holds election.yml and xuanqu.csv (the county
 * directory) and job.yml with {@code inbox:}, {@code out:} and optional {@code previous:}; relative paths are taken from
 * the job's directory. Other keys (a schedule, say) are left to whoever uses them.
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

    static Job read(Path jobDir) {
        String name = jobDir.getFileName().toString();
        try (Reader r = Files.newBufferedReader(jobDir.resolve("job.yml"), StandardCharsets.UTF_8)) {
            Object loaded = new Yaml().load(r);
            if (!(loaded instanceof Map<?, ?> m)) return new Job(name, jobDir, null, null, null, "job.yml is not a map");
            Path inbox = path(jobDir, m.get("inbox")), out = path(jobDir, m.get("out")), previous = path(jobDir, m.get("previous"));
            String problem = inbox == null ? "job.yml needs inbox:" : out == null ? "job.yml needs out:" : null;
            return new Job(name, jobDir, inbox, out, previous, problem);
        } catch (IOException | RuntimeException e) {
            return new Job(name, jobDir, null, null, null, "job.yml: " + e.getMessage());
        }
    }

    private static Path path(Path base, Object v) {
        if (v == null || v.toString().isBlank()) return null;
        return base.resolve(v.toString()).normalize();
    }
}
