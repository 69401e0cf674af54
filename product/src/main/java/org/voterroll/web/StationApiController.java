package org.voterroll.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voterroll.accounts.AuditLog;
import org.voterroll.accounts.CurrentUser;
import org.voterroll.accounts.DownloadLog;
import org.voterroll.county.Places;

/** The station's runs, files with their SHA-256 and the downloads, as JSON / bytes for other systems. */
@RestController
@RequestMapping("/api/station/districts/{district}")
class StationApiController {
    private final StationFiles files;
    private final DownloadLog downloads;
    private final AuditLog audit;
    private final Places places;

    StationApiController(StationFiles files, DownloadLog downloads, AuditLog audit, Places places) {
        this.files = files;
        this.downloads = downloads;
        this.audit = audit;
        this.places = places;
    }

    @GetMapping("/runs")
    List<StationFiles.RunRef> runs(@AuthenticationPrincipal CurrentUser user, @PathVariable String district) {
        Scope.district(user, district);
        return files.runs(district);
    }

    /** A run's files of the district, with the district's name and figures (camelCase fields, as every API answer). */
    record RunFiles(String runId, String district, String districtName, StationFiles.Counts counts, List<StationFiles.FileInfo> files) {}

    @GetMapping("/runs/{runId}/files")
    RunFiles files(@AuthenticationPrincipal CurrentUser user, @PathVariable String district, @PathVariable String runId) throws IOException {
        Scope.district(user, district);
        var run = files.run(district, runId).orElseThrow(Scope.NotFound::new);
        return new RunFiles(run.runId(), district, places.district(district).map(Places.District::name).orElse(null),
                files.counts(run.runId(), district), files.files(run.runId(), district));
    }

    @GetMapping("/runs/{runId}/files/{kind}/{format}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable String district, @PathVariable String runId,
                                    @PathVariable String kind, @PathVariable String format) throws IOException {
        return StationController.serve(user, district, runId, kind, format, files, downloads, audit);
    }
}
