package org.voterroll.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;
import org.voterroll.decisions.Verdict;
import org.voterroll.province.ProvinceBoard;

/**
 * A county's answers to a province run's items: the home county's to a {@code CERTIFICATE_REQUEST} (原选区资格证明申请), and
 * each county's to a {@code CROSS_COUNTY_DUPLICATE} (跨县重复登记) naming it. Listed on the township's queue page (the county
 * office's for those without a township), opened and decided as a county item is — the item page, the decision book — with
 * the province run's item numbers in its own paths. Only the county concerned opens an item, only its township's clerk (or,
 * without a township, its county office) decides it.
 */
@Component
class ProvinceDesk {
    static final String CODE = "CERTIFICATE_REQUEST", DUPLICATE = "CROSS_COUNTY_DUPLICATE";
    private static final Set<String> CODES = Set.of(CODE, DUPLICATE);

    private final ProvinceBoard board;
    private final DecisionDesk desk;
    private final ItemPage itemPage;
    private final ExceptionQueue queue;

    ProvinceDesk(ProvinceBoard board, DecisionDesk desk, ItemPage itemPage, ExceptionQueue queue) {
        this.board = board;
        this.desk = desk;
        this.itemPage = itemPage;
        this.queue = queue;
    }

    /** The requests a township clerk answers, or (township null) the county office. */
    List<ProvinceBoard.Item> requests(String countyCode, String township) {
        return countyCode == null ? List.of() : board.forCounty(countyCode, township, CODE);
    }

    /** The county's people another county of the province also lists, for a township clerk or (township null) the county office. */
    List<ProvinceBoard.Item> duplicates(String countyCode, String township) {
        return countyCode == null ? List.of() : board.forCounty(countyCode, township, DUPLICATE);
    }

    /** How many of them wait for a decision: blocking items, counted with the county run's own. */
    static long openCount(List<ProvinceBoard.Item> items) {
        return items.stream().filter(ProvinceBoard.Item::open).count();
    }

    /** The item, if it is the account's: its township's for a clerk, one without a township for its county's office; 403 / 404 else. */
    ProvinceBoard.Item open(CurrentUser user, String provinceRunId, int itemNo) {
        ProvinceBoard.Item item = board.item(provinceRunId, itemNo).filter(i -> CODES.contains(i.code())).orElse(null);
        if (user.role() == Role.COUNTY) {
            if (item == null) throw new Scope.NotFound();
            Scope.county(user, item.countyCode());
            if (item.townshipCode() != null) throw new Scope.OutOfScope();
            return item;
        }
        if (user.role() != Role.TOWNSHIP || user.scope() == null) throw new Scope.OutOfScope();
        if (item == null) throw new Scope.NotFound();
        Scope.township(user, item.townshipCode());
        return item;
    }

    /** The item page's model: the county item page, its person(s) from the home county's run, the province run's own paths. */
    void fill(Model model, ProvinceBoard.Item p, String base) {
        itemPage.fill(model, asQueueItem(p), base, Map.of());
        model.addAttribute("action", base + "/province/" + p.provinceRunId() + "/items/" + p.itemNo() + "/decision");
        model.addAttribute("provinceRunId", p.provinceRunId());
        // the description names places of the asking county as well: its names beside the home county's
        Map<String, String> districts = new java.util.HashMap<>(queue.districtNames(p.runId())), townships = new java.util.HashMap<>(queue.townshipNames(p.runId()));
        if (p.otherRunId() != null) {
            queue.districtNames(p.otherRunId()).forEach(districts::putIfAbsent);
            queue.townshipNames(p.otherRunId()).forEach(townships::putIfAbsent);
        }
        model.addAttribute("description", Descriptions.forClerk(p.description(), districts, townships));
        model.addAttribute("otherCounty", (p.otherCountyName() == null ? "" : p.otherCountyName()) + "（" + p.otherCountyCode() + "）");
    }

    /** Records the answer with who and when (table decision, the home county's), audited; the problem in words instead. */
    String decide(CurrentUser user, ProvinceBoard.Item p, String verdict, String note) {
        if (Verdict.ISSUE_CERTIFICATE.name().equals(verdict) && (p.idNumber() == null || p.idNumber().isBlank())) {
            return "此人没有有效的公民身份号码，不能出具原选区资格证明";
        }
        return desk.decide(user, asQueueItem(p), verdict, null, note, "省级运行 " + p.provinceRunId() + " 事项 " + p.itemNo());
    }

    /** What the clerk is told once the decision is kept: a certificate travels with a province run, a duplicate is the county's own run's. */
    static String saved(ProvinceBoard.Item p) {
        return DUPLICATE.equals(p.code()) ? "已记录，本县下次运行时生效" : "已记录，下次省级运行时生效";
    }

    /** The request as an item of the home county's run: its people are that run's under the number. */
    private static ExceptionQueue.Item asQueueItem(ProvinceBoard.Item p) {
        return new ExceptionQueue.Item(p.runId(), p.itemNo(), p.code(), p.level(), p.townshipCode(), p.districtCode(), p.idNumber(), p.names(),
                p.description(), p.evidence(), p.fingerprint(), null, p.verdict(), p.decidedBy(), p.decidedAt());
    }

    /** Township names of the county's latest run, for the list. */
    Map<String, String> townshipNames(String runId) {
        return queue.townshipNames(runId);
    }
}
