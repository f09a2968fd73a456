package dev.ben.contracts.engine.playbook;

import java.util.Objects;

/**
 * What a bound needs to know about one candidate firing: its cooldown scope key ({@code
 * field=value,...}, empty for the whole playbook) and its event time.
 */
public record BoundRequest(String scope, long atMillis) {

  public BoundRequest {
    Objects.requireNonNull(scope, "scope");
  }
}
