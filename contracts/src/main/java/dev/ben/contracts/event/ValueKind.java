package dev.ben.contracts.event;

/** What a slot of an {@link Event} currently holds. */
public enum ValueKind {
  /** No value (missing optional field, or removed by redaction). */
  ABSENT,
  /**
   * A whole number: integers (u64 as raw bits), booleans as 0/1, timestamps as epoch milliseconds.
   */
  INTEGER,
  /** A floating-point number. */
  REAL,
  /** Text: strings, UUIDs, or any value replaced by text during redaction. */
  TEXT,
  /** An IP address as 128 bits plus its canonical text. */
  IP,
  /**
   * An array field: an immutable list of boxed values (off the hot path; predicates skip arrays).
   */
  ARRAY
}
