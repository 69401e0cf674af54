package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The name a refused API call tried, for the audit log: whatever the header holds, never its password, never a crash. */
class BasicUserNameTest {
    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theNameBeforeTheColonAndNothingAfterIt() {
        assertThat(WebSecurityConfig.basicUserName(basic("xq10002:s3cret:with:colons"))).isEqualTo("xq10002");
        assertThat(WebSecurityConfig.basicUserName(basic("乡镇管理员:pw"))).isEqualTo("乡镇管理员");
        assertThat(WebSecurityConfig.basicUserName("basic " + Base64.getEncoder().encodeToString("op:pw".getBytes()))).isEqualTo("op");
    }

    @Test
    void noBasicCredentialsNoName() {
        assertThat(WebSecurityConfig.basicUserName(null)).isNull();
        assertThat(WebSecurityConfig.basicUserName("Bearer abc.def")).isNull();
    }

    @Test
    void aHeaderThatIsNotBase64IsAnUnknownCaller() {
        assertThat(WebSecurityConfig.basicUserName("Basic %%%not-base64")).isEqualTo("-");
    }
}
