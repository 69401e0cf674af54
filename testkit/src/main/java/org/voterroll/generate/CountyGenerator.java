package org.voterroll.generate;

import java.io.IOException;

/**
 * The synthetic-county generator: a county of {@code persons} people with every source file of SOURCES.md (with
 * their mess), the reference files, a previous roll and the ground truth of what the engine must decide, following
 * RULES.md as read in docs/decisions.md. Deterministic for a seed and streaming: memory does not grow with the
 * population except for one primitive long set (identity numbers, reserved typo neighbours and name keys).
 */
public final class CountyGenerator {
    private CountyGenerator() {
    }

    public static GenerationResult generate(GeneratorOptions o) throws IOException {
        return new Generation(o).run();
    }
}
