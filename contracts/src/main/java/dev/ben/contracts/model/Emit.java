package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The signal a playbook emits, with arguments in the signal's declaration order. */
@JsonPropertyOrder({"signal", "args"})
public record Emit(String signal, List<EmitArg> args) {

  public Emit {
    Checks.name(signal, "emitted signal");
    args = Checks.list(args);
  }
}
