package dev.ben.actors.node;

/**
 * The JDK's common fork-join pool sized for a node. With a parallelism under two (the JDK's default
 * on a machine of one or two cores) {@code CompletableFuture} runs every asynchronous continuation
 * on a new thread, and Pekko's ask answers are such futures: their plain {@code thenApply}, {@code
 * handle} and {@code whenComplete} are run asynchronously on that pool. A node therefore sets at
 * least two before anything touches the pool, unless the operator chose a value ({@code
 * -Djava.util.concurrent.ForkJoinPool.common.parallelism}).
 */
final class CommonPoolParallelism {

  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPoolParallelism() {}

  /** Sets the property when the operator did not; must run before the pool is first used. */
  static void ensure() {
    String chosen =
        parallelism(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
    if (chosen != null) {
      System.setProperty(PROPERTY, chosen);
    }
  }

  /** The value to set, or null to keep what the operator configured. */
  static String parallelism(String configured, int cores) {
    if (configured != null && !configured.isBlank()) {
      return null;
    }
    return Integer.toString(Math.max(2, cores - 1));
  }
}
