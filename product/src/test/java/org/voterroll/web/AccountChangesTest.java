package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.voterroll.accounts.Role;

/**
 * An operator's change to an account takes effect on the account's open sessions at their next request, not when they
 * time out: disabling it, giving it a new password, each ends the session (and says so on the login page); the API,
 * authenticated on every call, refuses a disabled account at once, and the refusal is in the audit log.
 */
class AccountChangesTest extends WebTestBase {

    private long idOf(String name) {
        return jdbc.queryForObject("SELECT account_id FROM account WHERE name = ?", Long.class, name);
    }

    private static String location(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionAndItsApiAccess() throws Exception {
        String name = "web-test-leaver";
        accounts.create(name, Role.TOWNSHIP, TOWNSHIP, PASSWORD, "test");
        Http page = Http.session(url(""), name, PASSWORD), api = Http.basic(url(""), name, PASSWORD);
        assertThat(page.get("/township").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/township/items").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> off = Http.session(url(""), OPERATOR, PASSWORD)
                .form("/operator/accounts/" + idOf(name) + "/enabled", Map.of("enabled", "false"));
        assertThat(off.statusCode()).isEqualTo(302);

        HttpResponse<byte[]> next = page.get("/township");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).endsWith("/login?expired");
        assertThat(new String(page.get("/login?expired").body(), StandardCharsets.UTF_8)).contains("账户已停用或已更改");
        // the session is gone, not just this one request refused
        HttpResponse<byte[]> after = page.get("/township");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(location(after)).endsWith("/login");
        assertThat(api.get("/api/township/items").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action || ' ' || COALESCE(detail, '') FROM audit_log WHERE actor = ?", String.class, name))
                .contains("SESSION_ENDED 网页：登录后账户已停用或已更改，会话结束")
                .contains("LOGIN_FAILED 接口");
    }

    @Test
    void aNewPasswordEndsTheSessionsOpenedWithTheOldOne() throws Exception {
        String name = "web-test-mover";
        accounts.create(name, Role.STATION, DISTRICT, PASSWORD, "test");
        Http page = Http.session(url(""), name, PASSWORD);
        String own = "/station/districts/" + DISTRICT;
        assertThat(page.get(own).statusCode()).isEqualTo(200);

        Http.session(url(""), OPERATOR, PASSWORD)
                .form("/operator/accounts/" + idOf(name) + "/password", Map.of("password", "another-horse-battery"));

        assertThat(location(page.get(own))).endsWith("/login?expired");
        assertThat(Http.session(url(""), name, "another-horse-battery").get(own).statusCode()).isEqualTo(200);
    }

    @Test
    void accountsAreOnlyMadeForTheCountysTownshipsAndDistrictsWithChineseErrorsSayingWhatToFix() throws Exception {
        Http op = Http.session(url(""), OPERATOR, PASSWORD);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM account", Long.class);
        String noTownship = problemOf(op.form("/operator/accounts",
                Map.of("name", "web-test-nowhere", "role", "TOWNSHIP", "scope", "999999999", "password", PASSWORD)), op);
        assertThat(noTownship).contains("乡镇代码 999999999 不是本县的乡镇", "xuanqu.csv", "例如");
        String noDistrict = problemOf(op.form("/operator/accounts",
                Map.of("name", "web-test-nowhere", "role", "STATION", "scope", "341299100-09", "password", PASSWORD)), op);
        assertThat(noDistrict).contains("选区编码 341299100-09 不是本县的选区");
        // a district code is no township code, and a township code no district code
        assertThat(problemOf(op.form("/operator/accounts",
                Map.of("name", "web-test-nowhere", "role", "STATION", "scope", TOWNSHIP, "password", PASSWORD)), op)).contains("选区编码");
        assertThat(problemOf(op.form("/operator/accounts",
                Map.of("name", "web-test-nowhere", "role", "TOWNSHIP", "scope", DISTRICT, "password", PASSWORD)), op)).contains("9位乡镇代码");
        assertThat(problemOf(op.form("/operator/accounts",
                Map.of("name", "web-test-nowhere", "role", "TOWNSHIP", "scope", TOWNSHIP, "password", "short")), op)).contains("密码至少需要");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account", Long.class)).isEqualTo(before);

        // the JSON API checks the same, with the same words
        HttpResponse<byte[]> api = Http.basic(url(""), OPERATOR, PASSWORD).postJson("/api/operator/accounts",
                "{\"name\":\"web-test-nowhere\",\"role\":\"TOWNSHIP\",\"scope\":\"999999999\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).contains("不是本县的乡镇");

        // a real district: created, and the accounts page names it
        jdbc.update("DELETE FROM account WHERE name = 'web-test-real-station'");
        HttpResponse<byte[]> ok = op.form("/operator/accounts",
                Map.of("name", "web-test-real-station", "role", "STATION", "scope", "341299100-01", "password", PASSWORD));
        assertThat(ok.statusCode()).isEqualTo(302);
        String page = new String(op.get("/operator/accounts").body(), StandardCharsets.UTF_8);
        assertThat(page).contains("已创建账户 web-test-real-station", "城关镇第一选区（341299100-01）");
        assertThat(jdbc.queryForObject("SELECT scope_code FROM account WHERE name = 'web-test-real-station'", String.class)).isEqualTo("341299100-01");
    }

    /** The flash message the accounts page shows after a refused form. */
    private static String problemOf(HttpResponse<byte[]> posted, Http op) throws Exception {
        assertThat(posted.statusCode()).isEqualTo(302);
        String page = new String(op.get("/operator/accounts").body(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"problem\">([^<]*)<").matcher(page);
        assertThat(m.find()).as("a problem on the accounts page").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    @Test
    void anUnchangedAccountKeepsItsSession() throws Exception {
        Http page = Http.session(url(""), CLERK, PASSWORD);
        for (int i = 0; i < 3; i++) assertThat(page.get("/township").statusCode()).isEqualTo(200);
    }
}
