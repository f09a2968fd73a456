package dev.ben.bux.socket;

import java.util.Optional;

/**
 * A client frame the socket will not act on, with a reason a person can act on and, when the frame
 * named one, the subscription or request it was about (so the page can tell which of its calls
 * failed).
 */
public final class FrameRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sub;
  private final String id;

  private FrameRefusedException(String reason, String sub, String id) {
    super(reason, null, false, false);
    this.sub = sub;
    this.id = id;
  }

  static FrameRefusedException of(String reason) {
    return new FrameRefusedException(reason, null, null);
  }

  static FrameRefusedException aboutSub(String sub, String reason) {
    return new FrameRefusedException(reason, sub, null);
  }

  static FrameRefusedException aboutRequest(String id, String reason) {
    return new FrameRefusedException(reason, null, id);
  }

  public Optional<String> sub() {
    return Optional.ofNullable(sub);
  }

  public Optional<String> id() {
    return Optional.ofNullable(id);
  }
}
