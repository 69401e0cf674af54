package org.voterroll.web;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.decisions.Verdict;
import org.voterroll.province.ProvinceBoard;
import org.voterroll.roll.Labels;

/**
 * The province page as JSON for the provincial or city office's own systems (and the operators'): the province runs under
 * the account's area, a run's counties with their partitions, county runs, figures and item counts, the job's own steps,
 * and its items page by page. Read-only, as the page; identity numbers masked, never in a path or a parameter.
 */
@RestController
@RequestMapping("/api/province")
class ProvinceApiController {
    /** A county of the run: its partition and county run, voters listed, the rate's denominator and the rate (summary.json's). */
    record CountyView(String jobName, String countyCode, String countyName, String partitionStatus, String runId, String runStatus,
                      Long listed, Long base, Double registrationRate, String worker, LocalDateTime updatedAt, List<ItemCountView> items) {}

    record ItemCountView(String code, String typeLabel, long total, long open) {}

    record RunDetail(ProvinceBoard.RunRow run, List<CountyView> counties, List<ProvinceBoard.StepRow> steps) {}

    /** An item as the page lists it: the number masked, the description in a clerk's words, the county's decision if any. */
    record ItemView(int itemNo, String code, String typeLabel, String level, String countyCode, String countyName, String runId,
                    String townshipCode, String townshipName, String districtCode, String maskedNumber, String names, String description,
                    String otherCountyCode, String otherCountyName, String verdict, String verdictLabel, String decidedBy,
                    LocalDateTime decidedAt) {}

    record ItemsPage(List<ItemView> items, long total, int page, int pages, int pageSize) {}

    private final ProvinceBoard board;
    private final ExceptionQueue queue;

    ProvinceApiController(ProvinceBoard board, ExceptionQueue queue) {
        this.board = board;
        this.queue = queue;
    }

    @GetMapping("/runs")
    List<ProvinceBoard.RunRow> runs(@AuthenticationPrincipal CurrentUser user) {
        return board.runs(Scope.province(user), 200);
    }

    @GetMapping("/runs/{provinceRunId}")
    RunDetail run(@AuthenticationPrincipal CurrentUser user, @PathVariable String provinceRunId) {
        String scope = Scope.province(user);
        ProvinceBoard.RunRow run = ProvinceController.readable(board, provinceRunId, scope);
        List<ProvinceBoard.ItemCount> counts = board.itemCounts(provinceRunId, scope);
        List<CountyView> counties = board.counties(run, scope).stream().map(c -> new CountyView(c.jobName(), c.countyCode(), c.countyName(),
                c.partitionStatus(), c.runId(), c.runStatus(), c.listed(), c.base(), c.rate(), c.worker(), c.updatedAt(),
                counts.stream().filter(n -> n.countyCode().equals(c.countyCode()))
                        .map(n -> new ItemCountView(n.code(), Labels.exception(n.code()), n.total(), n.open())).toList())).toList();
        return new RunDetail(run, counties, board.steps(run));
    }

    /** One page of the run's items; {@code county} (6 digits) and {@code type} (a code of the page) narrow them, as on the page. */
    @GetMapping("/runs/{provinceRunId}/items")
    ItemsPage items(@AuthenticationPrincipal CurrentUser user, @PathVariable String provinceRunId,
                    @RequestParam(required = false) String county, @RequestParam(required = false) String type,
                    @RequestParam(required = false) String page) {
        String scope = Scope.province(user);
        ProvinceBoard.RunRow run = ProvinceController.readable(board, provinceRunId, scope);
        String countyFilter = county != null && county.matches("\\d{6}") ? county : null;
        String typeFilter = type != null && ProvinceController.CODES.contains(type) ? type : null;
        int pageNo = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
        ProvinceBoard.ItemPage items = board.items(provinceRunId, scope, countyFilter, typeFilter, pageNo);
        ProvinceController.PlaceNames names = ProvinceController.PlaceNames.of(board, queue, run);
        return new ItemsPage(items.items().stream().map(i -> new ItemView(i.itemNo(), i.code(), Labels.exception(i.code()), i.level(),
                i.countyCode(), i.countyName(), i.runId(), i.townshipCode(), names.township(i.townshipCode()), i.districtCode(), i.maskedNumber(),
                i.names(), names.describe(i), i.otherCountyCode(), i.otherCountyName(), i.verdict(),
                i.verdict() == null ? null : Verdict.valueOf(i.verdict()).label(), i.decidedBy(), i.decidedAt())).toList(),
                items.total(), items.page(), items.pages(), ProvinceBoard.PAGE_SIZE);
    }
}
