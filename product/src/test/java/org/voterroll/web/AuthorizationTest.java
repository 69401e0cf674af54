package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the server maps (read from Spring MVC, so a new one is covered, or fails here until it is classified):
 * each is refused — 403 with the Chinese refusal page (JSON under /api) that names nothing of what was refused — to the
 * roles it is not for, and every township or station endpoint is refused to an account of the right role but another
 * township or district. Refusals store nothing but their audit line.
 */
class AuthorizationTest extends WebTestBase {
    /** Endpoints anyone may reach (the login page and the error page) or any logged-in account ("/" sends each to its page). */
    static final Set<String> OPEN = Set.of("/login", "/error", "/");

    record Endpoint(RequestMethod method, String pattern) {
        String area() {
            String p = pattern.startsWith("/api/") ? pattern.substring(4) : pattern;
            for (String a : List.of("operator", "township", "station", "county", "province")) if (p.equals("/" + a) || p.startsWith("/" + a + "/")) return a;
            return null;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String p : info.getPatternValues()) {
                if (methods.isEmpty()) out.add(new Endpoint(RequestMethod.GET, p));
                for (RequestMethod m : methods) out.add(new Endpoint(m, p));
            }
        }
        return out;
    }

    @Test
    void everyEndpointBelongsToOneRoleOrIsOpen() {
        List<Endpoint> all = endpoints();
        assertThat(all).hasSizeGreaterThan(20);
        for (Endpoint e : all) {
            assertThat(e.area() != null || OPEN.contains(e.pattern())).as("endpoint %s has no role area", e).isTrue();
        }
    }

    @Test
    void everyEndpointRefusesTheOtherRoles() throws Exception {
        Map<String, Http> byRole = Map.of("operator", Http.session(url(""), OPERATOR, PASSWORD),
                "township", Http.session(url(""), CLERK, PASSWORD), "station", Http.session(url(""), STATION, PASSWORD),
                "county", Http.session(url(""), COUNTY_OFFICE, PASSWORD), "province", Http.session(url(""), PROVINCE_OFFICE, PASSWORD));
        Map<String, Http> apiByRole = Map.of("operator", Http.basic(url(""), OPERATOR, PASSWORD),
                "township", Http.basic(url(""), CLERK, PASSWORD), "station", Http.basic(url(""), STATION, PASSWORD));
        long decisions = count("SELECT COUNT(*) FROM decision"), downloads = count("SELECT COUNT(*) FROM download_log"),
                runs = count("SELECT COUNT(*) FROM run"), accountsBefore = count("SELECT COUNT(*) FROM account"),
                denied = count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED'");
        int checked = 0, anonymousRefused = 0;
        for (Endpoint e : endpoints()) {
            if (e.area() == null) continue;
            String path = concrete(e.pattern(), TOWNSHIP, DISTRICT);
            for (var caller : (e.api() ? apiByRole : byRole).entrySet()) {
                if (caller.getKey().equals(e.area())) continue;
                // the province page is the province office's and the operators' (each county's office is not let in)
                if ("province".equals(e.area()) && "operator".equals(caller.getKey())) continue;
                assertRefused(call(caller.getValue(), e, path), caller.getKey() + " " + e.method() + " " + path);
                checked++;
            }
            // not logged in: the pages send to the login form (or refuse a form without a session's token), the API
            // answers 401; none shows anything of the data
            HttpResponse<byte[]> anon = call(e.api() ? Http.basic(url(""), "nobody", "wrong-password-x") : Http.anonymous(url("")), e, path);
            assertThat(anon.statusCode()).as("anonymous " + e.method() + " " + path).isIn(e.api() ? List.of(401) : List.of(302, 403));
            if (anon.statusCode() == 302) assertThat(anon.body()).as("anonymous " + e.method() + " " + path).isEmpty();
            else assertNothingShown(anon, "anonymous " + e.method() + " " + path);
            if (anon.statusCode() == 403) anonymousRefused++;
        }
        assertThat(checked).isGreaterThan(30);
        // every refusal is one audit line: by role for the signed-in callers, by CSRF for the anonymous forms
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED'")).isEqualTo(denied + checked + anonymousRefused);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED' AND detail LIKE '" + WebErrors.ROLE + " %'")).isGreaterThanOrEqualTo(checked);
        assertThat(count("SELECT COUNT(*) FROM decision")).isEqualTo(decisions);
        assertThat(count("SELECT COUNT(*) FROM download_log")).isEqualTo(downloads);
        assertThat(count("SELECT COUNT(*) FROM run")).isEqualTo(runs);
        assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(accountsBefore);
    }

    @Test
    void aTownshipCannotReachAnotherTownshipsItems() throws Exception {
        String runId = latestRunId();
        // the other clerk's township is 341299100; the items of the path belong to 341299201
        Http page = Http.session(url(""), OTHER_CLERK, PASSWORD), api = Http.basic(url(""), OTHER_CLERK, PASSWORD);
        long decisions = count("SELECT COUNT(*) FROM decision"), denied = count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED' AND detail LIKE '" + WebErrors.SCOPE + " %'");
        int scoped = 0;
        for (Endpoint e : endpoints()) {
            if (!"township".equals(e.area())) continue;
            String path = concrete(e.pattern(), TOWNSHIP, DISTRICT);
            HttpResponse<byte[]> r = call(e.api() ? api : page, e, path);
            if (e.pattern().contains("{")) {
                assertRefused(r, OTHER_CLERK + " " + e.method() + " " + path);
                scoped++;
            } else if (e.pattern().endsWith("/search")) {
                // the search box keeps the search in the account's own session and sends it back to its own queue
                assertThat(r.statusCode()).isEqualTo(302);
                assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/township");
            } else {
                // the queue itself: the account's own township only
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(body).contains("341299100").doesNotContain("郑浩", "孙立军", WebFixture.ZHENG_HAO_NUMBER, "data-code=\"MATCH_REVIEW\"");
            }
        }
        assertThat(scoped).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM decision")).isEqualTo(decisions);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED' AND detail LIKE '" + WebErrors.SCOPE + " %'"))
                .as("every scope refusal audited").isEqualTo(denied + scoped);
        // and the owner does reach them: the refusals above are about scope, not broken endpoints
        int item = itemOf(runId, "MATCH_REVIEW", TOWNSHIP);
        HttpResponse<byte[]> own = Http.session(url(""), CLERK, PASSWORD).get("/township/runs/" + runId + "/items/" + item);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new String(own.body(), StandardCharsets.UTF_8)).contains("郑浩", "MATCH_REVIEW");
        assertThat(Http.basic(url(""), CLERK, PASSWORD).get("/api/township/runs/" + runId + "/items/" + item).statusCode()).isEqualTo(200);
    }

    @Test
    void aClerkAssignsOnlyToADistrictOfTheirOwnTownshipAndTheRefusalIsAudited() throws Exception {
        String runId = latestRunId();
        int item = noDistrictItem(runId, TOWNSHIP);
        long decisions = count("SELECT COUNT(*) FROM decision"), denied = count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED'");
        String path = "/township/runs/" + runId + "/items/" + item + "/decision";
        // 341299100-02 is a district of the county, but of 城关镇, not of the clerk's 河口乡
        assertRefused(Http.session(url(""), CLERK, PASSWORD).form(path, Map.of("verdict", "CHOOSE_DISTRICT", "districtCode", DISTRICT, "note", "x")),
                "choose another township's district");
        assertRefused(Http.basic(url(""), CLERK, PASSWORD).postJson("/api" + path, "{\"verdict\":\"CHOOSE_DISTRICT\",\"districtCode\":\"" + DISTRICT + "\"}"),
                "choose another township's district (API)");
        assertThat(count("SELECT COUNT(*) FROM decision")).isEqualTo(decisions);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED'")).isEqualTo(denied + 2);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'DENIED' AND actor = ? ORDER BY audit_id DESC LIMIT 2", String.class, CLERK))
                .allSatisfy(d -> assertThat(d).contains("/items/" + item + "/decision"));
        // the item page offers the township's own districts only, by name
        String page = new String(Http.session(url(""), CLERK, PASSWORD).get("/township/runs/" + runId + "/items/" + item).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + OTHER_DISTRICT + "\"", "河口乡第一选区").doesNotContain("value=\"" + DISTRICT + "\"");
    }

    @Test
    void theCountyOfficeDecidesItemsWithoutATownshipAndOnlyReadsTheTownships() throws Exception {
        String runId = latestRunId();
        int office = countyOfficeItem(runId), township = itemOf(runId, "MATCH_REVIEW", TOWNSHIP);
        Http county = Http.session(url(""), COUNTY_OFFICE, PASSWORD);
        HttpResponse<byte[]> list = county.get("/county");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains("钱无址", "关联待核对").doesNotContain("郑浩");
        String all = new String(county.get("/county/all").body(), StandardCharsets.UTF_8);
        assertThat(all).contains("郑浩", "河口乡", "城关镇", "钱无址");
        assertThat(county.get("/county/runs/" + runId + "/items/" + office).statusCode()).isEqualTo(200);
        long decisions = count("SELECT COUNT(*) FROM decision");
        // a township's item is its clerk's: the county office reads it in the list, and is refused it as an item or a decision
        assertRefused(county.get("/county/runs/" + runId + "/items/" + township), "county office opens a township's item");
        assertRefused(county.form("/county/runs/" + runId + "/items/" + township + "/decision", Map.of("verdict", "DISMISS", "note", "x")),
                "county office decides a township's item");
        // and a township clerk cannot reach the county office's item through the township pages
        assertRefused(Http.session(url(""), CLERK, PASSWORD).get("/township/runs/" + runId + "/items/" + office), "clerk opens the county's item");
        // another county's office sees nothing of this county
        Http other = Http.session(url(""), OTHER_COUNTY_OFFICE, PASSWORD);
        assertRefused(other.get("/county/runs/" + runId + "/items/" + office), "another county's office");
        assertThat(new String(other.get("/county/all").body(), StandardCharsets.UTF_8)).doesNotContain("郑浩", "钱无址").contains("尚无已完成的运行");
        assertThat(count("SELECT COUNT(*) FROM decision")).isEqualTo(decisions);
        // the role's pages are its own: a clerk is refused /county, the county office /township
        assertRefused(Http.session(url(""), CLERK, PASSWORD).get("/county"), "clerk on /county");
        assertRefused(county.get("/township"), "county office on /township");
    }

    @Test
    void aStationCannotReadAnotherDistrictsFiles() throws Exception {
        Http page = Http.session(url(""), OTHER_STATION, PASSWORD), api = Http.basic(url(""), OTHER_STATION, PASSWORD);
        long downloads = count("SELECT COUNT(*) FROM download_log"), denied = count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED' AND detail LIKE '" + WebErrors.SCOPE + " %'");
        int scoped = 0;
        for (Endpoint e : endpoints()) {
            if (!"station".equals(e.area())) continue;
            // the downloads are tried for every kind of file and both formats, the other endpoints once
            boolean download = e.pattern().contains("{kind}");
            for (String kind : download ? List.of("roll", "posting", "added", "removed", "away") : List.of("roll")) {
                for (String format : download ? List.of("csv", "xlsx") : List.of("csv")) {
                    String path = concrete(e.pattern(), TOWNSHIP, DISTRICT).replace("/roll/", "/" + kind + "/").replace("/csv", "/" + format);
                    HttpResponse<byte[]> r = call(e.api() ? api : page, e, path);
                    if (e.pattern().contains("{district}")) {
                        assertRefused(r, OTHER_STATION + " " + path);
                        scoped++;
                    } else {
                        // /station sends the account to its own district, never another
                        assertThat(r.statusCode()).isEqualTo(302);
                        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/station/districts/" + OTHER_DISTRICT);
                    }
                }
            }
        }
        assertThat(scoped).isGreaterThanOrEqualTo(2 * 10 + 3);
        assertThat(count("SELECT COUNT(*) FROM download_log")).isEqualTo(downloads);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED' AND detail LIKE '" + WebErrors.SCOPE + " %'"))
                .as("every scope refusal audited").isEqualTo(denied + scoped);
        // the owner gets the same file
        HttpResponse<byte[]> own = Http.basic(url(""), STATION, PASSWORD).get("/api/station/districts/" + DISTRICT + "/runs/latest/files/roll/csv");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("X-Content-SHA256").orElseThrow()).isEqualTo(StationFiles.sha256(own.body()));
    }

    @Test
    void identityNumbersAreNeverInTheAuditLogOrLinks() throws Exception {
        Http clerk = Http.session(url(""), CLERK, PASSWORD);
        String queue = new String(clerk.get("/township").body(), StandardCharsets.UTF_8);
        Matcher hrefs = Pattern.compile("href=\"([^\"]+)\"").matcher(queue);
        while (hrefs.find()) assertThat(hrefs.group(1)).doesNotContainPattern("\\d{15,18}");
        // a number typed as a login name, or put in a path by hand, is not kept either
        Http.anonymous(url("")).form("/login", Map.of("username", WebFixture.ZHENG_HAO_NUMBER, "password", "whatever-it-is"));
        assertRefused(Http.session(url(""), OTHER_STATION, PASSWORD).get("/station/districts/" + WebFixture.ZHENG_HAO_NUMBER), "number in a path");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'DENIED'")).isPositive();
        for (Map<String, Object> row : jdbc.queryForList("SELECT actor, action, detail FROM audit_log")) {
            assertThat(row.get("actor") + " " + row.get("detail")).doesNotContainPattern(org.voterroll.accounts.AuditLog.NUMBER_LIKE.pattern())
                    .doesNotContain(WebFixture.ZHENG_HAO_NUMBER);
        }
    }

    /** A pattern with every variable set to an object of the given township / district (the callers are outside it). */
    String concrete(String pattern, String township, String district) {
        String runId = latestRunId();
        String p = pattern.contains("{provinceRunId}")
                ? pattern.replace("{provinceRunId}", province().provinceRunId()).replace("{itemNo}", String.valueOf(certificateRequest()))
                : pattern;
        p = p.replace("{runId}", runId)
                .replace("{itemNo}", String.valueOf(pattern.startsWith("/county") ? countyOfficeItem(runId) : itemOf(runId, "MATCH_REVIEW", township)))
                .replace("{district}", district)
                .replace("{kind}", "roll").replace("{format}", "csv")
                .replace("{job}", WebFixture.JOB)
                .replace("{id}", String.valueOf(count("SELECT MIN(account_id) FROM account")));
        assertThat(p).as("a path variable of %s has no test value: add it here with an object outside the caller's scope", pattern)
                .doesNotContain("{");
        return p;
    }

    HttpResponse<byte[]> call(Http h, Endpoint e, String path) throws Exception {
        return switch (e.method()) {
            case GET -> h.get(path);
            case POST -> e.api()
                    ? h.postJson(path, "{\"verdict\":\"DISMISS\",\"note\":\"x\",\"name\":\"web-test-intruder\",\"role\":\"OPERATOR\",\"password\":\"0123456789ab\"}")
                    : h.form(path, Map.of("verdict", "DISMISS", "note", "x", "enabled", "false", "password", "0123456789ab",
                            "name", "web-test-intruder", "role", "OPERATOR"));
            default -> throw new IllegalStateException("no test for method " + e.method() + " of " + path);
        };
    }

    static void assertRefused(HttpResponse<byte[]> r, String what) {
        assertThat(r.statusCode()).as(what).isEqualTo(403);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(what + ": body").contains("无权访问");
        assertNothingShown(r, what);
    }

    /** An error answer (page or JSON) is the status's own text: no name, number, run, item or file of the fixture. */
    static void assertNothingShown(HttpResponse<byte[]> r, String what) {
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(what + ": body")
                .doesNotContain("郑浩", "孙立军", WebFixture.ZHENG_HAO_NUMBER, "MATCH_REVIEW", ".csv", "Exception")
                .doesNotContainPattern("\\d{15,18}");
    }

    long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
