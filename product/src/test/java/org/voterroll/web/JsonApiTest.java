package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        assertThat(fields(run)).containsExactly("run", "steps", "rejects");
        assertThat(fields(run.get("run"))).containsExactly("runId", "countyCode", "countyName", "status", "jobExecutionId", "startedAt",
                "finishedAt", "outputPath", "message", "guardReasons", "confirmedBy", "refusedBy");
        JsonNode huji = null;
        for (JsonNode s : run.get("steps")) {
            // the named fields of a record, not Spring Batch's column names (step_name, read_count …)
            assertThat(fields(s)).containsExactly("jobExecutionId", "stepName", "status", "startTime", "endTime", "readCount",
                    "writeCount", "rejected", "filterCount", "skipCount", "commitCount");
            if (s.get("stepName").asString().equals("loadSource:source-huji")) huji = s;
        }
        assertThat(huji.get("readCount").asLong()).isEqualTo(14);
        assertThat(huji.get("status").asString()).isEqualTo("COMPLETED");
        long hujiRejects = jdbc.queryForObject("SELECT COUNT(*) FROM reject WHERE run_id = ? AND source = 'huji'", Long.class, runId);
        assertThat(huji.get("rejected").asLong()).isEqualTo(hujiRejects);
        for (JsonNode r : run.get("rejects")) assertThat(fields(r)).containsExactly("source", "rejected");
        assertThat(fields(jobs.get(0))).containsExactly("name", "countyDir", "inbox", "out", "previous", "problem", "running");
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
        assertThat(fields(detail)).containsExactly("item", "persons", "links", "history", "verdicts");
        assertThat(detail.get("item").get("code").asString()).isEqualTo("DEATH_CONFLICT");
        assertThat(detail.get("item").get("itemNo").asInt()).isEqualTo(item);
        assertThat(detail.get("links").size()).isGreaterThanOrEqualTo(2);
        assertThat(detail.get("links").get(0).get("recId").isNumber()).isTrue();
        assertThat(detail.get("persons").get(0).get("personId").isNumber()).isTrue();
        assertThat(detail.get("history").size()).isZero();
        // an info item: dismissed, nothing else
        assertThat(detail.get("verdicts").size()).isEqualTo(1);
        assertThat(detail.get("verdicts").get(0).asString()).isEqualTo("DISMISS");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class);
        // an info item can only be dismissed, and only with a note
        assertThat(clerk.postJson(path + "/decision", "{\"verdict\":\"SAME_PERSON\"}").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> noNote = clerk.postJson(path + "/decision", "{\"verdict\":\"DISMISS\"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(fields(JSON.readTree(noNote.body()))).containsExactly("problem");
        assertThat(JSON.readTree(noNote.body()).get("problem").asString()).isEqualTo("忽略须填写说明");
        assertThat(clerk.postJson(path + "/decision", "{\"verdict\":\"NOT_A_VERDICT\",\"note\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class)).isEqualTo(before);
        try {
            HttpResponse<byte[]> ok = clerk.postJson(path + "/decision", "{\"verdict\":\"DISMISS\",\"note\":\"已通知派出所更新户籍\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(fields(json(ok))).containsExactly("history");
            assertThat(json(ok).get("history").get(0).get("decidedBy").asString()).isEqualTo(CLERK);
            assertThat(json(ok).get("history").get(0).get("verdict").asString()).isEqualTo("DISMISS");
            JsonNode queue = json(clerk.get("/api/township/items?type=DEATH_CONFLICT"));
            assertThat(fields(queue)).containsExactly("township", "run", "blockingOpen", "items", "outcomes");
            assertThat(queue.get("township").asString()).isEqualTo(TOWNSHIP);
            assertThat(queue.get("run").get("runId").asString()).isEqualTo(runId);
            // the open blocking items of the whole queue, whatever the filter
            JsonNode all = json(clerk.get("/api/township/items"));
            long open = 0;
            for (JsonNode i : all.get("items")) if (i.get("level").asString().equals("blocking") && i.get("verdict").isNull()) open++;
            assertThat(open).isPositive();
            assertThat(queue.get("blockingOpen").asLong()).isEqualTo(open);
            assertThat(all.get("blockingOpen").asLong()).isEqualTo(open);
            assertThat(all.get("items").size()).isGreaterThan(queue.get("items").size());
            assertThat(queue.get("items").get(0).get("verdict").asString()).isEqualTo("DISMISS");
            assertThat(queue.get("items")).allSatisfy(i -> assertThat(i.get("code").asString()).isEqualTo("DEATH_CONFLICT"));
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
        assertThat(fields(files)).containsExactly("runId", "district", "districtName", "counts", "files");
        assertThat(fields(files.get("counts"))).containsExactly("voters", "men", "women", "added", "removed", "away");
        assertThat(fields(files.get("files").get(0))).containsExactly("kind", "label", "published", "fileName", "size", "sha256");
        assertThat(fields(json(station.get("/api/station/districts/" + DISTRICT + "/runs")).get(0))).containsExactly("runId", "finishedAt");
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

    /** A JSON object's field names in their order. */
    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
        return JSON.readTree(r.body());
    }
}
