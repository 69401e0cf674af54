package org.voterroll.web;

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
 * The county election office (RULES.md: the items for which no township can be found go to its own queue): those items to
 * decide, and the whole county's queue to read, with each township's counts and the age of its oldest open blocking item.
 */
@Controller
class CountyController {
    static final String SEARCH = "county.search";

    private final ExceptionQueue queue;
    private final DecisionDesk desk;
    private final ItemPage itemPage;
    private final ProvinceDesk province;

    CountyController(ExceptionQueue queue, DecisionDesk desk, ItemPage itemPage, ProvinceDesk province) {
        this.queue = queue;
        this.desk = desk;
        this.itemPage = itemPage;
        this.province = province;
    }

    @GetMapping("/county")
    String office(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String level, @RequestParam(required = false) String state,
                  @RequestParam(required = false) String district, @RequestParam(required = false) String page,
                  HttpSession session, Model model) {
        return list(user, ExceptionQueue.Area.COUNTY_OFFICE, type, level, state, district, page, session, model);
    }

    @GetMapping("/county/all")
    String all(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
               @RequestParam(required = false) String level, @RequestParam(required = false) String state,
               @RequestParam(required = false) String district, @RequestParam(required = false) String page,
               HttpSession session, Model model) {
        return list(user, ExceptionQueue.Area.WHOLE_COUNTY, type, level, state, district, page, session, model);
    }

    private String list(CurrentUser user, ExceptionQueue.Area area, String type, String level, String state, String district, String page,
                        HttpSession session, Model model) {
        if (user.role() != Role.COUNTY) throw new Scope.OutOfScope();
        model.addAttribute("user", user);
        model.addAttribute("area", area.name());
        model.addAttribute("path", area == ExceptionQueue.Area.COUNTY_OFFICE ? "/county" : "/county/all");
        var run = queue.latestCountyRun(user.scope()).orElse(null);
        model.addAttribute("run", run);
        if (run != null) {
            var districts = queue.districtNames(run.runId());
            QueueFilter f = QueueFilter.parse(type, level, state, district, page, (QueueFilter.Search) session.getAttribute(SEARCH),
                    Labels.exceptionCodes(), districts);
            model.addAttribute("filter", f);
            model.addAttribute("districts", districts);
            model.addAttribute("districtNames", districts);
            model.addAttribute("types", queue.typeCounts(run.runId(), area, null));
            if (area == ExceptionQueue.Area.WHOLE_COUNTY) model.addAttribute("townships", queue.townshipCounts(run.runId()));
            if (area == ExceptionQueue.Area.COUNTY_OFFICE) {
                model.addAttribute("provinceRequests", province.requests(run.countyCode(), null));
                model.addAttribute("provinceDuplicates", province.duplicates(run.countyCode(), null));
            }
            if (f.ok()) model.addAttribute("page", queue.page(run.runId(), area, null, f));
        }
        return "county/queue";
    }

    /** The search box of both lists: posted, kept in the session (it may be an identity number). */
    @PostMapping("/county/search")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String back, HttpSession session) {
        if (user.role() != Role.COUNTY) throw new Scope.OutOfScope();
        QueueFilter.Search s = QueueFilter.Search.of(q);
        if (s == null) session.removeAttribute(SEARCH);
        else session.setAttribute(SEARCH, s);
        return "/county/all".equals(back) ? "redirect:/county/all" : "redirect:/county";
    }

    @GetMapping("/county/runs/{runId}/items/{itemNo}")
    String item(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo, Model model) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        model.addAttribute("user", user);
        itemPage.fill(model, item, "/county", queue.districtNames(runId));
        return "township/item";
    }

    @PostMapping("/county/runs/{runId}/items/{itemNo}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo,
                  @RequestParam(required = false) String verdict, @RequestParam(required = false) String districtCode,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        String problem = desk.decide(user, item, verdict, districtCode, note);
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "已记录，下次运行时生效" : problem);
        return "redirect:/county/runs/" + runId + "/items/" + itemNo;
    }
}
