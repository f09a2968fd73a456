package dev.ben.tests.bux;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves the browser's screenshot and page source when a test fails, named after the test, so a
 * failure in CI can be seen as the browser saw it.
 */
final class FailureShots implements TestWatcher {

  private final Supplier<Browser> browser;

  FailureShots(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser current = browser.get();
    if (current != null) {
      current.save(
          "FAILED-"
              + context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getRequiredTestMethod().getName());
    }
  }
}
