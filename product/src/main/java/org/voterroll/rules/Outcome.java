package org.voterroll.rules;

import java.time.LocalDate;
import java.util.List;

/** What the rules decide for one person on election day. */
public record Outcome(boolean considered, boolean inMigrant, boolean listed, Reason reason, String district, Basis basis,
                      String township, String hukouAddress, String residenceAddress, String sortKey,
                      boolean rightsAtPrevious, List<Raised> exceptions, Away away, InMigrantEntry inMigrantEntry) {

    /** 外出选民册 entry. */
    public record Away(String destination, String source) {}

    /** 流入人员册 entry. */
    public record InMigrantEntry(String registerArea, String residenceArea, LocalDate registeredOn, int months, boolean hasProof) {}
}
