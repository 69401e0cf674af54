package org.voterroll.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A description cut so the page can keep each code whole: a browser breaks 341299100-02 at its hyphen and a long number
 * anywhere, and a code read over two lines is misread.
 */
public final class ClerkText {
    private ClerkText() {}

    public record Part(String text, boolean code) {}

    private static final Pattern CODE = Pattern.compile("(?<![0-9])(\\d{9}-\\d{2,3}|\\d{17}[\\dXx]|\\d{12})(?![0-9])");

    public static List<Part> parts(String text) {
        List<Part> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = CODE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) out.add(new Part(text.substring(at, m.start()), false));
            out.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) out.add(new Part(text.substring(at), false));
        return out;
    }
}
