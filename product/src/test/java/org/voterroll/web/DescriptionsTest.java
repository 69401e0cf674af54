package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DescriptionsTest {
    static final Map<String, String> NAMES = Map.of("349901101-10", "东山镇第10选区", "349901101-01", "东山镇第1选区");

    @Test
    void theEnglishGlossGoesAndDistrictsAreNamed() {
        assertThat(Descriptions.forClerk("不确定的关联会改变选区：若为同一人，则列入 349901101-10(工作单位)；现为列入 349901101-01(户籍地) "
                + "(an uncertain link would change this person's listing or district)", NAMES))
                .isEqualTo("不确定的关联会改变选区：若为同一人，则列入 东山镇第10选区（349901101-10）(工作单位)；现为列入 东山镇第1选区（349901101-01）(户籍地)");
        assertThat(Descriptions.forClerk("社保记录死亡，户籍仍为正常，请通知公安更新 (death recorded by shebao, police register still says 正常)", NAMES))
                .isEqualTo("社保记录死亡，户籍仍为正常，请通知公安更新");
    }

    @Test
    void aSourceInBracketsIsNamedInChinese() {
        assertThat(Descriptions.forClerk("号码校验不通过且无法确定关联到任何人 (huji)，请核对号码 (invalid number, linked to nobody for certain)", NAMES))
                .isEqualTo("号码校验不通过且无法确定关联到任何人（公安户籍），请核对号码");
    }

    @Test
    void anUnknownDistrictKeepsItsCodeAndNullStaysNull() {
        assertThat(Descriptions.forClerk("安置地选区 349901102-01 不同", NAMES)).isEqualTo("安置地选区 349901102-01 不同");
        assertThat(Descriptions.forClerk(null, NAMES)).isNull();
    }

    @Test
    void evidenceNamesSourcesAndMethodsInChineseAndKeepsFileNames() {
        assertThat(Descriptions.evidenceForClerk("liudong liudong_20261201.csv:5 [FUZZY 19.2]")).isEqualTo("流动人口 liudong_20261201.csv:5 [疑似匹配 19.2]");
        assertThat(Descriptions.evidenceForClerk("huji huji_20261201.csv:22409; minzheng minzheng_20261201.csv:3"))
                .isEqualTo("公安户籍 huji_20261201.csv:22409; 民政殡葬 minzheng_20261201.csv:3");
        assertThat(Descriptions.evidenceForClerk(null)).isNull();
    }
}
