package org.voterroll.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.voterroll.codes.AwayDestination;
import org.voterroll.codes.Code;
import org.voterroll.codes.HujiStatus;
import org.voterroll.codes.InsuranceStatus;
import org.voterroll.codes.NoticeKind;
import org.voterroll.codes.ResettlementMode;
import org.voterroll.codes.ResidenceStatus;
import org.voterroll.codes.RightsDecision;
import org.voterroll.codes.Source;
import org.voterroll.decisions.Fingerprint;
import org.voterroll.decisions.Verdict;

/**
 * RULES.md as code: who is considered, who is not listed and why, the district of everyone listed, the
 * away and in-migrant books, and the exceptions. Pure; one person at a time.
 */
public final class Registrar {

    /** A township's recorded verdict for an exception fingerprint, if any. */
    public record Decided(Verdict verdict, String districtCode) {}

    private final CountyRules county;
    private final double awayThreshold;
    private final Function<String, Optional<Decided>> decisions;
    /** numbers this county decided to strike because another county of a province run lists them (CrossCountyStandings.struck) */
    private final Set<String> registeredInOtherCounty;

    public Registrar(CountyRules county, double awayThreshold, Function<String, Optional<Decided>> decisions) {
        this(county, awayThreshold, decisions, Set.of());
    }

    public Registrar(CountyRules county, double awayThreshold, Function<String, Optional<Decided>> decisions, Set<String> registeredInOtherCounty) {
        this.county = county;
        this.awayThreshold = awayThreshold;
        this.decisions = decisions;
        this.registeredInOtherCounty = registeredInOtherCounty;
    }

    public Outcome decide(PersonFacts p) {
        List<Fact> certain = p.facts().stream().filter(Fact::actedOn).toList();
        Evaluation base = evaluate(p, certain);
        List<Raised> raised = new ArrayList<>(base.raised);
        Reason reason = base.reason;
        String district = base.district;
        Basis basis = base.basis;
        String keptIn = null;
        Basis keptBasis = null;
        Evaluation keptBy = null;

        for (Fact f : p.facts()) {
            if (f.actedOn() || f.is(Source.TONGJI)) continue;
            String fp = Fingerprint.of("LINK", f.rowHash(), p.personKey());
            Optional<Decided> d = decisions.apply(fp);
            if (f.isDeathEvidence() || (f.status() == HujiStatus.DECEASED && f.certain())) {
                if (d.isPresent()) {
                    if (d.get().verdict() == Verdict.CONFIRM_DEATH && base.reason == null) {
                        reason = Reason.DECEASED;
                        district = null;
                        basis = null;
                    }
                    continue;
                }
                if (base.considered && base.reason == null) {
                    raised.add(new Raised("DEATH_REVIEW", Raised.Level.BLOCKING, township(base), base.district,
                            (f.undatedDeath() && f.certain() ? "死亡记录的死亡日期无法识别，不据此除名，请核实 (a death notice without a readable date)"
                                    : f.certain() ? "死亡记录的号码经纠错（差一位或两位颠倒）才与此人相符，不据此除名，请核实 (death evidence linked by a repaired number)"
                                    : "死亡记录仅凭模糊匹配关联到此人，不据此除名，请核实 (death evidence linked only by a fuzzy match)") + numberNote(f),
                            evidence(f), fp, f.recId()));
                }
                continue;
            }
            if (d.isPresent()) continue;
            List<Fact> with = new ArrayList<>(certain);
            with.add(f.asCertain());
            Evaluation alt = evaluate(p, with);
            if (alt.considered != base.considered || alt.listed() != base.listed() || !Objects.equals(alt.district, base.district)) {
                String kept = keptFromPrevious(p, base, alt);
                if (kept != null && keptIn == null) {
                    keptIn = kept;
                    keptBy = alt;
                    keptBasis = alt.listed() && alt.district.equals(kept) ? alt.basis : Basis.HUKOU;
                }
                String now = kept != null ? "暂按上届名册保留于 " + kept + "（本次没有确定属于此人的户籍记录，疑义不除名）"
                        : "现为" + describe(base);
                raised.add(new Raised("MATCH_REVIEW", Raised.Level.BLOCKING, kept != null ? county.townshipOfDistrict().get(kept) : township(base),
                        kept != null ? kept : base.district,
                        "不确定的关联会改变" + (alt.listed() != base.listed() ? "是否列入" : "选区") + "：若为同一人，则"
                                + describe(alt) + "；" + now + " (an uncertain link would change this person's listing or district"
                                + (kept != null ? "; kept on the previous roll's district meanwhile" : "") + ")" + numberNote(f),
                        evidence(f), fp, f.recId()));
            }
        }
        if (keptIn != null) {
            // doubt never removes a voter (RULES.md: an uncertain link is not acted on): the previous roll's line stands
            // until a township decides whose record it is
            return outcome(p, base, null, keptIn, keptBasis, raised, keptBy);
        }
        if (reason == null && base.considered && district == null) {
            String fp = Fingerprint.of("NO_DISTRICT", p.personKey(), base.hujiArea);
            Optional<Decided> d = decisions.apply(fp);
            if (d.isPresent() && d.get().verdict() == Verdict.CHOOSE_DISTRICT && d.get().districtCode() != null) {
                district = d.get().districtCode();
                basis = Basis.DECIDED;
            } else {
                reason = Reason.NO_DISTRICT;
                if (d.isEmpty()) {
                    raised.add(new Raised("NO_DISTRICT", Raised.Level.BLOCKING, township(base), null,
                            "符合条件但没有选区覆盖其户籍地或居住地 (qualifies, but no district covers the addresses): " + base.hujiArea,
                            base.hujiWhere, fp));
                }
            }
        }
        return outcome(p, base, reason, district, basis, raised, null);
    }

