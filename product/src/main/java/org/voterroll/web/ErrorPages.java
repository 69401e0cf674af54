package org.voterroll.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.voterroll.accounts.CurrentUser;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /error}, in place of Spring Boot's: a Chinese page with a link back to the user's home page, or, for a request
 * under /api, JSON {@code {"status", "error", "message"}} in Chinese (also for /actuator). Opened directly (no error behind it) it is a page
 * that does not exist, never Boot's {@code {"status":999}}. Nothing of the failed request (exception, path, query) is
 * shown; the exception of a 500 is in the server's log.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ErrorPages implements ErrorController {
    private final JsonMapper json;

    ErrorPages(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s && s >= 400 ? s : 404;
        WebErrors.Text text = WebErrors.Text.of(status);
        String message = request.getAttribute(WebErrors.MESSAGE) instanceof String m ? m : text.message();
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : "";
        // a request Spring Security's firewall rejected (an encoded "..") never passed its header writer
        WebServer.SECURITY_HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) response.setHeader(name, value);
        });
        if (uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/actuator/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", text.title());
            body.put("message", message);
            response.setStatus(status);
            response.setContentType("application/json;charset=UTF-8");
            json.writeValue(response.getOutputStream(), body);
            return null;  // written: no view
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("title", text.title());
        model.put("message", message);
        model.put("user", user);
        // "/" sends each role to its own start page (HomeController); not signed in, the way back is the login page
        model.put("home", user == null ? "/login" : "/");
        model.put("homeLabel", user == null ? "返回登录页" : "返回首页");
        return new ModelAndView("error", model, HttpStatusCode.valueOf(status));
    }
}
