package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A bounded reaction: when {@code when} holds on an event of {@code schema}, emit a signal and
 * explain why.
 */
@JsonPropertyOrder({"name", "schema", "when", "emit", "bound", "explanation", "fingerprint"})
public record Playbook(
    String name,
    String schema,
    PlaybookCondition when,
    Emit emit,
    PlaybookBound bound,
    String explanation,
    String fingerprint)
    implements Fingerprinted<Playbook> {

  public Playbook {
    Checks.name(name, "playbook name");
    Checks.name(schema, "schema of playbook '" + name + "'");
    Checks.present(when, "condition of playbook '" + name + "'");
    Checks.present(emit, "emit of playbook '" + name + "'");
    Checks.present(bound, "bound of playbook '" + name + "' (every playbook needs one)");
    explanation = explanation == null ? "" : explanation;
    fingerprint = Checks.fingerprint(fingerprint);
  }

  @Override
  public Playbook withFingerprint(String value) {
    return new Playbook(name, schema, when, emit, bound, explanation, value);
  }
}
