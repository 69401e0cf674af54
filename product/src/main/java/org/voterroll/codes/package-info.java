/**
 * The vocabulary of the agencies' files (SOURCES.md): the eight sources and the fixed lists of values their columns
 * hold (人员状态, 参保状态, 居住状态, 安置方式, the two 类型 …), each list an enum of {@link org.voterroll.codes.Code}s
 * with its {@link org.voterroll.codes.CodeList}. Load (ingest) reads a delivered cell into a code or rejects the row
 * with the list's reason; the rules read the stored value back into the same code. The bottom of the product: it
 * imports nothing of it (ArchitectureTest), so that every step can use it.
 *
 * <p>Why not {@code labels}: that package holds the Chinese that pages show for the batch's own English codes (run and
 * step statuses, audit actions), and itself uses the sources' names from here; these lists are the contract's data,
 * which the database keeps as the agencies write them.
 */
package org.voterroll.codes;
