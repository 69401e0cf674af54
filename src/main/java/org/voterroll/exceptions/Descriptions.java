package org.voterroll.exceptions;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.voterroll.ingest.Source;

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

    public static String forClerk(String description, Map<String, String> districtNames) {
        return forClerk(description, districtNames::get);
    }
}
