/**
 * JMH benchmarks of the spine engines (bitspec, rules, blot) on a realistic policy built
 * programmatically: 40 predicates, 6 thresholds, 12 rules and 5 redactions over a 12-field event,
 * plus a variant with the rules doubled over the same predicates (which should cost little, since
 * predicates are evaluated once per event).
 */
package dev.ben.bench;
