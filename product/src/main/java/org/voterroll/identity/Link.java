package org.voterroll.identity;

/** A record attached to a person: certain links are acted on, the others are candidates for review. */
public record Link(long recId, String personKey, Method method, boolean certain, Double score, String evidence) {

    public enum Method {
        /** the normalised numbers are equal */
        NUMBER,
        /** one wrong digit or one adjacent swap away from exactly one person whose name, sex and birth agree */
        REPAIRED,
        /** a chaiqian row without number, singled out by case, relation and identical name */
        HOUSEHOLD,
        /** a shared number (重号) whose name points to neither or both persons */
        SHARED_NUMBER,
        /** weighted evidence above the upper threshold, for one person only; never acted on where it would change a listing */
        MATCHED,
        /** weighted evidence between the thresholds (or a runner-up): a candidate for review */
        FUZZY,
        /** a township decided this record belongs to this person */
        DECIDED;

        /** The method in a clerk's words (the item page); an unknown name as it is. */
        public String label() {
            return switch (this) {
                case NUMBER -> "号码相同";
                case REPAIRED -> "号码纠错";
                case HOUSEHOLD -> "同户认定";
                case SHARED_NUMBER -> "重号";
                case MATCHED -> "加权匹配";
                case FUZZY -> "疑似匹配";
                case DECIDED -> "乡镇认定";
            };
        }

        public static String label(String name) {
            try {
                return valueOf(name).label();
            } catch (RuntimeException unknown) {
                return name;
            }
        }
    }
}
