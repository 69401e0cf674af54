package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voterroll.accounts.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web's doors against the real server (issue 24): Chinese error pages and JSON errors, every refusal audited with its
 * reason, login throttling per account and per address with lockouts an operator can lift, the actuator's health for
 * operators and its open probes, and the security headers.
 */
class WebDoorsTest extends WebTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    private List<String> audit(String actor, String action) {
        return jdbc.queryForList("SELECT COALESCE(detail, '') FROM audit_log WHERE actor = ? AND action = ? ORDER BY audit_id",
                String.class, actor, action);
    }

    private HttpResponse<byte[]> login(Http h, String name, String password) throws Exception {
        return h.form("/login", Map.of("username", name, "password", password));
    }

    // ---- error pages

    @Test
    void aRefusedPageIsAChinesePageWithTheWayHomeAndTheRefusalIsAuditedByRole() throws Exception {
        Http clerk = Http.session(url(""), CLERK, PASSWORD);
        int before = audit(CLERK, "DENIED").size();
        HttpResponse<byte[]> r = clerk.get("/operator");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(body(r)).contains("<html lang=\"zh-CN\"", "无权访问", "返回首页", "href=\"/\"").doesNotContain("Whitelabel", "Tomcat");
        assertThat(audit(CLERK, "DENIED")).hasSize(before + 1).last().isEqualTo(WebErrors.ROLE + " 打开 /operator");
        // the way home leads to the clerk's own page
        assertThat(location(clerk.get("/"))).endsWith("/township");
    }

    @Test
    void aRefusedDownloadIsTheSamePageAndTheScopeRefusalIsAudited() throws Exception {
        Http other = Http.session(url(""), OTHER_STATION, PASSWORD);
        String path = "/station/districts/" + DISTRICT + "/runs/latest/files/roll/csv";
        HttpResponse<byte[]> r = other.get(path);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(body(r)).contains("无权访问", "返回首页");
        assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(audit(OTHER_STATION, "DENIED")).contains(WebErrors.SCOPE + " 打开 " + path);
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefusedAndAuditedAsCsrf() throws Exception {
        Http clerk = Http.session(url(""), CLERK, PASSWORD);
        String runId = latestRunId();
        int item = itemOf(runId, "MATCH_REVIEW", TOWNSHIP);
        long decisions = jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class);
        // a POST as another site's page would send it: the session cookie (if it were sent) but no token
        HttpResponse<byte[]> r = clerk.postJson("/township/runs/" + runId + "/items/" + item + "/decision", "{}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(body(r)).contains("无权访问", "表单已过期");
        assertThat(audit(CLERK, "DENIED")).contains(WebErrors.CSRF + " 提交 /township/runs/" + runId + "/items/" + item + "/decision");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class)).isEqualTo(decisions);
    }

    @Test
    void missingPagesWrongMethodsAndBadRequestsAreChinesePages() throws Exception {
        Http op = Http.session(url(""), OPERATOR, PASSWORD);
        HttpResponse<byte[]> missing = op.get("/operator/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing)).contains("页面不存在", "返回首页");
        HttpResponse<byte[]> method = op.get("/operator/accounts/1/enabled");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(body(method)).contains("请求方式不对", "返回首页");
        HttpResponse<byte[]> badNumber = Http.session(url(""), CLERK, PASSWORD).get("/township/runs/" + latestRunId() + "/items/not-a-number");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(body(badNumber)).contains("请求有误");
    }

    @Test
    void errorOpenedDirectlyIsAMissingPageNeverStatus999() throws Exception {
        HttpResponse<byte[]> r = Http.anonymous(url("")).get("/error");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(body(r)).contains("页面不存在", "返回登录页").doesNotContain("999");
        HttpResponse<byte[]> json = Http.basic(url(""), OPERATOR, PASSWORD).get("/error");
        assertThat(body(json)).doesNotContain("999");
    }

    /** Encoded ".." and "/" as an intruder sends them (raw, not normalised by a client): Spring's firewall or Tomcat refuses. */
    @Test
    void anEncodedDotDotOrSlashGetsTheChinesePageNotTomcats() throws Exception {
        for (String path : List.of("/station/%2e%2e/operator", "/station/..%2foperator", "/station/%2e%2e%2foperator/accounts",
                "/css/..%5c..%5capplication.yml")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("请求有误", "返回", "Content-Security-Policy: default-src 'self'")
                    .doesNotContain("Apache Tomcat", "HTTP Status", "Whitelabel");
        }
    }

    @Test
    void theApiAnswersErrorsAsJsonInChinese() throws Exception {
        HttpResponse<byte[]> refused = Http.basic(url(""), CLERK, PASSWORD).get("/api/operator/runs");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode j = JSON.readTree(refused.body());
        assertThat(j.get("status").asInt()).isEqualTo(403);
        assertThat(j.get("message").asString()).contains("无权");
        assertThat(audit(CLERK, "DENIED")).contains(WebErrors.ROLE + " 打开 /api/operator/runs");

        HttpResponse<byte[]> missing = Http.basic(url(""), OPERATOR, PASSWORD).get("/api/operator/runs/no-such-run");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("message").asString()).contains("不存在");

        HttpResponse<byte[]> wrong = Http.basic(url(""), OPERATOR, "not-the-password").get("/api/operator/runs");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(JSON.readTree(wrong.body()).get("status").asInt()).isEqualTo(401);
    }

    // ---- login throttling

    @Test
    void fiveWrongPasswordsLockTheAccountTheRightOneThenFailsAndAnOperatorUnlocks() throws Exception {
        String name = "web-test-forgetful";
        accounts.create(name, Role.TOWNSHIP, TOWNSHIP, PASSWORD, "test");
        Http h = Http.anonymous(url(""));
        for (int i = 0; i < 4; i++) assertThat(location(login(h, name, "wrong-" + i))).endsWith("/login?error");
        assertThat(audit(name, "LOCKOUT")).isEmpty();
        assertThat(location(login(h, name, "wrong-4"))).endsWith("/login?error");
        assertThat(audit(name, "LOCKOUT")).singleElement().asString().contains("锁定 15 分钟", "5 次");

        // the right password during the lockout does not log in, and says why in Chinese
        HttpResponse<byte[]> right = login(h, name, PASSWORD);
        assertThat(location(right)).contains("/login?locked=");
        String page = body(h.get(location(right).substring(location(right).indexOf("/login"))));
        assertThat(page).contains("登录失败次数过多", "解除锁定");
        assertThat(h.get("/township").statusCode()).isEqualTo(302);
        assertThat(audit(name, "LOGIN_FAILED")).last().isEqualTo("网页 已锁定");
        // nor over the API
        HttpResponse<byte[]> api = Http.basic(url(""), name, PASSWORD).get("/api/township/items");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(api.body()).get("message").asString()).contains("已暂时锁定");

        // the operator sees the lock on the accounts page and lifts it
        Http op = Http.session(url(""), OPERATOR, PASSWORD);
        assertThat(body(op.get("/operator/accounts"))).contains("登录已锁定至", "unlock-" + name);
        long id = jdbc.queryForObject("SELECT account_id FROM account WHERE name = ?", Long.class, name);
        assertThat(op.form("/operator/accounts/" + id + "/unlock", Map.of()).statusCode()).isEqualTo(302);
        assertThat(audit(OPERATOR, "ACCOUNT")).contains("解除登录锁定 " + name);
        Http.session(url(""), name, PASSWORD);  // throws when the login fails
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryAccountButNoOther() throws Exception {
        String attacker = "198.51.100.20", neighbour = "198.51.100.21";
        Http h = Http.anonymous(url("")).header("X-Forwarded-For", attacker);
        // twenty names, each tried once: no account limit is reached, the address's is
        for (int i = 0; i < 20; i++) assertThat(location(login(h, "web-test-guess" + i, "wrong"))).endsWith("/login?error");
        assertThat(audit("-", "LOCKOUT")).contains("地址 " + attacker + " 锁定 15 分钟（20 次登录失败）");
        // the right password of a real account from that address is refused; from another address it works
        assertThat(location(login(Http.anonymous(url("")).header("X-Forwarded-For", attacker), CLERK, PASSWORD))).contains("/login?locked=");
        HttpResponse<byte[]> other = login(Http.anonymous(url("")).header("X-Forwarded-For", neighbour), CLERK, PASSWORD);
        assertThat(location(other)).doesNotContain("error", "locked");
    }

    /** X-Forwarded-For is believed from a proxy on this machine only: a client elsewhere cannot pick its address. */
    @Test
    void aForwardedAddressFromAnotherMachineIsIgnored() throws Exception {
        String here = nonLoopbackAddress();
        String pretended = "198.51.100.30";
        Http far = Http.anonymous("http://" + here + ":" + port).header("X-Forwarded-For", pretended);
        for (int i = 0; i < 20; i++) login(far, "web-test-far" + i, "wrong");
        // the lock is on the connection's own address, not the one it claimed
        assertThat(audit("-", "LOCKOUT")).contains("地址 " + here + " 锁定 15 分钟（20 次登录失败）")
                .noneMatch(d -> d.contains(pretended));
        assertThat(location(login(Http.anonymous("http://" + here + ":" + port), OPERATOR, PASSWORD))).contains("/login?locked=");
        assertThat(location(login(Http.anonymous(url("")).header("X-Forwarded-For", pretended), OPERATOR, PASSWORD)))
                .doesNotContain("error", "locked");
    }

    // ---- actuator

    @Test
    void healthHasDetailsForOperatorsAndTheProbesAreOpenWithoutDetails() throws Exception {
        assertThat(Http.anonymous(url("")).get("/actuator/health").statusCode()).isEqualTo(401);
        assertThat(Http.basic(url(""), CLERK, PASSWORD).get("/actuator/health").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> op = Http.basic(url(""), OPERATOR, PASSWORD).get("/actuator/health");
        assertThat(op.statusCode()).as(body(op)).isIn(200, 503);
        JsonNode health = JSON.readTree(op.body());
        assertThat(health.get("components").has("db")).isTrue();
        assertThat(health.get("components").has("lastRun")).isTrue();
        assertThat(health.get("components").get("db").has("details")).isTrue();
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<byte[]> r = Http.anonymous(url("")).get(probe);
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            assertThat(body(r)).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(Http.anonymous(url("")).get("/actuator/metrics").statusCode()).isEqualTo(401);
    }

    // ---- headers

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndTheSessionCookieIsSameSite() throws Exception {
        for (HttpResponse<byte[]> r : List.of(Http.anonymous(url("")).get("/login"), Http.session(url(""), CLERK, PASSWORD).get("/township"),
                Http.basic(url(""), CLERK, PASSWORD).get("/api/township/items"), Http.session(url(""), CLERK, PASSWORD).get("/operator"))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(r.uri().toString()).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri().toString()).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(r.uri().toString()).contains("DENY");
            // plain HTTP: no HSTS (a browser would keep it for a year for a server that has no TLS)
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as(r.uri().toString()).isEmpty();
        }
        List<String> cookies = Http.anonymous(url("")).get("/login").headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID=")).allMatch(c -> c.contains("SameSite=Lax") && c.contains("HttpOnly"));
        // behind the TLS proxy on this machine: HSTS, and the cookie is Secure
        HttpResponse<byte[]> tls = Http.anonymous(url("")).header("X-Forwarded-Proto", "https").get("/login");
        assertThat(tls.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000");
        assertThat(tls.headers().allValues("Set-Cookie")).allMatch(c -> c.contains("Secure"));
        // the same header from another machine is not believed
        HttpResponse<byte[]> far = Http.anonymous("http://" + nonLoopbackAddress() + ":" + port).header("X-Forwarded-Proto", "https").get("/login");
        assertThat(far.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** One request written as an intruder's tool writes it, byte for byte; the whole answer with its headers. */
    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** This machine's own address on a network interface: a connection to it does not come from localhost. */
    static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp() || n.isLoopback()) continue;
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
            }
        }
        throw new IllegalStateException("this machine has no IPv4 address besides localhost: the test needs one");
    }
}
