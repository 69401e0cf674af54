package org.voterroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/** Looks at every file of an inbox: its source, encoding, header, and whether it can be loaded. */
public final class DeliveryScanner {

    public List<DeliveryFile> scan(Path inbox) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.list(inbox)) {
            paths = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !isMarker(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        // files are read in parallel (hashing and a full parse are the slow part); duplicates are judged in name order after
        List<DeliveryFile> inspected = new ArrayList<>();
        int threads = Math.max(1, Math.min(paths.size(), Math.min(4, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DeliveryFile>> futures = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                int fileNo = i + 1;
                Path p = paths.get(i);
                futures.add(pool.submit(() -> inspect(fileNo, p)));
            }
            for (Future<DeliveryFile> f : futures) inspected.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while scanning " + inbox, e);
        } catch (ExecutionException e) {
            throw new IOException("scanning " + inbox + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<DeliveryFile> files = new ArrayList<>();
        Map<String, String> seenDigest = new HashMap<>();
        for (DeliveryFile f : inspected) {
            boolean comparable = f.sha256() != null && f.status() != DeliveryFile.Status.UNKNOWN_SOURCE
                    && f.status() != DeliveryFile.Status.UNSUPPORTED;
            String twin = comparable ? seenDigest.putIfAbsent(f.sha256(), f.fileName()) : null;
            files.add(twin == null ? f : new DeliveryFile(f.fileNo(), f.path(), f.source(), DeliveryFile.Status.DUPLICATE, null,
                    f.sizeBytes(), f.sha256(), "与 " + twin + " 内容完全相同，只读取一次 (identical to " + twin + ", read once)", null));
        }
        return files;
    }

    /** Files that are part of the delivery protocol, not data (see docs/runbook.md: the READY marker). */
    static boolean isMarker(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.equals("READY") || n.equals("READY.TXT") || n.equals("MANIFEST.TXT");
    }

    private DeliveryFile inspect(int fileNo, Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        long size;
        String sha;
        TextEncoding.Detected detected = null;
        try {
            size = Files.size(p);
            // one pass over the bytes for both the digest and the encoding
            MessageDigest digest = DigestUtils.getSha256Digest();
            TextEncoding.Sniffer sniffer = csv ? new TextEncoding.Sniffer() : null;
            try (InputStream in = Files.newInputStream(p)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                    if (sniffer != null) sniffer.update(buf, 0, n);
                }
            }
            sha = Hex.encodeHexString(digest.digest());
            if (sniffer != null) detected = sniffer.result();
        } catch (IOException e) {
            return new DeliveryFile(fileNo, p, null, DeliveryFile.Status.UNUSABLE, null, -1, null,
                    "无法读取文件 (cannot read the file): " + e.getMessage(), null);
        }
        Source source = Source.ofFileName(name).orElse(null);
        if (source == null) {
            return new DeliveryFile(fileNo, p, null, DeliveryFile.Status.UNKNOWN_SOURCE, null, size, sha,
                    "未知来源前缀，已忽略 (unknown source prefix '" + prefixOf(name) + "', ignored; known: "
                            + knownPrefixes() + ")", null);
        }
        if (!csv && !lower.endsWith(".xlsx")) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNSUPPORTED, null, size, sha,
                    "不支持的文件类型，只接受 .csv 和 .xlsx (only .csv and .xlsx are read)", null);
        }
        String encoding = detected == null ? "xlsx" : detected.label();
        try {
            try (RowCursor cursor = RowCursor.open(p, detected)) {
                List<String> header = cursor.header();
                if (header.isEmpty()) {
                    return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                            "文件为空，没有表头 (empty file: no header row)", null);
                }
                if (String.join(",", header).indexOf('\0') >= 0) {
                    return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                            "文件编码无法识别，含空字节 (unrecognised encoding: the file holds NUL bytes — UTF-16 or binary? "
                                    + "agencies deliver GB18030 or UTF-8 text)", null);
                }
                int[] columnOf = columnMapping(source, header);
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < source.required().size(); i++) {
                    if (columnOf[i] < 0) missing.add(source.headers().get(i));
                }
                if (!missing.isEmpty()) {
                    return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                            "缺少必需的列 (missing required columns): " + String.join("、", missing)
                                    + "；表头为 (header is): " + String.join(",", header), null);
                }
                // a CSV is read through once: a file that breaks half-way must not leave half a snapshot behind. An
                // .xlsx is a zip whose damage shows when it is opened; parsing its sheet twice would double the
                // slowest read of the night, so a sheet broken inside fails the load step with its message instead
                if (csv) {
                    while (cursor.next() != null) { }
                }
                return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.USABLE, encoding, size, sha, null, columnOf);
            }
        } catch (IOException | RuntimeException e) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                    "无法读取文件 (cannot read the file): " + e.getMessage(), null);
        }
    }

    /** For each of the source's canonical headers, the file column that holds it, or -1. */
    public static int[] columnMapping(Source source, List<String> header) {
        List<String> canonical = source.headers();
        int[] columnOf = new int[canonical.size()];
        for (int i = 0; i < canonical.size(); i++) columnOf[i] = header.indexOf(canonical.get(i));
        return columnOf;
    }

    private static String prefixOf(String name) {
        int cut = name.indexOf('_');
        return cut < 0 ? name : name.substring(0, cut);
    }

    private static String knownPrefixes() {
        return String.join(", ", java.util.Arrays.stream(Source.values()).map(Source::prefix).toList());
    }
}
