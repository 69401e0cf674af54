package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voterroll.identity.match.Fixtures.BORN;
import static org.voterroll.identity.match.Fixtures.ID;
import static org.voterroll.identity.match.Fixtures.ID_NEAR;
import static org.voterroll.identity.match.Fixtures.ID_ONE_DIGIT;
import static org.voterroll.identity.match.Fixtures.ID_OTHER_VALID;
import static org.voterroll.identity.match.Fixtures.OTHER_COUNTY;
import static org.voterroll.identity.match.Fixtures.OTHER_TOWNSHIP;
import static org.voterroll.identity.match.Fixtures.VILLAGE;
import static org.voterroll.identity.match.Fixtures.VILLAGE_2;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each comparison on its own: one pair for every level it has, and every level reached by some pair. */
class ComparisonsTest {

    private static final PartyView E = PartyView.empty();

    /** Every level of the comparison is the outcome of exactly the pair given for it. */
    private static <L extends Enum<L> & Comparison.Level> void exhaustive(Comparison<L> c, Map<L, PartyView[]> pairs) {
        for (Map.Entry<L, PartyView[]> e : pairs.entrySet()) {
            assertThat(c.compare(e.getValue()[0], e.getValue()[1])).as(c + " " + e.getKey()).isEqualTo(e.getKey());
        }
        EnumSet<L> all = EnumSet.noneOf(e(pairs));
        all.addAll(c.levels());
        all.add(c.missing());
        assertThat(pairs.keySet()).as(c + ": every level has its pair").containsExactlyInAnyOrderElementsOf(all);
        for (L l : all) {
            assertThat(l.comparison()).isSameAs(c);
            assertThat(l.label()).as(l.name()).isNotBlank();
            assertThat(c.level(l.name())).contains(l);
            assertThat(l.prior() == null).as(l.name() + ": only MISSING has no weight").isEqualTo(l == c.missing());
        }
        assertThat(MatchModel.field(c.name())).contains(c);
    }

    @SuppressWarnings("unchecked")
    private static <L extends Enum<L>> Class<L> e(Map<L, ?> pairs) {
        return (Class<L>) pairs.keySet().iterator().next().getDeclaringClass();
    }

    private static PartyView[] pair(PartyView a, PartyView b) {
        return new PartyView[] {a, b};
    }

    private static PartyView name(String n) {
        return E.withName(n);
    }

    @Test
    void name() {
        Map<NameComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(NameComparison.Level.EXACT, pair(name("王丽"), name("王丽")));
        p.put(NameComparison.Level.WILDCARD, pair(name("张*明"), name("张晓明")));
        p.put(NameComparison.Level.DOT_VARIANT, pair(name("买买提·艾力"), name("买买提艾力")));
        p.put(NameComparison.Level.HOMOPHONE, pair(name("王丽"), name("王莉")));
        p.put(NameComparison.Level.FORMER_NAME, pair(name("李秀英").withFormerName("张秀英"), name("张秀英")));
        p.put(NameComparison.Level.ONE_CHAR, pair(name("蒋经国"), name("蒋纬国")));
        p.put(NameComparison.Level.DIFFERENT, pair(name("王丽"), name("陈建国")));
        p.put(NameComparison.Level.MISSING, pair(name("王丽"), name(" ")));
        exhaustive(MatchModel.NAME, p);
        assertThat(NameComparison.Level.ONE_CHAR.disagrees()).isTrue();
        assertThat(NameComparison.Level.FORMER_NAME.disagrees()).isFalse();
    }

    @Test
    void sex() {
        Map<SexComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(SexComparison.Level.AGREE, pair(E.withSex('f'), E.withSex('F')));
        p.put(SexComparison.Level.DISAGREE, pair(E.withSex('M'), E.withSex('F')));
        p.put(SexComparison.Level.MISSING, pair(E.withSex('U'), E.withSex('F')));
        exhaustive(MatchModel.SEX, p);
        // a sex known only from a number a typo apart in its sex digit says nothing of its own
        String otherSex = IdShapeTest.setChar(ID, 16, ID.charAt(16) == '3' ? '4' : '3');
        assertThat(MatchModel.SEX.compare(E.withIdNumber(ID).withSex('M').withFromNumber(true, false),
                E.withIdNumber(otherSex).withSex('F'))).isEqualTo(SexComparison.Level.MISSING);
    }

    @Test
    void birth() {
        Map<BirthComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(BirthComparison.Level.SAME_DATE, pair(E.withBirthDate(BORN), E.withBirthDate(BORN)));
        p.put(BirthComparison.Level.SAME_MONTH, pair(E.withBirthDate(BORN), E.withBirthMonth(YearMonth.from(BORN))));
        p.put(BirthComparison.Level.DAY_OFF, pair(E.withBirthDate(BORN), E.withBirthDate(BORN.plusDays(9))));
        p.put(BirthComparison.Level.DIFFERENT, pair(E.withBirthDate(BORN), E.withBirthDate(BORN.plusYears(1))));
        p.put(BirthComparison.Level.MISSING, pair(E.withBirthDate(BORN), E));
        exhaustive(MatchModel.BIRTH, p);
    }

