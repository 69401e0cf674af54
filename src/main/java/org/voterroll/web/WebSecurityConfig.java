package org.voterroll.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.voterroll.accounts.AccountRepository;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;

/**
 * Two filter chains. /api/** is for other systems: HTTP Basic on every call, no session, so no CSRF token is
 * needed (and a browser's session cookie is not accepted there). The pages use a form login with a session and
 * CSRF tokens, and a session ends when its account is disabled or changed ({@link LiveAccount}). Both enforce the role
 * by path; the scope (乡镇代码 / 选区编码) is checked by {@link Scope} in every handler. A refusal is a bare 403 with an
 * empty body; a failed login, on either chain, is in the audit log.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurityConfig {

    static final AccessDeniedHandler EMPTY_403 = (request, response, e) -> {
        response.setStatus(403);
        response.setContentLength(0);
    };

    @Bean
    PasswordEncoder passwordEncoder(AccountService accounts) {
        return accounts.encoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuditLog audit) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/api/township/**").hasRole("TOWNSHIP")
                        .requestMatchers("/api/station/**").hasRole("STATION")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    // a call that brought credentials and was refused them is a failed login, as on the login page
                    String name = basicUserName(request.getHeader("Authorization"));
                    if (name != null) audit.record(name, AuditLog.LOGIN_FAILED, "api");
                    response.setHeader("WWW-Authenticate", "Basic realm=\"voter-roll\"");
                    response.setStatus(401);
                    response.setContentLength(0);
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.accessDeniedHandler(EMPTY_403));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuditLog audit, AccountRepository accounts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/login", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/township/**").hasRole("TOWNSHIP")
                        .requestMatchers("/station/**").hasRole("STATION")
                        .requestMatchers("/county", "/county/**").hasRole("COUNTY")
                        .requestMatchers("/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, auth) -> {
                            audit.record(auth.getName(), AuditLog.LOGIN, "web");
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, e) -> {
                            // the name typed may be anything: AuditLog shortens it and hides a number typed there; the password is never kept
                            String name = request.getParameter("username");
                            audit.record(name == null ? "-" : name, AuditLog.LOGIN_FAILED, "web");
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler((request, response, auth) -> {
                    if (auth != null) audit.record(auth.getName(), AuditLog.LOGOUT, "web");
                    response.sendRedirect(request.getContextPath() + "/login?logout");
                }))
                .addFilterBefore(new LiveAccount(accounts, audit), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(EMPTY_403));
        return http.build();
    }

    /** The account name of an HTTP Basic header, or null when there is none or it is not Basic. */
    static String basicUserName(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? pair : pair.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return "-";
        }
    }

    static CurrentUser user(org.springframework.security.core.Authentication auth) {
        return (CurrentUser) auth.getPrincipal();
    }
}
