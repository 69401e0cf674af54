package org.voterroll.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.voterroll.accounts.CurrentUser;

/**
 * A province run's item in a county's own queue (原选区资格证明申请, 与外县重复登记): the item page and its decision, under the
 * township's paths or, for an item without a township, the county office's. The paths' roles are the security
 * configuration's; who may open which item is {@link ProvinceDesk#open}'s.
 */
@Controller
class ProvinceItemController {
    private final ProvinceDesk province;

    ProvinceItemController(ProvinceDesk province) {
        this.province = province;
    }

    @GetMapping({"/township/province/{provinceRunId}/items/{itemNo}", "/county/province/{provinceRunId}/items/{itemNo}"})
    String item(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, @PathVariable String provinceRunId,
                @PathVariable int itemNo, Model model) {
        var item = province.open(user, provinceRunId, itemNo);
        model.addAttribute("user", user);
        province.fill(model, item, base(request));
        return "township/item";
    }

    @PostMapping({"/township/province/{provinceRunId}/items/{itemNo}/decision", "/county/province/{provinceRunId}/items/{itemNo}/decision"})
    String decide(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, @PathVariable String provinceRunId,
                  @PathVariable int itemNo, @RequestParam(required = false) String verdict, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        var item = province.open(user, provinceRunId, itemNo);
        String problem = province.decide(user, item, verdict, note);
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? ProvinceDesk.saved(item) : problem);
        return "redirect:" + base(request) + "/province/" + provinceRunId + "/items/" + itemNo;
    }

    /** The queue the item was opened from: the county office's or the township's. */
    private static String base(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/county/") ? "/county" : "/township";
    }
}
