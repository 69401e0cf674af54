package org.voterroll.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One doubtful record, one item naming every person it may be, best first (issue 18). */
class DoubtfulRecordsTest {
    static Raised review(String code, String township, String fingerprint) {
        return new Raised(code, Raised.Level.BLOCKING, township, null, "死亡记录仅凭模糊匹配关联到此人", "minzheng m.csv:7 [FUZZY]", fingerprint, 7L);
    }

    @Test
    void theItemsOfOneRecordAtTwoPersonsAreOneNamingBothBestFirst() {
        DoubtfulRecords.Item i = DoubtfulRecords.join(7, List.of(
                new DoubtfulRecords.Part(review("DEATH_REVIEW", "341299201", "LINK|h|b"), 2, "341299197703050332", "张成", 15.0),
                new DoubtfulRecords.Part(review("DEATH_REVIEW", "341299100", "LINK|h|a"), 1, "341299197703050113", "张成", 21.5)));
        assertThat(i.code()).isEqualTo("DEATH_REVIEW");
        assertThat(i.idNumbers()).isEqualTo("341299197703050113;341299197703050332");
        assertThat(i.names()).isEqualTo("张成;张成");
        assertThat(i.fingerprint()).as("the best candidate's link").isEqualTo("LINK|h|a");
        // the likelier one's township
        assertThat(i.township()).isEqualTo("341299100");
        assertThat(i.personId()).isEqualTo(1);
        assertThat(i.description()).startsWith("此记录可能是以下 2 人之一").contains("1. 张成：").contains("2. 张成：")
                .doesNotContain("县选举委员会办公室");
    }

    @Test
    void equallyLikelyCandidatesOfTwoTownshipsGoToTheCountyOffice() {
        DoubtfulRecords.Item i = DoubtfulRecords.join(7, List.of(
                new DoubtfulRecords.Part(review("DEATH_REVIEW", "341299201", "LINK|h|b"), 2, "341299197703050332", "张成", 12.0),
                new DoubtfulRecords.Part(review("DEATH_REVIEW", "341299100", "LINK|h|a"), 1, "341299197703050113", "张成", 12.0)));
        assertThat(i.township()).isNull();
        assertThat(i.district()).isNull();
        assertThat(i.description()).endsWith("同样可能的候选人分属不同乡镇，由县选举委员会办公室处理 (equally likely candidates of several townships: the county office's queue)");
        assertThat(i.evidence()).isEqualTo("minzheng m.csv:7 [FUZZY]");
    }

    @Test
    void candidatesOfOneTownshipStayInItsQueue() {
        DoubtfulRecords.Item i = DoubtfulRecords.join(7, List.of(
                new DoubtfulRecords.Part(review("DEATH_REVIEW", "341299100", "LINK|h|b"), 2, "341299197703050332", "张成", 15.0),
                new DoubtfulRecords.Part(review("DEATH_REVIEW", "341299100", "LINK|h|a"), 1, "341299197703050113", "张成", 21.5)));
        assertThat(i.township()).isEqualTo("341299100");
        assertThat(i.description()).doesNotContain("县选举委员会办公室");
    }

    @Test
    void aRecordOfOnePersonKeepsItsOwnText() {
        DoubtfulRecords.Item i = DoubtfulRecords.join(7, List.of(
                new DoubtfulRecords.Part(review("MATCH_REVIEW", "341299100", "LINK|h|a"), 1, "341299197703050113", "张成", 21.5)));
        assertThat(i.code()).isEqualTo("MATCH_REVIEW");
        assertThat(i.description()).isEqualTo("死亡记录仅凭模糊匹配关联到此人");
        assertThat(i.idNumbers()).isEqualTo("341299197703050113");
    }
}
