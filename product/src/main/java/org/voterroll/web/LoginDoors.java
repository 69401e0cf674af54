package org.voterroll.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.AccountUserDetailsService;
import org.voterroll.accounts.AuditLog;

/**
 * The login throttle in Spring Security's terms: this provider (the only one, for the form login and HTTP Basic alike)
 * refuses a locked account name or client address before it looks at the password — so the right password during a
 * lockout does not log in — and the authentication events count failures and clear an account on success. The client
 * address is {@code request.getRemoteAddr()}, which Tomcat's RemoteIpValve sets from X-Forwarded-For only when the
 * connection comes from this machine (server.tomcat.remoteip.internal-proxies, application.yml).
 */
@Component
class LoginDoors implements AuthenticationProvider {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Refused because of a lock: the message says until when, in Chinese, for the login page and the API. */
    static final class Locked extends LockedException {
        final Instant until;

        Locked(Instant until) {
            super("locked");
            this.until = until;
        }

        String untilText() {
            return HH_MM.format(LocalDateTime.ofInstant(until, ZoneId.systemDefault()));
        }

        String message() {
            return message(untilText());
        }

        /** With a time (HH:mm) the message says until when; with null, only "later". */
        static String message(String until) {
            return "登录失败次数过多，已暂时锁定，请" + (until == null ? "稍后" : "于 " + until + " 后") + "再试，或请运维人员在“账户”页解除锁定。";
        }
    }

    private final LoginThrottle throttle;
    private final DaoAuthenticationProvider passwords;
    private final AuditLog audit;

    LoginDoors(AccountUserDetailsService users, AccountService accounts, AuditLog audit,
               @Value("${voter-roll.login.account-failures:5}") int accountFailures,
               @Value("${voter-roll.login.address-failures:20}") int addressFailures,
               @Value("${voter-roll.login.window:15m}") Duration window,
               @Value("${voter-roll.login.first-lockout:15m}") Duration firstLockout,
               @Value("${voter-roll.login.max-lockout:4h}") Duration maxLockout) {
        this.throttle = new LoginThrottle(Clock.systemUTC(),
                new LoginThrottle.Limits(accountFailures, window, firstLockout, maxLockout),
                new LoginThrottle.Limits(addressFailures, window, firstLockout, maxLockout));
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(accounts.encoder());
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        Optional<Instant> until = throttle.lockedUntil(login.getName(), address(login));
        if (until.isPresent()) throw new Locked(until.get());
        return passwords.authenticate(login);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A wrong password or an unknown name (Spring Security does not tell them apart, nor do we). */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        for (LoginThrottle.Lockout l : throttle.failed(e.getAuthentication().getName(), address(e.getAuthentication()))) {
            String what = (l.account() ? "账户" : "地址 " + l.key()) + " 锁定 " + l.length().toMinutes() + " 分钟（"
                    + l.failures() + " 次登录失败）";
            audit.record(l.account() ? l.key() : "-", AuditLog.LOCKOUT, what);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        throttle.succeeded(e.getAuthentication().getName());
    }

    /** An operator's unlock of an account name (the page's 解除锁定); an address lock ends by itself. */
    boolean unlock(String account) {
        return throttle.unlock(account);
    }

    Optional<Instant> lockedUntil(String account) {
        return throttle.accountLockedUntil(account);
    }

    /**
     * The client's address, or null for this machine itself: a connection from localhost without X-Forwarded-For is the
     * machine's own shell or a proxy that forwards no address (ops/README.md asks the proxy to send it), and counting
     * all of them as one address would lock everyone out at once. The account limit still applies to them.
     */
    static String address(Authentication a) {
        if (!(a.getDetails() instanceof WebAuthenticationDetails d) || d.getRemoteAddress() == null) return null;
        String ip = d.getRemoteAddress();
        return ip.startsWith("127.") || ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1") ? null : ip;
    }
}