    /**
     * The previous roll's district in which a person is kept while the only record that would consider them is an
     * uncertain link (issue 18: 罗斌剑's police record had a mistyped number and his insurance record a homophone name;
     * he was struck off). Null when the rules consider them anyway, they were not on the previous roll, its district is
     * gone, or the record would not list them.
     */
    private String keptFromPrevious(PersonFacts p, Evaluation base, Evaluation alt) {
        if (base.considered || !alt.considered || p.previousDistrict() == null) return null;
        if (!county.townshipOfDistrict().containsKey(p.previousDistrict())) return null;
        return alt.reason == null ? p.previousDistrict() : null;
    }

    /** @param keptBy the evaluation with the uncertain record that keeps the person on the previous roll's district, if any:
     *               the roll line's addresses and order are that record's */
    private Outcome outcome(PersonFacts p, Evaluation base, Reason reason, String district, Basis basis, List<Raised> raised,
                            Evaluation keptBy) {
        boolean considered = base.considered || keptBy != null;
        Evaluation where = keptBy != null ? keptBy : base;
        boolean listed = considered && reason == null && district != null;
        String township = listed ? county.townshipOfDistrict().get(district) : township(base);

        Outcome.Away away = null;
        if (listed) {
            for (Fact f : p.facts()) {
                if (f.status() == ResidenceStatus.AWAY && AwayDestination.LIST.find(f.reason()).filter(AwayDestination::outsideCounty).isPresent()
                        && (f.certain() || (f.best() && f.score() != null && f.score() >= awayThreshold))) {
                    away = new Outcome.Away(f.reason(), "统计 " + f.where());
                    break;
                }
            }
        }
        Outcome.InMigrantEntry entry = null;
        if (!listed && base.inMigrant && base.residence != null) {
            Fact r = base.residence;
            int months = (int) ChronoUnit.MONTHS.between(r.startDate(), county.electionDay());
            entry = new Outcome.InMigrantEntry(r.otherArea(), r.areaCode(), r.startDate(), months, base.proof != null);
            if (months >= county.inMigrantMonths() && base.proof == null) {
                String fp = Fingerprint.of("INMIGRANT_ELIGIBLE", p.personKey(), r.rowHash());
                if (decisions.apply(fp).isEmpty()) {
                    raised.add(new Raised("INMIGRANT_ELIGIBLE", Raised.Level.INFO, county.townshipOf(r.areaCode()), null,
                            "流入人员居住满 " + months + " 个月，尚无原选区资格证明，可动员其登记 (resident " + months
                                    + " months, no proof of qualification yet)", evidence(r), fp));
                }
            }
        }
        String sortKey = String.join("|", nz(where.sortArea), nz(where.household), p.birthDate() == null ? "" : p.birthDate().toString(),
                nz(p.idNumber()));
        return new Outcome(considered, base.inMigrant, listed, listed ? null : (considered ? reason : null),
                listed ? district : null, listed ? basis : null, township, where.hujiAddress, where.residenceAddress, sortKey,
                base.rightsAtPrevious, raised, away, entry);
    }

