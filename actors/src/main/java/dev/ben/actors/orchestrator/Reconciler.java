package dev.ben.actors.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The orchestrator's decision, without actors: from the pipelines the ledger declares and the
 * components that say hello, what every host should make of every pipeline. Declared pipelines get
 * their intent; a ledger-managed pipeline still running somewhere without a declaration (deleted,
 * or a header this orchestrator has not seen yet) is stopped. Pipelines a node runs from its own
 * configuration are not the ledger's and are left alone.
 */
public final class Reconciler {

  private final Map<String, PipelineIntent> declared = new TreeMap<>();
  private boolean known;

  /** Replaces the declared pipelines with the ledger's complete list. */
  public void declared(List<PipelineIntent> intents) {
    declared.clear();
    intents.forEach(intent -> declared.put(intent.pipeline(), intent));
    known = true;
  }

  /**
   * Whether the ledger's list has arrived since this orchestrator started; nothing is stopped
   * before it has.
   */
  public boolean knowsDeclarations() {
    return known;
  }

  /**
   * What to ensure this round. A stop is sent only where something of the pipeline still runs, so
   * draft and archived pipelines cost nothing once torn down.
   */
  public List<PipelineIntent> intents(List<ComponentTable.Entry> running) {
    TreeSet<String> runs = new TreeSet<>();
    running.stream()
        .filter(ComponentTable.Entry::managed)
        .map(ComponentTable.Entry::pipeline)
        .forEach(runs::add);
    List<PipelineIntent> out = new ArrayList<>();
    declared.values().stream()
        .filter(
            intent -> intent.mode() != PipelineIntent.Mode.STOP || runs.contains(intent.pipeline()))
        .forEach(out::add);
    if (known) {
      runs.stream()
          .filter(pipeline -> !declared.containsKey(pipeline))
          .forEach(pipeline -> out.add(PipelineIntent.stop(pipeline)));
    }
    return out;
  }
}
