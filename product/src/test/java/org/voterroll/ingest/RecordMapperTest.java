package org.voterroll.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.voterroll.codes.Source;

class RecordMapperTest {
    final RecordMapper mapper = new RecordMapper();

    static RawRow row(Source s, String... pairs) {
        List<String> headers = s.headers();
        String[] values = new String[headers.size()];
        for (int i = 0; i < pairs.length; i += 2) values[headers.indexOf(pairs[i])] = pairs[i + 1];
        return new RawRow(s, 1, s.prefix() + "_1.csv", 7, values, new String[] {"raw"}, headers.size(), headers.size());
    }

    static RawRow huji(String number, String name, String sex, String birth, String status) {
        return row(Source.HUJI, "公民身份号码", number, "姓名", name, "性别", sex, "出生日期", birth, "户号", "100001",
                "户籍地址", "城关镇", "户籍地区划代码", "341299100201", "人员状态", status);
    }

    @Test
    void aNumberStoredAsANumberKeepsTheBirthItsFirstFifteenDigitsEncode() {
        assertThat(RecordMapper.survivingBirth("4.52731197201275E+17")).isEqualTo(java.time.LocalDate.of(1972, 1, 27));
        assertThat(RecordMapper.survivingBirth("452731197201275010")).isEqualTo(java.time.LocalDate.of(1972, 1, 27));
        // too few digits left for a date, or no number at all
        assertThat(RecordMapper.survivingBirth("3.41299E+17")).isNull();
        assertThat(RecordMapper.survivingBirth("4.52731E+15")).isNull();
        assertThat(RecordMapper.survivingBirth("不详")).isNull();
    }

    @Test
    void acceptsAndNotesEveryRepair() {
        IngestResult r = mapper.map(huji("34129919800312013８", "陳 志遠", "1", "1980年3月12日", "正常"), 3);
        assertThat(r).isInstanceOf(IngestResult.Accepted.class);
        RecordRow rec = ((IngestResult.Accepted) r).record();
        assertThat(rec.get(Column.ID_NUMBER)).isEqualTo("341299198003120138");
        assertThat(rec.get(Column.NAME)).isEqualTo("陈志远");
        assertThat(rec.get(Column.SEX)).isEqualTo("M");
        assertThat(rec.get(Column.BIRTH_DATE)).isEqualTo(LocalDate.of(1980, 3, 12));
        assertThat(rec.get(Column.HOUSEHOLD_KEY)).isEqualTo("hj:100001");
        assertThat((String) rec.get(Column.REPAIRS)).contains("全角数字转半角", "繁体转简体", "性别代码转换");
        assertThat(rec.get(Column.REC_ID)).isEqualTo(RecordMapper.recId(3, 1, 7));
    }

    @Test
    void legacyFifteenDigitNumbersBecomeEighteen() {
        RecordRow rec = ((IngestResult.Accepted) mapper.map(huji("341299800312013", "张伟", "男", "1980-03-12", "正常"), 1)).record();
        assertThat(rec.get(Column.ID_NUMBER)).isEqualTo("341299198003120138");
        assertThat(rec.get(Column.ID_STATUS)).isEqualTo("LEGACY15");
    }

    @Test
    void badCheckDigitIsKeptForRepairNotRejected() {
        IngestResult r = mapper.map(row(Source.SHEBAO, "社会保障号码", "341299197710103129", "姓名", "吴芳", "参保状态", "参保缴费"), 1);
        assertThat(((IngestResult.Accepted) r).record().get(Column.ID_STATUS)).isEqualTo("BAD_CHECK");
    }

