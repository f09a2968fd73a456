package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One redaction applied by blot after evaluation and before detectors or the store see the event.
 */
@JsonPropertyOrder({"field", "op"})
public record Redaction(String field, RedactOp op) {

  public Redaction {
    Checks.name(field, "redacted field");
    Checks.present(op, "redaction of '" + field + "'");
  }
}
