package dev.ben.contracts.engine;

import dev.ben.contracts.engine.detect.DecisionInputs;
import java.util.List;

/**
 * What the spine decided about one event, as detectors and playbooks read it: either live from the
 * spine that just evaluated it ({@link SpineEvaluator}) or as recorded on the event for a detector
 * elsewhere ({@link RecordedDecisions}). References are those the version's spine hands out.
 */
public interface SpineDecisions extends DecisionInputs {

  /** Index of the fact's level in its threshold's order, or -1 when no level passed. */
  int factLevel(int factRef);

  /** Names of the set bits, for explanations. */
  List<String> setBits();

  /** Names of the fired rules (winner first), for explanations. */
  List<String> firedRules();
}
