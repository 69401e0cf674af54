package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The same operations as JSON for other systems (HTTP Basic, no session, no CSRF token). */
class JsonApiTest extends WebTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void operatorStartsARunAndFollowsItsStepsToTheEnd() throws Exception {
        Http op = Http.basic(url(""), OPERATOR, PASSWORD);
        JsonNode jobs = json(op.get("/api/operator/jobs"));
        assertThat(jobs.get(0).get("name").asString()).isEqualTo(WebFixture.JOB);
        HttpResponse<byte[]> started = op.postJson("/api/operator/jobs/" + WebFixture.JOB + "/runs", "{}");
        assertThat(started.statusCode()).isEqualTo(202);
        String runId = json(started).get("runId").asString();
        JsonNode run = null;
        for (int i = 0; i < 240; i++) {
            run = json(op.get("/api/operator/runs/" + runId));
            if (!"RUNNING".equals(run.get("run").get("status").asString())) break;
            Thread.sleep(250);
        }
        assertThat(run.get("run").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("run").get("runId").asString()).isEqualTo(runId);
        assertThat(run.get("run").get("countyCode").asString()).isEqualTo(WebFixture.COUNTY);
        long huji = 0;
        for (JsonNode s : run.get("steps")) {
            // camelCase fields of typed records, not Spring Batch's column names
            assertThat(s.has("step_name")).isFalse();
            if (s.get("stepName").asString().equals("loadSource:source-huji")) huji = s.get("readCount").asLong();
        }
        assertThat(huji).isEqualTo(14);
        assertThat(json(op.get("/api/operator/runs")).get(0).has("runId")).isTrue();
        // a completed run is not restarted, and the answer says why in Chinese
        HttpResponse<byte[]> again = op.postJson("/api/operator/runs/" + runId + "/restart", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("problem").asString()).contains("已完成");
        // nor confirmed or refused: it does not wait for confirmation
        assertThat(op.postJson("/api/operator/runs/" + runId + "/confirm", "{}").statusCode()).isEqualTo(409);
        assertThat(op.postJson("/api/operator/runs/" + runId + "/refuse", "{}").statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT status FROM run WHERE run_id = ?", String.class, runId)).isEqualTo("COMPLETED");
    }

    @Test
    void decisionsAreCheckedBeforeTheyAreStored() throws Exception {
        Http clerk = Http.basic(url(""), CLERK, PASSWORD);
        String runId = latestRunId();
        int item = itemOf(runId, "DEATH_CONFLICT", TOWNSHIP);
        String path = "/api/township/runs/" + runId + "/items/" + item;
        JsonNode detail = json(clerk.get(path));
        assertThat(detail.get("item").get("code").asString()).isEqualTo("DEATH_CONFLICT");
        assertThat(detail.get("links").size()).isGreaterThanOrEqualTo(2);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class);
        // an info item can only be dismissed, and only with a note
        assertThat(clerk.postJson(path + "/decision", "{\"verdict\":\"SAME_PERSON\"}").statusCode()).isEqualTo(400);
        assertThat(clerk.postJson(path + "/decision", "{\"verdict\":\"DISMISS\"}").statusCode()).isEqualTo(400);
        assertThat(clerk.postJson(path + "/decision", "{\"verdict\":\"NOT_A_VERDICT\",\"note\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class)).isEqualTo(before);
        try {
            HttpResponse<byte[]> ok = clerk.postJson(path + "/decision", "{\"verdict\":\"DISMISS\",\"note\":\"已通知派出所更新户籍\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(json(ok).get("history").get(0).get("decidedBy").asString()).isEqualTo(CLERK);
            JsonNode queue = json(clerk.get("/api/township/items?type=DEATH_CONFLICT"));
            assertThat(queue.get("items").get(0).get("verdict").asString()).isEqualTo("DISMISS");
        } finally {
            // this item is also in the spec examples' own run (ExamplesAcceptanceTest, same database): the decision must not outlive the test
            jdbc.update("DELETE FROM decision WHERE decided_by = ? AND code = 'DEATH_CONFLICT'", CLERK);
        }
    }

    @Test
    void stationListsItsFilesWithThePublishedDigests() throws Exception {
        Http station = Http.basic(url(""), STATION, PASSWORD);
        JsonNode files = json(station.get("/api/station/districts/" + DISTRICT + "/runs/latest/files"));
        String runId = files.get("runId").asString();
        String out = jdbc.queryForObject("SELECT output_path FROM run WHERE run_id = ?", String.class, runId);
        String sums = Files.readString(Path.of(out, "SHA256SUMS"), StandardCharsets.UTF_8);
        assertThat(files.get("files").size()).isGreaterThanOrEqualTo(2);
        assertThat(files.get("districtName").asString()).isEqualTo("城关镇第二选区");
        assertThat(files.get("counts").get("voters").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM roll_line WHERE run_id = ? AND district_code = ?", Long.class, runId, DISTRICT));
        assertThat(files.get("files").get(0).get("fileName").asString()).isEqualTo(DISTRICT + "_选民名册.csv");
        assertThat(files.get("files").get(0).get("published").asString()).isEqualTo("rolls/" + DISTRICT + ".csv");
        for (JsonNode f : files.get("files")) assertThat(sums).contains(f.get("sha256").asString());
        HttpResponse<byte[]> posting = station.get("/api/station/districts/" + DISTRICT + "/runs/" + runId + "/files/posting/csv");
        assertThat(java.net.URLDecoder.decode(posting.headers().firstValue("Content-Disposition").orElseThrow(), StandardCharsets.UTF_8))
                .contains(DISTRICT + "_张榜公布名单.csv");
        // the public posting list: numbers masked (OUTPUTS.md)
        assertThat(new String(posting.body(), WebFixture.GB18030)).contains("********").doesNotContainPattern("\\d{17}[\\dX]");
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
        return JSON.readTree(r.body());
    }
}
