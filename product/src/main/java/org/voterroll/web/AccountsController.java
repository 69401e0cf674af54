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
import org.voterroll.accounts.Account;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;
import org.voterroll.county.Places;

/** Operators manage accounts: create (role and scope), disable / enable, set a new password. */
@Controller
class AccountsController {
    private final AccountService accounts;
    private final LoginDoors doors;
    private final AuditLog audit;
    private final Places places;

    AccountsController(AccountService accounts, LoginDoors doors, AuditLog audit, Places places) {
        this.accounts = accounts;
        this.doors = doors;
        this.audit = audit;
        this.places = places;
    }

    @GetMapping("/operator/accounts")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        // name → until when it is locked (HH:mm), for the accounts a throttled login locked
        java.util.Map<String, String> locked = new java.util.HashMap<>();
        for (var a : accounts.all()) doors.lockedUntil(a.name()).ifPresent(t -> locked.put(a.name(), new LoginDoors.Locked(t).untilText()));
        model.addAttribute("locked", locked);
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
        for (var a : accounts.all()) if (a.scope() != null && !names.containsKey(a.scope()) && places.name(a.scope()) != null) names.put(a.scope(), places.name(a.scope()));
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

    /** An operator ends an account's login lockout at once (a clerk who forgot the password and has just been given a new one). */
    @PostMapping("/operator/accounts/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Account a = accounts.all().stream().filter(x -> x.id() == id).findFirst().orElseThrow(Scope.NotFound::new);
        boolean was = doors.unlock(a.name());
        audit.record(user.name(), AuditLog.ACCOUNT, "解除登录锁定 " + a.name());
        redirect.addFlashAttribute("saved", was ? "已解除 " + a.name() + " 的登录锁定" : a.name() + " 未被锁定");
        return "redirect:/operator/accounts";
    }
}
