package org.voterroll.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.scheduling.support.CronExpression;
import org.voterroll.county.CountyConfigException;
import org.yaml.snakeyaml.Yaml;

/**
 * A county's nightly job, {@code jobs/<county>/job.yml}. Relative paths are relative to the job's directory.
 * <pre>
 * county: .                       # election.yml and xuanqu.csv (default: the job directory itself)
 * inbox: /srv/voter-roll/inbox/341299
 * out: /srv/voter-roll/out/341299
 * previous: /srv/voter-roll/previous/341299   # optional: the previous election's roll, first run only
 * cron: "0 30 1 * * *"            # second minute hour day month weekday (Spring cron), server's time zone
 * require-ready: true             # take the inbox only with its READY file (default true)
 * </pre>
 */
public record JobSpec(Path dir, Path county, Path inbox, Path out, Path previous, String cron, boolean requireReady) {

    public static JobSpec load(Path dir) {
        Path file = dir.resolve("job.yml");
        if (!Files.isRegularFile(file)) throw new CountyConfigException(file + ": no job.yml (see ops/README.md)");
        Map<String, Object> m;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object o = new Yaml().load(r);
            if (!(o instanceof Map<?, ?>)) throw new CountyConfigException(file + ": expected keys inbox, out, cron");
            @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) o;
            m = mm;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CountyConfigException c) throw c;
            throw new CountyConfigException(file + ": cannot read it: " + e.getMessage());
        }
        String cron = m.get("cron") == null ? null : m.get("cron").toString();
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            throw new CountyConfigException(file + ": cron '" + cron + "' is not a cron expression (six fields: second minute hour"
                    + " day month weekday, e.g. \"0 30 1 * * *\" for 01:30 every night)");
        }
        Object ready = m.getOrDefault("require-ready", Boolean.TRUE);
        return new JobSpec(dir, path(dir, file, m, "county", "."), path(dir, file, m, "inbox", null), path(dir, file, m, "out", null),
                m.get("previous") == null ? null : path(dir, file, m, "previous", null), cron, Boolean.parseBoolean(ready.toString()));
    }

    private static Path path(Path dir, Path file, Map<String, Object> m, String key, String dflt) {
        Object v = m.getOrDefault(key, dflt);
        if (v == null) throw new CountyConfigException(file + ": missing '" + key + ":'");
        return dir.resolve(v.toString()).normalize();
    }
}
