package org.voterroll.rules;

import java.time.LocalDate;

/**
 * One source record linked to a person, with the fields the rules read. {@code certain} links are
 * acted on; the others are review candidates ({@code best}: this person is the record's top candidate).
 */
public record Fact(long recId, String source, String fileName, int lineNo, String rowHash, String idNumber, String idStatus,
                   String name, LocalDate birthDate, String areaCode, String address, String status, LocalDate statusDate,
                   String otherArea, String otherAddress, LocalDate startDate, LocalDate endDate, String kind, String reason,
                   String orgCode, boolean certain, String method, Double score, boolean best) {

    public boolean is(String src) {
        return source.equals(src);
    }

    public String where() {
        return fileName + ":" + lineNo;
    }

    /** A liudong registration in force on day e. */
    public boolean residenceActiveOn(LocalDate e) {
        return startDate != null && !startDate.isAfter(e) && (endDate == null || endDate.isAfter(e));
    }

    /** A xuanwei period covering day e (终止 inclusive, empty = open-ended). */
    public boolean periodCovers(LocalDate e) {
        return startDate != null && !startDate.isAfter(e) && (endDate == null || !endDate.isBefore(e));
    }

    public boolean isDeathEvidence() {
        return is("minzheng") || (is("shebao") && "终止参保".equals(status) && "死亡".equals(reason));
    }

    /**
     * Evidence that would take a person off the roll (RULES.md "Removal needs the number itself"): a death (the police
     * register's included), a deprivation, suspension or inability, a registration elsewhere.
     */
    public boolean isRemovalEvidence() {
        return isDeathEvidence() || (is("huji") && "死亡".equals(status))
                || (is("xuanwei") && ("剥夺政治权利".equals(kind) || "停止行使选举权利".equals(kind) || "不能行使选举权利".equals(kind)))
                || (is("waidi") && "已在外地登记".equals(kind));
    }

    /**
     * Whether the rules act on this record. A certain link does, except removal evidence linked by less than the number
     * itself, the household or a township's decision: a number repaired from one wrong digit agrees with someone else's
     * as easily, and minzheng, waidi and xuanwei rows have no birth date of their own to tell (RULES.md).
     */
    public boolean actedOn() {
        if (!certain) return false;
        return !isRemovalEvidence() || "NUMBER".equals(method) || "HOUSEHOLD".equals(method) || "DECIDED".equals(method);
    }

    public Fact asCertain() {
        return new Fact(recId, source, fileName, lineNo, rowHash, idNumber, idStatus, name, birthDate, areaCode, address, status,
                statusDate, otherArea, otherAddress, startDate, endDate, kind, reason, orgCode, true, method, score, best);
    }
}
