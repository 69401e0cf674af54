package org.voterroll.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;
import org.voterroll.decisions.Verdict;
import org.voterroll.identity.Explanation;

/** The township queue as JSON for other systems (HTTP Basic), same scope rules as the pages. */
@RestController
@RequestMapping("/api/township")
class TownshipApiController {
    record DecisionRequest(String verdict, String districtCode, String note) {}

    /**
     * The township's queue in the county's latest run that reached it: its open blocking items, its items (filtered as
     * asked) and the decided items whose outcome the latest run changed. Before any run: {@code run} null, nothing else.
     */
    record Queue(String township, ExceptionQueue.RunRef run, int blockingOpen, List<ExceptionQueue.Item> items,
                 List<ExceptionQueue.Outcome> outcomes) {}

    /** One item with its people, every record linked to them, the decisions on its evidence and the verdicts it allows. */
    record ItemDetail(ExceptionQueue.Item item, List<Explanation.Person> persons, List<Explanation.LinkedRecord> links,
                      List<ExceptionQueue.DecisionRow> history, List<Verdict> verdicts) {}

    /** A decision stored: the decisions on the item's evidence, the new one first. */
    record Decided(List<ExceptionQueue.DecisionRow> history) {}

    private final ExceptionQueue queue;
    private final DecisionDesk desk;

    TownshipApiController(ExceptionQueue queue, DecisionDesk desk) {
        this.queue = queue;
        this.desk = desk;
    }

    @GetMapping("/items")
    Queue items(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                @RequestParam(required = false) String level) {
        if (user.role() != Role.TOWNSHIP) throw new Scope.OutOfScope();
        var run = queue.latestRun(user.scope()).orElse(null);
        if (run == null) return new Queue(user.scope(), null, 0, List.of(), List.of());
        return new Queue(user.scope(), run, queue.blockingOpen(run.runId(), user.scope()), queue.items(run.runId(), user.scope(), type, level),
                queue.outcomes(user.scope(), run.runId()));
    }

    @GetMapping("/runs/{runId}/items/{itemNo}")
    ItemDetail item(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        var persons = queue.persons(item);
        return new ItemDetail(item, persons, queue.links(runId, persons), queue.history(queue.countyOf(runId), item.fingerprint()),
                Verdicts.forCode(item.code()));
    }

    @PostMapping("/runs/{runId}/items/{itemNo}/decision")
    ResponseEntity<?> decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo,
                             @RequestBody DecisionRequest body) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        String problem = desk.decide(user, item, body.verdict(), body.districtCode(), body.note());
        if (problem != null) return ResponseEntity.badRequest().body(new ApiProblem(problem));
        return ResponseEntity.ok(new Decided(queue.history(queue.countyOf(runId), item.fingerprint())));
    }
}
