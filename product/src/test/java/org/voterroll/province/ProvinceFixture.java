package org.voterroll.province;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.voterroll.Examples;

/**
 * Counties for province tests, made from the contract's example county: county code and name changed, and every person a
 * different one (each identity number's sixth digit moved by {@code shift}, its check digit moved with it so that a valid
 * number stays valid and a mistyped one stays exactly as mistyped) — except the numbers kept, whose people are then on
 * the rolls of both counties.
 */
public final class ProvinceFixture {
    private static final Pattern RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9]+[Xx]?(?![0-9A-Za-z])");
    static final String EXAMPLE_COUNTY = "341299";

    private ProvinceFixture() {
    }

    /** Writes county/ and inbox/ of a copy of the example county under {@code dir}. */
    public static void county(Path dir, String code, String name, int shift, Set<String> keep) throws IOException {
        for (String sub : List.of("county", "inbox")) {
            Path from = Examples.DIR.resolve(sub);
            Files.createDirectories(dir.resolve(sub));
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    Charset cs = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
                    String text = new String(bytes, cs).replace("样例县", name);
                    Files.write(dir.resolve(sub).resolve(f.getFileName()), rewrite(text, code, shift, keep).getBytes(cs));
                }
            }
        }
    }

    /** Identity numbers (15 or 18 characters) moved, area codes of the example county (6, 9, 12 digits) given the new code. */
    static String rewrite(String text, String code, int shift, Set<String> keep) {
        Matcher m = RUN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String t = m.group();
            String r = t;
            if ((t.length() == 18 || t.length() == 15) && !keep.contains(t)) r = shift(t, shift);
            else if ((t.length() == 6 || t.length() == 9 || t.length() == 12) && t.startsWith(EXAMPLE_COUNTY)) r = code + t.substring(6);
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The sixth digit (the region code's last) plus {@code shift}; an 18-character number's check value minus 4 × the change, mod 11. */
    public static String shift(String number, int shift) {
        char[] c = number.toCharArray();
        int old = c[5] - '0';
        int now = (old + shift) % 10;
        c[5] = (char) ('0' + now);
        if (c.length == 18) {
            char last = c[17];
            int value = last == 'X' || last == 'x' ? 10 : last - '0';
            int moved = Math.floorMod(value - 4 * (now - old), 11);
            c[17] = moved == 10 ? (last == 'x' ? 'x' : 'X') : (char) ('0' + moved);
        }
        return new String(c);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
