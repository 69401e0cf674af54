package org.voterroll.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizedTest {

    @Test
    void repairedReflectsTheRepairList() {
        assertThat(new Normalized<>("x", List.of()).repaired()).isFalse();
        assertThat(new Normalized<>("x", List.of("去除空格")).repaired()).isTrue();
        assertThat(Normalized.clean("x").repaired()).isFalse();
        assertThat(Normalized.clean("x").value()).isEqualTo("x");
    }

    @Test
    void nullRepairsBecomeEmpty() {
        Normalized<String> n = new Normalized<>("x", null);
        assertThat(n.repairs()).isEmpty();
        assertThat(n.repaired()).isFalse();
    }

    @Test
    void repairsAreCopiedAndUnmodifiable() {
        List<String> repairs = new ArrayList<>(List.of("繁体转简体"));
        Normalized<String> n = new Normalized<>("陈", repairs);
        repairs.add("去除空格");
        assertThat(n.repairs()).containsExactly("繁体转简体");
        assertThatThrownBy(() -> n.repairs().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equality() {
        assertThat(new Normalized<>("陈", List.of("繁体转简体"))).isEqualTo(new Normalized<>("陈", List.of("繁体转简体")));
        assertThat(new Normalized<>("陈", List.of())).isNotEqualTo(new Normalized<>("陈", List.of("繁体转简体")));
    }

    @Test
    void invalidValueExceptionCarriesItsMessage() {
        InvalidValueException e = new InvalidValueException("出生日期无法识别 (unparseable date): 2023-13-45");
        assertThat(e).isInstanceOf(RuntimeException.class).hasMessage("出生日期无法识别 (unparseable date): 2023-13-45");
    }
}
