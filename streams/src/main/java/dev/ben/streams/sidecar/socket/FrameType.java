package dev.ben.streams.sidecar.socket;

import java.util.Optional;

/**
 * Every frame type, by lane and type byte, and who may send it. Control frames (lane 0) run the
 * session and carry signals; event frames (lane 1) carry batches and their acks, so a reader can
 * tell data from control by one byte.
 */
public enum FrameType {
  HELLO(FrameType.CONTROL, 1, true),
  WELCOME(FrameType.CONTROL, 2, false),
  SIGNAL(FrameType.CONTROL, 3, false),
  SIGNAL_ACK(FrameType.CONTROL, 4, true),
  ERROR(FrameType.CONTROL, 5, false),
  BYE(FrameType.CONTROL, 6, true),
  PING(FrameType.CONTROL, 7, true),
  PONG(FrameType.CONTROL, 8, false),
  EVENTS(FrameType.EVENTS_LANE, 1, true),
  ACK(FrameType.EVENTS_LANE, 2, false);

  public static final int CONTROL = 0;
  public static final int EVENTS_LANE = 1;

  /** The only protocol version; a HELLO naming another is refused. */
  public static final int PROTOCOL = 1;

  /** Bytes of the length prefix. */
  public static final int PREFIX_BYTES = 4;

  /** Bytes the length always covers: lane and type. */
  public static final int HEADER_BYTES = 2;

  private final int lane;
  private final int code;
  private final boolean fromClient;

  FrameType(int lane, int code, boolean fromClient) {
    this.lane = lane;
    this.code = code;
    this.fromClient = fromClient;
  }

  public int lane() {
    return lane;
  }

  public int code() {
    return code;
  }

  /** Whether a client may send it (BYE goes both ways; the server's BYE answers the client's). */
  public boolean fromClient() {
    return fromClient;
  }

  public static Optional<FrameType> of(int lane, int code) {
    for (FrameType type : values()) {
      if (type.lane == lane && type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public static boolean knownLane(int lane) {
    return lane == CONTROL || lane == EVENTS_LANE;
  }
}
