package org.voterroll.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TownshipsTest {
    static final Set<String> XUANQU = Set.of("341299100", "341299101");

    @Test
    void aVillageCodeNamesItsTownshipWhenXuanquHasIt() {
        assertThat(Townships.of("341299100201", XUANQU)).isEqualTo("341299100");
        assertThat(Townships.of("341299101", XUANQU)).as("a township code itself").isEqualTo("341299101");
    }

    @Test
    void aTownshipWithoutDistrictsOrNoCodeGoesToTheCountyOffice() {
        assertThat(Townships.of("341299102201", XUANQU)).isNull();
        assertThat(Townships.of("34129910", XUANQU)).isNull();
        assertThat(Townships.of(null, XUANQU)).isNull();
    }
}