    /** The rules over one set of facts taken as certain. */
    private Evaluation evaluate(PersonFacts p, List<Fact> facts) {
        Evaluation e = new Evaluation();
        LocalDate day = county.electionDay();
        Fact huji = facts.stream().filter(f -> f.is(Source.HUJI) && county.inCounty(f.areaCode()))
                .min(Comparator.comparing((Fact f) -> statusRank(f.status()))
                        .thenComparing((Fact f) -> "VALID".equals(f.idStatus()) ? 0 : 1).thenComparing(Fact::recId))
                .orElse(null);
        e.residence = facts.stream().filter(f -> f.is(Source.LIUDONG) && f.residenceActiveOn(day) && county.inCounty(f.areaCode()))
                .max(Comparator.comparing((Fact f) -> county.districtOfArea().containsKey(f.areaCode()))
                        .thenComparing(Fact::startDate).thenComparing(Fact::recId))
                .orElse(null);
        e.proof = facts.stream().filter(f -> f.kind() == NoticeKind.PROOF).findFirst().orElse(null);
        // a 迁出 row is a register that has left the county: its person, living here by a residence registration whose
        // register is elsewhere, is an in-migrant like any other (RULES.md, the in-migrant book)
        boolean registerElsewhere = huji == null || huji.status() == HujiStatus.MOVED_OUT;
        e.inMigrant = registerElsewhere && e.residence != null && !county.inCounty(e.residence.otherArea());
        e.considered = huji != null || (e.inMigrant && e.proof != null);
        if (huji != null) {
            e.hujiArea = huji.areaCode();
            e.hujiAddress = huji.address();
            e.hujiWhere = evidence(huji);
            e.household = huji.address();
        }
        e.sortArea = huji != null ? huji.areaCode() : (e.residence != null ? e.residence.areaCode() : null);
        e.rightsAtPrevious = county.previousElectionDay() != null && rights(facts, county.previousElectionDay()) != null;
        if (!e.considered) return e;

        List<Fact> deaths = facts.stream().filter(Fact::isDeathEvidence).toList();
        if (huji != null && huji.status() == HujiStatus.NORMAL) {
            for (Fact d : deaths) {
                String fp = Fingerprint.of("DEATH_CONFLICT", p.personKey(), d.rowHash());
                if (decisions.apply(fp).isEmpty()) {
                    e.raised.add(new Raised("DEATH_CONFLICT", Raised.Level.INFO, county.townshipOf(huji.areaCode()), null,
                            (d.is(Source.MINZHENG) ? "民政" : "社保") + "记录死亡，户籍仍为正常，请通知公安更新 (death recorded by "
                                    + d.source().prefix() + ", police register still says 正常)", evidence(d) + "; 户籍 " + huji.where(), fp));
                }
            }
        }
        e.reason = reason(p, e.inMigrant && e.proof != null ? null : huji, facts, deaths, day);
        if (e.reason != null) return e;

        Fact unit = facts.stream().filter(f -> f.status() == InsuranceStatus.PAYING && f.orgCode() != null
                        && county.districtOfUnit().containsKey(f.orgCode()))
                .min(Comparator.comparing((Fact f) -> county.districtOfUnit().get(f.orgCode()))).orElse(null);
        Fact resettled = facts.stream().filter(f -> f.status() == ResettlementMode.NEW_HOME && f.startDate() != null
                        && !f.startDate().isAfter(day) && county.districtOfArea().containsKey(f.otherArea()))
                .max(Comparator.comparing(Fact::startDate).thenComparing(Fact::recId)).orElse(null);
        String residenceDistrict = e.residence == null ? null : county.districtOfArea().get(e.residence.areaCode());
        e.residenceAddress = e.residence != null && residenceDistrict != null ? e.residence.address()
                : resettled != null ? resettled.otherAddress() : e.hujiAddress;
        if (unit != null) {
            e.district = county.districtOfUnit().get(unit.orgCode());
            e.basis = Basis.UNIT;
        } else if (resettled != null) {
            e.district = county.districtOfArea().get(resettled.otherArea());
            e.basis = Basis.RESETTLED;
            e.residenceAddress = resettled.otherAddress();
            if (residenceDistrict != null && !residenceDistrict.equals(e.district)) {
                String fp = Fingerprint.of("RESIDENCE_CONFLICT", p.personKey(), resettled.rowHash(), e.residence.rowHash());
                if (decisions.apply(fp).isEmpty()) {
                    e.raised.add(new Raised("RESIDENCE_CONFLICT", Raised.Level.INFO, county.townshipOfDistrict().get(e.district), e.district,
                            "安置地选区 " + e.district + " 与居住登记选区 " + residenceDistrict + " 不同，按安置地登记 (resettlement wins over residence)",
                            evidence(resettled) + "; " + evidence(e.residence), fp));
                }
            }
        } else if (residenceDistrict != null) {
            e.district = residenceDistrict;
            e.basis = e.inMigrant ? Basis.PROOF : Basis.RESIDENCE;
        } else if (huji != null && !e.inMigrant && county.districtOfArea().containsKey(huji.areaCode())) {
            e.district = county.districtOfArea().get(huji.areaCode());
            e.basis = Basis.HUKOU;
        }
        return e;
    }

