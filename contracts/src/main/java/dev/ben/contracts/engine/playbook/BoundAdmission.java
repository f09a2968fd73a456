package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.model.Playbook;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The second phase of a playbook: admitting its candidate firings against its bound. Kept apart
 * from the condition so the bound can be held where it is whole: in the runtime itself ({@link
 * LocalBoundAdmission}) or in one place for the whole cluster.
 */
public interface BoundAdmission {

  /** The verdict of an admitted candidate; any other verdict is the reason it was suppressed. */
  String ADMITTED = "";

  /** Why a candidate is suppressed when its bound could not be asked: no verdict, no signal. */
  String UNAVAILABLE = "bound unavailable";

  /**
   * Admits or refuses each candidate of one playbook, in order (each admission counts against the
   * next). Completes with one verdict per request.
   */
  CompletionStage<List<String>> admit(Playbook playbook, List<BoundRequest> requests);
}
