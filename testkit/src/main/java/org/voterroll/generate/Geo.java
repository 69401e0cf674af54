package org.voterroll.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The county's geography: townships, villages, electoral districts, employers and demolition projects. */
final class Geo {
    /** the county of a single generated county (generate --persons) */
    static final String COUNTY = "349901";
    static final String COUNTY_NAME = "样例县";

    static final class Township {
        int idx;
        String code;
        String name;
        int firstVillage;
        int lastVillage;
        List<Integer> covered = new ArrayList<>();
    }

    static final class Village {
        int idx;
        int township;
        String code;
        String name;
        boolean community;
        int district = -1;
        int project = -1;
        /** cumulative number of county persons once this village is done */
        long cumEnd;
    }

    static final class District {
        int idx;
        String code;
        String name;
        int township;
        boolean unit;
        List<Integer> villages = new ArrayList<>();
        List<Employer> employers = new ArrayList<>();
    }

    static final class Employer {
        String name;
        String credit;
        int unitDistrict = -1;
    }

    static final class Project {
        int idx;
        String name;
        String prefix;
        int village;
        int resettleVillage;
        LocalDate handover;
        LocalDate demolition;
        int cases;
        int households;
    }

    private static final String A = "东西南北青白金石长永太新清龙凤桃柳松梅杨红黄安平兴富华丰和顺";
    private static final String B = "山河湖桥岗塘庄湾坪溪林峰源园坝岭口洲田港滩沟店集铺屯寨垸冲";
    private static final String[] PRODUCTS = {"机械厂", "纺织厂", "水泥厂", "化工厂", "电子厂", "食品厂", "造纸厂", "钢铁厂", "制药厂", "酒厂"};
    private static final String[] FIRM = {"建筑公司", "商贸有限公司", "物流有限公司", "农业开发公司", "粮站", "供销社", "医院",
        "中学", "小学", "信用社", "超市", "汽车修理厂", "砖厂", "茶厂", "竹木制品厂", "服装厂"};
    private static final String USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_W = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    final Township[] townships;
    final Village[] villages;
    final District[] districts;
    final int[] coveredVillages;
    final int[] residentialDistricts;
    final int[] unitDistricts;
    final Employer[] ordinary;
    final Project[] projects;
    final double joinRate;
    /** 6-digit county code and the county's name */
    final String county;
    final String countyName;

