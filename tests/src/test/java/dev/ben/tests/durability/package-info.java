/**
 * Durability with real node processes: what a node acknowledged survives SIGKILL and is stored
 * once.
 */
package dev.ben.tests.durability;
