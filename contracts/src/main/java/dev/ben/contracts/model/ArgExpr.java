package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The value given to one signal argument when a playbook emits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ArgExpr.FieldRef.class, name = "field"),
  @JsonSubTypes.Type(value = ArgExpr.Const.class, name = "const"),
  @JsonSubTypes.Type(value = ArgExpr.DetectorValue.class, name = "detector"),
  @JsonSubTypes.Type(value = ArgExpr.FactValue.class, name = "fact")
})
public sealed interface ArgExpr {

  /** A field of the redacted event (so redacted values never leave in a signal). */
  @JsonPropertyOrder({"field"})
  record FieldRef(String field) implements ArgExpr {
    public FieldRef {
      Checks.name(field, "field name");
    }
  }

  @JsonPropertyOrder({"value"})
  record Const(Literal value) implements ArgExpr {
    public Const {
      Checks.present(value, "constant argument");
    }
  }

  @JsonPropertyOrder({"detector", "feature"})
  record DetectorValue(String detector, String feature) implements ArgExpr {
    public DetectorValue {
      Checks.name(detector, "detector name");
      Checks.name(feature, "feature of detector '" + detector + "'");
    }
  }

  @JsonPropertyOrder({"fact"})
  record FactValue(String fact) implements ArgExpr {
    public FactValue {
      Checks.name(fact, "fact name");
    }
  }
}