    @Test
    void idShape() {
        String invalid = IdShapeTest.setChar(ID, 17, ID.charAt(17) == '0' ? '1' : '0');
        // positions 15 and 16 of ID differ (…12123): swapped, they make an invalid number
        String swapped = ID.substring(0, 14) + ID.charAt(15) + ID.charAt(14) + ID.substring(16);
        Map<IdShapeComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(IdShapeComparison.Level.EQUAL, pair(E.withIdNumber(ID).withName("王丽"), E.withIdNumber(ID).withName("王丽")));
        p.put(IdShapeComparison.Level.EQUAL_OTHER_NAME, pair(E.withIdNumber(ID).withName("王丽"), E.withIdNumber(ID).withName("陈建国")));
        p.put(IdShapeComparison.Level.EQUAL_INVALID, pair(E.withIdNumber(invalid), E.withIdNumber(invalid)));
        p.put(IdShapeComparison.Level.ONE_DIGIT, pair(E.withIdNumber(ID), E.withIdNumber(ID_ONE_DIGIT)));
        p.put(IdShapeComparison.Level.ADJACENT_SWAP, pair(E.withIdNumber(ID), E.withIdNumber(swapped)));
        p.put(IdShapeComparison.Level.NEAR, pair(E.withIdNumber(ID), E.withIdNumber(ID_NEAR)));
        p.put(IdShapeComparison.Level.DIFFERENT, pair(E.withIdNumber(ID), E.withIdNumber(ID_OTHER_VALID)));
        p.put(IdShapeComparison.Level.MISSING, pair(E.withIdNumber(ID), E));
        exhaustive(MatchModel.ID_SHAPE, p);
    }

    @Test
    void area() {
        Map<AreaComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(AreaComparison.Level.SAME_VILLAGE, pair(E.withAreaCode(VILLAGE), E.withAreaCode(VILLAGE)));
        p.put(AreaComparison.Level.SAME_TOWNSHIP, pair(E.withAreaCode(VILLAGE), E.withAreaCode(VILLAGE_2)));
        p.put(AreaComparison.Level.SAME_COUNTY, pair(E.withAreaCode(VILLAGE), E.withAreaCode(OTHER_TOWNSHIP)));
        p.put(AreaComparison.Level.DIFFERENT, pair(E.withAreaCode(VILLAGE), E.withAreaCode(OTHER_COUNTY)));
        p.put(AreaComparison.Level.MISSING, pair(E.withAreaCode(VILLAGE), E.withAreaCode("33a")));
        exhaustive(MatchModel.AREA, p);
        // the closer of a person's two places counts
        assertThat(MatchModel.AREA.compare(E.withAreaCode(OTHER_COUNTY).withOtherPlace(VILLAGE, null), E.withAreaCode(VILLAGE)))
                .isEqualTo(AreaComparison.Level.SAME_VILLAGE);
    }

    @Test
    void household() {
        Map<HouseholdComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(HouseholdComparison.Level.SAME_HOUSEHOLD, pair(E.withHousehold("H-1", "户主"), E.withHousehold("H-1", "户主")));
        p.put(HouseholdComparison.Level.SAME_HOUSEHOLD_RELATION_CONFLICT, pair(E.withHousehold("H-1", "户主"), E.withHousehold("H-1", "子")));
        p.put(HouseholdComparison.Level.DIFFERENT, pair(E.withHousehold("H-1", "户主"), E.withHousehold("H-2", "户主")));
        p.put(HouseholdComparison.Level.MISSING, pair(E.withHousehold("H-1", "户主"), E.withHousehold("chaiqian:H-1", "户主")));
        exhaustive(MatchModel.HOUSEHOLD, p);
    }

    @Test
    void address() {
        Map<AddressComparison.Level, PartyView[]> p = new LinkedHashMap<>();
        p.put(AddressComparison.Level.SAME_DWELLING, pair(E.withAddress("东风村三组十二号"), E.withAddress("东风村三组12号")));
        p.put(AddressComparison.Level.MISSING, pair(E.withAddress("东风村三组十二号"), E.withAddress("红旗村一组五号")));
        exhaustive(MatchModel.ADDRESS, p);
        // an address is written within its village: the same text in two villages is two dwellings, in a village and its
        // own township (or with a place unknown) one
        String other = VILLAGE.substring(0, 9) + "299";
        assertThat(MatchModel.ADDRESS.compare(E.withAddress("人民路27号").withAreaCode(VILLAGE), E.withAddress("人民路27号").withAreaCode(other)))
                .isEqualTo(AddressComparison.Level.MISSING);
        assertThat(MatchModel.ADDRESS.compare(E.withAddress("人民路27号").withAreaCode(VILLAGE),
                E.withAddress("人民路27号").withAreaCode(VILLAGE.substring(0, 9)))).isEqualTo(AddressComparison.Level.SAME_DWELLING);
        assertThat(MatchModel.ADDRESS.compare(E.withAddress("人民路27号").withAreaCode(VILLAGE), E.withAddress("人民路27号")))
                .isEqualTo(AddressComparison.Level.SAME_DWELLING);
        // where a person lives: the residence's address in the residence's village
        assertThat(MatchModel.ADDRESS.compare(E.withAreaCode(other).withOtherPlace(VILLAGE, "人民路27号"),
                E.withAddress("人民路27号").withAreaCode(VILLAGE))).isEqualTo(AddressComparison.Level.SAME_DWELLING);
        assertThat(MatchModel.ADDRESS.compare(E.withAreaCode(VILLAGE).withOtherPlace(other, "人民路27号"),
                E.withAddress("人民路27号").withAreaCode(VILLAGE))).isEqualTo(AddressComparison.Level.MISSING);
    }

    @Test
    void theModelListsEveryComparisonOnceInScoreOrder() {
        assertThat(MatchModel.FIELDS).extracting(Comparison::name)
                .containsExactly("NAME", "SEX", "BIRTH", "ID_SHAPE", "AREA", "HOUSEHOLD", "ADDRESS");
        assertThat(MatchModel.FIELDS).extracting(Comparison::label).containsExactly("姓名", "性别", "出生日期", "身份号码", "区划", "户", "地址");
        assertThat(MatchModel.field("STREET")).isEmpty();
    }
}
