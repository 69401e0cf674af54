package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QueueFilterTest {
    static final Set<String> TYPES = Set.of("MATCH_REVIEW", "NO_DISTRICT");
    static final Map<String, String> DISTRICTS = Map.of("341299201-01", "河口乡第一选区");

    @Test
    void knownValuesAreKept() {
        QueueFilter f = QueueFilter.parse("MATCH_REVIEW", "blocking", "open", "341299201-01", "2", null, TYPES, DISTRICTS);
        assertThat(f.ok()).isTrue();
        assertThat(f).extracting(QueueFilter::type, QueueFilter::level, QueueFilter::state, QueueFilter::district, QueueFilter::page)
                .containsExactly("MATCH_REVIEW", "blocking", "open", "341299201-01", 2);
        assertThat(f.offset()).isEqualTo(50);
        QueueFilter none = QueueFilter.parse("", " ", null, "", null, null, TYPES, DISTRICTS);
        assertThat(none.ok()).isTrue();
        assertThat(none.type()).isNull();
        assertThat(none.page()).isEqualTo(1);
    }

    @Test
    void anUnknownValueIsAProblemInWordsNotEverything() {
        QueueFilter f = QueueFilter.parse("MATCH_REVEIW", "blocker", "closed", "341299100-02", "0", null, TYPES, DISTRICTS);
        assertThat(f.ok()).isFalse();
        assertThat(f.problems()).hasSize(5).anySatisfy(p -> assertThat(p).contains("MATCH_REVEIW", "异常类型"))
                .anySatisfy(p -> assertThat(p).contains("级别")).anySatisfy(p -> assertThat(p).contains("状态"))
                .anySatisfy(p -> assertThat(p).contains("341299100-02")).anySatisfy(p -> assertThat(p).contains("页码"));
        assertThat(QueueFilter.parse(null, null, null, null, "x", null, TYPES, DISTRICTS).problems()).singleElement().asString().contains("页码");
    }

    @Test
    void aNumberInAnyFormSearchesItsEighteenDigitForm() {
        // 15 digits are the legacy form of 341299830418143 → 341299198304181436 (19 inserted, check digit added)
        QueueFilter.Search legacy = QueueFilter.Search.of(" 341299 830418 143 ");
        assertThat(legacy.number()).isEqualTo("341299198304181436");
        assertThat(legacy.name()).isNull();
        assertThat(QueueFilter.Search.of("34129919830418143x").number()).isEqualTo("34129919830418143X");
        assertThat(QueueFilter.Search.of("3412 9919 8304 1814 36").number()).isEqualTo("341299198304181436");
        // part of a number is searched as it is
        assertThat(QueueFilter.Search.of("198304").number()).isEqualTo("198304");
        assertThat(QueueFilter.Search.of("341299198304181436").shown()).isEqualTo("341299********1436");
    }

    @Test
    void anythingElseIsAName() {
        QueueFilter.Search s = QueueFilter.Search.of(" 郑浩 ");
        assertThat(s.name()).isEqualTo("郑浩");
        assertThat(s.number()).isNull();
        assertThat(s.shown()).isEqualTo("郑浩");
        assertThat(QueueFilter.Search.of("  ")).isNull();
        assertThat(QueueFilter.pages(0)).isEqualTo(1);
        assertThat(QueueFilter.pages(50)).isEqualTo(1);
        assertThat(QueueFilter.pages(51)).isEqualTo(2);
    }

    @Test
    void pageLinksKeepTheFiltersAndNeverTheSearch() {
        QueueFilter f = QueueFilter.parse("MATCH_REVIEW", null, "open", null, "3", QueueFilter.Search.of("341299198304181436"), TYPES, DISTRICTS);
        assertThat(f.href("/township", 4)).isEqualTo("/township?type=MATCH_REVIEW&state=open&page=4");
        assertThat(f.href("/township", 1)).isEqualTo("/township?type=MATCH_REVIEW&state=open");
        assertThat(QueueFilter.parse(null, null, null, null, null, null, TYPES, DISTRICTS).href("/county", 1)).isEqualTo("/county");
        assertThat(QueueFilter.pageLinks(1, 1)).containsExactly(1);
        assertThat(QueueFilter.pageLinks(5, 11)).containsExactly(1, 0, 3, 4, 5, 6, 7, 0, 11);
        assertThat(QueueFilter.pageLinks(1, 4)).containsExactly(1, 2, 3, 4);
    }
}
