package org.voterroll.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.voterroll.ingest.RowCursor;
import org.voterroll.ingest.TextEncoding;

/**
 * Holds a run's output directory against a generated county's ground truth (truth/persons.csv,
 * truth/removed.csv): 错 (listed but should not be, or in the wrong district or basis), 漏 (should be
 * listed, is not), 重 (one person on more lines than they should be), required exceptions that are
 * missing, and the books. Cases the truth marks review=是 are left to the townships and only their
 * exceptions are checked.
 */
public final class TruthCheck {

    /**
     * @param nameVariants people listed where they belong, under their number, but with another agency's homophone
     *                     spelling of their name: not 漏, still a line to correct
     */
    public record Result(int truthPersons, int shouldList, int listedLines, List<String> wrong, List<String> missing,
                         List<String> duplicated, List<String> missingExceptions, List<String> bookErrors, int reviewCases,
                         int exceptionsRaised, List<String> nameVariants) {
        public boolean clean() {
            return wrong.isEmpty() && missing.isEmpty() && duplicated.isEmpty() && missingExceptions.isEmpty() && bookErrors.isEmpty()
                    && nameVariants.isEmpty();
        }

        public String summary() {
            return String.format("truth persons %d, should be listed %d, roll lines %d | 错 %d, 漏 %d, 重 %d, missing exceptions %d, book errors %d"
                            + ", name variants %d | review cases %d, exceptions raised %d",
                    truthPersons, shouldList, listedLines, wrong.size(), missing.size(), duplicated.size(), missingExceptions.size(),
                    bookErrors.size(), nameVariants.size(), reviewCases, exceptionsRaised);
        }
    }

    private record Line(String district, String number, String name, String basis, String change) {}

