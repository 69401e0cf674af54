package org.voterroll.web;

import java.util.LinkedHashMap;
import java.util.Map;

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

/** The township queue as JSON for other systems (HTTP Basic), same scope rules as the pages. */
@RestController
@RequestMapping("/api/township")
class TownshipApiController {
    record DecisionRequest(String verdict, String districtCode, String note) {}

    private final ExceptionQueue queue;
    private final DecisionDesk desk;

    TownshipApiController(ExceptionQueue queue, DecisionDesk desk) {
        this.queue = queue;
        this.desk = desk;
    }

    @GetMapping("/items")
    Map<String, Object> items(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
                              @RequestParam(required = false) String level) {
        if (user.role() != Role.TOWNSHIP) throw new Scope.OutOfScope();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("township", user.scope());
        var run = queue.latestRun(user.scope()).orElse(null);
        m.put("run", run);
        if (run != null) {
            m.put("blockingOpen", queue.blockingOpen(run.runId(), user.scope()));
            m.put("items", queue.items(run.runId(), user.scope(), type, level));
            m.put("outcomes", queue.outcomes(user.scope(), run.runId()));
        }
        return m;
    }

    @GetMapping("/runs/{runId}/items/{itemNo}")
    Map<String, Object> item(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        var persons = queue.persons(item);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", item);
        m.put("persons", persons);
        m.put("links", queue.links(runId, persons));
        m.put("history", queue.history(queue.countyOf(runId), item.fingerprint()));
        m.put("verdicts", Verdicts.forCode(item.code()));
        return m;
    }

    @PostMapping("/runs/{runId}/items/{itemNo}/decision")
    ResponseEntity<Map<String, Object>> decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, @PathVariable int itemNo,
                                               @RequestBody DecisionRequest body) {
        ExceptionQueue.Item item = desk.open(user, runId, itemNo);
        String problem = desk.decide(user, item, body.verdict(), body.districtCode(), body.note());
        if (problem != null) return ResponseEntity.badRequest().body(Map.of("problem", problem));
        return ResponseEntity.ok(Map.of("history", queue.history(queue.countyOf(runId), item.fingerprint())));
    }
}
