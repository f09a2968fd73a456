package dev.ben.actors.screen;

/**
 * One screening request, whatever transport carried it: the name, the list of the pipeline's
 * contracts to screen it against, the edits allowed, and the version whose lists answer ({@link
 * #NEWEST} for the newest staged one).
 */
public record ScreenQuestion(String pipeline, String list, String name, int within, long version) {

  /** No version named: the newest staged version answers. */
  public static final long NEWEST = 0;
}
