package dev.ben.streams.eventlog;

/**
 * The event log refused a call: what was wrong ({@link Kind}), the JSON pointer of the field at
 * fault when there is one ({@code /data/attempts}, {@code /entry}), and why.
 */
public final class EventRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal, so callers can map it (to a gRPC status, an exit code). */
  public enum Kind {
    /** The event or argument breaks a rule: a schema, a bound, a name. */
    INVALID,
    /** The caller is not a registered component, or not allowed this type. */
    UNREGISTERED,
    /** The event, parent or status named does not exist. */
    NOT_FOUND,
    /** The call conflicts with what the log holds: an illegal status move, a changed schema. */
    CONFLICT
  }

  private final Kind kind;
  private final String field;
  private final String reason;

  public EventRefusedException(Kind kind, String field, String reason) {
    super(field == null ? reason : field + ": " + reason);
    this.kind = kind;
    this.field = field;
    this.reason = reason;
  }

  static EventRefusedException invalid(String field, String reason) {
    return new EventRefusedException(Kind.INVALID, field, reason);
  }

  public Kind kind() {
    return kind;
  }

  /** The JSON pointer of the field at fault, or null when the refusal concerns no one field. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
