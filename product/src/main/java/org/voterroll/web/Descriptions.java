package org.voterroll.web;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.voterroll.codes.Source;

/**
 * An item's 说明 as a clerk reads it on the pages. The job stores it with an English gloss in brackets for exceptions.csv
 * (kept there, as the contract's file is read by other systems); the pages drop the gloss, name a source by its Chinese name
 * and put a district's name before its code.
 */
public final class Descriptions {
    private Descriptions() {}

    /** A bracketed stretch that starts with a Latin letter: the English gloss (which may quote a Chinese word), or a source such as (huji). */
    private static final Pattern GLOSS = Pattern.compile("\\s*[(（]\\s*([A-Za-z][^()（）]*)[)）]");
    private static final Pattern DISTRICT = Pattern.compile("(?<![0-9])\\d{9}-\\d{2,3}(?![0-9])");
    private static final Pattern AREA = Pattern.compile("(?<![0-9])\\d{12}(?![0-9-])");

    /** The description cleaned; {@code districtName} gives a district code's name, or null when unknown. */
    public static String forClerk(String description, Function<String, String> districtName) {
        if (description == null) return null;
        Matcher m = GLOSS.matcher(description);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1).trim();
            // a source named in brackets is kept, in Chinese; any other gloss goes
            String source = Source.ofPrefix(inside).map(Source::label).orElse(null);
            m.appendReplacement(sb, source == null ? "" : Matcher.quoteReplacement("（" + source + "）"));
        }
        m.appendTail(sb);
        Matcher d = DISTRICT.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (d.find()) {
            String name = districtName.apply(d.group());
            d.appendReplacement(out, Matcher.quoteReplacement(name == null ? d.group() : name + "（" + d.group() + "）"));
        }
        d.appendTail(out);
        return out.toString().strip();
    }

    private static final Pattern SOURCE_WORD = Pattern.compile("(?<![A-Za-z_])([a-z]+)(?= )");
    private static final Pattern METHOD = Pattern.compile("\\[([A-Z_]+)");

    /**
     * An item's 证据 ({@code liudong liudong_20261201.csv:5 [FUZZY 19.2]}) as a clerk reads it: the source by its Chinese name
     * before the file name, the link method in words; the file names and lines stay as they are, to be looked up.
     */
    public static String evidenceForClerk(String evidence) {
        if (evidence == null) return null;
        Matcher m = SOURCE_WORD.matcher(evidence);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String source = Source.ofPrefix(m.group(1)).map(Source::label).orElse(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(source));
        }
        m.appendTail(sb);
        Matcher k = METHOD.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (k.find()) k.appendReplacement(out, Matcher.quoteReplacement("[" + org.voterroll.identity.Link.Method.label(k.group(1))));
        k.appendTail(out);
        return out.toString();
    }

    public static String forClerk(String description, Map<String, String> districtNames) {
        return forClerk(description, districtNames::get);
    }

    /**
     * As {@link #forClerk(String, Map)}, and a village or community code of the county followed by its township's name: a clerk
     * knows the township, not the code (a code no district covers has no name of its own).
     */
    public static String forClerk(String description, Map<String, String> districtNames, Map<String, String> townshipNames) {
        String text = forClerk(description, districtNames);
        if (text == null) return null;
        Matcher a = AREA.matcher(text);
        StringBuilder out = new StringBuilder();
        while (a.find()) {
            String code = a.group().substring(0, 9), township = townshipNames.get(code);
            if (code.equals(township)) township = null;
            a.appendReplacement(out, Matcher.quoteReplacement(township == null ? a.group() : a.group() + "（" + township + "）"));
        }
        a.appendTail(out);
        return out.toString();
    }
}
