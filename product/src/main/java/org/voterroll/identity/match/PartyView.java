package org.voterroll.identity.match;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What is known of one side of a pair. Nulls (and blank strings) mean missing.
 *
 * @param idNumber     18-character identity number as normalised; may be invalid (fails the check
 *                     digit) or null
 * @param name         normalised name: simplified characters, no spaces, middle dot U+00B7,
 *                     '*' or '?' for one unknown rare character
 * @param sex          'M' or 'F'
 * @param birthDate    full birth date
 * @param birthMonth   birth year and month, when only the month is known (ignored when
 *                     {@code birthDate} is present)
 * @param areaCode     12-digit village/community code, or a 9-digit township / 6-digit county code
 * @param householdKey household identifier, e.g. {@code "chaiqian:DF-017"} or a huji 户号; keys
 *                     are only comparable within one namespace (the part before the first ':')
 * @param relation     与户主关系 (户主, 配偶, 子, 女, …)
 * @param otherArea    a second place the party is known at, compared like {@code areaCode}: where a
 *                     person separated from their register lives (their residence registration), so
 *                     that a survey row taken there is not scored as another township's
 * @param address      the dwelling's address as written (compared after {@link Addresses#normalise})
 * @param otherAddress a second dwelling the party is known at, compared like {@code address}: where a person
 *                     separated from their register lives (their residence registration's address)
 * @param formerName   曾用名, normalised like {@code name}: a record under it still names the party
 * @param sexFromNumber   {@code sex} is not the record's own but what its number encodes
 * @param birthFromNumber {@code birthDate} is not the record's own but what its number encodes
 */
public record PartyView(
        String idNumber,
        String name,
        Character sex,
        LocalDate birthDate,
        YearMonth birthMonth,
        String areaCode,
        String householdKey,
        String relation,
        String otherArea,
        String address,
        String otherAddress,
        String formerName,
        boolean sexFromNumber,
        boolean birthFromNumber) {

    public PartyView(String idNumber, String name, Character sex, LocalDate birthDate, YearMonth birthMonth, String areaCode,
                     String householdKey, String relation) {
        this(idNumber, name, sex, birthDate, birthMonth, areaCode, householdKey, relation, null, null, null, null, false, false);
    }

    /** A view with nothing known; use the {@code with…} methods to fill it (handy in tests). */
    public static PartyView empty() {
        return new PartyView(null, null, null, null, null, null, null, null);
    }

    public PartyView withIdNumber(String v) {
        return new PartyView(v, name, sex, birthDate, birthMonth, areaCode, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withName(String v) {
        return new PartyView(idNumber, v, sex, birthDate, birthMonth, areaCode, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withSex(Character v) {
        return new PartyView(idNumber, name, v, birthDate, birthMonth, areaCode, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withBirthDate(LocalDate v) {
        return new PartyView(idNumber, name, sex, v, birthMonth, areaCode, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withBirthMonth(YearMonth v) {
        return new PartyView(idNumber, name, sex, birthDate, v, areaCode, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withAreaCode(String v) {
        return new PartyView(idNumber, name, sex, birthDate, birthMonth, v, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withHousehold(String key, String rel) {
        return new PartyView(idNumber, name, sex, birthDate, birthMonth, areaCode, key, rel, otherArea, address, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withAddress(String v) {
        return new PartyView(idNumber, name, sex, birthDate, birthMonth, areaCode, householdKey, relation, otherArea, v, otherAddress,
                formerName, sexFromNumber, birthFromNumber);
    }

    /** A second place the party is known at: its area code and the dwelling's address there (either may be null). */
    public PartyView withOtherPlace(String area, String dwelling) {
        return new PartyView(idNumber, name, sex, birthDate, birthMonth, areaCode, householdKey, relation, area, address, dwelling,
                formerName, sexFromNumber, birthFromNumber);
    }

    public PartyView withFormerName(String v) {
        return new PartyView(idNumber, name, sex, birthDate, birthMonth, areaCode, householdKey, relation, otherArea, address, otherAddress,
                v, sexFromNumber, birthFromNumber);
    }

    /** Which of sex and birth date the party knows only from its identity number. */
    public PartyView withFromNumber(boolean sexFromIt, boolean birthFromIt) {
        return new PartyView(idNumber, name, sex, birthDate, birthMonth, areaCode, householdKey, relation, otherArea, address, otherAddress,
                formerName, sexFromIt, birthFromIt);
    }
}
