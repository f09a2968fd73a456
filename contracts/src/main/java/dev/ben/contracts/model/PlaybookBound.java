package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Limits on firing. The rate ({@code atMost} per {@code perMillis}) applies to the playbook as a
 * whole; the cooldown applies per distinct value of {@code cooldownScope} fields (the whole
 * playbook when empty). {@code atMost == 0} means no rate limit, {@code cooldownMillis == 0} no
 * cooldown; at least one must be set.
 */
@JsonPropertyOrder({"atMost", "perMillis", "cooldownMillis", "cooldownScope"})
public record PlaybookBound(
    int atMost, long perMillis, long cooldownMillis, List<String> cooldownScope) {

  public PlaybookBound {
    Checks.notNegative(atMost, "at_most");
    Checks.notNegative(cooldownMillis, "cooldown");
    cooldownScope = Checks.list(cooldownScope);
    if (atMost > 0) {
      Checks.positive(perMillis, "rate window");
    }
    if (atMost == 0 && cooldownMillis == 0) {
      throw new IllegalArgumentException(
          "a playbook bound needs a rate (at_most N per D) or a cooldown");
    }
  }

  public boolean hasRate() {
    return atMost > 0;
  }

  public boolean hasCooldown() {
    return cooldownMillis > 0;
  }
}
