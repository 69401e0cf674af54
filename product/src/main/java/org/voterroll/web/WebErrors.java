package org.voterroll.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.voterroll.accounts.AuditLog;

/**
 * Every refusal and every error ends the same way: {@code response.sendError(status)}, which Tomcat forwards to
 * {@link ErrorPages} ({@code /error}): a Chinese page with a link back home, or JSON under /api. The body names nothing
 * of the refused township, district or file. Every refusal is first written to the audit log as one action, DENIED,
 * with its reason first in the detail: {@link #ROLE} (the path is not for the account's role), {@link #SCOPE} (another
 * township's or district's object), {@link #CSRF} (a form without this session's token).
 */
@ControllerAdvice
class WebErrors {
    static final String ROLE = "角色不符", SCOPE = "超出范围", CSRF = "表单已失效或来自别处";
    /** A request attribute with a more exact message than the status's own, for the page or JSON /error renders. */
    static final String MESSAGE = WebErrors.class.getName() + ".message";

    private final AuditLog audit;

    WebErrors(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(Scope.OutOfScope.class)
    void outOfScope(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(audit, SCOPE, request, response);
    }

    @ExceptionHandler(Scope.NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(404);
    }

    /** Both security chains' handler for a signed-in caller refused by role, and for anyone refused by CSRF. */
    static AccessDeniedHandler accessDenied(AuditLog audit) {
        return (request, response, e) -> {
            if (e instanceof CsrfException) request.setAttribute(MESSAGE, "表单已过期或不是从本系统的页面提交的，请返回页面刷新后再试。");
            refuse(audit, e instanceof CsrfException ? CSRF : ROLE, request, response);
        };
    }

    static void refuse(AuditLog audit, String reason, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? "-" : auth.getName();
        // the path holds run ids, item numbers and codes only (never an identity number; AuditLog hides one typed there)
        audit.record(actor, AuditLog.DENIED, reason + " " + doing(request.getMethod()) + " " + request.getRequestURI());
        response.sendError(403);
    }

    /** What a status means to a clerk: the title and the sentence of the error page (and of the API's JSON). */
    record Text(String title, String message) {
        static Text of(int status) {
            return switch (status) {
                case 400 -> new Text("请求有误", "请求的地址或内容不正确，请从系统的页面重新进入。");
                case 401 -> new Text("需要登录", "用户名或密码错误，或账户已停用。");
                case 403 -> new Text("无权访问", "您的账户无权打开这个页面或下载这个文件。");
                case 404 -> new Text("页面不存在", "要打开的页面、记录或文件不存在，可能地址有误或已被删除。");
                case 405 -> new Text("请求方式不对", "这个地址不接受这种请求方式，请从系统的页面重新进入。");
                case 413, 414, 431 -> new Text("请求过大", "请求的内容或地址太长，系统不予处理。");
                case 429 -> new Text("请求过多", "请求太频繁，请稍后再试。");
                default -> status >= 500 ? new Text("系统出错", "系统内部出错，已记录在日志中。请稍后再试；一再出现时请联系运维人员。")
                        : new Text("请求有误", "请求无法处理，请从系统的页面重新进入。");
            };
        }
    }

    /** The request's method as the operator reads the audit log: 打开 a page, 提交 a form; any other method by its name. */
    static String doing(String method) {
        return switch (method) {
            case "GET" -> "打开";
            case "POST" -> "提交";
            default -> method;
        };
    }
}
