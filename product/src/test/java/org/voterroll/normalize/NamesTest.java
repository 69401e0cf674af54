package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @Test
    void cleanSimplifiedNameIsUntouched() {
        String raw = new String("王丽".toCharArray());
        Normalized<String> n = Names.normalize(raw);
        assertThat(n.value()).isSameAs(raw);
        assertThat(n.repairs()).isEmpty();
        assertThat(n.repaired()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "陳志遠, 陈志远",
        "劉德華, 刘德华",
        "歐陽鋒, 欧阳锋",
        "張國榮, 张国荣",
        "蕭何, 萧何",
        "馮鞏, 冯巩",
        "鄭成功, 郑成功",
        "嚴復, 严复",
        "陳麗, 陈丽"
    })
    void traditionalToSimplified(String raw, String expected) {
        Normalized<String> n = Names.normalize(raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.repairs()).containsExactly("繁体转简体");
    }

    @Test
    void mixedTraditionalAndSimplified() {
        Normalized<String> n = Names.normalize("陈志遠");
        assertThat(n.value()).isEqualTo("陈志远");
        assertThat(n.repairs()).containsExactly("繁体转简体");
    }

    @ParameterizedTest
    @ValueSource(strings = {"於梨华", "乾隆", "姊妹", "俱文", "著名", "慰藉", "瞭望", "李昇", "吒", "夥计"})
    void standardCharactersThatLookTraditionalAreKept(String raw) {
        Normalized<String> n = Names.normalize(raw);
        assertThat(n.value()).isEqualTo(raw);
        assertThat(n.repairs()).isEmpty();
    }

    @Test
    void traditionalMiddleDotName() {
        Normalized<String> n = Names.normalize("買買提•艾力");
        assertThat(n.value()).isEqualTo("买买提·艾力");
        assertThat(n.repairs()).containsExactly("繁体转简体", "间隔号统一");
    }

    @ParameterizedTest
    @ValueSource(strings = {"王　丽 ", "王 丽", " 王丽", "王丽　", "王\u00A0丽", "王\t丽", "王\u200B丽", "\uFEFF王 丽", "王  丽"})
    void whitespaceIsRemoved(String raw) {
        Normalized<String> n = Names.normalize(raw);
        assertThat(n.value()).isEqualTo("王丽");
    }

    @Test
    void innerWhitespaceIsARepair() {
        assertThat(Names.normalize("王　丽 ").repairs()).containsExactly("去除空格");
        assertThat(Names.normalize("王 丽").repairs()).containsExactly("去除空格");
    }

    @Test
    void surroundingWhitespaceAloneIsNotARepair() {
        Normalized<String> n = Names.normalize("  王丽\u3000");
        assertThat(n.value()).isEqualTo("王丽");
        assertThat(n.repairs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"张*明", "张?明", "*明", "张**", "??"})
    void wildcardsAreKept(String raw) {
        Normalized<String> n = Names.normalize(raw);
        assertThat(n.value()).isEqualTo(raw);
        assertThat(n.repairs()).isEmpty();
    }

    @Test
    void fullWidthWildcardsBecomeAscii() {
        assertThat(Names.normalize("张＊明").value()).isEqualTo("张*明");
        assertThat(Names.normalize("张＊明").repairs()).containsExactly("全角字符转半角");
        assertThat(Names.normalize("张？明").value()).isEqualTo("张?明");
        assertThat(Names.normalize("＊＊").value()).isEqualTo("**");
    }

    @Test
    void replacementCharacterBecomesAWildcard() {
        Normalized<String> n = Names.normalize("张\uFFFD明");
        assertThat(n.value()).isEqualTo("张?明");
        assertThat(n.repairs()).containsExactly("乱码字符转通配符");
    }

    @Test
    void fullWidthLettersBecomeHalfWidth() {
        Normalized<String> n = Names.normalize("ＪＯＨＮ　ｓｍｉｔｈ");
        assertThat(n.value()).isEqualTo("JOHNsmith");
        assertThat(n.repairs()).containsExactly("去除空格", "全角字符转半角");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u2022", ".", "\u30FB", "\uFF65", "\u25AA", "\u2027", "\uFF0E", "\u2219", "\u22C5"})
    void middleDotVariantsBetweenHanAreUnified(String dot) {
        Normalized<String> n = Names.normalize("买买提" + dot + "艾力");
        assertThat(n.value()).isEqualTo("买买提·艾力");
        assertThat(n.repairs()).containsExactly("间隔号统一");
    }

    @Test
    void standardMiddleDotIsNotARepair() {
        Normalized<String> n = Names.normalize("买买提·艾力");
        assertThat(n.value()).isEqualTo("买买提·艾力");
        assertThat(n.repairs()).isEmpty();
    }

    @Test
    void severalDotsInOneName() {
        assertThat(Names.normalize("阿卜杜拉•买买提.艾力").value()).isEqualTo("阿卜杜拉·买买提·艾力");
    }

    @Test
    void dotSurroundedBySpaces() {
        Normalized<String> n = Names.normalize("买买提 • 艾力");
        assertThat(n.value()).isEqualTo("买买提·艾力");
        assertThat(n.repairs()).containsExactly("去除空格", "间隔号统一");
        assertThat(Names.normalize("买买提 · 艾力").repairs()).containsExactly("去除空格");
    }

    @Test
    void runOfDotsBecomesOne() {
        assertThat(Names.normalize("买买提..艾力").value()).isEqualTo("买买提·艾力");
        assertThat(Names.normalize("买买提·•艾力").value()).isEqualTo("买买提·艾力");
        assertThat(Names.normalize("买买提··艾力").repairs()).containsExactly("间隔号统一");
    }

    @Test
    void dotNextToAWildcardCounts() {
        assertThat(Names.normalize("买买提.*力").value()).isEqualTo("买买提·*力");
        assertThat(Names.normalize("*•艾力").value()).isEqualTo("*·艾力");
    }

    @Test
    void dotsNotBetweenHanAreLeftAlone() {
        assertThat(Names.normalize("J.Smith").value()).isEqualTo("J.Smith");
        assertThat(Names.normalize("J.Smith").repairs()).isEmpty();
        assertThat(Names.normalize("艾力.").value()).isEqualTo("艾力.");
        assertThat(Names.normalize("•艾力").value()).isEqualTo("•艾力");
        assertThat(Names.normalize("艾力.Smith").value()).isEqualTo("艾力.Smith");
    }

    @Test
    void dotFollowingATraditionalCharacterIsUnifiedToo() {
        assertThat(Names.normalize("買買提．艾力").value()).isEqualTo("买买提·艾力");
    }

    @Test
    void compatibilityIdeographBecomesUnified() {
        Normalized<String> n = Names.normalize("\uF90A小明"); // CJK COMPATIBILITY IDEOGRAPH-F90A = 金
        assertThat(n.value()).isEqualTo("金小明");
        assertThat(n.repairs()).containsExactly("兼容汉字转标准汉字");
    }

    @Test
    void supplementaryHanCharactersAreKept() {
        String raw = "王\uD840\uDC00"; // U+20000
        Normalized<String> n = Names.normalize(raw);
        assertThat(n.value()).isEqualTo(raw);
        assertThat(n.repairs()).isEmpty();
        String withSpaces = " 王 \uD840\uDC00 ";
        assertThat(Names.normalize(withSpaces).value()).isEqualTo(raw);
    }

    @Test
    void allRepairsAreReportedInAFixedOrder() {
        Normalized<String> n = Names.normalize(" 買 買提•艾力＊\uFFFD");
        assertThat(n.value()).isEqualTo("买买提·艾力*?");
        assertThat(n.repairs()).containsExactly("去除空格", "全角字符转半角", "繁体转简体", "间隔号统一", "乱码字符转通配符");
    }

    @Test
    void latinAndOtherScriptsPassThrough() {
        assertThat(Names.normalize("Anna-Lena").value()).isEqualTo("Anna-Lena");
        assertThat(Names.normalize("김민수").value()).isEqualTo("김민수");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\u00A0 \t", "\u200B"})
    void blankIsInvalid(String raw) {
        assertThatThrownBy(() -> Names.normalize(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("姓名");
    }

    @Test
    void withoutDots() {
        assertThat(Names.withoutDots("买买提·艾力")).isEqualTo("买买提艾力");
        assertThat(Names.withoutDots("阿卜杜拉·买买提·艾力")).isEqualTo("阿卜杜拉买买提艾力");
        assertThat(Names.withoutDots("王丽")).isEqualTo("王丽");
        assertThat(Names.withoutDots(null)).isNull();
    }

    @Test
    void dottedAndUndottedFormsShareAKey() {
        List<String> forms = List.of("买买提·艾力", "买买提艾力", "買買提•艾力", "买买提 . 艾力", "买买提・艾力", "买买提▪艾力");
        for (String form : forms) {
            assertThat(Names.withoutDots(Names.normalize(form).value())).as(form).isEqualTo("买买提艾力");
        }
    }

    @Test
    void repairsAreUnmodifiable() {
        Normalized<String> n = Names.normalize("陳志遠");
        assertThatThrownBy(() -> n.repairs().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void idempotent() {
        for (String raw : List.of("陳志遠", "買買提•艾力", "王　丽 ", "张＊明", "ＪＯＨＮ", "\uF90A小明")) {
            String once = Names.normalize(raw).value();
            Normalized<String> twice = Names.normalize(once);
            assertThat(twice.value()).isEqualTo(once);
            assertThat(twice.repairs()).as(raw).isEmpty();
        }
    }

    @Test
    void threadSafeUnderConcurrentFirstUse() {
        // distinct traditional characters that other tests are unlikely to have cached yet
        Map<String, String> expected = Map.of(
                "龔龐鄧", "龚庞邓",
                "譚韋蘇", "谭韦苏",
                "顧賴戴", "顾赖戴",
                "盧薛錢", "卢薛钱");
        Map<String, String> seen = new ConcurrentHashMap<>();
        List<String> keys = List.copyOf(expected.keySet());
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            String raw = keys.get(i % keys.size());
            String value = Names.normalize(raw).value();
            String previous = seen.putIfAbsent(raw, value);
            if (previous != null && !previous.equals(value)) {
                throw new AssertionError("inconsistent result for " + raw);
            }
        });
        assertThat(seen).isEqualTo(expected);
    }
}
