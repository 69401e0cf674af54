package org.voterroll.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy (WebServer.CSP) allows no inline style or script: a template with one would be broken in
 * the browser without a word. So every template (and the Tomcat error page) is read here for what the policy blocks.
 */
class TemplatesHaveNoInlineCodeTest {
    static final Path TEMPLATES = Path.of("product/src/main/resources/templates");
    static final List<Pattern> BLOCKED = List.of(
            Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<script\\b(?![^>]*\\bsrc\\s*=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("th:attr\\s*=\\s*\"[^\"]*\\b(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE));

    static List<String> problems(String name, String text) {
        List<String> out = new ArrayList<>();
        for (Pattern p : BLOCKED) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                out.add(name + ":" + line + ": " + m.group().strip());
            }
        }
        return out;
    }

    @Test
    void noTemplateHasInlineStyleOrScript() throws Exception {
        List<String> found = new ArrayList<>();
        int templates = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                templates++;
                found.addAll(problems(TEMPLATES.relativize(f).toString(), Files.readString(f)));
            }
        }
        assertThat(templates).isGreaterThanOrEqualTo(10);
        assertThat(found).as("inline style or script is blocked by the CSP: move it to static/css or static/js").isEmpty();
        assertThat(problems("ErrorValve", Files.readString(Path.of("product/src/main/java/org/voterroll/web/ErrorValve.java")))).isEmpty();
    }

    /** The scan itself finds each kind: a test that cannot fail would guard nothing. */
    @Test
    void theScanFindsEachKind() {
        for (String bad : List.of("<style>p{}</style>", "<p style=\"color:red\">", "<p th:style=\"${x}\">", "<script>alert(1)</script>",
                "<button onclick=\"go()\">", "<a href=\"javascript:go()\">", "<svg><rect style=\"fill:red\"/></svg>",
                "<p th:attr=\"style='x'\">", "<script type=\"module\">x</script>")) {
            assertThat(problems("t", bad)).as(bad).isNotEmpty();
        }
        for (String good : List.of("<script src=\"/js/app.js\"></script>", "<link rel=\"stylesheet\" href=\"/css/app.css\">",
                "<svg><rect fill=\"#b00\" width=\"10\"/></svg>", "<p class=\"done\" data-onion=\"x\">")) {
            assertThat(problems("t", good)).as(good).isEmpty();
        }
    }
}
