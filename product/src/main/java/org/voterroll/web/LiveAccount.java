package org.voterroll.web;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.voterroll.accounts.Account;
import org.voterroll.accounts.AccountRepository;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;

/**
 * A page session holds the account as it was at login. An operator who disables an account, gives it a new password,
 * or moves it to another role or township expects that to take effect at once, not when the session times out: each
 * request of a session compares the account with its row (one indexed lookup) and ends the session when they differ.
 * API calls need no such check: HTTP Basic authenticates every call against the row.
 */
final class LiveAccount extends OncePerRequestFilter {
    private final AccountRepository accounts;
    private final AuditLog audit;

    LiveAccount(AccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user && !unchanged(user, accounts.find(user.name()))) {
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            SecurityContextHolder.clearContext();
            audit.record(user.name(), AuditLog.SESSION_ENDED, "网页：登录后账户已停用或已更改，会话结束");
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean unchanged(CurrentUser user, Optional<Account> row) {
        return row.filter(a -> a.enabled() && a.role() == user.role() && Objects.equals(a.scope(), user.scope())
                && Objects.equals(a.passwordHash(), user.passwordHash())).isPresent();
    }
}
