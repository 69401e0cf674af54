package org.voterroll.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;
import org.voterroll.roll.Labels;

/**
 * The township clerk's pages: the queue of the latest run as a working list (paged, filtered, searched), one item with its
 * people and evidence, the decision form. A search may be an identity number, so it is posted and kept in the session, never
 * put in a URL.
 */
@Controller
class TownshipController {
    static final String SEARCH = "township.search";

    private final ExceptionQueue queue;
    private final DecisionDesk desk;
    private final ItemPage itemPage;
    private final ProvinceDesk province;

    TownshipController(ExceptionQueue queue, DecisionDesk desk, ItemPage itemPage, ProvinceDesk province) {
        this.queue = queue;
        this.desk = desk;
        this.itemPage = itemPage;
        this.province = province;
    }

    @GetMapping("/township")
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String level, @RequestParam(required = false) String state,
                 @RequestParam(required = false) String district, @RequestParam(required = false) String page,
                 HttpSession session, Model model) {
        if (user.role() != Role.TOWNSHIP) throw new Scope.OutOfScope();
        model.addAttribute("user", user);
        var run = queue.latestRun(user.scope()).orElse(null);
        model.addAttribute("run", run);
        if (run != null) {
            var districts = queue.districtsOf(run.runId(), user.scope());
            QueueFilter f = QueueFilter.parse(type, level, state, district, page, (QueueFilter.Search) session.getAttribute(SEARCH),
                    Labels.exceptionCodes(), districts);
            model.addAttribute("townshipName", queue.townshipNames(run.runId()).getOrDefault(user.scope(), user.scope()));
            model.addAttribute("filter", f);
            model.addAttribute("districts", districts);
            model.addAttribute("types", queue.typeCounts(run.runId(), ExceptionQueue.Area.TOWNSHIP, user.scope()));
            var duplicates = province.duplicates(run.countyCode(), user.scope());
            model.addAttribute("provinceDuplicates", duplicates);
            // a person on two counties' rolls blocks the posting as the county run's own blocking items do
            model.addAttribute("blockingOpen", queue.blockingOpen(run.runId(), user.scope()) + ProvinceDesk.openCount(duplicates));
            model.addAttribute("outcomes", queue.outcomes(user.scope(), run.runId()));
            model.addAttribute("districtNames", queue.districtNames(run.runId()));
            model.addAttribute("provinceRequests", province.requests(run.countyCode(), user.scope()));
            if (f.ok()) model.addAttribute("page", queue.page(run.runId(), ExceptionQueue.Area.TOWNSHIP, user.scope(), f));
        }
        return "township/queue";
    }

    /** The search box: posted so a number never travels in a URL; an empty search clears it. */
    @PostMapping("/township/search")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q, HttpSession session) {
        if (user.role() != Role.TOWNSHIP) throw new Scope.OutOfScope();
        QueueFilter.Search s = QueueFilter.Search.of(q);
        if (s == null) session.removeAttribute(SEARCH);
        else session.setAttribute(SEARCH, s);
        return "redirect:/township";
    }

    @GetMapping("/township/runs/{runId}/items/{itemNo}")
    String item(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo, Model model) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        model.addAttribute("user", user);
        itemPage.fill(model, item, "/township", queue.districtsOf(runId, user.scope()));
        return "township/item";
    }

    @PostMapping("/township/runs/{runId}/items/{itemNo}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo,
                  @RequestParam(required = false) String verdict, @RequestParam(required = false) String districtCode,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        String problem = desk.decide(user, item, verdict, districtCode, note);
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "已记录，下次运行时生效" : problem);
        return "redirect:/township/runs/" + runId + "/items/" + itemNo;
    }

    static List<String> levels() {
        return List.of("blocking", "info");
    }
}
