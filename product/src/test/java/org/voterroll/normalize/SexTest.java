package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SexTest {

    @ParameterizedTest
    @ValueSource(strings = {"男", "男性", "1", "１", " 男 ", "\u3000男\u3000", " 1", "1\t", " 男性 ", "\u00A0１"})
    void male(String raw) {
        assertThat(Sex.parse(raw)).isEqualTo(Sex.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"女", "女性", "2", "２", " 女 ", "\u3000女", "2 ", " 女性"})
    void female(String raw) {
        assertThat(Sex.parse(raw)).isEqualTo(Sex.FEMALE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\t \u00A0"})
    void blankIsNull(String raw) {
        assertThat(Sex.parse(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3", "9", "12", "M", "F", "male", "男女", "男 性", "性男", "未知", "男的", "11", "-"})
    void anythingElseIsInvalid(String raw) {
        assertThatThrownBy(() -> Sex.parse(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("性别")
                .hasMessageContaining(raw.strip());
    }

    @Test
    void labels() {
        assertThat(Sex.MALE.label()).isEqualTo("男");
        assertThat(Sex.FEMALE.label()).isEqualTo("女");
    }

    @Test
    void labelsRoundTrip() {
        for (Sex s : Sex.values()) {
            assertThat(Sex.parse(s.label())).isEqualTo(s);
        }
    }
}
