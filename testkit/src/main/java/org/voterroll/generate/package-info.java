/**
 * Synthetic-county generator (pure Java, no Spring): {@link org.voterroll.generate.CountyGenerator#generate}.
 *
 * <h2>Output</h2>
 * <pre>
 * county/election.yml, county/xuanqu.csv          reference files (county 349901 样例县, E = 2026-12-15)
 * inbox/huji_20261201.csv (GB18030) … waidi_…csv  every source of SOURCES.md with its mess; shebao and chaiqian as xlsx,
 *                                                 tongji in two parts
 * previous/rolls/&lt;选区编码&gt;.csv                  the roll of 2021-11-15 (OUTPUTS.md roll format, UTF-8)
 * truth/persons.csv, truth/removed.csv            what the engine must decide (docs/decisions.md readings)
 * truth/summary.json                              counts: rows and junk rows per file, scenarios, quota targets
 * </pre>
 *
 * <h2>How it works</h2>
 * Villages are generated in order; each household is made, planned (status, designed scenario, common records),
 * judged ({@code Generation.evaluate}: the rules of RULES.md as read in docs/decisions.md) and written to every file
 * at once. Rare scenarios are {@link org.voterroll.generate.Quota quotas}: {@code max(min, rate × persons)} cases
 * spread over the county, so a 3 000-person county holds every scenario. Cross-household scenarios (重号 partner,
 * phantom 一人多户 record, a look-alike stranger with another person's name, sex and birth date) are queued for a
 * later village. The only structure that grows with the population is one
 * primitive {@link org.voterroll.generate.LongHashSet}: issued identity numbers, the reserved neighbours of every
 * designed typo (so that a repairable typo stays repairable to exactly one person and an unusable number repairs to
 * nobody), and (name spelling, sex, birth date) keys (no two designed people share an equal or homophone name, sex
 * and birth date, which the engine would rightly take for possible 一人多户, but the look-alike strangers).
 */
package org.voterroll.generate;
