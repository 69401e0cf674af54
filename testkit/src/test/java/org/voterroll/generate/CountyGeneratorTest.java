package org.voterroll.generate;

import com.ibm.icu.text.Transliterator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voterroll.identity.match.ChineseNames;
import org.voterroll.identity.match.NameAgreement;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ~3 000-person county: every designed scenario is there, the files read back, and truth agrees with the files. */
class CountyGeneratorTest {
    static final Charset GB = Charset.forName("GB18030");
    static final Charset UTF8 = StandardCharsets.UTF_8;

    /** the headers of SOURCES.md, typed here independently of the generator */
    static final Map<String, List<String>> SOURCES = Map.of(
        "huji", List.of("公民身份号码", "姓名", "曾用名", "性别", "民族", "出生日期", "户号", "与户主关系", "户籍地址", "户籍地区划代码", "人员状态",
            "状态变动日期", "迁往地区划代码"),
        "liudong", List.of("公民身份号码", "姓名", "性别", "出生日期", "户籍地区划代码", "居住地址", "居住地区划代码", "登记日期", "注销日期", "居住事由"),
        "shebao", List.of("社会保障号码", "姓名", "性别", "出生日期", "参保单位名称", "统一社会信用代码", "参保状态", "终止原因", "终止日期"),
        "tongji", List.of("住户编码", "调查地址", "调查地区划代码", "姓名", "性别", "出生年月", "公民身份号码", "户口登记地", "居住状态", "外出去向"),
        "chaiqian", List.of("项目名称", "被征收户编号", "姓名", "公民身份号码", "与户主关系", "原房屋地址", "原区划代码", "安置方式", "安置地址", "安置区划代码",
            "交房日期", "拆除日期"),
        "minzheng", List.of("公民身份号码", "姓名", "性别", "死亡日期", "火化日期"),
        "xuanwei", List.of("公民身份号码", "姓名", "类型", "起始日期", "终止日期", "决定机关", "文号"),
        "waidi", List.of("公民身份号码", "姓名", "类型", "对方区划代码", "对方选举委员会", "日期"));

    static Path dir;
    static GenerationResult result;
    static TestFiles.Table truth;
    static TestFiles.Table removed;
    static TestFiles.Table huji;
    static Map<String, TestFiles.Table> csv = new HashMap<>();
    static Map<String, String> villageToDistrict = new HashMap<>();
    static Set<String> unitCredits = new HashSet<>();
    static String summary;

    @BeforeAll
    static void generate() throws IOException {
        dir = Files.createTempDirectory("county-a");
        result = CountyGenerator.generate(new GeneratorOptions(3000, 42, 0, dir));
        truth = TestFiles.csv(dir.resolve("truth/persons.csv"), UTF8);
        removed = TestFiles.csv(dir.resolve("truth/removed.csv"), UTF8);
        huji = TestFiles.csv(dir.resolve("inbox/huji_20261201.csv"), GB);
        for (String f : List.of("liudong_20261201.csv", "tongji_20261201_part1.csv", "tongji_20261201_part2.csv",
                "minzheng_20261201.csv", "xuanwei_20261201.csv", "waidi_20261201.csv")) {
            csv.put(f.substring(0, f.indexOf('_')) + (f.contains("part2") ? "2" : ""), TestFiles.csv(dir.resolve("inbox").resolve(f), UTF8));
        }
        for (Map<String, String> d : TestFiles.csv(dir.resolve("county/xuanqu.csv"), UTF8).rows()) {
            for (String v : d.get("覆盖区划代码").split(";")) {
                if (!v.isEmpty()) {
                    assertThat(villageToDistrict.put(v, d.get("选区编码"))).as("a village in two districts: " + v).isNull();
                }
            }
            for (String c : d.get("单位统一社会信用代码").split(";")) {
                if (!c.isEmpty()) {
                    unitCredits.add(c);
                }
            }
        }
        summary = Files.readString(dir.resolve("truth/summary.json"));
    }

    static List<Map<String, String>> tongji() {
        List<Map<String, String>> all = new ArrayList<>(csv.get("tongji").rows());
        all.addAll(csv.get("tongji2").rows());
        return all;
    }

    static long summaryNumber(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (\\d+)").matcher(summary);
        assertThat(m.find()).as("summary has " + key).isTrue();
        return Long.parseLong(m.group(1));
    }

