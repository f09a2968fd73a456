package dev.ben.contracts.engine.detect;

import java.io.IOException;

/**
 * A detector snapshot this code cannot read: written in another format, or damaged. Refused whole,
 * so the detector starts fresh rather than from half a state.
 */
public final class SnapshotFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public SnapshotFormatException(String message) {
    super(message);
  }
}
