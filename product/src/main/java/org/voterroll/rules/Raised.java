package org.voterroll.rules;

/**
 * An exception the rules raise for a township to handle.
 *
 * @param recId the one record whose doubtful link the item is about (MATCH_REVIEW, DEATH_REVIEW), null for an item about
 *              the person: one record raises one item, naming every person it may be (DecideTasklet joins them)
 */
public record Raised(String code, Level level, String township, String district, String description, String evidence,
                     String fingerprint, Long recId) {
    public enum Level { BLOCKING, INFO;
        /** The code of exceptions.csv (OUTPUTS.md): {@code blocking} / {@code info}. */
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** What a clerk reads: 阻断 / 提示. */
        public String chinese() { return this == BLOCKING ? "阻断" : "提示"; }

        /** The Chinese of a stored level code ({@code blocking} / {@code info}); anything else as it is. */
        public static String chinese(String code) {
            for (Level l : values()) if (l.label().equals(code)) return l.chinese();
            return code;
        }
    }

    public Raised(String code, Level level, String township, String district, String description, String evidence,
                  String fingerprint) {
        this(code, level, township, district, description, evidence, fingerprint, null);
    }
}
