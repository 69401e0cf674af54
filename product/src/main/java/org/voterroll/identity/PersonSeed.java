package org.voterroll.identity;

import java.time.LocalDate;

import org.voterroll.identity.match.PartyView;

/**
 * A person as established in this run, from their primary record.
 *
 * @param residenceArea    where the person lives when that is not where they are registered (an active residence
 *                         registration linked by number), else null
 * @param address          the primary record's address
 * @param residenceAddress the address of the person's active residence registration (linked by number; also when
 *                         it lies in the register's village), else null
 * @param formerName       the primary record's 曾用名, else null
 */
public record PersonSeed(String personKey, String idNumber, String name, Character sex, LocalDate birthDate, String areaCode,
                         String householdKey, String relation, long primaryRecId, boolean fromHuji, String residenceArea,
                         String address, String residenceAddress, String formerName) {

    static PersonSeed of(String key, String number, IdentityRecord r) {
        return new PersonSeed(key, number, r.name(), r.effectiveSex(), r.effectiveBirthDate() != null ? r.effectiveBirthDate()
                : org.voterroll.normalize.IdNumbers.birthDate(number), r.areaCode(), r.householdKey(), r.relation(), r.recId(), r.isHuji(), null, r.address(), null,
                r.formerName());
    }

    PersonSeed withResidence(String area, String dwelling) {
        return new PersonSeed(personKey, idNumber, name, sex, birthDate, areaCode, householdKey, relation, primaryRecId, fromHuji, area, address,
                dwelling, formerName);
    }

    public PartyView toParty() {
        return new PartyView(idNumber, name, sex, birthDate, null, areaCode, householdKey, relation, residenceArea, address,
                residenceAddress, formerName, false, false);
    }
}
