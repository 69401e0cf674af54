package org.voterroll.generate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One generation run: streams household after household to every file. See {@link CountyGenerator}. */
final class Generation {
    static final LocalDate E = LocalDate.of(2026, 12, 15);
    static final LocalDate P = LocalDate.of(2021, 11, 15);
    /** the last date the agencies' data can hold (delivery 2026-12-01), except the designed future dates */
    static final LocalDate LAST = LocalDate.of(2026, 11, 30);
    static final String DELIVERY = "20261201";

    static final String[] HUJI_H = {"公民身份号码", "姓名", "曾用名", "性别", "民族", "出生日期", "户号", "与户主关系", "户籍地址",
        "户籍地区划代码", "人员状态", "状态变动日期", "迁往地区划代码"};
    /** liudong arrives with its columns in another order */
    static final String[] LIUDONG_H = {"姓名", "公民身份号码", "性别", "出生日期", "户籍地区划代码", "居住地区划代码", "居住地址", "登记日期",
        "注销日期", "居住事由"};
    /** shebao: another order than SOURCES.md and an extra column 缴费基数 */
    static final String[] SHEBAO_H = {"姓名", "社会保障号码", "性别", "出生日期", "参保单位名称", "统一社会信用代码", "参保状态", "终止原因",
        "终止日期", "缴费基数"};
    static final String[] TONGJI_H = {"住户编码", "调查地址", "调查地区划代码", "姓名", "性别", "出生年月", "公民身份号码", "户口登记地",
        "居住状态", "外出去向"};
    /** chaiqian: an extra column 联系电话 */
    static final String[] CHAIQIAN_H = {"项目名称", "被征收户编号", "姓名", "公民身份号码", "与户主关系", "原房屋地址", "原区划代码", "安置方式",
        "安置地址", "安置区划代码", "交房日期", "拆除日期", "联系电话"};
    static final String[] MINZHENG_H = {"公民身份号码", "姓名", "性别", "死亡日期", "火化日期"};
    static final String[] XUANWEI_H = {"公民身份号码", "姓名", "类型", "起始日期", "终止日期", "决定机关", "文号"};
    static final String[] WAIDI_H = {"公民身份号码", "姓名", "类型", "对方区划代码", "对方选举委员会", "日期"};
    static final String[] TRUTH_H = {"公民身份号码", "姓名", "性别", "出生日期", "应列入", "选区编码", "登记依据", "不列入原因", "新增原因",
        "外出", "流入人员册", "居住月数", "应有例外", "review"};
    static final String[] REMOVED_H = {"选区编码", "公民身份号码", "姓名", "原因"};
    static final String[] XUANQU_H = {"选区编码", "选区名称", "乡镇代码", "类型", "覆盖区划代码", "单位统一社会信用代码"};

    /** RULES.md exception table order */
    static final List<String> EXC_ORDER = List.of("ID_INVALID", "ID_SHARED", "PERSON_MULTI_RECORD", "MATCH_REVIEW", "DEATH_REVIEW",
        "DEATH_CONFLICT", "RESIDENCE_CONFLICT", "NO_DISTRICT", "INMIGRANT_ELIGIBLE");

    private static final String[] HOME = {"320102", "420106", "510107", "411302", "340121", "342201", "430111", "360121",
        "350102", "370202", "410105", "450103", "500101", "610113", "130104", "520102"};
    private static final String[] HOME_NAME = {"南京市玄武区", "武汉市江汉区", "成都市武侯区", "南阳市宛城区", "长丰县", "砀山县", "长沙市岳麓区",
        "南昌县", "福州市鼓楼区", "青岛市市北区", "郑州市管城回族区", "南宁市兴宁区", "重庆市万州区", "西安市长安区", "石家庄市长安区", "贵阳市南明区"};
    private static final String[] REASONS = {"务工", "务工", "务工", "经商", "就学", "投亲", "其他"};
    private static final String[] JUNK_NAMES = {"无名氏", "佚名", "测试", "某某"};
    private static final String[] GARBAGE_IDS = {"不详", "#N/A", "000000", "无", "身份证丢失", "12345"};
    private static final String[] BAD_DATES = {"2024-13-01", "不详", "0000-00-00", "2O24-05-01", "去年"};

    /** A household or row a person's scenario puts in a later village: kind 1 the 重号 partner's household, 2 the
     *  一人多户 phantom row, 3 the look-alike stranger's household. */
    private record Pending(int kind, Person source, String number, String name) {
    }

    private record JunkQuota(String source, String type, Quota q) {
    }

    /**
     * The county generated: code, name, the committees of the other counties its notices may name (a province's
     * counties; a single county names only the HOME regions'), and the place in the province's run of township names its
     * first township takes (0 for a single county; a province's counties follow each other, so that no two of its townships
     * share a name: {@link Geo#townshipName}).
     */
    record County(String code, String name, Map<String, String> committees, int firstTownshipName) {
        static final County SAMPLE = new County(Geo.COUNTY, Geo.COUNTY_NAME, Map.of(), 0);
    }

    private final GeneratorOptions o;
    private final County county;
    private final long n;
    private final Rng r;
    private final Names names;
    private final Geo geo;
    private final LongHashSet used;
    private final LongHashSet villageKeys = new LongHashSet(1 << 12);
    private final List<List<Pending>> pending = new ArrayList<>();
    private final List<Pending> afterHousehold = new ArrayList<>(1);
    /** per village: planted cross-county people registered here who live in another county, and those who live here */
    private final List<List<CrossCountyPerson>> emigrants = new ArrayList<>();
    private final List<List<CrossCountyPerson>> arrivals = new ArrayList<>();
    private final Map<String, Long> counts = new java.util.HashMap<>();
    private final Map<String, Quota> quotas = new LinkedHashMap<>();
    private final List<JunkQuota> junkQuotas = new ArrayList<>();
    private final Map<String, Long> junkPerFile = new TreeMap<>();

    private CsvOut huji;
    private CsvOut liudong;
    private CsvOut tongji1;
    private CsvOut tongji2;
    private CsvOut minzheng;
    private CsvOut xuanwei;
    private CsvOut waidi;
    private CsvOut truth;
    private RecordTruth records;
    private CsvOut removed;
    private XlsxParts shebao;
    private XlsxParts chaiqian;
    private RollWriters prev;

    private long pos;
    private long inMigrants;
    private long households;
    private long hhSeq;
    private long tjSeq;
    private long truthRows;
    private long phantoms;
    private int curVillage;

    Generation(GeneratorOptions o) {
        this(o, County.SAMPLE, null);
    }

    /**
     * @param used the numbers and name keys taken already, shared by a province's counties so that no two of them give
     *             one number or one name, sex and birth date to two people by chance; null for a county of its own
     */
    Generation(GeneratorOptions o, County county, LongHashSet used) {
        if (o.persons() < 1) {
            throw new IllegalArgumentException("persons must be at least 1");
        }
        this.o = o;
        this.county = county;
        this.n = o.persons();
        this.r = new Rng(o.seed() * 0x9E3779B97F4A7C15L + 0x5EEDL);
        this.names = new Names();
        this.geo = new Geo(n, o.townships(), r.fork(1), county.code(), county.name(), county.firstTownshipName());
        if (geo.coveredVillages.length < 5) {
            throw new IllegalStateException("county too small");
        }
        this.used = used != null ? used : new LongHashSet((int) Math.min(1 << 29, n * 12L / 5));
        for (int i = 0; i < geo.villages.length; i++) {
            pending.add(new ArrayList<>(0));
            emigrants.add(new ArrayList<>(0));
            arrivals.add(new ArrayList<>(0));
        }
        defineQuotas();
    }

    // ------------------------------------------------------------------------------------------------ quotas

    private Quota q(String name, double rate, int min) {
        return q(name, rate, min, 0.8);
    }

    private Quota q(String name, double rate, int min, double fraction) {
        Quota x = new Quota(name, rate, min, n, r.fork(quotas.size() + 7), fraction);
        quotas.put(name, x);
        return x;
    }

    private Quota qDead, qMoved, qMilitary, qEmigrated, qCancelled;
    private Quota qShared, qIdInvalid, qMultiA, qMultiB, qMultiC, qLegacy;
    private Quota qDeathSb, qDeathMz, qDeathReview;
    private Quota qSbUnrepairable, qSbTypoUnit, qSbTwoUnits, qSbUnitSuspended, qSbUnit, qSbTypo, qLegacyOther;
    private Quota qXwDeprived, qXwEndsOnE, qXwPast, qXwCoveredP, qXwRestored, qXwRestoreAfterE, qXwOldRestore,
        qXwSuspended, qXwSuspendedPast, qXwUnable;
    private Quota qWaidi, qWaidiAfterE;
    private Quota qLdTwo, qLdEnded, qLdFuture, qLdEndOnE, qLdEndsAfterE;
    private Quota qPrevMissing, qPrevDup, qPrevOther;
    private Quota qAway, qAwayMinor;
    private Quota qInProof, qInEnded, qInFuture, qInEdge12, qInEdge11;
    private Quota qMinority;
    private Quota qLookalike;
    private Quota qEdge1215, qEdge1216, qEdgeNear, qFeb29of2008, qFeb29, qPrev1115, qPrev1116;

