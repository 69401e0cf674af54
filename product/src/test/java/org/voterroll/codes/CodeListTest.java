package org.voterroll.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every fixed list of SOURCES.md, every value of it, and what load refuses of a delivered cell and why. */
class CodeListTest {
    /** The lists as SOURCES.md spells them, in its order: typed again here, so that a mistyped code fails. */
    static final Map<CodeList<?>, List<String>> SOURCES_MD = new LinkedHashMap<>();

    static {
        SOURCES_MD.put(HujiStatus.LIST, List.of("正常", "死亡", "迁出", "服兵役", "出国定居", "注销"));
        SOURCES_MD.put(InsuranceStatus.LIST, List.of("参保缴费", "暂停缴费", "终止参保"));
        SOURCES_MD.put(InsuranceEnd.LIST, List.of("死亡", "转出", "其他"));
        SOURCES_MD.put(ResidenceStatus.LIST, List.of("常住", "外出"));
        SOURCES_MD.put(AwayDestination.LIST, List.of("本县", "外县", "境外"));
        SOURCES_MD.put(ResettlementMode.LIST, List.of("产权调换", "货币补偿"));
        SOURCES_MD.put(RightsDecision.LIST, List.of("剥夺政治权利", "停止行使选举权利", "不能行使选举权利", "恢复政治权利"));
        SOURCES_MD.put(NoticeKind.LIST, List.of("已在外地登记", "原选区资格证明"));
    }

    @Test
    void everyListHoldsSourcesMdsValuesInItsOrder() {
        SOURCES_MD.forEach((list, values) ->
                assertThat(list.codes()).as(list.toString()).extracting(Code::value).containsExactlyElementsOf(values));
        assertThat(SOURCES_MD.keySet()).extracting(CodeList::toString).containsExactly("huji 人员状态", "shebao 参保状态",
                "shebao 终止原因", "tongji 居住状态", "tongji 外出去向", "chaiqian 安置方式", "xuanwei 类型", "waidi 类型");
    }

