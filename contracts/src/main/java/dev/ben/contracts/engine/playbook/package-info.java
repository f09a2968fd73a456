/**
 * Playbooks: a compiled condition over rules fired, bits, facts, detector values and event fields;
 * bounds (a rate per window for the whole playbook, a cooldown per scope key); and an explanation
 * record for every firing and every suppression (with its reason), so a bounded-out firing is
 * recorded, not lost.
 */
package dev.ben.contracts.engine.playbook;
