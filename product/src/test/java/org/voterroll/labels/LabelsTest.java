package org.voterroll.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void runStatusesReadInChinese() {
        assertThat(Labels.status("COMPLETED")).isEqualTo("已完成");
        assertThat(Labels.status("NEEDS_CONFIRMATION")).isEqualTo("待确认");
        assertThat(Labels.status("REFUSED")).isEqualTo("已拒绝发布");
        assertThat(Labels.status("FAILED")).isEqualTo("失败");
        assertThat(Labels.status("STARTED")).isEqualTo("进行中");
    }

    @Test
    void stepNamesIncludingEachSourcesLoadPartition() {
        assertThat(Labels.step("load")).isEqualTo("载入");
        assertThat(Labels.step("guard")).isEqualTo("发布前检查");
        assertThat(Labels.step("loadSource:source-huji")).isEqualTo("载入 公安户籍");
        assertThat(Labels.step("loadSource:source-shebao")).isEqualTo("载入 社保");
    }

    @Test
    void auditActionsAndTheirFilterList() {
        assertThat(Labels.auditAction("LOGIN")).isEqualTo("登录");
        assertThat(Labels.auditAction("DENIED")).isEqualTo("拒绝访问");
        assertThat(Labels.auditActions()).containsEntry("DOWNLOAD", "下载").doesNotContainValue(null).hasSize(9);
    }

    @Test
    void aCodeWithoutALabelIsShownAsItIsNotDropped() {
        assertThat(Labels.status("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(Labels.step("loadSource:source-nosuch")).isEqualTo("载入 nosuch");
        assertThat(Labels.step("county")).isEqualTo("county");
        assertThat(Labels.auditAction(null)).isEmpty();
    }
}
