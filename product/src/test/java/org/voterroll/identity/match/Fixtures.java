package org.voterroll.identity.match;

import java.time.LocalDate;

/** Shared test records. */
final class Fixtures {
    private Fixtures() {
    }

    static final String VILLAGE = "330521101201";       // 德清县 / township 101 / village 201
    static final String VILLAGE_2 = "330521101202";     // same township, another village
    static final String OTHER_TOWNSHIP = "330521102203";
    static final String OTHER_COUNTY = "330522100200";

    static final LocalDate BORN = LocalDate.of(1985, 3, 12);

    static final String ID = IdShapeTest.valid("33052119850312123");
    /** Another valid number of a look-alike born the same day in the same county. */
    static final String ID_OTHER_VALID = IdShapeTest.valid("33052119850312457");
    /** ID with one wrong digit (invalid). */
    static final String ID_ONE_DIGIT = IdShapeTest.setChar(ID, 8, IdShapeTest.other(ID.charAt(8)));
    /** ID with two wrong digits and the original check character (invalid). */
    static final String ID_NEAR = IdShapeTest.setChar(IdShapeTest.setChar(ID, 3, IdShapeTest.other(ID.charAt(3))),
            11, IdShapeTest.other(ID.charAt(11)));
    /** A twin's valid number: neighbouring sequence number. */
    static final String ID_TWIN = IdShapeTest.valid("33052119850312135");

    /** 王丽, female, born 1985-03-12, village VILLAGE, huji household H-1 as 户主, with a valid number. */
    static PartyView wangLi() {
        return new PartyView(ID, "王丽", 'F', BORN, null, VILLAGE, "H-1", "户主");
    }

    static PartyView nameSexOnly(String name, char sex) {
        return PartyView.empty().withName(name).withSex(sex);
    }
}
