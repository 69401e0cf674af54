package org.voterroll.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A synthetic province: several counties from {@link CountyGenerator}'s generation, one province's codes (one prefix,
 * distinct names), with people planted between every ordered pair of counties in the three kinds of
 * {@link CrossCountyPerson.Kind}, and the truth of what the province run must give.
 * <pre>
 * DIR/jobs/&lt;code&gt;/job.yml, county/, inbox/, previous/   one job directory per county (province --jobs-dir DIR/jobs)
 * DIR/truth/&lt;code&gt;/                               the county's truth, as generate --persons writes it
 * DIR/truth/counties.csv                           code, name, job directory and truth directory of each county
 * DIR/truth/province.csv                           the planted people and where each must be listed
 * </pre>
 * The counties' runs write to DIR/out (job.yml {@code out: ../../out}).
 */
public final class ProvinceGenerator {
    /** the province's code prefix: 34 (安徽) 97, codes no real county has, and not the single county's 349901 */
    static final String PREFIX = "3497";
    private static final String FIRST = "东西南北青白金石长永太新清龙凤桃柳松梅杨红黄安平兴富";
    private static final String SECOND = "河山湖岭溪林源田";
    static final String[] COUNTIES_H = {"县级代码", "县名", "任务目录", "真值目录"};
    static final String[] PROVINCE_H = {"公民身份号码", "姓名", "户籍县", "居住县", "情形", "户籍县应列入", "居住县应列入", "应有跨县重复"};

    /** What was written: the counties' codes in order, people in all, the planted people. */
    public record Result(Path out, List<String> counties, long persons, List<CrossCountyPerson> planted) {
    }

    private ProvinceGenerator() {
    }

    static String code(int i) {
        return PREFIX + String.format("%02d", i + 1);
    }

    /** distinct for the 99 counties a province may have: the second character's index moves by 5 (mod 8) per round of the first's */
    static String name(int i) {
        return "" + FIRST.charAt(i % FIRST.length()) + SECOND.charAt((i / FIRST.length() + i) % SECOND.length()) + "县";
    }

    public static Result generate(ProvinceOptions o) throws IOException {
        Rng plan = new Rng(o.seed() * 0x9E3779B97F4A7C15L + 0x9401L);
        Map<String, String> committees = new LinkedHashMap<>();
        for (int i = 0; i < o.counties(); i++) {
            committees.put(code(i), name(i));
        }
        LongHashSet used = new LongHashSet((int) Math.min(1 << 29, (long) o.counties() * o.personsPerCounty() * 12L / 5));
        List<Generation> gens = new ArrayList<>();
        // each county's townships named after the previous counties' (the counties are of one size): no name repeats
        int townships = Geo.townships(o.personsPerCounty(), o.townships());
        for (int i = 0; i < o.counties(); i++) {
            Path dir = o.out().resolve("jobs").resolve(code(i));
            gens.add(new Generation(new GeneratorOptions(o.personsPerCounty(), plan.nextLong(), o.townships(), dir),
                    new Generation.County(code(i), name(i), committees, i * townships), used));
        }
        List<CrossCountyPerson> planted = new ArrayList<>();
        for (Generation home : gens) {
            for (Generation there : gens) {
                if (home == there) {
                    continue;
                }
                for (CrossCountyPerson.Kind kind : CrossCountyPerson.Kind.values()) {
                    for (int k = 0; k < o.perPairAndKind(); k++) {
                        planted.add(home.emigrant(plan, there, kind));
                    }
                }
            }
        }
        Path truth = Files.createDirectories(o.out().resolve("truth"));
        long persons = 0;
        List<String> codes = new ArrayList<>();
        for (Generation g : gens) {
            Path dir = g.options().out();
            persons += g.run().persons();
            Path countyTruth = truth.resolve(g.countyCode());
            deleteTree(countyTruth);
            Files.move(dir.resolve("truth"), countyTruth);
            Files.writeString(dir.resolve("job.yml"), "# generated county " + g.countyCode() + " of a synthetic province (generate --province)\n"
                    + "county: county\ninbox: inbox\nprevious: previous\nout: ../../out\nrequire-ready: false\n", StandardCharsets.UTF_8);
            codes.add(g.countyCode());
        }
        try (CsvOut c = new CsvOut(truth.resolve("counties.csv"), StandardCharsets.UTF_8, false, "\n", COUNTIES_H, false)) {
            for (String code : codes) {
                c.row(code, committees.get(code), "jobs/" + code, "truth/" + code);
            }
        }
        try (CsvOut p = new CsvOut(truth.resolve("province.csv"), StandardCharsets.UTF_8, false, "\n", PROVINCE_H, false)) {
            for (CrossCountyPerson c : planted) {
                p.row(c.number(), c.name(), c.homeCounty(), c.liveCounty(), c.kind().label, yes(c.kind().listedAtHome()),
                        yes(c.kind().listedWhereTheyLive()), yes(c.kind().duplicate()));
            }
        }
        return new Result(o.out(), codes, persons, planted);
    }

    private static String yes(boolean b) {
        return b ? "是" : "否";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
