package org.voterroll.county;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.voterroll.ingest.RowCursor;
import org.voterroll.ingest.TextEncoding;

/** xuanqu.csv of RULES.md: the electoral districts, the villages they cover and the work units they hold. */
public record Districts(List<District> districts, Map<String, String> districtOfArea, Map<String, String> districtOfUnit) {

    public record District(String code, String name, String township, String kind) {
        public boolean isUnit() { return "单位".equals(kind); }
    }

    private static final List<String> HEADERS = List.of("选区编码", "选区名称", "乡镇代码", "类型", "覆盖区划代码", "单位统一社会信用代码");

    /** Every problem of the file's rows is listed at once (file, line, what is wrong, what to do), not only the first. */
    public static Districts load(Path file, String countyCode) {
        if (!Files.isRegularFile(file)) {
            throw new CountyConfigException("找不到选区文件 (missing district file): " + file + " — the county directory must hold xuanqu.csv");
        }
        try {
            if (Files.size(file) == 0) {
                throw new CountyConfigException(file + ": 文件为空，0 字节 (the file has 0 bytes: the copy or the export failed); "
                        + "restore xuanqu.csv with its header 选区编码,选区名称,乡镇代码,类型,覆盖区划代码,单位统一社会信用代码");
            }
        } catch (IOException e) {
            throw new CountyConfigException(file + ": cannot read: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<District> list = new ArrayList<>();
        Map<String, String> areas = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        Map<String, District> byCode = new LinkedHashMap<>();
        try (RowCursor cursor = RowCursor.open(file, TextEncoding.detect(file))) {
            List<String> header = cursor.header();
            int[] col = new int[HEADERS.size()];
            for (int i = 0; i < HEADERS.size(); i++) {
                col[i] = header.indexOf(HEADERS.get(i));
                if (col[i] < 0 && i < 4) throw new CountyConfigException(file + ": missing column " + HEADERS.get(i) + " (header is " + header + ")");
            }
            RowCursor.Row row;
            while ((row = cursor.next()) != null) {
                String where = file.getFileName() + " line " + row.lineNo();
                String code = cell(row, col[0]);
                String name = cell(row, col[1]);
                String township = cell(row, col[2]);
                String kind = cell(row, col[3]);
                if (code.isEmpty()) {
                    problems.add(where + ": 选区编码 is empty");
                    continue;
                }
                if (byCode.containsKey(code)) {
                    problems.add(where + ": 选区编码 " + code + " appears twice — give each district its own code");
                    continue;
                }
                if (!township.matches("\\d{9}") || !township.startsWith(countyCode)) {
                    problems.add(where + ": 乡镇代码 must be a 9-digit township code of county " + countyCode + ", got '" + township + "'");
                }
                if (!kind.equals("居住") && !kind.equals("单位")) {
                    problems.add(where + ": 类型 must be 居住 or 单位, got '" + kind + "'");
                    continue;
                }
                District d = new District(code, name.isEmpty() ? code : name, township, kind);
                byCode.put(code, d);
                list.add(d);
                if (kind.equals("居住")) {
                    List<String> covered = split(cell(row, col[4]));
                    if (covered.isEmpty()) {
                        problems.add(where + ": 居住 district " + code + " covers no village (覆盖区划代码 is empty) — list the 12-digit codes "
                                + "of its villages, or remove the district");
                    }
                    for (String a : covered) {
                        if (!a.matches("\\d{12}") || !a.startsWith(countyCode)) {
                            problems.add(where + ": 覆盖区划代码 '" + a + "' is not a 12-digit village code of county " + countyCode);
                            continue;
                        }
                        if (!a.startsWith(township)) {
                            problems.add(where + ": village " + a + " is not in the district's township " + township
                                    + " — a district covers villages of its own township only; fix the code or the 乡镇代码");
                        }
                        String other = areas.putIfAbsent(a, code);
                        if (other != null) {
                            problems.add(where + ": 区划代码 " + a + " is covered by two districts, " + other + " and " + code
                                    + " — each code belongs to at most one district (RULES.md)");
                        }
                    }
                } else {
                    List<String> codes = col[5] < 0 ? List.of() : split(cell(row, col[5]));
                    if (codes.isEmpty()) problems.add(where + ": 单位 district " + code + " lists no 单位统一社会信用代码 — list its work units' credit codes");
                    for (String u : codes) {
                        String other = units.putIfAbsent(u.toUpperCase(java.util.Locale.ROOT), code);
                        if (other != null) problems.add(where + ": credit code " + u + " belongs to two districts, " + other + " and " + code);
                    }
                }
            }
        } catch (IOException e) {
            throw new CountyConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (list.isEmpty() && problems.isEmpty()) problems.add(file + ": no districts");
        if (!problems.isEmpty()) {
            throw new CountyConfigException(problems.size() == 1 ? problems.get(0)
                    : "选区文件有 " + problems.size() + " 处错误 (" + problems.size() + " problems in xuanqu.csv):\n  " + String.join("\n  ", problems));
        }
        return new Districts(List.copyOf(list), Map.copyOf(areas), Map.copyOf(units));
    }

    private static String cell(RowCursor.Row row, int col) {
        if (col < 0 || col >= row.cells().length) return "";
        return row.cells()[col].replace('\u3000', ' ').strip();
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split("[;；]")) {
            String t = p.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
