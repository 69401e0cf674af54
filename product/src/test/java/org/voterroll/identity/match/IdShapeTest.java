package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdShapeTest {

    /** A valid number: 330521 (德清县) born 1985-03-12, sequence 123 (odd: male). */
    static final String BASE = valid("33052119850312123");

    static String valid(String first17) {
        return first17 + IdNumbers.checkChar(first17);
    }

    static String setChar(String s, int i, char c) {
        return s.substring(0, i) + c + s.substring(i + 1);
    }

    static String swap(String s, int i) {
        char[] cs = s.toCharArray();
        char t = cs[i];
        cs[i] = cs[i + 1];
        cs[i + 1] = t;
        return new String(cs);
    }

    static char other(char c) {
        return c == '9' ? '0' : (char) (c + 1);
    }

    private static IdShape shape(String a, String b) {
        IdShape s = IdShape.of(a, b);
        assertThat(IdShape.of(b, a)).as("symmetry").isEqualTo(s);
        return s;
    }

    @Test
    void baseIsValid() {
        assertThat(IdNumbers.isValid18(BASE)).isTrue();
        assertThat(IdNumbers.isValid18("11010519491231002X")).isTrue();   // the GB 11643 example
        assertThat(IdNumbers.isValid18("11010519491231002x")).isTrue();
        assertThat(IdNumbers.isValid18("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValid18("000000000000000000")).isFalse();
        assertThat(IdNumbers.isValid18("11010519491231002")).isFalse();
        assertThat(IdNumbers.isValid18("1101051949123100AX")).isFalse();
        assertThat(IdNumbers.isValid18(null)).isFalse();
    }

    @Test
    void equal() {
        assertThat(shape(BASE, BASE)).isEqualTo(IdShape.EQUAL);
        assertThat(shape(" " + BASE + " ", BASE)).isEqualTo(IdShape.EQUAL);
        assertThat(shape("11010519491231002x", "11010519491231002X")).isEqualTo(IdShape.EQUAL);
        assertThat(shape("12345", "12345")).isEqualTo(IdShape.EQUAL);
    }

    @Test
    void missing() {
        assertThat(shape(null, BASE)).isEqualTo(IdShape.MISSING);
        assertThat(shape("", BASE)).isEqualTo(IdShape.MISSING);
        assertThat(shape("   ", BASE)).isEqualTo(IdShape.MISSING);
        assertThat(shape(null, null)).isEqualTo(IdShape.MISSING);
    }

    @ParameterizedTest(name = "position {0}")
    @ValueSource(ints = {0, 5, 6, 13, 14, 16, 17})
    void oneDigitAnywhere(int pos) {
        String typo = setChar(BASE, pos, other(BASE.charAt(pos)));
        assertThat(shape(BASE, typo)).isEqualTo(IdShape.ONE_DIGIT);
        assertThat(IdNumbers.isValid18(typo)).as("one wrong digit always breaks the check").isFalse();
    }

    @Test
    void checkCharacterOnlyIsOneDigit() {
        assertThat(shape("11010519491231002X", "110105194912310021")).isEqualTo(IdShape.ONE_DIGIT);
    }

    @ParameterizedTest(name = "positions {0},{0}+1")
    @ValueSource(ints = {0, 3, 9, 15, 16})
    void adjacentSwap(int pos) {
        String s = setChar(setChar(BASE, pos, '1'), pos + 1, '8');
        String swapped = swap(s, pos);
        assertThat(shape(s, swapped)).isEqualTo(IdShape.ADJACENT_SWAP);
    }

    @Test
    void swapWithCheckCharacter() {
        assertThat(shape("11010519491231002X", "1101051949123100X2")).isEqualTo(IdShape.ADJACENT_SWAP);
    }

    @Test
    void twoAdjacentChangesThatAreNotASwapAreNear() {
        String s = setChar(setChar(BASE, 10, '1'), 11, '8');
        String t = setChar(setChar(BASE, 10, '3'), 11, '5');
        assertThat(shape(s, t)).isEqualTo(IdShape.NEAR);
    }

    @Test
    void twoDigitsApartAreNear() {
        String t = setChar(setChar(BASE, 2, other(BASE.charAt(2))), 12, other(BASE.charAt(12)));
        assertThat(shape(BASE, t)).isEqualTo(IdShape.NEAR);
    }

    @Test
    void twoDigitsPlusCheckCharacterAreNear() {
        // twins: neighbouring sequence numbers, each with its own check character
        String twin1 = valid("33052119850312121");
        String twin2 = valid("33052119850312133");
        assertThat(twin1.charAt(17)).isNotEqualTo(twin2.charAt(17));
        assertThat(shape(twin1, twin2)).isEqualTo(IdShape.NEAR);
    }

    @Test
    void threeDigitsAreDifferent() {
        String t = setChar(setChar(setChar(BASE, 2, other(BASE.charAt(2))), 7, other(BASE.charAt(7))),
                12, other(BASE.charAt(12)));
        assertThat(shape(BASE, t)).isEqualTo(IdShape.DIFFERENT);
    }

    @Test
    void oneBodyDigitPlusCheckCharacterIsDifferent() {
        // one wrong digit whose check character was recomputed: two valid numbers
        String recomputed = valid(setChar(BASE, 5, other(BASE.charAt(5))).substring(0, 17));
        assertThat(IdNumbers.isValid18(recomputed)).isTrue();
        assertThat(shape(BASE, recomputed)).isEqualTo(IdShape.DIFFERENT);
    }

    @Test
    void differentLengthsAreDifferent() {
        assertThat(shape(BASE, BASE.substring(0, 17))).isEqualTo(IdShape.DIFFERENT);
        assertThat(shape(BASE + "1", BASE)).isEqualTo(IdShape.DIFFERENT);
    }

    /** BASE as the police wrote it before 1999: 15 digits, no century, no check character. */
    static final String BASE15 = "330521850312123";

    @Test
    void aLegacyNumberIsComparedWithTheOthersFifteenDigitForm() {
        assertThat(shape(BASE15, BASE)).isEqualTo(IdShape.EQUAL);
        assertThat(shape(BASE, BASE15)).isEqualTo(IdShape.EQUAL);
        // one wrong sequence digit: the 18-character conversion differs in its check character too, the number itself in one digit
        assertThat(shape("330521850312193", BASE)).isEqualTo(IdShape.ONE_DIGIT);
        assertThat(shape(BASE, "330521850312213")).isEqualTo(IdShape.ADJACENT_SWAP);
        assertThat(shape("330521850312193", "330521850312123")).isEqualTo(IdShape.ONE_DIGIT);
        assertThat(shape("330521850412193", BASE)).isEqualTo(IdShape.NEAR);
        assertThat(shape("330521860412193", BASE)).isEqualTo(IdShape.DIFFERENT);
        // an 18-character number of another century is not a conversion of a 15-digit one
        assertThat(shape(BASE15, valid("33052120850312123"))).isEqualTo(IdShape.DIFFERENT);
    }

    @Test
    void aLegacyNumberOneDigitFromAValidOneIsATypoNotTwoPeople() {
        assertThat(IdShapeComparison.numbers("330521850312193", BASE)).isEqualTo(IdShapeComparison.Level.ONE_DIGIT);
        assertThat(IdShapeComparison.numbers(BASE15, BASE)).isEqualTo(IdShapeComparison.Level.EQUAL);
        assertThat(IdShapeComparison.numbers(BASE, BASE15)).isEqualTo(IdShapeComparison.Level.EQUAL);
        // the 18-character conversion of that typo beside the person's number: two valid numbers, two people
        String converted = valid("33052119850312193");
        assertThat(IdShapeComparison.numbers(converted, BASE)).isEqualTo(IdShapeComparison.Level.DIFFERENT);
    }

    @Test
    void aBirthDigitMistypedInALegacyNumberIsNotABirthDisagreementToo() {
        PartyView record = PartyView.empty().withIdNumber("330521850412123").withBirthDate(java.time.LocalDate.of(1985, 4, 12));
        PartyView fromNumber = new PartyView(record.idNumber(), null, null, record.birthDate(), null, null, null, null, null, null,
                null, null, false, true);
        PartyView person = PartyView.empty().withIdNumber(BASE).withBirthDate(java.time.LocalDate.of(1985, 3, 12));
        assertThat(IdShape.typoIn(fromNumber, person, true, false, 6, 14)).isTrue();
        assertThat(IdShape.typoIn(fromNumber, person, true, false, 16, 17)).isFalse();
    }

    @Test
    void unrelatedNumbersAreDifferent() {
        assertThat(shape(BASE, "11010519491231002X")).isEqualTo(IdShape.DIFFERENT);
    }
}
