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

    public Fact asCertain() {
        return new Fact(recId, source, fileName, lineNo, rowHash, idNumber, idStatus, name, birthDate, areaCode, address, status,
                statusDate, otherArea, otherAddress, startDate, endDate, kind, reason, orgCode, true, method, score, best);
    }
}
