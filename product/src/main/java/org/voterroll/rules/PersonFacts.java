package org.voterroll.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A resolved person and every record linked to them in this run.
 *
 * @param previousDistrict the district of the previous roll's line under the person's number, null when not on it
 */
public record PersonFacts(long personId, String personKey, String idNumber, String name, Character sex, LocalDate birthDate,
                          List<Fact> facts, String previousDistrict) {

    public PersonFacts(long personId, String personKey, String idNumber, String name, Character sex, LocalDate birthDate,
                       List<Fact> facts) {
        this(personId, personKey, idNumber, name, sex, birthDate, facts, null);
    }
}
