/**
 * Bitspec: a policy pack compiled into a flat program that evaluates each distinct predicate once
 * per event into an unbounded {@code long[]} mask, sets one bit per passing threshold level with
 * the highest level as a fact, and checks rules by priority. Compiled programs are immutable and
 * shareable; {@link dev.ben.contracts.engine.bitspec.BitspecState} holds one evaluator's reusable
 * buffers, so the per-event loop allocates nothing.
 */
package dev.ben.contracts.engine.bitspec;