    @Test
    void everyValueParsesToItsCodeAsDeliveredWithSpaces() {
        SOURCES_MD.forEach((list, values) -> {
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                Code code = list.codes().get(i);
                assertThat(list.parse(v)).as(v).isSameAs(code);
                assertThat(list.parse("  " + v + " \t")).as("surrounding spaces").isSameAs(code);
                assertThat(list.parse("\u3000" + v + "\u3000")).as("ideographic spaces around").isSameAs(code);
                String inner = v.charAt(0) + " " + v.substring(1, v.length() - 1) + "\u3000" + v.charAt(v.length() - 1);
                assertThat(list.parse(inner)).as("spaces inside: " + inner).isSameAs(code);
                assertThat(list.find(v).orElseThrow()).as("stored " + v).isSameAs(code);
            }
        });
    }

    @Test
    void anEmptyCellIsRejectedAsMissing() {
        SOURCES_MD.keySet().forEach(list -> {
            for (String empty : new String[] {null, "", "   ", "\u3000", " \u3000\t"}) {
                assertThatThrownBy(() -> list.parse(empty)).as(list + " [" + empty + "]").isInstanceOf(CodeList.RejectedValue.class)
                        .hasMessage(list.header() + "为空 (required value missing)");
            }
        });
    }

    @Test
    void aValueOffTheListIsRejectedNamingTheColumnAndTheValueWithoutSpaces() {
        assertThatThrownBy(() -> HujiStatus.LIST.parse("失踪")).isInstanceOf(CodeList.RejectedValue.class)
                .hasMessage("人员状态取值无效 (unknown value): 失踪");
        assertThatThrownBy(() -> HujiStatus.LIST.parse(" 已 死亡 ")).hasMessage("人员状态取值无效 (unknown value): 已死亡");
        // another list's value, the same list's in a part or with more, another script, a control character inside
        assertThatThrownBy(() -> HujiStatus.LIST.parse("外出")).hasMessage("人员状态取值无效 (unknown value): 外出");
        assertThatThrownBy(() -> HujiStatus.LIST.parse("正")).hasMessage("人员状态取值无效 (unknown value): 正");
        assertThatThrownBy(() -> HujiStatus.LIST.parse("正常户")).hasMessage("人员状态取值无效 (unknown value): 正常户");
        assertThatThrownBy(() -> HujiStatus.LIST.parse("遷出")).hasMessage("人员状态取值无效 (unknown value): 遷出");
        assertThatThrownBy(() -> HujiStatus.LIST.parse("正\t常")).hasMessage("人员状态取值无效 (unknown value): 正\t常");
        assertThatThrownBy(() -> HujiStatus.LIST.parse("NORMAL")).hasMessage("人员状态取值无效 (unknown value): NORMAL");
        assertThatThrownBy(() -> InsuranceStatus.LIST.parse("终止")).hasMessage("参保状态取值无效 (unknown value): 终止");
        assertThatThrownBy(() -> ResidenceStatus.LIST.parse("外县")).hasMessage("居住状态取值无效 (unknown value): 外县");
        assertThatThrownBy(() -> ResettlementMode.LIST.parse("现金")).hasMessage("安置方式取值无效 (unknown value): 现金");
        assertThatThrownBy(() -> RightsDecision.LIST.parse("剥夺政治权力")).hasMessage("类型取值无效 (unknown value): 剥夺政治权力");
        assertThatThrownBy(() -> NoticeKind.LIST.parse("资格证明")).hasMessage("类型取值无效 (unknown value): 资格证明");
        // every list refuses every other list's values (the 死亡 of 终止原因 is also 人员状态's)
        SOURCES_MD.forEach((list, values) -> SOURCES_MD.forEach((other, its) -> {
            for (String v : its) {
                if (values.contains(v)) continue;
                assertThatThrownBy(() -> list.parse(v)).as(list + " " + v).hasMessage(list.header() + "取值无效 (unknown value): " + v);
            }
        }));
    }

    @Test
    void aStoredValueIsFoundOnlyAsItIs() {
        assertThat(HujiStatus.LIST.find("死亡")).containsSame(HujiStatus.DECEASED);
        assertThat(InsuranceEnd.LIST.find("死亡")).containsSame(InsuranceEnd.DEATH);
        assertThat(HujiStatus.LIST.find(null)).isEmpty();
        assertThat(HujiStatus.LIST.find("")).isEmpty();
        assertThat(HujiStatus.LIST.find(" 正常")).isEmpty();
        assertThat(HujiStatus.LIST.find("正 常")).isEmpty();
        // the unchecked lists keep the agency's text: off the list, no code
        assertThat(AwayDestination.LIST.find("外省")).isEmpty();
        assertThat(InsuranceEnd.LIST.find("退休")).isEmpty();
    }

    @Test
    void onlyTheDestinationInTheCountyIsInsideIt() {
        assertThat(AwayDestination.IN_COUNTY.outsideCounty()).isFalse();
        assertThat(AwayDestination.OTHER_COUNTY.outsideCounty()).isTrue();
        assertThat(AwayDestination.ABROAD.outsideCounty()).isTrue();
    }

    @Test
    void loadChecksTheListsOfRequiredColumnsAsStatusAndKind() {
        List<String> status = new ArrayList<>(), kind = new ArrayList<>();
        for (Source s : Source.values()) {
            s.statusList().ifPresent(l -> {
                assertThat(l.source()).isSameAs(s);
                assertThat(s.required()).contains(l.header());
                status.add(l.toString());
            });
            s.kindList().ifPresent(l -> {
                assertThat(l.source()).isSameAs(s);
                assertThat(s.required()).contains(l.header());
                kind.add(l.toString());
            });
        }
        assertThat(status).containsExactly("huji 人员状态", "shebao 参保状态", "tongji 居住状态", "chaiqian 安置方式");
        assertThat(kind).containsExactly("xuanwei 类型", "waidi 类型");
    }

    @Test
    void sourcesByPrefixAndFileName() {
        for (Source s : Source.values()) {
            assertThat(Source.ofPrefix(s.prefix())).containsSame(s);
            assertThat(Source.ofFileName(s.prefix() + "_20261201.csv")).containsSame(s);
            assertThat(s.headers()).startsWith(s.required().toArray(String[]::new)).hasSize(s.required().size() + s.optional().size());
        }
        assertThat(Source.values()).extracting(Source::prefix)
                .containsExactly("huji", "liudong", "shebao", "tongji", "chaiqian", "minzheng", "xuanwei", "waidi");
        assertThat(Source.ofFileName("SHEBAO_part2.xlsx")).containsSame(Source.SHEBAO);
        assertThat(Source.ofFileName("huji.csv")).containsSame(Source.HUJI);
        assertThat(Source.ofFileName("xuanqu.csv")).isEmpty();
        assertThat(Source.ofPrefix("HUJI")).isEmpty();
        assertThat(Source.ofPrefix("")).isEmpty();
    }

    @Test
    void aListOnAColumnItsSourceLacksIsRefusedAtOnce() {
        assertThatThrownBy(() -> new CodeList<>(Source.MINZHENG, "人员状态", HujiStatus.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MINZHENG has no column 人员状态");
    }
}
