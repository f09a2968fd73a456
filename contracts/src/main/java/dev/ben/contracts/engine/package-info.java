/**
 * The pure evaluation engines shared by the runtime, benctl and bux's test bench, and {@link
 * dev.ben.contracts.engine.ContractRuntime}, the one facade that runs a pipeline's compiled
 * contracts over an event: bitspec (predicates, thresholds, rules), blot (redaction), detectors and
 * playbooks. Engines never read the clock: event time is passed in, so every result is
 * reproducible.
 */
package dev.ben.contracts.engine;
