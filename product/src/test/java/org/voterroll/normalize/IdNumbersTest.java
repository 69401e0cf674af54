package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTest {

    static final String VALID_A = "341299198003120138";
    static final String VALID_B = "341299200801050314";
    static final String VALID_X = "11010519491231002X";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** Independent reference implementation of ISO 7064 MOD 11-2 for the tests. */
    static char referenceCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17.charAt(i), 10) * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** A random valid 18-character number with a real birth date. */
    static String randomValid(Random random) {
        StringBuilder sb = new StringBuilder(18);
        sb.append(String.format("%06d", 110000 + random.nextInt(540000)));
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
        sb.append(String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()));
        sb.append(String.format("%03d", random.nextInt(1000)));
        sb.append(referenceCheck(sb.toString()));
        return sb.toString();
    }

    @Nested
    class CheckDigit {

        @Test
        void knownValidNumbers() {
            assertThat(IdNumbers.checkDigit("34129919800312013")).isEqualTo('8');
            assertThat(IdNumbers.checkDigit("34129920080105031")).isEqualTo('4');
            assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');
        }

        @Test
        void onlyFirst17CharactersCount() {
            assertThat(IdNumbers.checkDigit(VALID_A)).isEqualTo('8');
            assertThat(IdNumbers.checkDigit(new StringBuilder("11010519491231002?"))).isEqualTo('X');
        }

        @Test
        void matchesReferenceOnRandomInput() {
            Random random = new Random(42);
            for (int n = 0; n < 5_000; n++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 17; i++) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
                assertThat(IdNumbers.checkDigit(sb)).isEqualTo(referenceCheck(sb.toString()));
            }
        }

        @Test
        void everyCheckValueOccurs() {
            Set<Character> seen = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                seen.add(IdNumbers.checkDigit(String.format("34129919800312%03d", i)));
            }
            assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "1234567890123456", "3412991980031201A", "34129919800312 13", "３４１２９９１９８００３１２０１３"})
        void rejectsInputThatIsNot17AsciiDigits(String input) {
            assertThatThrownBy(() -> IdNumbers.checkDigit(input)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsNull() {
            assertThatThrownBy(() -> IdNumbers.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void errorMessageDoesNotRevealTheNumber() {
            assertThatThrownBy(() -> IdNumbers.checkDigit("3412991980031201A"))
                    .hasMessageNotContaining("3412991980031201A")
                    .hasMessageContaining("341299********");
        }
    }

    @Nested
    class IsValid {

        @ParameterizedTest
        @ValueSource(strings = {VALID_A, VALID_B, VALID_X, "341299197710101329", "110105180001019963"})
        void acceptsValidNumbers(String id) {
            assertThat(IdNumbers.isValid(id)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "341299198003120139", // wrong check digit
            "11010519491231002x", // lowercase x is not the normalised form
            "110105194912310020",
            "341299197710103129", // adjacent swap
            "34129919800312013",  // 17
            "3412991980031201380", // 19
            "34129919800312013X", // X but check should be 8
            "X41299198003120138",
            " 341299198003120138",
            "３４１２９９１９８００３１２０１３８"
        })
        @NullAndEmptySource
        void rejectsEverythingElse(String id) {
            assertThat(IdNumbers.isValid(id)).isFalse();
        }

        @Test
        void randomValidNumbersAreValid() {
            Random random = new Random(7);
            for (int i = 0; i < 2_000; i++) {
                assertThat(IdNumbers.isValid(randomValid(random))).isTrue();
            }
        }
    }

    @Nested
    class Parse {

        @ParameterizedTest
        @ValueSource(strings = {VALID_A, VALID_B, VALID_X})
        void cleanValidNumber(String id) {
            IdNumbers.Parsed p = IdNumbers.parse(id);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(id);
            assertThat(p.raw()).isEqualTo(id);
            assertThat(p.repairs()).isEmpty();
            assertThat(p.usable()).isTrue();
        }

        @Test
        void cleanValidNumberIsReturnedWithoutCopying() {
            String id = new String(VALID_A.toCharArray());
            assertThat(IdNumbers.parse(id).number()).isSameAs(id);
        }

        @ParameterizedTest
        @ValueSource(strings = {" 341299198003120138", "341299198003120138 ", "\t341299198003120138\r\n",
            "\u3000341299198003120138\u3000", "\u00A0341299198003120138", "\uFEFF341299198003120138"})
        void surroundingBlanksAreTrimmedSilently(String raw) {
            IdNumbers.Parsed p = IdNumbers.parse(raw);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.raw()).isEqualTo(raw);
            assertThat(p.repairs()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"341299 19800312 0138", "341299\u300019800312\u30000138", "3412 9919 8003 1201 38",
            "341299\u00A0198003120138", "341299\t198003120138", " 341299 198003120138 "})
        void innerSpacesAreRemoved(String raw) {
            IdNumbers.Parsed p = IdNumbers.parse(raw);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("去除空格");
        }

        @ParameterizedTest
        @ValueSource(strings = {"341299-19800312-0138", "341299-198003120138", "341299－19800312－0138", "341299\u201419800312\u20140138"})
        void dashesAreRemoved(String raw) {
            IdNumbers.Parsed p = IdNumbers.parse(raw);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("去除连字符");
        }

        @Test
        void spacesAndDashesTogether() {
            IdNumbers.Parsed p = IdNumbers.parse("341299 - 19800312 - 0138");
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.repairs()).containsExactly("去除空格", "去除连字符");
        }

        @Test
        void fullWidthDigits() {
            IdNumbers.Parsed p = IdNumbers.parse("３４１２９９１９８００３１２０１３８");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("全角数字转半角");
        }

        @Test
        void partlyFullWidthDigits() {
            IdNumbers.Parsed p = IdNumbers.parse("341299１９８００３１２0138");
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("全角数字转半角");
        }

        @Test
        void lowercaseX() {
            IdNumbers.Parsed p = IdNumbers.parse("11010519491231002x");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_X);
            assertThat(p.repairs()).containsExactly("小写x转大写");
        }

        @Test
        void fullWidthUppercaseX() {
            IdNumbers.Parsed p = IdNumbers.parse("１１０１０５１９４９１２３１００２Ｘ");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_X);
            assertThat(p.repairs()).containsExactly("全角数字转半角");
        }

        @Test
        void fullWidthLowercaseX() {
            IdNumbers.Parsed p = IdNumbers.parse("11010519491231002ｘ");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_X);
            assertThat(p.repairs()).containsExactly("全角数字转半角", "小写x转大写");
        }

        @Test
        void leadingApostropheFromExcel() {
            IdNumbers.Parsed p = IdNumbers.parse("'341299198003120138");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("去除前导引号");
        }

        @Test
        void formulaWrapperFromAnExport() {
            IdNumbers.Parsed p = IdNumbers.parse(" =\"341299198003120138\" ");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("去除公式外壳");
            assertThat(IdNumbers.parse("=\"\"").status()).isEqualTo(IdNumbers.Status.EMPTY);
            assertThat(IdNumbers.parse("=341299198003120138").status()).isEqualTo(IdNumbers.Status.MALFORMED);
        }

        @Test
        void everyRepairAtOnce() {
            IdNumbers.Parsed p = IdNumbers.parse(" '１１０１０５-19491231 002x ");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.VALID);
            assertThat(p.number()).isEqualTo(VALID_X);
            assertThat(p.repairs()).containsExactly("去除空格", "去除连字符", "去除前导引号", "全角数字转半角", "小写x转大写");
        }

        @Test
        void wrongCheckDigit() {
            IdNumbers.Parsed p = IdNumbers.parse("341299198003120139");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
            assertThat(p.number()).isEqualTo("341299198003120139");
            assertThat(p.usable()).isFalse();
            assertThat(p.repairs()).isEmpty();
        }

        @Test
        void wrongCheckDigitX() {
            IdNumbers.Parsed p = IdNumbers.parse("34129919800312013x");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
            assertThat(p.number()).isEqualTo("34129919800312013X");
            assertThat(p.repairs()).containsExactly("小写x转大写");
        }

        @Test
        void adjacentSwapFailsTheCheck() {
            IdNumbers.Parsed p = IdNumbers.parse("341299197710103129");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
            assertThat(p.number()).isEqualTo("341299197710103129");
        }

        @Test
        void badCheckWithCleaningKeepsTheCleanedCharacters() {
            IdNumbers.Parsed p = IdNumbers.parse(" ３４１２９９ 197710103129");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
            assertThat(p.number()).isEqualTo("341299197710103129");
            assertThat(p.repairs()).containsExactly("去除空格", "全角数字转半角");
        }

        @Test
        void legacy15Digits() {
            IdNumbers.Parsed p = IdNumbers.parse("341299800312013");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.LEGACY15);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.usable()).isTrue();
            assertThat(p.repairs()).containsExactly("15位转18位");
            assertThat(IdNumbers.isValid(p.number())).isTrue();
        }

        @Test
        void legacy15DigitsGivingCheckX() {
            IdNumbers.Parsed p = IdNumbers.parse("110105491231002");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.LEGACY15);
            assertThat(p.number()).isEqualTo(VALID_X);
        }

        @Test
        void legacy15WithCleaning() {
            IdNumbers.Parsed p = IdNumbers.parse(" ３４１２９９-800312 013");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.LEGACY15);
            assertThat(p.number()).isEqualTo(VALID_A);
            assertThat(p.repairs()).containsExactly("去除空格", "去除连字符", "全角数字转半角", "15位转18位");
        }

        @Test
        void legacy15CentenarianSequence() {
            IdNumbers.Parsed p = IdNumbers.parse("110105000101996");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.LEGACY15);
            assertThat(p.number()).isEqualTo("110105180001019963");
            assertThat(IdNumbers.birthDate(p.number())).isEqualTo(LocalDate.of(1800, 1, 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"34129980031201X", "34129980031201x", "3412998003120A3", "34129980031２01x"})
        void fifteenCharactersWithANonDigitAreMalformed(String raw) {
            IdNumbers.Parsed p = IdNumbers.parse(raw);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.MALFORMED);
            assertThat(p.number()).isNull();
            assertThat(p.usable()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "34129919800312013",      // 17
            "3412991980031201388",    // 19
            "34129919800312013800000000",
            "1234",
            "3412991980031201",       // 16
            "34129919800312O138",     // letter O
            "341299198003120X18",     // X neither last nor swapped with the last
            "X41299198003120138",
            "34129919800312013Y",
            "3.41299198003120E+17",   // Excel scientific notation
            "身份证号码",
            "341299198003120138'",
            "3412991980031201-3-8-9"
        })
        void malformed(String raw) {
            IdNumbers.Parsed p = IdNumbers.parse(raw);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.MALFORMED);
            assertThat(p.number()).isNull();
            assertThat(p.raw()).isEqualTo(raw);
            assertThat(p.usable()).isFalse();
        }

        /** Issue 18: …39X7 for …397X was rejected instead of repaired. */
        @Test
        void theCheckXSwappedWithTheDigitBeforeItIsAMistypedNumberWhoseRepairIsTheSwap() {
            IdNumbers.Parsed p = IdNumbers.parse("3412991964091001X2");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
            assertThat(p.number()).isEqualTo("3412991964091001X2");
            String valid = "34129919640910012X";
            assertThat(IdNumbers.isValid(valid)).isTrue();
            assertThat(IdNumbers.repairCandidates(p.number())).contains(valid);
            assertThat(IdNumbers.parse("3412991964091001x2").status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
        }

        @Test
        void malformedStillReportsTheCleaning() {
            IdNumbers.Parsed p = IdNumbers.parse("3412 9919 8003 1201");
            assertThat(p.status()).isEqualTo(IdNumbers.Status.MALFORMED);
            assertThat(p.repairs()).containsExactly("去除空格");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\u3000", "\t", "-", " - ", "--", "\u00A0\u3000 "})
        void empty(String raw) {
            IdNumbers.Parsed p = IdNumbers.parse(raw);
            assertThat(p.status()).isEqualTo(IdNumbers.Status.EMPTY);
            assertThat(p.number()).isNull();
            assertThat(p.raw()).isEqualTo(raw);
            assertThat(p.repairs()).isEmpty();
            assertThat(p.usable()).isFalse();
        }

        @Test
        void repairsAreUnmodifiable() {
            IdNumbers.Parsed p = IdNumbers.parse("11010519491231002x");
            assertThatThrownBy(() -> p.repairs().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void parsedCopiesTheRepairList() {
            List<String> repairs = new ArrayList<>(List.of("去除空格"));
            IdNumbers.Parsed p = new IdNumbers.Parsed("a", VALID_A, IdNumbers.Status.VALID, repairs);
            repairs.clear();
            assertThat(p.repairs()).containsExactly("去除空格");
            assertThat(new IdNumbers.Parsed("a", null, IdNumbers.Status.EMPTY, null).repairs()).isEmpty();
        }

        @Test
        void usableOnlyForValidAndLegacy() {
            for (IdNumbers.Status s : IdNumbers.Status.values()) {
                boolean expected = s == IdNumbers.Status.VALID || s == IdNumbers.Status.LEGACY15;
                assertThat(new IdNumbers.Parsed("r", null, s, List.of()).usable()).as(s.name()).isEqualTo(expected);
            }
        }

        @Test
        void randomValidNumbersParseAsValidInEveryDisguise() {
            Random random = new Random(99);
            for (int i = 0; i < 2_000; i++) {
                String id = randomValid(random);
                assertThat(IdNumbers.parse(id).status()).isEqualTo(IdNumbers.Status.VALID);
                assertThat(IdNumbers.parse(" " + id.substring(0, 6) + "-" + id.substring(6) + " ").number()).isEqualTo(id);
                assertThat(IdNumbers.parse(toFullWidth(id)).number()).isEqualTo(id);
                assertThat(IdNumbers.parse(id.toLowerCase()).number()).isEqualTo(id);
            }
        }
    }

    @Nested
    class From15 {

        @ParameterizedTest
        @CsvSource({
            "341299800312013, 341299198003120138",
            "110105491231002, 11010519491231002X",
            "341299770101132, 341299197701011321",
            "110105000101995, 110105190001019954",
            "110105000101996, 110105180001019963",
            "110105000101999, 110105180001019998"
        })
        void converts(String id15, String id18) {
            assertThat(IdNumbers.from15(id15)).isEqualTo(id18);
            assertThat(IdNumbers.isValid(id18)).isTrue();
        }

        @Test
        void centuryDependsOnlyOnTheSequence() {
            for (int seq = 0; seq <= 999; seq++) {
                String id15 = String.format("34129980031%01d%03d", 2, seq);
                String id18 = IdNumbers.from15(id15);
                assertThat(id18).hasSize(18);
                assertThat(id18.substring(6, 8)).as("sequence %d", seq).isEqualTo(seq >= 996 ? "18" : "19");
                assertThat(id18.substring(0, 6)).isEqualTo("341299");
                assertThat(id18.substring(8, 17)).isEqualTo(id15.substring(6));
                assertThat(IdNumbers.isValid(id18)).isTrue();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "34129980031201", "3412998003120133", "34129980031201X", "３４１２９９８００３１２０１３", " 341299800312013"})
        void rejectsAnythingButFifteenDigits(String id15) {
            assertThatThrownBy(() -> IdNumbers.from15(id15))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("15");
        }

        @Test
        void rejectsNull() {
            assertThatThrownBy(() -> IdNumbers.from15(null)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void errorMessageMasksTheNumber() {
            assertThatThrownBy(() -> IdNumbers.from15("34129980031201X"))
                    .hasMessageNotContaining("34129980031201X")
                    .hasMessageContaining("341299********201X");
        }
    }

    @Nested
    class RepairCandidates {

        @Test
        void adjacentSwapIsFound() {
            List<String> candidates = IdNumbers.repairCandidates("341299197710103129");
            assertThat(candidates).contains("341299197710101329");
            assertThat(candidates).allMatch(IdNumbers::isValid);
            assertThat(candidates).doesNotContain("341299197710103129");
        }

        @Test
        void oneDigitWrongIsFound() {
            // position 9 (month) typed 4 instead of 3
            assertThat(IdNumbers.repairCandidates("341299198004120138")).contains(VALID_A);
            // wrong check character
            assertThat(IdNumbers.repairCandidates("341299198003120139")).contains(VALID_A);
            assertThat(IdNumbers.repairCandidates("110105194912310020")).contains(VALID_X);
        }

        @Test
        void aLetterInTheMiddleCanBeRepaired() {
            assertThat(IdNumbers.repairCandidates("34129919800312O138")).containsExactly(VALID_A);
        }

        @Test
        void candidatesAreSortedDistinctValidAndOneStepAway() {
            Random random = new Random(1);
            for (int n = 0; n < 300; n++) {
                String broken = mutate(randomValid(random), random);
                List<String> candidates = IdNumbers.repairCandidates(broken);
                assertThat(candidates).isSorted().doesNotHaveDuplicates().doesNotContain(broken);
                for (String c : candidates) {
                    assertThat(IdNumbers.isValid(c)).isTrue();
                    assertThat(oneStepApart(broken, c)).as("%s -> %s", broken, c).isTrue();
                }
            }
        }

        @Test
        void findsEveryValidNeighbourByBruteForce() {
            Random random = new Random(5);
            for (int n = 0; n < 100; n++) {
                String broken = mutate(randomValid(random), random);
                assertThat(IdNumbers.repairCandidates(broken)).containsExactlyElementsOf(bruteForceNeighbours(broken));
            }
        }

        @Test
        void oneCharacterChangeOfAValidNumberIsNeverValid() {
            Random random = new Random(2024);
            for (int n = 0; n < 3_000; n++) {
                String valid = randomValid(random);
                char[] chars = valid.toCharArray();
                for (int pos = 0; pos < 18; pos++) {
                    char original = chars[pos];
                    for (char c : "0123456789X".toCharArray()) {
                        if (c == original || (c == 'X' && pos < 17)) {
                            continue;
                        }
                        chars[pos] = c;
                        String changed = new String(chars);
                        assertThat(IdNumbers.isValid(changed)).as("%s -> %s", valid, changed).isFalse();
                        assertThat(IdNumbers.parse(changed).status()).isEqualTo(IdNumbers.Status.BAD_CHECK);
                    }
                    chars[pos] = original;
                }
            }
        }

        @Test
        void aOneCharacterChangeIsAlwaysRepairable() {
            Random random = new Random(77);
            for (int n = 0; n < 2_000; n++) {
                String valid = randomValid(random);
                int pos = random.nextInt(18);
                char[] chars = valid.toCharArray();
                char c;
                do {
                    c = pos == 17 && random.nextInt(11) == 10 ? 'X' : (char) ('0' + random.nextInt(10));
                } while (c == chars[pos]);
                chars[pos] = c;
                String broken = new String(chars);
                assertThat(IdNumbers.repairCandidates(broken)).as(broken).contains(valid);
            }
        }

        @Test
        void anAdjacentSwapIsAlwaysDetectedAndRepairable() {
            Random random = new Random(78);
            int swaps = 0;
            while (swaps < 2_000) {
                String valid = randomValid(random);
                int pos = random.nextInt(16); // both swapped characters among the first 17
                char[] chars = valid.toCharArray();
                if (chars[pos] == chars[pos + 1]) {
                    continue;
                }
                char t = chars[pos];
                chars[pos] = chars[pos + 1];
                chars[pos + 1] = t;
                String broken = new String(chars);
                assertThat(IdNumbers.isValid(broken)).as(broken).isFalse();
                assertThat(IdNumbers.repairCandidates(broken)).as(broken).contains(valid);
                swaps++;
            }
        }

        @Test
        void validNumberHasNoOneDigitCandidates() {
            Random random = new Random(3);
            for (int n = 0; n < 500; n++) {
                String valid = randomValid(random);
                for (String c : IdNumbers.repairCandidates(valid)) {
                    // only swapping the 17th digit with the check character can stay valid
                    assertThat(differences(valid, c)).isEqualTo(2);
                    assertThat(c.substring(0, 16)).isEqualTo(valid.substring(0, 16));
                }
            }
        }

        @Test
        void xOnlyInTheLastPosition() {
            Random random = new Random(4);
            for (int n = 0; n < 300; n++) {
                for (String c : IdNumbers.repairCandidates(mutate(randomValid(random), random))) {
                    assertThat(c.substring(0, 17)).containsOnlyDigits();
                }
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"34129919800312013", "3412991980031201380", "341299800312013"})
        void wrongLengthGivesNoCandidates(String input) {
            assertThat(IdNumbers.repairCandidates(input)).isEmpty();
        }

        private static String mutate(String valid, Random random) {
            char[] chars = valid.toCharArray();
            if (random.nextBoolean()) {
                int pos = random.nextInt(18);
                char c;
                do {
                    c = (char) ('0' + random.nextInt(10));
                } while (c == chars[pos]);
                chars[pos] = c;
            } else {
                int pos = random.nextInt(17);
                char t = chars[pos];
                chars[pos] = chars[pos + 1];
                chars[pos + 1] = t;
            }
            return new String(chars);
        }

        private static List<String> bruteForceNeighbours(String s) {
            java.util.TreeSet<String> out = new java.util.TreeSet<>();
            for (int pos = 0; pos < 18; pos++) {
                for (char c : "0123456789X".toCharArray()) {
                    if (c == 'X' && pos < 17) {
                        continue;
                    }
                    String t = s.substring(0, pos) + c + s.substring(pos + 1);
                    if (!t.equals(s) && IdNumbers.isValid(t)) {
                        out.add(t);
                    }
                }
            }
            for (int pos = 0; pos < 17; pos++) {
                String t = s.substring(0, pos) + s.charAt(pos + 1) + s.charAt(pos) + s.substring(pos + 2);
                if (!t.equals(s) && IdNumbers.isValid(t)) {
                    out.add(t);
                }
            }
            return new ArrayList<>(out);
        }

        private static boolean oneStepApart(String a, String b) {
            int diff = differences(a, b);
            if (diff == 1) {
                return true;
            }
            if (diff != 2) {
                return false;
            }
            for (int i = 0; i < 17; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i);
                }
            }
            return false;
        }

        private static int differences(String a, String b) {
            int diff = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diff++;
                }
            }
            return diff;
        }
    }

    @Nested
    class Fields {

        @Test
        void birthDate() {
            assertThat(IdNumbers.birthDate(VALID_A)).isEqualTo(LocalDate.of(1980, 3, 12));
            assertThat(IdNumbers.birthDate(VALID_B)).isEqualTo(LocalDate.of(2008, 1, 5));
            assertThat(IdNumbers.birthDate(VALID_X)).isEqualTo(LocalDate.of(1949, 12, 31));
            assertThat(IdNumbers.birthDate("341299197710103129")).isEqualTo(LocalDate.of(1977, 10, 10));
            assertThat(IdNumbers.birthDate(IdNumbers.from15("341299800312013"))).isEqualTo(LocalDate.of(1980, 3, 12));
        }

        @Test
        void birthDateOnLeapDays() {
            String leap = "34129920000229" + "123";
            assertThat(IdNumbers.birthDate(leap + IdNumbers.checkDigit(leap))).isEqualTo(LocalDate.of(2000, 2, 29));
            String notLeap = "34129919000229" + "123";
            assertThat(IdNumbers.birthDate(notLeap + IdNumbers.checkDigit(notLeap))).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "341299198013120138", // month 13
            "341299198000120138", // month 0
            "341299198002300138", // 30 February
            "341299198004310138", // 31 April
            "341299198003000138", // day 0
            "341299000003120138", // year 0
            "3412991980031",      // too short
            "34129919800A120138"
        })
        @NullAndEmptySource
        void birthDateNullWhenNotARealDate(String id) {
            assertThat(IdNumbers.birthDate(id)).isNull();
        }

        @Test
        void birthDateOfRandomNumbers() {
            Random random = new Random(11);
            for (int i = 0; i < 1_000; i++) {
                String id = randomValid(random);
                LocalDate d = IdNumbers.birthDate(id);
                assertThat(d).isNotNull();
                assertThat(String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                        .isEqualTo(id.substring(6, 14));
            }
        }

        @Test
        void sex() {
            assertThat(IdNumbers.sex(VALID_A)).isEqualTo(Sex.MALE);   // 17th digit 3
            assertThat(IdNumbers.sex(VALID_B)).isEqualTo(Sex.MALE);   // 1
            assertThat(IdNumbers.sex(VALID_X)).isEqualTo(Sex.FEMALE); // 2
            for (char d = '0'; d <= '9'; d++) {
                String id = "3412991980031201" + d + "8";
                assertThat(IdNumbers.sex(id)).isEqualTo((d - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"3412991980031201", "3412991980031201A8"})
        void sexNullWhenUnknown(String id) {
            assertThat(IdNumbers.sex(id)).isNull();
        }

        @Test
        void mask() {
            assertThat(IdNumbers.mask(VALID_A)).isEqualTo("341299********0138");
            assertThat(IdNumbers.mask(VALID_X)).isEqualTo("110105********002X");
            assertThat(IdNumbers.mask("341299800312013")).isEqualTo("341299********2013");
            assertThat(IdNumbers.mask("0123456789")).isEqualTo("012345********6789");
            assertThat(IdNumbers.mask("012345678")).isEqualTo("*********");
            assertThat(IdNumbers.mask("1")).isEqualTo("*");
            assertThat(IdNumbers.mask("")).isEmpty();
            assertThat(IdNumbers.mask(null)).isNull();
        }

        @Test
        void maskNeverRevealsTheMiddle() {
            Random random = new Random(12);
            for (int i = 0; i < 200; i++) {
                String id = randomValid(random);
                String masked = IdNumbers.mask(id);
                assertThat(masked).hasSize(18).doesNotContain(id.substring(6, 14)).startsWith(id.substring(0, 6))
                        .endsWith(id.substring(14));
            }
        }

        @Test
        void regionCode() {
            assertThat(IdNumbers.regionCode(VALID_A)).isEqualTo("341299");
            assertThat(IdNumbers.regionCode(VALID_X)).isEqualTo("110105");
            assertThat(IdNumbers.regionCode("341299")).isEqualTo("341299");
            assertThat(IdNumbers.regionCode("34129")).isNull();
            assertThat(IdNumbers.regionCode("3412A9198003120138")).isNull();
            assertThat(IdNumbers.regionCode(null)).isNull();
        }
    }

    static String toFullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return sb.toString();
    }

    @Nested
    class LegacyRepairCandidates {

        @Test
        void areTheFifteenDigitNeighboursInTheirEighteenCharacterForm() {
            String meant = IdNumbers.from15("433128850312527");
            String typed = IdNumbers.from15("433128850312524");
            assertThat(IdNumbers.legacyRepairCandidates(typed)).contains(meant).doesNotContain(typed);
            assertThat(IdNumbers.legacyRepairCandidates(IdNumbers.from15("433128850312572"))).contains(meant);
            // 15 positions × 9 other digits, and one swap per pair of different adjacent digits
            assertThat(IdNumbers.legacyRepairCandidates(typed)).hasSize(15 * 9 + 12).allSatisfy(n -> assertThat(IdNumbers.isValid(n)).isTrue());
        }

        @Test
        void eachIsOneDigitOrOneSwapFromTheNumberAsWritten() {
            Random random = new Random(18);
            for (int i = 0; i < 200; i++) {
                String id15 = String.format("%06d%02d%02d%02d%03d", 110000 + random.nextInt(540000), random.nextInt(100),
                        1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(996));
                for (String n : IdNumbers.legacyRepairCandidates(IdNumbers.from15(id15))) {
                    String back = IdNumbers.to15(n);
                    int diffs = 0;
                    for (int k = 0; k < 15; k++) if (back.charAt(k) != id15.charAt(k)) diffs++;
                    assertThat(diffs).as(n).isBetween(1, 2);
                }
            }
        }

        @Test
        void areNoneForANumberNotConvertedFromFifteenDigits() {
            assertThat(IdNumbers.legacyRepairCandidates(VALID_B)).isEmpty();
            assertThat(IdNumbers.legacyRepairCandidates(null)).isEmpty();
            assertThat(IdNumbers.to15(VALID_A)).isEqualTo("341299800312013");
        }
    }
}
