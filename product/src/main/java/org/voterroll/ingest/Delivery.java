package org.voterroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * When a delivery is complete. The agencies' drop writes its data files first and a file named {@code READY}
 * last (written to a temporary name and renamed, so that it appears whole). READY is either empty, or a
 * manifest in the format of {@code sha256sum}: one line {@code <sha256>  <file name>} per data file.
 * <ul>
 * <li>no READY: the delivery is not complete and is not taken (the nightly job; a manual {@code reconcile}
 * takes an inbox without READY);</li>
 * <li>a manifest: every listed file must be there with that digest, and every data file must be listed;</li>
 * <li>an empty READY: no data file may be newer than READY.</li>
 * </ul>
 * The delivery's id is READY's SHA-256 (with its time when empty): a delivery is taken once.
 */
public final class Delivery {
    public static final String READY = "READY";

    private Delivery() {
    }

    /** The delivery is not complete: not taken. */
    public static class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }

    /** Checks a complete delivery and returns its id; throws {@link NotReadyException} otherwise. */
    public static String check(Path inbox) throws IOException {
        Path ready = inbox.resolve(READY);
        if (!Files.isRegularFile(ready)) {
            throw new NotReadyException("交付未完成 (delivery not complete): no READY file in " + inbox
                    + " — the agencies write READY after their last file; the delivery was not taken");
        }
        byte[] bytes = Files.readAllBytes(ready);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, String> manifest = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                throw new NotReadyException("交付未完成 (delivery not complete): READY line " + lineNo
                        + " is not '<sha256>  <file name>' (the format of sha256sum): " + l);
            }
            String name = parts[1].strip();
            // READY speaks of the inbox's own files only: a path would have us read and vouch for a file elsewhere
            if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
                throw new NotReadyException("交付未完成 (delivery not complete): READY 第 " + lineNo + " 行 (line " + lineNo + ") 的 '" + name
                        + "' 不是收件目录中的文件名 (not a file name of the inbox: READY lists the delivery's own files, no paths)");
            }
            manifest.put(name, parts[0].toLowerCase(Locale.ROOT));
        }
        List<Path> data = dataFiles(inbox);
        List<String> problems = new ArrayList<>();
        if (manifest.isEmpty()) {
            long readyTime = Files.getLastModifiedTime(ready).toMillis();
            for (Path p : data) {
                if (Files.getLastModifiedTime(p).toMillis() > readyTime) problems.add(p.getFileName() + " was modified after READY");
            }
        } else {
            TreeSet<String> present = new TreeSet<>();
            for (Path p : data) present.add(p.getFileName().toString());
            for (var e : manifest.entrySet()) {
                Path p = inbox.resolve(e.getKey());
                if (!Files.isRegularFile(p)) {
                    problems.add(e.getKey() + " is listed in READY but missing");
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    if (!DigestUtils.sha256Hex(in).equals(e.getValue())) {
                        problems.add(e.getKey() + " differs from its READY digest (still being written?)");
                    }
                }
            }
            for (String name : present) if (!manifest.containsKey(name)) problems.add(name + " is not listed in READY");
        }
        if (!problems.isEmpty()) {
            throw new NotReadyException("交付未完成 (delivery not complete) in " + inbox + ": " + String.join("; ", problems)
                    + " — the delivery was not taken");
        }
        return manifest.isEmpty() ? DigestUtils.sha256Hex(READY + Files.getLastModifiedTime(ready).toMillis())
                : DigestUtils.sha256Hex(bytes);
    }

    static List<Path> dataFiles(Path inbox) throws IOException {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString().toUpperCase(Locale.ROOT);
                        return !n.equals("READY") && !n.equals("READY.TXT") && !n.equals("MANIFEST.TXT");
                    }).sorted().toList();
        }
    }
}
