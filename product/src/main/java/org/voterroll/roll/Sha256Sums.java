package org.voterroll.roll;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;

/** A run's SHA256SUMS, in the format of {@code sha256sum}: written when the run is published, read when a file is served. */
public final class Sha256Sums {
    public static final String FILE = "SHA256SUMS";

    private Sha256Sums() {}

    /** Digests of every file under {@code dir}, by path relative to it, sorted. */
    public static void write(Path dir) throws IOException {
        write(dir, Map.of());
    }

    /**
     * As {@link #write(Path)}, taking the digests of the files in {@code known} (relative path to hex digest, as computed
     * while they were written) instead of reading those files again; every other file is read.
     */
    public static void write(Path dir, Map<String, String> known) throws IOException {
        TreeMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                String sha = known.get(name);
                if (sha == null) {
                    try (InputStream in = Files.newInputStream(f)) {
                        sha = DigestUtils.sha256Hex(in);
                    }
                }
                sums.put(name, sha);
            }
        }
        StringBuilder sb = new StringBuilder();
        sums.forEach((name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
        Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /** The digests {@link #write} recorded in {@code dir}, by relative path; empty when there is no SHA256SUMS. */
    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> m = new HashMap<>();
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return m;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            int sp = line.indexOf(' ');
            if (sp > 0) m.put(line.substring(sp).trim().replaceFirst("^\\*", ""), line.substring(0, sp));
        }
        return m;
    }
}
