package dev.ben.contracts.engine.playbook;

import java.util.List;

/** Resolves the names a playbook uses into references; -1 (or an empty list) means unknown. */
public interface PlaybookResolver {

  int ruleRef(String rule);

  int bitRef(String bit);

  int factRef(String fact);

  /** Level names of the fact's threshold, in order. */
  List<String> factLevels(String fact);

  int detectorRef(String detector, String feature);
}
