package org.voterroll.identity;

import java.time.LocalDate;

import org.voterroll.identity.match.PartyView;

/**
 * A person as established in this run, from their primary record.
 *
 * @param residenceArea where the person lives when that is not where they are registered (an active residence
 *                      registration linked by number), else null
 * @param address       the primary record's address
 */
public record PersonSeed(String personKey, String idNumber, String name, Character sex, LocalDate birthDate, String areaCode,
                         String householdKey, String relation, long primaryRecId, boolean fromHuji, String residenceArea,
                         String address) {

    static PersonSeed of(String key, String number, IdentityRecord r) {
        return new PersonSeed(key, number, r.name(), r.effectiveSex(), r.effectiveBirthDate() != null ? r.effectiveBirthDate()
                : org.voterroll.normalize.IdNumbers.birthDate(number), r.areaCode(), r.householdKey(), r.relation(), r.recId(), r.isHuji(), null, r.address());
    }

    PersonSeed withResidence(String area) {
        return new PersonSeed(personKey, idNumber, name, sex, birthDate, areaCode, householdKey, relation, primaryRecId, fromHuji, area, address);
    }

    public PartyView toParty() {
        return new PartyView(idNumber, name, sex, birthDate, null, areaCode, householdKey, relation, residenceArea, address);
    }
}
