package org.voterroll.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Two identity numbers side by side, cut into runs of characters that agree or differ position by position, so a page
 * can mark the one mistyped digit or the swapped pair a clerk has to see. Characters past the end of the shorter number
 * differ. Lower-case x is taken as X (the same check character).
 */
public final class DigitDiff {
    /** A run of characters of one number; {@code differs} when they are not the other number's at the same positions. */
    public record Part(String text, boolean differs) {}

    private DigitDiff() {}

    /** The parts of {@code number} against {@code other}; an empty list for a null number, one agreeing part when there is nothing to compare. */
    public static List<Part> of(String number, String other) {
        List<Part> parts = new ArrayList<>();
        if (number == null || number.isEmpty()) return parts;
        if (other == null) {
            parts.add(new Part(number, false));
            return parts;
        }
        StringBuilder run = new StringBuilder();
        boolean runDiffers = false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean differs = i >= other.length() || Character.toUpperCase(c) != Character.toUpperCase(other.charAt(i));
            if (run.length() > 0 && differs != runDiffers) {
                parts.add(new Part(run.toString(), runDiffers));
                run.setLength(0);
            }
            runDiffers = differs;
            run.append(c);
        }
        parts.add(new Part(run.toString(), runDiffers));
        return parts;
    }

    /** How many positions differ (a length difference counts each missing position). */
    public static int count(String a, String b) {
        if (a == null || b == null) return 0;
        int n = Math.abs(a.length() - b.length());
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (Character.toUpperCase(a.charAt(i)) != Character.toUpperCase(b.charAt(i))) n++;
        }
        return n;
    }
}
