package org.voterroll.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;

/** The operator's pages: every run, one run's steps and progress, its report, starting and restarting runs, the audit log. */
@Controller
class OperatorController {
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
        model.addAttribute("user", user);
        model.addAttribute("runs", board.runs(200));
        model.addAttribute("jobs", jobs.all());
        model.addAttribute("jobsDir", jobs.dir().toAbsolutePath());
        model.addAttribute("refresh", board.runs(200).stream().anyMatch(r -> "RUNNING".equals(r.get("status"))));
        return "operator/runs";
    }

    @GetMapping("/operator/runs/{runId}")
    String run(@AuthenticationPrincipal CurrentUser user, @PathVariable String runId, Model model) {
        Map<String, Object> run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        model.addAttribute("user", user);
        model.addAttribute("run", run);
        model.addAttribute("steps", board.steps(runId, run.get("job_execution_id") == null ? null : ((Number) run.get("job_execution_id")).longValue()));
        model.addAttribute("rejects", board.rejects(runId));
        model.addAttribute("figures", board.figures(runId));
        model.addAttribute("running", "RUNNING".equals(run.get("status")));
        return "operator/run";
    }

    /** report.html as the run published it (inline SVG charts, no external resources). */
    @GetMapping("/operator/runs/{runId}/report")
    ResponseEntity<byte[]> report(@PathVariable String runId) throws java.io.IOException {
        Map<String, Object> run = board.run(runId);
        if (run == null || run.get("output_path") == null) throw new Scope.NotFound();
        Path f = Path.of((String) run.get("output_path")).resolve("report.html");
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
        Map<String, Object> run = board.run(runId);
        if (run == null) throw new Scope.NotFound();
        if ("COMPLETED".equals(run.get("status"))) {
            redirect.addFlashAttribute("problem", "该运行已完成，无需重新启动");
        } else {
            launcher.restart(runId, user.name());
            redirect.addFlashAttribute("saved", "已重新启动");
        }
        return "redirect:/operator/runs/" + runId;
    }

    @GetMapping("/operator/audit")
    String audit(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("entries", audit.recent(500));
        return "operator/audit";
    }
}
