package dev.ben.actors.screen;

/** A version's lists could not be had, for a reason the caller is told as it is. */
public final class ScreenLookupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ScreenRefusal refusal;

  public ScreenLookupException(ScreenRefusal refusal, String message, Throwable cause) {
    super(message, cause);
    this.refusal = refusal;
  }

  public ScreenRefusal refusal() {
    return refusal;
  }
}
