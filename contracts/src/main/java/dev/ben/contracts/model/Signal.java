package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A signal detectors may send back to applications, with typed arguments in declaration order. */
@JsonPropertyOrder({"name", "args", "fingerprint"})
public record Signal(String name, List<SignalArg> args, String fingerprint)
    implements Fingerprinted<Signal> {

  public Signal {
    Checks.name(name, "signal name");
    args = Checks.list(args);
    fingerprint = Checks.fingerprint(fingerprint);
  }

  @Override
  public Signal withFingerprint(String value) {
    return new Signal(name, args, value);
  }
}
