/**
 * The spine's contract evaluation on the data path: the slot holding a pipeline's active contract
 * version on this node, swapped atomically when a new version is acknowledged, and the stage that
 * evaluates every event with exactly one version.
 */
package dev.ben.streams.spine;
