package dev.ben.streams.graph;

/** A stage of a pipeline's graph failed; the graph, and so the whole pipeline, fails with it. */
public final class StageFailedException extends RuntimeException {

  private final StageKind stage;

  private StageFailedException(StageKind stage, Throwable cause) {
    super("the " + stage.label() + " stage failed: " + cause.getMessage(), cause);
    this.stage = stage;
  }

  /**
   * The failure named after {@code stage}, unless a stage further upstream already named it (a
   * failure travels downstream through every later stage).
   */
  public static StageFailedException of(StageKind stage, Throwable failure) {
    return failure instanceof StageFailedException named
        ? named
        : new StageFailedException(stage, failure);
  }

  public StageKind stage() {
    return stage;
  }
}
