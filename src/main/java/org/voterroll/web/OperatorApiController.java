package org.voterroll.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voterroll.accounts.AccountService;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.Role;

/** The operator's operations as JSON: runs with their steps, starting and restarting runs, accounts. */
@RestController
@RequestMapping("/api/operator")
class OperatorApiController {
    record AccountRequest(String name, String role, String scope, String password) {}

    record AccountView(long id, String name, Role role, String scope, boolean enabled) {}

    record JobView(String name, String countyDir, String inbox, String out, String previous, String problem, boolean running) {}

    private final RunBoard board;
    private final JobsDirectory jobs;
    private final RunLauncher launcher;
    private final AccountService accounts;

    OperatorApiController(RunBoard board, JobsDirectory jobs, RunLauncher launcher, AccountService accounts) {
        this.board = board;
        this.jobs = jobs;
        this.launcher = launcher;
        this.accounts = accounts;
    }

    @GetMapping("/runs")
    List<Map<String, Object>> runs() {
        return board.runs(200);
    }

    @GetMapping("/runs/{runId}")
    Map<String, Object> run(@PathVariable String runId) {
        Map<String, Object> run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        Map<String, Object> m = new LinkedHashMap<>(run);
        m.put("steps", board.steps(runId, run.get("job_execution_id") == null ? null : ((Number) run.get("job_execution_id")).longValue()));
        m.put("rejects", board.rejects(runId));
        return m;
    }

    @GetMapping("/jobs")
    List<JobView> jobs() {
        return jobs.all().stream().map(j -> new JobView(j.name(), str(j.countyDir()), str(j.inbox()), str(j.out()), str(j.previous()),
                j.problem(), launcher.busy(j.name()))).toList();
    }

    private static String str(java.nio.file.Path p) {
        return p == null ? null : p.toAbsolutePath().toString();
    }

    @PostMapping("/jobs/{job}/runs")
    ResponseEntity<Map<String, Object>> start(@AuthenticationPrincipal CurrentUser user, @PathVariable String job) throws InterruptedException {
        JobsDirectory.Job j = jobs.find(job).orElseThrow(Scope.NotFound::new);
        try {
            String runId = launcher.start(j, user.name());
            if (runId == null) return ResponseEntity.unprocessableEntity().body(Map.of("problem", "the run did not start (county files?)"));
            return ResponseEntity.accepted().body(Map.of("runId", runId));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return ResponseEntity.status(409).body(Map.of("problem", e.getMessage()));
        }
    }

    @PostMapping("/runs/{runId}/restart")
    ResponseEntity<Map<String, Object>> restart(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId) throws InterruptedException {
        Map<String, Object> run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        if ("COMPLETED".equals(run.get("status"))) return ResponseEntity.status(409).body(Map.of("problem", "run is completed"));
        launcher.restart(runId, user.name());
        return ResponseEntity.accepted().body(Map.of("runId", runId));
    }

    @GetMapping("/accounts")
    List<AccountView> accounts() {
        return accounts.all().stream().map(a -> new AccountView(a.id(), a.name(), a.role(), a.scope(), a.enabled())).toList();
    }

    @PostMapping("/accounts")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CurrentUser user, @RequestBody AccountRequest body) {
        try {
            var a = accounts.create(body.name(), Role.parse(body.role() == null ? "" : body.role()), body.scope(), body.password(), user.name());
            return ResponseEntity.status(201).body(Map.of("id", a.id(), "name", a.name()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("problem", e.getMessage()));
        }
    }
}
