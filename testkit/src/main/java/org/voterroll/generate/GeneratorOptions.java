package org.voterroll.generate;

import java.nio.file.Path;

/**
 * Options of the synthetic-county generator.
 *
 * @param persons   people with a household register (户籍) in the county; in-migrants come on top (~4 %)
 * @param seed      random seed: the same seed gives byte-identical files
 * @param townships number of townships; 0 = choose from {@code persons} (~1 per 30 000 people, at least 1)
 * @param out       output directory (created; existing files are overwritten)
 */
public record GeneratorOptions(int persons, long seed, int townships, Path out) {
}
