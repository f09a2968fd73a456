package dev.ben.streams.sidecar.socket;

import java.util.OptionalLong;

/**
 * Why a frame (or a whole session) was refused: a stable {@code reason} (the metric label and what
 * programs match on), a {@code message} a person can act on, whether the session ends ({@code
 * fatal}: only when the byte stream cannot be resynchronised, or the node cannot serve it), and the
 * batch sequence when the refused frame was a batch whose sequence could be read, so the client
 * knows which send failed.
 */
public record Refusal(String reason, String message, boolean fatal, OptionalLong seq) {

  public static final String FRAME_TOO_LARGE = "frame_too_large";
  public static final String FRAME_TOO_SHORT = "frame_too_short";
  public static final String TRUNCATED_FRAME = "truncated_frame";
  public static final String UNKNOWN_LANE = "unknown_lane";
  public static final String UNKNOWN_TYPE = "unknown_type";
  public static final String UNEXPECTED_TYPE = "unexpected_type";
  public static final String MALFORMED_PAYLOAD = "malformed_payload";
  public static final String UNSUPPORTED_PROTOCOL = "unsupported_protocol";
  public static final String BAD_NAME = "bad_name";
  public static final String HELLO_REQUIRED = "hello_required";
  public static final String HELLO_REPEATED = "hello_repeated";
  public static final String UNKNOWN_PIPELINE = "unknown_pipeline";
  public static final String WRONG_PIPELINE = "wrong_pipeline";
  public static final String UNKNOWN_SIGNAL = "unknown_signal";
  public static final String INGEST_FAILED = "ingest_failed";
  public static final String TOO_MANY_SESSIONS = "too_many_sessions";
  public static final String IDLE_TIMEOUT = "idle_timeout";
  public static final String HELLO_TIMEOUT = "hello_timeout";
  public static final String TOO_MANY_PENDING = "too_many_pending";
  public static final String TOO_MANY_PEER_SESSIONS = "too_many_peer_sessions";

  /** The HELLO carried no key; fatal, as are the other key refusals. */
  public static final String MISSING_KEY = "missing_key";

  public static final String MALFORMED_KEY = "malformed_key";
  public static final String UNKNOWN_KEY = "unknown_key";
  public static final String REVOKED_KEY = "revoked_key";

  /** The HELLO named an app other than its key's. */
  public static final String APP_MISMATCH = "app_mismatch";

  /** The node could not read the key's app; fatal, the client may reconnect. */
  public static final String KEY_CHECK_FAILED = "key_check_failed";

  public Refusal {
    seq = seq == null ? OptionalLong.empty() : seq;
  }

  /** The frame is skipped and the session goes on. */
  public static Refusal of(String reason, String message) {
    return new Refusal(reason, message, false, OptionalLong.empty());
  }

  /** A refused batch, named by its sequence; the session goes on. */
  public static Refusal ofBatch(long seq, String reason, String message) {
    return new Refusal(reason, message, false, OptionalLong.of(seq));
  }

  /** The session ends after this is written. */
  public static Refusal fatal(String reason, String message) {
    return new Refusal(reason, message, true, OptionalLong.empty());
  }
}
