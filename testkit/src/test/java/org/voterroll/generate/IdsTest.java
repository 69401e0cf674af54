package org.voterroll.generate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    @Test
    void checkDigitOfKnownNumbers() {
        // numbers of the spec's examples
        assertThat(Ids.valid18("341299198003120138")).isTrue();
        assertThat(Ids.valid18("341299197710101329")).isTrue();
        assertThat(Ids.valid18("341299197710103129")).isFalse(); // two swapped digits
        assertThat(Ids.check("11010519491231002")).isEqualTo('X');
        assertThat(Ids.valid18("11010519491231002X")).isTrue();
        assertThat(Ids.valid18("11010519491231002x")).isFalse();
        assertThat(Ids.valid18("1101051949123100")).isFalse();
    }

    @Test
    void legacyFifteenDigitConversion() {
        assertThat(Ids.to18("341299800312013")).isEqualTo("341299198003120138");
        assertThat(Ids.to15("341299198003120138")).isEqualTo("341299800312013");
        // sequence 996-999 is reserved for centenarians: 18xx
        assertThat(Ids.to18("110105051231997")).startsWith("11010518051231997");
    }

    @Test
    void buildEncodesBirthAndSex() {
        String id = Ids.build("349901", LocalDate.of(2008, 2, 29), 37);
        assertThat(id).hasSize(18).startsWith("34990120080229037");
        assertThat(Ids.valid18(id)).isTrue();
        assertThat(Ids.male(id)).isTrue();
        assertThat(Ids.birth(id)).isEqualTo(LocalDate.of(2008, 2, 29));
    }

    @Test
    void neighboursOfATypoContainTheOriginal() {
        String id = "341299197710101329";
        String swapped = "341299197710103129";
        List<String> nb = Ids.neighbours(swapped);
        assertThat(nb).contains(id).allMatch(Ids::valid18).doesNotContain(swapped);
        String wrongCheck = id.substring(0, 17) + "5";
        assertThat(Ids.neighbours(wrongCheck)).contains(id);
        assertThat(Ids.distance17(id, swapped)).isEqualTo(2);
    }

    @Test
    void messKeepsTheNumberRecognisable() {
        Rng r = new Rng(1);
        for (int i = 0; i < 200; i++) {
            String m = Ids.mess("34990119800312013X", r);
            StringBuilder b = new StringBuilder();
            for (char c : m.toCharArray()) {
                if (c >= '０' && c <= '９') {
                    b.append((char) (c - '０' + '0'));
                } else if (Character.isDigit(c) || c == 'X' || c == 'x') {
                    b.append(Character.toUpperCase(c));
                }
            }
            assertThat(b.toString()).isEqualTo("34990119800312013X");
        }
    }

    @Test
    void longHashSetGrowsAndRejectsZero() {
        LongHashSet s = new LongHashSet(4);
        for (long k = 1; k <= 100_000; k++) {
            assertThat(s.add(k * 7919)).isTrue();
        }
        assertThat(s.add(7919)).isFalse();
        assertThat(s.size()).isEqualTo(100_000);
        assertThat(s.contains(7919L * 50_000)).isTrue();
        assertThat(s.contains(7918)).isFalse();
        assertThat(s.capacity()).isGreaterThanOrEqualTo(131_072);
        assertThatThrownBy(() -> s.add(0)).isInstanceOf(IllegalArgumentException.class);
        s.clear();
        assertThat(s.contains(7919)).isFalse();
    }

    @Test
    void namesGiveHomophonesAndTraditionalSpellings() {
        Names n = new Names();
        assertThat(n.homophoneCount()).isGreaterThan(50);
        assertThat(n.traditional("陈伟")).isEqualTo("陳偉");
        assertThat(n.spellings("王丽")).isNotEmpty().isEqualTo(n.spellings("王莉"));
        Rng r = new Rng(3);
        String h = n.homophone("王丽", 1, r);
        assertThat(h).isNotNull().startsWith("王").isNotEqualTo("王丽");
        assertThat(n.spellings(h)).containsAnyElementsOf(n.spellings("王丽"));
        long[] a = new long[8];
        long[] b = new long[8];
        assertThat(n.spellingHashes("王丽", a)).isEqualTo(n.spellingHashes("王莉", b));
        assertThat(a[0]).isEqualTo(b[0]);
        int k = n.spellingHashes("买买提·艾力", a);
        assertThat(n.spellingHashes("买买提艾力", b)).isEqualTo(k);
        assertThat(a).isEqualTo(b);
    }
}
