package org.voterroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepProgressTest {

    @Test
    void aKnownTotalGivesAPercentageAndTheTimeLeft() {
        StepProgress p = new StepProgress().phase("decide", "persons", 50_000);
        // a quarter done in 10 s: three quarters left at that pace
        assertThat(p.describe(12_500, 50_000, 10)).isEqualTo("decide: 12,500 / 50,000 persons (25.00 %), about 30 s left");
        assertThat(p.describe(50_000, 50_000, 40)).isEqualTo("decide: 50,000 / 50,000 persons (100.00 %)");
    }

    @Test
    void anUnknownTotalGivesTheCountOrThePhase() {
        assertThat(new StepProgress().phase("load", "rows", 0).describe(1_234, 0, 3)).isEqualTo("load: 1,234 rows");
        assertThat(new StepProgress().phase("persons in two households", "", 0).describe(0, 0, 3)).isEqualTo("persons in two households");
    }

    @Test
    void advancingCounts() {
        StepProgress p = new StepProgress().phase("writing files", "districts started", 4);
        p.advance(1);
        p.advance(2);
        assertThat(p.describe()).startsWith("writing files: 3 / 4 districts started (75.00 %), about ");
    }
}
