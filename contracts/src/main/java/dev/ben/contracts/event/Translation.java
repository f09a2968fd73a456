package dev.ben.contracts.event;

/**
 * The outcome of translating application JSON into an {@link Event}: accepted, or refused with a
 * reason.
 */
public sealed interface Translation {

  /**
   * The event fitted the schema. {@code unknownFields} counts top-level properties the schema does
   * not declare: they are ignored (applications may roll out new fields before the schema) but
   * counted so the loss is explicit.
   */
  record Accepted(Event event, int unknownFields) implements Translation {}

  /** The event did not fit; {@code field} is empty when the problem is the document as a whole. */
  record Refused(String schema, String field, String reason) implements Translation {

    /**
     * One line a person can act on, e.g. {@code login.attempts: expects u32 (0..4294967295), got
     * -3}.
     */
    public String message() {
      return field.isEmpty() ? schema + ": " + reason : schema + "." + field + ": " + reason;
    }
  }
}
