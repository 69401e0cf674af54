package org.voterroll.roll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** report.html speaks to a clerk: reasons, exception types, sources and states in Chinese, townships by name, one percent format. */
class ReportPageTest {

    @Test
    void everyCodeAClerkReadsIsInChinese() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runId", "349901-20261205-003045");
        s.put("county", Map.of("code", "349901", "name", "样例县"));
        s.put("electionDay", "2026-12-15");
        s.put("startedAt", "2026-12-05T00:30:45");
        s.put("finishedAt", "2026-12-05T00:30:54");
        s.put("total", Map.of("listed", 2523, "away", 21, "inMigrants", 74, "added", Map.of("新满十八周岁", 157),
                "removed", Map.of("死亡", 18), "notListed", Map.of("UNDER_18", 429, "DECEASED", 22, "REGISTERED_ELSEWHERE", 3)));
        s.put("registrationRate", 0.98554);
        s.put("registrationRateByTownship", Map.of("349901101", 0.98554));
        s.put("exceptionsByTownship", Map.of("349901101", Map.of("MATCH_REVIEW", 2, "INMIGRANT_ELIGIBLE", 53)));
        s.put("sources", List.of(
                Map.of("source", "huji", "state", "FRESH", "note", "1 file(s)", "files", List.of(Map.of()), "read", 3012,
                        "accepted", 3009, "rejected", 3, "repaired", 188),
                Map.of("source", "tongji", "state", "PREVIOUS", "note", "本次未送达 (not delivered tonight); 沿用上次快照 (the previous snapshot stays in force)",
                        "read", 0, "accepted", 0, "rejected", 0, "repaired", 0)));
        s.put("districts", List.of(Map.of("code", "349901101-01", "name", "东山镇第1选区", "township", "349901101", "listed", 976, "away", 10)));

        String html = new ReportPage().render(s);

        assertThat(html).contains("未满十八周岁", "死亡", "已在外地登记", "关联待核对", "流入人员可登记", "公安户籍", "统计", "本次送达",
                "沿用上次快照", "1 个文件", "本次未送达; 沿用上次快照", "东山镇（349901101）", "登记率 98.55 %", ">98.55 %<",
                "2026-12-05 00:30:45");
        assertThat(html).doesNotContain("UNDER_18", "DECEASED", "REGISTERED_ELSEWHERE", "MATCH_REVIEW", "INMIGRANT_ELIGIBLE", ">huji<",
                ">tongji<", "FRESH", "PREVIOUS", "file(s)", "not delivered", "0.98554", "98.6%", "T00:30");
    }
}
