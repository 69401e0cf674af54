package org.voterroll.identity;

import java.time.LocalDate;

import org.voterroll.identity.match.PartyView;

/** A person as established in this run, from their primary record. */
public record PersonSeed(String personKey, String idNumber, String name, Character sex, LocalDate birthDate, String areaCode,
                         String householdKey, String relation, long primaryRecId, boolean fromHuji) {

    static PersonSeed of(String key, String number, IdentityRecord r) {
        return new PersonSeed(key, number, r.name(), r.effectiveSex(), r.effectiveBirthDate() != null ? r.effectiveBirthDate()
                : org.voterroll.normalize.IdNumbers.birthDate(number), r.areaCode(), r.householdKey(), r.relation(), r.recId(), r.isHuji());
    }

    public PartyView toParty() {
        return new PartyView(idNumber, name, sex, birthDate, null, areaCode, householdKey, relation);
    }
}
