package org.voterroll.normalize;

/** Sex (性别) as delivered by the agencies: {@code 男}/{@code 女} or the codes {@code 1}/{@code 2}. */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** The Chinese label: 男 or 女. */
    public String label() {
        return label;
    }

    /** The label of a sex as stored ({@code M}/{@code F}, or already 男/女); null or anything else as it is. */
    public static String labelOf(String stored) {
        if (stored == null) return null;
        return switch (stored) {
            case "M" -> MALE.label;
            case "F" -> FEMALE.label;
            default -> stored;
        };
    }

    /**
     * Parses 男, 女, 男性, 女性, 1 (male), 2 (female), also the full-width digits １/２, ignoring
     * surrounding whitespace (including the full-width space U+3000).
     *
     * @return the sex, or null when {@code raw} is null or blank
     * @throws InvalidValueException for anything else
     */
    public static Sex parse(String raw) {
        if (raw == null) {
            return null;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && Chars.isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && Chars.isBlank(raw.charAt(end - 1))) {
            end--;
        }
        int len = end - start;
        if (len == 0) {
            return null;
        }
        char c = raw.charAt(start);
        if (len == 1) {
            switch (c) {
                case '男', '1', '\uFF11' -> {
                    return MALE;
                }
                case '女', '2', '\uFF12' -> {
                    return FEMALE;
                }
                default -> {
                    // fall through to the error below
                }
            }
        } else if (len == 2 && raw.charAt(start + 1) == '性') {
            if (c == '男') {
                return MALE;
            }
            if (c == '女') {
                return FEMALE;
            }
        }
        throw new InvalidValueException("性别无法识别 (unrecognised sex): " + Chars.excerpt(raw.substring(start, end)));
    }
}
