package org.voterroll.properties;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.voterroll.properties.Piece.Kind;

/**
 * A county of a few dozen people, made of {@link Piece}s, written as a delivery of every source of SOURCES.md with its
 * mess. Its own county code (341288), so that its runs never become another test's previous run.
 */
record TinyCounty(List<Piece> pieces) {
    static final String CODE = "341288";
    static final LocalDate ELECTION_DAY = LocalDate.of(2026, 12, 15);
    static final String UNIT_CODE = "91341288MA0012345K";
    static final String RESETTLED_VILLAGE = "341288100001";

    /** village or community → name; 新华社区 is district -02, the two villages of 城关镇 -01, those of 河口乡 201-01 */
    static final Map<String, String> VILLAGES = Map.of(
            "341288100201", "城关镇东风村", "341288100202", "城关镇西岭村", RESETTLED_VILLAGE, "城关镇新华社区",
            "341288201101", "河口乡河口村", "341288201102", "河口乡渡口村");
    static final List<String> VILLAGE_CODES = List.of("341288100201", "341288100202", RESETTLED_VILLAGE, "341288201101", "341288201102");

    static final String HUJI = "huji_20261201.csv", LIUDONG = "liudong_20261201.csv", SHEBAO = "shebao_20261201.csv",
            TONGJI = "tongji_20261201.csv", CHAIQIAN = "chaiqian_20261201.csv", MINZHENG = "minzheng_20261201.csv",
            XUANWEI = "xuanwei_20261201.csv", WAIDI = "waidi_20261201.csv";
    static final Map<String, String> HEADERS = Map.of(
            HUJI, "公民身份号码,姓名,曾用名,性别,民族,出生日期,户号,与户主关系,户籍地址,户籍地区划代码,人员状态,状态变动日期,迁往地区划代码",
            LIUDONG, "公民身份号码,姓名,性别,出生日期,户籍地区划代码,居住地址,居住地区划代码,登记日期,注销日期,居住事由",
            // another column order and an extra column, as SOURCES.md says deliveries come
            SHEBAO, " 姓名 ,社会保障号码,性别,出生日期,参保单位名称,统一社会信用代码,参保状态,终止原因,终止日期,缴费基数",
            TONGJI, "住户编码,调查地址,调查地区划代码,姓名,性别,出生年月,公民身份号码,户口登记地,居住状态,外出去向",
            CHAIQIAN, "项目名称,被征收户编号,姓名,公民身份号码,与户主关系,原房屋地址,原区划代码,安置方式,安置地址,安置区划代码,交房日期,拆除日期",
            MINZHENG, "公民身份号码,姓名,性别,死亡日期,火化日期",
            XUANWEI, "公民身份号码,姓名,类型,起始日期,终止日期,决定机关,文号",
            WAIDI, "公民身份号码,姓名,类型,对方区划代码,对方选举委员会,日期");
    static final List<String> FILES = List.of(HUJI, LIUDONG, SHEBAO, TONGJI, CHAIQIAN, MINZHENG, XUANWEI, WAIDI);

    /** What a record is evidence of, where that could change someone's listing or district. */
    enum Evidence { NONE, DEATH, RIGHTS, ELSEWHERE, RESETTLE, UNIT, RESIDENCE }

    /** One data row of one file, whose person it truly is (-1: nobody of the county) and what it is evidence of. */
    static final class Row {
        final String file;
        final String csv;
        final int owner;
        final Evidence evidence;
        final String note;
        final boolean blankBefore;
        int line;

        Row(String file, String csv, int owner, Evidence evidence, String note, boolean blankBefore) {
            this.file = file;
            this.csv = csv;
            this.owner = owner;
            this.evidence = evidence;
            this.note = note;
            this.blankBefore = blankBefore;
        }

        String where() {
            return file + ":" + line;
        }
    }

