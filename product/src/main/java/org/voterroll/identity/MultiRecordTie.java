package org.voterroll.identity;

import java.util.Objects;

import org.voterroll.normalize.IdNumbers;

/**
 * The part of RULES.md's PERSON_MULTI_RECORD "seems" that two police records' numbers and households give: a tie beyond
 * name, sex and birth date — the same household, or one number one mistyped character or one swap of neighbours (the X
 * included) from the other. Both the 一人多户 pairs of two persons and a police record linked only uncertainly to a
 * person use it. A look-alike stranger elsewhere, whose number differs in several places, is no such tie.
 */
public final class MultiRecordTie {
    private MultiRecordTie() {}

    public static boolean holds(String recordNumber, String recordHousehold, String personNumber, String personHousehold) {
        if (recordHousehold != null && Objects.equals(recordHousehold, personHousehold)) return true;
        return personNumber != null && IdNumbers.repairCandidates(recordNumber).contains(personNumber);
    }
}
