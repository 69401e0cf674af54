package org.voterroll.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.voterroll.identity.match.NameFrequency;

class NameCountsTest {

    private static NameCounts county(String[] wanted, String... persons) {
        NameCounts c = new NameCounts();
        for (String w : wanted) c.want(w);
        for (String p : persons) c.count(p);
        return c;
    }

    @Test
    void countsBearersSoundAlikesAndFittersOfWantedNamesOnly() {
        NameCounts c = county(new String[] {"王丽", "王*华", "张伟"},
                "王丽", "王丽", "王莉", "王立", "李丽", "王建华", "王国华", "王华", "王建国", "张伟", "赵四");
        assertThat(c.of("王丽")).isEqualTo(new NameFrequency(2, 4, 0, 11));
        assertThat(c.of("张伟")).isEqualTo(new NameFrequency(1, 1, 0, 11));
        assertThat(c.of("王*华")).isEqualTo(new NameFrequency(0, 0, 2, 11));
        assertThat(c.of("王?华")).as("'?' is the same unknown character").isEqualTo(new NameFrequency(0, 0, 2, 11));
        assertThat(c.of("赵四")).as("not wanted").isNull();
    }

    @Test
    void dotsAndSpacesDoNotMatter() {
        NameCounts c = county(new String[] {"买买提·艾力", " 王丽 "}, "买买提艾力", "买买提·艾力", "王丽");
        assertThat(c.of("买买提艾力").sameName()).isEqualTo(2);
        assertThat(c.of("王丽").sameName()).isEqualTo(1);
    }

    @Test
    void anUnknownCharacterMayStandForOneOutsideTheBasicPlane() {
        String rare = "王" + new String(Character.toChars(0x2A6A5)) + "明";
        NameCounts c = county(new String[] {"王*明"}, rare, "王小明", "王明");
        assertThat(c.of("王*明").fitting()).isEqualTo(2);
    }

    @Test
    void namesWithSeveralUnknownCharactersOrNoPersonsHaveNoFrequency() {
        NameCounts c = county(new String[] {"王**", "王丽"});
        assertThat(c.of("王丽")).as("no persons counted").isNull();
        c.count("王丽");
        assertThat(c.of("王**")).isNull();
        assertThat(c.of("")).isNull();
        assertThat(c.of(null)).isNull();
        assertThat(c.of("王丽")).isEqualTo(new NameFrequency(1, 1, 0, 1));
    }

    @Test
    void personsWithAnUnknownCharacterCountAsPersonsButFitNothing() {
        NameCounts c = county(new String[] {"王丽"}, "王*", "王丽", null);
        assertThat(c.of("王丽")).isEqualTo(new NameFrequency(1, 1, 0, 3));
    }
}
