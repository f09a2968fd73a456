package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One named argument of an emitted signal. */
@JsonPropertyOrder({"name", "value"})
public record EmitArg(String name, ArgExpr value) {

  public EmitArg {
    Checks.name(name, "argument name");
    Checks.present(value, "value of argument '" + name + "'");
  }
}
