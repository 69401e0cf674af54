package org.voterroll.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.voterroll.normalize.IdNumbers;

/**
 * What a clerk asked of a queue: type, level, state (open / decided), district, search and page, read from the request. A
 * value the queue does not know is a problem in words, never silently "everything". The search is a name or an identity
 * number in any form (15 or 18 digits, lower-case x, spaces), which reaches the server by POST and stays in the session.
 */
public record QueueFilter(String type, String level, String state, String district, Search search, int page, List<String> problems) {
    static final int PAGE_SIZE = 50;

    /** A number (normalised to the 18-character form where it can be) or part of a name. */
    public record Search(String text, String number, String name) implements java.io.Serializable {
        static Search of(String typed) {
            if (typed == null || typed.isBlank()) return null;
            String t = typed.strip();
            String compact = t.replaceAll("[\\s\\u3000-]", "");
            if (compact.matches("[0-9０-９]{6,17}[0-9０-９Xx×]?")) {
                IdNumbers.Parsed p = IdNumbers.parse(compact);
                String n = p.number() != null ? p.number() : compact.toUpperCase(java.util.Locale.ROOT);
                return new Search(t, n, null);
            }
            return new Search(t, null, t);
        }

        /** What the page shows of the search: a number only masked, as on the posting list, so it does not stay on screen in full. */
        public String shown() {
            if (number == null) return name;
            return number.length() > 10 ? number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4) : number;
        }
    }

    static QueueFilter parse(String type, String level, String state, String district, String page, Search search,
                             Set<String> types, Map<String, String> districts) {
        List<String> problems = new ArrayList<>();
        type = blank(type);
        level = blank(level);
        state = blank(state);
        district = blank(district);
        if (type != null && !types.contains(type)) {
            problems.add("没有“" + type + "”这种异常类型，请从列表中选择");
            type = null;
        }
        if (level != null && !List.of("blocking", "info").contains(level)) {
            problems.add("级别只能是阻断或提示，“" + level + "”无法识别");
            level = null;
        }
        if (state != null && !List.of("open", "decided").contains(state)) {
            problems.add("状态只能是待处理或已处理，“" + state + "”无法识别");
            state = null;
        }
        if (district != null && !districts.containsKey(district)) {
            problems.add("选区“" + district + "”不在本队列的范围内");
            district = null;
        }
        int p = 1;
        if (blank(page) != null) {
            try {
                p = Integer.parseInt(page.strip());
                if (p < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add("页码“" + page + "”无效，应为从1开始的整数");
                p = 1;
            }
        }
        return new QueueFilter(type, level, state, district, search, p, List.copyOf(problems));
    }

    /** The link to a page of this list with the same filters (codes only: the search stays in the session). */
    public String href(String path, int toPage) {
        StringBuilder q = new StringBuilder();
        param(q, "type", type);
        param(q, "level", level);
        param(q, "state", state);
        param(q, "district", district);
        if (toPage > 1) param(q, "page", String.valueOf(toPage));
        return q.length() == 0 ? path : path + "?" + q;
    }

    private static void param(StringBuilder q, String name, String value) {
        if (value == null) return;
        if (q.length() > 0) q.append('&');
        q.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The page numbers to link around the current one: the first, the last and two either side, 0 for a gap. */
    public static List<Integer> pageLinks(int page, int pages) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) out.add(p);
            else if (!out.isEmpty() && out.get(out.size() - 1) != 0) out.add(0);
        }
        return out;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    /** The number of pages for a count of items (at least one, so "第1页，共1页" reads right on an empty queue). */
    static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
