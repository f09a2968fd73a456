/**
 * The report table of {@code ./ben bench}: every figure of the performance targets, its target
 * (held in one place, {@link dev.ben.bench.table.Figure}), whether it meets it and by how much it
 * is short, and the reference measured in the same run. Each part of the bench writes a small
 * section file under {@code target/bench/}; {@link dev.ben.bench.table.BenchTable} reads them all
 * and prints the table, so a part that did not run shows as "not run" with its reason, never as a
 * figure.
 */
package dev.ben.bench.table;
