package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One typed argument of a signal. */
@JsonPropertyOrder({"name", "type"})
public record SignalArg(String name, FieldType type) {

  public SignalArg {
    Checks.name(name, "signal argument name");
    Checks.present(type, "type of signal argument '" + name + "'");
  }
}
