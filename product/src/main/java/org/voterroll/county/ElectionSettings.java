package org.voterroll.county;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** election.yml of RULES.md. */
public record ElectionSettings(String countyCode, String countyName, LocalDate electionDay, int inMigrantMonths,
                               LocalDate previousElectionDay) {

    /** The settings of RULES.md; any other key is a typo that would otherwise leave a default silently in force. */
    static final List<String> KEYS = List.of("county-code", "county-name", "election-day", "in-migrant-months", "previous-election-day");

    public static ElectionSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CountyConfigException("找不到选举设置文件 (missing election settings): " + file
                    + " — the county directory must hold election.yml");
        }
        Map<String, Object> y;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // dates are read as text: SnakeYAML would turn 2026-12-15 into a java.util.Date in the local zone
            // a key twice is refused: SnakeYAML would silently take the second election-day
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object parsed = new Yaml(new SafeConstructor(options) {
                { this.yamlConstructors.put(org.yaml.snakeyaml.nodes.Tag.TIMESTAMP, yamlConstructors.get(org.yaml.snakeyaml.nodes.Tag.STR)); }
            }).load(r);
            if (parsed == null) {
                throw new CountyConfigException(file + ": 文件为空，没有任何设置 (the file is empty: no settings — the copy or the editor failed?)");
            }
            if (!(parsed instanceof Map<?, ?> m)) throw new CountyConfigException(file + ": not a YAML mapping of settings");
            @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
            y = map;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CountyConfigException c) throw c;
            if (e instanceof org.yaml.snakeyaml.constructor.DuplicateKeyException d) {
                throw new CountyConfigException(file + ": 设置重复 (a setting given twice) at line " + (d.getProblemMark().getLine() + 1)
                        + ": " + d.getProblem() + " — keep one of them");
            }
            if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                // the line first, in Chinese, and the one mistake YAML's own words hide: a tab where spaces must be
                String tab = String.valueOf(m.getProblem()).contains("\\t(TAB)")
                        ? "含制表符 (a Tab)，YAML 只允许用空格 (YAML allows spaces only: replace the Tab with a space)；" : "";
                throw new CountyConfigException(file + ": 无法解析 (cannot parse YAML): 第 " + (m.getProblemMark().getLine() + 1) + " 行第 "
                        + (m.getProblemMark().getColumn() + 1) + " 列 (line " + (m.getProblemMark().getLine() + 1) + ", column "
                        + (m.getProblemMark().getColumn() + 1) + ")：" + tab + m.getProblem());
            }
            throw new CountyConfigException(file + ": 无法解析 (cannot parse YAML): " + e.getMessage());
        }
        // every problem of the file at once: an operator fixing them one run at a time loses the night
        List<String> problems = new java.util.ArrayList<>();
        for (Object key : y.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                problems.add(file + ": unknown setting '" + key + "' — the settings are " + String.join(", ", KEYS));
            }
        }
        String code = text(y, "county-code", file, problems);
        if (code != null && !code.matches("\\d{6}")) problems.add(file + ": county-code must be the 6-digit GB/T 2260 code, got '" + code + "'");
        String name = text(y, "county-name", file, problems);
        LocalDate e = date(y, "election-day", file, true, problems);
        LocalDate prev = date(y, "previous-election-day", file, false, problems);
        if (prev != null && e != null && !prev.isBefore(e)) {
            problems.add(file + ": previous-election-day " + prev + " must be before election-day " + e);
        }
        int months = 12;
        Object m = y.get("in-migrant-months");
        if (m != null) {
            try {
                months = Integer.parseInt(m.toString().strip());
                if (months < 0 || months > 600) problems.add(file + ": in-migrant-months out of range (0..600): " + months);
            } catch (NumberFormatException ex) {
                problems.add(file + ": in-migrant-months must be a whole number of months, got '" + m + "'");
            }
        }
        if (problems.size() == 1) throw new CountyConfigException(problems.get(0));
        if (!problems.isEmpty()) {
            throw new CountyConfigException("选举设置文件有 " + problems.size() + " 处错误 (" + problems.size() + " problems in election.yml):\n  "
                    + String.join("\n  ", problems));
        }
        return new ElectionSettings(code, name, e, months, prev);
    }

    private static String text(Map<String, Object> y, String key, Path file, List<String> problems) {
        Object v = y.get(key);
        if (v == null || v.toString().isBlank()) {
            problems.add(file + ": missing setting '" + key + "'");
            return null;
        }
        return v.toString().strip();
    }

    private static LocalDate date(Map<String, Object> y, String key, Path file, boolean required, List<String> problems) {
        Object v = y.get(key);
        if (v == null || v.toString().isBlank()) {
            if (required) problems.add(file + ": missing setting '" + key + "' (a date like 2026-12-15)");
            return null;
        }
        try {
            return LocalDate.parse(v.toString().strip());
        } catch (DateTimeParseException ex) {
            problems.add(file + ": '" + key + "' must be a date like 2026-12-15, got '" + v + "'");
            return null;
        }
    }
}
