package org.voterroll.rules;

/** An exception the rules raise for a township to handle. */
public record Raised(String code, Level level, String township, String district, String description, String evidence,
                     String fingerprint) {
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
}
