package org.voterroll.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.voterroll.accounts.CurrentUser;

/** The login page, and after login each role's own start page. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return switch (user.role()) {
            case OPERATOR -> "redirect:/operator";
            case TOWNSHIP -> "redirect:/township";
            case STATION -> "redirect:/station";
            case COUNTY -> "redirect:/county";
        };
    }
}
