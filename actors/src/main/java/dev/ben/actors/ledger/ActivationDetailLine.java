package dev.ben.actors.ledger;

import java.util.List;

/** The one-line account of an activation that {@code benctl status} prints under the versions. */
final class ActivationDetailLine {

  private ActivationDetailLine() {}

  static String of(AckTally activation) {
    int required = activation.view().size();
    List<String> missing = activation.missing();
    String gone =
        activation.gone().isEmpty()
            ? ""
            : "; stopped meanwhile: " + String.join(", ", activation.gone());
    return switch (activation.state()) {
      case ACTIVATING ->
          "v"
              + activation.version()
              + " acknowledged by "
              + (required - missing.size())
              + " of "
              + required
              + "; waiting for "
              + String.join(", ", missing)
              + gone;
      case ACTIVE ->
          "v"
              + activation.version()
              + " acknowledged by all "
              + required
              + " required component(s)"
              + gone;
      case FAILED -> activation.failureReason().orElseThrow();
    };
  }
}
