package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voterroll.web.AuthorizationTest.assertRefused;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.voterroll.roll.Labels;

import tools.jackson.databind.ObjectMapper;

/**
 * The province page over HTTP against the real server, and the home county's answer to a certificate request on the clerk's
 * pages: who sees what (a province office its own province's runs only, no county office), what the page says (partitions,
 * county runs, the rate as summary.json computes it, the items by county with masked numbers), and a decision recorded with
 * who and when, audited, never without a reason when it refuses.
 */
class ProvincePageTest extends WebTestBase {

    static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theProvinceOfficeSeesItsCountiesTheirRunsRatesAndItemsWithNumbersMasked() throws Exception {
        Http office = Http.session(url(""), PROVINCE_OFFICE, PASSWORD);
        HttpResponse<byte[]> home = office.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/province");
        HttpResponse<byte[]> r = office.get("/province");
        assertThat(r.statusCode()).isEqualTo(200);
        String page = body(r);
        String id = province().provinceRunId();
        assertThat(page).contains("<code id=\"selected-run\">" + id + "</code>").contains("样例县", "北河县", baseline().runId())
                .contains("跨县检查", "各县核对").contains("id=\"rate-chart\"").contains(org.voterroll.roll.RegistrationRate.MEANING);
        // both counties' partitions completed, their runs too
        assertThat(Pattern.compile("data-status=\"COMPLETED\">已完成").matcher(page).results().count()).isGreaterThanOrEqualTo(3);
        // the rate is the run report's own (summary.json registrationRate), to the hundredth of a percent
        double rate = new ObjectMapper().readTree(Files.readString(Path.of(baseline().outputPath()).resolve("summary.json"))).get("registrationRate").asDouble();
        assertThat(page).contains("<td class=\"num rate\">" + RateChart.percent(rate) + "</td>");
        assertThat(Pattern.compile("<rect class=\"bar\"").matcher(page).results().count()).as("a bar per county").isEqualTo(2);
        // 钱雪 on both rolls: an item in each county, her number masked; 郑浩's request to this county
        assertThat(page).contains(Labels.exception("CROSS_COUNTY_DUPLICATE"), Labels.exception("CERTIFICATE_REQUEST"), "钱雪", "郑浩")
                .contains("320102********1143").doesNotContain(QIAN_XUE, WebFixture.ZHENG_HAO_NUMBER).doesNotContainPattern("(?<![\\dA-Za-z])\\d{17}[\\dX](?![\\dA-Za-z])");
        Matcher hrefs = Pattern.compile("href=\"([^\"]+)\"").matcher(page);
        while (hrefs.find()) assertThat(hrefs.group(1)).doesNotContainPattern("\\d{15,18}");

        // one county: its items only
        String north = body(office.get("/province?run=" + id + "&county=" + NORTH + "&type=CROSS_COUNTY_DUPLICATE"));
        assertThat(Pattern.compile("<tr data-code=\"([A-Z_]+)\" data-county=\"(\\d+)\"").matcher(north).results()
                .map(m -> m.group(1) + " " + m.group(2)).toList()).containsExactly("CROSS_COUNTY_DUPLICATE " + NORTH);
        // a made-up run is not found, a run id of another form neither
        assertThat(office.get("/province?run=province-19990101-000000").statusCode()).isEqualTo(404);
        assertThat(office.get("/province?run=../../etc").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherProvincesOfficeSeesNoneOfItAndTheCountyOfficesNoProvincePage() throws Exception {
        Http other = Http.session(url(""), OTHER_PROVINCE_OFFICE, PASSWORD);
        String page = body(other.get("/province"));
        assertThat(page).contains("尚无省级运行").doesNotContain("样例县", "钱雪", province().provinceRunId());
        assertRefused(other.get("/province?run=" + province().provinceRunId()), "another province's run");
        assertRefused(Http.session(url(""), COUNTY_OFFICE, PASSWORD).get("/province"), "county office on /province");
        assertRefused(Http.session(url(""), CLERK, PASSWORD).get("/province"), "clerk on /province");
        assertRefused(Http.session(url(""), PROVINCE_OFFICE, PASSWORD).get("/county/all"), "province office on a county's queue");
        assertRefused(Http.session(url(""), PROVINCE_OFFICE, PASSWORD).get("/township/province/" + province().provinceRunId() + "/items/"
                + certificateRequest()), "province office deciding for a county");
    }

    @Test
    void theOperatorReachesThePageFromTheRunsPage() throws Exception {
        Http op = Http.session(url(""), OPERATOR, PASSWORD);
        assertThat(body(op.get("/operator"))).contains("id=\"province-link\"").contains("href=\"/province\"");
        assertThat(body(op.get("/province"))).contains(province().provinceRunId(), "北河县");
    }

    @Test
    void theClerkOfTheRegistersTownshipIssuesTheCertificateWithWhoAndWhenAndARefusalNeedsAReason() throws Exception {
        int no = certificateRequest();
        String id = province().provinceRunId(), path = "/township/province/" + id + "/items/" + no;
        Http clerk = Http.session(url(""), CLERK, PASSWORD);
        String queue = body(clerk.get("/township"));
        assertThat(queue).contains("id=\"province-requests\"", "郑浩", "北河县（341298）", "href=\"" + path + "\"");
        assertThat(body(Http.session(url(""), OTHER_CLERK, PASSWORD).get("/township"))).doesNotContain("郑浩");
        assertRefused(Http.session(url(""), OTHER_CLERK, PASSWORD).get(path), "another township's request");

        String item = body(clerk.get(path));
        assertThat(item).contains("原选区资格证明申请", "出具原选区资格证明", "不予出具", "北河县（341298）", id)
                .contains(WebFixture.ZHENG_HAO_NUMBER.substring(0, 6)).contains("action=\"" + path + "/decision\"");
        long decisions = jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class);
        HttpResponse<byte[]> refused = clerk.form(path + "/decision", Map.of("verdict", "REFUSE_CERTIFICATE", "note", ""));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(body(clerk.get(path))).contains("不予出具须填写理由");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class)).isEqualTo(decisions);
        assertThat(body(clerk.get(path))).as("a dismissal is no answer to a request").doesNotContain("value=\"DISMISS\"");

