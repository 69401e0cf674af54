package org.voterroll.rules;

import java.util.Objects;

import org.voterroll.normalize.IdNumbers;

/**
 * Whether a police record that is linked only uncertainly to a person with a police record of their own "seems" to be that
 * person's second record (RULES.md PERSON_MULTI_RECORD): a tie beyond name, sex and birth date — the same household, or
 * the record's number one mistyped character or one swap of neighbours (the X included) from the person's. A look-alike
 * stranger elsewhere, whose number differs in several places, is no such tie: that record stays an ID_INVALID.
 */
final class MultiRecordTie {
    private MultiRecordTie() {}

    static boolean holds(String recordNumber, String recordHousehold, String personNumber, String personHousehold) {
        if (recordHousehold != null && Objects.equals(recordHousehold, personHousehold)) return true;
        return personNumber != null && IdNumbers.repairCandidates(recordNumber).contains(personNumber);
    }
}
