package org.voterroll.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.province.ProvinceBoard;
import org.voterroll.roll.Labels;
import org.voterroll.roll.RegistrationRate;

/**
 * The province page (省级运行) for the provincial or city election office and the operators: the province runs, a run's
 * counties with their partitions' and county runs' states, the registration rates side by side with a chart, and the
 * cross-county items by county. Read-only; identity numbers masked, never in a URL (the links carry a province run's id, a
 * county code, a type and a page).
 */
@Controller
class ProvinceController {
    static final Set<String> CODES = Set.of("CROSS_COUNTY_DUPLICATE", "CERTIFICATE_REQUEST");

    /** An item as the page shows it: the description in a clerk's words, the township by name. */
    record ItemView(ProvinceBoard.Item item, String typeLabel, String levelLabel, String townshipName, String description) {}

    record CountyView(ProvinceBoard.CountyRow county, Map<String, ProvinceBoard.ItemCount> counts) {
        public String rateText() {
            return county.rate() == null ? "—" : RateChart.percent(county.rate());
        }

        public String count(String code) {
            ProvinceBoard.ItemCount c = counts.get(code);
            return c == null ? "0" : c.open() + " / " + c.total();
        }
    }

    private final ProvinceBoard board;
    private final ExceptionQueue queue;

    ProvinceController(ProvinceBoard board, ExceptionQueue queue) {
        this.board = board;
        this.queue = queue;
    }

    @GetMapping("/province")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String run,
                @RequestParam(required = false) String county, @RequestParam(required = false) String type,
                @RequestParam(required = false) String page, Model model) {
        String scope = Scope.province(user);
        model.addAttribute("user", user);
        model.addAttribute("rateMeaning", RegistrationRate.MEANING);
        List<ProvinceBoard.RunRow> runs = board.runs(scope, 30);
        model.addAttribute("runs", runs);
        ProvinceBoard.RunRow selected;
        if (run != null && !run.isBlank()) {
            selected = readable(board, run, scope);
        } else {
            selected = runs.isEmpty() ? null : runs.get(0);
        }
        model.addAttribute("selected", selected);
        if (selected == null) return "province/board";
        String countyFilter = county != null && county.matches("\\d{6}") ? county : null;
        String typeFilter = type != null && CODES.contains(type) ? type : null;
        int pageNo = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;

        List<ProvinceBoard.CountyRow> counties = board.counties(selected, scope);
        Map<String, Map<String, ProvinceBoard.ItemCount>> counts = new HashMap<>();
        for (ProvinceBoard.ItemCount c : board.itemCounts(selected.provinceRunId(), scope)) {
            counts.computeIfAbsent(c.countyCode(), k -> new HashMap<>()).put(c.code(), c);
        }
        model.addAttribute("counties", counties.stream().map(c -> new CountyView(c, counts.getOrDefault(c.countyCode(), Map.of()))).toList());
        model.addAttribute("steps", board.steps(selected));
        model.addAttribute("chart", RateChart.of(counties));
        Map<String, String> countyNames = new LinkedHashMap<>();
        for (ProvinceBoard.CountyRow c : counties) if (c.countyCode() != null) countyNames.put(c.countyCode(), c.countyName() == null ? c.countyCode() : c.countyName());
        model.addAttribute("countyNames", countyNames);
        model.addAttribute("types", Map.of("CROSS_COUNTY_DUPLICATE", Labels.exception("CROSS_COUNTY_DUPLICATE"),
                "CERTIFICATE_REQUEST", Labels.exception("CERTIFICATE_REQUEST")));
        model.addAttribute("county", countyFilter);
        model.addAttribute("type", typeFilter);

        ProvinceBoard.ItemPage items = board.items(selected.provinceRunId(), scope, countyFilter, typeFilter, pageNo);
        PlaceNames names = PlaceNames.of(board, queue, selected);
        model.addAttribute("items", items.items().stream().map(i -> new ItemView(i, Labels.exception(i.code()),
                org.voterroll.rules.Raised.Level.chinese(i.level()), names.township(i.townshipCode()), names.describe(i))).toList());
        model.addAttribute("itemPage", items);
        return "province/board";
    }

    /** An item names places of both its counties: the names of every county run of the province run (codes carry their county). */
    record PlaceNames(Map<String, String> districts, Map<String, String> townships) {
        static PlaceNames of(ProvinceBoard board, ExceptionQueue queue, ProvinceBoard.RunRow run) {
            Map<String, String> districts = new HashMap<>(), townships = new HashMap<>();
            for (ProvinceBoard.CountyRow c : board.counties(run, null)) {
                if (c.runId() == null) continue;
                districts.putAll(queue.districtNames(c.runId()));
                townships.putAll(queue.townshipNames(c.runId()));
            }
            return new PlaceNames(districts, townships);
        }

        String township(String code) {
            return code == null ? "县选举委员会" : townships.getOrDefault(code, code);
        }

        /** The description in a clerk's words: places by name. */
        String describe(ProvinceBoard.Item i) {
            return Descriptions.forClerk(i.description(), districts, townships);
        }
    }

    /** The run the request names, if the account may read it (404 for none or a malformed id, 403 outside its area). */
    static ProvinceBoard.RunRow readable(ProvinceBoard board, String run, String scope) {
        if (run == null || !run.matches("[A-Za-z0-9-]{1,64}")) throw new Scope.NotFound();
        ProvinceBoard.RunRow selected = board.run(run).orElseThrow(Scope.NotFound::new);
        if (!board.inScope(run, scope)) throw new Scope.OutOfScope();
        return selected;
    }
}
