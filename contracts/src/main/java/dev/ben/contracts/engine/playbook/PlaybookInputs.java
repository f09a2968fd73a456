package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.event.Event;

/**
 * What a playbook can read about the current event, addressed by references its {@link
 * PlaybookResolver} handed out at build time (so evaluation does no name lookups).
 */
public interface PlaybookInputs {

  Event event();

  boolean ruleFired(int ruleRef);

  boolean bitSet(int bitRef);

  /**
   * Index of the fact's current level in its threshold's level order, or -1 when no level passed.
   */
  int factLevel(int factRef);

  /** NaN when the detector has no value for this event. */
  double detectorValue(int detectorRef);
}
