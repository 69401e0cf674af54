package org.voterroll.decisions;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The identity of an exception's evidence: the same code over the same records gives the same
 * fingerprint night after night, so a township's decision is applied again and never asked twice.
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(String code, String... parts) {
        StringBuilder sb = new StringBuilder(code);
        for (String p : parts) sb.append('\u001f').append(p == null ? "" : p);
        return DigestUtils.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
