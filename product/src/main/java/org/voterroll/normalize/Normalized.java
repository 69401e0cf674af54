package org.voterroll.normalize;

import java.util.List;

/**
 * A normalised value plus the repairs applied to get it. An empty list means the value arrived
 * clean (surrounding whitespace alone does not count as a repair). Repairs are short texts such as
 * {@code "全角数字转半角"}, {@code "15位转18位"}, {@code "小写x转大写"}, {@code "去除空格"},
 * {@code "繁体转简体"}, {@code "间隔号统一"}.
 *
 * @param value   the normalised value
 * @param repairs the repairs applied, in a stable order; never null, unmodifiable
 */
public record Normalized<T>(T value, List<String> repairs) {

    public Normalized {
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }

    /** A value that needed no repair. */
    public static <T> Normalized<T> clean(T value) {
        return new Normalized<>(value, List.of());
    }

    /** True when at least one repair was applied. */
    public boolean repaired() {
        return !repairs.isEmpty();
    }
}
