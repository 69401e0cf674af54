package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.voterroll.accounts.Role;
import org.voterroll.accounts.UserCommand;

/** {@code user add}: the password comes from standard input (no default), is stored hashed, and the account can log in. */
class UserAddCommandTest extends WebTestBase {

    @Test
    void createsAnAccountWithAHashedPasswordThatLogsIn() throws Exception {
        jdbc.update("DELETE FROM account WHERE name = 'web-test-first-op'");
        String password = "first-operator-pw-42";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = withStdin(password + "\n", () -> UserCommand.add("web-test-first-op", Role.OPERATOR, null, accounts, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("web-test-first-op", "OPERATOR");
        String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE name = 'web-test-first-op'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);
        assertThat(Http.basic(url(""), "web-test-first-op", password).get("/api/operator/runs").statusCode()).isEqualTo(200);
        assertThat(Http.basic(url(""), "web-test-first-op", "not-the-password").get("/api/operator/runs").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesNoPasswordShortPasswordsAndAWrongScope() {
        assertThatThrownBy(() -> withStdin("", () -> UserCommand.add("web-test-x", Role.OPERATOR, null, accounts, System.out))).hasMessageContaining("没有密码");
        assertThatThrownBy(() -> withStdin("short\n", () -> UserCommand.add("web-test-x", Role.OPERATOR, null, accounts, System.out))).hasMessageContaining("至少");
        assertThatThrownBy(() -> withStdin("long-enough-password\n", () -> UserCommand.add("web-test-x", Role.TOWNSHIP, null, accounts, System.out))).hasMessageContaining("乡镇代码");
        assertThatThrownBy(() -> withStdin("long-enough-password\n", () -> UserCommand.add("web-test-x", Role.STATION, "341299100 02", accounts, System.out)))
                .hasMessageContaining("选区编码");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE name = 'web-test-x'", Long.class)).isZero();
    }

    interface Call {
        int run() throws Exception;
    }

    static int withStdin(String input, Call call) throws Exception {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return call.run();
        } finally {
            System.setIn(saved);
        }
    }
}
