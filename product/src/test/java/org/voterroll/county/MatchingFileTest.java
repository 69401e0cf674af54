package org.voterroll.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voterroll.identity.match.MatchModel;
import org.voterroll.identity.match.*;
import org.voterroll.identity.match.Matching;
import org.voterroll.identity.match.MatchWeights;

class MatchingFileTest {

    @Test
    void aCountyWithoutTheFileMatchesWithTheDefaults(@TempDir Path county) {
        MatchingFile f = MatchingFile.load(county);
        assertThat(f.text()).isNull();
        assertThat(f.matching()).isSameAs(Matching.defaults());
        assertThat(MatchingFile.parse(null, "x")).isSameAs(Matching.defaults());
        assertThat(MatchingFile.parse("# nothing set\n", "x")).isSameAs(Matching.defaults());
    }

    @Test
    void theFileOverridesWhatItNamesAndKeepsTheRest(@TempDir Path county) throws Exception {
        String text = """
                upper-threshold: 30
                lower-threshold: 12.5
                weights:
                  AREA.SAME_VILLAGE: {m: 0.7, u: 0.01}
                  SEX.DISAGREE: {u: 0.4}
                """;
        Files.writeString(county.resolve("matching.yml"), text);
        MatchingFile f = MatchingFile.load(county);
        assertThat(f.text()).isEqualTo(text);
        Matching m = f.matching();
        assertThat(m.thresholds().upper()).isEqualTo(30.0);
        assertThat(m.thresholds().lower()).isEqualTo(12.5);
        assertThat(m.weights().u(AreaComparison.Level.SAME_VILLAGE)).isEqualTo(0.01);
        assertThat(m.weights().weight(AreaComparison.Level.SAME_VILLAGE)).isCloseTo(Math.log(70) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.weights().m(SexComparison.Level.DISAGREE)).isEqualTo(MatchWeights.defaults().m(SexComparison.Level.DISAGREE));
        assertThat(m.weights().u(SexComparison.Level.DISAGREE)).isEqualTo(0.4);
        assertThat(m.weights().entry(NameComparison.Level.EXACT)).isEqualTo(MatchWeights.defaults().entry(NameComparison.Level.EXACT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelt key              | upper-treshold: 30                                | m.yml: unknown setting 'upper-treshold' — the settings are upper-threshold, lower-threshold, weights
            a threshold that is no number | upper-threshold: high                           | m.yml: upper-threshold must be a number, got 'high'
            thresholds the wrong way round | 'upper-threshold: 10\\nlower-threshold: 20'      | m.yml: upper-threshold 10.0 must be above lower-threshold 20.0
            an unknown field            | 'weights:\\n  PHONE.EQUAL: {m: 0.9, u: 0.001}'     | m.yml: weights PHONE.EQUAL: a weight is named FIELD.OUTCOME, FIELD one of [NAME, SEX, BIRTH, ID_SHAPE, AREA, HOUSEHOLD, ADDRESS]
            an unknown outcome          | 'weights:\\n  AREA.SAME_STREET: {m: 0.9, u: 0.001}' | m.yml: weights AREA.SAME_STREET: no outcome SAME_STREET of AREA (its outcomes: [SAME_VILLAGE, SAME_TOWNSHIP, SAME_COUNTY, DIFFERENT])
            a policy weight             | 'weights:\\n  NAME.ONE_CHAR: {m: 0.1, u: 0.5}'      | m.yml: weights NAME.ONE_CHAR: set by the registration rules, not by a county
            a probability above 1       | 'weights:\\n  SEX.AGREE: {m: 1.5}'                  | m.yml: weights SEX.AGREE: m and u are probabilities above 0 and at most 1, got m 1.5, u 0.5
            an unknown key of a weight  | 'weights:\\n  SEX.AGREE: {w: 2}'                    | m.yml: weights SEX.AGREE: unknown key 'w' (m and u)
            not YAML                    | 'weights: [\\n  : :'                                 | m.yml: 无法解析 (cannot parse YAML)
            name, sex and birth proving one person | upper-threshold: 27                      | m.yml: name, sex and birth date with the weakest corroboration weigh 28.27 bits, above the upper threshold 27.00
            a heavier township          | 'weights:\\n  AREA.SAME_TOWNSHIP: {m: 0.5, u: 0.1}' | m.yml: name, sex and birth date with the weakest corroboration weigh 29.60 bits
            a lower threshold of 0      | lower-threshold: 0                                | m.yml: the lower threshold 0.00 must be above 0
            """)
    void aWrongFileSaysWhatToFix(String what, String text, String message) {
        assertThatThrownBy(() -> MatchingFile.parse(text.replace("\\n", "\n"), "m.yml"))
                .as(what).isInstanceOf(CountyConfigException.class).hasMessageStartingWith(message);
    }
}
