package org.voterroll.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A province of 3 × 1,000: the planted people's rows in both counties, their truth, and the same seed giving the same bytes. */
class ProvinceGeneratorTest {
    @TempDir static Path tmp;
    static ProvinceGenerator.Result result;

    @BeforeAll
    static void generate() throws Exception {
        result = ProvinceGenerator.generate(new ProvinceOptions(3, 1000, 5, 0, tmp.resolve("p")));
    }

    @Test
    void countiesOfOneProvinceWithDistinctCodesAndNames() throws Exception {
        assertThat(result.counties()).containsExactly("349701", "349702", "349703");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 99; i++) names.add(ProvinceGenerator.name(i));
        assertThat(names).hasSize(99);
        for (String c : result.counties()) {
            String yml = Files.readString(tmp.resolve("p/jobs").resolve(c).resolve("county/election.yml"));
            assertThat(yml).contains("county-code: \"" + c + "\"").contains("county-name: " + ProvinceGenerator.name(result.counties().indexOf(c)));
            assertThat(Files.readString(tmp.resolve("p/jobs").resolve(c).resolve("job.yml"))).contains("out: ../../out");
            assertThat(tmp.resolve("p/truth").resolve(c).resolve("persons.csv")).exists();
            assertThat(tmp.resolve("p/jobs").resolve(c).resolve("truth")).doesNotExist();
        }
    }

    @Test
    void everyPlantedPersonIsRegisteredAtHomeAndLivesInTheOtherCountyAsTheKindSays() throws Exception {
        // 3 counties: 6 ordered pairs × 3 kinds × 1
        assertThat(result.planted()).hasSize(18);
        for (CrossCountyPerson p : result.planted()) {
            assertThat(p.number()).startsWith(p.homeCounty()).satisfies(n -> assertThat(Ids.valid18(n)).isTrue());
            assertThat(p.homeCounty()).isNotEqualTo(p.liveCounty());
            Path home = tmp.resolve("p/jobs").resolve(p.homeCounty()).resolve("inbox");
            Path there = tmp.resolve("p/jobs").resolve(p.liveCounty()).resolve("inbox");
            assertThat(rows(home.resolve("huji_20261201.csv"), "GB18030", p.number())).hasSize(1)
                    .allSatisfy(r -> assertThat(r).contains(p.homeVillage()).contains("正常"));
            assertThat(rows(home.resolve("liudong_20261201.csv"), "UTF-8", p.number())).isEmpty();
            assertThat(rows(there.resolve("huji_20261201.csv"), "GB18030", p.number())).isEmpty();
            assertThat(rows(there.resolve("liudong_20261201.csv"), "UTF-8", p.number())).hasSize(1)
                    .allSatisfy(r -> assertThat(r).contains(p.liveVillage()));
            List<String> proof = rows(there.resolve("waidi_20261201.csv"), "UTF-8", p.number());
            List<String> notice = rows(home.resolve("waidi_20261201.csv"), "UTF-8", p.number());
            assertThat(proof).hasSize(p.kind().listedWhereTheyLive() ? 1 : 0)
                    .allSatisfy(r -> assertThat(r).contains("原选区资格证明").contains("," + p.homeCounty() + ","));
            assertThat(notice).hasSize(p.kind() == CrossCountyPerson.Kind.CERTIFIED_NOTIFIED ? 1 : 0)
                    .allSatisfy(r -> assertThat(r).contains("已在外地登记").contains("," + p.liveCounty() + ","));
            String atHome = truthRow(p.homeCounty(), p.number()), whereTheyLive = truthRow(p.liveCounty(), p.number());
            assertThat(atHome.split(",")[4]).isEqualTo(p.kind().listedAtHome() ? "是" : "否");
            assertThat(whereTheyLive.split(",")[4]).isEqualTo(p.kind().listedWhereTheyLive() ? "是" : "否");
            if (p.kind().listedWhereTheyLive()) assertThat(whereTheyLive).contains(",资格证明,");
            else assertThat(whereTheyLive).contains("NOT_CONSIDERED").contains(",是,");  // the in-migrant book
            if (!p.kind().listedAtHome()) assertThat(atHome).contains("REGISTERED_ELSEWHERE");
        }
        List<String> province = Files.readAllLines(tmp.resolve("p/truth/province.csv"));
        assertThat(province).hasSize(19);
        assertThat(province.stream().filter(l -> l.endsWith(",是,是,是"))).hasSize(6).allSatisfy(l -> assertThat(l).contains(",a,"));
    }

    @Test
    void kindsSayWhoListsThem() {
        assertThat(CrossCountyPerson.Kind.CERTIFIED.duplicate()).isTrue();
        assertThat(CrossCountyPerson.Kind.UNCERTIFIED.duplicate()).isFalse();
        assertThat(CrossCountyPerson.Kind.UNCERTIFIED.listedAtHome()).isTrue();
        assertThat(CrossCountyPerson.Kind.CERTIFIED_NOTIFIED.listedAtHome()).isFalse();
        assertThat(CrossCountyPerson.Kind.CERTIFIED_NOTIFIED.listedWhereTheyLive()).isTrue();
        assertThat(CrossCountyPerson.Kind.of("b")).isEqualTo(CrossCountyPerson.Kind.UNCERTIFIED);
        assertThat(new ProvinceOptions(8, 250_000, 1, 0, tmp).perPairAndKind()).isEqualTo(125);
        assertThat(new ProvinceOptions(3, 1000, 1, 0, tmp).perPairAndKind()).isEqualTo(1);
    }

    @Test
    void noTwoTownshipsOfTheProvinceShareAName() throws Exception {
        Set<String> first = new HashSet<>();
        for (int n = 0; n < 870; n++) first.add(Geo.townshipName(n, 0));
        assertThat(first).hasSize(870);
        ProvinceGenerator.generate(new ProvinceOptions(4, 1000, 5, 6, tmp.resolve("named")));
        Map<String, String> townshipOf = new TreeMap<>();
        for (String c : List.of("349701", "349702", "349703", "349704")) {
            for (String line : Files.readAllLines(tmp.resolve("named/jobs").resolve(c).resolve("county/xuanqu.csv"), Charset.forName("UTF-8"))) {
                String[] f = line.split(",");
                // a residential district is named after its township: 东山镇第1选区
                if (!"居住".equals(f[3]) || !f[1].contains("第")) continue;
                String township = f[1].substring(0, f[1].indexOf("第"));
                String before = townshipOf.putIfAbsent(township, f[2]);
                assertThat(before == null || before.equals(f[2])).as(township + " in " + before + " and " + f[2]).isTrue();
            }
        }
        assertThat(new HashSet<>(townshipOf.values())).as("every township of the 4 counties, each its own name").hasSize(24);
        assertThat(Files.readString(tmp.resolve("named/jobs/349701/county/xuanqu.csv")))
                .as("the first county's townships are a single county's").contains(Geo.townshipName(0, 0) + "第");
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws Exception {
        ProvinceGenerator.generate(new ProvinceOptions(3, 1000, 5, 0, tmp.resolve("again")));
        assertThat(tree(tmp.resolve("again"))).isEqualTo(tree(tmp.resolve("p")));
    }

    private static List<String> rows(Path f, String cs, String number) throws Exception {
        return Files.readAllLines(f, Charset.forName(cs)).stream().filter(l -> l.contains(number)).toList();
    }

    private static String truthRow(String county, String number) throws Exception {
        List<String> r = rows(tmp.resolve("p/truth").resolve(county).resolve("persons.csv"), "UTF-8", number);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    private static Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }
}
