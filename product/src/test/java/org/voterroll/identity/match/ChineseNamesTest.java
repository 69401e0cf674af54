package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNamesTest {

    private static NameAgreement cmp(String a, String b) {
        NameAgreement ab = ChineseNames.compare(a, b);
        assertThat(ChineseNames.compare(b, a)).as("symmetry of %s / %s", a, b).isEqualTo(ab);
        return ab;
    }

    @Nested
    class Readings {

        @ParameterizedTest(name = "{0} reads {1}")
        @CsvSource({
                // surname readings the rules rely on: pinyin4j must have them
                "单, shan", "单, dan", "单, chan",
                "曾, zeng", "曾, ceng",
                "区, ou", "区, qu",
                "仇, qiu", "仇, chou",
                "解, xie", "解, jie",
                "查, zha", "查, cha",
                "朴, piao", "朴, pu",
                // other polyphonic surnames
                "尉, yu", "万, mo", "盖, ge", "缪, miao", "覃, qin", "翟, zhai", "秘, bi", "乐, yue",
                "长, zhang", "召, shao", "祭, zhai", "句, gou", "车, ju", "殷, yan", "种, chong",
                // the small supplement
                "能, nai", "能, neng", "蕃, pi", "黑, he", "黑, hei",
                // plain characters
                "王, wang", "丽, li", "莉, li", "张, zhang", "伟, wei", "玮, wei",
                // ü written as v, toneless and lowercase
                "吕, lv", "女, nv"
        })
        void hasReading(char c, String reading) {
            assertThat(ChineseNames.readings(c)).contains(reading);
        }

        @Test
        void readingsAreTonelessLowercaseLetters() {
            for (char c : "王丽莉张伟玮单善曾增区欧仇球解谢查扎朴瓢蒋经纬国吕绿".toCharArray()) {
                assertThat(ChineseNames.readings(c)).allMatch(r -> r.matches("[a-z]+"), "readings of " + c);
            }
        }

        @Test
        void polyphoneReadingsAreDistinctAndMostCommonFirst() {
            // pinyin4j lists 解 as jie3, jie4, xie4: toneless they collapse to jie, xie
            assertThat(ChineseNames.readings('解')).containsExactly("jie", "xie");
            assertThat(ChineseNames.readings('单').iterator().next()).isEqualTo("dan");
        }

        @ParameterizedTest
        @ValueSource(chars = {'*', '?', '\u00B7', 'A', 'z', '7', '-', '　'})
        void nonHanCharIsItsOwnReading(char c) {
            assertThat(ChineseNames.readings(c)).containsExactly(String.valueOf(c));
        }

        @Test
        void hanCharacterUnknownToPinyin4jIsItsOwnReading() {
            // U+3400 (CJK extension A) has no pinyin in pinyin4j
            assertThat(ChineseNames.readings('\u3400')).containsExactly("\u3400");
            // a supplementary-plane character (U+20000)
            int cp = 0x20000;
            assertThat(ChineseNames.readings(cp)).containsExactly(new String(Character.toChars(cp)));
        }

        @Test
        void readingsAreCachedAndUnmodifiable() {
            Set<String> first = ChineseNames.readings('曾');
            assertThat(ChineseNames.readings('曾')).isSameAs(first);
            assertThatThrownBy(() -> first.add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ChineseNames.readings('*').add("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Compare {

        @Test
        void exact() {
            assertThat(cmp("王丽", "王丽")).isEqualTo(NameAgreement.EXACT);
            assertThat(cmp("买买提·艾力", "买买提·艾力")).isEqualTo(NameAgreement.EXACT);
            assertThat(cmp("", "")).isEqualTo(NameAgreement.EXACT);
        }

        @ParameterizedTest(name = "{0} / {1} are homophones")
        @CsvSource({
                "王丽, 王莉",
                "张伟, 张玮",
                "王丽, 汪莉",       // tone differs (wang2 / wang1) and two characters differ
                "单磊, 善磊",       // 单 as surname: shan
                "曾华, 增华",       // 曾 zeng
                "区伟, 欧伟",       // 区 ou
                "仇军, 球军",       // 仇 qiu
                "解放, 谢放",       // 解 xie
                "查良镛, 扎良镛",    // 查 zha
                "朴成, 瓢成",       // 朴 piao
                "能静, 耐静",       // 能 nai (supplement)
                "陈明, 陳明"        // a traditional character left over shares the reading
        })
        void homophones(String a, String b) {
            assertThat(cmp(a, b)).isEqualTo(NameAgreement.HOMOPHONE);
        }

        @Test
        void polyphoneMatchesEachOfItsReadings() {
            // 单 reads dan, chan and shan: each counts
            assertThat(cmp("单磊", "丹磊")).isEqualTo(NameAgreement.HOMOPHONE);
            assertThat(cmp("单磊", "蝉磊")).isEqualTo(NameAgreement.HOMOPHONE);
            assertThat(cmp("单磊", "善磊")).isEqualTo(NameAgreement.HOMOPHONE);
            // but two characters sharing no reading are not homophones: 曾 (ceng, zeng) / 张
            assertThat(cmp("曾华", "张华")).isEqualTo(NameAgreement.ONE_CHAR);
        }

        @Test
        void siblingsDifferingInOneCharacterAreOneChar() {
            assertThat(cmp("蒋经国", "蒋纬国")).isEqualTo(NameAgreement.ONE_CHAR);
            assertThat(cmp("王丽", "王强")).isEqualTo(NameAgreement.ONE_CHAR);
            // a different surname is a different character too
            assertThat(cmp("王丽", "李丽")).isEqualTo(NameAgreement.ONE_CHAR);
            // look-alike characters (形近字) are not homophones: 己 ji / 已 yi
            assertThat(cmp("王己", "王已")).isEqualTo(NameAgreement.ONE_CHAR);
        }

        @Test
        void oneCharWithHomophonesElsewhereIsStillOneChar() {
            // 丽/莉 homophone, 华/强 not
            assertThat(cmp("王丽华", "王莉强")).isEqualTo(NameAgreement.ONE_CHAR);
        }

        @Test
        void twoNonHomophoneDifferencesAreDifferent() {
            assertThat(cmp("张伟明", "张强华")).isEqualTo(NameAgreement.DIFFERENT);
            assertThat(cmp("蒋经国", "李纬国")).isEqualTo(NameAgreement.DIFFERENT);
        }

        @ParameterizedTest(name = "{0} / {1}")
        @CsvSource({"张伟, 张伟明", "王, 王丽", "张*明, 张明", "买买提·艾力, 买买提", "'', 王"})
        void differentLengthsAreDifferent(String a, String b) {
            assertThat(cmp(a, b)).isEqualTo(NameAgreement.DIFFERENT);
        }

        @Test
        void middleDotVariants() {
            assertThat(cmp("买买提·艾力", "买买提艾力")).isEqualTo(NameAgreement.DOT_VARIANT);
            assertThat(cmp("买买提·艾力", "买买提艾·力")).isEqualTo(NameAgreement.DOT_VARIANT);
            assertThat(cmp("阿依古丽·买买提·托合提", "阿依古丽买买提托合提")).isEqualTo(NameAgreement.DOT_VARIANT);
        }

        @Test
        void dotVariantPlusHomophoneIsHomophone() {
            // 麦 and 买 both read mai
            assertThat(cmp("麦麦提·艾力", "买买提艾力")).isEqualTo(NameAgreement.HOMOPHONE);
        }

        @Test
        void wildcards() {
            assertThat(cmp("张*明", "张晓明")).isEqualTo(NameAgreement.WILDCARD);
            assertThat(cmp("张?明", "张晓明")).isEqualTo(NameAgreement.WILDCARD);
            assertThat(cmp("*晓明", "张晓明")).isEqualTo(NameAgreement.WILDCARD);
            assertThat(cmp("张*明", "张?明")).isEqualTo(NameAgreement.WILDCARD);
            assertThat(cmp("张**", "张晓明")).isEqualTo(NameAgreement.WILDCARD);
        }

        @Test
        void identicalNamesWithUnknownCharactersAreNotExact() {
            // the two unknown characters may well be different ones
            assertThat(cmp("张*明", "张*明")).isEqualTo(NameAgreement.WILDCARD);
        }

        @Test
        void wildcardCombinations() {
            assertThat(cmp("买买提·*力", "买买提艾力")).isEqualTo(NameAgreement.WILDCARD);
            assertThat(cmp("张*丽", "张晓莉")).isEqualTo(NameAgreement.HOMOPHONE);
            assertThat(cmp("张*明", "张晓亮")).isEqualTo(NameAgreement.ONE_CHAR);
            assertThat(cmp("张*明", "李晓亮")).isEqualTo(NameAgreement.DIFFERENT);
        }

        @Test
        void supplementaryCharactersCountAsOneCharacter() {
            String rare = "张" + new String(Character.toChars(0x20000)) + "明";
            assertThat(cmp(rare, rare)).isEqualTo(NameAgreement.EXACT);
            assertThat(cmp(rare, "张*明")).isEqualTo(NameAgreement.WILDCARD);
            assertThat(cmp(rare, "张晓明")).isEqualTo(NameAgreement.ONE_CHAR);
        }

        @Test
        void nullIsRejected() {
            assertThatThrownBy(() -> ChineseNames.compare(null, "王丽")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> ChineseNames.compare("王丽", null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void concurrentComparisonsAgree() throws Exception {
            String[][] pairs = {{"王丽", "王莉"}, {"蒋经国", "蒋纬国"}, {"单磊", "善磊"}, {"张*明", "张晓明"},
                    {"买买提·艾力", "买买提艾力"}, {"张伟", "张伟明"}, {"区伟", "欧伟"}};
            NameAgreement[] expected = {NameAgreement.HOMOPHONE, NameAgreement.ONE_CHAR, NameAgreement.HOMOPHONE,
                    NameAgreement.WILDCARD, NameAgreement.DOT_VARIANT, NameAgreement.DIFFERENT, NameAgreement.HOMOPHONE};
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> IntStream.range(0, 20_000).allMatch(i -> {
                        int k = i % pairs.length;
                        return ChineseNames.compare(pairs[k][0], pairs[k][1]) == expected[k];
                    })));
                }
                for (Future<Boolean> f : futures) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class SurnameKeys {

        @Test
        void singleSurname() {
            assertThat(ChineseNames.surnameKeys("王丽")).containsExactly("wang");
            assertThat(ChineseNames.surnameKeys("张伟")).containsExactly("zhang");
        }

        @Test
        void polyphonicSurnameGivesAllReadingsSorted() {
            assertThat(ChineseNames.surnameKeys("单磊")).containsExactly("chan", "dan", "shan");
            assertThat(ChineseNames.surnameKeys("曾华")).containsExactly("ceng", "zeng");
            assertThat(ChineseNames.surnameKeys("区伟")).containsExactly("ou", "qu");
            assertThat(ChineseNames.surnameKeys("解放")).containsExactly("jie", "xie");
        }

        @Test
        void homophoneSurnamesShareABlock() {
            assertThat(ChineseNames.surnameKeys("区伟")).containsAnyElementsOf(ChineseNames.surnameKeys("欧伟"));
            assertThat(ChineseNames.surnameKeys("单磊")).containsAnyElementsOf(ChineseNames.surnameKeys("善磊"));
            assertThat(ChineseNames.surnameKeys("朴成")).containsAnyElementsOf(ChineseNames.surnameKeys("瓢成"));
            assertThat(ChineseNames.surnameKeys("王丽")).doesNotContainAnyElementsOf(ChineseNames.surnameKeys("李丽"));
        }

        @Test
        void compoundSurnames() {
            assertThat(ChineseNames.surnameKeys("欧阳修")).containsExactly("ouyang");
            assertThat(ChineseNames.surnameKeys("司马光")).containsExactly("sima");
            assertThat(ChineseNames.surnameKeys("诸葛亮")).containsExactly("zhuge");
            assertThat(ChineseNames.surnameKeys("尉迟恭")).containsExactly("weichi", "yuchi");
            assertThat(ChineseNames.surnameKeys("长孙无忌")).containsExactly("changsun", "zhangsun");
            assertThat(ChineseNames.surnameKeys("上官婉儿")).containsExactly("shangguan");
        }

        @ParameterizedTest
        @ValueSource(strings = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
                "长孙", "宇文", "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "呼延", "申屠"})
        void everyListedCompoundSurnameIsKeyedOnBothCharacters(String surname) {
            List<String> keys = ChineseNames.surnameKeys(surname + "明");
            assertThat(keys).isNotEmpty().isSorted().doesNotHaveDuplicates();
            for (String k : keys) {
                assertThat(ChineseNames.readings(surname.charAt(0)).stream().anyMatch(k::startsWith)).isTrue();
                assertThat(ChineseNames.readings(surname.charAt(1)).stream().anyMatch(k::endsWith)).isTrue();
            }
            assertThat(ChineseNames.hasCompoundSurname(surname + "明")).isTrue();
        }

        @Test
        void twoCharacterNameIsNotACompoundSurname() {
            // 欧阳 alone is surname 欧 + given name 阳
            assertThat(ChineseNames.surnameKeys("欧阳")).containsExactly("ou");
            assertThat(ChineseNames.hasCompoundSurname("欧阳")).isFalse();
            // 欧杨明 is not a known compound surname
            assertThat(ChineseNames.surnameKeys("欧杨明")).containsExactly("ou");
        }

        @Test
        void unknownFirstCharacter() {
            assertThat(ChineseNames.surnameKeys("*明")).containsExactly("*");
            assertThat(ChineseNames.surnameKeys("?晓明")).containsExactly("*");
        }

        @Test
        void emptyNames() {
            assertThat(ChineseNames.surnameKeys(null)).isEmpty();
            assertThat(ChineseNames.surnameKeys("")).isEmpty();
            assertThat(ChineseNames.surnameKeys("·")).isEmpty();
        }

        @Test
        void minorityNameIgnoresDots() {
            assertThat(ChineseNames.surnameKeys("买买提·艾力")).containsExactly("mai");
        }
    }

    @Nested
    class PhoneticKey {

        @Test
        void oneReadingPerCharacter() {
            assertThat(ChineseNames.phoneticKey("王丽")).isEqualTo("wang li");
            assertThat(ChineseNames.phoneticKey("王莉")).isEqualTo("wang li");
            assertThat(ChineseNames.phoneticKey("吕女")).isEqualTo("lv nv");
        }

        @Test
        void dotsRemovedWildcardsKept() {
            assertThat(ChineseNames.phoneticKey("买买提·艾力")).isEqualTo("mai mai ti ai li");
            assertThat(ChineseNames.phoneticKey("张*明")).isEqualTo("zhang * ming");
        }

        @Test
        void nullAndEmpty() {
            assertThat(ChineseNames.phoneticKey(null)).isEmpty();
            assertThat(ChineseNames.phoneticKey("")).isEmpty();
        }
    }
}
