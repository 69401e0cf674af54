package org.voterroll.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import org.voterroll.codes.Source;

/**
 * Looks at every entry of an inbox: its source, format (by content, not name), encoding, header, and whether it can be
 * loaded. Only regular files are opened; every file that is read is read through here once, whole, so that a file
 * that breaks half-way is an unusable file before the load, never half a snapshot or a failed night.
 */
public final class DeliveryScanner {
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** A date in a file name (20261201, 2026-12-01): not part of what the file is a part of. */
    private static final Pattern DATE = Pattern.compile("(?<![0-9])((19|20)[0-9]{6}|(19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2})(?![0-9])");

    enum Format { TEXT, XLSX, OLE2 }

    public List<DeliveryFile> scan(Path inbox) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.list(inbox)) {
            paths = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !isMarker(p.getFileName().toString()))
                    // a directory, link or special file is named in the report whatever its name (never opened): an
                    // operator must see that something lies in the inbox that was not read
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
            // the largest first, so that the longest read does not start last; the results stay in name order
            List<Integer> bySize = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) bySize.add(i);
            bySize.sort(java.util.Comparator.comparingLong((Integer i) -> sizeOf(paths.get(i))).reversed());
            List<Future<DeliveryFile>> futures = new ArrayList<>(java.util.Collections.nCopies(paths.size(), null));
            for (int i : bySize) {
                int fileNo = i + 1;
                Path p = paths.get(i);
                futures.set(i, pool.submit(() -> inspect(fileNo, p)));
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
            boolean comparable = f.sha256() != null && (f.status() == DeliveryFile.Status.USABLE || f.status() == DeliveryFile.Status.UNUSABLE);
            String twin = comparable ? seenDigest.putIfAbsent(f.sha256(), f.fileName()) : null;
            files.add(twin == null ? f : new DeliveryFile(f.fileNo(), f.path(), f.source(), DeliveryFile.Status.DUPLICATE, null,
                    f.sizeBytes(), f.sha256(), "与 " + twin + " 内容完全相同，只读取一次 (identical to " + twin + ", read once)", null));
        }
        return refuseSecondParts(files);
    }

    /**
     * One file per source and part: the same part as .csv and .xlsx, or under two dates, are two different snapshots of
     * one thing and nothing says which is right; neither is read (docs/decisions.md "Two files for one part").
     */
    static List<DeliveryFile> refuseSecondParts(List<DeliveryFile> files) {
        Map<String, List<DeliveryFile>> byPart = new LinkedHashMap<>();
        for (DeliveryFile f : files) {
            if (f.source() == null || (f.status() != DeliveryFile.Status.USABLE && f.status() != DeliveryFile.Status.UNUSABLE)) continue;
            byPart.computeIfAbsent(f.source().prefix() + "/" + partOf(f.fileName()), k -> new ArrayList<>()).add(f);
        }
        Map<Integer, DeliveryFile> changed = new HashMap<>();
        for (List<DeliveryFile> same : byPart.values()) {
            if (same.size() < 2) continue;
            for (DeliveryFile f : same) {
                List<String> others = same.stream().filter(o -> o != f).map(DeliveryFile::fileName).toList();
                String list = String.join("、", others);
                changed.put(f.fileNo(), f.with(DeliveryFile.Status.CONFLICT, "与 " + list + " 是同一来源的同一部分，两个都不读取，沿用上次快照 "
                        + "(the same source and part as " + String.join(", ", others) + ": neither is read and the source keeps its "
                        + "previous snapshot; remove the file that is wrong and start a new run)"));
            }
        }
        if (changed.isEmpty()) return files;
        return files.stream().map(f -> changed.getOrDefault(f.fileNo(), f)).toList();
    }

    /** What part of its source a file is: its name without the source prefix, dates and extension ("" for the only part). */
    static String partOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        int cut = n.indexOf('_');
        n = cut < 0 ? "" : n.substring(cut + 1);
        n = DATE.matcher(n).replaceAll("");
        return n.replaceAll("[_\\-.\\s]+", "_").replaceAll("^_|_$", "");
    }

    /** A file's size for the order of reading, without following a link; 0 when it cannot be read (inspect says why). */
    private static long sizeOf(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Files that are part of the delivery protocol, not data (see docs/runbook.md: the READY marker). */
    static boolean isMarker(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.equals("READY") || n.equals("READY.TXT") || n.equals("MANIFEST.TXT");
    }

    private DeliveryFile inspect(int fileNo, Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Source source = Source.ofFileName(name).orElse(null);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, null, -1, null,
                    "无法读取文件 (cannot read the file): " + e.getMessage(), null);
        }
        if (attrs.isSymbolicLink()) {
            // the target is neither read nor named: it may be any file of the machine, or another county's delivery
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.REFUSED, null, -1, null,
                    "符号链接，不读取 (a symbolic link, not read: only regular files inside the inbox are delivery files; "
                            + "put the file itself into the inbox)", null);
        }
        if (attrs.isDirectory()) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.REFUSED, null, -1, null,
                    "是目录而不是文件，不读取 (a directory, not a file: deliver the file itself, not a folder of that name)", null);
        }
        if (!attrs.isRegularFile()) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.REFUSED, null, -1, null,
                    "不是普通文件，不读取 (not a regular file, such as a pipe or a device: not read)", null);
        }
        boolean namedCsv = lower.endsWith(".csv");
        boolean namedXlsx = lower.endsWith(".xlsx");
        long size = attrs.size();
        String sha;
        Format format;
        TextEncoding.Detected detected;
        boolean soundCsv;
        try {
            // one pass over the bytes for the digest, the format and the encoding
            MessageDigest digest = DigestUtils.getSha256Digest();
            TextEncoding.Sniffer sniffer = new TextEncoding.Sniffer();
            CsvQuickCheck quick = new CsvQuickCheck();
            byte[] head = new byte[8];
            int headLength = 0;
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buf, 0, head, headLength, take);
                        headLength += take;
                    }
                    if (namedCsv || namedXlsx) {
                        sniffer.update(buf, 0, n);
                        quick.update(buf, 0, n);
                    }
                }
            }
            sha = Hex.encodeHexString(digest.digest());
            format = startsWith(head, headLength, ZIP) ? Format.XLSX : startsWith(head, headLength, OLE2) ? Format.OLE2 : Format.TEXT;
            detected = format == Format.TEXT ? sniffer.result() : null;
            soundCsv = detected != null && quick.sound(detected, sniffer.wellFormedUtf8());
        } catch (IOException e) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, null, size, null,
                    "无法读取文件 (cannot read the file): " + e.getMessage(), null);
        }
        if (source == null) {
            return new DeliveryFile(fileNo, p, null, DeliveryFile.Status.UNKNOWN_SOURCE, null, size, sha,
                    "未知来源前缀，已忽略 (unknown source prefix '" + prefixOf(name) + "', ignored; known: "
                            + knownPrefixes() + ")", null);
        }
        if (!namedCsv && !namedXlsx) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNSUPPORTED, null, size, sha,
                    "不支持的文件类型，只接受 .csv 和 .xlsx (only .csv and .xlsx are read)", null);
        }
        if (format == Format.OLE2) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, null, size, sha,
                    "无法读取文件 (cannot read the file): 加密的工作簿或旧的 .xls 格式 (a password-protected workbook, or an old .xls "
                            + "renamed: save it as a plain .xlsx without a password, or as CSV)", null);
        }
        if (detected != null && detected.utf16()) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, detected.charset().name(), size, sha,
                    "文件是 UTF-16 编码，无法读取 (the file is " + detected.charset().name() + " text; agencies deliver GB18030 or "
                            + "UTF-8: save it as UTF-8 or GB18030 CSV and deliver it again)", null);
        }
        String note = null;
        if (format == Format.XLSX && namedCsv) {
            note = "文件名为 .csv，内容是 xlsx 工作簿，已按 xlsx 读取 (named .csv but holds an .xlsx workbook: read as a workbook)";
        } else if (format == Format.TEXT && namedXlsx) {
            note = "文件名为 .xlsx，内容是 CSV 文本，已按 CSV 读取 (named .xlsx but holds CSV text: read as CSV)";
        }
        String encoding = format == Format.XLSX ? "xlsx" : detected.label();
        try {
            return format == Format.XLSX ? workbook(fileNo, p, source, size, sha, note) : text(fileNo, p, source, size, sha, detected, soundCsv, note, namedXlsx);
        } catch (IOException | RuntimeException e) {
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                    "无法读取文件 (cannot read the file): " + messageOf(e), null);
        }
    }

    /** {@code sound}: the bytes already showed that the parser cannot fail on the file ({@link CsvQuickCheck}). */
    private DeliveryFile text(int fileNo, Path p, Source source, long size, String sha, TextEncoding.Detected detected,
                              boolean sound, String note, boolean namedXlsx) throws IOException {
        String encoding = detected.label();
        try (CsvRowCursor cursor = new CsvRowCursor(p, detected, true)) {
            List<String> header = cursor.header();
            if (header.isEmpty()) {
                return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                        size == 0 ? "文件为空，没有表头 (empty file: no header row)；文件为 0 字节 (the file has 0 bytes: the export or the copy failed)"
                                : "文件为空，没有表头 (empty file: no header row)", null);
            }
            if (String.join(",", header).indexOf('\0') >= 0) {
                return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha,
                        "文件编码无法识别，含空字节 (unrecognised encoding: the file holds NUL bytes — binary? "
                                + "agencies deliver GB18030 or UTF-8 text)", null);
            }
            int[] columnOf = columnMapping(source, header);
            if (namedXlsx && java.util.Arrays.stream(columnOf).allMatch(c -> c < 0)) {
                return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, null, size, sha,
                        "无法读取文件 (cannot read the file): 不是有效的 xlsx 文件，也不是 CSV 文本 (neither an .xlsx workbook nor CSV text)", null);
            }
            String missing = missing(source, columnOf, header);
            if (missing != null) return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, encoding, size, sha, missing, null);
            // read through once, unless its bytes showed it sound: a file that breaks half-way must not leave half a
            // snapshot behind
            if (!sound) while (cursor.next() != null) { }
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.USABLE, encoding, size, sha, note, columnOf, null);
        }
    }

    /**
     * Every sheet whose first row carries the source's required headers is data (a source split over two sheets); a
     * sheet with some of its headers but not all is a broken part and makes the file unusable; the others (empty,
     * notes) are named in the file's note. Each data sheet is read through, as a CSV is.
     */
    private DeliveryFile workbook(int fileNo, Path p, Source source, long size, String sha, String note) throws IOException {
        List<XlsxRowCursor.SheetHead> sheets = XlsxRowCursor.sheets(p);
        List<Integer> data = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (note != null) notes.add(note);
        String firstMissing = null;
        int[] firstMapping = null;
        for (XlsxRowCursor.SheetHead s : sheets) {
            String label = "工作表 '" + s.name() + "'" + (s.hidden() ? " (隐藏 hidden)" : "");
            if (s.header().isEmpty()) {
                notes.add(label + " 为空 (empty sheet)");
                continue;
            }
            int[] columnOf = columnMapping(source, s.header());
            String missing = missing(source, columnOf, s.header());
            boolean anyHeader = java.util.Arrays.stream(columnOf).anyMatch(c -> c >= 0);
            if (missing == null) {
                data.add(s.index());
                if (firstMapping == null) firstMapping = columnOf;
                if (s.hidden()) notes.add(label + " 是隐藏的，已读取 (a hidden sheet with the source's header: read)");
            } else if (anyHeader) {
                return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, "xlsx", size, sha, label + ": " + missing, null);
            } else {
                if (firstMissing == null) firstMissing = missing;
                notes.add(label + " 没有本来源的表头，未读取 (no header of this source: not read)");
            }
        }
        if (data.isEmpty()) {
            String why = firstMissing != null ? firstMissing : "文件为空，没有表头 (empty file: no header row)";
            return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.UNUSABLE, "xlsx", size, sha, why, null);
        }
        if (data.size() > 1) notes.add("读取了 " + data.size() + " 个工作表 (" + data.size() + " sheets read)");
        for (int sheet : data) {
            try (XlsxRowCursor c = new XlsxRowCursor(p, sheet)) {
                c.readThrough();
            }
        }
        return new DeliveryFile(fileNo, p, source, DeliveryFile.Status.USABLE, "xlsx", size, sha,
                notes.isEmpty() ? null : String.join("; ", notes), firstMapping, List.copyOf(data));
    }

    private static String missing(Source source, int[] columnOf, List<String> header) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < source.required().size(); i++) {
            if (columnOf[i] < 0) missing.add(source.headers().get(i));
        }
        // a column twice: which of the two holds the data is a guess, and the other's values would be dropped unsaid
        List<String> twice = new ArrayList<>();
        for (String h : source.headers()) {
            int first = header.indexOf(h), last = header.lastIndexOf(h);
            if (first >= 0 && last != first) twice.add(h + " 第 " + (first + 1) + " 列和第 " + (last + 1) + " 列");
        }
        if (missing.isEmpty() && twice.isEmpty()) return null;
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) problems.add("缺少必需的列 (missing required columns): " + String.join("、", missing));
        if (!twice.isEmpty()) problems.add("列名重复 (a column given twice): " + String.join("、", twice) + " (columns given twice in line 1)");
        return String.join("；", problems) + "；表头为 (header is): " + String.join(",", header);
    }

    /** A library's message; POI's zip-bomb warning (in a cause, and long) as what it means to a clerk. */
    private static String messageOf(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains("Zip bomb")) {
                return "压缩比异常，疑似压缩炸弹 (the workbook inflates beyond the safe limit, at most " + (int) (1 / XlsxRowCursor.MIN_INFLATE_RATIO)
                        + " times and " + (XlsxRowCursor.MAX_ENTRY_BYTES >> 30) + " GiB per part: a zip bomb or a damaged file; "
                        + "the agency must export it again)";
            }
        }
        return m.length() > 1000 ? m.substring(0, 999) + "…" : m;
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
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
