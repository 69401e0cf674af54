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
                .anyMatch(a -> a.startsWith("SESSION_ENDED"))
                .contains("LOGIN_FAILED api");
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
    void anUnchangedAccountKeepsItsSession() throws Exception {
        Http page = Http.session(url(""), CLERK, PASSWORD);
        for (int i = 0; i < 3; i++) assertThat(page.get("/township").statusCode()).isEqualTo(200);
    }
}
