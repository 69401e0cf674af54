package org.voterroll.web;

import java.util.List;

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

/** The township clerk's pages: the queue of the latest run, one item with its people and evidence, the decision form. */
@Controller
class TownshipController {
    private final ExceptionQueue queue;
    private final DecisionDesk desk;

    TownshipController(ExceptionQueue queue, DecisionDesk desk) {
        this.queue = queue;
        this.desk = desk;
    }

    @GetMapping("/township")
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String level, Model model) {
        if (user.role() != Role.TOWNSHIP) throw new Scope.OutOfScope();
        model.addAttribute("user", user);
        model.addAttribute("type", type);
        model.addAttribute("level", level);
        var run = queue.latestRun(user.scope()).orElse(null);
        model.addAttribute("run", run);
        if (run != null) {
            model.addAttribute("items", queue.items(run.runId(), user.scope(), type, level));
            model.addAttribute("codes", queue.codes(run.runId(), user.scope()));
            model.addAttribute("blockingOpen", queue.blockingOpen(run.runId(), user.scope()));
            model.addAttribute("outcomes", queue.outcomes(user.scope(), run.runId()));
        }
        return "township/queue";
    }

    @GetMapping("/township/runs/{runId}/items/{itemNo}")
    String item(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo, Model model) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        var persons = queue.persons(item);
        model.addAttribute("user", user);
        model.addAttribute("item", item);
        model.addAttribute("persons", persons);
        model.addAttribute("links", queue.links(runId, persons));
        model.addAttribute("history", queue.history(queue.countyOf(runId), item.fingerprint()));
        model.addAttribute("verdicts", Verdicts.forCode(item.code()));
        model.addAttribute("districts", queue.districts(runId));
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
