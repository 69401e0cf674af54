package org.voterroll.generate;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link CountyGenerator#generate} wrote.
 *
 * @param out           the output directory
 * @param persons       designed real persons: county residents plus in-migrants (truth/persons.csv also holds
 *                      the phantom rows of undecided 一人多户 cases, see summary.json)
 * @param rowsPerSource data rows written per source (huji, liudong, …; parts summed; junk rows included)
 */
public record GenerationResult(Path out, long persons, Map<String, Long> rowsPerSource) {
}
