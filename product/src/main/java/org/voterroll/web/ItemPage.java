package org.voterroll.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.voterroll.web.Descriptions;
import org.voterroll.identity.Explanation;
import org.voterroll.identity.Link;
import org.voterroll.identity.match.Thresholds;
import org.voterroll.identity.match.Waterfall;
import org.voterroll.codes.Source;
import org.voterroll.normalize.DigitDiff;
import org.voterroll.normalize.Sex;
import org.voterroll.roll.Labels;
import org.voterroll.rules.Basis;
import org.voterroll.rules.Raised;
import org.voterroll.rules.Reason;

/** The item page's model, for the township clerk and the county office alike: evidence in a clerk's words. */
@Component
class ItemPage {
    /** A person of the item: number cut into agreeing and differing parts, outcome in words. */
    record PersonView(Explanation.Person person, String sex, List<DigitDiff.Part> number, String outcome, String area, String household) {}

    /** A linked record: source, method and weights in words, the weights also as a waterfall chart (null without weights). */
    record LinkView(Explanation.LinkedRecord link, String source, String sex, String method, List<DigitDiff.Part> number, String evidence,
                    Waterfall chart, String area) {}

    private final ExceptionQueue queue;

    ItemPage(ExceptionQueue queue) {
        this.queue = queue;
    }

    void fill(Model model, ExceptionQueue.Item item, String base, Map<String, String> choosable) {
        String runId = item.runId();
        Map<String, String> districtNames = queue.districtNames(runId);
        Map<String, String> townshipNames = queue.townshipNames(runId);
        Map<String, String> areaDistricts = queue.areaDistricts(runId);
        List<Explanation.Person> persons = queue.persons(item);
        List<Explanation.LinkedRecord> links = queue.links(runId, persons);
        // the number the others are compared with: the item's first person's; theirs against the first one that differs
        String main = persons.isEmpty() ? firstNumber(item.idNumbers()) : persons.get(0).idNumber();
        String other = null;
        for (Explanation.LinkedRecord l : links) if (l.idNumber() != null && !l.idNumber().equalsIgnoreCase(main == null ? "" : main)) { other = l.idNumber(); break; }
        for (Explanation.Person p : persons) if (other == null && p.idNumber() != null && !p.idNumber().equals(main)) other = p.idNumber();
        List<PersonView> pv = new ArrayList<>();
        for (Explanation.Person p : persons) {
            String against = p.idNumber() != null && p.idNumber().equals(main) ? other : main;
            pv.add(new PersonView(p, Sex.labelOf(p.sex()), DigitDiff.of(p.idNumber(), against), outcome(p, districtNames),
                    area(p.areaCode(), areaDistricts, districtNames, townshipNames), household(p.householdKey())));
        }
        Thresholds thresholds = queue.thresholds(runId);
        List<LinkView> lv = new ArrayList<>();
        for (Explanation.LinkedRecord l : links) {
            String against = l.idNumber() != null && l.idNumber().equalsIgnoreCase(main == null ? "" : main) ? other : main;
            lv.add(new LinkView(l, Source.ofPrefix(l.source()).map(Source::label).orElse(l.source()), Sex.labelOf(l.sex()),
                    Link.Method.label(l.method()), DigitDiff.of(l.idNumber(), against), Waterfall.describe(l.evidence()),
                    Waterfall.of(Waterfall.parse(l.evidence()), thresholds), area(l.areaCode(), areaDistricts, districtNames, townshipNames)));
        }
        model.addAttribute("item", item);
        model.addAttribute("base", base);
        model.addAttribute("action", base + "/runs/" + item.runId() + "/items/" + item.itemNo() + "/decision");
        model.addAttribute("typeLabel", Labels.exception(item.code()));
        model.addAttribute("levelLabel", Raised.Level.chinese(item.level()));
        model.addAttribute("description", Descriptions.forClerk(item.description(), districtNames, townshipNames));
        model.addAttribute("evidence", Descriptions.evidenceForClerk(item.evidence()));
        model.addAttribute("townshipName", item.townshipCode() == null ? null : townshipNames.getOrDefault(item.townshipCode(), item.townshipCode()));
        model.addAttribute("districtName", item.districtCode() == null ? null : districtNames.get(item.districtCode()));
        model.addAttribute("persons", pv);
        model.addAttribute("links", lv);
        model.addAttribute("history", queue.history(queue.countyOf(runId), item.fingerprint()));
        model.addAttribute("districtNames", districtNames);
        model.addAttribute("verdicts", Verdicts.forCode(item.code()));
        model.addAttribute("districts", choosable);
        model.addAttribute("thresholds", thresholds);
    }

    /**
     * 349901101203（东山镇第3选区）: a village or community code with the district that covers it, else its township; a code
     * from outside the county stays as it is, the database has no name for it.
     */
    static String area(String code, Map<String, String> areaDistricts, Map<String, String> districtNames, Map<String, String> townshipNames) {
        if (code == null || code.isBlank()) return code;
        String district = areaDistricts.get(code);
        String name = district == null ? null : districtNames.get(district);
        // a township without named districts is "named" by its code: no name then
        if (name == null && code.length() >= 9 && !code.substring(0, 9).equals(townshipNames.get(code.substring(0, 9)))) name = townshipNames.get(code.substring(0, 9));
        return name == null ? code : code + "（" + name + "）";
    }

    /** The 户号 as the police register wrote it: the store keeps it with its source's prefix (hj:), which no clerk has seen. */
    static String household(String key) {
        return key == null ? null : key.replaceFirst("^[a-z]+:", "");
    }

    /** 列入 东山镇第3选区（349901101-03），户籍地 / 未列入：死亡 / 未考虑. */
    static String outcome(Explanation.Person p, Map<String, String> districtNames) {
        if (p.listed() == null) return "未考虑（无本县户籍记录，也无资格证明）";
        if (p.listed()) {
            String name = districtNames.get(p.districtCode());
            return "列入 " + (name == null ? p.districtCode() : name + "（" + p.districtCode() + "）") + "，依据" + basis(p.basis());
        }
        return "未列入：" + reason(p.reason());
    }

    private static String basis(String b) {
        try {
            return Basis.valueOf(b).label();
        } catch (RuntimeException e) {
            return b;
        }
    }

    private static String reason(String r) {
        try {
            return Reason.valueOf(r).label();
        } catch (RuntimeException e) {
            return r;
        }
    }

    private static String firstNumber(String numbers) {
        if (numbers == null || numbers.isBlank()) return null;
        return numbers.split(";")[0].trim();
    }
}
