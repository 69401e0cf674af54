package org.voterroll.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;
import org.voterroll.county.Places;

/** Operators manage accounts: create (role and scope), disable / enable, set a new password. */
@Controller
class AccountsController {
    private final AccountService accounts;
    private final Places places;

    AccountsController(AccountService accounts, Places places) {
        this.accounts = accounts;
        this.places = places;
    }

    @GetMapping("/operator/accounts")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        var districts = places.districts();
        model.addAttribute("districts", districts);
        // one entry per township, in code order, for the scope's suggestions
        Map<String, String> townships = new LinkedHashMap<>();
        for (Places.District d : districts) townships.putIfAbsent(d.townshipCode(), d.townshipName() == null ? d.townshipCode() : d.townshipName());
        model.addAttribute("townships", townships);
        Map<String, String> names = new HashMap<>();
        for (Places.District d : districts) {
            names.put(d.code(), d.name());
            if (d.townshipName() != null) names.put(d.townshipCode(), d.townshipName());
        }
        model.addAttribute("scopeNames", names);
        return "operator/accounts";
    }

    @PostMapping("/operator/accounts")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam String name, @RequestParam String role,
                  @RequestParam(required = false) String scope, @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.create(name, Role.parse(role), scope, password, user.name());
            redirect.addFlashAttribute("saved", "已创建账户 " + name);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/accounts";
    }

    @PostMapping("/operator/accounts/{id}/enabled")
    String enabled(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled, user.name());
        } catch (IllegalArgumentException e) {
            throw new Scope.NotFound();
        }
        redirect.addFlashAttribute("saved", enabled ? "已启用" : "已停用");
        return "redirect:/operator/accounts";
    }

    @PostMapping("/operator/accounts/{id}/password")
    String password(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.setPassword(id, password, user.name());
            redirect.addFlashAttribute("saved", "密码已更改");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/accounts";
    }
}
