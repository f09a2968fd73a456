package dev.ben.streams.flow;

/**
 * Someone waiting for the spine's decision about one event: the invocation API answers its caller
 * with it while the event goes on through the pipeline like any other. Called once, from the
 * spine's stream, so it must not block.
 */
public interface DecisionListener {

  /**
   * The contract version that evaluated the event and what it decided (including drops and
   * sampling).
   */
  void decided(Envelope.Evaluation evaluation);

  /**
   * The spine refused the event before any rule ran (it does not fit the schema, or no version is
   * loaded).
   */
  void refused(String reason);
}