    static Map<String, List<Map<String, String>>> byId(List<Map<String, String>> rows, String col) {
        Map<String, List<Map<String, String>>> m = new HashMap<>();
        for (Map<String, String> r : rows) {
            m.computeIfAbsent(TestFiles.normId(r.get(col)), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    static List<Map<String, String>> truthWith(String col, String value) {
        return truth.rows().stream().filter(r -> r.get(col).equals(value)).toList();
    }

    static List<Map<String, String>> truthWithException(String code) {
        return truth.rows().stream().filter(r -> Arrays.asList(r.get("应有例外").split(";")).contains(code)).toList();
    }

    @Test
    void lookAlikeStrangersShareANameSexAndBirthDateUnderNumbersOfTheirOwn() {
        Matcher designed = Pattern.compile("\"scenario\\.同名同生日_strangers\": (\\d+)").matcher(summary);
        assertThat(designed.find()).as("look-alike strangers in summary.json").isTrue();
        int strangers = Integer.parseInt(designed.group(1));
        assertThat(strangers).isGreaterThanOrEqualTo(2);
        // every pair of one birth date and sex under two numbers with names alike, but the designed 一人多户 (both review)
        int pairs = 0, asked = 0;
        for (List<Map<String, String>> block : truth.rows().stream()
                .collect(Collectors.groupingBy(r -> r.get("出生日期") + r.get("性别"))).values()) {
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    Map<String, String> a = block.get(i), b = block.get(j);
                    if (a.get("公民身份号码").equals(b.get("公民身份号码")) || "是".equals(a.get("review")) && "是".equals(b.get("review"))) continue;
                    NameAgreement n = ChineseNames.compare(a.get("姓名"), b.get("姓名"));
                    if (n != NameAgreement.EXACT && n != NameAgreement.HOMOPHONE) continue;
                    pairs++;
                    if (Stream.of(a, b).anyMatch(r -> "否".equals(r.get("review")) && r.get("应有例外").contains("PERSON_MULTI_RECORD"))) asked++;
                }
            }
        }
        assertThat(pairs).as("pairs of strangers alike").isGreaterThanOrEqualTo(strangers);
        // RULES.md: one name, sex and birth date under two numbers at two addresses, nothing else in common: two people, no item
        assertThat(asked).as("strangers alike asked about as possible 一人多户").isZero();
    }

    // ------------------------------------------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Path again = Files.createTempDirectory("county-b");
        CountyGenerator.generate(new GeneratorOptions(3000, 42, 0, again));
        List<Path> a = files(dir);
        List<Path> b = files(again);
        assertThat(b.stream().map(p -> again.relativize(p).toString()).toList())
                .isEqualTo(a.stream().map(p -> dir.relativize(p).toString()).toList());
        for (Path p : a) {
            assertThat(Files.readAllBytes(again.resolve(dir.relativize(p).toString()))).as(p.toString())
                    .isEqualTo(Files.readAllBytes(p));
        }
        Path other = Files.createTempDirectory("county-c");
        CountyGenerator.generate(new GeneratorOptions(3000, 43, 0, other));
        assertThat(Files.readAllBytes(other.resolve("inbox/huji_20261201.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("inbox/huji_20261201.csv")));
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ layout and reading back

    @Test
    void layoutAndResult() throws IOException {
        for (String f : List.of("county/election.yml", "county/xuanqu.csv", "inbox/huji_20261201.csv", "inbox/liudong_20261201.csv",
                "inbox/shebao_20261201.xlsx", "inbox/tongji_20261201_part1.csv", "inbox/tongji_20261201_part2.csv",
                "inbox/chaiqian_20261201.xlsx", "inbox/minzheng_20261201.csv", "inbox/xuanwei_20261201.csv",
                "inbox/waidi_20261201.csv", "truth/persons.csv", "truth/removed.csv", "truth/summary.json")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        String yml = Files.readString(dir.resolve("county/election.yml"));
        assertThat(yml).contains("county-code: \"349901\"", "county-name: 样例县", "election-day: 2026-12-15",
                "in-migrant-months: 12", "previous-election-day: 2021-11-15");
        Map<String, Object> y = new org.yaml.snakeyaml.Yaml().load(yml);
        assertThat(y.get("county-code")).isEqualTo("349901");
        assertThat(result.persons()).isEqualTo(summaryNumber("persons"));
        assertThat(summaryNumber("countyPersons")).isEqualTo(3000);
        assertThat(result.rowsPerSource()).containsOnlyKeys("huji", "liudong", "shebao", "tongji", "chaiqian", "minzheng", "xuanwei", "waidi");
        assertThat(truth.rows()).hasSize((int) summaryNumber("truthRows"));
        assertThat(truth.header()).containsExactly("公民身份号码", "姓名", "性别", "出生日期", "应列入", "选区编码", "登记依据", "不列入原因",
                "新增原因", "外出", "流入人员册", "居住月数", "应有例外", "review");
        assertThat(removed.header()).containsExactly("选区编码", "公民身份号码", "姓名", "原因");
        // townships 9 digits, villages 12, districts of RULES.md
        TestFiles.Table xq = TestFiles.csv(dir.resolve("county/xuanqu.csv"), UTF8);
        assertThat(xq.header()).containsExactly("选区编码", "选区名称", "乡镇代码", "类型", "覆盖区划代码", "单位统一社会信用代码");
        for (Map<String, String> d : xq.rows()) {
            assertThat(d.get("乡镇代码")).matches("3499011\\d\\d");
            assertThat(d.get("选区编码")).startsWith(d.get("乡镇代码") + "-");
            if (d.get("类型").equals("居住")) {
                assertThat(d.get("覆盖区划代码").split(";")).hasSizeBetween(1, 3).allMatch(v -> v.matches("3499011\\d{5}"));
            } else {
                assertThat(d.get("类型")).isEqualTo("单位");
                assertThat(d.get("单位统一社会信用代码")).matches("[0-9A-Z]{18}(;[0-9A-Z]{18})*");
            }
        }
        assertThat(villageToDistrict).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void csvSourcesParseWithTheHeadersOfSources() throws IOException {
        Map<String, String> files = new TreeMap<>(Map.of("huji_20261201.csv", "huji", "liudong_20261201.csv", "liudong",
                "tongji_20261201_part1.csv", "tongji", "tongji_20261201_part2.csv", "tongji", "minzheng_20261201.csv", "minzheng",
                "xuanwei_20261201.csv", "xuanwei", "waidi_20261201.csv", "waidi"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve("inbox").resolve(f.getKey());
            TestFiles.Table t = TestFiles.csv(p, f.getValue().equals("huji") ? GB : UTF8);
            assertThat(t.header()).as(f.getKey()).containsExactlyInAnyOrderElementsOf(SOURCES.get(f.getValue()));
            assertThat((long) t.rows().size()).as(f.getKey()).isEqualTo(summaryNumber(f.getKey()));
        }
        // liudong arrives in another column order; some headers carry spaces; BOMs on some files
        assertThat(TestFiles.csv(dir.resolve("inbox/liudong_20261201.csv"), UTF8).header().get(0)).isEqualTo("姓名");
        assertThat(Files.readString(dir.resolve("inbox/waidi_20261201.csv"))).startsWith(" 公民身份号码 ,");
        assertThat(Files.readAllBytes(dir.resolve("inbox/xuanwei_20261201.csv"))).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readAllBytes(dir.resolve("inbox/minzheng_20261201.csv"))[0]).isNotEqualTo((byte) 0xEF);
    }

    @Test
    void hujiIsGb18030() throws IOException {
        Path p = dir.resolve("inbox/huji_20261201.csv");
        assertThatThrownBy(() -> TestFiles.decode(p, UTF8)).isInstanceOf(CharacterCodingException.class);
        String text = TestFiles.decode(p, GB);
        assertThat(text).startsWith("公民身份号码,姓名,曾用名").contains("\r\n");
        // every county person of truth has a huji row (18-digit or legacy form), names in reference spelling
        Map<String, List<Map<String, String>>> h = byId(huji.rows(), "公民身份号码");
        for (Map<String, String> t : truth.rows()) {
            boolean county = t.get("公民身份号码").startsWith("349901") && !t.get("不列入原因").equals("ID_INVALID");
            if (county) {
                assertThat(h.get(t.get("公民身份号码"))).as(t.toString()).isNotNull()
                        .anyMatch(r -> r.get("姓名").strip().equals(t.get("姓名")));
            }
        }
        assertThat(huji.rows()).anyMatch(r -> r.get("姓名").contains("·"));
    }

    @Test
    void xlsxReadBackWithPoi() throws IOException {
        check("shebao_20261201.xlsx", "shebao", "缴费基数");
        check("chaiqian_20261201.xlsx", "chaiqian", "联系电话");
    }

    private void check(String file, String source, String extra) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("inbox").resolve(file)))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            for (Cell c : s.getRow(0)) {
                header.add(c.getStringCellValue().trim());
            }
            assertThat(header).containsAll(SOURCES.get(source)).contains(extra).hasSize(SOURCES.get(source).size() + 1);
            assertThat(header).isNotEqualTo(SOURCES.get(source));
            int rows = 0;
            int dates = 0;
            int textDates = 0;
            for (Row r : s) {
                if (r.getRowNum() == 0 || r.getPhysicalNumberOfCells() == 0) {
                    continue;
                }
                rows++;
                for (Cell c : r) {
                    if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
                        dates++;
                    } else if (c.getCellType() == CellType.STRING && c.getStringCellValue().matches("\\d{4}[-/.年]\\d{1,2}.*")) {
                        textDates++;
                    }
                }
            }
            assertThat((long) rows).isEqualTo(summaryNumber(file));
            assertThat(dates).as("Excel date cells").isPositive();
            assertThat(textDates).as("dates as text").isPositive();
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    @Test
    void truthNumbersAreValidAndConsistent() {
        Map<String, List<Map<String, String>>> ids = byId(truth.rows(), "公民身份号码");
        for (Map<String, String> t : truth.rows()) {
            String id = t.get("公民身份号码");
            assertThat(Ids.valid18(id)).as(id).isTrue();
            assertThat(Ids.birth(id).toString()).isEqualTo(t.get("出生日期"));
            assertThat(Ids.male(id) ? "男" : "女").isEqualTo(t.get("性别"));
            boolean inMigrant = t.get("登记依据").equals("资格证明") || t.get("不列入原因").equals("NOT_CONSIDERED");
            assertThat(id.startsWith("349901")).as(t.toString()).isEqualTo(!inMigrant);
            List<Map<String, String>> same = ids.get(id);
            if (same.size() > 1) {
                // only the designed 重号: different people, different names, ID_SHARED on both
                assertThat(same).hasSize(2).allMatch(r -> r.get("应有例外").contains("ID_SHARED"));
                assertThat(same.get(0).get("姓名")).isNotEqualTo(same.get(1).get("姓名"));
            } else {
                assertThat(t.get("应有例外")).doesNotContain("ID_SHARED");
            }
        }
        // every identity number in every source is either a person's, a designed mistake, or junk
        for (Map<String, String> r : huji.rows()) {
            String n = TestFiles.normId(r.get("公民身份号码"));
            assertThat(n.length() == 18 || r.get("姓名") == null || r.get("姓名").isBlank() || r.size() < 13).as(r.toString()).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    @Test
    void everyScenarioIsPresent() {
        Map<String, Long> reasons = truth.rows().stream().collect(Collectors.groupingBy(r -> r.get("不列入原因"), Collectors.counting()));
        for (String code : List.of("UNDER_18", "DECEASED", "MOVED_OUT", "MILITARY", "EMIGRATED", "CANCELLED", "DEPRIVED", "SUSPENDED",
                "UNABLE", "REGISTERED_ELSEWHERE", "NO_DISTRICT", "ID_INVALID", "NOT_CONSIDERED")) {
            assertThat(reasons.getOrDefault(code, 0L)).as(code).isGreaterThanOrEqualTo(2);
        }
        Map<String, Long> basis = truth.rows().stream().collect(Collectors.groupingBy(r -> r.get("登记依据"), Collectors.counting()));
        for (String b : List.of("户籍地", "居住地", "安置地", "工作单位", "资格证明")) {
            assertThat(basis.getOrDefault(b, 0L)).as(b).isGreaterThanOrEqualTo(3);
        }
        Map<String, Long> added = truth.rows().stream().collect(Collectors.groupingBy(r -> r.get("新增原因"), Collectors.counting()));
        for (String a : List.of("新满十八周岁", "恢复政治权利", "迁入", "补登")) {
            assertThat(added.getOrDefault(a, 0L)).as(a).isGreaterThanOrEqualTo(2);
        }
        // no PERSON_MULTI_RECORD: the generator's 一人多户 are either certain (legacy, typo: merged) or share nothing but
        // name, sex and birth (case c), which RULES.md asks nothing about
        assertThat(truthWithException("PERSON_MULTI_RECORD")).isEmpty();
        for (String e : List.of("ID_INVALID", "ID_SHARED", "MATCH_REVIEW", "DEATH_REVIEW", "DEATH_CONFLICT",
                "RESIDENCE_CONFLICT", "NO_DISTRICT", "INMIGRANT_ELIGIBLE")) {
            assertThat(truthWithException(e)).as(e).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(truthWith("外出", "是")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(truthWith("流入人员册", "是")).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(r -> r.get("居住月数").matches("\\d+") && r.get("应列入").equals("否"));
        assertThat(truthWith("流入人员册", "否")).allMatch(r -> r.get("居住月数").isEmpty());
        assertThat(truth.rows()).allMatch(r -> r.get("应有例外").contains("INMIGRANT_ELIGIBLE")
                == (r.get("流入人员册").equals("是") && Integer.parseInt(r.get("居住月数")) >= 12));
        // review rows: unusable police numbers (ID_INVALID) and the undecided 一人多户 pairs (below)
        assertThat(truthWith("review", "是")).hasSizeGreaterThanOrEqualTo(6);
        // listed ⇔ district and basis; not listed ⇔ a reason
        for (Map<String, String> t : truth.rows()) {
            boolean listed = t.get("应列入").equals("是");
            assertThat(t.get("选区编码").isEmpty()).as(t.toString()).isEqualTo(!listed);
            assertThat(t.get("登记依据").isEmpty()).isEqualTo(!listed);
            assertThat(t.get("不列入原因").isEmpty()).isEqualTo(listed);
            if (!listed) {
                assertThat(t.get("新增原因")).isEmpty();
                assertThat(t.get("外出")).isEqualTo("否");
            }
        }
        // the 18th-birthday boundary and 29 February
        assertThat(truthWith("出生日期", "2008-12-15")).isNotEmpty().noneMatch(r -> r.get("不列入原因").equals("UNDER_18"));
        assertThat(truthWith("出生日期", "2008-12-16")).isNotEmpty().allMatch(r -> r.get("不列入原因").equals("UNDER_18"));
        assertThat(truthWith("出生日期", "2008-02-29")).isNotEmpty().noneMatch(r -> r.get("不列入原因").equals("UNDER_18"));
        assertThat(truth.rows()).filteredOn(r -> r.get("出生日期").endsWith("-02-29")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(truthWith("出生日期", "2003-11-16")).isNotEmpty()
                .allMatch(r -> !r.get("应列入").equals("是") || r.get("新增原因").equals("新满十八周岁"));
        assertThat(truthWith("出生日期", "2003-11-15")).isNotEmpty().noneMatch(r -> r.get("新增原因").equals("新满十八周岁"));
        // the in-migrant book boundary: 2025-12-15 → 12 months, 2025-12-16 → 11
        assertThat(truthWith("居住月数", "12")).isNotEmpty();
        assertThat(truthWith("居住月数", "11")).isNotEmpty();
        // junk rows per source
        for (String src : SOURCES.keySet()) {
            long junk = Stream.of(summary.split("\n")).filter(l -> l.contains("\"junk." + src + "."))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).sum();
            assertThat(junk).as("junk rows of " + src).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void hujiMess() {
        Map<String, List<Map<String, String>>> h = byId(huji.rows(), "公民身份号码");
        Set<String> truthIds = truth.rows().stream().map(r -> r.get("公民身份号码")).collect(Collectors.toSet());
        // statuses, with 迁往地区划代码 for 迁出
        Map<String, Long> st = huji.rows().stream().filter(r -> r.get("人员状态") != null)
                .collect(Collectors.groupingBy(r -> r.get("人员状态"), Collectors.counting()));
        assertThat(st).containsKeys("正常", "死亡", "迁出", "服兵役", "出国定居", "注销");
        assertThat(huji.rows()).anyMatch(r -> "迁出".equals(r.get("人员状态")) && r.get("迁往地区划代码").matches("\\d{6}|\\d{12}"));
        // legacy 15-digit numbers: as the only number, and as the second record of the same person (一人多户 a)
        List<Map<String, String>> fifteen = huji.rows().stream()
                .filter(r -> r.get("公民身份号码").replaceAll("[^0-9０-９]", "").length() == 15).toList();
        assertThat(fifteen).hasSizeGreaterThanOrEqualTo(5);
        long legacyTwice = fifteen.stream().filter(r -> h.get(TestFiles.normId(r.get("公民身份号码"))).size() == 2).count();
        assertThat(legacyTwice).isGreaterThanOrEqualTo(3);
        // 一人多户 b: a mistyped second record that repairs to exactly one person's number
        int repaired = 0;
        int invalid = 0;
        for (Map<String, String> r : huji.rows()) {
            String n = TestFiles.normId(r.get("公民身份号码"));
            if (n.length() == 18 && !Ids.valid18(n) && r.get("姓名") != null && !r.get("姓名").isBlank()) {
                List<String> hits = Ids.neighbours(n).stream().filter(truthIds::contains).toList();
                if (hits.size() == 1) {
                    repaired++;
                    assertThat(h.get(hits.get(0)).get(0).get("姓名").strip()).isEqualTo(r.get("姓名").strip());
                } else {
                    assertThat(hits).isEmpty();
                    invalid++;
                }
            }
        }
        assertThat(repaired).isGreaterThanOrEqualTo(3);
        assertThat(invalid).as("ID_INVALID rows").isEqualTo(truthWithException("ID_INVALID").size());
        // formatting mess
        assertThat(huji.rows()).anyMatch(r -> "1".equals(r.get("性别")) || "2".equals(r.get("性别")));
        for (String re : List.of("\\d{8}", "\\d{4}/\\d{1,2}/\\d{1,2}", "\\d{4}\\.\\d{1,2}\\.\\d{1,2}", "\\d{4}年\\d{1,2}月\\d{1,2}日", "\\d{4}-\\d\\d-\\d\\d")) {
            assertThat(huji.rows()).as(re).anyMatch(r -> r.get("出生日期") != null && r.get("出生日期").matches(re));
        }
        assertThat(huji.records()).anyMatch(r -> r.size() > 8 && r.get(8).contains("\n"));
        assertThat(huji.records()).anyMatch(r -> r.size() > 8 && r.get(8).contains(","));
    }

    @Test
    void otherSourcesMess() throws IOException {
        List<Map<String, String>> all = new ArrayList<>();
        csv.values().forEach(t -> all.addAll(t.rows()));
        String raw = Files.readString(dir.resolve("inbox/liudong_20261201.csv")) + Files.readString(dir.resolve("inbox/xuanwei_20261201.csv"))
                + Files.readString(dir.resolve("inbox/waidi_20261201.csv")) + Files.readString(dir.resolve("inbox/minzheng_20261201.csv"))
                + Files.readString(dir.resolve("inbox/tongji_20261201_part1.csv")) + Files.readString(dir.resolve("inbox/tongji_20261201_part2.csv"));
        assertThat(raw).containsPattern("[０-９]{6}").containsPattern("\\d{17}x").containsPattern("\\d{6}[- ]\\d{8}[- ]\\d{4}")
                .contains("\u3000").containsPattern("\n\r?\n");
        Transliterator toHans = Transliterator.getInstance("Hant-Hans");
        assertThat(all).anyMatch(r -> r.get("姓名") != null && !r.get("姓名").equals(toHans.transliterate(r.get("姓名"))));
        assertThat(all).anyMatch(r -> r.get("姓名") != null && r.get("姓名").matches(".*[•.・▪].*"));
        assertThat(all).anyMatch(r -> r.get("姓名") != null && r.get("姓名").matches(".*[*?].*"));
        // tongji: number mostly empty, birth as a month
        List<Map<String, String>> tj = tongji();
        long empty = tj.stream().filter(r -> r.get("公民身份号码") != null && r.get("公民身份号码").isEmpty()).count();
        assertThat(empty).isGreaterThan(tj.size() / 2);
        assertThat(tj).filteredOn(r -> r.get("出生年月") != null).allMatch(r -> r.get("出生年月").matches("\\d{6}|\\d{4}-\\d\\d|\\d{4}年\\d{1,2}月|.*[^0-9].*"));
        assertThat(tj).anyMatch(r -> "外出".equals(r.get("居住状态")) && "本县".equals(r.get("外出去向")));
        assertThat(tj).anyMatch(r -> "外出".equals(r.get("居住状态")) && "境外".equals(r.get("外出去向")));
        // liudong: ended, after E, 6/9-digit registered codes
        List<Map<String, String>> ld = csv.get("liudong").rows();
        assertThat(ld).anyMatch(r -> r.getOrDefault("户籍地区划代码", "").matches("\\d{6}|\\d{9}"));
        assertThat(ld).anyMatch(r -> r.getOrDefault("注销日期", "").length() > 0);
        assertThat(ld).anyMatch(r -> r.getOrDefault("登记日期", "").startsWith("2027"));
        // xuanwei: all four types and a period ending on election day
        Set<String> types = csv.get("xuanwei").rows().stream().map(r -> r.get("类型")).collect(Collectors.toSet());
        assertThat(types).contains("剥夺政治权利", "停止行使选举权利", "不能行使选举权利", "恢复政治权利");
        assertThat(csv.get("xuanwei").rows()).anyMatch(r -> "剥夺政治权利".equals(r.get("类型"))
                && List.of("2026-12-15", "20261215", "2026/12/15", "2026.12.15", "2026年12月15日").contains(r.get("终止日期")));
        // waidi: both types, one notice after E
        assertThat(csv.get("waidi").rows()).anyMatch(r -> "原选区资格证明".equals(r.get("类型")))
                .anyMatch(r -> "已在外地登记".equals(r.get("类型")) && r.get("日期").matches("2027.*|2026\\D?12\\D?(1[6-9]|2\\d|3\\d).*"));
    }

    // ------------------------------------------------------------------------------------------------ truth against the files

    @Test
    void truthAgreesWithTheSourceFiles() throws IOException {
        Map<String, List<Map<String, String>>> h = byId(huji.rows(), "公民身份号码");
        Map<String, List<Map<String, String>>> mz = byId(csv.get("minzheng").rows(), "公民身份号码");
        Map<String, List<Map<String, String>>> xw = byId(csv.get("xuanwei").rows(), "公民身份号码");
        Map<String, List<Map<String, String>>> wd = byId(csv.get("waidi").rows(), "公民身份号码");
        Map<String, List<Map<String, String>>> ld = byId(csv.get("liudong").rows(), "公民身份号码");
        List<Map<String, Object>> sb = new ArrayList<>();
        List<Map<String, Object>> cq = new ArrayList<>();
        readXlsx("shebao_20261201.xlsx", sb);
        readXlsx("chaiqian_20261201.xlsx", cq);
        for (Map<String, String> t : truth.rows()) {
            String id = t.get("公民身份号码");
            String why = t.toString();
            String basis = t.get("登记依据");
            if (basis.equals("户籍地")) {
                assertThat(h.get(id)).as(why).anyMatch(r -> t.get("选区编码").equals(villageToDistrict.get(r.get("户籍地区划代码"))));
            }
            if (basis.equals("居住地")) {
                assertThat(ld.get(id)).as(why).anyMatch(r -> t.get("选区编码").equals(villageToDistrict.get(r.get("居住地区划代码"))));
            }
            if (basis.equals("资格证明")) {
                assertThat(h.get(id)).as(why).isNull();
                assertThat(wd.get(id)).as(why).anyMatch(r -> r.get("类型").equals("原选区资格证明"));
            }
            if (basis.equals("工作单位")) {
                assertThat(sb).as(why).anyMatch(r -> "参保缴费".equals(r.get("参保状态")) && unitCredits.contains(r.get("统一社会信用代码"))
                        && closeTo(TestFiles.normId((String) r.get("社会保障号码")), id));
            }
            if (basis.equals("安置地")) {
                assertThat(cq).as(why).anyMatch(r -> "产权调换".equals(r.get("安置方式")) && (id.equals(TestFiles.normId((String) r.get("公民身份号码")))
                        || r.get("公民身份号码") == null && t.get("姓名").equals(r.get("姓名"))));
            }
            if (t.get("不列入原因").equals("NOT_CONSIDERED")) {
                assertThat(h.get(id)).as(why).isNull();
                assertThat(ld.get(id)).as(why).isNotEmpty();
            }
            if (t.get("应有例外").contains("DEATH_CONFLICT")) {
                assertThat(h.get(id)).as(why).allMatch(r -> r.get("人员状态").equals("正常"));
                boolean mzDeath = mz.containsKey(id);
                boolean sbDeath = sb.stream().anyMatch(r -> "死亡".equals(r.get("终止原因")) && id.equals(TestFiles.normId((String) r.get("社会保障号码"))));
                assertThat(mzDeath || sbDeath).as(why).isTrue();
                assertThat(t.get("不列入原因")).isEqualTo("DECEASED");
            }
            if (t.get("应有例外").contains("DEATH_REVIEW")) {
                assertThat(mz.get(id)).as(why).isNull();
                assertThat(csv.get("minzheng").rows()).as(why).anyMatch(r -> t.get("姓名").equals(r.get("姓名"))
                        && !Ids.valid18(TestFiles.normId(r.get("公民身份号码"))));
                assertThat(t.get("应列入")).isEqualTo("是");
            }
            if (t.get("应有例外").contains("MATCH_REVIEW")) {
                assertThat(basis).isNotEqualTo("工作单位");
                assertThat(sb).as(why).anyMatch(r -> t.get("姓名").equals(r.get("姓名")) && unitCredits.contains(r.get("统一社会信用代码"))
                        && !Ids.valid18(TestFiles.normId((String) r.get("社会保障号码")))
                        && Ids.neighbours(TestFiles.normId((String) r.get("社会保障号码"))).stream().noneMatch(x -> byId(truth.rows(), "公民身份号码").containsKey(x)));
            }
            if (t.get("不列入原因").equals("DEPRIVED")) {
                assertThat(xw.get(id)).as(why).anyMatch(r -> r.get("类型").equals("剥夺政治权利"));
            }
            if (t.get("不列入原因").equals("REGISTERED_ELSEWHERE")) {
                assertThat(wd.get(id)).as(why).anyMatch(r -> r.get("类型").equals("已在外地登记"));
            }
            if (t.get("不列入原因").equals("NO_DISTRICT")) {
                assertThat(h.get(id)).as(why).allMatch(r -> !villageToDistrict.containsKey(r.get("户籍地区划代码")));
            }
            if (t.get("外出").equals("是")) {
                String village = h.get(id).get(0).get("户籍地区划代码");
                String month = t.get("出生日期").substring(0, 7);
                assertThat(tongji()).as(why).anyMatch(r -> "外出".equals(r.get("居住状态")) && List.of("外县", "境外").contains(r.get("外出去向"))
                        && village.equals(r.get("调查地区划代码")) && t.get("性别").equals(sex(r.get("性别")))
                        && month.equals(month(r.get("出生年月"))));
            }
        }
        // undecided 一人多户: the real person and the phantom record, same birth and sex, two valid numbers of that birth
        List<Map<String, String>> multi = truthWith("review", "是").stream().filter(r -> !r.get("应有例外").contains("ID_INVALID")).toList();
        assertThat(multi).isNotEmpty();
        assertThat(multi.size() % 2).isZero();
        for (Map<String, String> a : multi) {
            assertThat(multi).as(a.toString()).anyMatch(b -> b != a && b.get("出生日期").equals(a.get("出生日期")) && b.get("性别").equals(a.get("性别"))
                    && Ids.valid18(b.get("公民身份号码")) && !b.get("公民身份号码").equals(a.get("公民身份号码"))
                    && b.get("公民身份号码").substring(6, 14).equals(a.get("公民身份号码").substring(6, 14)));
        }
    }

    private static boolean closeTo(String n, String id) {
        return n.equals(id) || !Ids.valid18(n) && n.length() == 18 && Ids.neighbours(n).contains(id);
    }

    private static String sex(String s) {
        return "1".equals(s) ? "男" : "2".equals(s) ? "女" : s;
    }

    private static String month(String s) {
        Matcher m = Pattern.compile("(\\d{4})\\D?(\\d{1,2})").matcher(s);
        return m.find() ? m.group(1) + "-" + (m.group(2).length() == 1 ? "0" : "") + m.group(2) : "";
    }

    private void readXlsx(String file, List<Map<String, Object>> out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("inbox").resolve(file)))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            for (Cell c : s.getRow(0)) {
                header.add(c.getStringCellValue().trim());
            }
            for (Row r : s) {
                if (r.getRowNum() == 0) {
                    continue;
                }
                Map<String, Object> m = new HashMap<>();
                for (Cell c : r) {
                    m.put(header.get(c.getColumnIndex()), c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.getNumericCellValue());
                }
                out.add(m);
            }
        }
    }

    @Test
    void previousRollAndRemovedAgreeWithTruth() throws IOException {
        Map<String, Integer> prevLines = new HashMap<>();
        Map<String, Map<String, String>> byId = new HashMap<>();
        truth.rows().forEach(r -> byId.put(r.get("公民身份号码") + "|" + r.get("姓名"), r));
        List<Path> rolls = files(dir.resolve("previous/rolls"));
        assertThat(rolls).hasSize(villageToDistrict.values().stream().collect(Collectors.toSet()).size() + unitDistricts());
        for (Path p : rolls) {
            TestFiles.Table t = TestFiles.csv(p, UTF8);
            assertThat(t.header()).containsExactly("选区编码", "选区名称", "序号", "姓名", "性别", "出生日期", "公民身份号码", "户籍地址", "居住地址", "登记依据", "变动");
            int seq = 0;
            for (Map<String, String> r : t.rows()) {
                assertThat(r.get("序号")).isEqualTo(String.valueOf(++seq));
                assertThat(p.getFileName().toString()).isEqualTo(r.get("选区编码") + ".csv");
                assertThat(Ids.valid18(r.get("公民身份号码"))).isTrue();
                assertThat(byId).containsKey(r.get("公民身份号码") + "|" + r.get("姓名"));
                prevLines.merge(r.get("选区编码") + "|" + r.get("公民身份号码"), 1, Integer::sum);
            }
        }
        assertThat(prevLines.values()).filteredOn(c -> c == 2).hasSizeGreaterThanOrEqualTo(1);
        assertThat(prevLines.values()).allMatch(c -> c <= 2);
        // listed now: kept ⇔ on the previous roll in the same district
        for (Map<String, String> t : truth.rows()) {
            if (t.get("应列入").equals("是")) {
                boolean kept = prevLines.containsKey(t.get("选区编码") + "|" + t.get("公民身份号码"));
                assertThat(kept).as(t.toString()).isEqualTo(t.get("新增原因").isEmpty());
            }
        }
        // every previous line not kept is removed, with a reason of docs/decisions.md; duplicates once as 其他
        Map<String, List<String>> rem = new HashMap<>();
        for (Map<String, String> r : removed.rows()) {
            rem.computeIfAbsent(r.get("选区编码") + "|" + r.get("公民身份号码"), k -> new ArrayList<>()).add(r.get("原因"));
        }
        Set<String> listedIn = truth.rows().stream().filter(r -> r.get("应列入").equals("是"))
                .map(r -> r.get("选区编码") + "|" + r.get("公民身份号码")).collect(Collectors.toSet());
        for (Map.Entry<String, Integer> e : prevLines.entrySet()) {
            int expectRemoved = (listedIn.contains(e.getKey()) ? 0 : 1) + e.getValue() - 1;
            assertThat(rem.getOrDefault(e.getKey(), List.of())).as(e.getKey()).hasSize(expectRemoved);
        }
        assertThat(rem.keySet()).allMatch(prevLines::containsKey);
        Set<String> reasons = removed.rows().stream().map(r -> r.get("原因")).collect(Collectors.toSet());
        assertThat(reasons).containsExactlyInAnyOrder("死亡", "剥夺政治权利", "停止行使选举权利", "不能行使选举权利", "迁出", "外地登记", "其他");
        // removal reasons follow the person's outcome
        Map<String, String> reasonOf = Map.of("DECEASED", "死亡", "DEPRIVED", "剥夺政治权利", "SUSPENDED", "停止行使选举权利",
                "UNABLE", "不能行使选举权利", "MOVED_OUT", "迁出", "REGISTERED_ELSEWHERE", "外地登记");
        for (Map<String, String> r : removed.rows()) {
            Map<String, String> t = byId.get(r.get("公民身份号码") + "|" + r.get("姓名"));
            String expected = t.get("应列入").equals("是") ? (t.get("选区编码").equals(r.get("选区编码")) ? "其他" : "迁出")
                    : reasonOf.getOrDefault(t.get("不列入原因"), "其他");
            assertThat(r.get("原因")).as(r + " " + t).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------------------------------------ records.csv

    /**
     * truth/records.csv names every data row the ingest reader finds in the inbox, at the line / sheet row the reader
     * gives it, and only those; a person's rows carry that person's number in most cases (the rest are the designed
     * typos, 15-digit forms, shared and unusable numbers).
     */
    @Test
    void recordsTruthPointsAtEveryInboxRowWithItsPerson() throws IOException {
        TestFiles.Table records = TestFiles.csv(dir.resolve("truth/records.csv"), UTF8);
        assertThat(records.header()).containsExactly("文件", "行号", "公民身份号码", "姓名");
        Set<String> persons = truth.rows().stream().map(r -> r.get("公民身份号码") + "|" + r.get("姓名")).collect(Collectors.toSet());
        Map<String, Map<String, String>> byRow = new HashMap<>();
        for (Map<String, String> r : records.rows()) {
            assertThat(byRow.put(r.get("文件") + ":" + r.get("行号"), r)).as("listed twice: " + r).isNull();
            if (!r.get("公民身份号码").isEmpty()) {
                assertThat(persons).as("a true person: " + r).contains(r.get("公民身份号码") + "|" + r.get("姓名"));
            }
        }
        Set<String> read = new HashSet<>();
        long withNumber = 0;
        long sameNumber = 0;
        long junkRead = 0;
        List<Path> inbox;
        try (Stream<Path> s = Files.list(dir.resolve("inbox"))) {
            inbox = s.sorted().toList();
        }
        for (Path f : inbox) {
            try (org.voterroll.ingest.RowCursor c = org.voterroll.ingest.RowCursor.open(f, org.voterroll.ingest.TextEncoding.detect(f))) {
                int col = c.header().indexOf(c.header().contains("公民身份号码") ? "公民身份号码" : "社会保障号码");
                assertThat(col).as(f.toString()).isNotNegative();
                for (org.voterroll.ingest.RowCursor.Row row = c.next(); row != null; row = c.next()) {
                    String key = f.getFileName() + ":" + row.lineNo();
                    read.add(key);
                    Map<String, String> t = byRow.get(key);
                    assertThat(t).as("records.csv lists " + key + " " + row.raw()).isNotNull();
                    if (t.get("公民身份号码").isEmpty()) {
                        junkRead++;
                        continue;
                    }
                    String number = col < row.cells().length ? TestFiles.normId(row.cells()[col]) : "";
                    if (number.length() == 18) {
                        withNumber++;
                        if (number.equals(t.get("公民身份号码"))) {
                            sameNumber++;
                        }
                    }
                }
            }
        }
        assertThat(byRow.keySet()).as("every row of records.csv is a row the reader finds").isEqualTo(read);
        long junk = 0;
        Matcher m = Pattern.compile("\"(\\w+_\\d+(?:_part\\d+)?\\.(?:csv|xlsx))\": (\\d+)")
                .matcher(summary.substring(summary.indexOf("\"junkRowsPerFile\""), summary.indexOf("\"counts\"")));
        while (m.find()) {
            junk += Long.parseLong(m.group(2));
        }
        assertThat(junk).isPositive();
        assertThat(junkRead).as("junk rows carry no number").isEqualTo(junk);
        assertThat(withNumber).isGreaterThan(2000);
        assertThat((double) sameNumber / withNumber).as("rows whose number is the true person's").isGreaterThan(0.9);
    }

    private static int unitDistricts() throws IOException {
        return (int) TestFiles.csv(dir.resolve("county/xuanqu.csv"), UTF8).rows().stream().filter(r -> r.get("类型").equals("单位")).count();
    }
}
