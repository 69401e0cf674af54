package org.voterroll.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.DownloadLog;

/** The station's runs, files with their SHA-256 and the downloads, as JSON / bytes for other systems. */
@RestController
@RequestMapping("/api/station/districts/{district}")
class StationApiController {
    private final StationFiles files;
    private final DownloadLog downloads;
    private final AuditLog audit;

    StationApiController(StationFiles files, DownloadLog downloads, AuditLog audit) {
        this.files = files;
        this.downloads = downloads;
        this.audit = audit;
    }

    @GetMapping("/runs")
    List<StationFiles.RunRef> runs(@AuthenticationPrincipal CurrentUser user, @PathVariable String district) {
        Scope.district(user, district);
        return files.runs(district);
    }

    @GetMapping("/runs/{runId}/files")
    Map<String, Object> files(@AuthenticationPrincipal CurrentUser user, @PathVariable String district, @PathVariable String runId) throws IOException {
        Scope.district(user, district);
        var run = files.run(district, runId).orElseThrow(Scope.NotFound::new);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", run.runId());
        m.put("district", district);
        m.put("files", files.files(run.runId(), district));
        return m;
    }

    @GetMapping("/runs/{runId}/files/{kind}/{format}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable String district, @PathVariable String runId,
                                    @PathVariable String kind, @PathVariable String format) throws IOException {
        return StationController.serve(user, district, runId, kind, format, files, downloads, audit);
    }
}
