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
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Raised(String code, Level level, String township, String district, String description, String evidence,
                  String fingerprint) {
        this(code, level, township, district, description, evidence, fingerprint, null);
    }
}
