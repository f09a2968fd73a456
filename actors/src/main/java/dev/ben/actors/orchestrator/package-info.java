/**
 * The orchestrator, a cluster singleton that owns topology and liveness only. Its view of what runs
 * where is built from the hellos components keep sending, so a new incarnation after failover
 * rebuilds it without persisted state.
 */
package dev.ben.actors.orchestrator;
