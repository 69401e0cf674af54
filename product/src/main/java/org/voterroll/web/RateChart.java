package org.voterroll.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.voterroll.province.ProvinceBoard;

/**
 * The counties' registration rates side by side as a horizontal bar chart, laid out here and drawn by the template as inline
 * SVG (no script, no external resource: the page's CSP allows neither). The axis runs from 0 to 100 %, so bars of different
 * counties compare honestly; the rate is written beside each bar. A county without a completed run has no bar, said so.
 */
record RateChart(List<Bar> bars, List<Tick> ticks, int width, int height) {
    static final int LABEL = 170, PLOT = 420, ROW = 26, TOP = 24;

    record Bar(String label, int y, int width, String text, boolean none) {}

    record Tick(int x, String label) {}

    static RateChart of(List<ProvinceBoard.CountyRow> counties) {
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (ProvinceBoard.CountyRow c : counties) {
            String label = (c.countyName() == null ? c.jobName() : c.countyName()) + (c.countyCode() == null ? "" : "（" + c.countyCode() + "）");
            Double rate = c.rate();
            bars.add(new Bar(label, y, rate == null ? 0 : (int) Math.round(Math.min(1, rate) * PLOT),
                    rate == null ? "无已完成的运行" : percent(rate), rate == null));
            y += ROW;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) ticks.add(new Tick(LABEL + PLOT * p / 100, p + "%"));
        return new RateChart(bars, ticks, LABEL + PLOT + 110, y + 6);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }

    public int plotLeft() {
        return LABEL;
    }

    public int plotBottom() {
        return height - 4;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
