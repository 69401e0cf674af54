package org.voterroll.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class NumberGroupResolverTest {
    private static final String N = "130104198711199789";
    private static long recs = 0;

    private static IdentityRecord rec(String source, String name) {
        return new IdentityRecord(++recs, source, N, "VALID", name, 'F', LocalDate.of(1987, 11, 19), null, "130104", null, null,
                "h" + recs, source + ".csv", (int) recs, null, null, null);
    }

    private static NameFrequencies register(String... names) {
        NameFrequencies f = new NameFrequencies();
        for (String n : names) f.add(n, 'F');
        return f;
    }

    private static final String LIVES_AT = "新市镇西河社区5幢301室";

    private static IdentityRecord residence(String area, LocalDate ended) {
        IdentityRecord r = rec("liudong", "吴兰燕");
        return new IdentityRecord(r.recId(), r.source(), r.idNumber(), r.idStatus(), r.name(), r.sex(), r.birthDate(), null,
                area, null, null, r.rowHash(), r.fileName(), r.lineNo(), ended, LIVES_AT, null);
    }

    @Test
    void anActiveResidenceElsewhereIsThePersonsSecondPlace() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("huji", "吴兰燕"), residence("130104102203", null)));
        assertEquals("130104", r.persons().get(0).areaCode());
        assertEquals("130104102203", r.persons().get(0).residenceArea());
        assertEquals("130104102203", r.persons().get(0).toParty().otherArea());
        assertEquals(LIVES_AT, r.persons().get(0).toParty().otherAddress());
    }

    @Test
    void aResidenceAtTheRegistersOwnPlaceGivesOnlyItsDwelling() {
        var home = new NumberGroupResolver().resolve(N, List.of(rec("huji", "吴兰燕"), residence("130104", null)));
        assertNull(home.persons().get(0).residenceArea());
        assertEquals(LIVES_AT, home.persons().get(0).residenceAddress());
    }

    @Test
    void anEndedResidenceGivesNoSecondPlace() {
        var ended = new NumberGroupResolver().resolve(N, List.of(rec("huji", "吴兰燕"), residence("130104102203", LocalDate.of(2024, 1, 1))));
        assertNull(ended.persons().get(0).residenceArea());
        assertNull(ended.persons().get(0).residenceAddress());
    }

    @Test
    void policeRecordsNameThePerson() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("huji", "吴兰燕"), rec("liudong", "吴澜燕")));
        assertEquals(1, r.persons().size());
        assertEquals("吴兰燕", r.persons().get(0).name());
        assertEquals(2, r.links().size());
        assertTrue(r.links().stream().allMatch(Link::certain));
    }

    @Test
    void outsideTheRegisterTheSpellingMostRecordsShareWins() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "陈荣"), rec("shebao", "陈荣"), rec("waidi", "陈蓉")));
        assertEquals("陈荣", r.persons().get(0).name());
    }

    @Test
    void outsideTheRegisterThePoliceResidenceRegistrationSpellsTheName() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("shebao", "吴澜燕"), rec("liudong", "吴兰燕"), rec("waidi", "吴澜燕")));
        assertEquals("吴兰燕", r.persons().get(0).name(), "homophones come from the other agencies");
        var twoResidences = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "陈蓉"), rec("shebao", "陈荣"), rec("liudong", "陈荣")));
        assertEquals("陈荣", twoResidences.persons().get(0).name(), "between police spellings the records' votes decide");
        var wildcard = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "张瑞*"), rec("waidi", "张瑞麟")));
        assertEquals("张瑞麟", wildcard.persons().get(0).name(), "a full spelling still comes first");
    }

    @Test
    void onATieTheSpellingOfCommonCharactersWins() {
        NameFrequencies county = register("李兰", "王兰芳", "刘兰华", "吴燕", "张澜");
        var r = new NumberGroupResolver(county).resolve(N, List.of(rec("shebao", "吴澜燕"), rec("waidi", "吴兰燕")));
        assertEquals("吴兰燕", r.persons().get(0).name());
        var reversed = new NumberGroupResolver(county).resolve(N, List.of(rec("shebao", "吴兰燕"), rec("waidi", "吴澜燕")));
        assertEquals("吴兰燕", reversed.persons().get(0).name());
    }

    @Test
    void withoutFrequenciesATieKeepsTheFirstRecord() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("shebao", "吴澜燕"), rec("waidi", "吴兰燕")));
        assertEquals("吴澜燕", r.persons().get(0).name());
    }

    @Test
    void aWildcardSpellingNeverNamesThePersonWhenAFullOneExists() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "张瑞*"), rec("tongji", "张瑞?"), rec("waidi", "张瑞麟")));
        assertEquals("张瑞麟", r.persons().get(0).name());
        var only = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "张瑞*"), rec("waidi", "张瑞?")));
        assertEquals("张瑞*", only.persons().get(0).name());
    }

    /** The residence registration could not type the rare character; the survey typed a homophone of another one. */
    @Test
    void aPoliceSpellingMissingARareCharacterIsCompletedFromAFullOne() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "王超?"), rec("tongji", "王钞赟"), rec("waidi", "王超?")));
        assertEquals("王超赟", r.persons().get(0).name());
        assertTrue(r.pending().isEmpty());
        assertEquals("王超赟", NumberGroupResolver.completed("王超?", "王钞赟"));
        assertNull(NumberGroupResolver.completed("王超?", "王超"), "another length");
        assertNull(NumberGroupResolver.completed("王超?", "李超赟"), "another name");
        assertNull(NumberGroupResolver.completed("王超赟", "王超赟"), "nothing to complete");
    }

    @Test
    void twoPoliceRecordsWithDifferentNamesAreTwoPeople() {
        var r = new NumberGroupResolver().resolve(N, List.of(rec("huji", "吴兰燕"), rec("huji", "赵刚"), rec("shebao", "赵刚")));
        assertEquals(2, r.persons().size());
        assertTrue(r.shared());
        Link shebao = r.links().stream().filter(l -> l.recId() == recs).findFirst().orElseThrow();
        assertTrue(shebao.certain());
        assertEquals(N + "#赵刚", shebao.personKey());
    }

    private static IdentityRecord withName(IdentityRecord r, String idStatus, String household, String formerName) {
        return new IdentityRecord(r.recId(), r.source(), r.idNumber(), idStatus, r.name(), r.sex(), r.birthDate(), r.birthMonth(),
                r.areaCode(), household, r.relation(), r.rowHash(), r.fileName(), r.lineNo(), r.endDate(), r.address(), formerName);
    }

    /** A number copied from another person's document names someone else: no certain link by the number, the record waits for fuzzy linking. */
    @Test
    void aRecordNamingSomeoneElseIsNotLinkedByTheNumber() {
        IdentityRecord copied = rec("waidi", "方丽");
        IdentityRecord twin = rec("minzheng", "吴兰芳");
        var r = new NumberGroupResolver().resolve(N, List.of(rec("huji", "吴兰燕"), copied, twin, rec("shebao", "吳蘭燕")));
        assertEquals(1, r.persons().size());
        assertEquals(List.of(copied, twin), r.pending(), "another name, and a twin's name one character apart");
        assertEquals(2, r.links().size());
        assertTrue(r.links().stream().allMatch(Link::certain));
    }

    @Test
    void spellingsOfThePersonsNameAndTheirFormerNameStillLink() {
        IdentityRecord huji = withName(rec("huji", "买买提·艾力"), "VALID", "hj:1", "买买提");
        List<IdentityRecord> spellings = List.of(rec("shebao", "买买提艾力"), rec("minzheng", "买买*·艾力"),
                rec("waidi", "买买提"), rec("liudong", "卖买提·艾力"));
        var r = new NumberGroupResolver().resolve(N, java.util.stream.Stream.concat(java.util.stream.Stream.of(huji), spellings.stream()).toList());
        assertTrue(r.pending().isEmpty(), "dot variants, a wildcard, the former name and a homophone are the person's");
        assertEquals(5, r.links().size());
    }

    @Test
    void outsideTheRegisterARecordDisagreeingWithTheChosenNameWaits() {
        IdentityRecord other = rec("waidi", "方丽");
        var r = new NumberGroupResolver().resolve(N, List.of(rec("liudong", "钱雪"), rec("shebao", "钱雪"), other));
        assertEquals("钱雪", r.persons().get(0).name());
        assertEquals(List.of(other), r.pending());
    }

    /** SOURCES.md's 一人多户 under the legacy 15-digit number, the name one character apart, in another household: one person. */
    @Test
    void aLegacyNumberInAnotherHouseholdOneCharacterApartIsThePersonRegisteredTwice() {
        IdentityRecord valid = withName(rec("huji", "王建国"), "VALID", "hj:1", null);
        IdentityRecord legacy = withName(rec("huji", "王建华"), "LEGACY15", "hj:2", null);
        var r = new NumberGroupResolver().resolve(N, List.of(valid, legacy, rec("shebao", "王建华")));
        assertEquals(1, r.persons().size());
        assertFalse(r.shared());
        assertEquals("王建国", r.persons().get(0).name());
        assertEquals(3, r.links().size(), "the other agency's record under the second spelling is the person's too");
        assertTrue(r.links().stream().allMatch(l -> l.certain() && l.personKey().equals(N)));

        IdentityRecord sameHousehold = withName(rec("huji", "王建华"), "LEGACY15", "hj:1", null);
        assertEquals(2, new NumberGroupResolver().resolve(N, List.of(valid, sameHousehold)).persons().size(), "twins of one household");
        IdentityRecord bothValid = withName(rec("huji", "王建华"), "VALID", "hj:2", null);
        assertEquals(2, new NumberGroupResolver().resolve(N, List.of(valid, bothValid)).persons().size(), "one 18-digit number twice");
        IdentityRecord otherSurname = withName(rec("huji", "李建国"), "LEGACY15", "hj:2", null);
        assertEquals(2, new NumberGroupResolver().resolve(N, List.of(valid, otherSurname)).persons().size(), "another family");
    }

    /**
     * Issue 18: twins 李明 and 李鸣 (one household, one birth date) have names that read alike. A death notice under 李明's
     * number spelt exactly 李鸣 is a homophone of 李明 and the very name of his twin: the number cannot say which of them
     * died, so it is no certain link to 李明 but waits for fuzzy linking, which names both for review; so does a homophone
     * of both (李铭). A row spelt 李明 is still his.
     */
    @Test
    void aHomophoneThatIsExactlyTheTwinsNameIsNotLinkedByTheNumber() {
        IdentityRecord ming = withName(rec("huji", "李明"), "VALID", "hj:7", null);
        Twins twins = new Twins();
        twins.add("hj:7", ming.birthDate(), "李明", null);
        twins.add("hj:7", ming.birthDate(), "李鸣", null);
        IdentityRecord twinsName = rec("minzheng", "李鸣");
        IdentityRecord bothTwins = rec("tongji", "李铭");
        IdentityRecord homophone = rec("tongji", "李明");
        var r = new NumberGroupResolver(new NameFrequencies(), twins).resolve(N, List.of(ming, twinsName, bothTwins, homophone));
        assertEquals(List.of(twinsName, bothTwins), r.pending());
        assertTrue(r.links().stream().noneMatch(l -> l.recId() == twinsName.recId()));
        assertTrue(r.links().stream().anyMatch(l -> l.recId() == homophone.recId() && l.certain()));

        var withoutTwin = new NumberGroupResolver().resolve(N, List.of(ming, twinsName));
        assertTrue(withoutTwin.pending().isEmpty(), "without a twin of that name the homophone is the person's");
    }

    /**
     * Issue 18, the first independent county at 1,000,000: twins 胡辛 and 胡馨 of one household; a death notice under
     * 胡辛's number spelt 胡鑫, which reads as either twin's name. It took 胡辛 off the roll by the number while the truth
     * was 胡馨's death. Such a notice waits for fuzzy linking (a DEATH_REVIEW naming both), and so does a survey row spelt
     * the same way (its 外出 would put one twin in the away book).
     */
    @Test
    void aNoticeSpeltAsAHomophoneOfBothTwinsIsNotLinkedByTheNumber() {
        IdentityRecord xin = withName(rec("huji", "胡辛"), "VALID", "hj:9", null);
        Twins twins = new Twins();
        twins.add("hj:9", xin.birthDate(), "胡辛", null);
        twins.add("hj:9", xin.birthDate(), "胡馨", null);
        IdentityRecord death = rec("minzheng", "胡鑫");
        IdentityRecord survey = rec("tongji", "胡鑫");
        var r = new NumberGroupResolver(new NameFrequencies(), twins).resolve(N, List.of(xin, death, survey));
        assertEquals(List.of(death, survey), r.pending());
        assertTrue(r.links().stream().noneMatch(l -> l.recId() == death.recId()));

        IdentityRecord ownName = rec("minzheng", "胡辛");
        var spelt = new NumberGroupResolver(new NameFrequencies(), twins).resolve(N, List.of(xin, ownName));
        assertTrue(spelt.pending().isEmpty(), "a notice spelt as the number's twin herself names her");
        IdentityRecord otherHomophone = rec("minzheng", "胡欣");
        var noTwin = new NumberGroupResolver().resolve(N, List.of(xin, otherHomophone));
        assertTrue(noTwin.pending().isEmpty(), "without a twin the homophone is the person's, as the number says");
    }

    /**
     * The first independent county at 1,000,000: twins 宋波 and 宋博; a social-insurance row under 宋波's number spelt 送博,
     * which reads as either twin, was 宋博's and listed 宋波 at the unit (工作单位 for 户籍地). No agency's row is linked by
     * the number when it names both twins; the police register's own rows are the twins.
     */
    @Test
    void aUnitRowSpeltAsAHomophoneOfBothTwinsIsNotLinkedByTheNumber() {
        IdentityRecord bo = withName(rec("huji", "宋波"), "VALID", "hj:11", null);
        Twins twins = new Twins();
        twins.add("hj:11", bo.birthDate(), "宋波", null);
        twins.add("hj:11", bo.birthDate(), "宋博", null);
        for (String source : List.of("shebao", "chaiqian", "liudong", "xuanwei", "waidi", "tongji", "minzheng")) {
            IdentityRecord row = rec(source, "送博");
            var r = new NumberGroupResolver(new NameFrequencies(), twins).resolve(N, List.of(bo, row));
            assertEquals(List.of(row), r.pending(), source);
        }
        IdentityRecord ownName = rec("shebao", "宋波");
        var r = new NumberGroupResolver(new NameFrequencies(), twins).resolve(N, List.of(bo, ownName));
        assertTrue(r.pending().isEmpty(), "spelt as the number's twin himself: his");
    }

    /**
     * The first independent county at 1,000,000: twins 梁虹 (a woman) and 梁宏 (a man); a woman's unit row 梁红 under her
     * number reads like both, but states her sex: it is hers, not her brother's.
     */
    @Test
    void aTwinOfTheOtherSexIsNotNamedByARecordThatStatesItsSex() {
        IdentityRecord hong = withName(rec("huji", "梁虹"), "VALID", "hj:12", null);
        Twins twins = new Twins();
        twins.add("hj:12", hong.birthDate(), "梁虹", 'F');
        twins.add("hj:12", hong.birthDate(), "梁宏", 'M');
        IdentityRecord unitRow = rec("shebao", "梁红");
        var r = new NumberGroupResolver(new NameFrequencies(), twins).resolve(N, List.of(hong, unitRow));
        assertTrue(r.pending().isEmpty(), "a woman's row names the woman");
        Twins sisters = new Twins();
        sisters.add("hj:12", hong.birthDate(), "梁虹", 'F');
        sisters.add("hj:12", hong.birthDate(), "梁宏", 'F');
        var both = new NumberGroupResolver(new NameFrequencies(), sisters).resolve(N, List.of(hong, unitRow));
        assertEquals(List.of(unitRow), both.pending(), "two sisters: either of them");
    }

    /**
     * A fourth independent county: 重号 where the second holder's sex and birth contradict the number (a man born 1974 and
     * a woman born 1966 under his number). She was taken for a mistyped number of nobody's and left off every roll; she is
     * the number's second person, and 重号 is raised (the result is shared).
     */
    @Test
    void aPoliceRowTheNumberContradictsIsItsSecondHolderWhenAnotherPoliceRowHoldsIt() {
        IdentityRecord holder = withName(rec("huji", "李芳"), "VALID", "hj:20", null);
        IdentityRecord second = new IdentityRecord(++recs, "huji", N, "VALID", "王洁雪", 'M', LocalDate.of(1966, 8, 12), null, "130104",
                "hj:21", null, "h" + recs, "huji.csv", (int) recs, null, null, null);
        var r = new NumberGroupResolver().resolve(N, List.of(second, holder));
        assertEquals(List.of(N, N + "#王洁雪"), r.persons().stream().map(PersonSeed::personKey).toList(), "the holder keeps the number's key");
        assertTrue(r.shared());
        assertTrue(r.pending().isEmpty());
        assertEquals(LocalDate.of(1966, 8, 12), r.persons().get(1).birthDate(), "her own birth, not the number's");

        var alone = new NumberGroupResolver().resolve(N, List.of(second));
        assertEquals(List.of(second), alone.pending(), "without a holder the number is her mistyped one");
    }

    @Test
    void commonnessCountsGivenNameCharactersBySex() {
        NameFrequencies f = register("李兰", "王兰", "杨丽");
        f.add("王伟飞", 'M');
        f.add("刘菲", 'F');
        assertEquals(2, f.count("兰".codePointAt(0), 'F'));
        assertEquals(0, f.count("兰".codePointAt(0), 'M'));
        assertEquals(0, f.count("杨".codePointAt(0), 'F'), "a surname is not a given-name character");
        assertEquals(0, f.count("澜".codePointAt(0), 'F'));
        assertTrue(f.commonness("吴兰", 'F') > f.commonness("吴澜", 'F'));
        assertTrue(f.commonness("王伟飞", 'M') > f.commonness("王伟菲", 'M'));
        assertTrue(f.commonness("董阳", 'F') >= f.commonness("董杨", 'F'));
        assertFalse(f.commonness("张*", 'F') > 0);
    }
}
