package dev.ben.bux.socket;

import java.util.concurrent.CompletionException;

/** The message of a failed stage, unwrapped from the completion exception that carries it. */
final class Failures {

  private Failures() {}

  static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
