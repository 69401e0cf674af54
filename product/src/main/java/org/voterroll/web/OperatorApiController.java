package org.voterroll.web;

import java.util.List;

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

    /** A run with its step executions and its rejected rows per source. */
    record RunDetail(RunBoard.RunRow run, List<RunBoard.StepRow> steps, List<RunBoard.RejectRow> rejects) {}

    record RunStarted(String runId) {}

    record Created(long id, String name) {}

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
    List<RunBoard.RunRow> runs() {
        return board.runs(200);
    }

    @GetMapping("/runs/{runId}")
    RunDetail run(@PathVariable String runId) {
        RunBoard.RunRow run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        return new RunDetail(run, board.steps(run), board.rejects(runId));
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
    ResponseEntity<?> start(@AuthenticationPrincipal CurrentUser user, @PathVariable String job) throws InterruptedException {
        JobsDirectory.Job j = jobs.find(job).orElseThrow(Scope.NotFound::new);
        try {
            String runId = launcher.start(j, user.name());
            if (runId == null) return ResponseEntity.unprocessableEntity().body(new ApiProblem("运行未能开始，请查看服务器日志（县配置文件或目录有误）"));
            return ResponseEntity.accepted().body(new RunStarted(runId));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return ResponseEntity.status(409).body(new ApiProblem(e.getMessage()));
        }
    }

    @PostMapping("/runs/{runId}/restart")
    ResponseEntity<?> restart(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId) throws InterruptedException {
        RunBoard.RunRow run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        try {
            launcher.restart(runId, user.name());
            return ResponseEntity.accepted().body(new RunStarted(runId));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(409).body(new ApiProblem(e.getMessage()));
        }
    }

    /** As the run page's 确认继续: the run stopped for confirmation is published. */
    @PostMapping("/runs/{runId}/confirm")
    ResponseEntity<?> confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId) throws InterruptedException {
        if (board.run(runId) == null) throw new Scope.NotFound();
        try {
            launcher.confirm(runId, user.name());
            return ResponseEntity.accepted().body(new RunStarted(runId));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(409).body(new ApiProblem(e.getMessage()));
        }
    }

    /** As the run page's 拒绝: the run stopped for confirmation is never published. */
    @PostMapping("/runs/{runId}/refuse")
    ResponseEntity<?> refuse(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId) {
        if (board.run(runId) == null) throw new Scope.NotFound();
        try {
            launcher.refuse(runId, user.name());
            return ResponseEntity.ok(board.run(runId));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(409).body(new ApiProblem(e.getMessage()));
        }
    }

    @GetMapping("/accounts")
    List<AccountView> accounts() {
        return accounts.all().stream().map(a -> new AccountView(a.id(), a.name(), a.role(), a.scope(), a.enabled())).toList();
    }

    @PostMapping("/accounts")
    ResponseEntity<?> create(@AuthenticationPrincipal CurrentUser user, @RequestBody AccountRequest body) {
        try {
            var a = accounts.create(body.name(), Role.parse(body.role() == null ? "" : body.role()), body.scope(), body.password(), user.name());
            return ResponseEntity.status(201).body(new Created(a.id(), a.name()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new ApiProblem(e.getMessage()));
        }
    }
}
