package org.voterroll.roll;

import java.util.List;
import java.util.Map;

import org.apache.commons.text.StringEscapeUtils;

/** report.html: the run's figures for people, with bar charts drawn as inline SVG (no external resources). */
final class ReportPage {

    @SuppressWarnings("unchecked")
    String render(Map<String, Object> s) {
        StringBuilder h = new StringBuilder(16_384);
        Map<String, Object> county = (Map<String, Object>) s.get("county");
        Map<String, Object> total = (Map<String, Object>) s.get("total");
        // townships have no name of their own in xuanqu.csv: the one their districts' names begin with (东山镇第1选区)
        Map<String, String> townships = new java.util.LinkedHashMap<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) s.get("districts")) {
            var m = TOWNSHIP_NAME.matcher(String.valueOf(d.get("name")));
            if (d.get("township") != null && m.find()) townships.putIfAbsent(d.get("township").toString(), m.group(1));
        }
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>选民登记核对报告 ")
                .append(esc(s.get("runId"))).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}th{background:#eee}td.n{text-align:right}")
                .append("h2{margin-top:2em;border-bottom:1px solid #ccc}</style></head><body>");
        h.append("<h1>").append(esc(county.get("name"))).append(" 选民登记核对报告</h1>");
        h.append("<p>运行编号 ").append(esc(s.get("runId"))).append("；选举日 ").append(esc(s.get("electionDay")))
                .append("；开始 ").append(esc(time(s.get("startedAt")))).append("；结束 ").append(esc(time(s.get("finishedAt")))).append("</p>");
        h.append("<p>登记选民 <b>").append(esc(total.get("listed"))).append("</b> 人；登记率 ").append(esc(Labels.percent((Number) s.get("registrationRate"))))
                .append("；外出 ").append(esc(total.get("away"))).append("；流入人员 ").append(esc(total.get("inMigrants"))).append("</p>");

        h.append("<h2>各乡镇登记率</h2>").append(bars(keys((Map<String, Object>) s.get("registrationRateByTownship"), k -> township(townships, k)), true));
        h.append("<h2>新增（按原因）</h2>").append(bars((Map<String, Object>) total.get("added"), false));
        h.append("<h2>除名（按原因）</h2>").append(bars((Map<String, Object>) total.get("removed"), false));
        h.append("<h2>未列入（按原因）</h2>").append(bars(keys((Map<String, Object>) total.get("notListed"), ReportPage::reason), false));

        h.append("<h2>异常事项（按类型、乡镇）</h2><table><tr><th>乡镇</th><th>类型</th><th>数量</th></tr>");
        for (var t : ((Map<String, Map<String, Object>>) s.get("exceptionsByTownship")).entrySet()) {
            for (var c : t.getValue().entrySet()) {
                h.append("<tr><td>").append(esc(township(townships, t.getKey()))).append("</td><td>").append(esc(Labels.exception(c.getKey()))).append("</td><td class=\"n\">")
                        .append(esc(c.getValue())).append("</td></tr>");
            }
        }
        h.append("</table>");

        h.append("<h2>各来源读入情况</h2><table><tr><th>来源</th><th>状态</th><th>读入</th><th>接受</th><th>拒收</th><th>修正</th><th>说明</th></tr>");
        for (Map<String, Object> src : (List<Map<String, Object>>) s.get("sources")) {
            h.append("<tr><td>").append(esc(source(src.get("source")))).append("</td><td>").append(esc(Labels.sourceState((String) src.get("state")))).append("</td><td class=\"n\">")
                    .append(esc(src.get("read"))).append("</td><td class=\"n\">").append(esc(src.get("accepted"))).append("</td><td class=\"n\">")
                    .append(esc(src.get("rejected"))).append("</td><td class=\"n\">").append(esc(src.get("repaired"))).append("</td><td>")
                    .append(esc(note(src))).append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>各来源读入（图）</h2>");
        java.util.LinkedHashMap<String, Object> read = new java.util.LinkedHashMap<>();
        for (Map<String, Object> src : (List<Map<String, Object>>) s.get("sources")) read.put(source(src.get("source")), src.get("read"));
        h.append(bars(read, false));

        h.append("<h2>各选区</h2><table><tr><th>选区编码</th><th>名称</th><th>乡镇</th><th>选民</th><th>外出</th></tr>");
        for (Map<String, Object> d : (List<Map<String, Object>>) s.get("districts")) {
            h.append("<tr><td>").append(esc(d.get("code"))).append("</td><td>").append(esc(d.get("name"))).append("</td><td>")
                    .append(esc(township(townships, (String) d.get("township")))).append("</td><td class=\"n\">").append(esc(d.get("listed")))
                    .append("</td><td class=\"n\">").append(esc(d.get("away"))).append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        return h.toString();
    }

    /** A horizontal bar chart; ratios are drawn against 1, counts against the largest value. */
    private static String bars(Map<String, Object> values, boolean ratio) {
        if (values == null || values.isEmpty()) return "<p>（无）</p>";
        double max = ratio ? 1 : values.values().stream().mapToDouble(v -> v == null ? 0 : ((Number) v).doubleValue()).max().orElse(1);
        if (max <= 0) max = 1;
        int rowH = 22, width = 640, label = 180;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (width + label + 80) + "\" height=\""
                + (values.size() * rowH + 10) + "\" role=\"img\">");
        int y = 5;
        for (var e : values.entrySet()) {
            double v = e.getValue() == null ? 0 : ((Number) e.getValue()).doubleValue();
            int w = (int) Math.round(width * v / max);
            b.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"13\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"16\" fill=\"#4a7ab5\"/>")
                    .append("<text x=\"").append(label + w + 6).append("\" y=\"").append(y + 15).append("\" font-size=\"13\">")
                    .append(ratio ? Labels.percent(v) : String.valueOf((long) v)).append("</text>");
            y += rowH;
        }
        return b.append("</svg>").toString();
    }

    private static final java.util.regex.Pattern TOWNSHIP_NAME = java.util.regex.Pattern.compile("^(.+?(?:街道|镇|乡))");
    private static final java.util.regex.Pattern ENGLISH_GLOSS = java.util.regex.Pattern.compile("\\s*\\([^()]*[A-Za-z][^()]*\\)");

    /** A township by name with its code beside it: 东山镇（349901101）. */
    private static String township(Map<String, String> names, String code) {
        if (code == null || code.isBlank() || code.equals("null")) return "县选举委员会办公室";
        String name = names.get(code);
        return name == null ? code : name + "（" + code + "）";
    }

    private static String reason(String code) {
        try {
            return org.voterroll.rules.Reason.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String source(Object prefix) {
        String p = String.valueOf(prefix);
        return org.voterroll.codes.Source.ofFileName(p).map(org.voterroll.codes.Source::label).orElse(p);
    }

    /** The note of a source in Chinese: "3 file(s)" as 3 个文件; the English glosses of the engine's messages left out. */
    private static String note(Map<String, Object> src) {
        if ("FRESH".equals(src.get("state")) && src.get("files") instanceof List<?> files) return files.size() + " 个文件";
        return src.get("note") == null ? "" : ENGLISH_GLOSS.matcher(src.get("note").toString()).replaceAll("");
    }

    private static String time(Object iso) {
        return iso == null ? "" : iso.toString().replace('T', ' ');
    }

    private static Map<String, Object> keys(Map<String, Object> values, java.util.function.UnaryOperator<String> label) {
        if (values == null) return null;
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (var e : values.entrySet()) m.put(label.apply(e.getKey()), e.getValue());
        return m;
    }

    private static String esc(Object o) {
        return o == null ? "" : StringEscapeUtils.escapeHtml4(o.toString());
    }
}