    private void defineQuotas() {
        qEdge1215 = q("edge_born_2008-12-15", 0, 1);
        qEdge1216 = q("edge_born_2008-12-16", 0, 1);
        qEdgeNear = q("edge_born_near_2008-12-15", 0.0002, 6);
        qFeb29of2008 = q("edge_born_2008-02-29", 0, 1);
        qFeb29 = q("edge_born_29feb", 0.0001, 2);
        qPrev1115 = q("edge_born_2003-11-15", 0, 1);
        qPrev1116 = q("edge_born_2003-11-16", 0, 1);
        qMinority = q("minority_name", 0.003, 3);
        qLookalike = q("同名同生日_stranger", 0.0005, 2);

        qDead = q("huji_死亡", 0.006, 5);
        qMoved = q("huji_迁出", 0.01, 5);
        qMilitary = q("huji_服兵役", 0.003, 3);
        qEmigrated = q("huji_出国定居", 0.002, 3);
        qCancelled = q("huji_注销", 0.001, 3);

        qShared = q("重号_pair", 0.0001, 2, 0.5);
        qIdInvalid = q("huji_id_invalid", 0.0005, 2);
        qMultiA = q("一人多户_a_legacy15", 0.001, 3);
        qMultiB = q("一人多户_b_typo", 0.001, 3);
        qMultiC = q("一人多户_c_other_valid", 0.001, 3);
        qLegacy = q("huji_legacy15_only", 0.007, 3);
        qDeathSb = q("shebao_death_huji_正常", 0.0005, 2);
        qDeathMz = q("minzheng_death_huji_正常", 0.0005, 2);
        qDeathReview = q("minzheng_death_unusable_number", 0.0002, 2);
        qSbUnrepairable = q("shebao_unit_unusable_number", 0.0003, 2);
        qSbTypoUnit = q("shebao_unit_typo_repaired", 0.0003, 2);
        qSbTwoUnits = q("shebao_two_unit_districts", 0.00005, 2);
        qSbUnitSuspended = q("shebao_unit_暂停缴费", 0.001, 2);
        qSbUnit = q("shebao_unit_参保缴费", 0.009, 3);
        qSbTypo = q("shebao_typo_repaired", 0.003, 4);
        qLegacyOther = q("legacy15_in_other_source", 0.0005, 2);
        qXwDeprived = q("xuanwei_剥夺_covering_E", 0.0004, 3);
        qXwEndsOnE = q("xuanwei_剥夺_ends_on_E", 0, 1);
        qXwPast = q("xuanwei_剥夺_before_P", 0.0002, 2);
        qXwCoveredP = q("xuanwei_剥夺_covering_P_ended", 0.0002, 2);
        qXwRestored = q("xuanwei_恢复_after_剥夺", 0.0002, 2);
        qXwRestoreAfterE = q("xuanwei_恢复_after_E", 0, 1);
        qXwOldRestore = q("xuanwei_old_恢复_then_剥夺", 0, 1);
        qXwSuspended = q("xuanwei_停止_covering_E", 0.0002, 2);
        qXwSuspendedPast = q("xuanwei_停止_ended", 0, 1);
        qXwUnable = q("xuanwei_不能_covering_E", 0.0002, 2);
        qWaidi = q("waidi_已在外地登记", 0.0005, 3);
        qWaidiAfterE = q("waidi_已在外地登记_after_E", 0, 1);
        qLdTwo = q("liudong_two_active", 0.0001, 2);
        qLdEnded = q("liudong_ended", 0.012, 3);
        qLdFuture = q("liudong_after_E", 0.004, 2);
        qLdEndOnE = q("liudong_ended_on_E", 0, 1);
        qLdEndsAfterE = q("liudong_ends_after_E", 0.002, 1);
        qPrevMissing = q("prev_missing", 0.0025, 3);
        qPrevDup = q("prev_duplicate_line", 0.00002, 2);
        qPrevOther = q("prev_other_district", 0.015, 3);
        qAway = q("tongji_外出_外县境外", 0.007, 4);
        qAwayMinor = q("tongji_外出_minor", 0.0005, 1);
        qInProof = q("inmigrant_proof", 0.01, 3);
        qInEnded = q("inmigrant_liudong_ended", 0.003, 2);
        qInFuture = q("inmigrant_liudong_after_E", 0.001, 1);
        qInEdge12 = q("inmigrant_since_2025-12-15", 0, 1);
        qInEdge11 = q("inmigrant_since_2025-12-16", 0, 1);

        String[][] junk = {
            {"huji", "blank_name"}, {"huji", "bad_date"}, {"huji", "short_row"},
            {"liudong", "blank_name"}, {"liudong", "bad_date"}, {"liudong", "garbage_number"}, {"liudong", "short_row"},
            {"shebao", "blank_name"}, {"shebao", "garbage_number"}, {"shebao", "short_row"},
            {"tongji", "blank_name"}, {"tongji", "bad_date"}, {"tongji", "short_row"},
            {"chaiqian", "blank_name"}, {"chaiqian", "short_row"},
            {"minzheng", "blank_name"}, {"minzheng", "bad_date"}, {"minzheng", "garbage_number"}, {"minzheng", "short_row"},
            {"xuanwei", "blank_name"}, {"xuanwei", "bad_date"}, {"xuanwei", "garbage_number"}, {"xuanwei", "short_row"},
            {"waidi", "blank_name"}, {"waidi", "bad_date"}, {"waidi", "garbage_number"}, {"waidi", "short_row"}};
        for (String[] j : junk) {
            junkQuotas.add(new JunkQuota(j[0], j[1], new Quota(j[0] + "_" + j[1], 1.0 / 250000, 1, n, r.fork(j[0].hashCode() * 31L + j[1].hashCode()))));
        }
    }

    // ------------------------------------------------------------------------------------------------ run

    GenerationResult run() throws IOException {
        Path out = o.out();
        Path county = out.resolve("county");
        Path inbox = out.resolve("inbox");
        Path truthDir = out.resolve("truth");
        Files.createDirectories(county);
        Files.createDirectories(inbox);
        Files.createDirectories(truthDir);
        writeCounty(county);
        Charset utf8 = StandardCharsets.UTF_8;
        records = new RecordTruth(truthDir.resolve("records.csv"));
        huji = new CsvOut(inbox.resolve("huji_" + DELIVERY + ".csv"), Charset.forName("GB18030"), false, "\r\n", HUJI_H, false).recordTo(records);
        liudong = new CsvOut(inbox.resolve("liudong_" + DELIVERY + ".csv"), utf8, true, "\n", LIUDONG_H, false).recordTo(records);
        tongji1 = new CsvOut(inbox.resolve("tongji_" + DELIVERY + "_part1.csv"), utf8, false, "\r\n", TONGJI_H, false).recordTo(records);
        tongji2 = new CsvOut(inbox.resolve("tongji_" + DELIVERY + "_part2.csv"), utf8, true, "\n", TONGJI_H, true).recordTo(records);
        minzheng = new CsvOut(inbox.resolve("minzheng_" + DELIVERY + ".csv"), utf8, false, "\n", MINZHENG_H, false).recordTo(records);
        xuanwei = new CsvOut(inbox.resolve("xuanwei_" + DELIVERY + ".csv"), utf8, true, "\r\n", XUANWEI_H, false).recordTo(records);
        waidi = new CsvOut(inbox.resolve("waidi_" + DELIVERY + ".csv"), utf8, false, "\n", WAIDI_H, true).recordTo(records);
        shebao = new XlsxParts(inbox, "shebao_" + DELIVERY, "参保人员", SHEBAO_H).recordTo(records);
        chaiqian = new XlsxParts(inbox, "chaiqian_" + DELIVERY, "征收安置", CHAIQIAN_H).recordTo(records);
        truth = new CsvOut(truthDir.resolve("persons.csv"), utf8, false, "\n", TRUTH_H, false);
        removed = new CsvOut(truthDir.resolve("removed.csv"), utf8, false, "\n", REMOVED_H, false);
        prev = new RollWriters(out.resolve("previous").resolve("rolls"), geo);
        try {
            // an empty line early in every CSV source
            huji.blank();
            liudong.blank();
            minzheng.blank();
            tongji1.blank();
            tongji2.blank();
            shebao.blank();
            for (Geo.Village v : geo.villages) {
                curVillage = v.idx;
                villageKeys.clear();
                for (CrossCountyPerson c : arrivals.get(v.idx)) {
                    arrival(v.idx, c);
                }
                for (CrossCountyPerson c : emigrants.get(v.idx)) {
                    emigrantHousehold(v.idx, c);
                }
                for (Pending p : pending.get(v.idx)) {
                    if (p.kind == 2) {
                        ghost(v.idx, p);
                    } else {
                        household(v.idx, p);
                    }
                }
                while (pos < v.cumEnd) {
                    household(v.idx, null);
                }
            }
        } catch (RuntimeException | Error e) {
            closeAll(e);
            throw e;
        }
        closeAll(null);
        Map<String, Long> perSource = new LinkedHashMap<>();
        perSource.put("huji", huji.rows);
        perSource.put("liudong", liudong.rows);
        perSource.put("shebao", shebao.rows);
        perSource.put("tongji", tongji1.rows + tongji2.rows);
        perSource.put("chaiqian", chaiqian.rows);
        perSource.put("minzheng", minzheng.rows);
        perSource.put("xuanwei", xuanwei.rows);
        perSource.put("waidi", waidi.rows);
        writeSummary(truthDir.resolve("summary.json"), perSource);
        return new GenerationResult(out, pos + inMigrants, perSource);
    }

