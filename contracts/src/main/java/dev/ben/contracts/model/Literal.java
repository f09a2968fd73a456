package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A constant written in a contract; engines coerce it to the type of the field it is compared with.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Literal.Text.class, name = "text"),
  @JsonSubTypes.Type(value = Literal.Int.class, name = "int"),
  @JsonSubTypes.Type(value = Literal.Real.class, name = "real"),
  @JsonSubTypes.Type(value = Literal.Bool.class, name = "bool")
})
public sealed interface Literal {

  /**
   * Text form used in explanations and when the target field is textual (ip, uuid, timestamp text).
   */
  String text();

  record Text(String value) implements Literal {
    public Text {
      Checks.present(value, "text literal");
    }

    @Override
    public String text() {
      return value;
    }
  }

  record Int(long value) implements Literal {
    @Override
    public String text() {
      return Long.toString(value);
    }
  }

  record Real(double value) implements Literal {
    @Override
    public String text() {
      return Double.toString(value);
    }
  }

  record Bool(boolean value) implements Literal {
    @Override
    public String text() {
      return Boolean.toString(value);
    }
  }

  /** Numeric view for ordering checks; text and booleans have none. */
  static Double numeric(Literal literal) {
    if (literal instanceof Int i) {
      return (double) i.value();
    }
    if (literal instanceof Real r) {
      return r.value();
    }
    return null;
  }
}