        clerk.form(path + "/decision", Map.of("verdict", "ISSUE_CERTIFICATE", "note", "户籍在本乡，资格有效"));
        var d = jdbc.queryForMap("SELECT * FROM decision WHERE county_code = ? AND code = 'CERTIFICATE_REQUEST' ORDER BY decision_id DESC LIMIT 1",
                WebFixture.COUNTY);
        assertThat(d.get("verdict")).isEqualTo("ISSUE_CERTIFICATE");
        assertThat(d.get("decided_by")).isEqualTo(CLERK);
        assertThat(d.get("decided_at")).isNotNull();
        assertThat(d.get("run_id")).isEqualTo(baseline().runId());
        assertThat(d.get("fingerprint")).isEqualTo(jdbc.queryForObject("SELECT fingerprint FROM province_exception WHERE province_run_id = ? AND item_no = ?",
                String.class, id, no));
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'DECISION' AND actor = ? ORDER BY audit_id DESC LIMIT 1", String.class, CLERK))
                .isEqualTo("省级运行 " + id + " 事项 " + no + "（原选区资格证明申请）：出具原选区资格证明");
        assertThat(body(clerk.get(path))).contains("已处理：出具原选区资格证明").doesNotContain("id=\"decision-form\"");
        assertThat(body(Http.session(url(""), PROVINCE_OFFICE, PASSWORD).get("/province?run=" + id + "&type=CERTIFICATE_REQUEST")))
                .contains("已处理：出具原选区资格证明（" + CLERK + "）");
    }

    @Test
    void eachCountysClerkSeesItsOwnDuplicateInTheQueueAndDecidesItThereWithWhoAndWhenAndAStrikeNeedsItsGround() throws Exception {
        String id = province().provinceRunId();
        Map<String, Object> here = jdbc.queryForMap("SELECT item_no, township_code, fingerprint FROM province_exception WHERE province_run_id = ? "
                + "AND code = 'CROSS_COUNTY_DUPLICATE' AND county_code = ? AND id_numbers = ?", id, WebFixture.COUNTY, QIAN_XUE);
        int there = jdbc.queryForObject("SELECT item_no FROM province_exception WHERE province_run_id = ? AND code = 'CROSS_COUNTY_DUPLICATE' "
                + "AND county_code = ? AND id_numbers = ?", Integer.class, id, NORTH, QIAN_XUE);
        // 钱雪 is listed in 341299100-02: the clerk of 341299100 decides, in this county; 北河县's item is 北河县's
        assertThat(here.get("township_code")).isEqualTo(OTHER_TOWNSHIP);
        String path = "/township/province/" + id + "/items/" + here.get("item_no");
        Http clerk = Http.session(url(""), OTHER_CLERK, PASSWORD);
        String queue = body(clerk.get("/township"));
        assertThat(queue).contains("id=\"province-duplicates\"", "钱雪", "北河县（341298）", "href=\"" + path + "\"").doesNotContain(QIAN_XUE);
        assertThat(body(Http.session(url(""), CLERK, PASSWORD).get("/township"))).as("another township's").doesNotContain("钱雪");
        assertRefused(Http.session(url(""), CLERK, PASSWORD).get(path), "another township's duplicate");
        assertRefused(clerk.get("/township/province/" + id + "/items/" + there), "the other county's item");
        assertRefused(Http.session(url(""), COUNTY_OFFICE, PASSWORD).get("/county/province/" + id + "/items/" + there), "the other county's item");
        assertRefused(Http.session(url(""), COUNTY_OFFICE, PASSWORD).get("/county/province/" + id + "/items/" + here.get("item_no")),
                "a township's item, to the county office");

        String item = body(clerk.get(path));
        assertThat(item).contains(Labels.exception("CROSS_COUNTY_DUPLICATE"), "本县保留（对方县核减）", "本县核减（已在对方县登记）", "北河县（341298）")
                .contains("action=\"" + path + "/decision\"").doesNotContain("value=\"DISMISS\"");
        long decisions = jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class);
        clerk.form(path + "/decision", Map.of("verdict", "REMOVE_HERE", "note", ""));
        assertThat(body(clerk.get(path))).contains("本县核减须填写依据");
        clerk.form(path + "/decision", Map.of("verdict", "DISMISS", "note", "x"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision", Long.class)).as("no strike without its ground, no dismissal").isEqualTo(decisions);

        clerk.form(path + "/decision", Map.of("verdict", "KEEP_HERE", "note", ""));
        var d = jdbc.queryForMap("SELECT * FROM decision WHERE county_code = ? AND code = 'CROSS_COUNTY_DUPLICATE' ORDER BY decision_id DESC LIMIT 1",
                WebFixture.COUNTY);
        assertThat(d.get("verdict")).isEqualTo("KEEP_HERE");
        assertThat(d.get("decided_by")).isEqualTo(OTHER_CLERK);
        assertThat(d.get("decided_at")).isNotNull();
        assertThat(d.get("fingerprint")).isEqualTo(here.get("fingerprint"));
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'DECISION' AND actor = ? ORDER BY audit_id DESC LIMIT 1", String.class,
                OTHER_CLERK)).isEqualTo("省级运行 " + id + " 事项 " + here.get("item_no") + "（" + Labels.exception("CROSS_COUNTY_DUPLICATE")
                + "）：本县保留（对方县核减）");
        assertThat(body(clerk.get(path))).contains("已处理：本县保留（对方县核减）").doesNotContain("id=\"decision-form\"");
        assertThat(body(clerk.get("/township"))).contains("已处理：本县保留（对方县核减）");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision WHERE county_code = ?", Long.class, NORTH)).as("北河县 decided nothing").isZero();
    }

    @Test
    void theCountyOfficeDecidesARequestWithoutATownshipOnItsOwnPathsAndIsSentBackThere() throws Exception {
        // a copy of 郑浩's request that names no township (its register's area is in no township of xuanqu.csv): the
        // county office's, under its own fingerprint so that deciding it leaves the clerk's request open
        String id = province().provinceRunId();
        int no = jdbc.queryForObject("SELECT MAX(item_no) + 100 FROM province_exception WHERE province_run_id = ?", Integer.class, id);
        jdbc.update("""
                INSERT INTO province_exception (province_run_id, item_no, code, level, county_code, run_id, township_code, district_code,
                       id_numbers, names, description, evidence, fingerprint, other_county_code, other_run_id)
                SELECT province_run_id, ?, code, level, county_code, run_id, NULL, district_code, id_numbers, names, description,
                       evidence, 'county-office-request', other_county_code, other_run_id
                FROM province_exception WHERE province_run_id = ? AND item_no = ?""", no, id, certificateRequest());
        try {
            String path = "/county/province/" + id + "/items/" + no;
            Http office = Http.session(url(""), COUNTY_OFFICE, PASSWORD);
            assertThat(body(office.get("/county"))).contains("id=\"province-requests\"", "href=\"" + path + "\"");
            assertThat(body(Http.session(url(""), CLERK, PASSWORD).get("/township"))).doesNotContain("href=\"/township/province/" + id + "/items/" + no + "\"");
            assertRefused(Http.session(url(""), CLERK, PASSWORD).get("/township/province/" + id + "/items/" + no), "the county office's item, to a clerk");
            assertThat(body(office.get(path))).contains("原选区资格证明申请", "action=\"" + path + "/decision\"");

            HttpResponse<byte[]> decided = office.form(path + "/decision", Map.of("verdict", "ISSUE_CERTIFICATE", "note", "户籍地不在任何乡镇，县选举办出具"));
            assertThat(decided.statusCode()).isEqualTo(302);
            assertThat(decided.headers().firstValue("Location").orElse("")).as("back to the county office's page of the item").endsWith(path);
            assertThat(jdbc.queryForObject("SELECT decided_by FROM decision WHERE fingerprint = 'county-office-request'", String.class))
                    .isEqualTo(COUNTY_OFFICE);
            assertThat(body(office.get(path))).contains("已处理：出具原选区资格证明").doesNotContain("id=\"decision-form\"");
        } finally {
            jdbc.update("DELETE FROM decision WHERE fingerprint = 'county-office-request'");
            jdbc.update("DELETE FROM province_exception WHERE province_run_id = ? AND item_no = ?", id, no);
        }
    }

    @Test
    void theSameAsJsonForTheOfficesSystemsWithRecordsNotColumnsAndNumbersMasked() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        Http office = Http.basic(url(""), PROVINCE_OFFICE, PASSWORD);
        String id = province().provinceRunId();
        var runs = json.readTree(office.get("/api/province/runs").body());
        assertThat(runs.get(0).get("provinceRunId").asString()).isEqualTo(id);
        assertThat(runs.get(0).get("jobNames").size()).isEqualTo(2);

        HttpResponse<byte[]> detail = office.get("/api/province/runs/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        var run = json.readTree(detail.body());
        assertThat(run.get("run").get("status").asString()).isEqualTo("COMPLETED");
        var counties = run.get("counties");
        assertThat(counties.size()).isEqualTo(2);
        var here = counties.get(0).get("countyCode").asString().equals(WebFixture.COUNTY) ? counties.get(0) : counties.get(1);
        assertThat(here.get("runId").asString()).isEqualTo(baseline().runId());
        assertThat(here.get("partitionStatus").asString()).isEqualTo("COMPLETED");
        double rate = new ObjectMapper().readTree(Files.readString(Path.of(baseline().outputPath()).resolve("summary.json"))).get("registrationRate").asDouble();
        assertThat(here.get("registrationRate").asDouble()).isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(here.get("items").findValuesAsString("code")).contains("CROSS_COUNTY_DUPLICATE", "CERTIFICATE_REQUEST");
        assertThat(run.get("steps").findValuesAsString("stepName")).contains("check");

        HttpResponse<byte[]> page = office.get("/api/province/runs/" + id + "/items?county=" + NORTH + "&type=CROSS_COUNTY_DUPLICATE");
        var items = json.readTree(page.body());
        assertThat(items.get("total").asLong()).isEqualTo(1);
        var qian = items.get("items").get(0);
        assertThat(qian.get("names").asString()).isEqualTo("钱雪");
        assertThat(qian.get("maskedNumber").asString()).isEqualTo("320102********1143");
        assertThat(qian.get("otherCountyCode").asString()).isEqualTo(WebFixture.COUNTY);
        assertThat(qian.get("typeLabel").asString()).isEqualTo(Labels.exception("CROSS_COUNTY_DUPLICATE"));
        for (HttpResponse<byte[]> r : java.util.List.of(detail, page, office.get("/api/province/runs/" + id + "/items"))) {
            assertThat(body(r)).doesNotContain(QIAN_XUE, WebFixture.ZHENG_HAO_NUMBER).doesNotContain("id_numbers", "idNumber", "evidence")
                    .doesNotContainPattern("(?<![\\dA-Za-z])\\d{17}[\\dX](?![\\dA-Za-z])");
        }

        // another province's office: none of it; a county's staff, a clerk: refused; an unknown run: not found
        assertThat(json.readTree(Http.basic(url(""), OTHER_PROVINCE_OFFICE, PASSWORD).get("/api/province/runs").body()).size()).isZero();
        assertRefused(Http.basic(url(""), OTHER_PROVINCE_OFFICE, PASSWORD).get("/api/province/runs/" + id), "another province's run");
        assertRefused(Http.basic(url(""), OTHER_PROVINCE_OFFICE, PASSWORD).get("/api/province/runs/" + id + "/items"), "another province's items");
        assertRefused(Http.basic(url(""), CLERK, PASSWORD).get("/api/province/runs"), "a clerk");
        assertRefused(Http.basic(url(""), COUNTY_OFFICE, PASSWORD).get("/api/province/runs"), "a county office");
        assertThat(office.get("/api/province/runs/province-19990101-000000").statusCode()).isEqualTo(404);
        assertThat(Http.basic(url(""), OPERATOR, PASSWORD).get("/api/province/runs/" + id).statusCode()).isEqualTo(200);
    }
}