    /**
     * Which of a person's police records speaks for them (lowest first). A death ends every registration; otherwise the
     * register in force (正常) is the current one and the others are history the snapshot still carries: a 迁出 row left
     * behind by a move to another household of the county, a 注销 duplicate, a service or emigration the person came
     * back from. Without either, the record's own order decides.
     */
    static int statusRank(Code status) {
        if (status == HujiStatus.DECEASED) return 0;
        if (status == HujiStatus.NORMAL) return 1;
        return 2;
    }

    private Reason reason(PersonFacts p, Fact huji, List<Fact> facts, List<Fact> deaths, LocalDate day) {
        Code status = huji == null ? null : huji.status();
        if (status == HujiStatus.DECEASED || !deaths.isEmpty()) return Reason.DECEASED;
        if (p.birthDate() != null && p.birthDate().plusYears(18).isAfter(day)) return Reason.UNDER_18;
        // where several reasons apply, the one the removed book lists first is written (RULES.md 三增三减): 剥夺, 停止,
        // 不能, 迁出, 外地登记, then 其他 (military, emigrated, cancelled); a soldier deprived of political rights is 剥夺
        Reason rights = rights(facts, day);
        if (rights != null) return rights;
        if (status == HujiStatus.MOVED_OUT) return Reason.MOVED_OUT;
        boolean elsewhere = facts.stream().anyMatch(f -> f.kind() == NoticeKind.REGISTERED_ELSEWHERE
                && f.startDate() != null && !f.startDate().isAfter(day));
        // the county's own decision on a CROSS_COUNTY_DUPLICATE stands for the notice the other county would send
        if (!elsewhere && p.idNumber() != null && registeredInOtherCounty.contains(p.idNumber())) elsewhere = true;
        if (elsewhere) return Reason.REGISTERED_ELSEWHERE;
        if (status == HujiStatus.MILITARY) return Reason.MILITARY;
        if (status == HujiStatus.EMIGRATED) return Reason.EMIGRATED;
        if (status == HujiStatus.CANCELLED) return Reason.CANCELLED;
        return null;
    }

    /** DEPRIVED / SUSPENDED / UNABLE on a day, with restorations (RULES.md). */
    static Reason rights(List<Fact> facts, LocalDate day) {
        for (Fact f : facts) {
            if (f.kind() != RightsDecision.DEPRIVED || !f.periodCovers(day)) continue;
            boolean restored = facts.stream().anyMatch(r -> r.kind() == RightsDecision.RESTORED && r.startDate() != null
                    && r.startDate().isAfter(f.startDate()) && !r.startDate().isAfter(day));
            if (!restored) return Reason.DEPRIVED;
        }
        if (facts.stream().anyMatch(f -> f.kind() == RightsDecision.SUSPENDED && f.periodCovers(day))) return Reason.SUSPENDED;
        if (facts.stream().anyMatch(f -> f.kind() == RightsDecision.UNABLE && f.periodCovers(day))) return Reason.UNABLE;
        return null;
    }

    private String township(Evaluation e) {
        if (e.district != null) return county.townshipOfDistrict().get(e.district);
        String hukou = county.townshipOf(e.hujiArea);
        if (hukou != null) return hukou;
        return e.residence == null ? null : county.townshipOf(e.residence.areaCode());
    }

    private static String describe(Evaluation e) {
        if (!e.considered) return "不在考虑范围";
        if (e.reason != null) return "不列入(" + e.reason + ")";
        return e.district == null ? "无选区" : "列入 " + e.district + "(" + e.basis.label() + ")";
    }

    /**
     * What the one item about a record says of a number that fails validation: that record raises no ID_INVALID of its
     * own besides (DecideTasklet), so its item says it.
     */
    static String numberNote(Fact f) {
        String status = f.idStatus();
        if (status == null || status.equals("VALID") || status.equals("LEGACY15") || status.equals("EMPTY")) return "";
        return "；该记录的号码校验不通过，请一并核对号码 (the record's number fails validation)";
    }

    static String evidence(Fact f) {
        String s = f.source().prefix() + " " + f.where();
        if (!f.actedOn() && f.method() != null) s += " [" + f.method() + (f.score() == null ? "" : String.format(" %.1f", f.score())) + "]";
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Evaluation {
        boolean considered;
        boolean inMigrant;
        Reason reason;
        String district;
        Basis basis;
        Fact residence;
        Fact proof;
        String hujiArea;
        String hujiAddress;
        String hujiWhere;
        String household;
        String residenceAddress;
        String sortArea;
        boolean rightsAtPrevious;
        final List<Raised> raised = new ArrayList<>();

        boolean listed() {
            return considered && reason == null && district != null;
        }
    }
}
