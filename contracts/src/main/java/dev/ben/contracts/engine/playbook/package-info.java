/**
 * Playbooks in two phases: a compiled condition over rules fired, bits, facts, detector values and
 * event fields gives candidate firings; the playbook's bound (a rate per window for the whole
 * playbook, a cooldown per scope key) admits or suppresses each, behind {@link
 * dev.ben.contracts.engine.playbook.BoundAdmission} so the bound can be held in one runtime or for
 * the whole cluster. Every firing and every suppression (with its reason) is an explanation record,
 * so a bounded-out firing is recorded, not lost.
 */
package dev.ben.contracts.engine.playbook;
