/**
 * The test bench: running compiled contracts over sample events in order, on the shared engines,
 * and describing each decision as JSON. {@code benctl test} and bux's test bench both run this
 * code, so they print the same outcomes for the same sources and events.
 */
package dev.ben.contracts.testbench;