    private void closeAll(Throwable failure) throws IOException {
        IOException first = null;
        for (AutoCloseable c : new AutoCloseable[] {huji, liudong, tongji1, tongji2, minzheng, xuanwei, waidi, shebao, chaiqian, truth, removed, records, prev}) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ------------------------------------------------------------------------------------------------ reference files

    private void writeCounty(Path county) throws IOException {
        Files.writeString(county.resolve("election.yml"), "county-code: \"" + geo.county + "\"\n"
                + "county-name: " + geo.countyName + "\n"
                + "election-day: 2026-12-15\n"
                + "in-migrant-months: 12\n"
                + "previous-election-day: 2021-11-15\n", StandardCharsets.UTF_8);
        try (CsvOut x = new CsvOut(county.resolve("xuanqu.csv"), StandardCharsets.UTF_8, false, "\n", XUANQU_H, false)) {
            for (Geo.District d : geo.districts) {
                StringBuilder cover = new StringBuilder();
                for (int v : d.villages) {
                    cover.append(cover.length() > 0 ? ";" : "").append(geo.villages[v].code);
                }
                StringBuilder cred = new StringBuilder();
                for (Geo.Employer e : d.employers) {
                    cred.append(cred.length() > 0 ? ";" : "").append(e.credit);
                }
                x.row(d.code, d.name, geo.townships[d.township].code, d.unit ? "单位" : "居住", cover.toString(), cred.toString());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ people

    private LocalDate birthForAge(int age) {
        LocalDate d = E.minusYears(age).minusDays(r.nextInt(365));
        if (d.isAfter(LAST)) {
            d = LAST.minusDays(r.nextInt(60));
        }
        return d;
    }

    /** forced birth dates around the age boundaries */
    private LocalDate edgeBirth(LocalDate tentative) {
        int age = E.getYear() - tentative.getYear();
        long p = pos;
        if (Math.abs(age - 18) <= 8) {
            if (qEdge1215.tryTake(p, true)) {
                return LocalDate.of(2008, 12, 15);
            }
            if (qEdge1216.tryTake(p, true)) {
                return LocalDate.of(2008, 12, 16);
            }
            if (qFeb29of2008.tryTake(p, true)) {
                return LocalDate.of(2008, 2, 29);
            }
            if (qEdgeNear.tryTake(p, true)) {
                return LocalDate.of(2008, 12, 5 + r.nextInt(21));
            }
        }
        if (Math.abs(age - 23) <= 8) {
            if (qPrev1115.tryTake(p, true)) {
                return LocalDate.of(2003, 11, 15);
            }
            if (qPrev1116.tryTake(p, true)) {
                return LocalDate.of(2003, 11, 16);
            }
        }
        if (age >= 20 && age <= 80 && qFeb29.tryTake(p, true)) {
            int y = tentative.getYear() - tentative.getYear() % 4;
            if (y % 100 == 0) {
                y -= 4;
            }
            return LocalDate.of(y, 2, 29);
        }
        return null;
    }

    /** a new unique number; may move the birth date by a day when a (date, sex) is full */
    private String newId(String region, Person p, boolean fixedBirth) {
        for (int attempt = 0; ; attempt++) {
            int seq = 1 + r.nextInt(995);
            if (((seq & 1) == 1) != p.male) {
                seq = seq == 995 ? 994 : seq + 1;
            }
            String id = Ids.build(region, p.birth, seq);
            if (used.add(Ids.key(id))) {
                return id;
            }
            if (attempt > 400) {
                if (fixedBirth) {
                    throw new IllegalStateException("no free number for " + p.birth);
                }
                p.birth = p.birth.minusDays(1);
                attempt = 0;
            }
        }
    }

    private final long[] hashes = new long[8];

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** key of (spelling, sex, birth date) in the county-wide set: bit 62 set, so never an identity-number key */
    private static long nameKey(long spelling, boolean male, LocalDate birth) {
        long h = mix(spelling * 31 + (male ? 1 : 2) + birth.toEpochDay() * 0x9E3779B97F4A7C15L);
        return (h & ~(3L << 62)) | (1L << 62);
    }

    private static long villageKey(long spelling, boolean male, LocalDate birth) {
        long h = mix(spelling * 37 + (male ? 3 : 4) + (birth.getYear() * 12L + birth.getMonthValue()) * 0xC2B2AE3D27D4EB4FL);
        return h == 0 ? 1 : h;
    }

    /**
     * No two designed people share a name (equal or homophone), sex and birth date anywhere in the county, nor
     * name, sex and birth month within a village: otherwise the engine would rightly see 一人多户 or an
     * ambiguous survey row where none was designed. The look-alike strangers ({@link #lookalike}) are the designed
     * exception.
     */
    private boolean claimName(String name, boolean male, LocalDate birth) {
        int k = names.spellingHashes(name, hashes);
        for (int i = 0; i < k; i++) {
            if (used.contains(nameKey(hashes[i], male, birth)) || villageKeys.contains(villageKey(hashes[i], male, birth))) {
                return false;
            }
        }
        for (int i = 0; i < k; i++) {
            used.add(nameKey(hashes[i], male, birth));
            villageKeys.add(villageKey(hashes[i], male, birth));
        }
        return true;
    }

    private void nameFor(Person p, String surname) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String s = surname != null && attempt < 20 ? surname : names.surname(r);
            String name = p.minority ? names.minority(r, p.male) : s + names.given(r, p.male);
            if (claimName(name, p.male, p.birth)) {
                p.name = name;
                p.surname = p.minority ? "" : s;
                return;
            }
        }
        throw new IllegalStateException("no free name");
    }

    private Person newPerson(int v, String hh, String relation, boolean male, int age, String surname) {
        Person p = new Person();
        p.index = pos;
        p.village = v;
        p.hh = hh;
        p.relation = relation;
        p.male = male;
        p.birth = birthForAge(Math.max(0, Math.min(95, age)));
        LocalDate edge = edgeBirth(p.birth);
        if (edge != null) {
            p.birth = edge;
            p.edge = true;
        }
        p.minority = qMinority.tryTake(pos, true);
        if (p.minority) {
            p.ethnic = "维吾尔族";
        } else {
            int k = r.nextInt(100);
            p.ethnic = k < 97 ? "汉族" : k == 97 ? "回族" : k == 98 ? "满族" : "壮族";
        }
        p.id = newId(geo.county, p, p.edge);
        nameFor(p, surname);
        p.hujiNumber = p.id;
        if (r.chance(0.02) && !p.minority) {
            p.formerName = p.surname + names.given(r, p.male);
        }
        pos++;
        return p;
    }

    private String nextHh(int v) {
        hhSeq++;
        String s = Long.toString(hhSeq);
        StringBuilder b = new StringBuilder(12).append(geo.villages[v].code, 6, 9);
        for (int i = s.length(); i < 7; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    private String newAddress(int v) {
        return geo.address(v, 1 + r.nextInt(12), 1 + r.nextInt(99));
    }

    private int sampleSize() {
        int k = r.nextInt(100);
        return k < 14 ? 1 : k < 40 ? 2 : k < 66 ? 3 : k < 84 ? 4 : k < 94 ? 5 : 6;
    }

    // ------------------------------------------------------------------------------------------------ household

    private void household(int v, Pending shared) {
        String hh = nextHh(v);
        Household h = new Household(v, hh, newAddress(v));
        households++;
        Geo.Village village = geo.villages[v];
        int size = sampleSize();
        if (shared == null) {
            size = (int) Math.max(1, Math.min(size, village.cumEnd - pos));
        }
        // head
        Person head;
        if (shared != null) {
            head = shared.kind() == 1 ? sharedPartner(v, hh, shared) : lookalike(v, hh, shared);
        } else {
            boolean male = r.chance(0.75);
            int age = 22 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 68);
            head = newPerson(v, hh, "户主", male, age, null);
        }
        h.members.add(head);
        int headAge = head.ageAt(E);
        Person spouse = null;
        if (size >= 2 && r.chance(0.85) && headAge >= 20) {
            int age = Math.max(20, Math.min(95, headAge + r.range(-4, 4)));
            spouse = newPerson(v, hh, "配偶", !head.male, age, null);
            h.members.add(spouse);
        }
        String childSurname = head.male || spouse == null ? head.surname : spouse.surname;
        if (childSurname == null || childSurname.isEmpty()) {
            childSurname = null;
        }
        int parentAge = spouse == null ? headAge : Math.min(headAge, spouse.ageAt(E));
        int parents = 0;
        for (int attempt = 0; h.members.size() < size && attempt < 12; attempt++) {
            int kind = r.nextInt(100);
            if (kind < 75 && parentAge >= 22) {
                int age = parentAge - r.range(22, 38);
                if (age >= 0) {
                    boolean male = r.chance(0.52);
                    h.members.add(newPerson(v, hh, male ? "子" : "女", male, age, childSurname));
                }
            } else if (kind < 90 && headAge < 55 && parents < 2) {
                int age = headAge + r.range(22, 32);
                if (age <= 95) {
                    boolean male = parents == 0 && r.chance(0.5);
                    h.members.add(newPerson(v, hh, male ? "父" : "母", male, age, male ? head.surname : null));
                    parents++;
                }
            } else if (parentAge >= 50) {
                int age = parentAge - r.range(45, 62);
                if (age >= 0) {
                    boolean male = r.chance(0.52);
                    h.members.add(newPerson(v, hh, male ? "孙子" : "孙女", male, age, childSurname));
                }
            }
        }
        // statuses
        for (Person m : h.members) {
            if (!m.shared && !m.edge) {
                status(m);
            }
        }
        demolition(h);
        for (Person m : h.members) {
            if (m.special == null && !m.shared) {
                special(m, h);
            }
        }
        for (Person m : h.members) {
            common(m, h);
        }
        survey(h);
        for (Person m : h.members) {
            evaluate(m);
        }
        for (Person m : h.members) {
            emit(m, h);
        }
        if (h.cq != null) {
            emitCase(h);
        }
        for (Pending g : afterHousehold) {
            ghost(v, g);
        }
        afterHousehold.clear();
        if (village.district >= 0) {
            while (inMigrants < Math.round(0.04 * pos)) {
                inMigrantUnit(v);
            }
        }
        junk(v);
        if (r.chance(0.002)) {
            huji.blank();
        }
        if (r.chance(0.002)) {
            shebao.blank();
        }
    }

    /** The head of a household of village {@code v} made for another person's scenario: of their sex and birth date. */
    private Person headBornAs(int v, String hh, Person a) {
        Person b = new Person();
        b.index = pos;
        b.village = v;
        b.hh = hh;
        b.relation = "户主";
        b.male = a.male;
        b.birth = a.birth;
        return b;
    }

    private Person sharedPartner(int v, String hh, Pending p) {
        Person a = p.source;
        Person b = headBornAs(v, hh, a);
        b.id = a.id;
        b.hujiNumber = a.id;
        b.shared = true;
        b.special = "SHARED";
        List<String> avoid = names.spellings(a.name);
        for (int attempt = 0; ; attempt++) {
            String s = names.surname(r);
            String name = s + names.given(r, b.male);
            boolean clash = false;
            for (String sp : names.spellings(name)) {
                if (avoid.contains(sp) || sp.split(" ")[0].equals(avoid.get(0).split(" ")[0])) {
                    clash = true;
                }
            }
            if (!clash && claimName(name, b.male, b.birth)) {
                b.name = name;
                b.surname = s;
                break;
            }
            if (attempt > 500) {
                throw new IllegalStateException("no name for shared number");
            }
        }
        pos++;
        count("scenario.重号_persons");
        return b;
    }

    /**
     * A stranger elsewhere in the county with another person's name (or a homophone of it), sex and birth date, and a
     * number of their own: RULES.md's "in a county of a million people hundreds of different people share all
     * three". Both are ordinary people of their own households and are listed as such; nothing may merge them.
     */
    private Person lookalike(int v, String hh, Pending p) {
        Person a = p.source;
        Person b = headBornAs(v, hh, a);
        b.minority = a.minority;
        b.ethnic = a.ethnic;
        b.id = newId(geo.county, b, true);
        b.hujiNumber = b.id;
        b.name = p.name();
        b.surname = a.surname;
        b.special = "LOOKALIKE";
        b.lookalikeOf = a;
        int k = names.spellingHashes(b.name, hashes);
        for (int i = 0; i < k; i++) {
            used.add(nameKey(hashes[i], b.male, b.birth));
            villageKeys.add(villageKey(hashes[i], b.male, b.birth));
        }
        pos++;
        count("scenario.同名同生日_strangers");
        return b;
    }

    /** the phantom huji row of an undecided 一人多户 (case c): a valid number that belongs to nobody */
    private void ghost(int v, Pending p) {
        Person a = p.source;
        Person g = new Person();
        g.index = -1;
        g.village = v;
        g.hh = nextHh(v);
        g.relation = "户主";
        g.male = a.male;
        g.birth = a.birth;
        g.id = p.number;
        g.hujiNumber = p.number;
        g.name = p.name;
        g.surname = a.surname;
        g.ethnic = a.ethnic;
        g.ghost = true;
        g.special = "GHOST";
        int k = names.spellingHashes(g.name, hashes);
        for (int i = 0; i < k; i++) {
            villageKeys.add(villageKey(hashes[i], g.male, g.birth));
        }
        Household h = new Household(v, g.hh, newAddress(v));
        h.members.add(g);
        evaluate(g);
        emit(g, h);
        phantoms++;
    }

    // ------------------------------------------------------------------------------------------------ plans

    private void status(Person m) {
        long p = m.index;
        int age = m.ageAt(E);
        String st = null;
        if (qDead.tryTake(p, age >= 35 || r.chance(0.05))) {
            st = "死亡";
        } else if (qMoved.tryTake(p, true)) {
            st = "迁出";
        } else if (qMilitary.tryTake(p, age >= 18 && age <= 26 && m.birth.plusYears(18).isBefore(LocalDate.of(2026, 10, 1)))) {
            st = "服兵役";
        } else if (qEmigrated.tryTake(p, m.adultAt(E))) {
            st = "出国定居";
        } else if (qCancelled.tryTake(p, true)) {
            st = "注销";
        }
        if (st == null) {
            return;
        }
        m.status = st;
        LocalDate from = LocalDate.of(2020, 1, 1);
        if (st.equals("服兵役")) {
            LocalDate b18 = m.birth.plusYears(18);
            if (b18.isAfter(from)) {
                from = b18;
            }
        }
        if (!m.birth.isBefore(from)) {
            from = m.birth.isBefore(LAST) ? m.birth.plusDays(1) : LAST;
        }
        m.statusDate = Fmt.between(from, LAST, r);
        if (st.equals("迁出")) {
            int k = r.nextInt(10);
            String home = r.pick(HOME);
            m.moveTo = k < 5 ? home : k < 8 ? home + "00" + r.range(1, 9) + "0" + r.range(10, 99) : "";
        }
        count("scenario.status_" + st);
    }

    private void demolition(Household h) {
        Geo.Village v = geo.villages[h.village];
        if (v.project < 0 || !h.members.get(0).normal() || h.members.get(0).shared) {
            return;
        }
        Geo.Project p = geo.projects[v.project];
        if (p.households >= 6 && !r.chance(geo.joinRate)) {
            return;
        }
        Household.Case c = new Household.Case();
        c.project = p;
        c.caseNo = p.prefix + "-" + pad3(++p.cases);
        String[] cycle = {"RESET", "MONEY", "AFTER_E", "RESET", "EMPTY", "RESET"};
        int k = p.households++;
        if (k < cycle.length) {
            c.type = cycle[k];
        } else {
            int x = r.nextInt(100);
            c.type = x < 60 ? "RESET" : x < 70 ? "AFTER_E" : x < 80 ? "EMPTY" : "MONEY";
        }
        switch (c.type) {
            case "RESET" -> c.handover = p.handover.plusDays(r.nextInt(20)).isAfter(LAST) ? p.handover : p.handover.plusDays(r.nextInt(20));
            case "AFTER_E" -> c.handover = Fmt.between(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 12, 31), r);
            default -> c.handover = null;
        }
        if (!c.type.equals("MONEY")) {
            c.resettleVillage = p.resettleVillage;
            c.resettleAddress = newAddress(p.resettleVillage);
        }
        h.cq = c;
        for (Person m : h.members) {
            if (m.normal()) {
                m.cq = c;
                m.cqNoNumber = (m.relation.equals("子") || m.relation.equals("女") || m.relation.startsWith("孙")) && r.chance(0.5);
            }
        }
        count("scenario.chaiqian_case_" + c.type);
        // a resettled person who also registered a residence in a third district
        if (c.type.equals("RESET") && (p.households <= 4 || r.chance(0.1))) {
            int hukou = v.district;
            int resettle = geo.villages[c.resettleVillage].district;
            for (Person m : h.members) {
                if (m.normal() && m.adultAt(E)) {
                    int tv = geo.coveredVillage(r, v.township, 0.6, hukou, resettle);
                    if (tv >= 0) {
                        addLiudong(m, tv, Fmt.between(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31), r), null);
                        m.special = "RESIDENCE_CONFLICT";
                        count("scenario.chaiqian_resettled_with_liudong_elsewhere");
                    }
                    break;
                }
            }
        }
    }

    private static String pad3(int x) {
        return x < 10 ? "00" + x : x < 100 ? "0" + x : Integer.toString(x);
    }

    private void addLiudong(Person m, int village, LocalDate reg, LocalDate end) {
        Person.Liudong l = new Person.Liudong();
        l.village = village;
        l.address = newAddress(village);
        l.reg = reg;
        l.end = end;
        m.liudong.add(l);
    }

    private boolean plain(Person m, Household h) {
        return m.normal() && geo.villages[m.village].district >= 0 && h.cq == null && !m.edge && m.special == null && !m.shared;
    }

    private void special(Person m, Household h) {
        if (!plain(m, h)) {
            return;
        }
        long p = m.index;
        boolean adultE = m.adultAt(E);
        boolean adultP = m.adultAt(P);
        int age = m.ageAt(E);
        boolean pre2000 = m.birth.getYear() < 2000 && m.birth.getYear() >= 1900;
        // beside any scenario of its own: the stranger's household comes in a later village, of this township or another
        if (qLookalike.want(p) && age >= 22 && age <= 85) {
            int target = geo.laterVillage(m.village, r.chance(0.5), r);
            if (target >= 0) {
                qLookalike.take();
                String hp = r.chance(0.25) ? names.homophone(m.name, m.surname.length(), r) : null;
                pending.get(target).add(new Pending(3, m, null, hp != null ? hp : m.name));
            }
        }
        if (qShared.want(p) && adultE && age >= 25 && age <= 70) {
            int target = geo.laterVillageOtherDistrict(m.village, r);
            if (target >= 0) {
                qShared.take();
                m.special = "SHARED";
                m.shared = true;
                pending.get(target).add(new Pending(1, m, null, null));
                count("scenario.重号_persons");
                return;
            }
        }
        if (qIdInvalid.tryTake(p, adultE)) {
            m.special = "ID_INVALID";
            m.idInvalid = true;
            m.hujiNumber = unusable(m.id, 12, 15);
            return;
        }
        if (qMultiA.tryTake(p, adultE && pre2000)) {
            m.special = "MULTI_A";
            m.dupKind = "a";
            m.dupNumber = Ids.to15(m.id);
            // SOURCES.md: the second registration's name "may differ by one character" — a homophone, or another character
            String hp = r.chance(0.25) ? names.homophone(m.name, m.surname.length(), r)
                    : r.chance(0.2) && !m.minority ? names.oneCharSlip(m.name, m.surname.length(), m.male, r) : null;
            m.dupName = hp != null ? hp : m.name;
            return;
        }
        if (qMultiB.tryTake(p, adultE)) {
            m.special = "MULTI_B";
            m.dupKind = "b";
            m.dupNumber = typo(m.id);
            m.dupName = m.name;
            return;
        }
        if (qMultiC.tryTake(p, adultE)) {
            // the phantom row goes to a later village of another district, or else to another household here
            int target = geo.laterVillageOtherDistrict(m.village, r);
            m.special = "MULTI_C";
            m.dupKind = "c";
            String hp = r.chance(0.3) && !m.minority ? names.homophone(m.name, m.surname.length(), r) : null;
            Pending g = new Pending(2, m, otherValid(m.id), hp != null ? hp : m.name);
            (target >= 0 ? pending.get(target) : afterHousehold).add(g);
            return;
        }
        if (qLegacy.tryTake(p, pre2000)) {
            m.special = "LEGACY_ONLY";
            m.hujiNumber = Ids.to15(m.id);
            return;
        }
        if (qDeathSb.tryTake(p, adultE && age <= 70)) {
            m.special = "DEATH_CONFLICT_SB";
            Person.Shebao s = shebaoRow(m, r.pick(geo.ordinary));
            s.state = "终止参保";
            s.termReason = "死亡";
            s.termDate = Fmt.between(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 25), r);
            m.sbDeath = s.termDate;
            return;
        }
        if (qDeathMz.tryTake(p, adultE)) {
            m.special = "DEATH_CONFLICT_MZ";
            m.mzKind = "conflict";
            m.mzDeath = Fmt.between(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 25), r);
            m.mzNumber = m.id;
            return;
        }
        if (qDeathReview.tryTake(p, adultE)) {
            m.special = "DEATH_REVIEW";
            m.mzKind = "review";
            m.mzDeath = Fmt.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 25), r);
            m.mzNumber = unusable(m.id, 14, 15);
            return;
        }
        boolean worker = adultE && age <= 60 && geo.unitDistricts.length > 0;
        if (qSbUnrepairable.tryTake(p, worker)) {
            m.special = "SB_UNREPAIRABLE_UNIT";
            Person.Shebao s = shebaoRow(m, unitEmployer(-1));
            s.number = unusable(m.id, 14, 15);
            s.certain = false;
            s.fullFields = true;
            return;
        }
        if (qSbTypoUnit.tryTake(p, worker)) {
            m.special = "SB_TYPO_UNIT";
            Person.Shebao s = shebaoRow(m, unitEmployer(-1));
            s.number = typo(m.id);
            s.typo = true;
            s.fullFields = true;
            return;
        }
        if (qSbTwoUnits.tryTake(p, worker && geo.unitDistricts.length >= 2)) {
            m.special = "SB_TWO_UNITS";
            Geo.Employer e1 = unitEmployer(-1);
            shebaoRow(m, e1);
            shebaoRow(m, unitEmployer(e1.unitDistrict));
            return;
        }
        if (qSbUnitSuspended.tryTake(p, worker)) {
            m.special = "SB_UNIT_SUSPENDED";
            shebaoRow(m, unitEmployer(-1)).state = "暂停缴费";
            return;
        }
        if (xuanwei(m, p, m.birth.plusYears(18).isBefore(LocalDate.of(2019, 1, 1)))) {
            return;
        }
        if (qWaidi.tryTake(p, adultE)) {
            m.special = "WAIDI";
            m.wdType = "已在外地登记";
            m.wdDate = Fmt.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 30), r);
            m.wdRegion = r.pick(HOME);
            return;
        }
        if (qWaidiAfterE.tryTake(p, adultE)) {
            m.special = "WAIDI_AFTER_E";
            m.wdType = "已在外地登记";
            m.wdDate = Fmt.between(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 1, 20), r);
            m.wdRegion = r.pick(HOME);
            return;
        }
        int hukou = geo.villages[m.village].district;
        if (qLdTwo.tryTake(p, adultE)) {
            m.special = "LIUDONG_TWO";
            int v1 = geo.coveredVillage(r, geo.villages[m.village].township, 0.7, hukou);
            int v2 = geo.coveredVillage(r, geo.villages[m.village].township, 0.7, hukou, geo.villages[v1].district);
            addLiudong(m, v1, Fmt.between(LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31), r), null);
            addLiudong(m, v2, Fmt.between(LocalDate.of(2022, 1, 1), LocalDate.of(2026, 10, 31), r), null);
            return;
        }
        if (qPrevMissing.tryTake(p, adultP)) {
            m.special = "PREV_MISSING";
            m.prevMissing = true;
            return;
        }
        if (qPrevDup.tryTake(p, adultP)) {
            m.special = "PREV_DUPLICATE";
            m.prevDuplicate = true;
            return;
        }
        if (qPrevOther.tryTake(p, adultP)) {
            m.special = "PREV_OTHER";
            int d = geo.residentialDistricts[r.nextInt(geo.residentialDistricts.length)];
            for (int i = 0; i < 5 && d == hukou; i++) {
                d = geo.residentialDistricts[r.nextInt(geo.residentialDistricts.length)];
            }
            if (d != hukou) {
                m.prevOther = d;
                count("scenario.prev_other_district");
            }
        }
    }

    /** @param adultE adult since before 2019 (every period below then fits the person's adult life) */
    private boolean xuanwei(Person m, long p, boolean adultE) {
        String court = r.chance(0.7) ? "样例县人民法院" : "某市中级人民法院";
        LocalDate adult = m.birth.plusYears(18);
        if (qXwDeprived.tryTake(p, adultE)) {
            // the first case began after the previous election (removed 剥夺政治权利), the second before it
            LocalDate from = qXwDeprived.filled == 1 ? P.plusDays(1) : qXwDeprived.filled == 2 ? LocalDate.of(2019, 1, 1) : LocalDate.of(2019, 1, 1);
            LocalDate to = qXwDeprived.filled == 2 ? P.minusDays(1) : LAST;
            LocalDate s = Fmt.between(max(adult, from), to, r);
            LocalDate e = r.chance(0.2) ? null : Fmt.between(LocalDate.of(2027, 1, 1), LocalDate.of(2031, 12, 31), r);
            m.rights.add(new Person.Rights("剥夺政治权利", s, e));
        } else if (qXwEndsOnE.tryTake(p, adultE)) {
            m.rights.add(new Person.Rights("剥夺政治权利", Fmt.between(max(adult, LocalDate.of(2022, 1, 1)), LocalDate.of(2024, 12, 31), r), E));
        } else if (qXwPast.tryTake(p, adult.isBefore(LocalDate.of(2012, 1, 1)))) {
            LocalDate s = Fmt.between(LocalDate.of(2012, 1, 1), LocalDate.of(2016, 12, 31), r);
            m.rights.add(new Person.Rights("剥夺政治权利", s, Fmt.between(s.plusYears(1), LocalDate.of(2020, 12, 31), r)));
        } else if (qXwCoveredP.tryTake(p, adult.isBefore(LocalDate.of(2017, 1, 1)))) {
            LocalDate s = Fmt.between(LocalDate.of(2017, 1, 1), LocalDate.of(2021, 6, 30), r);
            m.rights.add(new Person.Rights("剥夺政治权利", s, Fmt.between(LocalDate.of(2022, 1, 1), LocalDate.of(2026, 11, 30), r)));
        } else if (qXwRestored.tryTake(p, adult.isBefore(LocalDate.of(2019, 1, 1)))) {
            LocalDate s = Fmt.between(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 6, 30), r);
            LocalDate e = r.chance(0.3) ? null : Fmt.between(LocalDate.of(2027, 6, 1), LocalDate.of(2030, 12, 31), r);
            m.rights.add(new Person.Rights("剥夺政治权利", s, e));
            m.rights.add(new Person.Rights("恢复政治权利", Fmt.between(LocalDate.of(2025, 1, 1), LAST, r), null));
        } else if (qXwRestoreAfterE.tryTake(p, adult.isBefore(LocalDate.of(2022, 1, 1)))) {
            m.rights.add(new Person.Rights("剥夺政治权利", Fmt.between(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), r),
                    LocalDate.of(2028, 6, 30)));
            m.rights.add(new Person.Rights("恢复政治权利", LocalDate.of(2027, 1, 10), null));
        } else if (qXwOldRestore.tryTake(p, adult.isBefore(LocalDate.of(2010, 1, 1)))) {
            m.rights.add(new Person.Rights("剥夺政治权利", LocalDate.of(2010, 3, 1), LocalDate.of(2014, 2, 28)));
            m.rights.add(new Person.Rights("恢复政治权利", LocalDate.of(2014, 3, 1), null));
            m.rights.add(new Person.Rights("剥夺政治权利", Fmt.between(LocalDate.of(2024, 1, 1), LAST, r), LocalDate.of(2029, 12, 31)));
        } else if (qXwSuspended.tryTake(p, adultE)) {
            LocalDate s = Fmt.between(LocalDate.of(2026, 6, 1), LAST, r);
            m.rights.add(new Person.Rights("停止行使选举权利", s, r.chance(0.5) ? null : Fmt.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), r)));
            court = "样例县人民检察院";
        } else if (qXwSuspendedPast.tryTake(p, adultE)) {
            LocalDate s = Fmt.between(max(adult, LocalDate.of(2022, 1, 1)), LocalDate.of(2024, 6, 30), r);
            m.rights.add(new Person.Rights("停止行使选举权利", s, s.plusMonths(r.range(2, 10))));
            court = "样例县人民检察院";
        } else if (qXwUnable.tryTake(p, adultE)) {
            LocalDate from = qXwUnable.filled == 2 ? LocalDate.of(2019, 1, 1) : P.plusDays(1);
            LocalDate s = Fmt.between(max(adult, from), LAST, r);
            m.rights.add(new Person.Rights("不能行使选举权利", s, null));
            court = "样例县选举委员会";
        } else {
            return false;
        }
        m.special = "XUANWEI";
        m.rightsBody = court;
        return true;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Geo.Employer unitEmployer(int notDistrict) {
        for (int i = 0; i < 50; i++) {
            Geo.District d = geo.districts[geo.unitDistricts[r.nextInt(geo.unitDistricts.length)]];
            if (d.idx != notDistrict) {
                return d.employers.get(r.nextInt(d.employers.size()));
            }
        }
        throw new IllegalStateException("no second unit district");
    }

    private Person.Shebao shebaoRow(Person m, Geo.Employer e) {
        Person.Shebao s = new Person.Shebao();
        s.employer = e;
        s.state = "参保缴费";
        s.number = m.id;
        m.shebao.add(s);
        return s;
    }

    private static boolean noCommon(Person m) {
        return m.shared || m.idInvalid || m.ghost || "DEATH_REVIEW".equals(m.special) || "SB_UNREPAIRABLE_UNIT".equals(m.special)
                || "PREV_DUPLICATE".equals(m.special) || "LIUDONG_TWO".equals(m.special);
    }

    private void common(Person m, Household h) {
        if (m.shared || m.idInvalid) {
            return;
        }
        Geo.Village v = geo.villages[m.village];
        long p = m.index;
        if ("死亡".equals(m.status)) {
            if (r.chance(0.85)) {
                m.mzKind = "normal";
                m.mzDeath = max(m.birth, m.statusDate.minusDays(r.nextInt(3)));
                m.mzNumber = m.id;
            }
            if (m.ageAt(m.statusDate) <= 80 && m.adultAt(m.statusDate) && r.chance(0.3)) {
                Person.Shebao s = shebaoRow(m, r.pick(geo.ordinary));
                s.state = "终止参保";
                s.termReason = "死亡";
                s.termDate = m.statusDate;
                m.sbDeath = m.statusDate;
            }
            return;
        }
        if (!m.normal() || noCommon(m)) {
            return;
        }
        // residence elsewhere in the county
        if (v.district >= 0 && h.cq == null && m.liudong.isEmpty() && m.birth.isBefore(LocalDate.of(2024, 1, 1))) {
            boolean forced = qLdEndOnE.want(p) || qLdEnded.want(p) || qLdFuture.want(p) || qLdEndsAfterE.want(p);
            if (forced || r.chance(0.062)) {
                int tv = r.chance(0.9) ? geo.coveredVillage(r, v.township, 0.7, v.district) : geo.coveredVillage(r, v.township, 1.0);
                if (tv == m.village) {
                    tv = geo.coveredVillage(r, -1, 0, v.district);
                }
                LocalDate reg;
                LocalDate end = null;
                String kind;
                if (qLdEndOnE.tryTake(p, true)) {
                    reg = Fmt.between(LocalDate.of(2018, 1, 1), LocalDate.of(2025, 6, 30), r);
                    end = E;
                    kind = "ended_on_E";
                } else if (qLdEnded.tryTake(p, true)) {
                    reg = Fmt.between(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 6, 30), r);
                    end = Fmt.between(reg.plusDays(60), LAST, r);
                    kind = "ended";
                } else if (qLdFuture.tryTake(p, true)) {
                    reg = Fmt.between(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 1, 31), r);
                    kind = "after_E";
                } else if (qLdEndsAfterE.tryTake(p, true)) {
                    reg = Fmt.between(LocalDate.of(2016, 1, 1), LocalDate.of(2026, 6, 30), r);
                    end = Fmt.between(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 6, 30), r);
                    kind = "active_ends_after_E";
                } else {
                    reg = Fmt.between(LocalDate.of(2015, 1, 1), LocalDate.of(2026, 11, 28), r);
                    kind = "active";
                }
                if (reg.isBefore(m.birth)) {
                    reg = m.birth.plusDays(1 + r.nextInt(30));
                }
                addLiudong(m, tv, reg, end);
                count("scenario.liudong_county_" + kind);
            }
        }
        // social insurance
        boolean ownShebao = !m.shebao.isEmpty();
        if (!ownShebao && m.adultAt(E) && m.ageAt(E) <= 65) {
            boolean unitOk = v.district >= 0 && h.cq == null && geo.unitDistricts.length > 0;
            boolean unit = unitOk && qSbUnit.want(p);
            boolean any = unit || r.chance(0.52);
            if (any) {
                Person.Shebao s;
                if (unit) {
                    qSbUnit.tryTake(p, true);
                    s = shebaoRow(m, unitEmployer(-1));
                    count("scenario.shebao_unit_common");
                } else {
                    s = shebaoRow(m, r.pick(geo.ordinary));
                    int k = r.nextInt(100);
                    if (k < 5) {
                        s.state = "暂停缴费";
                    } else if (k < 15) {
                        s.state = "终止参保";
                        s.termReason = r.chance(0.7) ? "转出" : "其他";
                        s.termDate = Fmt.between(LocalDate.of(2019, 1, 1), LAST, r);
                    }
                }
                if (qSbTypo.want(p)) {
                    String t = typo(m.id);
                    qSbTypo.tryTake(p, true);
                    s.number = t;
                    s.typo = true;
                    s.fullFields = true;
                    count("scenario.shebao_typo");
                } else if (m.birth.getYear() < 2000 && qLegacyOther.tryTake(p, true)) {
                    s.number = Ids.to15(m.id);
                }
            }
        }
    }

    /** the statistics survey of a household (rows for the living members) */
    private void survey(Household h) {
        if (h.cq != null || !r.chance(0.3)) {
            return;
        }
        h.surveyed = true;
        h.tongjiId = "T" + String.format("%08d", ++tjSeq);
        for (Person m : h.members) {
            if (!m.normal() || m.shared || m.idInvalid || m.mzKind != null || m.sbDeath != null
                    || "DEATH_REVIEW".equals(m.special) || "SB_UNREPAIRABLE_UNIT".equals(m.special)) {
                continue;
            }
            long p = m.index;
            Person.Liudong act = activeLiudong(m, E);
            if (act != null) {
                m.tjState = "外出";
                m.tjDest = "本县";
                m.tjElsewhereRow = r.chance(0.2);
            } else if (m.livesIn != null) {
                // registered here, living in another county of the province: the survey finds them away
                m.tjState = "外出";
                m.tjDest = "外县";
            } else if (m.special == null && m.liudong.isEmpty() && m.shebao.stream().noneMatch(s -> s.employer.unitDistrict >= 0)
                    && m.adultAt(E) && !m.edge && geo.villages[m.village].district >= 0 && qAway.want(p)) {
                qAway.tryTake(p, true);
                m.tjState = "外出";
                m.tjDest = r.chance(0.8) ? "外县" : "境外";
            } else if (!m.adultAt(E) && m.ageAt(E) >= 15 && qAwayMinor.tryTake(p, true)) {
                m.tjState = "外出";
                m.tjDest = "外县";
            } else {
                m.tjState = "常住";
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    /** one wrong digit or one adjacent swap that repairs to exactly this number (its other neighbours are reserved) */
    private String typo(String id) {
        char[] c = id.toCharArray();
        for (int attempt = 0; attempt < 200; attempt++) {
            char[] t = c.clone();
            if (r.chance(0.5)) {
                int i = r.nextInt(18);
                char d;
                do {
                    d = i == 17 ? "0123456789X".charAt(r.nextInt(11)) : (char) ('0' + r.nextInt(10));
                } while (d == c[i]);
                t[i] = d;
            } else {
                int i = r.nextInt(17);
                if (t[i] == t[i + 1] || t[i + 1] == 'X') {
                    continue;
                }
                char x = t[i];
                t[i] = t[i + 1];
                t[i + 1] = x;
            }
            String s = new String(t);
            if (Ids.valid18(s)) {
                continue;
            }
            List<String> nb = Ids.neighbours(s);
            if (!nb.contains(id) || !freeExcept(nb, id)) {
                continue;
            }
            reserve(nb, id);
            return s;
        }
        throw new IllegalStateException("no repairable typo for " + id);
    }

    /** two wrong digits among positions lo..hi, failing the check, whose neighbours hold nobody (all reserved) */
    private String unusable(String id, int lo, int hi) {
        char[] c = id.toCharArray();
        for (int attempt = 0; attempt < 1500; attempt++) {
            if (attempt == 500 || attempt == 1000) {
                // a crowded (birth date, sex): widen to the day digits, then to the whole birth date
                lo = attempt == 500 ? Math.min(lo, 12) : 6;
                hi = 15;
            }
            int i = lo + r.nextInt(hi - lo + 1);
            int j = lo + r.nextInt(hi - lo + 1);
            if (i == j) {
                continue;
            }
            char[] t = c.clone();
            t[i] = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
            t[j] = (char) ('0' + (c[j] - '0' + 1 + r.nextInt(9)) % 10);
            String s = new String(t);
            if (Ids.valid18(s)) {
                continue;
            }
            List<String> nb = Ids.neighbours(s);
            if (nb.contains(id) || !freeExcept(nb, null)) {
                continue;
            }
            reserve(nb, null);
            return s;
        }
        throw new IllegalStateException("no unusable variant of " + id);
    }

    /** a valid number 1-2 sequence digits away (same birth and sex), issued to nobody; reserved */
    /**
     * A second valid number of the same birth date and sex "that belongs to nobody": one or two sequence digits
     * changed, or a whole new sequence (the engine must not rely on how close it is).
     */
    private String otherValid(String id) {
        for (int attempt = 0; attempt < 500; attempt++) {
            char[] t = id.toCharArray();
            int k = r.nextInt(10);
            t[14] = (char) ('0' + r.nextInt(10));
            if (k >= 5 || r.chance(0.5)) {
                t[15] = (char) ('0' + r.nextInt(10));
            }
            if (k >= 5) {
                t[16] = (char) ('0' + (r.nextInt(5) * 2 + (t[16] - '0') % 2));
            }

            String s17 = new String(t, 0, 17);
            String s = s17 + Ids.check(s17);
            if (!s.equals(id) && used.add(Ids.key(s))) {
                return s;
            }
        }
        throw new IllegalStateException("no free number near " + id);
    }

    private boolean freeExcept(List<String> nb, String id) {
        for (String x : nb) {
            if (!x.equals(id) && used.contains(Ids.key(x))) {
                return false;
            }
        }
        return true;
    }

    private void reserve(List<String> nb, String id) {
        for (String x : nb) {
            if (!x.equals(id)) {
                used.add(Ids.key(x));
            }
        }
    }

    private String junkId() {
        while (true) {
            Person tmp = new Person();
            tmp.male = r.chance(0.5);
            tmp.birth = Fmt.between(LocalDate.of(1950, 1, 1), LocalDate.of(2000, 12, 31), r);
            int seq = 1 + r.nextInt(995);
            String id = Ids.build(geo.county, tmp.birth, seq);
            if (used.add(Ids.key(id))) {
                return id;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ truth

    private static Person.Liudong activeLiudong(Person m, LocalDate d) {
        Person.Liudong best = null;
        for (Person.Liudong l : m.liudong) {
            if (!l.reg.isAfter(d) && (l.end == null || l.end.isAfter(d))) {
                if (best == null || l.reg.isAfter(best.reg)) {
                    best = l;
                }
            }
        }
        return best;
    }

    private int unitDistrict(Person m) {
        int best = -1;
        for (Person.Shebao s : m.shebao) {
            if (s.certain && "参保缴费".equals(s.state) && s.employer.unitDistrict >= 0) {
                int d = s.employer.unitDistrict;
                if (best < 0 || geo.districts[d].code.compareTo(geo.districts[best].code) < 0) {
                    best = d;
                }
            }
        }
        return best;
    }

    /** the xuanwei restriction covering a day, in reason precedence; null if none */
    private static String restriction(Person m, LocalDate d) {
        String[][] types = {{"剥夺政治权利", "DEPRIVED"}, {"停止行使选举权利", "SUSPENDED"}, {"不能行使选举权利", "UNABLE"}};
        for (String[] t : types) {
            for (Person.Rights x : m.rights) {
                if (x.type.equals(t[0]) && !x.start.isAfter(d) && (x.end == null || !x.end.isBefore(d))) {
                    boolean restored = false;
                    if (t[0].equals("剥夺政治权利")) {
                        for (Person.Rights y : m.rights) {
                            if (y.type.equals("恢复政治权利") && y.start.isAfter(x.start) && !y.start.isAfter(d)) {
                                restored = true;
                            }
                        }
                    }
                    if (!restored) {
                        return t[1];
                    }
                }
            }
        }
        return null;
    }

    private void exc(Person m, String code) {
        if (!m.exceptions.contains(code)) {
            m.exceptions.add(code);
        }
    }

    private void evaluate(Person m) {
        if (m.inMigrant) {
            Person.Liudong act = activeLiudong(m, E);
            if (!(m.proof && act != null)) {
                m.reason = "NOT_CONSIDERED";
                if (act != null) {
                    m.book = true;
                    m.months = (int) ChronoUnit.MONTHS.between(act.reg, E);
                    if (m.months >= 12) {
                        exc(m, "INMIGRANT_ELIGIBLE");
                    }
                }
                return;
            }
        }
        boolean deathEvidence = "conflict".equals(m.mzKind) || "normal".equals(m.mzKind) || m.sbDeath != null;
        if (deathEvidence && m.normal()) {
            exc(m, "DEATH_CONFLICT");
        }
        String reason = null;
        if (m.idInvalid) {
            reason = "ID_INVALID";
            exc(m, "ID_INVALID");
            m.review = true;
        } else if ("死亡".equals(m.status) || deathEvidence) {
            reason = "DECEASED";
        } else if (!m.adultAt(E)) {
            reason = "UNDER_18";
        } else {
            // RULES.md 三增三减: where several reasons apply, the removed book's first (剥夺 … 迁出, 外地登记, 其他)
            reason = restriction(m, E);
            if (reason == null && "迁出".equals(m.status)) reason = "MOVED_OUT";
            if (reason == null && "已在外地登记".equals(m.wdType) && !m.wdDate.isAfter(E)) reason = "REGISTERED_ELSEWHERE";
            if (reason == null && !m.normal()) {
                reason = switch (m.status) {
                    case "服兵役" -> "MILITARY";
                    case "出国定居" -> "EMIGRATED";
                    case "注销" -> "CANCELLED";
                    default -> throw new IllegalStateException(m.status);
                };
            }
        }
        if (reason == null) {
            int unit = unitDistrict(m);
            int resettled = m.cq != null && "RESET".equals(m.cq.type) && !m.cq.handover.isAfter(E)
                    ? geo.villages[m.cq.resettleVillage].district : -1;
            Person.Liudong act = activeLiudong(m, E);
            int residence = act == null ? -1 : geo.villages[act.village].district;
            int hukou = m.inMigrant ? -1 : geo.villages[m.village].district;
            if (unit >= 0) {
                m.district = unit;
                m.basis = "工作单位";
            } else if (resettled >= 0) {
                m.district = resettled;
                m.basis = "安置地";
                if (residence >= 0 && residence != resettled) {
                    exc(m, "RESIDENCE_CONFLICT");
                }
            } else if (residence >= 0) {
                m.district = residence;
                m.basis = m.inMigrant ? "资格证明" : "居住地";
            } else if (hukou >= 0) {
                m.district = hukou;
                m.basis = "户籍地";
            } else {
                reason = "NO_DISTRICT";
                exc(m, "NO_DISTRICT");
            }
        }
        m.listed = reason == null;
        m.reason = reason == null ? "" : reason;
        if (m.shared) {
            exc(m, "ID_SHARED");
        }
        // the undecided 一人多户 of case c: a number that belongs to nobody, in another household and village, with
        // nothing else in common; RULES.md calls such records two people and asks nothing, so no item is expected
        if ("c".equals(m.dupKind) || m.ghost) {
            m.review = true;
        }
        // a look-alike stranger (one name, sex and birth date, another number, household and village) shares nothing else
        // with the person: two people, no item (RULES.md, PERSON_MULTI_RECORD needs a tie beyond those three)
        if (m.listed && "SB_UNREPAIRABLE_UNIT".equals(m.special)) {
            exc(m, "MATCH_REVIEW");
        }
        if (m.listed && "review".equals(m.mzKind)) {
            exc(m, "DEATH_REVIEW");
        }
        m.away = m.listed && "外出".equals(m.tjState) && ("外县".equals(m.tjDest) || "境外".equals(m.tjDest));
        // the previous roll (2021-11-15)
        if (!m.inMigrant && !m.ghost && !m.prevMissing && m.adultAt(P) && (m.normal() || m.statusDate.isAfter(P))
                && restriction(m, P) == null && !("已在外地登记".equals(m.wdType) && !m.wdDate.isAfter(P))) {
            if (m.prevOther >= 0) {
                m.prevDistrict = m.prevOther;
                m.prevBasis = "居住地";
                m.prevLiveAddress = newAddress(geo.districts[m.prevOther].villages.get(0));
            } else {
                int unit = unitDistrict(m);
                Person.Liudong atP = activeLiudong(m, P);
                int residence = atP == null ? -1 : geo.villages[atP.village].district;
                if (unit >= 0) {
                    m.prevDistrict = unit;
                    m.prevBasis = "工作单位";
                } else if (residence >= 0) {
                    m.prevDistrict = residence;
                    m.prevBasis = "居住地";
                    m.prevLiveAddress = atP.address;
                } else {
                    m.prevDistrict = geo.villages[m.village].district;
                    m.prevBasis = "户籍地";
                }
            }
            m.onPrev = m.prevDistrict >= 0;
        }
        if (m.listed && !(m.onPrev && m.prevDistrict == m.district)) {
            if (m.onPrev) {
                m.added = "迁入";
            } else if (!m.adultAt(P)) {
                m.added = "新满十八周岁";
            } else if (restriction(m, P) != null) {
                m.added = "恢复政治权利";
            } else if (m.inMigrant) {
                m.added = "迁入";
            } else {
                m.added = "补登";
            }
        }
    }

    private static String removalReason(Person m) {
        if (m.listed) {
            return "迁出";
        }
        return switch (m.reason) {
            case "MOVED_OUT" -> "迁出";
            case "DECEASED" -> "死亡";
            case "DEPRIVED" -> "剥夺政治权利";
            case "SUSPENDED" -> "停止行使选举权利";
            case "UNABLE" -> "不能行使选举权利";
            case "REGISTERED_ELSEWHERE" -> "外地登记";
            default -> "其他";
        };
    }

    // ------------------------------------------------------------------------------------------------ emission

    private void csv(CsvOut w, String... f) {
        if (r.chance(0.01)) {
            w.rowAllQuoted(f);
        } else {
            w.row(f);
        }
        if (r.chance(0.0005)) {
            w.blank();
        }
    }

    private String messId(String id, double rate) {
        if (id != null && id.endsWith("X") && r.chance(0.1)) {
            return id.substring(0, id.length() - 1) + "x"; // typed with a lower-case x, the commonest slip of all
        }
        return r.chance(rate) ? Ids.mess(id, r) : id;
    }

    private String messAddr(String a) {
        int k = r.nextInt(1000);
        if (k < 4) {
            return a.replaceFirst("(村|社区)", "$1,");
        }
        if (k < 7) {
            return a.replaceFirst("(村|社区)", "$1\n");
        }
        if (k < 9) {
            return a + "（\"老屋\"）";
        }
        return a;
    }

    /** the name as another agency spells it (traditional, homophone, spaces, dot variants, wildcards) */
    private String otherName(Person m, boolean homophone) {
        return otherName(m, homophone, true);
    }

    private String otherName(Person m, boolean homophone, boolean wildcard) {
        return otherName(m, homophone, wildcard, true);
    }

    /**
     * @param keepHomophone false for a row under a mistyped number whose truth is a certain repair: RULES.md's "a
     *        homophone ... is not agreement" makes such a row a review case, so the homophone drawn is not written (the
     *        draws stay the same, and with them every other row of the county)
     */
    private String otherName(Person m, boolean homophone, boolean wildcard, boolean keepHomophone) {
        String nm = m.name;
        if (m.minority) {
            if (r.chance(0.7)) {
                nm = Names.dotVariant(nm, r);
            }
        } else {
            if (r.chance(0.03)) {
                nm = names.traditional(nm);
                count("mess.traditional_name");
            } else if (homophone && r.chance(0.01)) {
                String h = names.homophone(nm, m.surname.length(), r);
                if (h != null && keepHomophone) {
                    nm = h;
                    count("mess.homophone_name");
                }
            }
            if (wildcard && Names.hasRare(nm) && r.chance(0.5)) {
                nm = Names.wildcard(nm, r);
                count("mess.wildcard_name");
            }
        }
        int k = r.nextInt(1000);
        if (k < 15) {
            nm = " " + nm + " ";
        } else if (k < 22) {
            nm = "\u3000" + nm + "\u3000";
        } else if (k < 30 && !m.minority && nm.length() >= 2) {
            nm = nm.charAt(0) + " " + nm.substring(1);
        }
        return nm;
    }

    private Object xlsxDate(LocalDate d) {
        if (d == null) {
            return null;
        }
        return r.chance(0.5) ? d : Fmt.date(d, r);
    }

    private void emit(Person m, Household h) {
        records.person(m.id, m.name);
        try {
            emitRows(m, h);
        } finally {
            records.person(null, null);
        }
        writeTruth(m, h);
    }

    private void emitRows(Person m, Household h) {
        Geo.Village v = geo.villages[m.village];
        if (!m.inMigrant) {
            String num = messId(m.hujiNumber, 0.01);
            String nm = m.name;
            int k = r.nextInt(1000);
            if (k < 8) {
                nm = " " + nm + " ";
            } else if (k < 12) {
                nm = nm + "\u3000";
            }
            csv(huji, num, nm, m.formerName, Fmt.sex(m.male, r, 0.04), m.ethnic, Fmt.date(m.birth, r), m.hh, m.relation,
                    messAddr(h.address), v.code, m.status, Fmt.date(m.statusDate, r), m.moveTo);
            if (m.dupKind != null && !"c".equals(m.dupKind)) {
                String hh2 = nextHh(m.village);
                csv(huji, messId(m.dupNumber, 0.05), m.dupName, "", Fmt.sex(m.male, r, 0.04), m.ethnic, Fmt.date(m.birth, r), hh2,
                        "户主", newAddress(m.village), v.code, "正常", "", "");
                count("scenario.一人多户_extra_huji_rows");
            }
        }
        for (Person.Liudong l : m.liudong) {
            String hukouCode;
            if (m.homeVillage != null) {
                int k = r.nextInt(100);
                hukouCode = k < 70 ? m.homeVillage : k < 85 ? m.homeVillage.substring(0, 9) : m.homeRegion;
            } else if (m.inMigrant) {
                hukouCode = r.chance(0.6) ? m.homeRegion : m.homeRegion + "10" + r.range(1, 9) + "2" + r.range(10, 99);
            } else {
                int k = r.nextInt(100);
                hukouCode = k < 70 ? v.code : k < 85 ? v.code.substring(0, 9) : v.code.substring(0, 6);
            }
            // a police source: traditional characters, dots and spaces, but no homophones (SOURCES.md: "in non-police sources")
            csv(liudong, otherName(m, false), messId(m.id, 0.05), r.chance(0.9) ? Fmt.sex(m.male, r, 0.05) : "",
                    r.chance(0.8) ? Fmt.date(m.birth, r) : "", hukouCode, geo.villages[l.village].code, messAddr(l.address),
                    Fmt.date(l.reg, r), Fmt.date(l.end, r), r.pick(REASONS));
        }
        for (Person.Shebao s : m.shebao) {
            String num = s.typo || !s.certain ? s.number : messId(s.number, 0.06);
            String nm = !s.certain ? m.name : otherName(m, true, !s.typo, !s.typo);
            boolean full = s.fullFields || r.chance(0.8);
            Object base = "参保缴费".equals(s.state) ? (Object) (double) (2000 + 100 * r.nextInt(60)) : null;
            shebao.row(nm, num, full ? Fmt.sex(m.male, r, 0.05) : null, full ? xlsxDate(m.birth) : null, s.employer.name,
                    s.employer.credit, s.state, s.termReason, xlsxDate(s.termDate), base);
        }
        if (m.mzKind != null) {
            String num = "review".equals(m.mzKind) ? m.mzNumber : messId(m.mzNumber, 0.05);
            String nm = "review".equals(m.mzKind) ? m.name : otherName(m, true);
            LocalDate crem = r.chance(0.8) ? m.mzDeath.plusDays(1 + r.nextInt(4)) : null;
            csv(minzheng, num, nm, r.chance(0.9) ? Fmt.sex(m.male, r, 0.05) : "", Fmt.date(m.mzDeath, r), Fmt.date(crem, r));
        }
        if (!m.rights.isEmpty()) {
            String body = m.rightsBody;
            int no = 1 + r.nextInt(300);
            for (Person.Rights x : m.rights) {
                String doc = "(" + x.start.getYear() + ")样" + (x.type.equals("不能行使选举权利") ? "选字第" : "刑初字第") + no + "号";
                csv(xuanwei, messId(m.id, 0.05), otherName(m, true), x.type, Fmt.date(x.start, r), Fmt.date(x.end, r), body, doc);
            }
        }
        if (m.wdType != null) {
            String region = m.inMigrant ? m.homeRegion : m.wdRegion;
            int hi = java.util.Arrays.asList(HOME).indexOf(region);
            csv(waidi, messId(m.id, 0.05), otherName(m, true), m.wdType, region,
                    (hi >= 0 ? HOME_NAME[hi] : county.committees().getOrDefault(region, "")) + "选举委员会", Fmt.date(m.wdDate, r));
        }
        if (m.tjState != null) {
            String nm;
            boolean withNumber = r.chance(0.3);
            if ("外出".equals(m.tjState) && !withNumber) {
                String hp = r.chance(0.2) ? names.homophone(m.name, m.surname.length(), r) : null;
                nm = hp != null ? hp : m.name;
            } else {
                nm = otherName(m, true);
            }
            int tv = m.inMigrant ? m.liudong.get(0).village : m.village;
            String addr = m.inMigrant ? m.liudong.get(0).address : h.address;
            String tid = m.inMigrant ? "T" + String.format("%08d", ++tjSeq) : h.tongjiId;
            String regPlace = m.inMigrant ? "外县" : "本村(居)";
            tongjiRow(tv, tid, addr, nm, m, withNumber, regPlace, m.tjState, m.tjDest == null ? "" : m.tjDest);
            if (m.tjElsewhereRow) {
                Person.Liudong l = activeLiudong(m, E);
                boolean sameTownship = geo.villages[l.village].township == v.township;
                tongjiRow(l.village, "T" + String.format("%08d", ++tjSeq), l.address, otherName(m, true), m, r.chance(0.3),
                        sameTownship ? "本乡镇其他村(居)" : "本县其他乡镇", "常住", "");
            }
        }
    }

    private void tongjiRow(int village, String tid, String addr, String nm, Person m, boolean withNumber, String regPlace,
                           String state, String dest) {
        CsvOut w = village < geo.villages.length / 2 ? tongji1 : tongji2;
        csv(w, tid, messAddr(addr), geo.villages[village].code, nm, Fmt.sex(m.male, r, 0.05), Fmt.month(m.birth, r),
                withNumber ? messId(m.id, 0.05) : "", regPlace, state, dest);
    }

    private void emitCase(Household h) {
        Household.Case c = h.cq;
        Geo.Village v = geo.villages[h.village];
        boolean money = c.type.equals("MONEY");
        String phone = "1" + (30 + r.nextInt(60)) + String.format("%08d", r.nextInt(100_000_000));
        for (Person m : h.members) {
            if (m.cq == null) {
                continue;
            }
            String num = m.cqNoNumber ? "" : messId(m.id, 0.05);
            String nm = m.cqNoNumber ? m.name : otherName(m, true);
            records.person(m.id, m.name);
            chaiqian.row(c.project.name, c.caseNo, nm, num, m.relation, h.address, v.code, money ? "货币补偿" : "产权调换",
                    money ? null : c.resettleAddress, money ? null : geo.villages[c.resettleVillage].code, xlsxDate(c.handover),
                    xlsxDate(c.project.demolition), m.relation.equals("户主") ? phone : null);
            records.person(null, null);
            if (m.cqNoNumber) {
                count("scenario.chaiqian_row_without_number");
            }
        }
        if (r.chance(0.01)) {
            chaiqian.blank();
        }
    }

    private void writeTruth(Person m, Household h) {
        StringBuilder ex = new StringBuilder();
        for (String code : EXC_ORDER) {
            if (m.exceptions.contains(code)) {
                ex.append(ex.length() > 0 ? ";" : "").append(code);
                count("truth.exception." + code);
            }
        }
        truth.row(m.id, m.name, Fmt.sex(m.male), Fmt.iso(m.birth), m.listed ? "是" : "否",
                m.listed ? geo.districts[m.district].code : "", m.basis, m.reason, m.added, m.away ? "是" : "否",
                m.book ? "是" : "否", m.book ? Integer.toString(m.months) : "", ex.toString(), m.review ? "是" : "否");
        truthRows++;
        count(m.listed ? "truth.listed" : "truth.not_listed");
        if (m.listed) {
            count("truth.basis." + m.basis);
        } else {
            count("truth.reason." + m.reason);
        }
        if (!m.added.isEmpty()) {
            count("truth.added." + m.added);
        }
        if (m.away) {
            count("truth.away");
        }
        if (m.book) {
            count("truth.inmigrant_book");
        }
        if (m.review) {
            count("truth.review");
        }
        if (m.onPrev) {
            String addr = h.address;
            String live = m.prevLiveAddress != null ? m.prevLiveAddress : addr;
            String change = r.chance(0.85) ? "保留" : "新增";
            prev.line(m.prevDistrict, m.name, m.male, Fmt.iso(m.birth), m.id, addr, live, m.prevBasis, change);
            count("prev.lines");
            boolean keep = m.listed && m.district == m.prevDistrict;
            if (!keep) {
                removedRow(m.prevDistrict, m, removalReason(m));
            } else if (m.prevDuplicate) {
                prev.line(m.prevDistrict, m.name, m.male, Fmt.iso(m.birth), m.id, addr, live, m.prevBasis, change);
                count("prev.lines");
                count("scenario.prev_duplicate_line");
                removedRow(m.prevDistrict, m, "其他");
            }
        }
        if (m.special != null) {
            count("special." + m.special);
        }
    }

    private void removedRow(int d, Person m, String reason) {
        removed.row(geo.districts[d].code, m.id, m.name, reason);
        count("truth.removed." + reason);
    }

    // ------------------------------------------------------------------------------------------------ in-migrants

    private void inMigrantUnit(int v) {
        String region = r.pick(HOME);
        boolean couple = r.chance(0.3);
        Person a = inMigrant(v, region, r.chance(0.55), r.range(18, 60));
        LocalDate reg;
        LocalDate end = null;
        boolean mayProve = true;
        long p = pos;
        if (qInEdge12.tryTake(p, true)) {
            reg = LocalDate.of(2025, 12, 15);
            mayProve = false;
        } else if (qInEdge11.tryTake(p, true)) {
            reg = LocalDate.of(2025, 12, 16);
            mayProve = false;
        } else if (qInEnded.tryTake(p, true)) {
            reg = Fmt.between(LocalDate.of(2016, 1, 1), LocalDate.of(2025, 6, 30), r);
            end = Fmt.between(reg.plusDays(90), LAST, r);
            mayProve = false;
        } else if (qInFuture.tryTake(p, true)) {
            reg = Fmt.between(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 1, 31), r);
            mayProve = false;
        } else {
            reg = r.chance(0.5) ? Fmt.between(LocalDate.of(2016, 1, 1), LocalDate.of(2024, 11, 30), r)
                    : Fmt.between(LocalDate.of(2024, 12, 1), LAST, r);
        }
        Person.Liudong l = new Person.Liudong();
        l.village = v;
        l.address = newAddress(v);
        l.reg = reg;
        l.end = end;
        List<Person> unit = new ArrayList<>(2);
        unit.add(a);
        if (couple) {
            unit.add(inMigrant(v, region, !a.male, Math.max(18, Math.min(60, a.ageAt(E) + r.range(-3, 3)))));
        }
        for (Person m : unit) {
            m.liudong.add(l);
            if (mayProve && qInProof.tryTake(pos, true)) {
                m.proof = true;
                m.wdType = "原选区资格证明";
                LocalDate from = max(reg, LocalDate.of(2025, 6, 1)).plusDays(1);
                m.wdDate = Fmt.between(from.isAfter(LAST) ? LAST : from, LAST, r);
                count("scenario.inmigrant_with_proof");
            }
            if (r.chance(0.3)) {
                shebaoRow(m, r.pick(geo.ordinary));
            }
            if (r.chance(0.3) && !reg.isAfter(LAST)) {
                m.tjState = "常住";
            }
            evaluate(m);
            emit(m, null);
            inMigrants++;
        }
    }

    // ------------------------------------------------------------------------------------------------ province

    GeneratorOptions options() {
        return o;
    }

    String countyCode() {
        return county.code();
    }

    /**
     * Plans a person registered in this county who lives in {@code there}: their identity is drawn here (a number of this
     * county's region, a name free in the whole province), the villages and dates from {@code plan}. Both counties then
     * write them as their village comes: this one a household of one in its register, {@code there} an in-migrant.
     */
    CrossCountyPerson emigrant(Rng plan, Generation there, CrossCountyPerson.Kind kind) {
        Person p = new Person();
        p.male = plan.chance(0.5);
        int age = plan.range(25, 60);
        p.birth = E.minusYears(age).minusDays(plan.nextInt(365));
        p.id = newId(geo.county, p, false);
        nameFor(p, null);
        int home = geo.coveredVillages[plan.nextInt(geo.coveredVillages.length)];
        int live = there.geo.coveredVillages[plan.nextInt(there.geo.coveredVillages.length)];
        // mostly long enough resident to be invited (INMIGRANT_ELIGIBLE when uncertified), some recent
        LocalDate since = plan.chance(0.75) ? Fmt.between(LocalDate.of(2016, 1, 1), LocalDate.of(2025, 6, 30), plan)
                : Fmt.between(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 10, 31), plan);
        LocalDate proof = null;
        LocalDate notice = null;
        if (kind.listedWhereTheyLive()) {
            LocalDate from = max(since, LocalDate.of(2025, 6, 1)).plusDays(1);
            proof = Fmt.between(from.isAfter(LAST) ? LAST : from, LAST, plan);
        }
        if (kind == CrossCountyPerson.Kind.CERTIFIED_NOTIFIED) {
            notice = Fmt.between(proof, LAST, plan);
        }
        CrossCountyPerson c = new CrossCountyPerson(p.id, p.name, p.surname, p.male, p.birth, geo.county, geo.villages[home].code,
                there.geo.county, there.geo.villages[live].code, kind, since, proof, notice);
        emigrants.get(home).add(c);
        there.arrivals.get(live).add(c);
        return c;
    }

    private Person planted(int v, CrossCountyPerson c) {
        Person m = new Person();
        m.index = pos;
        m.village = v;
        m.male = c.male();
        m.birth = c.birth();
        m.id = c.number();
        m.hujiNumber = c.number();
        m.name = c.name();
        m.surname = c.surname();
        int k = names.spellingHashes(m.name, hashes);
        for (int i = 0; i < k; i++) {
            villageKeys.add(villageKey(hashes[i], m.male, m.birth));
        }
        return m;
    }

    /** A planted person's household of one in this, their home county; told of their registration there in case (c). */
    private void emigrantHousehold(int v, CrossCountyPerson c) {
        Person m = planted(v, c);
        m.hh = nextHh(v);
        m.relation = "户主";
        m.special = "CROSS_COUNTY_EMIGRANT";
        m.livesIn = c.liveCounty();
        if (c.noticeDate() != null) {
            m.wdType = "已在外地登记";
            m.wdDate = c.noticeDate();
            m.wdRegion = c.liveCounty();
        }
        Household h = new Household(v, m.hh, newAddress(v));
        h.members.add(m);
        households++;
        pos++;
        survey(h);
        evaluate(m);
        emit(m, h);
        count("scenario.cross_county_registered_here_" + c.kind().label);
    }

    /** A planted person living here, registered in another county of the province: with a certificate in (a) and (c). */
    private void arrival(int v, CrossCountyPerson c) {
        Person m = planted(v, c);
        m.inMigrant = true;
        m.homeRegion = c.homeCounty();
        m.homeVillage = c.homeVillage();
        m.special = "CROSS_COUNTY_INMIGRANT";
        Person.Liudong l = new Person.Liudong();
        l.village = v;
        l.address = newAddress(v);
        l.reg = c.since();
        m.liudong.add(l);
        if (c.proofDate() != null) {
            m.proof = true;
            m.wdType = "原选区资格证明";
            m.wdDate = c.proofDate();
        }
        evaluate(m);
        emit(m, null);
        inMigrants++;
        count("scenario.cross_county_living_here_" + c.kind().label);
    }

    private Person inMigrant(int v, String region, boolean male, int age) {
        Person m = new Person();
        m.index = pos;
        m.inMigrant = true;
        m.homeRegion = region;
        m.village = v;
        m.male = male;
        m.birth = birthForAge(age);
        m.id = newId(region, m, false);
        nameFor(m, null);
        m.hujiNumber = m.id;
        return m;
    }

    // ------------------------------------------------------------------------------------------------ junk

    private void junk(int v) {
        for (JunkQuota j : junkQuotas) {
            if (j.q.tryTake(pos, true)) {
                junkRow(j.source, j.type, v);
                count("junk." + j.source + "." + j.type);
            }
        }
    }

    private void junkRow(String source, String type, int v) {
        Geo.Village village = geo.villages[v];
        String name = type.equals("blank_name") ? (r.chance(0.5) ? "" : "  ") : r.pick(JUNK_NAMES);
        String id = type.equals("garbage_number") ? r.pick(GARBAGE_IDS) : junkId();
        String bad = r.pick(BAD_DATES);
        String addr = newAddress(v);
        CsvOut w;
        switch (source) {
            case "huji" -> {
                w = huji;
                if (type.equals("short_row")) {
                    w.junkRow(id, name);
                } else {
                    w.junkRow(id, name, "", "男", "汉族", type.equals("bad_date") ? bad : "1978-05-06", nextHh(v), "户主", addr,
                            village.code, "正常", "", "");
                }
            }
            case "liudong" -> {
                w = liudong;
                if (type.equals("short_row")) {
                    w.junkRow(name, id);
                } else {
                    w.junkRow(name, id, "女", "1990-01-01", "420106", village.code, addr, type.equals("bad_date") ? bad : "2024-01-01",
                            "", "务工");
                }
            }
            case "shebao" -> {
                if (type.equals("short_row")) {
                    shebao.junkRow(name, id);
                } else {
                    Geo.Employer e = geo.ordinary[0];
                    shebao.junkRow(name, id, "男", "1980-01-01", e.name, e.credit, "参保缴费", null, null, 3000.0);
                }
                return;
            }
            case "tongji" -> {
                w = v < geo.villages.length / 2 ? tongji1 : tongji2;
                String tid = "T" + String.format("%08d", ++tjSeq);
                if (type.equals("short_row")) {
                    w.junkRow(tid, addr);
                } else {
                    w.junkRow(tid, addr, village.code, name, "男", type.equals("bad_date") ? r.pick(new String[] {"19xx年", "不详", "1985-13"}) : "1980-01",
                            "", "本村(居)", "常住", "");
                }
            }
            case "chaiqian" -> {
                if (type.equals("short_row")) {
                    chaiqian.junkRow("零星拆迁", "ZZ-" + (900 + r.nextInt(99)));
                } else {
                    chaiqian.junkRow("零星拆迁", "ZZ-" + (900 + r.nextInt(99)), name, id, "户主", addr, village.code, "货币补偿",
                            null, null, null, null, null);
                }
                return;
            }
            case "minzheng" -> {
                w = minzheng;
                if (type.equals("short_row")) {
                    w.junkRow(id, name);
                } else {
                    w.junkRow(id, name, "男", type.equals("bad_date") ? bad : "2026-05-01", "");
                }
            }
            case "xuanwei" -> {
                w = xuanwei;
                if (type.equals("short_row")) {
                    w.junkRow(id, name);
                } else {
                    w.junkRow(id, name, "剥夺政治权利", type.equals("bad_date") ? bad : "2025-01-01", "2028-01-01", "样例县人民法院",
                            "(2025)样刑初字第999号");
                }
            }
            case "waidi" -> {
                w = waidi;
                if (type.equals("short_row")) {
                    w.junkRow(id, name);
                } else {
                    w.junkRow(id, name, "已在外地登记", "320102", "南京市玄武区选举委员会", type.equals("bad_date") ? bad : "2026-10-01");
                }
            }
            default -> throw new IllegalStateException(source);
        }
    }

    // ------------------------------------------------------------------------------------------------ summary

    private void count(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private void writeSummary(Path file, Map<String, Long> perSource) throws IOException {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"generator\": \"org.voterroll.generate\",\n");
        b.append("  \"seed\": ").append(o.seed()).append(",\n");
        b.append("  \"county\": \"").append(geo.county).append("\",\n");
        b.append("  \"electionDay\": \"2026-12-15\",\n");
        b.append("  \"previousElectionDay\": \"2021-11-15\",\n");
        b.append("  \"persons\": ").append(pos + inMigrants).append(",\n");
        b.append("  \"countyPersons\": ").append(pos).append(",\n");
        b.append("  \"inMigrants\": ").append(inMigrants).append(",\n");
        b.append("  \"phantomHujiPersons\": ").append(phantoms).append(",\n");
        b.append("  \"truthRows\": ").append(truthRows).append(",\n");
        b.append("  \"households\": ").append(households).append(",\n");
        b.append("  \"townships\": ").append(geo.townships.length).append(",\n");
        b.append("  \"villages\": ").append(geo.villages.length).append(",\n");
        b.append("  \"districts\": ").append(geo.districts.length).append(",\n");
        b.append("  \"previousRollLines\": ").append(prev.lines).append(",\n");
        b.append("  \"removedRows\": ").append(removed.rows).append(",\n");
        CsvOut[] csvs = {huji, liudong, tongji1, tongji2, minzheng, xuanwei, waidi};
        Map<String, Long> rowsPerFile = new TreeMap<>();
        Map<String, Long> junkFile = new TreeMap<>();
        for (CsvOut c : csvs) {
            rowsPerFile.put(c.fileName, c.rows);
            junkFile.put(c.fileName, c.junk);
        }
        for (XlsxParts x : new XlsxParts[] {shebao, chaiqian}) {
            for (Map.Entry<String, long[]> e : x.perFile().entrySet()) {
                rowsPerFile.put(e.getKey(), e.getValue()[0]);
                junkFile.put(e.getKey(), e.getValue()[1]);
            }
        }
        b.append("  \"rowsPerSource\": ");
        map(b, perSource);
        b.append(",\n  \"rowsPerFile\": ");
        map(b, rowsPerFile);
        b.append(",\n  \"junkRowsPerFile\": ");
        map(b, junkFile);
        b.append(",\n  \"counts\": ");
        map(b, new TreeMap<>(counts));
        Map<String, Long> targets = new LinkedHashMap<>();
        Map<String, Long> filled = new LinkedHashMap<>();
        for (Quota x : quotas.values()) {
            targets.put(x.name, (long) x.target);
            filled.put(x.name, (long) x.filled);
        }
        b.append(",\n  \"quotaTargets\": ");
        map(b, targets);
        b.append(",\n  \"quotaFilled\": ");
        map(b, filled);
        b.append("\n}\n");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static void map(StringBuilder b, Map<String, Long> m) {
        b.append("{");
        boolean first = true;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            b.append(first ? "\n" : ",\n").append("    \"").append(e.getKey().replace("\"", "\\\"")).append("\": ").append(e.getValue());
            first = false;
        }
        b.append(first ? "}" : "\n  }");
    }
}