    /** The county as written: where, its people, its rows with their line numbers. */
    record Delivered(Path county, Path inbox, Path previous, List<Citizen> citizens, List<Row> rows) {
        long rowsOf(String file) {
            return rows.stream().filter(r -> r.file.equals(file)).count();
        }

        Citizen owner(Row r) {
            return r.owner < 0 ? null : citizens.get(r.owner);
        }

        /** The county as files, for a failure message. */
        String listing() {
            StringBuilder b = new StringBuilder();
            for (String f : FILES) {
                List<Row> mine = rows.stream().filter(r -> r.file.equals(f)).toList();
                if (mine.isEmpty()) continue;
                b.append("  ").append(f).append(":\n");
                for (Row r : mine) b.append("    ").append(r.line).append(": ").append(r.csv).append(r.note.isEmpty() ? "" : "    # " + r.note).append('\n');
            }
            return b.toString();
        }
    }

    static TinyCounty generate(Random r) {
        int n = 4 + r.nextInt(9);
        List<Piece> pieces = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < n; i++) {
            Kind kind = kinds[r.nextInt(kinds.length)];
            pieces.add(new Piece(kind, r.nextLong(), mess(kind, r)));
        }
        return new TinyCounty(pieces);
    }

    /**
     * A piece's messes: at most one of the number's five (a typo, a swap, empty, the legacy form, a typo in it: a record has one
     * number), the others each on their own, so that the combinations that matter (a mistyped number with a homophone
     * name, in a case with or without anchored members) come up in a few dozen tries.
     */
    static Set<Mess> mess(Kind kind, Random r) {
        Set<Mess> can = applicable(kind);
        Set<Mess> mess = EnumSet.noneOf(Mess.class);
        List<Mess> number = new ArrayList<>(List.of(Mess.NUMBER_TYPO, Mess.NUMBER_SWAP, Mess.NUMBER_EMPTY, Mess.NUMBER_LEGACY15,
                Mess.NUMBER_LEGACY15_TYPO));
        number.retainAll(can);
        if (!number.isEmpty() && r.nextInt(100) < 60) mess.add(number.get(r.nextInt(number.size())));
        Map<Mess, Integer> percent = Map.of(Mess.NUMBER_FULL_WIDTH, 25, Mess.NAME_HOMOPHONE, 40, Mess.NAME_TRADITIONAL, 25,
                Mess.NAME_DOTS, 30, Mess.NAME_WILDCARD, 30, Mess.FORMAT, 25, Mess.UNANCHORED, 30);
        for (Mess m : Mess.values()) if (can.contains(m) && percent.containsKey(m) && r.nextInt(100) < percent.get(m)) mess.add(m);
        return mess;
    }

    static Set<Mess> applicable(Kind kind) {
        return switch (kind) {
            case YOUNG, SHARED_NUMBER -> EnumSet.of(Mess.FORMAT, Mess.NUMBER_FULL_WIDTH);
            case IN_MIGRANT -> EnumSet.of(Mess.FORMAT, Mess.NUMBER_FULL_WIDTH, Mess.NAME_TRADITIONAL);
            case TWO_HOUSEHOLDS -> EnumSet.of(Mess.NUMBER_TYPO, Mess.NUMBER_SWAP, Mess.NUMBER_LEGACY15, Mess.NAME_HOMOPHONE, Mess.FORMAT);
            case RESETTLED -> EnumSet.allOf(Mess.class);
            default -> EnumSet.complementOf(EnumSet.of(Mess.UNANCHORED));
        };
    }

    TinyCounty without(int piece) {
        List<Piece> less = new ArrayList<>(pieces);
        less.remove(piece);
        return new TinyCounty(less);
    }

    TinyCounty with(int piece, Piece p) {
        List<Piece> other = new ArrayList<>(pieces);
        other.set(piece, p);
        return new TinyCounty(other);
    }

    /** As Java source, for writing a shrunk case down as a regression test. */
    String source() {
        return "new TinyCounty(List.of(\n        " + pieces.stream().map(Piece::source).collect(Collectors.joining(",\n        ")) + "))";
    }

    @Override
    public String toString() {
        return pieces.toString();
    }

    Delivered write(Path dir) throws IOException {
        Writer w = new Writer();
        for (int i = 0; i < pieces.size(); i++) w.piece(i, pieces.get(i));
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String f : FILES) {
            List<String> mine = new ArrayList<>();
            int line = 1;
            for (Row r : w.rows) {
                if (!r.file.equals(f)) continue;
                if (r.blankBefore) { mine.add(""); line++; }
                r.line = ++line;
                mine.add(r.csv);
            }
            lines.put(f, mine);
        }
        writeFiles(dir, lines);
        writeBaseline(dir, w.citizens);
        Path county = dir.resolve("county"), inbox = dir.resolve("inbox"), previous = dir.resolve("previous");
        return new Delivered(county, inbox, previous, List.copyOf(w.citizens), List.copyOf(w.rows));
    }

    /** The district of a village of the county (xuanqu.csv below). */
    static String districtOf(String village) {
        if (village.startsWith("341288201")) return "341288201-01";
        return village.equals(RESETTLED_VILLAGE) ? "341288100-02" : "341288100-01";
    }

    /**
     * The previous roll (issue 18: a previous voter never vanishes on uncertain evidence): everyone of the county's own
     * register adult on the previous election day, in the district of their village, as the previous night listed them.
     */
    static void writeBaseline(Path dir, List<Citizen> citizens) throws IOException {
        StringBuilder b = new StringBuilder("选区编码,选区名称,序号,姓名,性别,出生日期,公民身份号码,户籍地址,居住地址,登记依据,变动\r\n");
        int seq = 0;
        for (Citizen c : citizens) {
            if (c.inMigrant || !c.adultOn(LocalDate.of(2021, 11, 15)) || !VILLAGES.containsKey(c.village)) continue;
            b.append(districtOf(c.village)).append(",上届选区,").append(++seq).append(',').append(c.name).append(',')
                    .append(c.male ? "男" : "女").append(',').append(c.birth).append(',').append(c.number).append(',')
                    .append(VILLAGES.get(c.village)).append(",,户籍地,保留\r\n");
        }
        Files.writeString(Files.createDirectories(dir.resolve("previous").resolve("rolls")).resolve("previous.csv"), b, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code dir/county} (election.yml, xuanqu.csv), {@code dir/previous} (an empty baseline) and {@code dir/inbox}
     * with every source's file: its header and the lines given ({@code huji} in GB18030, {@code shebao} UTF-8 with a BOM,
     * the others UTF-8). A source without lines still gets its file, so that no earlier snapshot stays in force.
     */
    static void writeFiles(Path dir, Map<String, List<String>> lines) throws IOException {
        Path county = Files.createDirectories(dir.resolve("county"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.createDirectories(dir.resolve("previous"));
        Files.writeString(county.resolve("election.yml"), """
                county-code: "341288"
                county-name: 试验县
                election-day: 2026-12-15
                in-migrant-months: 12
                previous-election-day: 2021-11-15
                """, StandardCharsets.UTF_8);
        Files.writeString(county.resolve("xuanqu.csv"), """
                选区编码,选区名称,乡镇代码,类型,覆盖区划代码,单位统一社会信用代码
                341288100-01,城关镇第一选区,341288100,居住,341288100201;341288100202,
                341288100-02,城关镇第二选区,341288100,居住,341288100001,
                341288100-03,城关镇机械厂选区,341288100,单位,,91341288MA0012345K
                341288201-01,河口乡第一选区,341288201,居住,341288201101;341288201102,
                """, StandardCharsets.UTF_8);
        for (String f : FILES) {
            StringBuilder b = new StringBuilder(HEADERS.get(f)).append("\r\n");
            for (String l : lines.getOrDefault(f, List.of())) b.append(l).append("\r\n");
            Charset cs = f.equals(HUJI) ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
            Files.write(inbox.resolve(f), (f.equals(SHEBAO) ? "\uFEFF" + b : b.toString()).getBytes(cs));
        }
    }

    /** Writes the pieces' people and rows; running numbers (sequence, household, case, dwelling) count over the county. */
    private static final class Writer {
        final List<Citizen> citizens = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();
        final Set<String> used = new java.util.HashSet<>();
        int seq, household = 300001, kase = 1, dwelling = 1;
        int pieceNo;
        Piece piece;

        Random rnd(String salt) {
            return new Random(piece.seed() * 1_000_003L + salt.hashCode());
        }

        void piece(int no, Piece p) {
            pieceNo = no;
            piece = p;
            seq = 0;
            Random r = rnd("piece");
            switch (p.kind()) {
                case RESIDENT -> resident(r);
                case YOUNG -> young(r);
                case DEATH, RIGHTS, ELSEWHERE, UNIT -> {
                    Citizen c = adult(r, hh(), village(r), "户主");
                    notice(c, p.kind(), r);
                }
                case RESETTLED -> resettled(r);
                case LOOKALIKE -> lookalike(r);
                case TWINS -> twins(r);
                case TWO_HOUSEHOLDS -> twoHouseholds(r);
                case SHARED_NUMBER -> shared(r);
                case IN_MIGRANT -> inMigrant(r);
            }
        }

        String hh() {
            return String.valueOf(household++);
        }

        static String village(Random r) {
            return VILLAGE_CODES.get(r.nextInt(VILLAGE_CODES.size()));
        }

        String address(String village) {
            return VILLAGES.get(village) + (dwelling % 9 + 1) + "组" + (dwelling++) + "号";
        }

        String name(Random r, boolean male) {
            if (r.nextInt(100) < 12) {
                String[] pool = male ? Spelling.MINORITY_MALE : Spelling.MINORITY_FEMALE;
                return pool[r.nextInt(pool.length)];
            }
            String given = male ? Spelling.MALE_GIVEN : Spelling.FEMALE_GIVEN;
            StringBuilder b = new StringBuilder().append(Spelling.SURNAMES.charAt(r.nextInt(Spelling.SURNAMES.length())));
            b.append(given.charAt(r.nextInt(given.length())));
            if (r.nextInt(100) < 25) b.append(Spelling.RARE.charAt(r.nextInt(Spelling.RARE.length())));
            else if (r.nextBoolean()) b.append(given.charAt(r.nextInt(given.length())));
            return b.toString();
        }

        LocalDate birth(Random r, int fromYear, int toYear) {
            LocalDate from = LocalDate.of(fromYear, 1, 1);
            return from.plusDays(r.nextInt((int) (LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay())));
        }

        Citizen citizen(String name, boolean male, LocalDate birth, String household, String village, String area) {
            Citizen c = new Citizen(citizens.size(), pieceNo, Spelling.number(area, birth, nextSeq(male, area, birth)), name, male, birth, household, village);
            citizens.add(c);
            return c;
        }

        /**
         * A sequence number of the sex (odd for men, GB 11643) drawn from the piece's own seed, so that the piece's numbers
         * stay the same when shrinking takes other pieces away; the next free one where the number is taken.
         */
        int nextSeq(boolean male, String area, LocalDate birth) {
            int s = 100 + rnd("seq" + (seq++)).nextInt(850);
            if ((s % 2 == 1) != male) s++;
            while (!used.add(Spelling.number(area, birth, s))) s += 2;
            return s;
        }

        Citizen adult(Random r, String household, String village, String relation) {
            boolean male = r.nextBoolean();
            Citizen c = citizen(name(r, male), male, birth(r, 1940, 2007), household, village, CODE);
            huji(c, relation, address(village), c.number, c.name);
            return c;
        }

        // ---- the rows of each source

        void add(String file, Evidence e, Citizen owner, String note, String... cells) {
            boolean blank = piece.has(Mess.FORMAT) && rnd("blank" + rows.size()).nextInt(3) == 0;
            rows.add(new Row(file, String.join(",", cells), owner == null ? -1 : owner.index, e, note, blank));
        }

        void huji(Citizen c, String relation, String address, String number, String name) {
            Random r = rnd("huji" + c.index + number);
            boolean f = piece.has(Mess.FORMAT);
            String shown = number;
            if (number.equals(c.number) && piece.has(Mess.NUMBER_LEGACY15) && piece.kind() != Kind.TWO_HOUSEHOLDS
                    && Spelling.hasLegacyForm(number)) shown = Spelling.legacy15(number);
            if (piece.has(Mess.NUMBER_FULL_WIDTH)) shown = Spelling.wide(shown, r);
            String ethnic = name.contains("·") ? "维吾尔族" : "汉族";
            add(HUJI, Evidence.NONE, c, "", csv(shown), f ? Spelling.spaced(name, r) : name, "", Spelling.sex(c.male, f, r), ethnic,
                    Spelling.date(c.birth, f, r), c.household, relation, csv(address), c.village, c.status,
                    "正常".equals(c.status) ? "" : "2026-08-02", "");
        }

        /** A number as a non-police source writes it, with the piece's number mess; and whether it is the person's own. */
        String numberAsTyped(Citizen c, String salt, boolean allowEmpty) {
            Random r = rnd("number" + salt);
            String n = c.number;
            if (allowEmpty && piece.has(Mess.NUMBER_EMPTY)) return "";
            if (piece.has(Mess.NUMBER_TYPO)) n = Spelling.typo(n, r);
            else if (piece.has(Mess.NUMBER_SWAP)) n = Spelling.swap(n, r);
            else if (piece.has(Mess.NUMBER_LEGACY15_TYPO)) n = Spelling.hasLegacyForm(n) ? Spelling.legacyTypo(n, r) : Spelling.typo(n, r);
            else if (piece.has(Mess.NUMBER_LEGACY15) && Spelling.hasLegacyForm(n)) n = Spelling.legacy15(n);
            if (piece.has(Mess.NUMBER_FULL_WIDTH)) n = Spelling.wide(n, r);
            return n;
        }

        /** Whether the piece's number mess leaves the person's own number (after normalisation). */
        boolean ownNumber() {
            return !piece.has(Mess.NUMBER_EMPTY) && !piece.has(Mess.NUMBER_TYPO) && !piece.has(Mess.NUMBER_SWAP)
                    && !piece.has(Mess.NUMBER_LEGACY15_TYPO);
        }

        String nameAsTyped(Citizen c, String salt, boolean police) {
            Random r = rnd("name" + salt);
            String n = c.name;
            if (!police && piece.has(Mess.NAME_HOMOPHONE)) {
                String h = Spelling.homophone(n, r);
                if (h != null) n = h;
            }
            if (piece.has(Mess.NAME_TRADITIONAL)) n = Spelling.traditional(n);
            if (piece.has(Mess.NAME_DOTS)) n = Spelling.dots(n, r);
            if (piece.has(Mess.NAME_WILDCARD)) n = Spelling.wildcard(n, r);
            if (piece.has(Mess.FORMAT)) n = Spelling.spaced(n, r);
            return n;
        }

        /** Whether the piece's name mess leaves a name that agrees after normalisation (no homophone where there is one). */
        boolean agreeingName(Citizen c) {
            return !piece.has(Mess.NAME_HOMOPHONE) || Spelling.homophone(c.name, new Random(0)) == null;
        }

        String messNote() {
            return piece.mess().isEmpty() ? "" : piece.mess().toString();
        }

        void notice(Citizen c, Kind kind, Random r) {
            boolean f = piece.has(Mess.FORMAT);
            Random fr = rnd("notice" + c.index);
            String number = numberAsTyped(c, "notice" + c.index, true), name = nameAsTyped(c, "notice" + c.index, false);
            boolean clean = ownNumber() && agreeingName(c);
            String note = kind + " " + messNote();
            switch (kind) {
                case DEATH -> {
                    c.anyRemoval = true;
                    c.cleanRemoval |= clean;
                    LocalDate died = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(300));
                    if (r.nextInt(4) == 0) {
                        add(SHEBAO, Evidence.DEATH, c, note, name, csv(number), Spelling.sex(c.male, f, fr), Spelling.date(c.birth, f, fr),
                                "试验县粮站", "91341288MA0067890P", "终止参保", "死亡", Spelling.date(died, f, fr), "");
                    } else {
                        add(MINZHENG, Evidence.DEATH, c, note, csv(number), name, Spelling.sex(c.male, f, fr), Spelling.date(died, f, fr),
                                Spelling.date(died.plusDays(2), f, fr));
                    }
                }
                case RIGHTS -> {
                    c.anyRemoval = true;
                    c.cleanRemoval |= clean;
                    String[][] kinds = {{"剥夺政治权利", "2024-03-01", "2027-02-28"}, {"停止行使选举权利", "2026-11-01", "2027-01-31"},
                            {"不能行使选举权利", "2025-01-01", ""}};
                    String[] k = kinds[r.nextInt(kinds.length)];
                    add(XUANWEI, Evidence.RIGHTS, c, note, csv(number), name, k[0], k[1], k[2], "试验县人民法院", "(2024)试刑初字第" + (c.index + 1) + "号");
                }
                case ELSEWHERE -> {
                    c.anyRemoval = true;
                    c.cleanRemoval |= clean;
                    add(WAIDI, Evidence.ELSEWHERE, c, note, csv(number), name, "已在外地登记", "320102", "南京市玄武区选举委员会",
                            Spelling.date(LocalDate.of(2026, 11, 2), f, fr));
                }
                case UNIT -> {
                    c.cleanUnit |= clean;
                    add(SHEBAO, Evidence.UNIT, c, note, name, csv(number), Spelling.sex(c.male, f, fr), Spelling.date(c.birth, f, fr),
                            "试验县机械厂", UNIT_CODE, "参保缴费", "", "", "4200");
                }
                default -> throw new IllegalArgumentException(kind.toString());
            }
        }

        void resident(Random r) {
            Citizen c = adult(r, hh(), village(r), "户主");
            boolean f = piece.has(Mess.FORMAT);
            if (r.nextInt(100) < 45) {
                Random fr = rnd("shebao" + c.index);
                add(SHEBAO, Evidence.NONE, c, "insured " + messNote(), nameAsTyped(c, "shebao", false), csv(numberAsTyped(c, "shebao", true)),
                        Spelling.sex(c.male, f, fr), Spelling.date(c.birth, f, fr), "试验县纺织厂", "91341288MA0054321Q", "参保缴费", "", "", "3900");
            }
            if (r.nextInt(100) < 45) {
                Random fr = rnd("tongji" + c.index);
                boolean away = r.nextInt(3) == 0;
                add(TONGJI, Evidence.NONE, c, "surveyed " + messNote(), "T" + (dwelling++), csv(VILLAGES.get(c.village) + "1组" + c.index + "号"),
                        c.village, nameAsTyped(c, "tongji", false), Spelling.sex(c.male, true, fr), Spelling.month(c.birth, f, fr),
                        r.nextBoolean() ? "" : csv(numberAsTyped(c, "tongji", true)), "本村(居)", away ? "外出" : "常住", away ? "外县" : "");
            }
            if (r.nextInt(100) < 20) {
                String lives = VILLAGE_CODES.get((VILLAGE_CODES.indexOf(c.village) + 1 + r.nextInt(VILLAGE_CODES.size() - 1)) % VILLAGE_CODES.size());
                Random fr = rnd("liudong" + c.index);
                String number = piece.has(Mess.NUMBER_FULL_WIDTH) ? Spelling.wide(c.number, fr) : c.number;
                add(LIUDONG, Evidence.RESIDENCE, c, "lives in another village", csv(number), nameAsTyped(c, "liudong", true),
                        Spelling.sex(c.male, f, fr), Spelling.date(c.birth, f, fr), c.village, csv(address(lives)), lives,
                        Spelling.date(LocalDate.of(2024, 3, 15), f, fr), "", "务工");
            }
        }

        void young(Random r) {
            LocalDate[] edges = {LocalDate.of(2008, 12, 15), LocalDate.of(2008, 12, 16), LocalDate.of(2008, 2, 29)};
            LocalDate born = r.nextInt(3) == 0 ? edges[r.nextInt(edges.length)] : birth(r, 2008, 2012);
            boolean male = r.nextBoolean();
            String village = village(r);
            Citizen c = citizen(name(r, male), male, born, hh(), village, CODE);
            huji(c, "户主", address(village), c.number, c.name);
        }

        void resettled(Random r) {
            String village = VILLAGE_CODES.get(r.nextBoolean() ? 0 : 4);
            String h = hh(), addr = address(village);
            List<Citizen> members = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            boolean male = r.nextBoolean();
            Citizen head = citizen(name(r, male), male, birth(r, 1950, 1985), h, village, CODE);
            members.add(head);
            relations.add("户主");
            if (r.nextInt(4) > 0) {
                members.add(citizen(name(r, !male), !male, birth(r, 1950, 1985), h, village, CODE));
                relations.add("配偶");
            }
            for (int k = r.nextInt(3); k > 0; k--) {
                boolean son = r.nextBoolean();
                // a child has the head's surname (a minority name keeps its own form)
                String n = name(r, son);
                if (!head.name.contains("·") && !n.contains("·")) n = head.name.charAt(0) + n.substring(1);
                members.add(citizen(n, son, birth(r, 1995, 2011), h, village, CODE));
                relations.add(son ? "子" : "女");
            }
            for (int i = 0; i < members.size(); i++) huji(members.get(i), relations.get(i), addr, members.get(i).number, members.get(i).name);
            String kase = "CQ-" + String.format("%03d", this.kase++);
            int target = r.nextInt(members.size());
            String place = csv(addr) + "," + village + ",产权调换," + VILLAGES.get(RESETTLED_VILLAGE) + (kase.hashCode() % 20 + 21) + "栋101,"
                    + RESETTLED_VILLAGE + ",2026-06-30,2025-11-20";
            for (int i = 0; i < members.size(); i++) {
                Citizen c = members.get(i);
                boolean t = i == target;
                String number = t ? numberAsTyped(c, "case", true) : piece.has(Mess.UNANCHORED) ? "" : c.number;
                String name = t ? nameAsTyped(c, "case", false) : c.name;
                add(CHAIQIAN, Evidence.RESETTLE, c, t ? "target " + messNote() : "", "旧村改造", kase, csv(name), csv(number), relations.get(i), place);
            }
        }

        void lookalike(Random r) {
            Citizen a = adult(r, hh(), village(r), "户主");
            String otherVillage = VILLAGE_CODES.get((VILLAGE_CODES.indexOf(a.village) + 1 + r.nextInt(4)) % 5);
            Citizen b = citizen(a.name, a.male, a.birth, hh(), otherVillage, CODE);
            huji(b, "户主", address(otherVillage), b.number, b.name);
            if (r.nextInt(3) > 0) notice(a, new Kind[] {Kind.DEATH, Kind.RIGHTS, Kind.ELSEWHERE, Kind.UNIT}[r.nextInt(4)], r);
        }

        void twins(Random r) {
            boolean male = r.nextBoolean();
            String village = village(r), h = hh(), addr = address(village);
            LocalDate born = birth(r, 1960, 2007);
            String first = name(r, male);
            if (first.contains("·") || first.length() < 3) first = first.charAt(0) + "" + (male ? '伟' : '丽') + (male ? '强' : '红');
            String second = first.substring(0, 2) + (male ? (first.charAt(2) == '明' ? '涛' : '明') : (first.charAt(2) == '静' ? '芳' : '静'));
            Citizen a = citizen(first, male, born, h, village, CODE);
            Citizen b = citizen(second, male, born, h, village, CODE);
            huji(a, "户主", addr, a.number, a.name);
            huji(b, "兄弟", addr, b.number, b.name);
            if (r.nextInt(3) > 0) notice(r.nextBoolean() ? a : b, new Kind[] {Kind.DEATH, Kind.RIGHTS, Kind.ELSEWHERE, Kind.UNIT}[r.nextInt(4)], r);
        }

        void twoHouseholds(Random r) {
            Citizen c = adult(r, hh(), village(r), "户主");
            c.tangled = true;
            Random nr = rnd("second");
            String second;
            if (piece.has(Mess.NUMBER_TYPO)) second = Spelling.typo(c.number, nr);
            else if (piece.has(Mess.NUMBER_SWAP)) second = Spelling.swap(c.number, nr);
            else if (piece.has(Mess.NUMBER_LEGACY15) && Spelling.hasLegacyForm(c.number)) second = Spelling.legacy15(c.number);
            else second = Spelling.number(CODE, c.birth, nextSeq(c.male, CODE, c.birth)); // a valid number that belongs to nobody
            String name = c.name;
            if (piece.has(Mess.NAME_HOMOPHONE)) {
                String h = Spelling.homophone(name, nr);
                if (h != null) name = h;
            }
            String village = village(r);
            String h = hh();
            rows.add(new Row(HUJI, String.join(",", csv(second), name, "", c.male ? "男" : "女", "汉族", Spelling.date(c.birth, false, nr), h,
                    "户主", csv(address(village)), village, "正常", "", ""), c.index, Evidence.NONE, "second registration " + messNote(), false));
        }

        void shared(Random r) {
            Citizen a = adult(r, hh(), village(r), "户主");
            boolean male = a.male;
            String other;
            do other = name(r, male); while (other.charAt(0) == a.name.charAt(0));
            String village = village(r);
            Citizen b = new Citizen(citizens.size(), pieceNo, a.number, other, male, r.nextBoolean() ? a.birth : birth(r, 1940, 2007),
                    hh(), village);
            citizens.add(b);
            a.tangled = b.tangled = true;
            huji(b, "户主", address(village), b.number, b.name);
        }

        void inMigrant(Random r) {
            boolean male = r.nextBoolean();
            String area = r.nextBoolean() ? "320102" : "420106";
            String lives = village(r);
            Citizen c = citizen(name(r, male), male, birth(r, 1960, 2005), "-", lives, area);
            c.inMigrant = true;
            boolean f = piece.has(Mess.FORMAT);
            Random fr = rnd("inmigrant");
            String number = piece.has(Mess.NUMBER_FULL_WIDTH) ? Spelling.wide(c.number, fr) : c.number;
            add(LIUDONG, Evidence.NONE, c, "in-migrant", csv(number), c.name, Spelling.sex(c.male, f, fr), Spelling.date(c.birth, f, fr), area,
                    csv(address(lives)), lives, Spelling.date(LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700)), f, fr), "", "务工");
            if (r.nextBoolean()) {
                add(WAIDI, Evidence.NONE, c, "proof", csv(number), nameAsTyped(c, "proof", false), "原选区资格证明", area.substring(0, 6),
                        "原籍选举委员会", Spelling.date(LocalDate.of(2026, 10, 20), f, fr));
            }
        }

        static String csv(String v) {
            return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
        }
    }
}
