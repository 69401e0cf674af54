package org.voterroll.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class WaterfallTest {
    static final String EVIDENCE = "NAME=EXACT(+11.6) SEX=AGREE(+1.0) BIRTH=SAME_DATE(+14.3) ID_SHAPE=DIFFERENT(-5.6) AREA=MISSING(+0.0) total=+21.3";

    @Test
    void parsesTheStoredEvidenceString() {
        List<FieldWeight> w = Waterfall.parse(EVIDENCE);
        assertThat(w).extracting(FieldWeight::field).containsExactly(MatchModel.NAME, MatchModel.SEX, MatchModel.BIRTH, MatchModel.ID_SHAPE, MatchModel.AREA);
        assertThat(w.get(3).weight()).isEqualTo(-5.6);
        assertThat(Waterfall.parse("号码相同")).isEmpty();
        assertThat(Waterfall.parse(null)).isEmpty();
    }

    @Test
    void describesInChineseWithTheTotal() {
        assertThat(Waterfall.describe(EVIDENCE)).isEqualTo("姓名 相同 +11.6；性别 相同 +1.0；出生日期 同年同月同日 +14.3；身份号码 不同 -5.6；区划 缺少，不计 +0.0；合计 +21.3")
                .doesNotContainPattern("[A-Za-z]");
        assertThat(Waterfall.describe("号码相同")).isEqualTo("号码相同");
    }

    @Test
    void eachBarRunsFromTheTotalBeforeItToTheTotalAfterIt() {
        Waterfall chart = Waterfall.of(Waterfall.parse(EVIDENCE), new Thresholds(28.4, 14.0));
        List<Waterfall.Bar> bars = chart.bars();
        assertThat(bars).hasSize(6);
        for (int i = 1; i < 5; i++) assertThat(bars.get(i).from()).isCloseTo(bars.get(i - 1).to(), within(1e-9));
        // a negative weight is drawn leftwards from where the previous bar ended
        Waterfall.Bar id = bars.get(3);
        assertThat(id.positive()).isFalse();
        assertThat(id.x() + id.width()).isCloseTo(bars.get(2).x() + bars.get(2).width(), within(1e-6));
        // the total bar starts at zero and ends where the last field ended
        Waterfall.Bar total = bars.get(5);
        assertThat(total.label()).isEqualTo("合计");
        assertThat(total.x()).isCloseTo(chart.zeroX(), within(1e-6));
        assertThat(total.x() + total.width()).isCloseTo(bars.get(4).x() + bars.get(4).width(), within(1.0));
        assertThat(chart.total()).isCloseTo(21.3, within(1e-9));
        // rows go down the chart, a missing field still shows as a hairline
        assertThat(bars).extracting(Waterfall.Bar::y).isSorted();
        assertThat(bars.get(4).width()).isEqualTo(1);
    }

    @Test
    void thresholdsSitOnTheSameScaleAndDecideTheTotal() {
        Waterfall chart = Waterfall.of(Waterfall.parse(EVIDENCE), new Thresholds(28.4, 14.0));
        Waterfall.Line lower = chart.lines().get(0), upper = chart.lines().get(1);
        assertThat(lower.x()).isLessThan(upper.x());
        assertThat(lower.label()).isEqualTo("下限 14.0");
        // 21.3 lies between 14.0 and 28.4, on the scale as well as in words
        double end = chart.bars().get(5).x() + chart.bars().get(5).width();
        assertThat(end).isBetween(lower.x(), upper.x());
        assertThat(chart.decision()).contains("人工核对");
        // every bar and line is inside the plot
        for (Waterfall.Bar b : chart.bars()) assertThat(b.x()).isGreaterThanOrEqualTo(Waterfall.LEFT);
        for (Waterfall.Bar b : chart.bars()) assertThat(b.x() + b.width()).isLessThanOrEqualTo(Waterfall.LEFT + Waterfall.PLOT + 1);
        assertThat(Waterfall.of(List.of(), Thresholds.defaults())).isNull();
        Waterfall high = Waterfall.of(Waterfall.parse("NAME=EXACT(+11.6) ID_SHAPE=EQUAL(+89.7)"), Thresholds.defaults());
        assertThat(high.decision()).contains("同一人");
        assertThat(high.lines().get(1).x()).isLessThan(high.bars().get(2).x() + high.bars().get(2).width());
    }
}
