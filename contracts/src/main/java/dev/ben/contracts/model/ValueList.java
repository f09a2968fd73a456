package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A named list of values (inline or loaded from a project file at build time), used by {@code in}
 * and fuzzy predicates. Values are kept as canonical text; the element type says how engines
 * interpret them.
 */
@JsonPropertyOrder({"name", "elementType", "values", "fingerprint"})
public record ValueList(String name, FieldType elementType, List<String> values, String fingerprint)
    implements Fingerprinted<ValueList> {

  public ValueList {
    Checks.name(name, "list name");
    Checks.present(elementType, "element type of list '" + name + "'");
    values = Checks.list(values);
    fingerprint = Checks.fingerprint(fingerprint);
  }

  @Override
  public ValueList withFingerprint(String value) {
    return new ValueList(name, elementType, values, value);
  }
}
