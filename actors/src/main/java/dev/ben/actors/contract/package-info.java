/**
 * The component side of activations: on each node, the holder of a pipeline's contract learns which
 * version to run (notices, and asking the ledger), pulls its bundle from store access, checks it,
 * swaps the spine's slot atomically and only then acknowledges.
 */
package dev.ben.actors.contract;
