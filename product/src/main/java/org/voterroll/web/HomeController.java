package org.voterroll.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.voterroll.accounts.CurrentUser;

/** The login page, and after login each role's own start page. */
@Controller
class HomeController {

    /** ?locked=HH:mm after a login refused during a lockout; only a time is shown, never other text from the link. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, Model model) {
        if (locked != null) model.addAttribute("locked", LoginDoors.Locked.message(locked.matches("\\d{2}:\\d{2}") ? locked : null));
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return switch (user.role()) {
            case OPERATOR -> "redirect:/operator";
            case TOWNSHIP -> "redirect:/township";
            case STATION -> "redirect:/station";
            case COUNTY -> "redirect:/county";
            case PROVINCE -> "redirect:/province";
        };
    }
}
