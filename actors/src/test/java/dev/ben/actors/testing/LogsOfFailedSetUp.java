package dev.ben.actors.testing;

import org.apache.pekko.actor.testkit.typed.internal.CapturingAppender;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;

/**
 * Prints the captured log when a set-up or tear-down method fails, which {@link
 * org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension} leaves unprinted because it
 * only watches test methods: a node that fails to start in {@code @BeforeAll} says why in its log.
 */
public final class LogsOfFailedSetUp implements LifecycleMethodExecutionExceptionHandler {

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw printLog(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw printLog(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw printLog(context, failure);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw printLog(context, failure);
  }

  private static Throwable printLog(ExtensionContext context, Throwable failure) {
    System.out.println(
        "--> [" + context.getDisplayName() + "] log before the failure: " + failure.getMessage());
    CapturingAppender log = CapturingAppender.get("");
    log.flush();
    log.clear();
    System.out.println("<-- [" + context.getDisplayName() + "] end of the log");
    return failure;
  }
}
