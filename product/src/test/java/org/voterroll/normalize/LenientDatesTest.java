package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientDatesTest {

    private static final LocalDate MARCH_5 = LocalDate.of(2024, 3, 5);

    @Nested
    class ParseDate {

        @ParameterizedTest
        @ValueSource(strings = {
            "20240305",
            "2024-03-05", "2024-3-5", "2024-03-5", "2024-3-05",
            "2024/03/05", "2024/3/5",
            "2024.03.05", "2024.3.5",
            "2024年3月5日", "2024年03月05日", "2024年3月5号", "2024年3月5",
            " 2024-03-05 ", "\u30002024/3/5\u3000", "\t20240305\r\n", "2024 年 3 月 5 日",
            "2024-03-05T00:00", "2024-03-05T00:00:00", "2024-03-05T00:00:00.000", "2024-03-05 00:00:00",
            "2024-03-05 00:00", "2024/3/5 0:00", "2024-03-05T00:00:00Z", "2024-03-05T00:00:00+08:00",
            "20240305 00:00:00"
        })
        void acceptedFormatsWithoutRepairs(String raw) {
            Normalized<LocalDate> n = LenientDates.parseDate(raw);
            assertThat(n.value()).isEqualTo(MARCH_5);
            assertThat(n.repairs()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"２０２４０３０５", "２０２４年３月５日", "２０２４－０３－０５", "２０２４／３／５", "２０２４．３．５", "2024-03-０５"})
        void fullWidthDigitsAndSeparators(String raw) {
            Normalized<LocalDate> n = LenientDates.parseDate(raw);
            assertThat(n.value()).isEqualTo(MARCH_5);
            assertThat(n.repairs()).containsExactly("全角数字转半角");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-03-05 13:45:00", "2024-03-05T08:00", "2024-03-05 00:00:01", "2024-03-05T00:00:00.5"})
        void aTimeOtherThanMidnightIsDroppedAsARepair(String raw) {
            Normalized<LocalDate> n = LenientDates.parseDate(raw);
            assertThat(n.value()).isEqualTo(MARCH_5);
            assertThat(n.repairs()).containsExactly("去除时间部分");
        }

        @Test
        void fullWidthAndTime() {
            assertThat(LenientDates.parseDate("２０２４－０３－０５　１２：００").repairs())
                    .containsExactly("全角数字转半角", "去除时间部分");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-02-29", "20240229", "2024年2月29日", "2024/2/29", "2024.2.29"})
        void leapDay2024(String raw) {
            assertThat(LenientDates.parseDate(raw).value()).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void otherLeapYears() {
            assertThat(LenientDates.parseDate("2000-02-29").value()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(LenientDates.parseDate("1996-02-29").value()).isEqualTo(LocalDate.of(1996, 2, 29));
        }

        @Test
        void monthAndYearBoundaries() {
            assertThat(LenientDates.parseDate("1949-10-01").value()).isEqualTo(LocalDate.of(1949, 10, 1));
            assertThat(LenientDates.parseDate("2026-12-31").value()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(LenientDates.parseDate("2026-01-01").value()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(LenientDates.parseDate("2026-04-30").value()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(LenientDates.parseDate("9999-12-31").value()).isEqualTo(LocalDate.of(9999, 12, 31));
            assertThat(LenientDates.parseDate("2026-06-30T00:00").value()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(LenientDates.parseDate("2026-06-30 00:00:00").value()).isEqualTo(LocalDate.of(2026, 6, 30));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-02-29", "20230229", "2023年2月29日", "1900-02-29", "2023-02-30", "2023-13-01",
            "2023-00-10", "2023-04-31", "2023-01-00", "2023-01-32", "20231301", "00000000", "0999-01-01",
            "2023-13-45", "2023-02-29T00:00"})
        void impossibleDatesAreInvalid(String raw) {
            assertThatThrownBy(() -> LenientDates.parseDate(raw))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("日期")
                    .hasMessageContaining(raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "2023", "2023-1", "202403", "2024-03", "2024年3月", "20231", "2024030",
            "202403051", "2024-03-05X", "2024-3/5", "2024/3-5", "05/03/2024", "05.03.2024", "24-03-05",
            "2024-03-05 garbage", "2024-03-05 25:00", "2024-03-05T", "2024--03-05", "2024-003-05", "2024-03-005",
            "2024年3月5日日", "年月日", "二〇二四年三月五日", "2024 03 05", "45356", "Tuesday", "2024-03-05 12"})
        void otherTextIsInvalid(String raw) {
            assertThatThrownBy(() -> LenientDates.parseDate(raw))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("日期");
        }

        @Test
        void messageIsShortAndNamesTheValue() {
            assertThatThrownBy(() -> LenientDates.parseDate("2023-13-45"))
                    .hasMessageContaining("(no such date): 2023-13-45");
            assertThatThrownBy(() -> LenientDates.parseDate("not a date"))
                    .hasMessage("日期无法识别 (unparseable date): not a date");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\u3000", "\t\r\n"})
        void blankIsNull(String raw) {
            assertThat(LenientDates.parseDate(raw)).isNull();
        }

        @Test
        void everyDayOfFourYearsRoundTripsInEveryFormat() {
            for (LocalDate d = LocalDate.of(2020, 1, 1); d.isBefore(LocalDate.of(2024, 1, 1)); d = d.plusDays(1)) {
                int y = d.getYear();
                int m = d.getMonthValue();
                int day = d.getDayOfMonth();
                for (String raw : new String[] {
                    String.format("%04d%02d%02d", y, m, day),
                    String.format("%04d-%02d-%02d", y, m, day),
                    y + "-" + m + "-" + day,
                    y + "/" + m + "/" + day,
                    y + "." + m + "." + day,
                    y + "年" + m + "月" + day + "日",
                    d + "T00:00",
                    d + " 00:00:00"
                }) {
                    assertThat(LenientDates.parseDate(raw).value()).as(raw).isEqualTo(d);
                }
            }
        }
    }

    @Nested
    class ParseMonth {

        private static final YearMonth MARCH = YearMonth.of(2024, 3);

        @ParameterizedTest
        @ValueSource(strings = {"202403", "2024-03", "2024-3", "2024/3", "2024/03", "2024.3", "2024.03",
            "2024年3月", "2024年03月", "2024年3", " 2024-03 ", "\u30002024年3月\u3000"})
        void monthFormats(String raw) {
            Normalized<YearMonth> n = LenientDates.parseMonth(raw);
            assertThat(n.value()).isEqualTo(MARCH);
            assertThat(n.repairs()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"20240305", "2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "2024-03-31",
            "2024-03-05T00:00", "2024-03-05 00:00:00"})
        void fullDatesGiveTheirMonth(String raw) {
            assertThat(LenientDates.parseMonth(raw).value()).isEqualTo(MARCH);
        }

        @Test
        void fullWidth() {
            Normalized<YearMonth> n = LenientDates.parseMonth("２０２４年３月");
            assertThat(n.value()).isEqualTo(MARCH);
            assertThat(n.repairs()).containsExactly("全角数字转半角");
            assertThat(LenientDates.parseMonth("２０２４０３").value()).isEqualTo(MARCH);
        }

        @Test
        void allMonths() {
            for (int m = 1; m <= 12; m++) {
                assertThat(LenientDates.parseMonth(String.format("1980%02d", m)).value()).isEqualTo(YearMonth.of(1980, m));
                assertThat(LenientDates.parseMonth("1980-" + m).value()).isEqualTo(YearMonth.of(1980, m));
                assertThat(LenientDates.parseMonth("1980年" + m + "月").value()).isEqualTo(YearMonth.of(1980, m));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"202413", "202400", "2024-13", "2024-0", "2024年13月", "2024/00"})
        void impossibleMonthsAreInvalid(String raw) {
            assertThatThrownBy(() -> LenientDates.parseMonth(raw))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("年月")
                    .hasMessageContaining(raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024", "abc", "2024-", "2024年", "24-03", "03/2024", "2024-003", "20243", "2024030",
            "2024-03-", "2024-02-30", "2023年2月29日", "2024年3月5日日", "099901"})
        void otherTextIsInvalid(String raw) {
            assertThatThrownBy(() -> LenientDates.parseMonth(raw)).isInstanceOf(InvalidValueException.class);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\u3000"})
        void blankIsNull(String raw) {
            assertThat(LenientDates.parseMonth(raw)).isNull();
        }
    }
}