    Geo(long persons, int townshipCount, Rng r, String county, String countyName, int firstTownshipName) {
        this.county = county;
        this.countyName = countyName;
        int t = townships(persons, townshipCount);
        townships = new Township[t];
        List<Village> vs = new ArrayList<>();
        List<District> ds = new ArrayList<>();
        Set<String> credits = new HashSet<>();
        double[] tw = new double[t];
        double tsum = 0;
        for (int i = 0; i < t; i++) {
            tw[i] = 0.7 + 0.6 * r.nextDouble();
            tsum += tw[i];
        }
        long cum = 0;
        double acc = 0;
        List<Employer> unitEmployers = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            Township ts = new Township();
            ts.idx = i;
            ts.code = county + String.format("%03d", 101 + i);
            ts.name = townshipName(firstTownshipName + i, i);
            townships[i] = ts;
            acc += tw[i];
            long tEnd = i == t - 1 ? persons : Math.round(persons * acc / tsum);
            long tpop = tEnd - cum;
            int nv = (int) Math.max(5, Math.min(90, Math.round(tpop / 1500.0)));
            long uncovered = Math.max(6, Math.round(tpop * 0.003));
            long rest = Math.max(0, tpop - uncovered);
            double[] w = new double[nv];
            double ws = 0;
            for (int j = 0; j < nv; j++) {
                w[j] = 0.6 + 0.8 * r.nextDouble();
                ws += w[j];
            }
            int communities = Math.max(1, (int) Math.round(nv * 0.2));
            ts.firstVillage = vs.size();
            double vacc = 0;
            long vstart = cum;
            for (int j = 0; j <= nv; j++) {
                Village v = new Village();
                v.idx = vs.size();
                v.township = i;
                boolean isUncovered = j == nv;
                v.community = j < communities;
                v.code = ts.code + (v.community ? String.format("%03d", j + 1) : String.format("%03d", 200 + j - communities + 1));
                v.name = placeName(i * 97 + j + 3, 11) + (v.community ? "社区" : "村");
                if (isUncovered) {
                    v.cumEnd = tEnd;
                } else {
                    vacc += w[j];
                    v.cumEnd = vstart + Math.round(rest * vacc / ws);
                }
                vs.add(v);
            }
            ts.lastVillage = vs.size() - 1;
            // residential districts: consecutive covered villages, 1-3 each (1-2 in small townships)
            int maxGroup = nv < 8 ? 2 : 3;
            int seq = 0;
            int j = 0;
            while (j < nv) {
                int g = Math.min(nv - j, 1 + r.nextInt(maxGroup));
                District d = new District();
                d.idx = ds.size();
                d.township = i;
                d.code = ts.code + "-" + String.format("%02d", ++seq);
                d.name = ts.name + "第" + seq + "选区";
                for (int k = 0; k < g; k++) {
                    Village v = vs.get(ts.firstVillage + j + k);
                    v.district = d.idx;
                    d.villages.add(v.idx);
                    ts.covered.add(v.idx);
                }
                ds.add(d);
                j += g;
            }
            int units = t <= 3 ? 2 : (i % 2 == 0 ? 1 : 0);
            for (int u = 0; u < units; u++) {
                District d = new District();
                d.idx = ds.size();
                d.township = i;
                d.unit = true;
                d.code = ts.code + "-" + String.format("%02d", ++seq);
                String product = PRODUCTS[(i * 3 + u) % PRODUCTS.length];
                d.name = ts.name + product + "选区";
                int ne = 1 + r.nextInt(2);
                for (int e = 0; e < ne; e++) {
                    Employer em = new Employer();
                    em.name = countyName + ts.name.substring(0, 2) + (e == 0 ? product : product.substring(0, 2) + "二分厂");
                    em.credit = credit(r, credits, county);
                    em.unitDistrict = d.idx;
                    d.employers.add(em);
                    unitEmployers.add(em);
                }
                ds.add(d);
            }
            cum = tEnd;
        }
        villages = vs.toArray(new Village[0]);
        districts = ds.toArray(new District[0]);
        coveredVillages = vs.stream().filter(v -> v.district >= 0).mapToInt(v -> v.idx).toArray();
        residentialDistricts = ds.stream().filter(d -> !d.unit).mapToInt(d -> d.idx).toArray();
        unitDistricts = ds.stream().filter(d -> d.unit).mapToInt(d -> d.idx).toArray();
        int ne = (int) Math.max(12, Math.min(2000, persons / 1500));
        ordinary = new Employer[ne];
        for (int i = 0; i < ne; i++) {
            Employer em = new Employer();
            em.name = countyName + placeName(i * 13 + 5, 3) + FIRM[i % FIRM.length] + (i >= FIRM.length * 30 ? String.valueOf(i) : "");
            em.credit = credit(r, credits, county);
            ordinary[i] = em;
        }
        // demolition projects: spread over the covered villages
        int np = (int) Math.max(2, Math.round(coveredVillages.length * 0.05));
        np = Math.min(np, coveredVillages.length / 2);
        projects = new Project[np];
        long projectPop = 0;
        for (int k = 0; k < np; k++) {
            Project p = new Project();
            p.idx = k;
            p.village = coveredVillages[(int) ((k + 0.5) * coveredVillages.length / np)];
            Village v = villages[p.village];
            v.project = k;
            p.resettleVillage = resettleTarget(v);
            p.name = v.name.replace("社区", "").replace("村", "") + (k % 2 == 0 ? "旧村改造" : "棚户区改造");
            p.prefix = "" + (char) ('A' + (k / 26) % 26) + (char) ('A' + k % 26);
            p.handover = Fmt.between(LocalDate.of(2022, 6, 1), LocalDate.of(2026, 11, 30), r);
            p.demolition = Fmt.between(LocalDate.of(2021, 12, 1), p.handover.minusDays(120), r);
            projects[k] = p;
            projectPop += v.cumEnd - (v.idx == 0 ? 0 : villages[v.idx - 1].cumEnd);
        }
        // about 1 % of households are demolition cases
        joinRate = Math.min(0.3, 0.01 * persons / Math.max(1, projectPop));
    }

    private int resettleTarget(Village v) {
        Township ts = townships[v.township];
        for (int c : ts.covered) {
            Village o = villages[c];
            if (o.district != v.district && o.community && o.project < 0) {
                return c;
            }
        }
        for (int c : ts.covered) {
            if (villages[c].district != v.district && villages[c].project < 0) {
                return c;
            }
        }
        for (int c : coveredVillages) {
            if (villages[c].district != v.district && villages[c].project < 0) {
                return c;
            }
        }
        throw new IllegalStateException("no resettlement village for " + v.code);
    }

    /** The townships of a county of {@code persons} people: as asked, or about one per 30,000 people; at most 899 (3 digits). */
    static int townships(long persons, int townshipCount) {
        int t = townshipCount > 0 ? townshipCount : (int) Math.max(1, Math.round(persons / 30000.0));
        return Math.min(t, 899);
    }

    /**
     * The name of the {@code n}th township of a province's run of names (its county's {@code i}th; a single county's
     * {@code n} is {@code i}): two characters, the first running through A and the second moving on by one more each round,
     * so that no two of the first A × B (870) townships of a province share a name (ProvinceGeneratorTest); the suffix
     * (乡, 镇, 街道) by the township's place in its own county.
     */
    static String townshipName(int n, int i) {
        String stem = "" + A.charAt(n % A.length()) + B.charAt((n / A.length() + n) % B.length());
        return stem + (i % 5 == 3 ? "乡" : i % 7 == 0 && i > 0 ? "街道" : "镇");
    }

    private static String placeName(int i, int stride) {
        int x = Math.floorMod(i * stride + i / A.length(), A.length() * B.length());
        return "" + A.charAt(x % A.length()) + B.charAt((x / A.length() + i) % B.length());
    }

    private static String credit(Rng r, Set<String> used, String county) {
        while (true) {
            StringBuilder b = new StringBuilder("91").append(county);
            for (int i = 0; i < 9; i++) {
                b.append(USCC.charAt(r.nextInt(i < 2 ? 10 : USCC.length())));
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += USCC.indexOf(b.charAt(i)) * USCC_W[i];
            }
            int c = 31 - sum % 31;
            b.append(USCC.charAt(c == 31 ? 0 : c));
            String s = b.toString();
            if (used.add(s)) {
                return s;
            }
        }
    }

    District district(int villageIdx) {
        int d = villages[villageIdx].district;
        return d < 0 ? null : districts[d];
    }

    /** a covered village after {@code v} in another district (a few covered villages further at most); -1 if none */
    int laterVillageOtherDistrict(int v, Rng r) {
        int d = villages[v].district;
        int skip = r.nextInt(3);
        int found = -1;
        for (int i = v + 1; i < villages.length; i++) {
            Village o = villages[i];
            if (o.district >= 0 && o.district != d) {
                found = i;
                if (skip-- <= 0) {
                    break;
                }
            }
        }
        return found;
    }

    /** a random later village with a district, of the same township or of another; -1 if there is none */
    int laterVillage(int v, boolean sameTownship, Rng r) {
        int t = villages[v].township;
        List<Integer> found = new ArrayList<>();
        for (int i = v + 1; i < villages.length; i++) {
            Village o = villages[i];
            if (o.district >= 0 && (o.township == t) == sameTownship) found.add(i);
        }
        return found.isEmpty() ? -1 : found.get(r.nextInt(found.size()));
    }

    /** a random covered village, preferably of the given township, not in any of the excluded districts */
    int coveredVillage(Rng r, int township, double sameTownship, int... excludeDistricts) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int c;
            List<Integer> own = township >= 0 ? townships[township].covered : null;
            if (own != null && r.chance(sameTownship)) {
                c = own.get(r.nextInt(own.size()));
            } else {
                c = coveredVillages[r.nextInt(coveredVillages.length)];
            }
            boolean ok = true;
            for (int x : excludeDistricts) {
                if (villages[c].district == x) {
                    ok = false;
                }
            }
            if (ok) {
                return c;
            }
        }
        for (int c : coveredVillages) {
            boolean ok = true;
            for (int x : excludeDistricts) {
                if (villages[c].district == x) {
                    ok = false;
                }
            }
            if (ok) {
                return c;
            }
        }
        return -1;
    }

    String address(int villageIdx, int group, int number) {
        Village v = villages[villageIdx];
        String t = townships[v.township].name;
        return v.community ? t + v.name + group + "栋" + number + "室" : t + v.name + group + "组" + number + "号";
    }
}
