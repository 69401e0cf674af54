package org.voterroll.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.labels.Labels;

/**
 * The operator's pages: every run, one run's steps and progress, its report, starting and restarting runs, confirming
 * or refusing a run the guard stopped, the audit log.
 */
@Controller
class OperatorController {
    static final int AUDIT_PAGE = 50;

    private final RunBoard board;
    private final JobsDirectory jobs;
    private final RunLauncher launcher;
    private final AuditLog audit;

    OperatorController(RunBoard board, JobsDirectory jobs, RunLauncher launcher, AuditLog audit) {
        this.board = board;
        this.jobs = jobs;
        this.launcher = launcher;
        this.audit = audit;
    }

    @GetMapping("/operator")
    String runs(@AuthenticationPrincipal CurrentUser user, Model model) {
        var runs = board.runs(200);
        model.addAttribute("user", user);
        model.addAttribute("runs", runs);
        var all = jobs.all();
        model.addAttribute("jobs", all);
        Map<String, String> waiting = new HashMap<>();
        for (JobsDirectory.Job j : all) {
            String w = launcher.waiting(j);
            if (w != null) waiting.put(j.name(), w);
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("busy", all.stream().filter(j -> launcher.busy(j.name())).map(JobsDirectory.Job::name).toList());
        model.addAttribute("jobsDir", jobs.dir().toAbsolutePath());
        model.addAttribute("refresh", runs.stream().anyMatch(RunBoard.RunRow::running));
        return "operator/runs";
    }

    @GetMapping("/operator/runs/{runId}")
    String run(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, Model model) {
        RunBoard.RunRow run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        model.addAttribute("user", user);
        model.addAttribute("run", run);
        model.addAttribute("steps", board.steps(run));
        model.addAttribute("rejects", board.rejects(runId));
        model.addAttribute("figures", board.figures(runId));
        model.addAttribute("running", run.running());
        return "operator/run";
    }

    /** report.html as the run published it (inline SVG charts, no external resources). */
    @GetMapping("/operator/runs/{runId}/report")
    ResponseEntity<byte[]> report(@PathVariable String runId) throws java.io.IOException {
        RunBoard.RunRow run = board.run(runId);
        if (run == null || run.outputPath() == null) throw new Scope.NotFound();
        Path f = Path.of(run.outputPath()).resolve("report.html");
        if (!Files.isRegularFile(f)) throw new Scope.NotFound();
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(Files.readAllBytes(f));
    }

    @PostMapping("/operator/jobs/{job}/run")
    String start(@AuthenticationPrincipal CurrentUser user, @PathVariable String job, RedirectAttributes redirect) throws InterruptedException {
        JobsDirectory.Job j = jobs.find(job).orElseThrow(Scope.NotFound::new);
        try {
            String runId = launcher.start(j, user.name());
            if (runId != null) return "redirect:/operator/runs/" + runId;
            redirect.addFlashAttribute("problem", "运行未能开始，请查看服务器日志（县配置文件或目录有误）");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator";
    }

    @PostMapping("/operator/runs/{runId}/restart")
    String restart(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, RedirectAttributes redirect) throws InterruptedException {
        if (board.run(runId) == null) throw new Scope.NotFound();
        try {
            launcher.restart(runId, user.name());
            redirect.addFlashAttribute("saved", "已重新启动");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/runs/" + runId;
    }

    /** 确认继续: the delivery was checked and is right; the run goes on and publishes (as the command line's confirm). */
    @PostMapping("/operator/runs/{runId}/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, RedirectAttributes redirect) throws InterruptedException {
        if (board.run(runId) == null) throw new Scope.NotFound();
        try {
            launcher.confirm(runId, user.name());
            redirect.addFlashAttribute("saved", "已确认，运行继续并将发布");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/runs/" + runId;
    }

    /** 拒绝: the delivery is wrong; the run is marked refused and publishes nothing. */
    @PostMapping("/operator/runs/{runId}/refuse")
    String refuse(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, RedirectAttributes redirect) {
        if (board.run(runId) == null) throw new Scope.NotFound();
        try {
            launcher.refuse(runId, user.name());
            redirect.addFlashAttribute("saved", "已拒绝：本次运行不发布任何文件");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/operator/runs/" + runId;
    }

    @GetMapping("/operator/audit")
    String audit(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("actions", Labels.auditActions());
        String a = blankToNull(action), who = blankToNull(actor);
        if (a != null && !Labels.auditActions().containsKey(a)) {
            // an unknown action matches nothing: say so rather than show everything
            model.addAttribute("problem", "没有这种操作：" + a + "，请从列表中选择");
        }
        LocalDate f = date(from, "起始日期", model), t = date(to, "截止日期", model);
        if (f != null && t != null && f.isAfter(t)) model.addAttribute("problem", "起始日期晚于截止日期，请调换两个日期");
        model.addAttribute("log", audit.search(new AuditLog.Filter(a, who, f, t), page, AUDIT_PAGE));
        model.addAttribute("action", a);
        model.addAttribute("actor", who);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        return "operator/audit";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(String s, String what, Model model) {
        if (blankToNull(s) == null) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            model.addAttribute("problem", what + "“" + s + "”不是日期，请按 2026-12-01 的格式填写");
            return null;
        }
    }
}