    public static Result check(Path truthDir, Path runDir) throws IOException {
        List<String[]> truth = read(truthDir.resolve("persons.csv"));
        Map<String, List<Line>> rollByNumber = new HashMap<>();
        int lines = 0;
        for (Path f : list(runDir.resolve("rolls"))) {
            for (String[] r : read(f)) {
                rollByNumber.computeIfAbsent(r[6], k -> new ArrayList<>()).add(new Line(r[0], r[6], r[3], r[9], r[10]));
                lines++;
            }
        }
        Map<String, List<String[]>> exceptionsByNumber = new HashMap<>();
        Map<String, List<String[]>> exceptionsByName = new HashMap<>();
        List<String[]> exceptions = read(runDir.resolve("exceptions.csv"));
        for (String[] e : exceptions) {
            for (String n : e[5].split(";")) exceptionsByNumber.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
            for (String n : e[6].split(";")) exceptionsByName.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
        }
        Map<String, Map<String, String>> added = new HashMap<>();
        Map<String, String> away = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (Path f : list(runDir.resolve("books"))) {
            String name = f.getFileName().toString();
            for (String[] r : read(f)) {
                if (name.endsWith("_新增.csv")) added.computeIfAbsent(r[4], k -> new HashMap<>()).put(r[0], r[5]);
                else if (name.endsWith("_除名.csv")) removed.add(r[0] + "|" + r[4] + "|" + r[5]);
                else if (name.endsWith("_外出.csv")) away.put(r[4], r[5]);
            }
        }
        Set<String> inMigrants = new HashSet<>();
        Path inm = runDir.resolve("books/流入人员.csv");
        if (Files.exists(inm)) for (String[] r : read(inm)) inMigrants.add(r[3]);

        List<String> wrong = new ArrayList<>(), missing = new ArrayList<>(), dup = new ArrayList<>(), missingExc = new ArrayList<>(),
                books = new ArrayList<>(), variants = new ArrayList<>();
        int shouldList = 0, review = 0;
        Map<String, Integer> expectedLines = new HashMap<>();
        Set<String> truthNumbers = new HashSet<>();
        for (String[] t : truth) {
            String number = t[0], name = t[1];
            truthNumbers.add(number);
            boolean isReview = "是".equals(t[13]);
            for (String code : t[12].split(";")) {
                if (code.isBlank()) continue;
                List<String[]> es = "ID_INVALID".equals(code) ? exceptionsByName.getOrDefault(name, List.of())
                        : exceptionsByNumber.getOrDefault(number, List.of());
                if (es.stream().noneMatch(e -> e[1].equals(code))) missingExc.add(code + " " + mask(number) + " " + name);
            }
            if (isReview) {
                review++;
                continue;
            }
            List<Line> onRoll = rollByNumber.getOrDefault(number, List.of()).stream().filter(l -> sameName(l.name(), name)).toList();
            if ("是".equals(t[4])) {
                shouldList++;
                expectedLines.merge(number, 1, Integer::sum);
                List<Line> variant = onRoll.isEmpty() ? rollByNumber.getOrDefault(number, List.of()).stream()
                        .filter(l -> l.district().equals(t[5]) && org.voterroll.identity.match.ChineseNames.compare(l.name(), name)
                                == org.voterroll.identity.match.NameAgreement.HOMOPHONE).toList() : List.of();
                if (variant.size() == 1) variants.add(mask(number) + " " + name + " listed in " + t[5] + " as " + variant.get(0).name());
                else if (onRoll.isEmpty()) missing.add(mask(number) + " " + name + " should be in " + t[5] + " (" + t[6] + ")");
                else if (onRoll.size() > 1) dup.add(mask(number) + " " + name + " on " + onRoll.size() + " lines");
                else if (!onRoll.get(0).district().equals(t[5]) || !onRoll.get(0).basis().equals(t[6])) {
                    wrong.add(mask(number) + " " + name + " in " + onRoll.get(0).district() + "/" + onRoll.get(0).basis() + ", truth " + t[5] + "/" + t[6]);
                } else {
                    String got = added.getOrDefault(number, Map.of()).get(t[5]);
                    if (!t[8].equals(got == null ? "" : got)) books.add("新增 " + mask(number) + " " + name + ": " + got + ", truth " + t[8]);
                    boolean isAway = away.containsKey(number);
                    if (isAway != "是".equals(t[9])) books.add("外出 " + mask(number) + " " + name + ": " + isAway + ", truth " + t[9]);
                }
            } else {
                if (!onRoll.isEmpty()) wrong.add(mask(number) + " " + name + " listed in " + onRoll.get(0).district() + ", truth not listed: " + t[7]);
                if ("是".equals(t[10]) != inMigrants.contains(number)) books.add("流入 " + mask(number) + " " + name + ": truth " + t[10]);
            }
        }
        for (var e : rollByNumber.entrySet()) {
            if (!truthNumbers.contains(e.getKey())) wrong.add(mask(e.getKey()) + " listed but unknown to the truth");
        }
        for (String[] r : read(truthDir.resolve("removed.csv"))) {
            if (!removed.contains(r[0] + "|" + r[1] + "|" + r[3])) books.add("除名 " + r[0] + " " + mask(r[1]) + " " + r[2] + " " + r[3] + " missing");
        }
        return new Result(truth.size(), shouldList, lines, wrong, missing, dup, missingExc, books, review, exceptions.size(), variants);
    }

    /** The roll can only spell a rare character as the sources did: '*' or '?' stands for it. */
    private static boolean sameName(String onRoll, String truth) {
        if (onRoll.equals(truth)) return true;
        return org.voterroll.identity.match.ChineseNames.compare(onRoll, truth) == org.voterroll.identity.match.NameAgreement.WILDCARD;
    }

    static String mask(String n) {
        return n.length() >= 10 ? n.substring(0, 6) + "********" + n.substring(n.length() - 4) : n;
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** the data rows of a CSV or XLSX file, each as wide as its header at least */
    static List<String[]> read(Path f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (RowCursor c = RowCursor.open(f, TextEncoding.detect(f))) {
            int width = c.header().size();
            RowCursor.Row r;
            while ((r = c.next()) != null) {
                String[] v = java.util.Arrays.copyOf(r.cells(), Math.max(width, r.cells().length));
                for (int i = 0; i < v.length; i++) if (v[i] == null) v[i] = "";
                rows.add(v);
            }
        }
        return rows;
    }
}
