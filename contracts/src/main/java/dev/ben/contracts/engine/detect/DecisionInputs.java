package dev.ben.contracts.engine.detect;

/**
 * What the spine decided about the current event, as detectors and playbooks read it:
 * predicate/level bits and fired rules, addressed by references a resolver handed out when the
 * engine was built.
 */
public interface DecisionInputs {

  boolean bitSet(int bitRef);

  boolean ruleFired(int ruleRef);
}
