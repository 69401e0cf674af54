package org.voterroll.rules;

import java.time.LocalDate;
import java.util.Optional;

import org.voterroll.codes.Code;
import org.voterroll.codes.CodeList;
import org.voterroll.codes.HujiStatus;
import org.voterroll.codes.InsuranceEnd;
import org.voterroll.codes.InsuranceStatus;
import org.voterroll.codes.NoticeKind;
import org.voterroll.codes.RightsDecision;
import org.voterroll.codes.Source;

/**
 * One source record linked to a person, with the fields the rules read. {@code certain} links are
 * acted on; the others are review candidates ({@code best}: this person is the record's top candidate).
 *
 * @param status the code of the source's {@link Source#statusList()} (人员状态, 参保状态 …), null for a source without one
 * @param kind   the code of the source's {@link Source#kindList()} (the 类型 of xuanwei and waidi), null for the others
 * @param reason shebao's 终止原因 or tongji's 外出去向 as delivered (load does not check them: {@link InsuranceEnd})
 */
public record Fact(long recId, Source source, String fileName, int lineNo, String rowHash, String idNumber, String idStatus,
                   String name, LocalDate birthDate, String areaCode, String address, Code status, LocalDate statusDate,
                   String otherArea, String otherAddress, LocalDate startDate, LocalDate endDate, Code kind, String reason,
                   String orgCode, boolean certain, String method, Double score, boolean best) {

    /**
     * The code of a value src_record keeps in a column of {@code list}'s (null for a source without such a list, or no
     * value). Load stored only the list's values: another is a database no run of this code wrote, and stops the step.
     */
    public static Code stored(Optional<CodeList<?>> list, String value, long recId) {
        if (list.isEmpty() || value == null) return null;
        return list.get().find(value).orElseThrow(() -> new IllegalStateException(
                "src_record " + recId + ": " + value + " is not a value of " + list.get() + " (SOURCES.md)"));
    }

    public boolean is(Source src) {
        return source == src;
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
        return is(Source.MINZHENG) || (status == InsuranceStatus.ENDED && InsuranceEnd.LIST.find(reason).orElse(null) == InsuranceEnd.DEATH);
    }

    /** A death notice whose date could not be read: it asks a township (DEATH_REVIEW) and removes nobody by itself. */
    public boolean undatedDeath() {
        return is(Source.MINZHENG) && startDate == null;
    }

    /**
     * Evidence that would take a person off the roll (RULES.md "Removal needs the number itself"): a death (the police
     * register's included), a deprivation, suspension or inability, a registration elsewhere.
     */
    public boolean isRemovalEvidence() {
        return isDeathEvidence() || status == HujiStatus.DECEASED
                || kind == RightsDecision.DEPRIVED || kind == RightsDecision.SUSPENDED || kind == RightsDecision.UNABLE
                || kind == NoticeKind.REGISTERED_ELSEWHERE;
    }

    /**
     * Whether the rules act on this record. A certain link does, except removal evidence linked by less than the number
     * itself, the household or a township's decision: a number repaired from one wrong digit agrees with someone else's
     * as easily, and minzheng, waidi and xuanwei rows have no birth date of their own to tell (RULES.md).
     */
    public boolean actedOn() {
        if (!certain || undatedDeath()) return false;
        return !isRemovalEvidence() || "NUMBER".equals(method) || "HOUSEHOLD".equals(method) || "DECIDED".equals(method);
    }

    public Fact asCertain() {
        return new Fact(recId, source, fileName, lineNo, rowHash, idNumber, idStatus, name, birthDate, areaCode, address, status,
                statusDate, otherArea, otherAddress, startDate, endDate, kind, reason, orgCode, true, method, score, best);
    }
}
