package org.voterroll.rules;

/** An exception the rules raise for a township to handle. */
public record Raised(String code, Level level, String township, String district, String description, String evidence,
                     String fingerprint) {
    public enum Level { BLOCKING, INFO;
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
