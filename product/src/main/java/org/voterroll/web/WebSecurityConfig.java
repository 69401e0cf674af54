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
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.voterroll.accounts.AccountRepository;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;

/**
 * Three filter chains. /actuator/** is for operators' monitoring: HTTP Basic, an operator's account for health with its
 * details, metrics and info; the liveness and readiness probes are open and show no details. /api/** is for other
 * systems: HTTP Basic on every call, no session, so no CSRF token is needed (and a browser's session cookie is not
 * accepted there). The pages use a form login with a session and CSRF tokens, and a session ends when its account is
 * disabled or changed ({@link LiveAccount}). All enforce the role by path; the scope (乡镇代码 / 选区编码) is checked
 * by {@link Scope} in every handler. A refusal is audited and answered by {@link WebErrors} (a Chinese page, JSON under
 * /api); a failed login, on either chain, is in the audit log, and {@link LoginDoors} throttles logins.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder(AccountService accounts) {
        return accounts.encoder();
    }

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuditLog audit) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(b -> b.authenticationEntryPoint(basicRefused(audit, "actuator")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(WebSecurityConfig::headers)
                .exceptionHandling(e -> e.accessDeniedHandler(WebErrors.accessDenied(audit)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuditLog audit) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/api/township/**").hasRole("TOWNSHIP")
                        .requestMatchers("/api/station/**").hasRole("STATION")
                        .requestMatchers("/api/province/**").hasAnyRole("PROVINCE", "OPERATOR")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(basicRefused(audit, "接口")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(WebSecurityConfig::headers)
                .exceptionHandling(e -> e.accessDeniedHandler(WebErrors.accessDenied(audit)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuditLog audit, AccountRepository accounts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/login", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/township/**").hasRole("TOWNSHIP")
                        .requestMatchers("/station/**").hasRole("STATION")
                        .requestMatchers("/county", "/county/**").hasRole("COUNTY")
                        .requestMatchers("/province", "/province/**").hasAnyRole("PROVINCE", "OPERATOR")
                        .requestMatchers("/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, auth) -> {
                            audit.record(auth.getName(), AuditLog.LOGIN, "网页");
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, e) -> {
                            // the name typed may be anything: AuditLog shortens it and hides a number typed there; the password is never kept
                            String name = request.getParameter("username");
                            boolean locked = e instanceof LoginDoors.Locked;
                            audit.record(name == null ? "-" : name, AuditLog.LOGIN_FAILED, locked ? "网页 已锁定" : "网页");
                            // the login page says until when (HomeController accepts only a time there)
                            response.sendRedirect(request.getContextPath() + (locked ? "/login?locked=" + ((LoginDoors.Locked) e).untilText() : "/login?error"));
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler((request, response, auth) -> {
                    if (auth != null) audit.record(auth.getName(), AuditLog.LOGOUT, "网页");
                    response.sendRedirect(request.getContextPath() + "/login?logout");
                }))
                .headers(WebSecurityConfig::headers)
                .addFilterBefore(new LiveAccount(accounts, audit), AuthorizationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(WebErrors.accessDenied(audit)));
        return http.build();
    }

    /**
     * The security headers (WebServer.SECURITY_HEADERS holds the same for Tomcat's own error page). HSTS is written by
     * Spring Security only on a secure request: behind TLS, that is a request the local proxy marks X-Forwarded-Proto:
     * https (server.forward-headers-strategy, application.yml).
     */
    static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(WebServer.CSP))
                .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * HTTP Basic refused: 401 with the Chinese JSON of /error (a locked account or address says until when). A call that
     * brought credentials and was refused them is a failed login, as on the login page.
     */
    static AuthenticationEntryPoint basicRefused(AuditLog audit, String door) {
        return (request, response, e) -> {
            String name = basicUserName(request.getHeader("Authorization"));
            boolean locked = e instanceof LoginDoors.Locked;
            if (name != null) audit.record(name, AuditLog.LOGIN_FAILED, locked ? door + " 已锁定" : door);
            if (locked) request.setAttribute(WebErrors.MESSAGE, ((LoginDoors.Locked) e).message());
            response.setHeader("WWW-Authenticate", "Basic realm=\"voter-roll\", charset=\"UTF-8\"");
            response.sendError(401);
        };
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
