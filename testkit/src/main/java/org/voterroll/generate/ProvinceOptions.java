package org.voterroll.generate;

import java.nio.file.Path;

/**
 * Options of the province generator.
 *
 * @param counties          counties of the province (2 to 99)
 * @param personsPerCounty  people with a household register in each county ({@link GeneratorOptions#persons})
 * @param seed              the same seed gives byte-identical files
 * @param townships         townships per county; 0 = chosen from the persons
 * @param out               output directory: jobs/, truth/ (created; existing files are overwritten)
 */
public record ProvinceOptions(int counties, int personsPerCounty, long seed, int townships, Path out) {
    /** planted people per ordered pair of counties and per kind: about 0.3 % of a county's people per pair of counties */
    static final double CROSS_RATE = 0.0005;

    public ProvinceOptions {
        if (counties < 2 || counties > 99) {
            throw new IllegalArgumentException("a province has 2 to 99 counties, got " + counties);
        }
    }

    /** per ordered pair (registered in one, living in the other) and per kind: at least one */
    public int perPairAndKind() {
        return (int) Math.max(1, Math.round(personsPerCounty * CROSS_RATE));
    }
}
