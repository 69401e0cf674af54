package org.voterroll.roll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.voterroll.rules.Reason;

class ChangeBookTest {
    final ChangeBook book = new ChangeBook(LocalDate.of(2021, 11, 15));
    static final LocalDate ADULT = LocalDate.of(1980, 1, 1);

    ChangeBook.Current listed(String district, LocalDate birth) {
        return new ChangeBook.Current(1, "张伟", true, district, null, birth, false, false, false);
    }

    @Test
    void keptWhenInTheSameDistrict() {
        var c = book.compare(List.of(listed("D1", ADULT)), List.of(new ChangeBook.PreviousLine(1, "D1", "张伟")));
        assertThat(c.added()).isEmpty();
        assertThat(c.removed()).isEmpty();
    }

    @Test
    void movedBetweenDistrictsIsAddedAndRemoved() {
        var c = book.compare(List.of(listed("D2", ADULT)), List.of(new ChangeBook.PreviousLine(1, "D1", "张伟")));
        assertThat(c.added()).extracting(ChangeBook.Added::reason).containsExactly("迁入");
        assertThat(c.removed()).extracting(ChangeBook.Removed::reason).containsExactly("迁出");
    }

    @Test
    void addedReasons() {
        assertThat(book.compare(List.of(listed("D1", LocalDate.of(2003, 11, 16))), List.of()).added().get(0).reason()).isEqualTo("新满十八周岁");
        assertThat(book.compare(List.of(listed("D1", LocalDate.of(2003, 11, 15))), List.of()).added().get(0).reason()).isEqualTo("补登");
        var restored = new ChangeBook.Current(1, "张伟", true, "D1", null, ADULT, true, false, false);
        assertThat(book.compare(List.of(restored), List.of()).added().get(0).reason()).isEqualTo("恢复政治权利");
        var migrant = new ChangeBook.Current(1, "张伟", true, "D1", null, ADULT, false, true, false);
        assertThat(book.compare(List.of(migrant), List.of()).added().get(0).reason()).isEqualTo("迁入");
        var arrived = new ChangeBook.Current(1, "张伟", true, "D1", null, ADULT, false, false, true);
        assertThat(book.compare(List.of(arrived), List.of()).added().get(0).reason()).isEqualTo("迁入");
        var arrivedAt18 = new ChangeBook.Current(1, "张伟", true, "D1", null, LocalDate.of(2003, 11, 16), false, false, true);
        assertThat(book.compare(List.of(arrivedAt18), List.of()).added().get(0).reason()).isEqualTo("新满十八周岁");
    }

    @Test
    void removedReasonsAndDuplicateLines() {
        var dead = new ChangeBook.Current(1, "张伟", false, null, Reason.DECEASED, ADULT, false, false, false);
        assertThat(book.compare(List.of(dead), List.of(new ChangeBook.PreviousLine(1, "D1", "张伟"))).removed().get(0).reason()).isEqualTo("死亡");
        var c = book.compare(List.of(listed("D1", ADULT)),
                List.of(new ChangeBook.PreviousLine(1, "D1", "张伟"), new ChangeBook.PreviousLine(2, "D1", "张伟")));
        assertThat(c.removed()).extracting(ChangeBook.Removed::reason).containsExactly("其他");
        assertThat(book.compare(List.of(), List.of(new ChangeBook.PreviousLine(1, "D1", "张伟"))).removed().get(0).reason()).isEqualTo("其他");
    }

    @Test
    void sharedNumberLinesGoToThePersonWhoseNameAgrees() {
        var a = new ChangeBook.Current(1, "张伟", true, "D1", null, ADULT, false, false, false);
        var b = new ChangeBook.Current(2, "李娜", false, null, Reason.DECEASED, ADULT, false, false, false);
        var c = book.compare(List.of(a, b), List.of(new ChangeBook.PreviousLine(1, "D1", "张伟"), new ChangeBook.PreviousLine(2, "D1", "李娜")));
        assertThat(c.added()).isEmpty();
        assertThat(c.removed()).singleElement().satisfies(r -> {
            assertThat(r.personId()).isEqualTo(2L);
            assertThat(r.reason()).isEqualTo("死亡");
        });
    }
}
