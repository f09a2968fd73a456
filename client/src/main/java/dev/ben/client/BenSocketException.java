package dev.ben.client;

import java.io.IOException;

/**
 * The server refused something (an ERROR frame): {@code reason} is stable (programs match on it),
 * the message says what to do; {@code fatal} means the server closed the session after it.
 */
public final class BenSocketException extends IOException {

  private final String reason;
  private final boolean fatal;

  public BenSocketException(String reason, String message, boolean fatal) {
    super(reason + ": " + message);
    this.reason = reason;
    this.fatal = fatal;
  }

  public String reason() {
    return reason;
  }

  public boolean fatal() {
    return fatal;
  }
}