    /**
     * A fourth independent county: a letter typed for a digit (6127331973011l3950) sent a unit row, a death notice and a
     * rights decision to the rejects, where no township sees them. They are kept and linked as rows without a number.
     */
    @Test
    void aNumberWithALetterForADigitOutsideTheRegisterIsKeptAsNoNumber() {
        assertThat(reason(row(Source.WAIDI, "公民身份号码", "ABC", "姓名", "吴芳", "类型", "已在外地登记", "对方区划代码", "320102", "日期", "2026-11-02")))
                .as("no number at all").contains("无法识别").doesNotContain("ABC");
        for (String junk : java.util.List.of("12345", "3412991977101031", "34129919771010312999", "341299197710103l2"))
            assertThat(reason(row(Source.SHEBAO, "社会保障号码", junk, "姓名", "吴芳", "参保状态", "参保缴费"))).as(junk).contains("无法识别");
        for (IngestResult r : java.util.List.of(
                mapper.map(row(Source.WAIDI, "公民身份号码", "32010219861013O007", "姓名", "吴芳", "类型", "已在外地登记", "对方区划代码", "320102", "日期", "2026-11-02"), 1),
                mapper.map(row(Source.SHEBAO, "社会保障号码", "3412991977101l3129", "姓名", "吴芳", "参保状态", "参保缴费"), 2),
                // a fifth independent county: a digit left out or typed twice went to the rejects with no item
                mapper.map(row(Source.SHEBAO, "社会保障号码", "34129919771010312", "姓名", "吴芳", "参保状态", "参保缴费"), 3),
                mapper.map(row(Source.SHEBAO, "社会保障号码", "3412991977101031299", "姓名", "吴芳", "参保状态", "参保缴费"), 4),
                mapper.map(row(Source.SHEBAO, "社会保障号码", "3412991977101031X", "姓名", "吴芳", "参保状态", "参保缴费"), 5))) {
            assertThat(r).isInstanceOf(IngestResult.Accepted.class);
            var record = ((IngestResult.Accepted) r).record();
            assertThat(record.get(Column.ID_STATUS)).isEqualTo("MALFORMED");
            assertThat(record.get(Column.ID_NUMBER)).isNull();
        }
    }

    @Test
    void rejectsWhatCannotBeUsedWithTheReason() {
        assertThat(reason(huji("341299198003120138", " ", "男", "1980-03-12", "正常"))).contains("姓名为空");
        assertThat(reason(huji("341299198003120138", "张伟", "男", "1980-13-45", "正常"))).contains("出生日期");
        assertThat(reason(huji("341299198003120138", "张伟", "男", "1980-03-12", "失踪"))).contains("人员状态取值无效");
        assertThat(reason(huji("", "张伟", "男", "1980-03-12", "正常"))).contains("公民身份号码为空");

        assertThat(reason(row(Source.XUANWEI, "公民身份号码", "341299199108221642", "姓名", "冯丹", "类型", "剥夺政治权利",
                "起始日期", "2024-03-01", "终止日期", "2023-01-01"))).contains("终止日期早于起始日期");
        RawRow shortRow = new RawRow(Source.HUJI, 1, "huji_1.csv", 9, new String[Source.HUJI.headers().size()], new String[] {"a", "b"}, 2, 13);
        assertThat(reason(shortRow)).contains("列数不符");
    }

    /** A death notice whose date cannot be read is kept without one (the rules ask a township), not rejected unseen. */
    @Test
    void aDeathNoticeWithAnUnreadableDateIsKeptUndated() {
        for (String date : java.util.List.of("不详", "2026-02-30", "2026年13月2日", "")) {
            IngestResult r = mapper.map(row(Source.MINZHENG, "公民身份号码", "341299198003120138", "姓名", "张伟", "死亡日期", date), 1);
            assertThat(r).as(date).isInstanceOf(IngestResult.Accepted.class);
            RecordRow rec = ((IngestResult.Accepted) r).record();
            assertThat(rec.get(Column.START_DATE)).as(date).isNull();
            assertThat(rec.get(Column.REPAIRS)).as(date).asString().contains("死亡日期无法识别");
        }
    }

    /** SOURCES.md: the number is "sometimes empty"; outside the register such a row is linked by its other fields. */
    @Test
    void anEmptyNumberOutsideThePoliceRegisterIsKept() {
        IngestResult death = mapper.map(row(Source.MINZHENG, "公民身份号码", " ", "姓名", "王建国", "死亡日期", "2026-08-01"), 1);
        RecordRow rec = ((IngestResult.Accepted) death).record();
        assertThat(rec.get(Column.ID_STATUS)).isEqualTo("EMPTY");
        assertThat(rec.get(Column.ID_NUMBER)).isNull();
        assertThat(((IngestResult.Accepted) death).repaired()).isTrue();
        assertThat(mapper.map(row(Source.SHEBAO, "社会保障号码", "", "姓名", "吴芳", "参保状态", "参保缴费"), 1))
                .isInstanceOf(IngestResult.Accepted.class);
    }

    @Test
    void aRejectReasonNeverCarriesAWholeIdentityNumber() {
        String r = reason(row(Source.LIUDONG, "公民身份号码", "3412991995050512", "姓名", "周杰", "户籍地区划代码", "341299201102",
                "居住地址", "x", "居住地区划代码", "341299100001", "登记日期", "2024-03-15"));
        assertThat(r).doesNotContain("3412991995050512");
    }

    private String reason(RawRow row) {
        IngestResult r = mapper.map(row, 1);
        assertThat(r).isInstanceOf(IngestResult.Rejected.class);
        return ((IngestResult.Rejected) r).reason();
    }
}
