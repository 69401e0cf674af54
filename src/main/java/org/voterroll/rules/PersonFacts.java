package org.voterroll.rules;

import java.time.LocalDate;
import java.util.List;

/** A resolved person and every record linked to them in this run. */
public record PersonFacts(long personId, String personKey, String idNumber, String name, Character sex, LocalDate birthDate,
                          List<Fact> facts) {
}
