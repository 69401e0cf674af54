package org.voterroll.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.DownloadLog;
import org.voterroll.accounts.Role;
import org.voterroll.county.Places;

/** The registration station's page and downloads. The district is in the path and must be the account's own. */
@Controller
class StationController {
    private final StationFiles files;
    private final DownloadLog downloads;
    private final AuditLog audit;
    private final Places places;
    private final ExceptionQueue queue;

    StationController(StationFiles files, DownloadLog downloads, AuditLog audit, Places places, ExceptionQueue queue) {
        this.files = files;
        this.downloads = downloads;
        this.audit = audit;
        this.places = places;
        this.queue = queue;
    }

    @GetMapping("/station")
    String home(@AuthenticationPrincipal CurrentUser user) {
        if (user.role() != Role.STATION) throw new Scope.OutOfScope();
        return "redirect:/station/districts/" + user.scope();
    }

    @GetMapping("/station/districts/{district}")
    String district(@AuthenticationPrincipal CurrentUser user, @PathVariable String district,
                    @RequestParam(defaultValue = "latest") String run, Model model) throws IOException {
        Scope.district(user, district);
        model.addAttribute("user", user);
        model.addAttribute("district", district);
        var place = places.district(district).orElse(null);
        model.addAttribute("place", place);
        model.addAttribute("runs", files.runs(district));
        var chosen = files.run(district, run).orElse(null);
        model.addAttribute("run", chosen);
        if (chosen != null) {
            model.addAttribute("files", files.files(chosen.runId(), district));
            model.addAttribute("counts", files.counts(chosen.runId(), district));
            // the township queue says a posting list must not be posted while blocking items are open: the station is told too
            model.addAttribute("blockingOpen", place == null ? 0 : queue.blockingOpen(chosen.runId(), place.townshipCode()));
        }
        model.addAttribute("downloads", downloads.forDistrict(district, 20));
        return "station/district";
    }

    @GetMapping("/station/districts/{district}/runs/{runId}/files/{kind}/{format}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable String district, @PathVariable String runId,
                                    @PathVariable String kind, @PathVariable String format) throws IOException {
        return serve(user, district, runId, kind, format, files, downloads, audit);
    }

    /** Shared by the page and the API: scope, then the run, then the file; logs the download with its digest. */
    static ResponseEntity<byte[]> serve(CurrentUser user, String district, String runId, String kind, String format,
                                        StationFiles files, DownloadLog downloads, AuditLog audit) throws IOException {
        Scope.district(user, district);
        StationFiles.Kind k;
        try {
            k = StationFiles.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new Scope.NotFound();
        }
        if (!format.equals("csv") && !format.equals("xlsx")) throw new Scope.NotFound();
        var run = files.run(district, runId).orElseThrow(Scope.NotFound::new);
        var d = files.download(run.runId(), district, k, format).orElseThrow(Scope.NotFound::new);
        downloads.record(user.name(), run.runId(), district, d.fileName(), format, d.sha256());
        audit.record(user.name(), AuditLog.DOWNLOAD, "运行 " + run.runId() + " 下载 " + d.fileName() + "，SHA-256 " + d.sha256());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-SHA256", d.sha256())
                .header("X-Run-Id", run.runId())
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.bytes());
    }
}
